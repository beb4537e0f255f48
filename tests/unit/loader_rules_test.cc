// One case per validation rule, each asserting the exact line and column reported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "diag/rules.h"
#include "loader/limits.h"
#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;
using testing::LoadYaml;

// A valid catalog with one error; `error_extra` lines go at the end of that error (line 8 on).
std::string Catalog(const std::string& error_extra = "", const std::string& header_extra = "") {
  return "catalog: t\n"            // 1
         "title: T\n"              // 2
         "errors:\n"               // 3
         "  - code: E001\n"        // 4   code value at column 11
         "    name: First\n"       // 5   name value at column 11
         "    summary: S\n"        // 6
         "    message: M.\n" +     // 7   message value at column 14
         error_extra + header_extra;
}

struct RuleCase {
  const char* label;
  std::string yaml;
  const char* rule;
  int line;
  int column;
  const char* message_part;
};

// Names the case in failure messages instead of dumping its bytes.
void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.label; }

class LoaderRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(LoaderRule, ReportsAtTheExactPlace) {
  const RuleCase& c = GetParam();
  testing::Loaded loaded = LoadYaml(c.yaml);
  EXPECT_FALSE(loaded.set.has_value()) << "expected an error";
  const diag::Diagnostic* d = loaded.FindRule(c.rule);
  ASSERT_NE(d, nullptr) << "no [" << c.rule << "] diagnostic; got:\n" << loaded.Text();
  EXPECT_EQ(d->severity, diag::Severity::kError);
  EXPECT_EQ(d->location.file, "t.yaml");
  EXPECT_EQ(d->location.line, c.line) << loaded.Text();
  EXPECT_EQ(d->location.column, c.column) << loaded.Text();
  EXPECT_THAT(d->message, HasSubstr(c.message_part));
}

