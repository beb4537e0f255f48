#include "loader/placeholders.h"

#include <gtest/gtest.h>

namespace errcat::loader {
namespace {

TEST(ParseMessage, SplitsLiteralsAndPlaceholders) {
  ParsedMessage m = ParseMessage("more than {0} hours; given {1}.");
  ASSERT_TRUE(m.problems.empty());
  EXPECT_EQ(m.arity, 2);
  ASSERT_EQ(m.segments.size(), 5u);
  EXPECT_EQ(m.segments[0].literal, "more than ");
  EXPECT_EQ(m.segments[1].arg, 0);
  EXPECT_EQ(m.segments[2].literal, " hours; given ");
  EXPECT_EQ(m.segments[3].arg, 1);
  EXPECT_EQ(m.segments[4].literal, ".");
}

TEST(ParseMessage, DoubledBracesAreLiteral) {
  ParsedMessage m = ParseMessage("{{json}} {0} }}");
  ASSERT_TRUE(m.problems.empty());
  EXPECT_EQ(m.arity, 1);
  EXPECT_EQ(m.segments[0].literal, "{json} ");
  EXPECT_EQ(m.segments[2].literal, " }");
}

TEST(ParseMessage, RepeatedAndReorderedPlaceholders) {
  ParsedMessage m = ParseMessage("{1} then {0} then {1}");
  ASSERT_TRUE(m.problems.empty());
  EXPECT_EQ(m.arity, 2);
}

TEST(ParseMessage, ReportsEveryProblemWithItsOffset) {
  ParsedMessage m = ParseMessage("a {x} b } c {0");
  ASSERT_EQ(m.problems.size(), 3u);
  EXPECT_EQ(m.problems[0].offset, 2u);
  EXPECT_EQ(m.problems[0].rule, "placeholder-syntax");
  EXPECT_EQ(m.problems[1].offset, 8u);
  EXPECT_NE(m.problems[1].message.find("unmatched '}'"), std::string::npos);
  EXPECT_EQ(m.problems[2].offset, 12u);
  EXPECT_NE(m.problems[2].message.find("unterminated"), std::string::npos);
}

TEST(ParseMessage, GapInIndicesIsAnError) {
  ParsedMessage m = ParseMessage("only {1}");
  ASSERT_EQ(m.problems.size(), 1u);
  EXPECT_EQ(m.problems[0].rule, "placeholder-gap");
  EXPECT_EQ(m.problems[0].offset, 5u);
}

TEST(ParseMessage, RejectsSignsSpacesAndFormatSpecs) {
  for (const char* bad : {"{-1}", "{ 0}", "{0:x}", "{}", "{00x}"}) {
    EXPECT_FALSE(ParseMessage(bad).problems.empty()) << bad;
  }
}

TEST(ParseMessage, HugeIndexIsBounded) {
  ParsedMessage m = ParseMessage("{99999999999999999999}");
  EXPECT_FALSE(m.problems.empty());
  EXPECT_LE(m.arity, 100);
}

TEST(ParseMessage, PluralIsOneSegmentWithItsCases) {
  ParsedMessage m =
      ParseMessage("after {0, plural, =0 {no time} one {# minute} other {# minutes}}.");
  ASSERT_TRUE(m.problems.empty()) << m.problems[0].message;
  EXPECT_EQ(m.arity, 1);
  ASSERT_EQ(m.segments.size(), 3u);
  const model::MessageSegment& plural = m.segments[1];
  ASSERT_TRUE(plural.is_plural());
  EXPECT_EQ(plural.arg, 0);
  ASSERT_EQ(plural.plural.size(), 3u);
  EXPECT_EQ(plural.plural[0].selector, "=0");
  ASSERT_EQ(plural.plural[0].segments.size(), 1u);
  EXPECT_EQ(plural.plural[0].segments[0].literal, "no time");
  EXPECT_EQ(plural.plural[2].selector, "other");
  ASSERT_EQ(plural.plural[2].segments.size(), 2u);
  EXPECT_EQ(plural.plural[2].segments[0].arg, 0);  // '#'
  EXPECT_EQ(plural.plural[2].segments[1].literal, " minutes");
  EXPECT_EQ(m.segments[2].literal, ".");
}

TEST(ParseMessage, PluralCasesHoldPlaceholdersAndBraces) {
  // In a case `}` ends the case: the last "}}" here is a literal brace after the plural.
  ParsedMessage m = ParseMessage("{1, plural,one{# file in {0}}other{# files in {{{0}}}}}");
  ASSERT_TRUE(m.problems.empty()) << m.problems[0].message;
  EXPECT_EQ(m.arity, 2);
  const auto& other = m.segments[0].plural[1].segments;
  ASSERT_EQ(other.size(), 3u);
  EXPECT_EQ(other[1].literal, " files in {");
  EXPECT_EQ(other[2].arg, 0);
  ASSERT_EQ(m.segments.size(), 2u);
  EXPECT_EQ(m.segments[1].literal, "}");
}

TEST(ParseMessage, HashIsLiteralOutsideAPlural) {
  ParsedMessage m = ParseMessage("issue #{0}");
  ASSERT_TRUE(m.problems.empty());
  EXPECT_EQ(m.segments[0].literal, "issue #");
}

TEST(ParseMessage, ReportsMalformedPlurals) {
  const struct {
    const char* message;
    const char* says;
  } cases[] = {
      {"{0, select, a {x} other {y}}", "'{0, select...}' is not supported"},
      {"{0, plural}", "expected ','"},
      {"{0, plural, one {x} other {y}", "unterminated plural"},
      {"{0, plural, one {x} other {y", "unterminated plural case 'other'"},
      {"{0, plural, one x}", "expected '{' and the text of plural case 'one'"},
      {"{0, plural, =x {a} other {b}}", "expected a plural case"},
      {"{0, plural, on {a} other {b}}", "'on' is not a plural category"},
      {"{0, plural, one {a} one {b} other {c}}", "plural case 'one' is given twice"},
      {"{0, plural, offset:1 other {b}}", "offsets are not supported"},
      {"{0, plural, other {{1, plural, other {x}}}}", "inside a plural case"},
      {"{0, plural, }", "a plural needs cases"},
  };
  for (const auto& c : cases) {
    ParsedMessage m = ParseMessage(c.message);
    ASSERT_FALSE(m.problems.empty()) << c.message;
    EXPECT_NE(m.problems[0].message.find(c.says), std::string::npos)
        << c.message << ": " << m.problems[0].message;
  }
  EXPECT_NE(
      ParseMessage("{0, plural, on {a} other {b}}").problems[0].message.find("did you mean 'one'"),
      std::string::npos);
}

TEST(ParseMessage, TooManyPluralFormsIsALimit) {
  std::string message;
  for (int k = 0; k < 4; ++k)
    message +=
        "{" + std::to_string(k) + ", plural, zero {a} one {b} two {c} few {d} many {e} other {f}}";
  ParsedMessage m = ParseMessage(message);
  ASSERT_FALSE(m.problems.empty());
  EXPECT_EQ(m.problems.back().rule, "limit");
}

}  // namespace
}  // namespace errcat::loader
