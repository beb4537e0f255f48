#!/usr/bin/env bash
# Rewrites every golden file from the current build, in its five places:
#   generated/                  the checked-in C++ and Markdown made from catalog/
#   tests/goldens/html/         the HTML site made from catalog/
#   tests/diagnostics/*.stderr  check's report for each broken catalog there
#   tests/diff/*/               diff's reports (expected.txt, diff.md, diff.github, diff.sarif)
#                               and check's SARIF for the realistic case
#   tests/data/changelog/*.md|html  changelog's notes for a three-release history
# Review the result with `git diff` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
errcat=$build/generator/errcat
$errcat generate --source-root . --cpp generated/cpp --openapi generated/openapi/errors.yaml catalog/
$errcat docs --source-root . --format markdown -o generated/markdown catalog/
rm -rf tests/goldens/html
$errcat docs --source-root . --format html -o tests/goldens/html catalog/
ERRCAT_UPDATE_GOLDENS=1 ctest --test-dir "$build" -R 'Golden|golden' >/dev/null || true
echo "goldens refreshed; review them with: git diff --stat"
