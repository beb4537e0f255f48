// libFuzzer target: the message template parser, with its invariants checked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "loader/placeholders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string message(reinterpret_cast<const char*>(data), size);
  const errcat::loader::ParsedMessage parsed = errcat::loader::ParseMessage(message);
  for (const auto& p : parsed.problems)
    if (p.offset > message.size()) std::abort();  // every problem points inside the message
  if (!parsed.problems.empty()) return 0;
  // A valid message re-escaped from its segments parses to the same segments.
  std::string rebuilt;
  for (const auto& s : parsed.segments) {
    if (s.arg >= 0) {
      if (s.arg >= parsed.arity) std::abort();
      rebuilt += "{" + std::to_string(s.arg) + "}";
    } else {
      for (char c : s.literal) rebuilt += c == '{' ? "{{" : c == '}' ? "}}" : std::string(1, c);
    }
  }
  const errcat::loader::ParsedMessage again = errcat::loader::ParseMessage(rebuilt);
  if (!again.problems.empty() || again.arity != parsed.arity || again.segments.size() != parsed.segments.size())
    std::abort();
  for (size_t i = 0; i < again.segments.size(); ++i)
    if (again.segments[i].arg != parsed.segments[i].arg || again.segments[i].literal != parsed.segments[i].literal)
      std::abort();
  return 0;
}
