#include "plurals/plural_rules.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>

namespace errcat::plurals {

std::optional<Operands> OperandsOf(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  const auto digits = [](std::string_view d) {
    return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !digits(whole) || !digits(fraction) ||
      (dot != std::string_view::npos && fraction.empty()) || whole.size() > 18 ||
      fraction.size() > 18)
    return std::nullopt;
  Operands x;
  for (char c : whole) x.i = x.i * 10 + static_cast<std::uint64_t>(c - '0');
  x.v = static_cast<int>(fraction.size());
  for (char c : fraction) x.f = x.f * 10 + static_cast<std::uint64_t>(c - '0');
  std::string_view trimmed = fraction;
  while (!trimmed.empty() && trimmed.back() == '0') trimmed.remove_suffix(1);
  x.w = static_cast<int>(trimmed.size());
  for (char c : trimmed) x.t = x.t * 10 + static_cast<std::uint64_t>(c - '0');
  // From the digits, not std::stod: the same whatever the C locale's decimal point.
  x.n = static_cast<double>(x.i) + static_cast<double>(x.f) / std::pow(10.0, x.v);
  return x;
}

namespace {

class ConditionParser {
 public:
  explicit ConditionParser(std::string_view text) : text_(text) {}

  std::optional<Condition> Parse(std::string* error) {
    Condition condition;
    Skip();
    if (AtEnd()) return condition;
    for (;;) {
      AndCondition all;
      for (;;) {
        std::optional<Relation> r = ParseRelation();
        if (!r) return Fail(error);
        all.push_back(std::move(*r));
        if (!Word("and")) break;
      }
      condition.push_back(std::move(all));
      if (!Word("or")) break;
    }
    if (!AtEnd()) return Fail(error);
    return condition;
  }