const RuleCase kCases[] = {
    {"MissingKey",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    message: M.\n",
     "missing-key", 4, 5, "missing required key 'summary'"},
    {"MissingTitle", "catalog: t\nerrors: []\n", "missing-key", 1, 1,
     "missing required key 'title'"},
    {"UnknownKeyWithHint", Catalog("    sumary: S2\n"), "unknown-key", 8, 5,
     "unknown key 'sumary' in error 'E001' (did you mean 'summary'?)"},
    {"UnknownTopLevelKey", Catalog("", "titel: x\n"), "unknown-key", 8, 1, "did you mean 'title'?"},
    {"DuplicateKey", Catalog("    name: Second\n"), "duplicate-key", 8, 5, "duplicate key 'name'"},
    {"WrongTypeList", Catalog("    causes: just text\n"), "type", 8, 13, "'causes' must be a list"},
    {"WrongTypeMap", "catalog: t\ntitle: T\ncpp: [a]\n", "type", 3, 6, "'cpp' must be a mapping"},
    {"RetriableYes", Catalog("    retriable: yes\n"), "type", 8, 16,
     "must be true or false, not 'yes'; write true"},
    {"HttpStatusQuoted", Catalog("    http_status: \"400\"\n"), "type", 8, 18,
     "must be an integer"},
    {"CatalogId", "catalog: Bad-Id\ntitle: T\n", "catalog-id", 1, 10, "must match [a-z][a-z0-9_]*"},
    {"CatalogIdKeyword", "catalog: class\ntitle: T\n", "catalog-id", 1, 10, "C++ keyword"},
    {"DuplicateCodeInCatalog",
     Catalog("  - code: E001\n    name: Second\n    summary: S\n    message: M.\n    value: 2\n"),
     "duplicate-code", 8, 11, "duplicate code 'E001'"},
    {"DuplicateName", Catalog("  - code: E002\n    name: First\n    summary: S\n    message: M.\n"),
     "duplicate-name", 9, 11, "duplicate name 'First'"},
    {"DuplicateValue",
     Catalog("  - code: E002\n    value: 1\n    name: Second\n    summary: S\n    message: M.\n"),
     "duplicate-value", 9, 12, "duplicate value 1"},
    {"NameNotIdentifier",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: Not-Valid\n    summary: S\n    "
     "message: M.\n",
     "name-invalid", 5, 11, "not a C++ identifier"},
    {"NameNotPascalCase",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: token_bad\n    summary: S\n    "
     "message: M.\n",
     "name-invalid", 5, 11, "PascalCase"},
    {"NameKeyword",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: class\n    summary: S\n    message: "
     "M.\n",
     "name-keyword", 5, 11, "C++ keyword"},
    {"NameMacro",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: EOF\n    summary: S\n    message: "
     "M.\n",
     "name-macro", 5, 11, "macro"},
    {"NameMacroErrno",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: DOMAIN\n    summary: S\n    "
     "message: M.\n",
     "name-macro", 5, 11, "'DOMAIN'"},
    {"CodePattern",
     "catalog: t\ntitle: T\ncode_pattern: \"E[0-9]{3}\"\nerrors:\n  - code: X001\n    name: "
     "First\n    summary: S\n    message: M.\n",
     "code-pattern", 5, 11, "does not match code_pattern"},
    {"CodePatternInvalid", "catalog: t\ntitle: T\ncode_pattern: \"(\"\n", "pattern-invalid", 3, 15,
     "not a valid regular expression"},
    {"CodeUnsafePath",
     "catalog: t\ntitle: T\nerrors:\n  - code: ../../x1\n    name: First\n    summary: S\n    "
     "message: M.\n",
     "code-unsafe", 4, 11, "may only hold letters"},
    {"CodeUnsafeDevice",
     "catalog: t\ntitle: T\nerrors:\n  - code: con\n    value: 3\n    name: First\n    summary: "
     "S\n    message: M.\n",
     "code-unsafe", 4, 11, "reserved device name"},
    {"CodeIsASitePage",
     "catalog: t\ntitle: T\nerrors:\n  - code: Index\n    value: 1\n    name: First\n    summary: "
     "S\n    message: M.\n",
     "code-unsafe", 4, 11, "takes a name the HTML site uses for its own index.html"},
    {"ProblemTypeBaseNotAUri",
     "catalog: t\ntitle: T\ndocs: {problem_type_base: errors/}\nerrors:\n  - {code: E1, name: A, "
     "summary: S, message: M.}\n",
     "url", 3, 27, "'docs.problem_type_base' must be an absolute URI"},
    {"ProblemTypeBaseWithASpace",
     "catalog: t\ntitle: T\ndocs: {problem_type_base: \"tag:a b\"}\nerrors:\n  - {code: E1, name: "
     "A, summary: S, message: M.}\n",
     "url", 3, 27, "must be an absolute URI"},
    {"CodeIsTheChangesPage",
     "catalog: t\ntitle: T\nerrors:\n  - code: changes\n    value: 1\n    name: First\n    "
     "summary: "
     "S\n    message: M.\n",
     "code-unsafe", 4, 11, "takes a name the HTML site uses for its own changes.html"},
    {"CodesDifferOnlyInCase",
     "catalog: t\ntitle: T\nerrors:\n  - {code: ab1, name: First, summary: S, message: M.}\n  - "
     "{code: AB2, name: Second, summary: S, message: M.}\n  - {code: AB1, value: 3, name: Third, "
     "summary: S, message: M.}\n",
     "code-unsafe", 6, 12, "codes 'AB1' and 'ab1' differ only in case"},
    {"ValueRequired",
     "catalog: t\ntitle: T\nerrors:\n  - code: ABC\n    name: First\n    summary: S\n    message: "
     "M.\n",
     "value-required", 4, 11, "does not end in digits"},
    {"ValueZero",
     "catalog: t\ntitle: T\nerrors:\n  - code: E000\n    name: First\n    summary: S\n    message: "
     "M.\n",
     "value-range", 4, 11, "has severity 'error'; give it 'severity: info'"},
    {"ValueZeroFatal",
     "catalog: t\ntitle: T\nerrors:\n  - code: OK\n    value: 0\n    name: Ok\n    summary: S\n    "
     "message: M.\n    severity: fatal\n",
     "value-range", 5, 12, "`if (ec)` tests false"},
    {"ValueTooLarge", Catalog("    value: 3000000000\n"), "value-range", 8, 12, "does not fit"},
    {"SummaryOverLimit", Catalog("    causes: [ok]\n    since: \"" + std::string(65, '9') + "\"\n"),
     "limit", 9, 12, "'since' is 65 bytes; the limit is 64 (a version)"},
    {"SummaryMultiline",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: \"a\\nb\"\n    "
     "message: M.\n",
     "summary-multiline", 6, 14, "one line"},
    {"PlaceholderSyntaxQuoted",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "\"Bad {x} here\"\n",
     "placeholder-syntax", 7, 19, "invalid placeholder '{x}'"},
    {"PlaceholderUnmatchedClose",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "Oops } here\n",
     "placeholder-syntax", 7, 19, "unmatched '}'"},
    {"PlaceholderUnterminated",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "\"Oops {0\"\n",
     "placeholder-syntax", 7, 20, "unterminated placeholder"},
    {"PlaceholderGap",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "Only {1}\n    params: [{name: a, type: int}, {name: b, type: int}]\n",
     "placeholder-gap", 7, 19, "{0} is never used"},
    {"PluralOnAString",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "\"In {0, plural, one {# file} other {# files}}\"\n    params: [{name: a, type: string}]\n",
     "plural-param", 7, 18, "plurals are on int, uint or double parameters"},
    {"PluralCasesOfTheLocale",
     "catalog: t\ntitle: T\nlocale: pl\nerrors:\n  - code: E001\n    name: First\n    summary: S\n "
     "   message: "
     "\"W {0, plural, one {# pliku} other {# plikach}}\"\n    params: [{name: a, type: uint}]\n",
     "plural-cases", 8, 17, "without 'few', 'many'; pl needs the cases one, few, many, other"},
    {"PlaceholderCountNoParams",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "Took {0}\n",
     "placeholder-count", 7, 14, "message uses 1 placeholder but 'params' is missing"},
    {"PlaceholderCountTooMany", Catalog("    params: [{name: a, type: int}]\n"),
     "placeholder-count", 8, 13, "message uses 0 placeholders but 'params' declares 1 param"},
    {"ParamName",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "A {0}\n    params: [{name: Bad, type: int}]\n",
     "param-name", 8, 21, "snake_case"},
    {"ParamType",
     "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: "
     "A {0}\n    params: [{name: a, type: strng}]\n",
     "param-type", 8, 30, "did you mean 'string'?"},
    {"HttpStatusRange", Catalog("    http_status: 600\n"), "http-status", 8, 18,
     "between 100 and 599"},
    {"Severity", Catalog("    severity: warnng\n"), "severity", 8, 15, "did you mean 'warning'?"},
    {"UndeclaredField",
     "catalog: t\ntitle: T\nfields:\n  remediation: {title: R}\nerrors:\n  - code: E001\n    name: "
     "First\n    summary: S\n    message: M.\n    fields: {remedation: x}\n",
     "undeclared-field", 10, 14, "did you mean 'remediation'?"},
    {"FieldType",
     "catalog: t\ntitle: T\nfields:\n  fixable: {title: Fixable, type: bool}\nerrors:\n  - code: "
     "E001\n    name: First\n    summary: S\n    message: M.\n    fields: {fixable: maybe}\n",
     "type", 10, 23, "must be true or false"},
    {"UnknownReferenceSeeAlso", Catalog("    see_also: [E002]\n"), "unknown-reference", 8, 15,
     "unknown code 'E002'"},
    {"UnknownReferenceHint",
     Catalog("    replaced_by: E0002\n    deprecated: Use E002.\n  - code: E002\n    name: "
             "Second\n    summary: S\n    message: M.\n"),
     "unknown-reference", 8, 18, "did you mean 'E002'?"},
    {"ReservedCode", Catalog("", "reserved: [E001]\n"), "reserved-code", 4, 11,
     "reserved by catalog 't'"},
    {"ReservedValue", Catalog("", "reserved: [OLD001]\n"), "reserved-value", 4, 11,
     "belongs to reserved code 'OLD001'"},
    {"CppIdentifier", Catalog("", "cpp: {enum: 1Bad}\n"), "cpp-identifier", 8, 13,
     "not a usable identifier"},
    {"CppNamespace", Catalog("", "cpp: {namespace: \"a::class\"}\n"), "cpp-identifier", 8, 18,
     "joined by '::'"},
    {"DocsUrl", Catalog("", "docs: {base_url: \"ftp://x/\"}\n"), "url", 8, 18, "http(s) URL"},
    {"Locale", Catalog("", "locale: de_DE\n"), "locale", 8, 9, "not a BCP 47 language tag"},
    {"FieldId", "catalog: t\ntitle: T\nfields:\n  Bad: {title: B}\n", "field-id", 4, 3,
     "must match"},
    {"LintDisableType", Catalog("", "lint: {disable: rule}\n"), "type", 8, 17, "must be a list"},
    {"YamlSyntax", "catalog: t\ntitle: [\n", "yaml-syntax", 3, 1, ""},
    {"Encoding", "catalog: t\ntitle: \xff\n", "encoding", 2, 8, "invalid UTF-8"},
    {"EmptyFile", "", "file-empty", 0, 0, "file is empty"},
    {"NotAMapping", "- a\n- b\n", "type", 1, 1, "a catalog file must be a mapping"},
};

