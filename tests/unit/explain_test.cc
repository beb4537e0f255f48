#include "explain/explain.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MarkdownToTerminal, RendersListsLinksAndCodeWithoutHtml) {
  explain::TerminalStyle plain;
  const std::string out = explain::MarkdownToTerminal(
      "Use **bold** and `code`.\n\n* one [link](https://x.test/a)\n* two\n", plain, "", "");
  EXPECT_THAT(out, HasSubstr("Use bold and `code`."));
  EXPECT_THAT(out, HasSubstr("- one link <https://x.test/a>"));
  EXPECT_THAT(out, HasSubstr("- two"));
  EXPECT_THAT(out, Not(HasSubstr("<strong>")));
}

TEST(MarkdownToTerminal, WrapsAtTheWidthWithAHangingIndent) {
  explain::TerminalStyle narrow{false, 20};
  const std::string out = explain::MarkdownToTerminal(
      "alpha beta gamma delta epsilon zeta eta theta", narrow, "  1. ", "     ");
  EXPECT_EQ(out, "  1. alpha beta\n     gamma delta\n     epsilon zeta\n     eta theta\n");
}

TEST(MarkdownToTerminal, ColourOnlyWhenAsked) {
  const std::string text = "**x**";
  EXPECT_THAT(explain::MarkdownToTerminal(text, {false, 80}, "", ""), Not(HasSubstr("\033[")));
  EXPECT_THAT(explain::MarkdownToTerminal(text, {true, 80}, "", ""), HasSubstr("\033[1m"));
}

TEST(MarkdownToTerminal, EscapeCharactersFromCatalogTextNeverReachTheTerminal) {
  const std::string out =
      explain::MarkdownToTerminal("evil \x1b]0;title\x07 text", {false, 80}, "", "");
  EXPECT_THAT(out, Not(HasSubstr("\x1b")));
  EXPECT_THAT(out, Not(HasSubstr("\x07")));
}

TEST(ExplainError, ShowsEveryPartOfTok005) {
  testing::Loaded loaded = testing::LoadPaths({testing::SourceDir() + "/catalog"});
  ASSERT_TRUE(loaded.set);
  auto hit = loaded.set->FindCode("TOK005");
  ASSERT_TRUE(hit);
  const std::string out = explain::ExplainError(*hit->catalog, *hit->error, {false, 100});
  EXPECT_THAT(out, HasSubstr("TOK005  TokenExpiryTooFar  (token: Token Related Messages)"));
  EXPECT_THAT(out, HasSubstr("Token expiry date exceeds the allowed limit"));
  EXPECT_THAT(out, HasSubstr("cannot be more than {max_hours} hours"));
  EXPECT_THAT(out, HasSubstr("{0} max_hours: int"));
  EXPECT_THAT(out, HasSubstr("{1} provided_expiry: string"));
  EXPECT_THAT(out, HasSubstr("Causes\n  - The expiry date was set too far"));
  EXPECT_THAT(out, HasSubstr("Resolution\n  1. Set the token expiry date"));
  EXPECT_THAT(out, HasSubstr("  2. Adjust the expiry date and resubmit the request."));
}

TEST(ExplainError, ShowsDeclaredFieldsAndRelatedCodes) {
  testing::Loaded loaded = testing::LoadPaths({testing::SourceDir() + "/catalog"});
  ASSERT_TRUE(loaded.set);
  auto hit = loaded.set->FindCode("947");
  ASSERT_TRUE(hit);
  const std::string out = explain::ExplainError(*hit->catalog, *hit->error, {false, 100});
  EXPECT_THAT(out, HasSubstr("HTTP 500, retriable"));
  EXPECT_THAT(out, HasSubstr("Remediation Category: Data Connect Fix"));
  EXPECT_THAT(out, HasSubstr("Data Connect Fix Eligible:\n    - Data Connect Fix\n      <https://"));
  EXPECT_THAT(out, HasSubstr("See also: 4034"));
  EXPECT_THAT(out, HasSubstr("Docs: https://developer.mastercard.com/open-finance-au/documentation/errors/accounterrors/invalidtoken/947-2024/index.md#947"));
}

}  // namespace
}  // namespace errcat

namespace errcat {
namespace {

TEST(ExplainRetired, SaysWhatTheCodeWasAndWhatReplacedIt) {
  lock::Entry entry;
  entry.catalog = "t";
  entry.code = "E1";
  entry.value = 7;
  entry.name = "Old";
  entry.params = {"int", "string"};
  entry.state = lock::State::kRetired;
  entry.active = "1.0";
  entry.deprecated = "1.1";
  entry.retired = "1.2";
  entry.replaced_by = "E2";
  EXPECT_EQ(explain::ExplainRetired(entry, explain::TerminalStyle{}),
            "E1  (t)\nRetired in 1.2: this code is no longer issued, and never will be again.\n\n"
            "It was Old(int, string), value 7, issued in 1.0 and deprecated in 1.1.\nSee E2.\n");
}

}  // namespace
}  // namespace errcat
