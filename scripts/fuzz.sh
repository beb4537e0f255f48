#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan; the "fuzz" preset) and runs each for a
# bounded time, starting from the seeds. A crash is copied to tests/fuzz/regressions/<target>/
# (where the ordinary test suite replays it from then on) and fails the run.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh --fuzz
[ -f build-fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

declare -A seeds=(
  [loader]="catalog tests/diagnostics tests/data/hostile"
  [placeholders]="tests/fuzz/seeds/placeholders"
  [diff]="tests/diff/realistic/base tests/diff/realistic/head catalog"
  [match]="tests/fuzz/seeds/match"
  [po]="tests/fuzz/seeds/po"
  [reparse]="tests/fuzz/seeds/reparse"
)
status=0
for target in loader placeholders diff match po reparse; do
  corpus=build-fuzz/corpus/$target
  artifacts=build-fuzz/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  # shellcheck disable=SC2086
  for dir in ${seeds[$target]}; do find "$dir" -type f -exec cp {} "$corpus"/ \; ; done
  echo "== fuzz_$target for ${seconds}s"
  if ! build-fuzz/tests/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 "$corpus" \
       2>build-fuzz/fuzz_$target.log; then
    tail -40 build-fuzz/fuzz_$target.log
    for crash in "$artifacts"*; do
      [ -f "$crash" ] && mkdir -p "tests/fuzz/regressions/$target" && cp "$crash" "tests/fuzz/regressions/$target/" && echo "saved $(basename "$crash") as a regression input"
    done
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build-fuzz/fuzz_$target.log || true
  fi
done
exit $status
