// Size limits on catalog text, chosen from what the outputs need: every text that reaches the
// generated C++ stays well inside what every mainstream compiler accepts in one string literal
// (MSVC: 16,380 bytes per literal, 65,535 after concatenation; C2026), and docs-only text stays
// within what a reference page can sensibly show. Reported as [limit]; docs/catalog-format.md
// lists the same table (a test keeps them in step).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "loader/readers.h"

namespace errcat::loader {

struct TextLimit {
  std::string_view key;  // as the docs name it: "message", "causes" (each item), "docs.base_url"
  size_t max_bytes;      // UTF-8 bytes, as compilers and files count them
  std::string_view why;
};

const std::vector<TextLimit>& TextLimits();
const TextLimit& LimitOf(std::string_view key);  // key must be in TextLimits()

// Reports `text` (the value of `node`) when it is over its key's limit [limit]; for a list,
// each text item.
void CheckLimit(const readers::Context& ctx, const yaml::Node* node, std::string_view key,
                const std::string& text);
void CheckItemLimits(const readers::Context& ctx, const yaml::Node* list, std::string_view key);

// Parameters per message: format<E> takes them as one argument pack.
inline constexpr size_t kMaxParams = 32;

}  // namespace errcat::loader
