#!/usr/bin/env bash
# `make bench`: every figure in bench/README.md, measured in one run on this machine.
#  - whole-process wall time (median of RUNS) and peak memory of check, generate --cpp,
#    docs --format html, and generate --cpp --html together, at 1k, 10k and 100k errors, each
#    against the parse floor (yaml-cpp alone on the same files, bench/parse_floor) of this run;
#  - the load / render / write split of the combined run (errcat --timings);
#  - compile cost of the generated 10k code;
#  - Google Benchmark on the generated 10k code, side by side with the alternatives;
#  - from a log back to its errors: `errcat match --file` on 1M lines and match_message per
#    line, against one std::regex per message;
#  - translations: 10k errors with 0, 1 and 3 locales, and the generated code's compile cost;
#  - the site in Chromium at 1k, 10k and 100k errors: page loads, search, filters (browser.sh).
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
# Where the commands write: a tmpfs when there is one with room, so that the figures are
# errcat's cost and not this VM's disk (on ext4 without a journal, creating files right after
# deleting many costs seconds of kernel time: see bench/README.md). BENCH_OUT=DIR overrides.
# The disk is measured too, in its own section.
outs=${BENCH_OUT:-}
fs_type() { df -PT "$1" | awk 'NR == 2 {print $2}'; }  # ext4, tmpfs, ...
if [ -z "$outs" ] && [ -d /dev/shm ] && [ "$(fs_type /dev/shm)" = tmpfs ] &&
   [ "$(df -Pm /dev/shm | awk 'NR == 2 {print $4}')" -gt 8000 ]; then
  outs=/dev/shm/errcat-bench-$$
  trap 'rm -rf "$outs"' EXIT
fi
outs=${outs:-$work/out}
mkdir -p "$outs"
outs_fs=$(fs_type "$outs")
disk_fs=$(fs_type "$work")
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# One errcat run paired with a parse-floor run just before it, so that drift in the machine's
# speed moves both: `paired_run CATALOG ARGS...` sets floor, wall and rss (KB).
paired_run() {
  local cat=$1
  shift
  floor=$(build-bench/bench/parse_floor "$cat" | cut -d' ' -f1)
  sync  # start from a quiet disk: writing back the previous run's output costs CPU too
  /usr/bin/time -f "%e %M" -o "$work/time" $errcat "$@" "$cat" >/dev/null 2>&1
  read -r wall rss <"$work/time"
}
# The file-system floor: `fs_floor N PREFIX` creates N files of 4.5 KB (an error page's size)
# in a new folder, three times (PREFIX-1..3), with bare open/write/close; prints the median.
# A Google Benchmark binary's medians of 5 repetitions as a Markdown code block, also kept in
# FILE: `gbench NAME FILE`.
gbench() {
  echo '```'
  build-bench/bench/"$1" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_display_aggregates_only=true 2>/dev/null | grep -E "Benchmark|---|_median" | tee "$2"
  echo '```'
}
fs_floor() { for i in 1 2 3; do build-bench/bench/create_files --files "$1" --bytes 4500 --out "$2-$i"; done | median; }

