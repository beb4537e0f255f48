#include "diag/rules.h"

namespace errcat::diag {

const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> kRules = {
      // Loader errors: the catalog cannot be used.
      {"io", RuleKind::kError, "A path is missing or cannot be read or written."},
      {"encoding", RuleKind::kError,
       "A file is not UTF-8 or holds a control character YAML forbids."},
      {"file-empty", RuleKind::kError, "A catalog file is empty."},
      {"file-too-large", RuleKind::kError, "A catalog file is over the size limit."},
      {"yaml-syntax", RuleKind::kError,
       "The file is not valid YAML, or holds more than one document."},
      {"yaml-nesting", RuleKind::kError, "YAML nesting is deeper than the parser allows."},
      {"yaml-alias", RuleKind::kError, "YAML aliases expand to too many nodes (an alias bomb)."},
      {"type", RuleKind::kError, "A value has the wrong kind: list, mapping, integer, boolean."},
      {"missing-key", RuleKind::kError, "A required key is missing or empty."},
      {"unknown-key", RuleKind::kError, "A key the format does not define."},
      {"duplicate-key", RuleKind::kError, "A key appears twice in one mapping."},
      {"catalog-id", RuleKind::kError,
       "The catalog id is not [a-z][a-z0-9_]* or is a C++ keyword."},
      {"cpp-identifier", RuleKind::kError, "cpp.namespace or cpp.enum is not a usable C++ name."},
      {"pattern-invalid", RuleKind::kError, "code_pattern is not a valid regular expression."},
      {"url", RuleKind::kError, "A docs URL is not http(s)."},
      {"field-id", RuleKind::kError, "A declared field id is not [a-z][a-z0-9_]*."},
      {"code-unsafe", RuleKind::kError, "A code cannot be used as a file name or URL."},
      {"code-pattern", RuleKind::kError, "A code does not match the catalog's code_pattern."},
      {"value-required", RuleKind::kError,
       "A code without trailing digits needs an explicit value."},
      {"value-range", RuleKind::kError,
       "A value is outside int32, or 0 (success to std::error_code) on an entry of severity error "
       "or fatal."},
      {"name-invalid", RuleKind::kError, "A name is not a PascalCase C++ identifier."},
      {"name-keyword", RuleKind::kError, "A name is a C++ keyword."},
      {"name-macro", RuleKind::kError, "A name is a common C/POSIX/Windows macro."},
      {"summary-multiline", RuleKind::kError, "A summary spans more than one line."},
      {"param-name", RuleKind::kError, "A parameter name is not snake_case, or is repeated."},
      {"param-type", RuleKind::kError,
       "A parameter type is not int, uint, double, string or bool."},
      {"placeholder-syntax", RuleKind::kError, "A message has a malformed placeholder or brace."},
      {"placeholder-gap", RuleKind::kError, "Placeholder indices skip a number."},
      {"placeholder-count", RuleKind::kError, "Placeholders and params do not match in number."},
      {"plural-param", RuleKind::kError, "A plural is on a string or bool parameter."},
      {"plural-cases", RuleKind::kError,
       "A plural's cases are not the CLDR categories of its locale: one unknown or given twice, "
       "'other' or a category of the locale missing."},
      {"locale", RuleKind::kError, "A locale is not a BCP 47 language tag."},
      {"translation-unknown-catalog", RuleKind::kError,
       "A translation names a catalog that is not among the files given."},
      {"translation-unknown-code", RuleKind::kError,
       "A translation gives texts for a code its catalog does not have."},
      {"translation-placeholders", RuleKind::kError,
       "A translated message does not show exactly the source message's placeholders."},
      {"duplicate-translation", RuleKind::kError,
       "Two translations of one catalog into one locale, or one into the catalog's own locale."},
      {"http-status", RuleKind::kError, "http_status is outside 100..599."},
      {"severity", RuleKind::kError, "severity is not fatal, error, warning or info."},
      {"undeclared-field", RuleKind::kError, "A value for a field the catalog does not declare."},
      {"duplicate-code", RuleKind::kError, "A code is used twice in the catalog set."},
      {"duplicate-name", RuleKind::kError, "A name is used twice in a catalog."},
      {"duplicate-value", RuleKind::kError, "A value is used twice in a catalog."},
      {"duplicate-catalog", RuleKind::kError, "A catalog id is used twice in the set."},
      {"reserved-code", RuleKind::kError, "A reserved (retired) code is in use."},
      {"reserved-value", RuleKind::kError, "The value of a reserved code is in use."},
      {"lock-removed", RuleKind::kError,
       "A code in errcat.lock is gone from its catalog without being reserved."},
      {"lock-reused", RuleKind::kError,
       "A code, value or name in errcat.lock is given to another error, or a retired code is "
       "issued again."},
      {"lock-signature", RuleKind::kError, "The parameter types of a code in errcat.lock changed."},
      {"lock-syntax", RuleKind::kError,
       "errcat.lock is not valid JSON or not a lock of version 1."},
      {"lock-stale", RuleKind::kError,
       "A code is not in errcat.lock yet (check --lock-stale); run errcat lock."},
      {"limit", RuleKind::kError,
       "A text is longer than its limit, or a message has too many params (docs/catalog-format.md, "
       "Limits)."},
      {"unknown-reference", RuleKind::kError,
       "see_also or replaced_by names a code not in the set."},
      {"template", RuleKind::kError, "A template is missing or invalid."},
      {"output-path", RuleKind::kError, "An output file would be written outside its folder."},
      // Style warnings (errcat check); a catalog turns them off with lint: {disable: [...]}.
      {"empty-folder", RuleKind::kWarning, "A folder argument holds no catalog files."},
      {"message-punctuation", RuleKind::kWarning, "A message does not end in punctuation."},
      {"summary-length", RuleKind::kWarning, "A summary is longer than 80 characters."},
      {"missing-causes", RuleKind::kWarning, "An error lists no causes."},
      {"missing-resolution", RuleKind::kWarning, "An error lists no resolution steps."},
      {"param-undocumented", RuleKind::kWarning, "A message parameter has no description."},
      {"replaced-by-not-deprecated", RuleKind::kWarning,
       "replaced_by is set on an error that is not deprecated."},
      {"unknown-lint-rule", RuleKind::kWarning, "lint.disable names a rule that does not exist."},
      {"translation-missing", RuleKind::kWarning,
       "A translation leaves some of its catalog's messages untranslated."},
      // errcat diff: breaking changes (exit 1 unless --allow RULE).
      {"error-removed", RuleKind::kBreaking, "An error was removed without reserving its code."},
      {"value-changed", RuleKind::kBreaking, "An error's enumerator value changed."},
      {"name-changed", RuleKind::kBreaking, "An error's enumerator name changed."},
      {"placeholders-changed", RuleKind::kBreaking,
       "An error's parameters changed in number, order or type."},
      {"catalog-removed", RuleKind::kBreaking, "A catalog was removed."},
      {"cpp-namespace-changed", RuleKind::kBreaking, "A catalog's C++ namespace changed."},
      {"cpp-enum-changed", RuleKind::kBreaking, "A catalog's C++ enum was renamed."},
      {"reserved-reused", RuleKind::kBreaking, "A code or value the base reserved is used again."},
      {"code-changed", RuleKind::kBreaking, "An error kept its name but changed its code."},
      // errcat diff: notable, not breaking.
      {"error-added", RuleKind::kNotable, "A new error."},
      {"catalog-added", RuleKind::kNotable, "A new catalog."},
      {"error-deprecated", RuleKind::kNotable, "An error became deprecated."},
      {"message-changed", RuleKind::kNotable, "An error's message text changed."},
      {"summary-changed", RuleKind::kNotable, "An error's summary changed."},
      {"http-status-changed", RuleKind::kNotable, "An error's HTTP status changed."},
      {"severity-changed", RuleKind::kNotable, "An error's severity changed."},
      {"retriable-changed", RuleKind::kNotable, "Whether an error is retriable changed."},
      {"param-renamed", RuleKind::kNotable, "A parameter was renamed in place."},
      {"docs-changed", RuleKind::kNotable,
       "Description, causes, resolution, fields or links changed."},
  };
  return kRules;
}

const Rule* FindRule(std::string_view id) {
  for (const Rule& rule : AllRules())
    if (rule.id == id) return &rule;
  return nullptr;
}

}  // namespace errcat::diag
