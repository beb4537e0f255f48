#include "loader/limits.h"

#include <algorithm>
#include <cstdlib>

namespace errcat::loader {

const std::vector<TextLimit>& TextLimits() {
  static const std::vector<TextLimit> kLimits = {
      {"title", 256, "a heading"},
      {"description (catalog)", 65536, "Markdown for the catalog's page"},
      {"name", 128, "a C++ identifier"},
      {"summary", 1024, "one line, in the C++ tables and every list"},
      {"message", 4096, "one C++ string literal, a log line"},
      {"deprecated", 1024, "a C++ string literal"},
      {"description", 65536, "Markdown for the error's page"},
      {"causes", 8192, "each item, Markdown"},
      {"resolution", 8192, "each item, Markdown"},
      {"since", 64, "a version"},
      {"tags", 64, "each tag, a filter label"},
      {"fields", 8192, "each value"},
      {"params[].description", 1024, "one line in the docs"},
      {"docs.base_url", 2048, "URLs past 2 KiB break in browsers and proxies"},
      {"docs.edit_url", 2048, "URLs past 2 KiB break in browsers and proxies"},
      {"docs.problem_type_base", 2048, "URLs past 2 KiB break in browsers and proxies"},
  };
  return kLimits;
}

const TextLimit& LimitOf(std::string_view key) {
  const auto& limits = TextLimits();
  const auto it =
      std::find_if(limits.begin(), limits.end(), [&](const TextLimit& l) { return l.key == key; });
  if (it == limits.end()) std::abort();  // a programming error: every caller names a listed key
  return *it;
}

void CheckLimit(const readers::Context& ctx, const yaml::Node* node, std::string_view key,
                const std::string& text) {
  const TextLimit& limit = LimitOf(key);
  if (text.size() <= limit.max_bytes) return;
  ctx.Error(node,
            "'" + std::string(key) + "' is " + std::to_string(text.size()) +
                " bytes; the limit is " + std::to_string(limit.max_bytes) + " (" +
                std::string(limit.why) + ")",
            "limit");
}

void CheckItemLimits(const readers::Context& ctx, const yaml::Node* list, std::string_view key) {
  if (readers::IsNull(list) || list->kind != yaml::NodeKind::kSequence) return;
  for (const yaml::Node* item : list->items())
    if (item->kind == yaml::NodeKind::kScalar) CheckLimit(ctx, item, key, item->value);
}

}  // namespace errcat::loader
