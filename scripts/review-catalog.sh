#!/usr/bin/env bash
# Reviews the catalog changes of the current branch, for a pull request:
#   scripts/review-catalog.sh [BASE_REF] [CATALOG_DIR]      (defaults: origin/main, catalog)
# 1. lints CATALOG_DIR (annotations on GitHub Actions, text elsewhere);
# 2. diffs it against the merge base with BASE_REF and writes the Markdown report to
#    $ERRCAT_REPORT (default errcat-review.md), followed by the release notes of the change
#    (errcat changelog), also appended to $GITHUB_STEP_SUMMARY when set (annotations are capped
#    per step; the summary is not);
# 3. exits like errcat diff: 0 nothing breaks, 1 something breaks, 2 usage, load or git error.
# ERRCAT names the binary (default: errcat on PATH).
set -uo pipefail
base_ref=${1:-origin/main}
dir=${2:-catalog}
errcat=${ERRCAT:-errcat}
report=${ERRCAT_REPORT:-errcat-review.md}
on_github=${GITHUB_ACTIONS:-}

merge_base=$(git merge-base "$base_ref" HEAD 2>/dev/null) || {
  echo "review-catalog: no merge base between $base_ref and HEAD (fetch the base branch: git fetch origin)" >&2
  exit 2
}

# With a lock beside the catalogs, a code it does not hold yet fails the review too: someone
# forgot to run errcat lock.
lock_args=()
[ -f "$dir/errcat.lock" ] && lock_args=(--lock-stale)
if [ -n "$on_github" ]; then
  "$errcat" check --format github "${lock_args[@]}" "$dir"
else
  "$errcat" check "${lock_args[@]}" "$dir"
fi
check_status=$?
if [ "$check_status" -eq 2 ]; then exit 2; fi

"$errcat" diff --format markdown "git:$merge_base" "$dir" >"$report"
status=$?
if [ "$status" -eq 2 ]; then
  echo "review-catalog: errcat diff could not load the catalogs" >&2
  exit 2
fi
# What the change will tell the API's users, folded under the review.
short_base=$(git rev-parse --short "$merge_base")
if notes=$("$errcat" changelog "git:$short_base" "$dir"); then
  printf '\n<details><summary>Release notes of this change (errcat changelog)</summary>\n\n%s\n\n</details>\n' \
    "$notes" >>"$report"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$report" >>"$GITHUB_STEP_SUMMARY"; fi
if [ -n "$on_github" ]; then "$errcat" diff --format github "git:$merge_base" "$dir"; fi
echo "review-catalog: report written to $report" >&2
# An invalid catalog fails the review even when nothing breaks.
if [ "$check_status" -ne 0 ]; then exit 1; fi
exit "$status"
