// Plurals in messages: the cases each locale needs (CLDR's categories, through ICU), in a
// catalog and in its translations, each rule with a broken message at its file:line:col; and
// how the model picks a case.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "loader/placeholders.h"
#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A catalog in `locale` whose one message is `message` (line 6, its first byte at column 16), on a
// parameter `minutes` of `type`.
std::string Catalog(const std::string& message, const std::string& locale = "en",
                    const std::string& type = "uint") {
  return "catalog: token\n"  // 1
         "title: Tokens\n"   // 2
         "locale: " +
         locale + "\n" +                                               // 3
         "errors:\n"                                                   // 4
         "  - {code: TOK002, name: TokenExpired, summary: Expired,\n"  // 5
         "     message: \"" +
         message + "\",\n" +  // 6
         "     params: [{name: minutes, type: " + type + "}]}\n";
}

testing::Loaded LoadCatalog(const std::string& text) {
  return testing::LoadYaml({{"token.yaml", text}});
}

TEST(PluralMessages, EnglishNeedsOneAndOther) {
  EXPECT_TRUE(LoadCatalog(Catalog("after {0, plural, one {# minute} other {# minutes}}")).set);
  const testing::Loaded t = LoadCatalog(Catalog("after {0, plural, other {# minutes}}"));
  EXPECT_FALSE(t.set);
  EXPECT_THAT(t.Text(), HasSubstr("token.yaml:6:22: error: the message of TOK002 has a plural on "
                                  "minutes without 'one'; en needs the cases one, other (or '=N' "
                                  "cases for every number of a category) [plural-cases]"));
}

TEST(PluralMessages, AnExactCaseCoversAFiniteCategory) {
  // English `one` is exactly 1 for an integer: `=1` covers it.
  EXPECT_TRUE(LoadCatalog(Catalog("{0, plural, =1 {a minute} other {# minutes}}")).set);
  // French `one` is 0 and 1: `=1` alone does not, `=0` and `=1` do (with `many` for a million).
  const testing::Loaded fr = LoadCatalog(
      Catalog("{0, plural, =1 {une minute} many {# de minutes} other {# minutes}}", "fr"));
  EXPECT_THAT(fr.Text(), HasSubstr("without 'one'; fr needs the cases one, many, other"));
  EXPECT_TRUE(
      LoadCatalog(
          Catalog(
              "{0, plural, =0 {0 minute} =1 {une minute} many {# de minutes} other {# minutes}}",
              "fr"))
          .set);
  // For a double parameter English `one` is still only 1 (1.5 is `other`), French `one` is
  // every number below 2: the `=N` cases do not cover it.
  EXPECT_TRUE(
      LoadCatalog(Catalog("{0, plural, =1 {a minute} other {# minutes}}", "en", "double")).set);
  EXPECT_THAT(LoadCatalog(Catalog("{0, plural, =0 {0 minute} =1 {une minute} many {# de minutes} "
                                  "other {# minutes}}",
                                  "fr", "double"))
                  .Text(),
              HasSubstr("without 'one'"));
}

TEST(PluralMessages, PolishNeedsFourCasesAndJapaneseOnlyOther) {
  const std::string polish =
      "{0, plural, one {# minucie} few {# minutach} many {# minutach} other {# minuty}}";
  EXPECT_TRUE(LoadCatalog(Catalog(polish, "pl")).set);
  EXPECT_THAT(LoadCatalog(Catalog("{0, plural, one {# minucie} other {# minuty}}", "pl")).Text(),
              HasSubstr("without 'few', 'many'; pl needs the cases one, few, many, other"));
  EXPECT_TRUE(LoadCatalog(Catalog("{0, plural, other {#分}}", "ja")).set);
  const testing::Loaded ja = LoadCatalog(Catalog("{0, plural, one {#分} other {#分}}", "ja"));
  EXPECT_THAT(ja.Text(), HasSubstr("token.yaml:6:28: error: 'one' is not a plural category of ja "
                                   "(its categories: other) [plural-cases]"));
}

TEST(PluralMessages, OtherIsAlwaysRequired) {
  const testing::Loaded t = LoadCatalog(Catalog("{0, plural, =0 {none} one {# minute}}"));
  EXPECT_THAT(t.Text(), HasSubstr("token.yaml:6:16: error: the message of TOK002 has a plural on "
                                  "minutes without an 'other' case; every plural needs one "
                                  "[plural-cases]"));
}

