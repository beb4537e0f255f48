#!/usr/bin/env bash
# `make bench`: every figure in bench/README.md, measured in one run on this machine.
#  - whole-process wall time (median of RUNS) and peak memory of check, generate --cpp,
#    docs --format html, and generate --cpp --html together, at 1k, 10k and 100k errors, each
#    against the parse floor (yaml-cpp alone on the same files, bench/parse_floor) of this run;
#  - the load / render / write split of the combined run (errcat --timings);
#  - compile cost of the generated 10k code;
#  - Google Benchmark on the generated 10k code, side by side with the alternatives.
# Writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
scripts/install-deps.sh --bench
[ -f build-bench/build.ninja ] || cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
errcat=build-bench/generator/errcat
work=build-bench/work
rm -rf "$work"
mkdir -p "$work"
out=bench/results.md
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

{
echo "# errcat benchmark results"
echo
echo "Measured by \`make bench\` (bench/run.sh) on $(nproc) cores, $(uname -m), $(g++ --version | head -1)."
echo "Wall times are medians of $runs runs; memory is the largest peak RSS seen."
echo
echo "## Whole process"
echo
echo "The parse floor is yaml-cpp alone parsing the same files on every core with a handler that"
echo "does nothing (\`bench/parse_floor\`), measured in this run: no errcat command can be faster."
echo "\"After parse\" is a command's wall time less that floor: what errcat adds to the parse. Each"
echo "run is paired with a floor run just before it; the ratio column is the median of the pairs'."
echo
echo "| errors | YAML | command | wall (s) | parse floor (s) | after parse (s) | after parse / parse | peak RSS (MB) |"
echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
} >"$out"

for n in 1000 10000 100000; do
  cat=$work/cat$n
  build-bench/bench/make_catalog --errors $n --files 8 --out "$cat"
  size=$(du -sm "$cat" | cut -f1)
  r=$runs
  [ $n -ge 100000 ] && r=$(( runs < 3 ? runs : 3 ))
  for cmd in "check" "generate --cpp OUT/cpp" "docs --format html -o OUT/site" "generate --cpp OUT/cpp --html OUT/site"; do
    walls=(); floors=(); ratios=(); peak=0
    for i in $(seq "$r"); do
      # Each run is paired with a parse-floor run just before it, so drift in the machine's
      # speed moves both; the ratio is the median of the pairs' ratios.
      floor=$(build-bench/bench/parse_floor "$cat" | cut -d' ' -f1)
      dir=$work/out-$n-$i-$RANDOM
      sync  # start from a quiet disk: writing back the previous run's output costs CPU too
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %M" -o "$work/time" $errcat ${cmd//OUT/$dir} "$cat" >/dev/null 2>&1
      read -r wall rss <"$work/time"
      walls+=("$wall"); floors+=("$floor"); [ "$rss" -gt "$peak" ] && peak=$rss
      ratios+=("$(awk -v w="$wall" -v f="$floor" 'BEGIN {printf "%.3f", (w - f) / f}')")
      # Outputs are deleted only at the very end: ext4 allocates inodes slowly right after a
      # large deletion, which would measure the file system instead of errcat.
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    floor=$(printf '%s\n' "${floors[@]}" | median)
    printf '| %s | %s MB | `errcat %s` | %s | %s | %s | %.2f | %s |\n' "$n" "$size" "${cmd//OUT/out}" "$wall" "$floor" \
      "$(awk -v w="$wall" -v f="$floor" 'BEGIN {printf "%.2f", w - f}')" \
      "$(printf '%s\n' "${ratios[@]}" | median)" "$((peak / 1024))" >>"$out"
  done
  # The file-system floor: as many bare file creations in one new folder as the site has pages.
  sync
  fs_floors=(); for i in 1 2 3; do fs_floors+=("$(build-bench/bench/create_files --files "$n" --bytes 4500 --out "$work/floor-$n-$i")"); done
  printf '%s\n' "${fs_floors[@]}" | median >"$work/floor-$n.txt"
  dir=$work/split-$n
  $errcat generate --timings --cpp "$dir/cpp" --html "$dir/site" "$cat" 2>&1 | grep timings >"$work/split-$n.txt"
