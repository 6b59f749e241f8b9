#!/usr/bin/env bash
# Checks contrib/systemd/ltsctl.service with `systemd-analyze verify`, which works offline on a unit
# file (no systemd as PID 1 needed, as in a container). verify insists that ExecStart's binary exists,
# so it checks a copy whose ExecStart points at the binary built here; any line it prints (an unknown
# key, a value it cannot parse, which it only warns about) fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:-${CARGO_TARGET_DIR:-target}/debug/ltsctl}"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
[ -x "$bin" ] || { echo "check-systemd: no ltsctl binary at $bin (build it first)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed "s#^ExecStart=/usr/local/bin/ltsctl #ExecStart=$bin #" contrib/systemd/ltsctl.service >"$tmp/ltsctl.service"
grep -q "^ExecStart=$bin serve" "$tmp/ltsctl.service" || {
  echo "check-systemd: ExecStart is not /usr/local/bin/ltsctl serve ..." >&2
  exit 1
}
out="$(systemd-analyze verify --man=no "$tmp/ltsctl.service" 2>&1)" || {
  printf '%s\n' "$out" >&2
  exit 1
}
if [ -n "$out" ]; then
  printf 'check-systemd: systemd-analyze verify warned:\n%s\n' "$out" >&2
  exit 1
fi
echo "contrib/systemd/ltsctl.service: systemd-analyze verify clean"
