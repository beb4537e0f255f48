#!/usr/bin/env bash
# The site at 1k, 10k and 100k errors (issue 17): for each size, the generator's wall time and
# peak memory for `docs --format html`, then bench/browser/site_bench.mjs on the site (page
# loads, search, filters; file://, a static http server and errcat serve), in Debian's Chromium,
# then bench/browser/serve_bench.mjs (errcat serve: a save to the page brought up to date).
#   bench/browser.sh [ERRCAT [LABEL]]   (defaults: build-bench/generator/errcat, "now")
# SIZES="1000 10000" narrows the sizes; RUNS the repetitions (3). Writes one JSON object per
# line to build-bench/work/browser-LABEL.jsonl and prints them. Sites go to a tmpfs when there
# is one (see run.sh): a page load over file:// then reads memory, as a warm OS cache does.
set -euo pipefail
cd "$(dirname "$0")/.."
errcat=${1:-build-bench/generator/errcat}
label=${2:-now}
make_catalog=${MAKE_CATALOG:-build-bench/bench/make_catalog}
[ -x "$make_catalog" ] || make_catalog=build/bench/make_catalog
scripts/install-deps.sh --browser >/dev/null
[ -d tests/browser/node_modules/playwright-core ] || npm ci --prefix tests/browser --no-audit --no-fund >/dev/null
work=build-bench/work
mkdir -p "$work"
out=$work/browser-$label.jsonl
: >"$out"
root=/dev/shm
[ -d "$root" ] && [ "$(df -Pm "$root" | awk 'NR == 2 {print $4}')" -gt 6000 ] || root=$work
dir=$(mktemp -d "$root/errcat-browser-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
for n in ${SIZES:-1000 10000 100000}; do
  "$make_catalog" --errors "$n" --files 4 --out "$dir/catalog-$n" >/dev/null
  /usr/bin/time -f "%e %M" -o "$dir/time" "$errcat" docs --format html -o "$dir/site-$n" "$dir/catalog-$n" >/dev/null
  read -r wall rss <"$dir/time"
  echo "{\"label\":\"$label\",\"errors\":$n,\"kind\":\"generate\",\"wallS\":$wall,\"peakMB\":$((rss / 1024)),\"files\":$(find "$dir/site-$n" -type f | wc -l),\"siteMB\":$(du -sm "$dir/site-$n" | cut -f1)}" | tee -a "$out"
  ERRCAT="$errcat" SERVE_CATALOG="$dir/catalog-$n" node bench/browser/site_bench.mjs "$dir/site-$n" "$label" SYN$(printf %07d $((n / 2))).html catalog/synth01.html |
    sed "s/^{/{\"errors\":$n,/" | tee -a "$out"
  # errcat serve, from a save to the page brought up to date: the set in 20 files (500 errors a file at
  # 10k; 100 of 1,000 at 100k), then, at 10k, in 4 (a 1.3 MB file loaded again on each save).
  files=$((n / 1000 > 100 ? 100 : n / 1000 > 20 ? n / 1000 : 20))
  "$make_catalog" --errors "$n" --files "$files" --out "$dir/serve-$n" >/dev/null
  node bench/browser/serve_bench.mjs "$errcat" "$dir/serve-$n" "$label" | sed "s/^{/{\"errors\":$n,\"files\":$files,/" | tee -a "$out"
  if [ "$n" = 10000 ]; then
    node bench/browser/serve_bench.mjs "$errcat" "$dir/catalog-$n" "$label" | sed "s/^{/{\"errors\":$n,\"files\":4,/" | tee -a "$out"
  fi
  rm -rf "$dir/site-$n" "$dir/catalog-$n" "$dir/serve-$n"
done
