#!/usr/bin/env bash
# The cost of translations (issue 15): a 10k-error set with 0, 1 and 3 translations of every
# summary and message (de, fr, pl; make_catalog --translations), through `check`,
# `generate --cpp` and `docs --format html` (the site in every locale), interleaved run by run;
# and the compile cost of the generated code with and without them. Prints Markdown; run by
# bench/run.sh, or alone after it has built build-bench: bench/translations.sh [RUNS].
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-${RUNS:-5}}
errcat=build-bench/generator/errcat
make_catalog=build-bench/bench/make_catalog
work=build-bench/work-translations
rm -rf "$work"
mkdir -p "$work"
out=${BENCH_OUT:-$work/out}
mkdir -p "$out"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for t in 0 1 3; do "$make_catalog" --errors 10000 --files 8 --out "$work/cat-$t" --translations $t; done

declare -A wall rss
for i in $(seq "$runs"); do
  for cmd in check cpp html; do
    for t in 0 1 3; do
      dir=$out/run-$t-$i
      case $cmd in
        check) args=(check) ;;
        cpp) args=(generate --cpp "$dir/cpp") ;;
        html) args=(docs --format html -o "$dir/site") ;;
      esac
      /usr/bin/time -f "%e %M" -o "$work/time" "$errcat" "${args[@]}" "$work/cat-$t" >/dev/null 2>&1
      read -r w m <"$work/time"
      wall[$cmd-$t]+="$w "
      [ "${rss[$cmd-$t]:-0}" -lt "$m" ] && rss[$cmd-$t]=$m
      rm -rf "$dir"
    done
  done
done
echo
echo "## Translations (10k errors in 8 catalogs; each translation has every summary and message)"
echo
echo "Medians of $runs interleaved runs. With 3 translations the set holds 40k messages; the site has"
echo "a tree per locale (4 x 10k error pages)."
echo
echo "| command | no translation (s) | 1 (s) | 3 (s) | 3 / none | per locale over none (s) | peak RSS none / 3 (MB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for cmd in check cpp html; do
  m0=$(tr ' ' '\n' <<<"${wall[$cmd-0]}" | grep . | median)
  m1=$(tr ' ' '\n' <<<"${wall[$cmd-1]}" | grep . | median)
  m3=$(tr ' ' '\n' <<<"${wall[$cmd-3]}" | grep . | median)
  case $cmd in check) label='`errcat check`' ;; cpp) label='`errcat generate --cpp`' ;; html) label='`errcat docs --format html`' ;; esac
  printf '| %s | %s | %s | %s | %.2f | %.2f | %d / %d |\n' "$label" "$m0" "$m1" "$m3" \
    "$(awk -v a="$m3" -v b="$m0" 'BEGIN {print a / b}')" "$(awk -v a="$m3" -v b="$m0" 'BEGIN {print (a - b) / 3}')" \
    "$((rss[$cmd-0] / 1024))" "$((rss[$cmd-3] / 1024))"
done

# Compile cost: one catalog of 10k errors, with and without its three translations.
for t in 0 3; do
  "$make_catalog" --errors 10000 --files 1 --out "$work/one-$t" --translations $t
  "$errcat" generate --cpp "$work/gen-$t" "$work/one-$t" >/dev/null 2>&1
done
printf '#include <string>\n#include "synth00_errors.hpp"\nstd::string f() { return synth00::format<synth00::Synth00Error::BenchProbe>("de", "t", 1, 2); }\n' >"$work/formats.cc"
compile_time() { for i in 1 2 3; do /usr/bin/time -f "%e" -o "$work/t" g++ -std=c++17 -O2 -I"$2" -c "$1" -o "$work/o.o"; cat "$work/t"; done | median; }
h0=$(compile_time "$work/formats.cc" "$work/gen-0")
h3=$(compile_time "$work/formats.cc" "$work/gen-3")
s0=$(compile_time "$work/gen-0/synth00_errors.cpp" "$work/gen-0")
s3=$(compile_time "$work/gen-3/synth00_errors.cpp" "$work/gen-3")
z0=$(stat -c %s "$work/gen-0/synth00_errors.cpp")
z3=$(stat -c %s "$work/gen-3/synth00_errors.cpp")
echo
echo "Compile cost of the generated code for one catalog of 10k errors (g++ -std=c++17 -O2, median of 3):"
echo
echo "| translation unit | no translation (s) | 3 translations (s) |"
echo "| --- | ---: | ---: |"
echo "| includes synth00_errors.hpp and calls format<E>(locale, ...) once | $h0 | $h3 |"
echo "| synth00_errors.cpp | $s0 ($((z0 / 1024)) KB) | $s3 ($((z3 / 1024)) KB) |"
rm -rf "$work"