INSTANTIATE_TEST_SUITE_P(AllRules, LoaderRule, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<RuleCase>& info) {
                           return std::string(info.param.label);
                         });

TEST(LoaderRules, EveryRuleIdIsCoveredByACase) {
  std::set<std::string> covered;
  for (const RuleCase& c : kCases) covered.insert(c.rule);
  for (const diag::Rule& r : diag::AllRules()) {
    const std::string rule(r.id);
    if (r.kind != diag::RuleKind::kError) continue;
    if (rule == "yaml-nesting" || rule == "yaml-alias" || rule == "file-too-large" ||
        rule == "duplicate-catalog" || rule == "io" || rule == "template" ||
        rule == "output-path" || rule.starts_with("lock-") || rule.starts_with("translation-") ||
        rule == "duplicate-translation" || rule.starts_with("po-"))
      continue;  // covered in raw_tree_test, below, the e2e tests (lock_test for the lock's,
                 // po_test for PO files) and translations_test (a translation and its catalog
                 // are two files)
    EXPECT_TRUE(covered.count(rule)) << "no test case for rule [" << rule << "]";
  }
}

TEST(LoaderRules, DuplicateCodeAcrossFilesNamesBothPlaces) {
  const std::string a = "catalog: a\ntitle: A\nerrors:\n  - code: E001\n    name: One\n    summary: S\n    message: M.\n";
  const std::string b = "catalog: b\ntitle: B\nerrors:\n  - {code: E002, name: Two, summary: S, message: M.}\n  - code: E001\n    name: One\n    summary: S\n    message: M.\n";
  testing::Loaded loaded = LoadYaml({{"a.yaml", a}, {"b.yaml", b}});
  EXPECT_FALSE(loaded.set);
  const diag::Diagnostic* d = loaded.FindRule("duplicate-code");
  ASSERT_NE(d, nullptr) << loaded.Text();
  EXPECT_EQ(d->location.file, "b.yaml");
  EXPECT_EQ(d->location.line, 5);
  EXPECT_EQ(d->location.column, 11);
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].location.file, "a.yaml");
  EXPECT_EQ(d->notes[0].location.line, 4);
  EXPECT_EQ(d->notes[0].location.column, 11);
}

