#!/usr/bin/env bash
# Compiles generated code the way users will, and checks what must not compile.
#   compile_checks.sh SEED HOSTILE REAL ROUNDTRIP
#     SEED, HOSTILE, REAL: folders of generated C++ (token_errors.hpp, hostile_errors.hpp, and
#     the public catalogs of tests/real/); ROUNDTRIP: the program that round-trips REAL's codes.
set -euo pipefail
seed=$1 hostile=$2 real=$3 roundtrip=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
flags="-Wall -Wextra -Wpedantic -Werror"

compilers=(g++)
command -v clang++ >/dev/null && compilers+=(clang++)
for cxx in "${compilers[@]}"; do
  for std in 17 20; do
    for dir in "$seed" "$hostile"; do
      for cpp in "$dir"/*.cpp; do
        $cxx -std=c++$std $flags -I"$dir" -c "$cpp" -o "$work/out.o" 2>"$work/err" \
          || { cat "$work/err"; fail "$cxx -std=c++$std: $cpp does not compile cleanly"; }
      done
    done
  done
done
echo "generated code compiles with ${compilers[*]} in C++17 and C++20 with $flags"

# The public catalogs: compiled, linked and round-tripped with every compiler and standard.
for cxx in "${compilers[@]}"; do
  for std in 17 20; do
    $cxx -std=c++$std $flags -I"$real" "$real"/*.cpp "$roundtrip" -lfmt -o "$work/roundtrip" 2>"$work/err" \
      || { cat "$work/err"; fail "$cxx -std=c++$std: the public catalogs' code does not build"; }
    "$work/roundtrip" || fail "$cxx -std=c++$std: round trip of the public catalogs failed"
  done
done

# No global constructors: the objects have no .init_array (constant-initialised tables).
for cpp in "$seed"/*.cpp "$hostile"/*.cpp "$real"/*.cpp; do
  g++ -std=c++17 -O2 -I"$(dirname "$cpp")" -c "$cpp" -o "$work/o.o"
  if readelf -S "$work/o.o" | grep -qE "init_array|\.ctors"; then fail "$cpp has a global constructor"; fi
done
echo "no global constructors"

# Plain ASCII only: no raw bidirectional controls (Trojan Source) or other bytes >= 0x80.
if LC_ALL=C grep -lP '[^\x00-\x7F]' "$seed"/* "$hostile"/* "$real"/*; then fail "generated files contain non-ASCII bytes"; fi
echo "generated files are ASCII"

expect_error() {  # name, source, regex the compiler output must match
  local name=$1 source=$2 regex=$3
  printf '%s\n' "$source" >"$work/$name.cc"
  for cxx in "${compilers[@]}"; do
    if $cxx -std=c++17 $flags -I"$seed" -I"$hostile" -fsyntax-only "$work/$name.cc" 2>"$work/$name.err"; then
      fail "$name: $cxx compiled code that must not compile"
    fi
    grep -qE "$regex" "$work/$name.err" || { cat "$work/$name.err"; fail "$name: $cxx error does not match /$regex/"; }
  done
  echo "$name: rejected as expected"
}

expect_error wrong_count '#include "token_errors.hpp"
std::string f() { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::TokenExpiryTooFar>(48); }' \
  'WrongArguments<.*TokenError::TokenExpiryTooFar.*Param<.*kInt, .*max_hours_>.*Param<.*kString, .*provided_expiry_>'

expect_error wrong_type '#include "token_errors.hpp"
std::string f() { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::TokenExpiryTooFar>("48", "x"); }' \
  'WrongArguments<.*TokenError::TokenExpiryTooFar.*Param<.*kInt, .*max_hours_>.*Param<.*kString, .*provided_expiry_>.*char'

# With a locale first, the same checks on the arguments after it.
expect_error localized_wrong_type '#include "token_errors.hpp"
std::string f() { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::DownloadTokenNotFound>("de", "five"); }' \
  'WrongArguments<.*TokenError::DownloadTokenNotFound.*Param<.*kInt, .*expiry_minutes_>.*char'

expect_error localized_wrong_count '#include "token_errors.hpp"
std::string f() { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::TokenExpiryTooFar>("de", 48); }' \
  'WrongArguments<.*TokenError::TokenExpiryTooFar.*Param<.*kInt, .*max_hours_>.*Param<.*kString, .*provided_expiry_>'

expect_error lossy_unsigned '#include "token_errors.hpp"
std::string f(unsigned long long n) { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::TokenExpiryTooFar>(n, "x"); }' \
  'WrongArguments<.*TokenError::TokenExpiryTooFar.*unsigned'

expect_error not_an_error '#include "token_errors.hpp"
std::string f() { return errcat::catalogs::token::format<static_cast<errcat::catalogs::token::TokenError>(999)>(); }' \
  'is not an error of this catalog'

expect_error deprecated_use '#include "hostile_errors.hpp"
int f() { return static_cast<int>(errcat_test::hostile::HostileError::Deprecated); }' \
  'deprecated'

# A correct call compiles.
printf '%s\n' '#include "token_errors.hpp"
std::string f() { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::TokenExpiryTooFar>(48, "2026-12-01"); }
std::string g(std::string_view locale) { return errcat::catalogs::token::format<errcat::catalogs::token::TokenError::TokenExpiryTooFar>(locale, 48, "2026-12-01"); }' >"$work/ok.cc"
for cxx in "${compilers[@]}"; do
  $cxx -std=c++17 $flags -I"$seed" -fsyntax-only "$work/ok.cc" || fail "a correct format<E> call does not compile with $cxx"
done
echo "correct calls compile"
