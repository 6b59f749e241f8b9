#!/usr/bin/env bash
# Fuzzes ltsctl's parsers: builds every cargo-fuzz target in fuzz/ once (release, AddressSanitizer, debug
# assertions), then runs each for SECONDS (default 20) from its committed seeds, copied to a temp dir so
# nothing is written into the repository. Exits non-zero on the first crash, leaving the crashing input in
# the temp dir and printing how to reproduce it.
#
#   .ci/fuzz.sh [SECONDS]          e.g. .ci/fuzz.sh 60
#   FUZZ_TARGETS="duration license_file" .ci/fuzz.sh 30
#   FUZZ_PROFILE=dev .ci/fuzz.sh 5
#
# FUZZ_PROFILE=release (the default) builds optimized with debug assertions (`cargo fuzz build -O -a`):
# slow to build (cargo-fuzz uses one codegen unit: about 10-20 minutes from scratch on 2 cores), fast to
# run, for real fuzzing sessions. FUZZ_PROFILE=dev (`--dev`, what CI uses for its 5-second smoke run)
# builds unoptimized, still with AddressSanitizer and debug assertions: a few minutes to build, each
# execution several times slower.
#
# cargo-fuzz needs nightly flags (-Zsanitizer); on a stable toolchain RUSTC_BOOTSTRAP=1 allows them.
# CARGO_TARGET_DIR is honoured (default fuzz/target, which .gitignore covers).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-20}"
case "$seconds" in
  '' | *[!0-9]*) echo "usage: .ci/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac
export RUSTC_BOOTSTRAP=1
# The bundled SQLite (linked in through ltsctl's store, never called by these targets) has two function-local
# statics named `aiOff`; AddressSanitizer's ODR check reports them as a violation at start-up. A false
# positive: turn only that check off.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_odr_violation=0}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

case "${FUZZ_PROFILE:-release}" in
  release) build_flags=(-O -a) profile_dir=release ;;
  dev) build_flags=(--dev) profile_dir=debug ;;
  *) echo "FUZZ_PROFILE must be release or dev" >&2; exit 2 ;;
esac

targets="${FUZZ_TARGETS:-$(cargo fuzz list)}"
echo "== cargo fuzz build ${build_flags[*]} ($(echo $targets | wc -w) targets)"
cargo fuzz build "${build_flags[@]}"

triple="$(rustc -vV | sed -n 's/^host: //p')"
target_dir="${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')}"
bin_dir="$target_dir/$triple/$profile_dir"

work="$(mktemp -d "${TMPDIR:-/tmp}/ltsctl-fuzz.XXXXXX")"
keep=0
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$work"; fi; }
trap cleanup EXIT

failed=()
for t in $targets; do
  corpus="$work/corpus/$t"
  artifacts="$work/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "seeds/$t" ]; then cp seeds/"$t"/* "$corpus"/; fi
  echo "== $t: ${seconds}s"
  log="$work/$t.log"
  set +e
  "$bin_dir/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  cov="$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 || true)"
  echo "   $t: exit $rc, ${execs:-?} execs, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) inputs"
  if [ "$rc" != 0 ]; then
    failed+=("$t")
    keep=1
    tail -n 60 "$log"
    for a in "$artifacts"/*; do
      [ -e "$a" ] || continue
      echo "   crashing input: $a"
      echo "   reproduce: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run ${build_flags[*]} $t $a)"
    done
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs kept in $work)" >&2
  exit 1
fi
echo "fuzz: $(echo $targets | wc -w) targets, ${seconds}s each, no crash"