TEST(LoaderRules, DuplicateCatalogId) {
  testing::Loaded loaded = LoadYaml({{"a.yaml", "catalog: x\ntitle: A\n"}, {"b.yaml", "catalog: x\ntitle: B\n"}});
  const diag::Diagnostic* d = loaded.FindRule("duplicate-catalog");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->location.file, "b.yaml");
  EXPECT_THAT(d->message, HasSubstr("already used by a.yaml"));
}

TEST(LoaderRules, DuplicateKeyNotesTheFirstDefinition) {
  testing::Loaded loaded = LoadYaml(Catalog("    name: Second\n"));
  const diag::Diagnostic* d = loaded.FindRule("duplicate-key");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].location.line, 5);
  EXPECT_EQ(d->notes[0].location.column, 5);
}

TEST(LoaderRules, ReportsEveryIndependentProblemInOneRun) {
  const std::string yaml =
      "catalog: t\n"
      "title: T\n"
      "errors:\n"
      "  - code: E001\n"
      "    name: first\n"          // name-invalid
      "    summary: S\n"
      "    message: A {0}\n"       // placeholder-count
      "    http_status: 99\n"      // http-status
      "  - code: E002\n"
      "    name: Second\n"
      "    sumary: S\n"            // unknown-key + missing summary
      "    message: M.\n"
      "    see_also: [E404]\n";   // unknown-reference
  testing::Loaded loaded = LoadYaml(yaml);
  for (const char* rule : {"name-invalid", "placeholder-count", "http-status", "unknown-key", "missing-key", "unknown-reference"}) {
    EXPECT_NE(loaded.FindRule(rule), nullptr) << rule << "\n" << loaded.Text();
  }
}