 private:
  std::optional<Condition> Fail(std::string* error) {
    if (error)
      *error = "cannot read plural rule at byte " + std::to_string(pos_) + " of '" +
               std::string(text_) + "'";
    return std::nullopt;
  }
  void Skip() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  bool AtEnd() {
    Skip();
    return pos_ >= text_.size();
  }
  bool Word(std::string_view w) {
    Skip();
    if (text_.substr(pos_, w.size()) != w) return false;
    const size_t after = pos_ + w.size();
    if (after < text_.size() && (text_[after] >= 'a' && text_[after] <= 'z')) return false;
    pos_ = after;
    return true;
  }
  bool Symbol(std::string_view s) {
    Skip();
    if (text_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  std::optional<std::uint64_t> Number() {
    Skip();
    if (pos_ >= text_.size() || (text_[pos_] < '0' || text_[pos_] > '9')) return std::nullopt;
    std::uint64_t v = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
      v = v * 10 + static_cast<std::uint64_t>(text_[pos_++] - '0');
    return v;
  }
  std::optional<Relation> ParseRelation() {
    Skip();
    Relation r;
    if (pos_ >= text_.size() ||
        std::string_view("nivwftec").find(text_[pos_]) == std::string_view::npos)
      return std::nullopt;
    r.operand = text_[pos_] == 'c' ? 'e' : text_[pos_];  // c is e's older name
    ++pos_;
    if (Word("mod") || Symbol("%")) {
      const auto m = Number();
      if (!m || *m == 0) return std::nullopt;
      r.mod = *m;
    }
    if (Symbol("!=")) {
      r.negated = true;
    } else if (Symbol("=")) {
    } else if (Word("is")) {
      r.negated = Word("not");
    } else {
      r.negated = Word("not");
      if (Word("within"))
        r.within = true;
      else if (!Word("in"))
        return std::nullopt;
    }
    for (;;) {
      const auto low = Number();
      if (!low) return std::nullopt;
      std::uint64_t high = *low;
      if (Symbol("..")) {
        const auto h = Number();
        if (!h || *h < *low) return std::nullopt;
        high = *h;
      }
      r.ranges.emplace_back(*low, high);
      if (!Symbol(",")) break;
    }
    return r;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

double Value(const Operands& x, char operand) {
  switch (operand) {
    case 'n':
      return x.n;
    case 'i':
      return static_cast<double>(x.i);
    case 'v':
      return x.v;
    case 'w':
      return x.w;
    case 'f':
      return static_cast<double>(x.f);
    case 't':
      return static_cast<double>(x.t);
    default:
      return x.e;
  }
}

bool Holds(const Relation& r, const Operands& x) {
  double value = Value(x, r.operand);
  if (r.mod != 0) value = std::fmod(value, static_cast<double>(r.mod));
  bool in = false;
  for (const auto& [low, high] : r.ranges) {
    const bool between = value >= static_cast<double>(low) && value <= static_cast<double>(high);
    in = in || (between && (r.within || value == std::floor(value)));
  }
  return in != r.negated;
}

std::string Utf8(const UChar* s, int32_t n) {
  std::string out;
  icu::UnicodeString(s, n).toUTF8String(out);
  return out;
}

// ICU's plural data ("plurals": locale -> rule set -> category -> rule), read once.
struct PluralData {
  std::map<std::string, std::string> set_of_locale;
  std::map<std::string, std::map<std::string, std::string>> rules_of_set;
};

const PluralData& Data() {
  static const PluralData data = [] {
    PluralData d;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* root = ures_openDirect(nullptr, "plurals", &status);
    UResourceBundle* locales = ures_getByKey(root, "locales", nullptr, &status);
    while (U_SUCCESS(status) && ures_hasNext(locales)) {
      const char* key = nullptr;
      int32_t length = 0;
      const UChar* set = ures_getNextString(locales, &length, &key, &status);
      if (U_SUCCESS(status)) d.set_of_locale[key] = Utf8(set, length);
    }
    UResourceBundle* sets = ures_getByKey(root, "rules", nullptr, &status);
    while (U_SUCCESS(status) && ures_hasNext(sets)) {
      UResourceBundle* set = ures_getNextResource(sets, nullptr, &status);
      if (U_FAILURE(status)) break;
      auto& rules = d.rules_of_set[ures_getKey(set)];
      while (ures_hasNext(set)) {
        const char* key = nullptr;
        int32_t length = 0;
        const UChar* rule = ures_getNextString(set, &length, &key, &status);
        if (U_SUCCESS(status)) rules[key] = Utf8(rule, length);
      }
      ures_close(set);
    }
    ures_close(sets);
    ures_close(locales);
    ures_close(root);
    return d;
  }();
  return data;
}

std::string Language(std::string_view tag) {
  std::string lang(tag.substr(0, tag.find('-')));
  for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lang;
}

}  // namespace

std::optional<Condition> ParseCondition(std::string_view text, std::string* error) {
  return ConditionParser(text.substr(0, text.find('@'))).Parse(error);
}

bool IsCategory(std::string_view name) {
  return std::find(std::begin(kCategoryNames), std::end(kCategoryNames), name) !=
         std::end(kCategoryNames);
}

std::vector<std::string> LocaleRules::Categories() const {
  std::vector<std::string> out;
  for (const Rule& r : rules) out.push_back(r.category);
  return out;
}

bool LocaleRules::HasCategory(std::string_view category) const {
  for (const Rule& r : rules)
    if (r.category == category) return true;
  return false;
}

bool KnownLanguage(std::string_view bcp47) {
  const std::string lang = Language(bcp47);
  if (lang == "root") return false;
  for (const char* const* l = icu::Locale::getISOLanguages(); *l; ++l)
    if (lang == *l) return true;
  return Data().set_of_locale.count(lang) > 0;
}

std::optional<LocaleRules> RulesFor(std::string_view bcp47) {
  if (!KnownLanguage(bcp47)) return std::nullopt;
  const PluralData& d = Data();
  // ICU's keys are lower-case language, then '_' and the rest as written (pt_PT).
  std::string key =
      Language(bcp47) + std::string(bcp47.substr(std::min(bcp47.size(), bcp47.find('-'))));
  std::replace(key.begin(), key.end(), '-', '_');
  LocaleRules out;
  out.locale = std::string(bcp47);
  for (;;) {
    if (auto it = d.set_of_locale.find(key); it != d.set_of_locale.end()) {
      out.data = key;
      const auto& rules = d.rules_of_set.at(it->second);
      for (std::string_view category : kCategoryNames) {
        if (category == "other") continue;  // last, always, with no condition
        const auto r = rules.find(std::string(category));
        if (r == rules.end()) continue;
        std::string error;
        std::optional<Condition> c = ParseCondition(r->second, &error);
        if (!c) return std::nullopt;  // data this parser cannot read: a bug, caught by the tests
        out.rules.push_back({std::string(category), std::move(*c)});
      }
      out.rules.push_back({"other", {}});
      return out;
    }
    const size_t cut = key.rfind('_');
    if (cut == std::string::npos) break;
    key.resize(cut);
  }
  out.data = "root";
  out.rules.push_back({"other", {}});
  return out;
}

std::string Select(const LocaleRules& rules, const Operands& x) {
  for (const Rule& r : rules.rules) {
    bool any = r.condition.empty();
    for (const AndCondition& all : r.condition)
      any = any ||
            std::all_of(all.begin(), all.end(), [&](const Relation& rel) { return Holds(rel, x); });
    if (any) return r.category;
  }
  return "other";
}

std::string ConditionToCpp(const Condition& condition) {
  if (condition.empty()) return "true";
  std::string out;
  for (const AndCondition& all : condition) {
    if (!out.empty()) out += " || ";
    std::string conj;
    for (const Relation& r : all) {
      // n is a double (it may have a fraction); the others are integers.
      const bool real = r.operand == 'n';
      std::string value = std::string(1, r.operand);
      if (r.mod != 0)
        value = real ? "std::fmod(n, " + std::to_string(r.mod) + ".0)"
                     : "(" + value + " % " + std::to_string(r.mod) + "u)";
      std::string any;
      for (const auto& [low, high] : r.ranges) {
        if (!any.empty()) any += " || ";
        const std::string lo = std::to_string(low) + (real ? ".0" : "u");
        const std::string hi = std::to_string(high) + (real ? ".0" : "u");
        if (low == high && !r.within) {
          any += value + " == " + lo;
        } else {
          // An unsigned value is always >= 0: saying so would warn (-Wtype-limits).
          std::string between =
              (low == 0 && !real ? "" : value + " >= " + lo + " && ") + value + " <= " + hi;
          if (real && !r.within) between += " && " + value + " == std::floor(" + value + ")";
          any += "(" + between + ")";
        }
      }
      if (!conj.empty()) conj += " && ";
      conj += (r.negated ? "!(" : "(") + any + ")";
    }
    out += "(" + conj + ")";
  }
  return out;
}

}  // namespace errcat::plurals
