#include "loader/placeholders.h"

#include <algorithm>
#include <cmath>

#include "diag/spellcheck.h"

namespace errcat::loader {

namespace {

constexpr int kMaxPlaceholder = 99;  // more parameters than this is a design problem

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  Parser(std::string_view message, const std::function<model::SourcePos(size_t)>& pos_of,
         ParsedMessage& out)
      : m_(message), pos_of_(pos_of), out_(out) {}

  void Run() {
    Text(out_.segments, -1);
    out_.arity = static_cast<int>(first_use_.size());
    for (int k = 0; k < out_.arity; ++k) {
      if (first_use_[k] != SIZE_MAX) continue;
      // Point at the first placeholder above the gap.
      size_t at = 0;
      for (int m = k + 1; m < out_.arity; ++m)
        if (first_use_[m] != SIZE_MAX) {
          at = first_use_[m];
          break;
        }
      Problem(at,
              "placeholder {" + std::to_string(k) +
                  "} is never used, but a higher one is; placeholders are numbered from {0} "
                  "without gaps",
              "placeholder-gap");
    }
  }

 private:
  void Problem(size_t at, std::string message, std::string rule = "placeholder-syntax") {
    out_.problems.push_back({at, std::move(message), std::move(rule)});
  }
  model::SourcePos PosAt(size_t offset) const {
    return pos_of_ ? pos_of_(offset) : model::SourcePos{};
  }
  static void AddLiteral(std::vector<model::MessageSegment>& into, std::string_view text) {
    if (text.empty()) return;
    if (!into.empty() && into.back().arg < 0)
      into.back().literal += text;
    else
      into.push_back({std::string(text), -1, {}, {}});
  }
  void Use(int index, size_t at) {
    if (static_cast<size_t>(index) >= first_use_.size()) first_use_.resize(index + 1, SIZE_MAX);
    if (first_use_[index] == SIZE_MAX) first_use_[index] = at;
  }
  void SkipSpace() {
    while (i_ < m_.size() && IsSpace(m_[i_])) ++i_;
  }
  // Skips to just past the `}` that closes the brace opened before `i_`, after a problem, so
  // that later problems are still found.
  void Recover() {
    int depth = 1;
    for (; i_ < m_.size(); ++i_) {
      if (m_[i_] == '{') ++depth;
      if (m_[i_] == '}' && --depth == 0) {
        ++i_;
        return;
      }
    }
  }

  // Text up to the end, or, in a case of a plural on `plural_arg`, up to the `}` that ends it
  // (consumed). Returns whether that `}` was found.
  bool Text(std::vector<model::MessageSegment>& into, int plural_arg) {
    const bool in_case = plural_arg >= 0;
    while (i_ < m_.size()) {
      const char c = m_[i_];
      if (c == '}') {
        if (in_case) {
          ++i_;
          return true;
        }
        if (i_ + 1 < m_.size() && m_[i_ + 1] == '}') {
          AddLiteral(into, "}");
          i_ += 2;
        } else {
          Problem(i_, "unmatched '}' in message; write '}}' for a literal brace");
          ++i_;
        }
      } else if (c == '{' && i_ + 1 < m_.size() && m_[i_ + 1] == '{') {
        AddLiteral(into, "{");
        i_ += 2;
      } else if (c == '{') {
        Argument(into, in_case);
      } else if (c == '#' && in_case) {
        Use(plural_arg, i_);
        into.push_back({"", plural_arg, {}, {}});
        ++i_;
      } else {
        const size_t end = m_.find_first_of(in_case ? "{}#" : "{}", i_);
        const size_t stop = end == std::string_view::npos ? m_.size() : end;
        AddLiteral(into, m_.substr(i_, stop - i_));
        i_ = stop;
      }
    }
    return !in_case;
  }