TEST(LoaderRules, ValueDefaultsFromTrailingDigitsOrIntegerCode) {
  testing::Loaded loaded = LoadYaml(
      "catalog: t\ntitle: T\nerrors:\n"
      "  - {code: TOK005, name: A, summary: S, message: M.}\n"
      "  - {code: 947, name: B, summary: S, message: M.}\n"
      "  - {code: XYZ, value: 12, name: C, summary: S, message: M.}\n");
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const auto& errors = loaded.set->catalogs()[0].errors;
  EXPECT_EQ(errors[0].value, 5);
  EXPECT_EQ(errors[1].value, 947);
  EXPECT_EQ(errors[2].value, 12);
}

// Public catalogs start with their success code (gRPC OK, SQLITE_OK, CURLE_OK, SQLSTATE 00000):
// an entry that is not an error may be valued 0, whether derived from the code or written.
TEST(LoaderRules, SuccessEntriesMayBeValuedZero) {
  testing::Loaded loaded = LoadYaml(
      "catalog: t\ntitle: T\nerrors:\n"
      "  - {code: OK, value: 0, name: Ok, summary: S, message: M., severity: info}\n"
      "  - {code: E001, name: A, summary: S, message: M.}\n");
  ASSERT_TRUE(loaded.set) << loaded.Text();
  EXPECT_EQ(loaded.set->catalogs()[0].errors[0].value, 0);
  testing::Loaded warning = LoadYaml(
      "catalog: t\ntitle: T\nerrors:\n"
      "  - {code: W000, name: Notice, summary: S, message: M., severity: warning}\n");
  ASSERT_TRUE(warning.set) << warning.Text();
  EXPECT_EQ(warning.set->catalogs()[0].errors[0].value, 0);
  // Still at most one: values are unique.
  testing::Loaded twice = LoadYaml(
      "catalog: t\ntitle: T\nerrors:\n"
      "  - {code: OK, value: 0, name: Ok, summary: S, message: M., severity: info}\n"
      "  - {code: FINE, value: 0, name: Fine, summary: S, message: M., severity: info}\n");
  EXPECT_NE(twice.FindRule("duplicate-value"), nullptr) << twice.Text();
}

// Every text limit holds at N bytes and is reported one past it, at the text itself.
std::string CatalogWithText(std::string_view key, const std::string& text) {
  const std::string q = "\"" + text + "\"";
  if (key == "title") return "catalog: t\ntitle: " + q + "\n";
  if (key == "description (catalog)") return "catalog: t\ntitle: T\ndescription: " + q + "\n";
  if (key.starts_with("docs."))
    return "catalog: t\ntitle: T\ndocs: {" + std::string(key.substr(5)) + ": " + q + "}\n";
  if (key == "fields")
    return "catalog: t\ntitle: T\nfields: {note: {title: N}}\nerrors:\n  - {code: E001, name: A, "
           "summary: S, message: M., fields: {note: " +
           q + "}}\n";
  if (key == "params[].description")
    return "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: A, summary: S, message: \"{0}\", "
           "params: [{name: a, type: int, description: " +
           q + "}]}\n";
  if (key == "name")
    return "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: " + text +
           ", summary: S, message: M.}\n";
  if (key == "summary")
    return "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: A, summary: " + q +
           ", message: M.}\n";
  if (key == "message")
    return "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: A, summary: S, message: " + q +
           "}\n";
  const bool list = key == "causes" || key == "resolution" || key == "tags";
  return "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: A, summary: S, message: M., " +
         std::string(key) + ": " + (list ? "[" + q + "]" : q) + "}\n";
}

