#include "diag/spellcheck.h"

#include <gtest/gtest.h>

namespace errcat::diag {
namespace {

TEST(EditDistance, CountsEditsAndStopsEarly) {
  EXPECT_EQ(EditDistance("summary", "summary", 3), 0);
  EXPECT_EQ(EditDistance("sumary", "summary", 3), 1);
  EXPECT_EQ(EditDistance("kitten", "sitting", 3), 3);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 2), 3);  // capped at max + 1
  EXPECT_EQ(EditDistance("titel", "title", 3), 1);  // a transposition is one edit
  EXPECT_EQ(EditDistance("TOK05", "TOK005", 3), 1);
}

TEST(Spellcheck, SuggestsTheClosestCandidate) {
  const std::vector<std::string_view> keys = {"summary", "message", "severity", "see_also"};
  EXPECT_EQ(Spellcheck("sumary", keys), "summary");
  EXPECT_EQ(Spellcheck("mesage", keys), "message");
  EXPECT_EQ(Spellcheck("Severity", keys), "severity");
  EXPECT_EQ(Spellcheck("zzzzzzzz", keys), "");
  EXPECT_EQ(DidYouMean("sumary", keys), " (did you mean 'summary'?)");
  EXPECT_EQ(DidYouMean("xyz", keys), "");
}

}  // namespace
}  // namespace errcat::diag