  // `{N}` or `{N, plural, ...}` at i_.
  void Argument(std::vector<model::MessageSegment>& into, bool in_case) {
    const size_t start = i_;
    size_t j = i_ + 1;
    int index = 0;
    bool digits = false, too_big = false;
    while (j < m_.size() && IsDigit(m_[j])) {
      index = index * 10 + (m_[j] - '0');
      if (index > kMaxPlaceholder) too_big = true, index = kMaxPlaceholder;
      digits = true;
      ++j;
    }
    const bool simple = digits && j < m_.size() && m_[j] == '}';
    const bool plural = digits && j < m_.size() && m_[j] == ',';
    if (!simple && !plural) {
      const size_t close = m_.find('}', start);
      const std::string shown(m_.substr(start, close == std::string_view::npos
                                                   ? std::min<size_t>(12, m_.size() - start)
                                                   : close - start + 1));
      Problem(start,
              close == std::string_view::npos
                  ? "unterminated placeholder '" + shown + "'; write '{{' for a literal brace"
                  : "invalid placeholder '" + shown +
                        "'; placeholders are '{0}', '{1}', ...; write '{{' for a literal "
                        "brace");
      i_ = close == std::string_view::npos ? m_.size() : close + 1;
      return;
    }
    if (too_big) Problem(start, "placeholder index above " + std::to_string(kMaxPlaceholder));
    Use(index, start);
    i_ = j + 1;
    if (simple) {
      into.push_back({"", index, {}, {}});
      return;
    }
    SkipSpace();
    const size_t kind_at = i_;
    while (i_ < m_.size() && m_[i_] >= 'a' && m_[i_] <= 'z') ++i_;
    const std::string_view kind = m_.substr(kind_at, i_ - kind_at);
    if (kind != "plural") {
      Problem(kind_at, "'{" + std::to_string(index) + ", " + std::string(kind) +
                           "...}' is not supported; a placeholder is '{" + std::to_string(index) +
                           "}' or a plural '{" + std::to_string(index) +
                           ", plural, one {...} other {...}}'");
      Recover();
      return;
    }
    if (in_case) {
      Problem(start, "a plural inside a plural case is not supported; write the cases out");
      Recover();
      return;
    }
    SkipSpace();
    if (i_ >= m_.size() || m_[i_] != ',') {
      Problem(i_, "expected ',' and the cases after 'plural'");
      Recover();
      return;
    }
    ++i_;
    model::MessageSegment segment{"", index, {}, PosAt(start)};
    while (true) {
      SkipSpace();
      if (i_ >= m_.size()) {
        Problem(start, "unterminated plural; it ends with '}' after its last case");
        return;
      }
      if (m_[i_] == '}') {
        ++i_;
        break;
      }
      if (!Case(segment, start)) return;
    }
    if (segment.plural.empty()) {
      Problem(start, "a plural needs cases, at least 'other {...}'");
      return;
    }
    into.push_back(std::move(segment));
  }

  // One `selector {text}` of the plural opened at `start`; false after a problem that ends it.
  bool Case(model::MessageSegment& segment, size_t start) {
    const size_t at = i_;
    if (m_[i_] == '=') {
      ++i_;
      while (i_ < m_.size() && (IsDigit(m_[i_]) || m_[i_] == '.')) ++i_;
    } else {
      while (i_ < m_.size() && ((m_[i_] >= 'a' && m_[i_] <= 'z') || m_[i_] == ':')) ++i_;
    }
    const std::string selector(m_.substr(at, i_ - at));
    const bool exact = selector.size() > 1 && selector[0] == '=' && IsDigit(selector[1]) &&
                       IsDigit(selector.back()) &&
                       std::count(selector.begin(), selector.end(), '.') <= 1;
    if (selector.empty() || (selector[0] == '=' && !exact)) {
      Problem(at,
              "expected a plural case: a category (zero, one, two, few, many, other) or "
              "'=N', then its text in braces");
      Recover();
      return false;
    }
    if (selector.rfind("offset:", 0) == 0) {
      Problem(at, "plural offsets are not supported");
      Recover();
      return false;
    }
    if (!exact && !plurals::IsCategory(selector)) {
      Problem(at,
              "'" + selector + "' is not a plural category; they are zero, one, two, few, " +
                  "many, other" +
                  diag::DidYouMean(selector, {std::begin(plurals::kCategoryNames),
                                              std::end(plurals::kCategoryNames)}),
              "plural-cases");
    }
    for (const model::PluralCase& c : segment.plural)
      if (c.selector == selector)
        Problem(at, "plural case '" + selector + "' is given twice", "plural-cases");
    SkipSpace();
    if (i_ >= m_.size() || m_[i_] != '{') {
      Problem(i_ < m_.size() ? i_ : start,
              "expected '{' and the text of plural case '" + selector + "'");
      Recover();
      return false;
    }
    ++i_;
    model::PluralCase c{selector, {}, PosAt(at)};
    if (!Text(c.segments, segment.arg)) {
      Problem(start, "unterminated plural case '" + selector + "'; it ends with '}'");
      return false;
    }
    segment.plural.push_back(std::move(c));
    return true;
  }

