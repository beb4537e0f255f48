// A client of the generated code formatting in several languages: the token catalog with its
// German and French translations (catalog/) and a Polish one (tests/data/l10n/), through
// errcat_add_catalog like any user. Expected strings are written out by hand.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "plurals/plural_rules.h"
#include "plurals_errors.hpp"
#include "token_errors.hpp"

namespace {

namespace token = errcat::catalogs::token;
using token::TokenError;

const char kTail[] = ". Please check your download ID or generate a new token.";

TEST(LocalizedFormat, Tok002InEnglishGermanFrenchAndPolish) {
  using E = std::integral_constant<TokenError, TokenError::DownloadTokenNotFound>;
  const auto format = [](std::string_view locale, int minutes) {
    return token::format<E::value>(locale, minutes);
  };
  EXPECT_EQ(token::format<E::value>(1),
            std::string("The requested token was not found or has expired after 1 minute") + kTail);
  EXPECT_EQ(
      token::format<E::value>(5),
      std::string("The requested token was not found or has expired after 5 minutes") + kTail);
  EXPECT_EQ(format("en", 1), token::format<E::value>(1));
  EXPECT_EQ(format("de", 1),
            "Das angeforderte Token wurde nicht gefunden oder ist nach 1 Minute abgelaufen. Bitte "
            "prüfen Sie Ihre Download-ID oder erzeugen Sie ein neues Token.");
  EXPECT_EQ(format("de", 5),
            "Das angeforderte Token wurde nicht gefunden oder ist nach 5 Minuten abgelaufen. Bitte "
            "prüfen Sie Ihre Download-ID oder erzeugen Sie ein neues Token.");
  // French `one` is 0 and 1.
  EXPECT_EQ(format("fr", 1),
            "Le jeton demandé est introuvable ou a expiré au bout de 1 minute. Veuillez vérifier "
            "votre identifiant de téléchargement ou générer un nouveau jeton.");
  EXPECT_EQ(format("fr", 0),
            "Le jeton demandé est introuvable ou a expiré au bout de 0 minute. Veuillez vérifier "
            "votre identifiant de téléchargement ou générer un nouveau jeton.");
  EXPECT_EQ(format("fr", 5),
            "Le jeton demandé est introuvable ou a expiré au bout de 5 minutes. Veuillez vérifier "
            "votre identifiant de téléchargement ou générer un nouveau jeton.");
  EXPECT_EQ(format("fr", 1000000),
            "Le jeton demandé est introuvable ou a expiré au bout de 1000000 de minutes. Veuillez "
            "vérifier votre identifiant de téléchargement ou générer un nouveau jeton.");
  const std::string pl_head = "Nie znaleziono żądanego tokenu lub token wygasł po ";
  const std::string pl_tail = ". Sprawdź identyfikator pobierania lub wygeneruj nowy token.";
  EXPECT_EQ(format("pl", 1), pl_head + "1 minucie" + pl_tail);
  EXPECT_EQ(format("pl", 2), pl_head + "2 minutach" + pl_tail);    // few
  EXPECT_EQ(format("pl", 5), pl_head + "5 minutach" + pl_tail);    // many
  EXPECT_EQ(format("pl", 22), pl_head + "22 minutach" + pl_tail);  // few
  EXPECT_EQ(format("pl", 12), pl_head + "12 minutach" + pl_tail);  // many
}

TEST(LocalizedFormat, LocalesFallBackToTheirParentThenTheCatalogsOwn) {
  constexpr TokenError E = TokenError::DownloadTokenNotFound;
  EXPECT_EQ(token::format<E>("de-AT", 5), token::format<E>("de", 5));
  EXPECT_EQ(token::format<E>("DE_at", 5), token::format<E>("de", 5));
  EXPECT_EQ(token::format<E>("fr-CA", 5), token::format<E>("fr", 5));
  EXPECT_EQ(token::format<E>("xx", 5), token::format<E>(5));
  EXPECT_EQ(token::format<E>("", 5), token::format<E>(5));
  EXPECT_EQ(token::format<E>("en-GB", 1), token::format<E>(1));
}

TEST(LocalizedFormat, RuntimeFormatTakesTheLocaleFirst) {
  EXPECT_EQ(token::format(TokenError::DownloadTokenNotFound, "de", 1),
            token::format<TokenError::DownloadTokenNotFound>("de", 1));
  EXPECT_EQ(token::format(TokenError::DownloadTokenNotFound, 1),
            token::format<TokenError::DownloadTokenNotFound>(1));
  EXPECT_THROW(token::format(TokenError::DownloadTokenNotFound, "de", "five"),
               errcat_runtime::format_error);
  // TOK013 takes a string: one string is its argument, two are a locale and its argument.
  EXPECT_EQ(token::format(TokenError::TokenIdNotFound, "de"),
            token::format<TokenError::TokenIdNotFound>("de"));
  EXPECT_EQ(token::format(TokenError::TokenIdNotFound, "fr", "a1b2"),
            token::format<TokenError::TokenIdNotFound>("fr", "a1b2"));
  EXPECT_NE(token::format<TokenError::TokenIdNotFound>("fr", "a1b2"),
            token::format<TokenError::TokenIdNotFound>("a1b2"));
}

TEST(LocalizedFormat, InfoAndAvailableLocales) {
  const errcat_runtime::ConstList<std::string_view> locales =
      token::available_locales<TokenError>();
  EXPECT_EQ(std::vector<std::string_view>(locales.begin(), locales.end()),
            (std::vector<std::string_view>{"en", "de", "fr", "pl"}));
  EXPECT_EQ(token::info(TokenError::DownloadTokenNotFound, "de").summary,
            "Token wurde nicht gefunden oder ist abgelaufen");
  EXPECT_EQ(token::info(TokenError::DownloadTokenNotFound, "pl").summary,
            "Nie znaleziono tokenu lub token wygasł");
  // Polish translates TOK002 only: the others keep the catalog's texts.
  EXPECT_EQ(token::info(TokenError::TokenExportFailed, "pl").summary,
            token::info(TokenError::TokenExportFailed).summary);
  EXPECT_EQ(token::format<TokenError::TokenExportFailed>("pl", "d-1"),
            token::format<TokenError::TokenExportFailed>("d-1"));
  // Everything but the texts is the catalog's.
  const errcat_runtime::ErrorInfo& de = token::info(TokenError::DownloadTokenNotFound, "de");
  const errcat_runtime::ErrorInfo& en = token::info(TokenError::DownloadTokenNotFound);
  EXPECT_EQ(de.code, en.code);
  EXPECT_EQ(de.http_status, en.http_status);
  EXPECT_EQ(de.params.size(), 1u);
  EXPECT_EQ(token::info(static_cast<TokenError>(999), "de").code, "");
}

TEST(LocalizedFormat, ProblemDetailsStayInTheCatalogsLanguage) {
  const errcat_runtime::Problem p = token::problem<TokenError::DownloadTokenNotFound>(1);
  EXPECT_EQ(p.detail, token::format<TokenError::DownloadTokenNotFound>(1));
}

// match_message reads the catalog's own language: both forms of TOK002's plural.
TEST(LocalizedFormat, MatchFindsEveryPluralForm) {
  for (int minutes : {1, 5}) {
    const std::string line =
        "ERROR " + token::format<TokenError::DownloadTokenNotFound>(minutes) + " (req 7)";
    const auto m = errcat_runtime::match_message<TokenError>(line);
    ASSERT_TRUE(m) << line;
    EXPECT_EQ(m->error, TokenError::DownloadTokenNotFound);
    EXPECT_EQ(m->args[0], std::to_string(minutes));
    EXPECT_FALSE(m->ambiguous);
  }
}

// The generated plural rules, and the operands the generated code takes from a number as it
// prints it, against the generator's evaluation of CLDR's rules (plural_rules_test checks that
// against ICU's PluralRules::select): plurals.yaml's message prints the category chosen.
TEST(LocalizedFormat, GeneratedPluralSelectionAgreesWithCldrForEveryLocale) {
  using ::plurals::PluralsError;
  const errcat_runtime::ConstList<std::string_view> locales =
      plurals::available_locales<PluralsError>();
  ASSERT_EQ(locales.size(), 17u);
  std::vector<double> numbers;
  for (int n = 0; n <= 1000; ++n) numbers.push_back(n);
  for (int n = 0; n <= 1000; ++n) numbers.push_back(n / 100.0);  // 0.01 ... 10
  for (int n = 0; n <= 100; ++n) numbers.push_back(n / 10.0 + 0.5);
  numbers.push_back(1000000);
  size_t checked = 0;
  for (std::string_view locale : locales) {
    const std::optional<errcat::plurals::LocaleRules> rules = errcat::plurals::RulesFor(locale);
    ASSERT_TRUE(rules) << locale;
    for (double d : numbers) {
      const std::string printed = fmt::format("{}", d);
      const std::string want =
          errcat::plurals::Select(*rules, *errcat::plurals::OperandsOf(printed));
      EXPECT_EQ(plurals::format<PluralsError::OfDouble>(locale, d), want)
          << locale << " " << printed;
      if (d == static_cast<int>(d)) {
        EXPECT_EQ(plurals::format<PluralsError::OfInt>(locale, static_cast<int>(d)), want)
            << locale << " " << d;
        EXPECT_EQ(plurals::format<PluralsError::OfInt>(locale, -static_cast<int>(d)), want)
            << locale << " -" << d;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 17u * 2000);
}

}  // namespace