{
echo "# errcat benchmark results"
echo
echo "Measured by \`make bench\` (bench/run.sh) on $(nproc) cores, $(uname -m), $(g++ --version | head -1)."
echo "Wall times are medians of $runs runs; memory is the largest peak RSS seen. $($errcat --version)."
echo "Outputs are written to $outs_fs ($outs); catalogs are read from $disk_fs (in the page cache)."
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
      dir=$outs/out-$n-$i-$RANDOM
      # shellcheck disable=SC2086
      paired_run "$cat" ${cmd//OUT/$dir}
      walls+=("$wall"); floors+=("$floor"); [ "$rss" -gt "$peak" ] && peak=$rss
      ratios+=("$(awk -v w="$wall" -v f="$floor" 'BEGIN {printf "%.3f", (w - f) / f}')")
      # On a disk, outputs are deleted only at the very end: ext4 without a journal allocates
      # inodes slowly for minutes after a large deletion, which would measure the file system.
      [ "$outs_fs" = tmpfs ] && rm -rf "$dir"
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    floor=$(printf '%s\n' "${floors[@]}" | median)
    printf '| %s | %s MB | `errcat %s` | %s | %s | %s | %.2f | %s |\n' "$n" "$size" "${cmd//OUT/out}" "$wall" "$floor" \
      "$(awk -v w="$wall" -v f="$floor" 'BEGIN {printf "%.2f", w - f}')" \
      "$(printf '%s\n' "${ratios[@]}" | median)" "$((peak / 1024))" >>"$out"
  done
  # The file-system floor: as many file creations in one new folder as the site has pages.
  sync
  fs_floor "$n" "$outs/floor-$n" >"$work/floor-$n.txt"
  dir=$outs/split-$n
  $errcat generate --timings --cpp "$dir/cpp" --html "$dir/site" "$cat" 2>&1 | grep timings >"$work/split-$n.txt"
  [ "$outs_fs" = tmpfs ] && rm -rf "$outs"/floor-* "$dir"
done

# What the lock file costs at 10k errors: `check` alone, `check` against the lock, and an
# `errcat lock` that finds nothing to change, interleaved run by run.
lock_file=$work/bench.lock
$errcat lock "$work/cat10000" -o "$lock_file" --version bench >/dev/null 2>&1
plain=(); with_lock=(); relock=()
timed() { /usr/bin/time -f "%e" -o "$work/time" $errcat "$@" >/dev/null 2>&1; cat "$work/time"; }
for i in $(seq "$runs"); do
  plain+=("$(timed check "$work/cat10000")")
  with_lock+=("$(timed check --lock "$lock_file" "$work/cat10000")")
  relock+=("$(timed lock "$work/cat10000" -o "$lock_file" --version bench)")
done
{
  plain_median=$(printf '%s\n' "${plain[@]}" | median)
  echo
  echo "## The lock file at 10k errors (medians of $runs interleaved runs)"
  echo
  echo "| command | wall (s) | over \`check\` alone |"
  echo "| --- | ---: | ---: |"
  echo "| \`errcat check\` | $plain_median | |"
  for row in "check --lock|${with_lock[*]}" "lock (nothing to change)|${relock[*]}"; do
    m=$(printf '%s\n' ${row#*|} | median)
    printf '| `errcat %s` | %s | %+.0f %% |\n' "${row%%|*}" "$m" "$(awk -v a="$m" -v b="$plain_median" 'BEGIN {print (a / b - 1) * 100}')"
  done
} >>"$out"

# The same 10k run with its outputs on the disk the project is on, against the file-system
# floor there: in new folders, then right after deleting the outputs made so far.
if [ "$outs_fs" != "$disk_fs" ]; then
  cat=$work/cat10000
  walls=(); floors=()
  for i in 1 2 3; do
    paired_run "$cat" generate --cpp "$work/disk-$i/cpp" --html "$work/disk-$i/site"
    walls+=("$wall"); floors+=("$floor")
  done
  sync
  disk_floor=$(fs_floor 10000 "$work/disk-floor")
  rm -rf "$work"/disk-*
  after_delete=$(build-bench/bench/create_files --files 10000 --bytes 4500 --out "$work/disk-floor-after")
  printf '%s|%s|%s|%s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${floors[@]}" | median)" \
    "$disk_floor" "$after_delete" >"$work/disk.txt"
fi

{
echo
echo "## Where the time goes (\`generate --cpp --html --timings\`, one run each)"
echo
for n in 1000 10000 100000; do echo "- $n errors: $(sed 's/^errcat: timings: //' "$work/split-$n.txt")"; done
echo
echo "File-system floor on $outs_fs (\`bench/create_files\`: that many 4.5 KB files, an error page's size, created in one"
echo "new folder with bare open/write/close from one thread, median of 3):"
for n in 1000 10000 100000; do echo "$n files $(cat "$work/floor-$n.txt") s;"; done | paste -sd' '
echo
if [ -f "$work/disk.txt" ]; then
  IFS='|' read -r d_wall d_floor d_fs d_after <"$work/disk.txt"
  echo "## On the project's disk ($disk_fs)"
  echo
  echo "\`errcat generate --cpp OUT/cpp --html OUT/site\` at 10k with OUT on $disk_fs: $d_wall s (median of 3, new folders;"
  echo "parse floor $d_floor s). Creating 10k files there: $d_fs s in a new folder (median of 3), $d_after s right"
  echo "after deleting the 30k files of those runs."
  echo
fi
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
gbench lookup_bench "$work/gbench.txt"
echo
ns() { awk -v name="BM_$1_median" '$1 == name {print $2}' "$work/gbench.txt"; }
ratio() { awk -v a="$(ns "$1")" -v b="$(ns "$2")" 'BEGIN {printf "%.2f", a / b}'; }
echo "Ratios in this run, \`unordered_map\` / \`_from_code\`: in cache (1k codes in catalog order) on hits" \
  "$(ratio InCache_UnorderedMap_Hit InCache_DigitPath_Hit)x by the digit path and" \
  "$(ratio InCache_UnorderedMap_Hit InCache_HashPath_Hit)x by the hash path, on misses" \
  "$(ratio InCache_UnorderedMap_Miss InCache_DigitPath_Miss)x / $(ratio InCache_UnorderedMap_Miss InCache_HashPath_Miss)x;" \
  "10k codes in scattered order on hits $(ratio UnorderedMap_Hit FromCode_Hit)x, on misses" \
  "$(ratio UnorderedMap_Miss FromCode_Miss)x; \`format<E>\` / \`fmt::format\` $(ratio FormatTyped FmtFormat)."
} >>"$out"

# From a log back to its errors (issue 16): match_message and `errcat match` against one
# std::regex per message tried in turn, all at 10k errors.
build-bench/bench/make_catalog --errors 10000 --files 8 --out "$work/match-cat" \
  --log 1000000 --log-out "$work/match.log"
log_mb=$(awk -v b="$(stat -c %s "$work/match.log")" 'BEGIN {printf "%.1f", b / 1e6}')
match_walls=() check_walls=()
for i in $(seq "$runs"); do
  check_walls+=("$(timed check "$work/match-cat")")
  /usr/bin/time -f "%e %M" -o "$work/time" $errcat match --file "$work/match.log" "$work/match-cat" \
    >"$work/match.out" 2>/dev/null || true
  read -r wall match_rss <"$work/time"
  match_walls+=("$wall")
done
match_wall=$(printf '%s\n' "${match_walls[@]}" | median)
match_check=$(printf '%s\n' "${check_walls[@]}" | median)
{
echo "## From a log line back to its error (10k errors)"
echo
echo "A log of 1M lines ($log_mb MB; three in four a rendered message with random arguments) and"
echo "the 10k-error set in 8 files. Medians of $runs runs, interleaved with \`check\` on the same set."
echo
echo "| what | wall | throughput |"
echo "| --- | ---: | ---: |"
echo "| \`errcat match --file LOG\` (whole process) | ${match_wall} s | $(awk -v m="$log_mb" -v w="$match_wall" 'BEGIN {printf "%.0f", m / w}') MB/s |"
echo "| \`errcat check\` of the same set (its loading share) | ${match_check} s | |"
echo "| matching alone (the difference) | $(awk -v a="$match_wall" -v b="$match_check" 'BEGIN {printf "%.2f", a - b}') s | $(awk -v m="$log_mb" -v a="$match_wall" -v b="$match_check" 'BEGIN {printf "%.0f", m / (a - b)}') MB/s |"
echo
echo "Lines matched: $(wc -l <"$work/match.out") of 1000000; peak RSS $((match_rss / 1024)) MB."
echo
echo "Per line, Google Benchmark (medians of 5 repetitions; \`StdRegexLoop\` is the baseline):"
echo
gbench match_bench "$work/mbench.txt"
echo
mns() { awk -v name="$1" 'index($1, name) == 1 && $1 ~ /_median$/ {print $2}' "$work/mbench.txt"; }
echo "Ratios in this run: std::regex loop / match_message" \
  "$(awk -v a="$(mns BM_StdRegexLoop)" -v b="$(mns BM_MatchMessage_)" 'BEGIN {printf "%.0f", a / b}')x;" \
  "key scan, Aho-Corasick / window table $(awk -v a="$(mns BM_KeyScan_Automaton)" -v b="$(mns BM_KeyScan_Index)" 'BEGIN {printf "%.1f", a / b}')x," \
  "RE2::Set / window table $(awk -v a="$(mns BM_KeyScan_Re2Set)" -v b="$(mns BM_KeyScan_Index)" 'BEGIN {printf "%.1f", a / b}')x."
} >>"$out"
rm -rf "$outs"/out-* "$outs"/split-* "$outs"/floor-* "$work"/disk-* "$work"/match-cat "$work"/match.log "$work"/match.out
# What translations cost (bench/translations.sh), outputs on the same file system as above.
BENCH_OUT="$outs/translations" bench/translations.sh "$runs" >>"$out"
# The site in a browser at 1k, 10k and 100k errors (bench/browser.sh): page loads, search, filters.
bench/browser.sh "$errcat" now >/dev/null
{
  echo
  echo "## The site in a browser"
  node bench/browser/table.mjs "$work/browser-now.jsonl"
} >>"$out"
cat "$out"
