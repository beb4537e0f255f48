// CLDR plural rules (https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules),
// read from ICU's data at generation time, evaluated here for the checks and turned into plain
// C++ conditions for the generated code, so that a user's binary selects plural forms without
// ICU. A rule is a condition on a number's operands: n (absolute value), i (integer digits),
// v (visible fraction digits), w (v without trailing zeros), f and t (the fraction digits as an
// integer, with and without trailing zeros), e (the exponent of compact notation, 0 here).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace errcat::plurals {

// The operands of a number as it is printed ("1.50", "-3", "1000").
struct Operands {
  double n = 0;
  std::uint64_t i = 0, f = 0, t = 0;
  int v = 0, w = 0, e = 0;
};
// Of a decimal number as printed: [-]digits[.digits]; nothing for anything else.
std::optional<Operands> OperandsOf(std::string_view decimal);

// operand [mod m] (in | not in) ranges. `=` is `in`, `!=` is `not in`; `within` also accepts
// non-integers between the bounds.
struct Relation {
  char operand = 'n';     // n i v w f t e
  std::uint64_t mod = 0;  // 0: none
  bool negated = false;
  bool within = false;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;  // a value is {v, v}
};
using AndCondition = std::vector<Relation>;
using Condition = std::vector<AndCondition>;  // or of ands; empty: always true

// CLDR's plural categories, in its order; `other` last.
inline constexpr std::string_view kCategoryNames[] = {"zero", "one", "two", "few", "many", "other"};
bool IsCategory(std::string_view name);

struct Rule {
  std::string category;  // zero one two few many other
  Condition condition;
};

// A locale's rules in CLDR's order of categories (zero one two few many), `other` last.
struct LocaleRules {
  std::string locale;  // the tag asked for
  std::string data;  // the data it uses: "pl", "de" for de-AT, "root" for a language without rules
  std::vector<Rule> rules;

  std::vector<std::string> Categories() const;
  bool HasCategory(std::string_view category) const;
};

// Parses one rule's condition as CLDR writes it, without its samples (`@integer ...`).
std::optional<Condition> ParseCondition(std::string_view text, std::string* error);

// Whether ICU knows the tag's language (ISO 639), and its rules: the tag's own, or its
// parent's (de-AT -> de), or root's (only `other`). Nothing for an unknown language.
bool KnownLanguage(std::string_view bcp47);
std::optional<LocaleRules> RulesFor(std::string_view bcp47);

// The category of a number under a locale's rules.
std::string Select(const LocaleRules& rules, const Operands& x);

// A C++17 expression of type bool for a condition, over variables named n (a double) and i, v,
// w, f, t, e (std::uint64_t) in scope; it uses std::fmod and std::floor (<cmath>).
std::string ConditionToCpp(const Condition& condition);

}  // namespace errcat::plurals