  std::string_view m_;
  const std::function<model::SourcePos(size_t)>& pos_of_;
  ParsedMessage& out_;
  size_t i_ = 0;
  std::vector<size_t> first_use_;  // offset of the first use of each index
};

diag::Location At(const std::string& path, model::SourcePos pos) {
  return {path, pos.line, pos.column};
}

// The numbers a category of `rules` holds, as far as the check can tell: the integers up to
// 1000 and a million (French `many`), and with `decimals` every tenth and hundredth to 10.
std::vector<std::string> Samples(const plurals::LocaleRules& rules, std::string_view category,
                                 bool decimals) {
  std::vector<std::string> numbers;
  for (int n = 0; n <= 1000; ++n) numbers.push_back(std::to_string(n));
  numbers.push_back("1000000");
  if (decimals)
    for (int n = 0; n <= 1000; ++n) {
      numbers.push_back(std::to_string(n / 100) + "." + std::to_string(n / 10 % 10) +
                        std::to_string(n % 10));
      if (n <= 100) numbers.push_back(std::to_string(n / 10) + "." + std::to_string(n % 10));
    }
  std::vector<std::string> in;
  for (const std::string& number : numbers)
    if (plurals::Select(rules, *plurals::OperandsOf(number)) == category) in.push_back(number);
  return in;
}

std::string CategoryList(const plurals::LocaleRules& rules) {
  std::string out;
  for (const std::string& c : rules.Categories()) out += (out.empty() ? "" : ", ") + c;
  return out;
}

}  // namespace

ParsedMessage ParseMessage(std::string_view message,
                           const std::function<model::SourcePos(size_t)>& pos_of) {
  ParsedMessage out;
  Parser(message, pos_of, out).Run();
  size_t forms = 1;
  for (const model::MessageSegment& s : out.segments)
    if (s.is_plural()) forms = std::min(forms * s.plural.size(), kMaxPluralForms + 1);
  if (forms > kMaxPluralForms)
    out.problems.push_back({0,
                            "the message's plurals give over " + std::to_string(kMaxPluralForms) +
                                " combinations of cases; split it or use fewer plurals",
                            "limit"});
  return out;
}

void CheckPlurals(const std::vector<model::MessageSegment>& segments,
                  const std::vector<model::Param>& params, const plurals::LocaleRules& rules,
                  const std::string& path, std::string_view what, diag::DiagnosticSink& sink) {
  for (const model::MessageSegment& s : segments) {
    if (!s.is_plural() || s.arg >= static_cast<int>(params.size())) continue;
    const model::Param& p = params[static_cast<size_t>(s.arg)];
    if (p.type != model::ParamType::kInt && p.type != model::ParamType::kUint &&
        p.type != model::ParamType::kDouble) {
      sink.Error(At(path, s.pos),
                 std::string(what) + " has a plural on {" + std::to_string(s.arg) + "} (" + p.name +
                     "), a " + std::string(model::Name(p.type)) +
                     "; plurals are on int, uint or double parameters",
                 "plural-param");
      continue;
    }
    const std::vector<std::string> categories = rules.Categories();
    std::vector<std::string> exact;
    bool has_other = false;
    for (const model::PluralCase& c : s.plural) {
      if (c.selector[0] == '=') {
        exact.push_back(c.selector.substr(1));
        continue;
      }
      has_other = has_other || c.selector == "other";
      if (!rules.HasCategory(c.selector) && plurals::IsCategory(c.selector))
        sink.Error(At(path, c.pos),
                   "'" + c.selector + "' is not a plural category of " + rules.locale +
                       " (its categories: " + CategoryList(rules) + ")",
                   "plural-cases");
    }
    if (!has_other) {
      sink.Error(At(path, s.pos),
                 std::string(what) + " has a plural on " + p.name +
                     " without an 'other' case; every plural needs one",
                 "plural-cases");
      continue;
    }
    const bool decimals = p.type == model::ParamType::kDouble;
    std::vector<std::string> missing;
    for (const std::string& category : categories) {
      if (category == "other") continue;
      const bool given = std::any_of(s.plural.begin(), s.plural.end(),
                                     [&](const auto& c) { return c.selector == category; });
      if (given) continue;
      // Covered when `=N` cases name every number of the category (English `one` by `=1`).
      bool covered = true;
      for (const std::string& number : Samples(rules, category, decimals)) {
        const model::PluralCase& chosen = model::PluralChoice(s, number, category);
        if (chosen.selector[0] != '=') {
          covered = false;
          break;
        }
      }
      if (!covered) missing.push_back(category);
    }
    if (!missing.empty()) {
      std::string list;
      for (const std::string& m : missing) list += (list.empty() ? "'" : ", '") + m + "'";
      sink.Error(At(path, s.pos),
                 std::string(what) + " has a plural on " + p.name + " without " + list + "; " +
                     rules.locale + " needs the cases " + CategoryList(rules) +
                     " (or '=N' cases for every number of a category)",
                 "plural-cases");
    }
  }
}

}  // namespace errcat::loader
