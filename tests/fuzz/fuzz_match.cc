// libFuzzer target: errcat match. The input is a message template, a newline, and a text. The
// template becomes one error (its placeholders typed in turn int, string, uint, double, bool);
// every match of the text must lie inside it, give each parameter a value of its type, and
// render back to exactly the text it spans.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "loader/loader.h"
#include "loader/placeholders.h"
#include "match/match.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  if (newline == std::string::npos) return 0;
  const std::string message = input.substr(0, newline), text = input.substr(newline + 1);
  const errcat::loader::ParsedMessage parsed = errcat::loader::ParseMessage(message);
  if (!parsed.problems.empty() || parsed.arity > 8) return 0;
  static const char* const kTypes[] = {"int", "string", "uint", "double", "bool"};
  std::string params;
  for (int i = 0; i < parsed.arity; ++i)
    params += std::string(i ? ", " : "") + "{name: p" + std::to_string(i) +
              ", type: " + kTypes[i % 5] + "}";
  const std::string yaml =
      "catalog: f\ntitle: F\nerrors:\n  - {code: F1, name: F, summary: S, message: " +
      nlohmann::json(message).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace) +
      ", params: [" + params + "]}\n";
  errcat::diag::DiagnosticSink sink;
  std::optional<errcat::model::CatalogSet> set =
      errcat::loader::LoadSources({{"f.yaml", "f.yaml", yaml}}, {}, sink);
  if (!set) return 0;  // e.g. a message the loader refuses (non-ASCII quoting, limits)
  const errcat::model::Error& e = set->catalogs()[0].errors[0];
  for (const errcat::match::Match& m : errcat::match::MatchMessage(*set, text)) {
    if (m.begin > m.end || m.end > text.size() || m.args.size() != e.params.size()) std::abort();
    std::string rendered;
    for (const errcat::model::MessageSegment& s : e.segments) {
      if (s.arg < 0) {
        rendered += s.literal;
        continue;
      }
      const errcat::match::Argument& a = m.args[static_cast<size_t>(s.arg)];
      if (!errcat::match::Fits(a.type, a.value)) std::abort();
      rendered += a.value;
    }
    if (rendered != text.substr(m.begin, m.end - m.begin)) std::abort();
  }
  return 0;
}
