// errcat match: typed placeholders, ambiguity, ranking, and a property test over every error of
// catalog/ and of the public catalogs of tests/real/, rendered with random typed arguments and
// wrapped in log-line text.
#include "match/match.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "test_support.h"

namespace errcat {
namespace {

using model::ParamType;

TEST(Match, TypesConstrainWhatAPlaceholderTakes) {
  EXPECT_TRUE(match::Fits(ParamType::kInt, "-42"));
  EXPECT_FALSE(match::Fits(ParamType::kInt, "4x"));
  EXPECT_FALSE(match::Fits(ParamType::kInt, "-"));
  EXPECT_TRUE(match::Fits(ParamType::kUint, "7"));
  EXPECT_FALSE(match::Fits(ParamType::kUint, "-7"));
  for (const char* d : {"2.5", "-1e+20", "3", "inf", "-nan", "1.", "6.02e23"})
    EXPECT_TRUE(match::Fits(ParamType::kDouble, d)) << d;
  for (const char* d : {"", ".", "1e", "e5", "1.2.3"})
    EXPECT_FALSE(match::Fits(ParamType::kDouble, d)) << d;
  EXPECT_TRUE(match::Fits(ParamType::kBool, "false"));
  EXPECT_FALSE(match::Fits(ParamType::kBool, "yes"));
  EXPECT_TRUE(match::Fits(ParamType::kString, ""));
}

testing::Loaded Set(const std::string& errors) {
  testing::Loaded loaded = testing::LoadYaml("catalog: t\ntitle: T\nerrors:\n" + errors);
  EXPECT_TRUE(loaded.set) << loaded.Text();
  return loaded;
}

TEST(Match, TheMoreSpecificMessageRanksFirstAndTypesDecide) {
  const testing::Loaded t =
      Set("  - {code: E1, name: NotFound, summary: S, message: Token not found.}\n"
          "  - {code: E2, name: NotFoundFor, summary: S, message: \"Token not found. Retry in {0} "
          "s.\", params: [{name: secs, type: int}]}\n"
          "  - {code: E3, name: Named, summary: S, message: \"Token not found. Retry in {0} s.\", "
          "params: [{name: when, type: string}]}\n");
  auto m = match::MatchMessage(*t.set, "12:00 WARN Token not found. Retry in 30 s. [svc]");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].error->code, "E2");  // int and string both fit; equal text: catalog order
  EXPECT_EQ(m[0].args[0].value, "30");
  EXPECT_EQ(m[0].begin, 11u);
  EXPECT_EQ(m[1].error->code, "E3");
  EXPECT_EQ(m[2].error->code, "E1");  // a prefix of the others: less of its own text matched
  // An int placeholder takes no word.
  m = match::MatchMessage(*t.set, "Token not found. Retry in soon s.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].error->code, "E3");
  EXPECT_EQ(m[0].args[0].value, "soon");
  EXPECT_TRUE(match::MatchMessage(*t.set, "Token was found.").empty());
}

TEST(Match, AdjacentPlaceholdersAreReportedAmbiguous) {
  const testing::Loaded t =
      Set("  - {code: E1, name: Pair, summary: S, message: \"Codes {0}{1} end\", params: [{name: "
          "a, type: int}, {name: b, type: int}]}\n"
          "  - {code: E2, name: Word, summary: S, message: \"Flag {0}{1} end\", params: [{name: f, "
          "type: bool}, {name: n, type: uint}]}\n"
          "  - {code: E3, name: Twice, summary: S, message: \"{0} and {0} again\", params: [{name: "
          "w, type: string}]}\n");
  auto m = match::MatchMessage(*t.set, "Codes 1234 end");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].ambiguous);
  // The types leave one split: not ambiguous.
  m = match::MatchMessage(*t.set, "Flag true12 end");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].ambiguous);
  EXPECT_EQ(m[0].args[0].value, "true");
  EXPECT_EQ(m[0].args[1].value, "12");
  // A parameter shown twice takes the same text both times.
  m = match::MatchMessage(*t.set, "log: cat and cat again");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].args[0].value, "cat");
  EXPECT_TRUE(match::MatchMessage(*t.set, "cat and dog again").empty());
}

TEST(Match, ALeadingStringTakesTheNearestWordNeverNothing) {
  const testing::Loaded t =
      Set("  - {code: E1, name: At, summary: S, message: \"{1} at {0}\", params: [{name: n, type: "
          "int}, {name: what, type: string}]}\n");
  auto m = match::MatchMessage(*t.set, "ERROR disk at 42");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].args[1].value, "disk");
  EXPECT_EQ(m[0].begin, 6u);
  EXPECT_TRUE(m[0].ambiguous);  // "ERROR disk" fits too
  EXPECT_TRUE(match::MatchMessage(*t.set, " at 42").empty());
}

void CheckEveryError(const model::CatalogSet& set, std::mt19937& random, int& checked,
                     int& unambiguous) {
  for (const model::Catalog& c : set.catalogs()) {
    for (const model::Error& e : c.errors) {
      for (int round = 0; round < 3; ++round) {
        const auto [values, message] = testing::RenderWithRandomValues(e, random);
        const bool ends_with_string =
            !e.segments.empty() && e.segments.back().arg >= 0 &&
            e.params[static_cast<size_t>(e.segments.back().arg)].type == ParamType::kString;
        const std::string line =
            "2026-12-02T10:00:00Z ERROR " + message + (ends_with_string ? "" : " (req 7)");
        const std::vector<match::Match> matches = match::MatchMessage(set, line, 100000);
        auto hit = std::find_if(matches.begin(), matches.end(),
                                [&](const match::Match& m) { return m.error == &e; });
        ASSERT_NE(hit, matches.end()) << e.code << " not found in: " << line;
        // Ranked first, or tied with those before it (identical messages, say errno's aliases).
        EXPECT_EQ(hit->literal_bytes, matches.front().literal_bytes)
            << e.code << " ranked below " << matches.front().error->code << ": " << line;
        if (!hit->ambiguous) {
          for (size_t k = 0; k < e.params.size(); ++k) {
            if (e.message.find("{" + std::to_string(k) + "}") != std::string::npos) {
              EXPECT_EQ(hit->args[k].value, values[k])
                  << e.code << " " << e.params[k].name << ": " << line;
            }
          }
        }
        ++checked;
        if (!hit->ambiguous) ++unambiguous;
      }
    }
  }
}

TEST(Match, EveryErrorOfRealCatalogsRenderedWithRandomArgumentsIsFound) {
  std::mt19937 random(20261202);
  int checked = 0, unambiguous = 0;
  for (const char* dir : {"/catalog", "/tests/real"}) {
    testing::Loaded loaded = testing::LoadPaths({testing::SourceDir() + dir});
    ASSERT_TRUE(loaded.set) << loaded.Text();
    CheckEveryError(*loaded.set, random, checked, unambiguous);
  }
  EXPECT_GT(checked, 3 * 300);
  EXPECT_GT(unambiguous, checked * 9 / 10);  // the arguments were checked for nearly all
}

}  // namespace
}  // namespace errcat
