#!/usr/bin/env bash
# Outside CMake projects that bring errcat in the ways CMake users do, each configured, built and
# run through real CMake and Ninja, each checking that a no-op rebuild does nothing and that
# touching the catalog recompiles nothing:
#   outside_project.sh CASE SOURCE_DIR BUILD_DIR
# CASE: fetchcontent | add_subdirectory | cross | install_export | version | docs | multiconfig.
# Source cases use the working tree (FetchContent SOURCE_DIR); the others an errcat installed
# from BUILD_DIR into a temporary prefix.
set -euo pipefail
case_name=$1 src=$2 build=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "FAIL [$case_name]: $*" >&2; exit 1; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
export CCACHE_BASEDIR=$work  # the same sources in another temp folder still hit the cache

# Copies projects/NAME, the shared program and the token catalog into $work/NAME.
project() {
  cp -r "$here/projects/$1" "$work/$1"
  cp "$here/projects/common/main.cpp" "$work/$1/main.cpp"
  cp "$src/catalog/token.yaml" "$work/$1/token.yaml"
}
install_errcat() {
  cmake --install "$build" --prefix "$work/prefix" >/dev/null
}
configure() {  # source dir, build dir, args...
  local s=$1 b=$2
  shift 2
  cmake -S "$s" -B "$b" "${launcher[@]}" "$@" >"$b.configure.log" 2>&1 || { cat "$b.configure.log"; fail "configure failed"; }
}
build() {  # build dir, log name, args...
  local b=$1 log=$2
  shift 2
  cmake --build "$b" "$@" >"$work/$log" 2>&1 || { cat "$work/$log"; fail "build failed ($log)"; }
}
expect_noop() {  # log name
  grep -q "ninja: no work to do." "$work/$1" || { cat "$work/$1"; fail "$1: a rebuild with nothing changed did work"; }
}
expect_program() {  # binary
  local out
  out=$("$1") || fail "$1 failed"
  [ "$(printf '%s\n' "$out" | sed -n 2p)" = "token TOK005 found" ] || fail "unexpected output of $1: $out"
  # Not `printf | head | grep -q` under pipefail: a writer that outlives the reader dies of
  # SIGPIPE and fails the pipeline (seen once, with the right message).
  [[ "${out%%$'\n'*}" == *"48 hours"* ]] || fail "unexpected message from $1: $out"
}
# Touching the catalog reruns errcat and recompiles nothing; the build after is a no-op again.
expect_touch_recompiles_nothing() {  # project dir, build dir, args...
  local p=$1 b=$2
  shift 2
  touch "$p/token.yaml"
  build "$b" touch.log "$@"
  grep -q "errcat: generating" "$work/touch.log" || { cat "$work/touch.log"; fail "touching the catalog did not rerun errcat"; }
  if grep -q "Building CXX" "$work/touch.log"; then cat "$work/touch.log"; fail "touching the catalog recompiled code"; fi
  build "$b" after-touch.log "$@"
  expect_noop after-touch.log
}

