// The program every outside project builds: the generated token API, end to end.
#include <fmt/format.h>

#include <cstdio>
#include <system_error>

#include "token_errors.hpp"

namespace token = errcat::catalogs::token;

int main() {
  const std::string text = token::format<token::TokenError::TokenExpiryTooFar>(48, "2026-12-31");
  const std::error_code ec = token::TokenError::TokenExpiryTooFar;
  const auto found = token::token_error_from_code("TOK005");
  std::printf("%s\n%s %s %s\n", text.c_str(), ec.category().name(), fmt::format("{}", *found).c_str(),
              found == token::TokenError::TokenExpiryTooFar ? "found" : "missing");
  return found ? 0 : 1;
}
