#include "backends/base/problem_example.h"

#include "plurals/plural_rules.h"

namespace errcat::backends {

nlohmann::ordered_json ExampleValue(const model::Param& p) {
  switch (p.type) {
    case model::ParamType::kInt:
      return 42;
    case model::ParamType::kUint:
      return 7u;
    case model::ParamType::kDouble:
      return 2.5;
    case model::ParamType::kBool:
      return true;
    case model::ParamType::kString:
      break;
  }
  return "example-" + p.name;
}

std::string ProblemType(const model::Catalog& c, const model::Error& e) {
  if (!c.problem_type_base.empty()) return c.problem_type_base + e.code;
  if (!c.docs_base_url.empty()) return c.docs_base_url + e.code;
  return "about:blank";
}

namespace {
// The message rendered with the example values, plurals by the catalog language's rules.
void RenderExample(const std::vector<model::MessageSegment>& segments, const model::Error& e,
                   const std::optional<plurals::LocaleRules>& rules, std::string& out) {
  for (const model::MessageSegment& s : segments) {
    if (s.arg < 0) {
      out += s.literal;
      continue;
    }
    const nlohmann::ordered_json v = ExampleValue(e.params[static_cast<size_t>(s.arg)]);
    const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    if (!s.is_plural()) {
      out += text;
      continue;
    }
    const std::optional<plurals::Operands> operands = plurals::OperandsOf(text);
    const std::string category =
        rules && operands ? plurals::Select(*rules, *operands) : std::string("other");
    RenderExample(model::PluralChoice(s, text, category).segments, e, rules, out);
  }
}
}  // namespace

nlohmann::ordered_json ProblemExample(const model::Catalog& c, const model::Error& e) {
  std::string detail;
  // The rules only for a message with a plural: this runs for every error of every back end.
  RenderExample(e.segments, e,
                model::HasPlural(e.segments) ? plurals::RulesFor(c.locale) : std::nullopt, detail);
  nlohmann::ordered_json j;
  j["type"] = ProblemType(c, e);
  j["title"] = e.summary;
  if (e.http_status) j["status"] = e.http_status;
  j["detail"] = detail;
  j["code"] = e.code;
  j["params"] = nlohmann::ordered_json::object();
  for (const model::Param& p : e.params) j["params"][p.name] = ExampleValue(p);
  return j;
}

}  // namespace errcat::backends
