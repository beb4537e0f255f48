// The message template language: `{N}` is placeholder N (decimal, no sign, no spaces),
// `{{` and `}}` are literal braces, and `{N, plural, one {# minute} other {# minutes}}` is
// ICU MessageFormat's plural on a numeric parameter: cases by CLDR category or `=N`, `#` for the
// number inside a case. In a case, `}` ends the case (no `}}` there) and `#` is the number.
// Nothing else is special: an apostrophe is a literal apostrophe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "model/catalog.h"
#include "plurals/plural_rules.h"

namespace errcat::loader {

struct PlaceholderProblem {
  size_t offset = 0;  // byte offset into the message
  std::string message;
  std::string rule;
};

struct ParsedMessage {
  std::vector<model::MessageSegment> segments;
  int arity = 0;  // 1 + highest placeholder index, 0 if none
  std::vector<PlaceholderProblem> problems;
};

// Never throws; every problem is reported with its offset. Also checks that the indices used
// are exactly 0..arity-1 (a gap such as `{1}` without `{0}` is an error). `pos_of` gives the
// source position of a byte offset, for the plurals' `pos` (left unset without it).
ParsedMessage ParseMessage(std::string_view message,
                           const std::function<model::SourcePos(size_t)>& pos_of = nullptr);

// The plurals of a message against its parameters and the rules of its locale: each on a
// numeric parameter [plural-param]; each case a category of the locale or `=N`, no case twice,
// `other` present, and every category of the locale present unless `=N` cases cover all of
// its numbers [plural-cases]. `what` names the message in diagnostics ("the de message").
void CheckPlurals(const std::vector<model::MessageSegment>& segments,
                  const std::vector<model::Param>& params, const plurals::LocaleRules& rules,
                  const std::string& path, std::string_view what, diag::DiagnosticSink& sink);

// At most this many renderings of one message by its plurals' cases (the product of their case
// counts): `errcat match` and match_message try each.
inline constexpr size_t kMaxPluralForms = 64;

}  // namespace errcat::loader