TEST(PluralMessages, ArePluralsOnNumbersOnly) {
  const testing::Loaded t =
      LoadCatalog(Catalog("{0, plural, one {# minute} other {# minutes}}", "en", "string"));
  EXPECT_FALSE(t.set);
  EXPECT_THAT(t.Text(), HasSubstr("token.yaml:6:16: error: the message of TOK002 has a plural on "
                                  "{0} (minutes), a string; plurals are on int, uint or double "
                                  "parameters [plural-param]"));
}

TEST(PluralMessages, SyntaxProblemsPointIntoTheMessage) {
  const testing::Loaded t =
      LoadCatalog(Catalog("after {0, plural, one {# minute} other {# minutes}"));
  EXPECT_THAT(t.Text(), HasSubstr("token.yaml:6:22: error: unterminated plural; it ends with '}' "
                                  "after its last case [placeholder-syntax]"));
}

// A translation of Catalog() (English, one/other) into `locale` with message `message` (line 4,
// its first byte at column 22).
std::string Translation(const std::string& locale, const std::string& message) {
  return "translation: token\n"
         "locale: " +
         locale + "\n" +
         "errors:\n"
         "  TOK002: {message: \"" +
         message + "\"}\n";
}

TEST(PluralMessages, TranslationsAreCheckedAgainstTheirOwnLocale) {
  const std::string source = Catalog("after {0, plural, one {# minute} other {# minutes}}");
  EXPECT_TRUE(testing::LoadYaml(
                  {{"token.yaml", source},
                   {"token.pl.yaml", Translation("pl",
                                                 "po {0, plural, one {# minucie} few {# minutach} "
                                                 "many {# minutach} other {# minuty}}")}})
                  .set);
  // The English cases are not enough for Polish.
  const testing::Loaded pl = testing::LoadYaml(
      {{"token.yaml", source},
       {"token.pl.yaml", Translation("pl", "po {0, plural, one {# minucie} other {# minuty}}")}});
  EXPECT_FALSE(pl.set);
  EXPECT_THAT(pl.Text(),
              HasSubstr("token.pl.yaml:4:25: error: the pl message of TOK002 has a plural "
                        "on minutes without 'few', 'many'; pl needs the cases one, few, "
                        "many, other"));
  // A translation may drop the plural (Japanese) or add one the source does not have.
  EXPECT_TRUE(testing::LoadYaml({{"token.yaml", source},
                                 {"token.ja.yaml", Translation("ja", "{0}分後に期限切れ")}})
                  .set);
  const testing::Loaded de = testing::LoadYaml(
      {{"token.yaml", Catalog("after {0} minutes")},
       {"token.de.yaml", Translation("de", "nach {0, plural, one {# Minute} other {# Minuten}}")}});
  EXPECT_TRUE(de.set) << de.Text();
  // The placeholders a plural shows count as shown.
  const testing::Loaded shown_by_plural = testing::LoadYaml(
      {{"token.yaml", source},
       {"token.de.yaml",
        Translation("de", "nach {0, plural, one {eine Minute} other {mehreren Minuten}}")}});
  EXPECT_TRUE(shown_by_plural.set) << shown_by_plural.Text();
}

TEST(PluralChoice, ExactThenCategoryThenOther) {
  const loader::ParsedMessage m =
      loader::ParseMessage("{0, plural, =0 {none} one {one} =2.50 {two and a half} other {many}}");
  ASSERT_TRUE(m.problems.empty());
  const model::MessageSegment& plural = m.segments[0];
  const auto chosen = [&](const char* number, const char* category) {
    return model::PluralChoice(plural, number, category).segments[0].literal;
  };
  EXPECT_EQ(chosen("0", "other"), "none");
  EXPECT_EQ(chosen("0.0", "other"), "none");
  EXPECT_EQ(chosen("2.5", "other"), "two and a half");
  EXPECT_EQ(chosen("1", "one"), "one");
  EXPECT_EQ(chosen("7", "few"), "many");  // no `few` case: other
  EXPECT_EQ(chosen("7", "other"), "many");
}

TEST(PluralChoice, OtherFormsShowEachPluralsOtherCase) {
  const loader::ParsedMessage m =
      loader::ParseMessage("after {0, plural, one {# minute} other {# minutes}} in {1}");
  const std::vector<model::MessageSegment> flat = model::OtherForms(m.segments);
  ASSERT_EQ(flat.size(), 4u);
  EXPECT_EQ(flat[0].literal, "after ");
  EXPECT_EQ(flat[1].arg, 0);
  EXPECT_EQ(flat[2].literal, " minutes in ");
  EXPECT_EQ(flat[3].arg, 1);
  EXPECT_EQ(model::PlaceholdersOf(m.segments), (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace errcat
