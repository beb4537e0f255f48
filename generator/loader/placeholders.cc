#include "loader/placeholders.h"

namespace errcat::loader {

namespace {
constexpr int kMaxPlaceholder = 99;  // more parameters than this is a design problem
}

ParsedMessage ParseMessage(std::string_view message) {
  ParsedMessage out;
  std::string literal;
  std::vector<size_t> first_use;  // offset of the first use of each index
  auto flush = [&] {
    if (!literal.empty()) out.segments.push_back({std::move(literal), -1});
    literal.clear();
  };
  for (size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c == '}') {
      if (i + 1 < message.size() && message[i + 1] == '}') {
        literal += '}';
        ++i;
      } else {
        out.problems.push_back({i, "unmatched '}' in message; write '}}' for a literal brace",
                                "placeholder-syntax"});
      }
      continue;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < message.size() && message[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    const size_t start = i;
    size_t j = i + 1;
    int index = 0;
    bool digits = false, too_big = false;
    while (j < message.size() && message[j] >= '0' && message[j] <= '9') {
      index = index * 10 + (message[j] - '0');
      if (index > kMaxPlaceholder) too_big = true, index = kMaxPlaceholder;
      digits = true;
      ++j;
    }
    if (j >= message.size() || message[j] != '}' || !digits) {
      const size_t close = message.find('}', start);
      std::string shown(message.substr(start, close == std::string_view::npos
                                                  ? std::min<size_t>(12, message.size() - start)
                                                  : close - start + 1));
      out.problems.push_back(
          {start,
           close == std::string_view::npos
               ? "unterminated placeholder '" + shown + "'; write '{{' for a literal brace"
               : "invalid placeholder '" + shown +
                     "'; placeholders are '{0}', '{1}', ...; write '{{' for a literal brace",
           "placeholder-syntax"});
      // Resume after the bad placeholder so later problems are still found.
      i = close == std::string_view::npos ? message.size() : close;
      continue;
    }
    if (too_big) {
      out.problems.push_back({start, "placeholder index above " + std::to_string(kMaxPlaceholder),
                              "placeholder-syntax"});
    }
    flush();
    out.segments.push_back({"", index});
    if (static_cast<size_t>(index) >= first_use.size()) first_use.resize(index + 1, SIZE_MAX);
    if (first_use[index] == SIZE_MAX) first_use[index] = start;
    i = j;
  }
  flush();
  out.arity = static_cast<int>(first_use.size());
  for (int k = 0; k < out.arity; ++k) {
    if (first_use[k] != SIZE_MAX) continue;
    // Point at the first placeholder above the gap.
    size_t at = 0;
    for (int m = k + 1; m < out.arity; ++m)
      if (first_use[m] != SIZE_MAX) {
        at = first_use[m];
        break;
      }
    out.problems.push_back({at,
                            "placeholder {" + std::to_string(k) +
                                "} is never used, but a higher one is; placeholders are "
                                "numbered from {0} without gaps",
                            "placeholder-gap"});
  }
  return out;
}

}  // namespace errcat::loader