TEST(LoaderRules, EveryTextLimitHoldsAtNAndIsReportedAtNPlusOne) {
  for (const loader::TextLimit& limit : loader::TextLimits()) {
    const auto text = [&](size_t n) {
      if (limit.key == "name") return "A" + std::string(n - 1, 'b');
      if (limit.key.starts_with("docs.")) return "https://" + std::string(n - 8, 'a');
      return std::string(n, 'x');
    };
    testing::Loaded at = LoadYaml(CatalogWithText(limit.key, text(limit.max_bytes)));
    EXPECT_TRUE(at.set) << limit.key << " at its limit:\n" << at.Text();
    testing::Loaded over = LoadYaml(CatalogWithText(limit.key, text(limit.max_bytes + 1)));
    const diag::Diagnostic* d = over.FindRule("limit");
    ASSERT_NE(d, nullptr) << limit.key << " one past its limit:\n" << over.Text();
    EXPECT_THAT(d->message, HasSubstr(std::to_string(limit.max_bytes + 1) +
                                      " bytes; the limit is " + std::to_string(limit.max_bytes)));
    EXPECT_GT(d->location.line, 0) << limit.key;
  }
}

TEST(LoaderRules, AtMost32ParamsPerMessage) {
  for (size_t n : {loader::kMaxParams, loader::kMaxParams + 1}) {
    std::string message, params;
    for (size_t i = 0; i < n; ++i) {
      message += "{" + std::to_string(i) + "}";
      params += std::string(i ? ", " : "") + "{name: p" + std::to_string(i) + ", type: int}";
    }
    testing::Loaded loaded = LoadYaml(
        "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: A, summary: S, message: \"" +
        message + "\", params: [" + params + "]}\n");
    EXPECT_EQ(loaded.FindRule("limit") != nullptr, n > loader::kMaxParams) << n << "\n"
                                                                           << loaded.Text();
  }
}

// Each problem once: 'reserved' was read twice (for the list, then for the value check).
TEST(LoaderRules, BadReservedItemIsReportedOnce) {
  testing::Loaded loaded = LoadYaml("catalog: t\ntitle: T\nreserved: [OLD1, [nested], OLD2]\n");
  EXPECT_EQ(loaded.sink.diagnostics().size(), 1u) << loaded.Text();
  const diag::Diagnostic* d = loaded.FindRule("type");
  ASSERT_NE(d, nullptr) << loaded.Text();
  EXPECT_EQ(d->location.line, 3);
  EXPECT_EQ(d->location.column, 18);
}

TEST(LoaderRules, CppDefaultsFollowTheCatalogId) {
  testing::Loaded loaded = LoadYaml("catalog: data_source\ntitle: T\n");
  ASSERT_TRUE(loaded.set) << loaded.Text();
  EXPECT_EQ(loaded.set->catalogs()[0].cpp_namespace, "data_source");
  EXPECT_EQ(loaded.set->catalogs()[0].cpp_enum, "DataSourceError");
}

TEST(LoaderRules, FieldsAreKeptInDeclarationOrder) {
  testing::Loaded loaded = LoadYaml(
      "catalog: t\ntitle: T\nfields:\n  first: {title: F}\n  second: {title: S, type: int}\n"
      "errors:\n  - code: E1\n    name: A\n    summary: S\n    message: M.\n"
      "    fields: {second: 42, first: hello}\n");
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const auto& fields = loaded.set->catalogs()[0].errors[0].fields;
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].id, "first");
  EXPECT_EQ(fields[1].id, "second");
  EXPECT_EQ(fields[1].text, "42");
}

TEST(LoaderRules, CatalogsAreSortedWhateverTheFileOrder) {
  testing::Loaded loaded = LoadYaml({{"z.yaml", "catalog: beta\ntitle: B\n"}, {"a.yaml", "catalog: alpha\ntitle: A\n"}});
  ASSERT_TRUE(loaded.set);
  EXPECT_EQ(loaded.set->catalogs()[0].id, "alpha");
  EXPECT_EQ(loaded.set->catalogs()[1].id, "beta");
}

}  // namespace
}  // namespace errcat
