#!/usr/bin/env bash
# Rewrites every golden file from the current build: generated/ (C++ and Markdown for
# catalog/), tests/goldens/ (the HTML site for catalog/, review reports) and the diagnostics
# goldens. Review the result with `git diff` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
errcat=$build/generator/errcat
$errcat generate --source-root . --cpp generated/cpp catalog/
$errcat docs --source-root . --format markdown -o generated/markdown catalog/
rm -rf tests/goldens/html
$errcat docs --source-root . --format html -o tests/goldens/html catalog/
ERRCAT_UPDATE_GOLDENS=1 ctest --test-dir "$build" -R 'Golden|golden' >/dev/null || true
echo "goldens refreshed; review them with: git diff --stat"
