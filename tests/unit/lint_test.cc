// Every lint warning at its place, and a catalog's `lint.disable` turning rules off.
#include "lint/lint.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;

testing::Loaded Lint(const std::string& yaml) {
  testing::Loaded loaded = testing::LoadYaml(yaml);
  EXPECT_TRUE(loaded.set) << loaded.Text();
  if (loaded.set) lint::LintSet(*loaded.set, loaded.sink);
  return loaded;
}

const std::string kHeader = "catalog: t\ntitle: T\n";
const std::string kError =
    "errors:\n"
    "  - code: E001\n"                                              // 4
    "    name: First\n"                                             // 5
    "    summary: " + std::string(81, 's') + "\n"                   // 6
    "    message: No full stop {0}\n"                               // 7
    "    params: [{name: what, type: string}]\n"                    // 8
    "    replaced_by: E002\n"                                       // 9
    "  - {code: E002, name: Second, summary: S, message: Fine., causes: [c], resolution: [r]}\n";

TEST(Lint, EveryWarningAtItsPlace) {
  testing::Loaded loaded = Lint(kHeader + kError);
  struct Expected {
    const char* rule;
    int line, column;
  };
  for (const Expected& e : {Expected{"summary-length", 6, 14}, Expected{"message-punctuation", 7, 14},
                            Expected{"param-undocumented", 8, 13}, Expected{"replaced-by-not-deprecated", 9, 18},
                            Expected{"missing-causes", 4, 11}, Expected{"missing-resolution", 4, 11}}) {
    const diag::Diagnostic* d = loaded.FindRule(e.rule);
    ASSERT_NE(d, nullptr) << e.rule << "\n" << loaded.Text();
    EXPECT_EQ(d->severity, diag::Severity::kWarning);
    EXPECT_EQ(d->location.line, e.line) << e.rule;
    EXPECT_EQ(d->location.column, e.column) << e.rule;
  }
  EXPECT_EQ(loaded.sink.warning_count(), 6) << loaded.Text();  // E002 is clean
}

TEST(Lint, ApostrophesIcuWouldReadAsQuoting) {
  const auto warned = [&](const std::string& message) {
    testing::Loaded loaded = Lint(
        kHeader + "errors:\n  - {code: E001, name: First, summary: S, message: \"" + message +
        "\", params: [{name: n, type: uint, description: d}], causes: [c], resolution: [r]}\n");
    return loaded.FindRule("icu-apostrophe") != nullptr;
  };
  EXPECT_TRUE(warned("Token '{0}' not found."));
  EXPECT_TRUE(warned("Closing '}}' brace {0}."));
  EXPECT_TRUE(warned("It''s {0}."));
  EXPECT_TRUE(warned("{0, plural, one {'# one} other {# more}}."));
  EXPECT_FALSE(warned("It's {0}."));  // before a letter: literal under ICU too
  EXPECT_FALSE(warned("Token \u2018{0}\u2019 not found."));  // typographic quotes
  EXPECT_FALSE(warned("Issue '#{0}'."));                     // '#' is special only in a plural case
  const testing::Loaded loaded = Lint(
      kHeader +
      "errors:\n  - {code: E001, name: First, summary: S, message: \"Token '{0}' not found.\", "
      "params: [{name: n, type: string, description: d}], causes: [c], resolution: [r]}\n");
  const diag::Diagnostic* d = loaded.FindRule("icu-apostrophe");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message,
              HasSubstr("message of E001 has an apostrophe before '{': errcat prints it, "
                        "but ICU MessageFormat would read it as quoting ('{0}' ...)"));
}

TEST(Lint, CatalogHeaderDisablesRules) {
  testing::Loaded loaded =
      Lint(kHeader + "lint: {disable: [summary-length, missing-causes, mesage-punctuation]}\n" + kError);
  EXPECT_EQ(loaded.FindRule("summary-length"), nullptr);
  EXPECT_EQ(loaded.FindRule("missing-causes"), nullptr);
  EXPECT_NE(loaded.FindRule("missing-resolution"), nullptr);
  const diag::Diagnostic* unknown = loaded.FindRule("unknown-lint-rule");
  ASSERT_NE(unknown, nullptr);
  EXPECT_THAT(unknown->message, HasSubstr("did you mean 'message-punctuation'?"));
  EXPECT_NE(loaded.FindRule("message-punctuation"), nullptr);  // the misspelt rule stays on
}

TEST(Lint, CatalogFolderIsCleanWithItsOwnDisables) {
  testing::Loaded loaded = testing::LoadPaths({testing::SourceDir() + "/catalog"});
  ASSERT_TRUE(loaded.set);
  lint::LintSet(*loaded.set, loaded.sink);
  EXPECT_EQ(loaded.sink.warning_count(), 0) << loaded.Text();
}

}  // namespace
}  // namespace errcat
