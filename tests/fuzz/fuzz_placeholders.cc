// libFuzzer target: the message template parser, with its invariants checked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "loader/placeholders.h"

namespace {

using Segments = std::vector<errcat::model::MessageSegment>;

// The template text of segments: literals escaped for where they stand (in a plural case `}`
// and `#` cannot occur, `{` is `{{` everywhere).
std::string Rebuild(const Segments& segments, int arity, bool in_case = false) {
  std::string out;
  for (const auto& s : segments) {
    if (s.arg >= arity) std::abort();
    if (s.is_plural()) {
      if (in_case) std::abort();  // plurals do not nest
      out += "{" + std::to_string(s.arg) + ", plural,";
      for (const auto& c : s.plural)
        out += " " + c.selector + " {" + Rebuild(c.segments, arity, true) + "}";
      out += "}";
    } else if (s.arg >= 0) {
      out += "{" + std::to_string(s.arg) + "}";
    } else {
      for (char c : s.literal) {
        if (in_case && (c == '}' || c == '#')) std::abort();
        out += c == '{' ? "{{" : c == '}' ? "}}" : std::string(1, c);
      }
    }
  }
  return out;
}

bool Same(const Segments& a, const Segments& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].arg != b[i].arg || a[i].literal != b[i].literal ||
        a[i].plural.size() != b[i].plural.size())
      return false;
    for (size_t k = 0; k < a[i].plural.size(); ++k)
      if (a[i].plural[k].selector != b[i].plural[k].selector ||
          !Same(a[i].plural[k].segments, b[i].plural[k].segments))
        return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string message(reinterpret_cast<const char*>(data), size);
  const errcat::loader::ParsedMessage parsed = errcat::loader::ParseMessage(message);
  for (const auto& p : parsed.problems)
    if (p.offset > message.size()) std::abort();  // every problem points inside the message
  if (!parsed.problems.empty()) return 0;
  // A valid message re-escaped from its segments parses to the same segments, plurals too.
  const std::string rebuilt = Rebuild(parsed.segments, parsed.arity);
  const errcat::loader::ParsedMessage again = errcat::loader::ParseMessage(rebuilt);
  if (!again.problems.empty() || again.arity != parsed.arity ||
      !Same(again.segments, parsed.segments))
    std::abort();
  return 0;
}
