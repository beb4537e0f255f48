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

}  // namespace
}  // namespace errcat::loader
