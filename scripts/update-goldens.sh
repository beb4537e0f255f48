#!/usr/bin/env bash
# Rewrites every golden file (diagnostics, generated code, docs) from the current build.
# Review the result with `git diff` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
ERRCAT_UPDATE_GOLDENS=1 ctest --test-dir "$build" -R 'Golden|golden' --output-on-failure
echo "goldens refreshed; review them with: git diff"
