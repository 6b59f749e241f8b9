#!/usr/bin/env bash
# Property-based API testing of `ltsctl serve` against its own OpenAPI document with Schemathesis: every
# route (device and admin) gets generated valid and invalid requests; any 5xx, any status code, content type
# or header the document does not declare, and any answer that does not match the documented schema fails
# the run. Not run: the two checks that compare the schema's looseness with the server's own validation
# (positive_data_acceptance, negative_data_rejection): codes, domains, token names and license files have
# rules the schema does not spell out, so a schema-valid request is often, rightly, a 400.
#
#   .ci/schemathesis.sh [MAX_EXAMPLES]        default 30 examples per operation; killed after 600 s
#
# CI runs `.ci/schemathesis.sh 10` (about a minute); `.ci/schemathesis.sh 200` is a longer hunt.
# SCHEMATHESIS_CHECKS, SCHEMATHESIS_EXCLUDE_CHECKS, SCHEMATHESIS_SEED and SCHEMATHESIS_ARGS (extra `st run` options) override the
# defaults; SCHEMATHESIS_WORKERS defaults to 1, since CPython 3.11's ast.parse is not thread-safe and
# Schemathesis' generator calls it (an "AST constructor recursion depth mismatch" with 2 workers).
#
# Installs Schemathesis (pinned, SCHEMATHESIS_VERSION) from PyPI into a temp venv when `st` is not on PATH.
# Uses LTSCTL_BIN if set, else builds the debug binary. The server runs on 127.0.0.1 port 0 over a throwaway
# data dir with a demo license (`ltsctl seed`) and an admin token, passed to Schemathesis as a header.
set -euo pipefail
cd "$(dirname "$0")/.."

max_examples="${1:-30}"
max_time="${SCHEMATHESIS_TIMEOUT:-600}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ltsctl-st.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

st="$(command -v st || command -v schemathesis || true)"
if [ -z "$st" ]; then
  echo "== installing schemathesis into a temp venv"
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check \
    "schemathesis==${SCHEMATHESIS_VERSION:-4.32.5}"
  st="$work/venv/bin/st"
fi
echo "== $("$st" --version)"

bin="${LTSCTL_BIN:-}"
if [ -z "$bin" ]; then
  echo "== cargo build"
  cargo build --quiet --bin ltsctl
  target_dir="${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')}"
  bin="$target_dir/debug/ltsctl"
fi

export NO_COLOR=1 LTSCTL_LOG=warn
unset LTSCTL_SERVER LTSCTL_TOKEN LTSCTL_DATA_DIR
data="$work/data"
"$bin" --data-dir "$data" seed --devices 20 --inactive-percent 50 2>/dev/null
token="$("$bin" --data-dir "$data" -o json token create schemathesis --role admin |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

"$bin" --data-dir "$data" serve --listen 127.0.0.1:0 --rate-limit 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)"
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the server did not start:" >&2
  cat "$work/serve.err" >&2
  exit 1
fi
echo "== st run $url/v1/openapi.json (${max_examples} examples per operation, at most ${max_time}s)"

set +e
(cd "$work" && timeout "$max_time" "$st" run "$url/v1/openapi.json" \
  --checks "${SCHEMATHESIS_CHECKS:-all}" \
  --exclude-checks "${SCHEMATHESIS_EXCLUDE_CHECKS:-positive_data_acceptance,negative_data_rejection}" \
  --max-examples "$max_examples" \
  --request-timeout 20 \
  --seed "${SCHEMATHESIS_SEED:-20261122}" \
  --workers "${SCHEMATHESIS_WORKERS:-1}" \
  --header "Authorization: Bearer $token" \
  --output-sanitize true \
  ${SCHEMATHESIS_ARGS:-})
rc=$?
set -e
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server died during the run:" >&2
  tail -n 50 "$work/serve.err" >&2
  rc=1
fi
if grep -q "panicked" "$work/serve.err"; then
  echo "the server logged a panic:" >&2
  grep -A5 "panicked" "$work/serve.err" >&2
  rc=1
fi
exit "$rc"
