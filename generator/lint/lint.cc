#include "lint/lint.h"

#include <algorithm>

#include "diag/rules.h"
#include "diag/spellcheck.h"
#include "util/text.h"

namespace errcat::lint {
namespace {

constexpr size_t kMaxSummary = 80;

bool EndsInPunctuation(std::string_view message) {
  while (!message.empty() && (message.back() == ' ' || message.back() == '\n')) message.remove_suffix(1);
  // Closing quotes and brackets after the punctuation are fine: "... 'x'." or "(see x.)".
  while (!message.empty() && std::string_view("\"')]").find(message.back()) != std::string_view::npos)
    message.remove_suffix(1);
  return !message.empty() && std::string_view(".!?:;").find(message.back()) != std::string_view::npos;
}

// Where an apostrophe of the message would change its meaning under ICU MessageFormat, which
// reads '{ '} '' (and '# in a plural case) as quoting: the offset of the first, or npos.
size_t IcuQuotingApostrophe(std::string_view message) {
  int depth = 0;  // inside a plural case when > 1
  for (size_t i = 0; i + 1 < message.size(); ++i) {
    const char c = message[i], next = message[i + 1];
    if (c == '{' && next != '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    if (c == '\'' && (next == '{' || next == '}' || next == '\'' || (next == '#' && depth > 1)))
      return i;
  }
  return std::string_view::npos;
}

class Linter {
 public:
  Linter(const model::Catalog& c, diag::DiagnosticSink& sink) : c_(c), sink_(sink) {}

  void Run() {
    CheckDisableList();
    for (const model::Error& e : c_.errors) {
      if (!EndsInPunctuation(e.message))
        Warn(e, "message", "message of " + e.code + " does not end in punctuation", "message-punctuation");
      if (const size_t at = IcuQuotingApostrophe(e.message); at != std::string_view::npos)
        Warn(e, "message",
             "message of " + e.code + " has an apostrophe before '" + e.message.substr(at + 1, 1) +
                 "': errcat prints it, but ICU MessageFormat would read it as quoting (" +
                 e.message.substr(at, std::min<size_t>(6, e.message.size() - at)) +
                 "...); where the message is also read by ICU, write \u2019 (U+2019) instead",
             "icu-apostrophe");
      if (util::Utf8Length(e.summary) > kMaxSummary)
        Warn(e, "summary",
             "summary of " + e.code + " is " + std::to_string(util::Utf8Length(e.summary)) +
                 " characters; keep it under " + std::to_string(kMaxSummary),
             "summary-length");
      if (e.causes.empty()) Warn(e, "code", e.code + " lists no causes", "missing-causes");
      if (e.resolution.empty()) Warn(e, "code", e.code + " lists no resolution steps", "missing-resolution");
      for (const model::Param& p : e.params)
        if (p.description.empty())
          Warn(e, "params", "parameter '" + p.name + "' of " + e.code + " has no description", "param-undocumented");
      if (!e.replaced_by.empty() && !e.is_deprecated())
        Warn(e, "replaced_by", e.code + " has replaced_by but is not deprecated; add 'deprecated:' with a note",
             "replaced-by-not-deprecated");
    }
  }

 private:
  bool Enabled(std::string_view rule) const {
    return std::find(c_.lint_disable.begin(), c_.lint_disable.end(), rule) == c_.lint_disable.end();
  }

  void Warn(const model::Error& e, std::string_view key, std::string message, std::string rule) {
    if (!Enabled(rule)) return;
    const model::SourcePos pos = e.PosOf(key);
    sink_.Warning({c_.path, pos.line, pos.column}, std::move(message), std::move(rule));
  }

  void CheckDisableList() {
    std::vector<std::string_view> warnings;
    for (const diag::Rule& r : diag::AllRules())
      if (r.kind == diag::RuleKind::kWarning) warnings.push_back(r.id);
    for (const std::string& rule : c_.lint_disable) {
      if (std::find(warnings.begin(), warnings.end(), rule) == warnings.end())
        sink_.Warning({c_.path, 0, 0}, "lint.disable names unknown warning '" + rule + "'" + diag::DidYouMean(rule, warnings),
                      "unknown-lint-rule");
    }
  }

  const model::Catalog& c_;
  diag::DiagnosticSink& sink_;
};

}  // namespace

void LintSet(const model::CatalogSet& set, diag::DiagnosticSink& sink) {
  for (const model::Catalog& c : set.catalogs()) Linter(c, sink).Run();
}

}  // namespace errcat::lint
