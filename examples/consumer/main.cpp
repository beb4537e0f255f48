// A service using its generated error API: typed formatting, error_code, lookups, fmt.
#include <fmt/format.h>

#include <cstdio>
#include <system_error>

#include "shop_errors.hpp"

int main() {
  // Typed, checked at compile time: format<shop::ShopError::OutOfStock>("A1") would not compile.
  const std::string text = shop::format<shop::ShopError::OutOfStock>("A-42", 3);
  std::error_code ec = shop::ShopError::PaymentDeclined;
  const auto found = shop::shop_error_from_code("SHOP001");

  std::printf("%s\n", text.c_str());
  std::printf("%s %s %s\n", ec.category().name(), ec.message().c_str(),
              fmt::format("{}", shop::ShopError::OutOfStock).c_str());
  std::printf("%s %d %s\n", found ? "found" : "missing", shop::info(*found).http_status,
              std::string(shop::info(*found).docs_url).c_str());
  std::printf("%s\n", shop::format(shop::ShopError::PaymentDeclined, 12.5).c_str());
  return text.empty() ? 1 : 0;
}