done

{
echo
echo "## Where the time goes (\`generate --cpp --html --timings\`, one run each)"
echo
for n in 1000 10000 100000; do echo "- $n errors: $(sed 's/^errcat: timings: //' "$work/split-$n.txt")"; done
echo
echo "File-system floor (\`bench/create_files\`: that many 4.5 KB files, an error page's size, created in one new folder"
echo "with bare open/write/close from one thread, median of 3):"
for n in 1000 10000 100000; do echo "$n files $(cat "$work/floor-$n.txt") s;"; done | paste -sd' ' 
echo
echo "## Compile cost of the generated code (10k errors, one enum; g++ -std=c++17 -O2; median of 3)"
echo
} >>"$out"

sync
gen=build-bench/bench/synth10k/cpp
# The same header for a one-error catalog: what any catalog costs (fmt/core.h, <system_error>,
# the runtime), so the difference to it is what the 10k errors cost.
build-bench/bench/make_catalog --errors 1 --files 1 --out "$work/cat1"
$errcat generate --cpp "$work/gen1" "$work/cat1" >/dev/null 2>&1
printf '#include <string>\nint f() { return 1; }\n' >"$work/empty.cc"
printf '#include <string>\n#include "synth00_errors.hpp"\nint f() { return static_cast<int>(synth00::Synth00Error::BenchProbe); }\n' >"$work/uses.cc"
printf '#include <string>\n#include "synth00_errors.hpp"\nstd::string f() { return synth00::format<synth00::Synth00Error::BenchProbe>("t", 1, 2); }\n' >"$work/formats.cc"
compile_time() { for i in 1 2 3; do /usr/bin/time -f "%e" -o "$work/t" g++ -std=c++17 -O2 -I"$2" -c "$1" -o "$work/o.o"; cat "$work/t"; done | median; }
empty=$(compile_time "$work/empty.cc" "$gen")
one=$(compile_time "$work/uses.cc" "$work/gen1")
uses=$(compile_time "$work/uses.cc" "$gen")
formats=$(compile_time "$work/formats.cc" "$gen")
source=$(compile_time "$gen/synth00_errors.cpp" "$gen")
{
echo "| translation unit | seconds |"
echo "| --- | ---: |"
echo "| empty (includes <string>) | $empty |"
echo "| includes a one-error catalog's header | $one |"
echo "| includes synth00_errors.hpp (10k errors) | $uses |"
echo "| header cost against the empty unit | $(awk -v a="$uses" -v b="$empty" 'BEGIN {printf "%.2f", a - b}') |"
echo "| of which the 10k errors (against the one-error header) | $(awk -v a="$uses" -v b="$one" 'BEGIN {printf "%.2f", a - b}') |"
echo "| includes it and calls format<E> once | $formats |"
echo "| synth00_errors.cpp (10k errors) | $source |"
echo
echo "## Generated code, Google Benchmark (medians of 5 repetitions)"
echo
echo '```'
build-bench/bench/lookup_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_display_aggregates_only=true 2>/dev/null | grep -E "Benchmark|---|_median" | tee "$work/gbench.txt"
echo '```'
echo
ns() { awk -v name="BM_$1_median" '$1 == name {print $2}' "$work/gbench.txt"; }
ratio() { awk -v a="$(ns "$1")" -v b="$(ns "$2")" 'BEGIN {printf "%.2f", a / b}'; }
echo "Ratios in this run: \`unordered_map\` / \`_from_code\` on hits $(ratio UnorderedMap_Hit FromCode_Hit)x," \
  "on misses $(ratio UnorderedMap_Miss FromCode_Miss)x; \`format<E>\` / \`fmt::format\` $(ratio FormatTyped FmtFormat)."
} >>"$out"
rm -rf "$work"/out-* "$work"/split-* "$work"/floor-*
cat "$out"
