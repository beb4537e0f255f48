#!/usr/bin/env bash
# Installs the Debian packages errcat needs that are missing. Idempotent and non-interactive:
# does nothing when everything is present. Needs root (or sudo) only when something is missing.
#   scripts/install-deps.sh            build and test dependencies
#   scripts/install-deps.sh --browser  also Chromium and Node.js for the browser test
set -euo pipefail

packages=(cmake ninja-build g++ make pkg-config ccache
          libyaml-cpp-dev libcmark-dev libfmt-dev libcli11-dev
          nlohmann-json3-dev libmimalloc-dev libre2-dev libicu-dev libcpp-httplib-dev libgtest-dev libgmock-dev
          gettext)  # gettext: msgfmt --check on the PO files errcat po writes (tests)
for arg in "$@"; do
  case "$arg" in
    --browser) packages+=(chromium nodejs npm) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    --bench) packages+=(libbenchmark-dev time) ;;
    *) echo "install-deps.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  # nodejs/npm may come from outside Debian; a working command is good enough.
  case "$p" in nodejs) command -v node >/dev/null && continue ;; npm) command -v npm >/dev/null && continue ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