case "$case_name" in
  fetchcontent | add_subdirectory)
    # FetchContent without fmt found by the parent; add_subdirectory with it found first.
    fmt_first=OFF
    [ "$case_name" = add_subdirectory ] && fmt_first=ON
    project subproject
    configure "$work/subproject" "$work/b" -G Ninja -DMODE="$case_name" -DFIND_FMT_FIRST=$fmt_first \
      -DERRCAT_SOURCE_DIR="$src" -DCMAKE_INSTALL_PREFIX="$work/installed"
    build "$work/b" build1.log
    expect_program "$work/b/app/tok"
    # errcat's tests, benchmarks, -Werror and install rules stay out of the parent's build.
    targets=$(cmake --build "$work/b" --target help)
    for t in errcat_tests generated_cpp_tests make_catalog lookup_bench; do
      if grep -qw "$t" <<<"$targets"; then fail "errcat's $t is part of the parent's build"; fi
    done
    grep -qw errcat <<<"$targets" || fail "no errcat tool target in the parent's build"
    if grep -q -- "-Werror" "$work/b/build.ninja"; then fail "errcat's -Werror leaked into the parent's build"; fi
    cmake --install "$work/b" >/dev/null
    [ -x "$work/installed/bin/tok" ] || fail "the parent's own install rule did not run"
    if [ -e "$work/installed/bin/errcat" ] || [ -d "$work/installed/lib/cmake/errcat" ]; then
      fail "installing the parent installed errcat too"
    fi
    build "$work/b" build2.log
    expect_noop build2.log
    expect_touch_recompiles_nothing "$work/subproject" "$work/b"
    ;;

  cross)
    project cross
    mkdir -p "$work/cross/bin"
    ln -s "$(command -v g++)" "$work/cross/bin/x86_64-target-linux-g++"
    configure "$work/cross" "$work/b" -G Ninja --toolchain "$work/cross/toolchain.cmake" \
      -DERRCAT_SOURCE_DIR="$src" -DERRCAT_EXECUTABLE="$build/generator/errcat"
    build "$work/b" build1.log
    # Nothing of errcat's tool was built for the target, and its dependencies were not needed.
    targets=$(cmake --build "$work/b" --target help)
    for t in errcat errcat_util errcat_loader errcat_backends errcat_cli; do
      if grep -qx "$t: phony" <<<"$targets"; then fail "errcat's $t is built for the target"; fi
    done
    grep -q "ERRCAT_BUILD_TOOL:BOOL=OFF" "$work/b/CMakeCache.txt" || fail "ERRCAT_BUILD_TOOL is not OFF when cross-compiling"
    grep -q "$build/generator/errcat" "$work/b/build.ninja" || fail "the host errcat does not generate the code"
    expect_program "$work/b/tok"  # the "target" is this machine
    build "$work/b" build2.log
    expect_noop build2.log
    expect_touch_recompiles_nothing "$work/cross" "$work/b"
    # Without ERRCAT_EXECUTABLE the configure fails, saying what to set.
    if cmake -S "$work/cross" -B "$work/b2" -G Ninja --toolchain "$work/cross/toolchain.cmake" \
         -DERRCAT_SOURCE_DIR="$src" >"$work/b2.log" 2>&1; then fail "cross-compiling without ERRCAT_EXECUTABLE configured"; fi
    grep -q "set ERRCAT_EXECUTABLE to an errcat that runs on this build host" <<<"$(tr -s '\n ' '  ' <"$work/b2.log")" \
      || { cat "$work/b2.log"; fail "no hint"; }
    ;;

  install_export)
    install_errcat
    project install_lib
    configure "$work/install_lib" "$work/lib" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
      -DCMAKE_INSTALL_PREFIX="$work/libprefix"
    build "$work/lib" lib1.log
    build "$work/lib" lib2.log
    expect_noop lib2.log
    expect_touch_recompiles_nothing "$work/install_lib" "$work/lib"
    cmake --install "$work/lib" >/dev/null
    for f in include/tok/token_errors.hpp include/tok/errcat_runtime.hpp lib/libtok_errors.a \
             lib/cmake/tok_errors/tok_errorsConfig.cmake lib/cmake/tok_errors/tok_errorsTargets.cmake; do
      [ -e "$work/libprefix/$f" ] || fail "the library's install lacks $f"
    done
    # The installed target's include directory is the install tree's, never the build tree's.
    if grep -rq "$work/lib" "$work/libprefix/lib/cmake"; then fail "the exported target names the build tree"; fi
    # A third project: only the installed library (no errcat on its prefix path).
    project install_user
    rm "$work/install_user/token.yaml"
    configure "$work/install_user" "$work/user" -G Ninja -DCMAKE_PREFIX_PATH="$work/libprefix"
    build "$work/user" user1.log
    expect_program "$work/user/tok"
    build "$work/user" user2.log
    expect_noop user2.log
    ;;

  version)
    install_errcat
    project version
    for request in 0.1 0.1.0; do
      configure "$work/version" "$work/ok-$request" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" -DREQUEST=$request
      grep -q "found errcat 0.1.0" "$work/ok-$request.configure.log" || fail "find_package(errcat $request) did not find 0.1.0"
    done
    build "$work/ok-0.1" build1.log
    expect_program "$work/ok-0.1/tok"
    build "$work/ok-0.1" build2.log
    expect_noop build2.log
    expect_touch_recompiles_nothing "$work/version" "$work/ok-0.1"
    # LOCK: the build checks the catalog against the lock; a removed code fails it.
    "$work/prefix/bin/errcat" lock "$work/version" --version 1.0 >/dev/null 2>&1 || fail "errcat lock failed"
    configure "$work/version" "$work/locked" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" -DREQUEST=0.1 -DWITH_LOCK=ON
    build "$work/locked" locked1.log
    build "$work/locked" locked2.log
    expect_noop locked2.log
    sed -i -e '/^  - code: TOK013$/,$d' -e 's/see_also: \[TOK003, TOK013\]/see_also: [TOK003]/' "$work/version/token.yaml"
    if cmake --build "$work/locked" >"$work/locked3.log" 2>&1; then fail "a code removed against the lock built"; fi
    grep -q "locked code 'TOK013' (.*) was removed; keep it, deprecate it, or add it to 'reserved' to retire it \[lock-removed\]" \
      "$work/locked3.log" || { cat "$work/locked3.log"; fail "no lock diagnostic"; }
    # Until 1.0 a minor version may break: 0.2 and 1.0 are not met by 0.1.0, and say so.
    for request in 0.2 1.0; do
      if cmake -S "$work/version" -B "$work/no-$request" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
           -DREQUEST=$request >"$work/no-$request.log" 2>&1; then fail "find_package(errcat $request) accepted 0.1.0"; fi
      grep -q "requested version \"$request\"" "$work/no-$request.log" || { cat "$work/no-$request.log"; fail "unclear failure for $request"; }
      grep -q "version: 0.1.0" "$work/no-$request.log" || { cat "$work/no-$request.log"; fail "the failure does not name 0.1.0"; }
    done
    ;;

  docs)
    install_errcat
    project docs
    configure "$work/docs" "$work/b" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix"
    build "$work/b" build1.log
    for f in site/index.html site/TOK005.html site/assets/errcat.js md/index.md md/token.md; do
      [ -f "$work/b/$f" ] || fail "the docs target did not make $f"
    done
    [ -e "$work/b/site_only" ] && fail "a docs target outside ALL was built by default"
    build "$work/b" site-only.log --target tok_site_only
    [ -f "$work/b/site_only/TOK005.html" ] || fail "--target tok_site_only made no site"
    build "$work/b" build2.log
    expect_noop build2.log
    before=$(stat -c %Y.%N "$work/b/site/TOK005.html")
    sleep 1
    expect_touch_recompiles_nothing "$work/docs" "$work/b"
    [ "$(stat -c %Y.%N "$work/b/site/TOK005.html")" = "$before" ] || fail "touching the catalog rewrote an unchanged page"
    sed -i 's/^    summary: Token expiry date exceeds the allowed limit$/    summary: Token expiry date is too far out/' "$work/docs/token.yaml"
    build "$work/b" edit.log
    grep -q "Token expiry date is too far out" "$work/b/site/TOK005.html" || fail "an edit did not reach the site"
    grep -q "Token expiry date is too far out" "$work/b/md/token.md" || fail "an edit did not reach the Markdown"
    build "$work/b" custom.log --target tok_custom
    [ "$(cat "$work/b/custom/404.html")" = "<p>custom 404</p>" ] || fail "TEMPLATES did not override 404.html"
    grep -q "TOK005" "$work/b/custom/TOK005.html" || fail "the override replaced more than its template"
    printf '<p>new 404</p>\n' >"$work/docs/tpl/html/404.mustache"
    build "$work/b" custom2.log --target tok_custom
    [ "$(cat "$work/b/custom/404.html")" = "<p>new 404</p>" ] || fail "an edited template did not rebuild the site"
    ;;

  multiconfig)
    install_errcat
    project multiconfig
    configure "$work/multiconfig" "$work/b" -G "Ninja Multi-Config"  -DCMAKE_PREFIX_PATH="$work/prefix"
    build "$work/b" debug1.log --config Debug
    build "$work/b" release1.log --config Release
    runs=$(cat "$work/debug1.log" "$work/release1.log" | grep -c "errcat: generating C++" || true)
    [ "$runs" = 1 ] || { cat "$work/debug1.log" "$work/release1.log"; fail "errcat ran $runs times for two configurations"; }
    expect_program "$work/b/Debug/tok"
    expect_program "$work/b/Release/tok"
    build "$work/b" debug2.log --config Debug
    expect_noop debug2.log
    build "$work/b" release2.log --config Release
    expect_noop release2.log
    expect_touch_recompiles_nothing "$work/multiconfig" "$work/b" --config Debug
    build "$work/b" release3.log --config Release
    expect_noop release3.log
    ;;

  *) fail "unknown case" ;;
esac
echo "outside project $case_name: passed"
