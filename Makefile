# The two entry points of the README. Everything else is CMake (see CMakePresets.json).
#   make       install missing packages, build, check catalog/, regenerate generated/ and build the site into build/site/
#   make test  the same set-up, then every test through CTest
.PHONY: all deps browser-deps build test goldens bench clean

BUILD := build
ERRCAT := $(BUILD)/generator/errcat

# The main job on catalog/: validate it, then regenerate the checked-in generated/ tree.
all: build
	@$(ERRCAT) check catalog/
	@$(ERRCAT) generate --source-root . --cpp generated/cpp --openapi generated/openapi/errors.yaml catalog/
	@$(ERRCAT) docs --source-root . --format markdown -o generated/markdown catalog/
	@$(ERRCAT) docs --source-root . --format html -o $(BUILD)/site catalog/
	@echo
	@echo "errcat outputs for catalog/:"
	@echo "  C++ (checked in):       generated/cpp/       <catalog>_errors.hpp/.cpp, errcat_runtime.hpp"
	@echo "  Markdown (checked in):  generated/markdown/  index.md, <catalog>.md"
	@echo "  OpenAPI (checked in):   generated/openapi/errors.yaml  (components to \$$ref from an API spec)"
	@echo "  HTML site:              $(BUILD)/site/index.html  (open file://$(CURDIR)/$(BUILD)/site/index.html)"
	@echo "  try:                    $(ERRCAT) explain TOK005 catalog/"

deps:
	@scripts/install-deps.sh

build: deps
	@[ -f $(BUILD)/build.ninja ] || cmake --preset default
	@cmake --build --preset default

# The browser test needs Chromium and Node.js (Debian) and playwright-core (npm, locked).
browser-deps:
	@scripts/install-deps.sh --browser
	@[ -d tests/browser/node_modules/playwright-core ] && [ -d tests/browser/node_modules/@seriousme/openapi-schema-validator ] || npm ci --prefix tests/browser --no-audit --no-fund

test: browser-deps build
	@cmake --preset default >/dev/null
	@ctest --preset default -j2

# Regenerate every golden file from the current build, then review with `git diff`.
goldens: build
	@scripts/update-goldens.sh

# Every figure in bench/README.md, measured now (writes bench/results.md; ~10 minutes).
bench:
	@bench/run.sh

clean:
	rm -rf $(BUILD)
