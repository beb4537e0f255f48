// CLDR plural rules read from ICU's data (plurals/plural_rules.h): errcat's own selection
// agrees with ICU's PluralRules::select for every tested locale on 0..1000 and on decimals
// with one to three fraction digits, and the C++ conditions errcat writes for the generated
// code, compiled and run, agree with both.
#include "plurals/plural_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>

#include <fstream>
#include <memory>

#include "test_support.h"

namespace errcat {
namespace {

const char* const kLocales[] = {"en", "de", "fr", "pl",    "ru",    "ar", "ja", "cs", "lv", "br",
                                "cy", "ga", "pt", "pt-PT", "de-AT", "sl", "he", "lt", "mt"};

// Every number as text: 0..1000, and decimals with 1-3 fraction digits.
std::vector<std::string> Numbers() {
  std::vector<std::string> out;
  for (int n = 0; n <= 1000; ++n) out.push_back(std::to_string(n));
  for (int n = 0; n <= 300; ++n) {
    out.push_back(std::to_string(n / 10) + "." + std::to_string(n % 10));
    out.push_back(std::to_string(n / 100) + "." + std::to_string(n % 100 / 10) +
                  std::to_string(n % 10));
  }
  for (const char* s : {"1.000", "2.010", "11.5", "101.25", "1000000", "2000000", "1000000.5"})
    out.push_back(s);
  return out;
}

std::string IcuSelect(const icu::PluralRules& rules, const char* locale,
                      const std::string& number) {
  UErrorCode status = U_ZERO_ERROR;
  const size_t dot = number.find('.');
  const int digits = dot == std::string::npos ? 0 : static_cast<int>(number.size() - dot - 1);
  const icu::number::FormattedNumber formatted =
      icu::number::NumberFormatter::withLocale(icu::Locale(locale))
          .precision(icu::number::Precision::minMaxFraction(digits, digits))
          .grouping(UNUM_GROUPING_OFF)
          .formatDecimal(number.c_str(), status);
  std::string out;
  rules.select(formatted, status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status)) << number;
  return out;
}

TEST(PluralRules, SelectionAgreesWithIcuOnEveryTestedLocale) {
  for (const char* locale : kLocales) {
    SCOPED_TRACE(locale);
    const std::optional<plurals::LocaleRules> rules = plurals::RulesFor(locale);
    ASSERT_TRUE(rules.has_value());
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> icu_rules(
        icu::PluralRules::forLocale(icu::Locale(locale), status));
    ASSERT_TRUE(U_SUCCESS(status));
    for (const std::string& number : Numbers()) {
      const std::optional<plurals::Operands> x = plurals::OperandsOf(number);
      ASSERT_TRUE(x) << number;
      EXPECT_EQ(plurals::Select(*rules, *x), IcuSelect(*icu_rules, locale, number)) << number;
    }
  }
}

TEST(PluralRules, CategoriesAreCldrsPerLocale) {
  using V = std::vector<std::string>;
  EXPECT_EQ(plurals::RulesFor("en")->Categories(), (V{"one", "other"}));
  EXPECT_EQ(plurals::RulesFor("ja")->Categories(), (V{"other"}));
  EXPECT_EQ(plurals::RulesFor("pl")->Categories(), (V{"one", "few", "many", "other"}));
  EXPECT_EQ(plurals::RulesFor("ar")->Categories(),
            (V{"zero", "one", "two", "few", "many", "other"}));
  EXPECT_EQ(plurals::RulesFor("fr")->Categories(), (V{"one", "many", "other"}));
  EXPECT_EQ(plurals::RulesFor("de-AT")->data, "de");     // a region falls back to its language
  EXPECT_EQ(plurals::RulesFor("pt-PT")->data, "pt_PT");  // unless CLDR has rules of its own
  EXPECT_FALSE(plurals::RulesFor("xq").has_value());
  EXPECT_FALSE(plurals::KnownLanguage("klingonish"));
  EXPECT_TRUE(plurals::KnownLanguage("de-AT"));  // the language decides, not the region
  EXPECT_FALSE(plurals::KnownLanguage("root"));  // ICU's data has it, but it is no language
}

TEST(PluralRules, OperandsAreCldrsOfThePrintedNumber) {
  const plurals::Operands x = *plurals::OperandsOf("-1.50");
  EXPECT_EQ(x.n, 1.5);
  EXPECT_EQ(x.i, 1u);
  EXPECT_EQ(x.v, 2);
  EXPECT_EQ(x.w, 1);
  EXPECT_EQ(x.f, 50u);
  EXPECT_EQ(x.t, 5u);
  for (const char* bad : {"", "-", "1.", ".5", "1e5", "abc", "1,5"})
    EXPECT_FALSE(plurals::OperandsOf(bad).has_value()) << bad;
  std::string error;
  EXPECT_FALSE(plurals::ParseCondition("n % 10 = ", &error).has_value());
  EXPECT_THAT(error, ::testing::HasSubstr("cannot read plural rule"));
  EXPECT_TRUE(
      plurals::ParseCondition("n is not 1 or v within 0..2, 5 @integer 1", &error).has_value());
}

// The conditions as C++: one function per locale in a program that prints each number's
// category; compiled with the system compiler, it must print what Select() says.
TEST(PluralRules, GeneratedCppConditionsAgreeWhenCompiled) {
  testing::TempDir dir;
  std::string program =
      "#include <cmath>\n#include <cstdint>\n#include <cstdio>\n#include <cstring>\n#include "
      "<cstdlib>\n"
      "struct Op { double n; std::uint64_t i, v, w, f, t, e; };\n";
  std::string calls, expected;
  int index = 0;
  for (const char* locale : kLocales) {
    const plurals::LocaleRules rules = *plurals::RulesFor(locale);
    program += "const char* select" + std::to_string(index) +
               "(const Op& x) {\n"
               "  const double n = x.n; const std::uint64_t i = x.i, v = x.v, w = x.w, f = x.f, t "
               "= x.t, e = x.e;\n"
               "  (void)n; (void)i; (void)v; (void)w; (void)f; (void)t; (void)e;\n";
    for (const plurals::Rule& r : rules.rules)
      program +=
          "  if (" + plurals::ConditionToCpp(r.condition) + ") return \"" + r.category + "\";\n";
    program += "  return \"other\";\n}\n";
    for (const std::string& number : Numbers()) {
      const plurals::Operands x = *plurals::OperandsOf(number);
      calls += "  std::puts(select" + std::to_string(index) + "({" + std::to_string(x.n) + "," +
               std::to_string(x.i) + "u," + std::to_string(x.v) + "u," + std::to_string(x.w) +
               "u," + std::to_string(x.f) + "u," + std::to_string(x.t) + "u,0u}));\n";
      expected += plurals::Select(rules, x) + "\n";
    }
    ++index;
  }
  program += "int main() {\n" + calls + "}\n";
  const std::filesystem::path source = dir.Write("plurals.cc", program);
  const std::string exe = (dir.path() / "plurals").string();
  const testing::RunResult build =
      testing::RunCommand("c++ -std=c++17 -Wall -Wextra -Werror -O0 " +
                          testing::ShellQuote(source.string()) + " -o " + testing::ShellQuote(exe));
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const testing::RunResult run = testing::RunCommand(testing::ShellQuote(exe));
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.out == expected);  // (not EXPECT_EQ: 40k lines)
}

}  // namespace
}  // namespace errcat
