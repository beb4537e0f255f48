// Translation files (loader/translations.h): read beside their catalog, attached to it, and
// every rule between the two with a broken translation each, at its file:line:col.
#include "loader/translations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;

const char kCatalog[] =
    "catalog: token\n"
    "title: Tokens\n"
    "errors:\n"
    "  - code: TOK002\n"
    "    name: TokenExpired\n"
    "    summary: Token not found or expired\n"
    "    message: \"The token {0} was not found or expired {1} minutes ago.\"\n"
    "    params: [{name: token_id, type: string}, {name: minutes, type: int}]\n"
    "  - code: TOK003\n"
    "    name: TokenRevoked\n"
    "    summary: Token revoked\n"
    "    message: The token was revoked.\n";

// A German translation; `errors` below its header (line 4 on).
std::string German(const std::string& errors, const std::string& locale = "de") {
  return "translation: token\n"  // 1
         "locale: " +
         locale + "\n" +  // 2   value at column 9
         "errors:\n" +    // 3
         errors;
}

testing::Loaded Load(const std::vector<std::pair<std::string, std::string>>& files) {
  return testing::LoadYaml(files);
}

TEST(Translations, AreReadAndAttachedToTheirCatalogByLocale) {
  const testing::Loaded t = Load(
      {{"token.yaml", kCatalog},
       {"token.fr.yaml",
        "translation: token\nlocale: fr\nerrors:\n  TOK003: {message: \"Le jeton a été "
        "révoqué.\"}\n"},
       {"token.de.yaml", German("  TOK002:\n"
                                "    summary: Token nicht gefunden oder abgelaufen\n"
                                "    message: \"Das Token {0} ist seit {1} Minuten abgelaufen.\"\n"
                                "    causes: [Abgelaufen.]\n"
                                "  TOK003: {message: Das Token wurde widerrufen.}\n")}});
  ASSERT_TRUE(t.set) << t.Text();
  const model::Catalog& c = t.set->catalogs().at(0);
  EXPECT_EQ(c.locale, "en");
  ASSERT_EQ(c.translations.size(), 2u);
  EXPECT_EQ(c.translations[0].locale, "de");  // sorted by locale, not by file
  EXPECT_EQ(c.translations[1].locale, "fr");
  const model::TranslatedError* e = c.FindTranslation("de")->Find("TOK002");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->summary, "Token nicht gefunden oder abgelaufen");
  EXPECT_EQ(e->causes, std::vector<std::string>{"Abgelaufen."});
  EXPECT_TRUE(e->description.empty());  // not translated: falls back to the catalog's
  ASSERT_EQ(e->segments.size(), 5u);
  EXPECT_EQ(e->segments[1].arg, 0);
  EXPECT_EQ(e->segments[3].arg, 1);
  // fr leaves TOK002's message out: a warning naming it, and in the coverage.
  EXPECT_THAT(t.Text(),
              HasSubstr("token.fr.yaml:2:9: warning: 1 of 2 messages of 'token' have no fr "
                        "translation: TOK002 [translation-missing]"));
  EXPECT_EQ(t.Text().find("token.de.yaml"), std::string::npos) << t.Text();
  const std::vector<loader::LocaleCoverage> coverage = loader::MessageCoverage(*t.set);
  ASSERT_EQ(coverage.size(), 2u);
  EXPECT_EQ(coverage[0].locale, "de");
  EXPECT_EQ(coverage[0].translated, 2u);
  EXPECT_EQ(coverage[1].translated, 1u);
  EXPECT_EQ(coverage[1].total, 2u);
}

TEST(Translations, PlaceholdersMustBeTheSourcesInAnyOrder) {
  // Order may change: {1} before {0}.
  testing::Loaded t =
      Load({{"token.yaml", kCatalog},
            {"token.de.yaml", German("  TOK002: {message: \"Seit {1} Minuten: {0}.\"}\n"
                                     "  TOK003: {message: Widerrufen.}\n")}});
  EXPECT_TRUE(t.set) << t.Text();
  t = Load({{"token.yaml", kCatalog},
            {"token.de.yaml", German("  TOK002: {message: \"Das Token ist abgelaufen.\"}\n"
                                     "  TOK003: {message: \"Widerrufen {0}.\"}\n")}});
  EXPECT_FALSE(t.set);
  EXPECT_THAT(t.Text(),
              HasSubstr("token.de.yaml:4:21: error: the de message of TOK002 leaves out "
                        "{0} (token_id), {1} (minutes); a translation shows exactly the "
                        "source's placeholders, in any order [translation-placeholders]"));
  EXPECT_THAT(t.Text(), HasSubstr("token.de.yaml:5:21: error: the de message of TOK003 uses {0}, "
                                  "which the source does not have"));
  // A syntax error is the message syntax rule's, at its character.
  t = Load(
      {{"token.yaml", kCatalog}, {"token.de.yaml", German("  TOK003: {message: \"Wider {x\"}\n")}});
  EXPECT_THAT(t.Text(), HasSubstr("token.de.yaml:4:28: error: unterminated placeholder '{x'"));
  EXPECT_THAT(t.Text(), HasSubstr("[placeholder-syntax]"));
}

TEST(Translations, UnknownCodesKeysAndCatalogsAreErrorsWithDidYouMean) {
  testing::Loaded t = Load({{"token.yaml", kCatalog},
                            {"token.de.yaml", German("  TOK02: {message: X.}\n"
                                                     "  TOK003: {name: Widerrufen}\n")}});
  EXPECT_FALSE(t.set);
  EXPECT_THAT(t.Text(), HasSubstr("token.de.yaml:4:3: error: catalog 'token' has no error 'TOK02' "
                                  "(did you mean 'TOK002'?) [translation-unknown-code]"));
  // A retired code's translation is said to be one.
  t = Load({{"token.yaml", std::string(kCatalog) + "reserved: [TOK001]\n"},
            {"token.de.yaml", German("  TOK001: {message: X.}\n")}});
  EXPECT_THAT(t.Text(),
              HasSubstr("token.de.yaml:4:3: error: error 'TOK001' is retired from catalog "
                        "'token' (reserved); remove its translation [translation-unknown-code]"));
  t = Load({{"token.yaml", kCatalog},
            {"token.de.yaml", German("  TOK02: {message: X.}\n"
                                     "  TOK003: {name: Widerrufen}\n")}});
  // A translation cannot rename: `name` is the catalog's.
  EXPECT_THAT(t.Text(),
              HasSubstr("token.de.yaml:5:12: error: unknown key 'name' in error 'TOK003'"));
  t = Load(
      {{"token.yaml", kCatalog}, {"tokn.de.yaml", "translation: tokn\nlocale: de\nerrors: {}\n"}});
  EXPECT_FALSE(t.set);
  EXPECT_THAT(t.Text(),
              HasSubstr("tokn.de.yaml:1:14: error: no catalog 'tokn' among the files given "
                        "(did you mean 'token'?) [translation-unknown-catalog]"));
  t = Load({{"token.yaml", kCatalog}, {"token.de.yaml", "translation: token\nlocal: de\n"}});
  EXPECT_THAT(t.Text(),
              HasSubstr("token.de.yaml:2:1: error: unknown key 'local' in the translation "
                        "(did you mean 'locale'?) [unknown-key]"));
  EXPECT_THAT(t.Text(), HasSubstr("[missing-key]"));
}

TEST(Translations, OnePerLocaleAndNotIntoTheCatalogsOwn) {
  const std::string all = "  TOK002: {message: \"{0} {1}\"}\n  TOK003: {message: W.}\n";
  testing::Loaded t = Load({{"token.yaml", kCatalog},
                            {"a.de.yaml", German(all)},
                            {"b.de.yaml", German(all)},
                            {"c.en.yaml", German(all, "en")}});
  EXPECT_FALSE(t.set);
  EXPECT_THAT(t.Text(),
              HasSubstr("b.de.yaml:2:9: error: a second de translation of catalog 'token' "
                        "[duplicate-translation]"));
  EXPECT_THAT(t.Text(), HasSubstr("a.de.yaml:2:9: note: the first one"));
  EXPECT_THAT(t.Text(), HasSubstr("c.en.yaml:2:9: error: catalog 'token' is itself written in en"));
  t = Load({{"token.yaml", kCatalog}, {"token.de.yaml", German(all, "xq-DE")}});
  EXPECT_THAT(
      t.Text(),
      HasSubstr("token.de.yaml:2:9: error: locale 'xq-DE': ICU knows no language 'xq' [locale]"));
  t = Load({{"token.yaml", kCatalog}, {"token.de.yaml", German(all, "de_DE")}});
  EXPECT_THAT(t.Text(),
              HasSubstr("token.de.yaml:2:9: error: locale 'de_DE' is not a BCP 47 language "
                        "tag (de, de-AT, pt-BR) [locale]"));
}

TEST(Translations, CheckPrintsCoverageAndWerrorFailsOnAMissingTranslation) {
  testing::TempDir dir;
  dir.Write("token.yaml", kCatalog);
  dir.Write("token.de.yaml", German("  TOK003: {message: Widerrufen.}\n"));
  testing::RunResult r = testing::RunCommand(testing::ErrcatCommand() + " check " +
                                             testing::ShellQuote(dir.path().string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err,
              HasSubstr("warning: 1 of 2 messages of 'token' have no de translation: TOK002"));
  EXPECT_THAT(r.err, HasSubstr("ok: 1 catalog, 2 error codes; translations: de: 1/2 messages"));
  r = testing::RunCommand(testing::ErrcatCommand() + " check --werror " +
                          testing::ShellQuote(dir.path().string()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST(Translations, LocalizeFallsBackAlongTheTagAndKnowsTheCatalogsOwnLanguage) {
  const testing::Loaded t = Load({{"token.yaml", kCatalog},
                                  {"token.de.yaml", German("  TOK003: {summary: Widerrufen}\n")},
                                  {"token.en-GB.yaml",
                                   "translation: token\nlocale: en-GB\nerrors:\n  TOK003: "
                                   "{summary: \"Token revoked, colour me surprised\"}\n"}});
  ASSERT_TRUE(t.set) << t.Text();
  const model::Catalog& c = t.set->catalogs().at(0);
  const model::Error& e = *c.Find("TOK003");
  // de-CH has no translation of its own: de's, and what de leaves out falls back.
  model::LocalizedError l = model::Localize(c, e, "de-CH");
  EXPECT_EQ(l.error.summary, "Widerrufen");
  EXPECT_EQ(l.untranslated, std::vector<std::string>{"message"});
  // en-US reads the catalog's own language: nothing is missing ...
  l = model::Localize(c, e, "en-US");
  EXPECT_EQ(l.error.summary, "Token revoked");
  EXPECT_TRUE(l.untranslated.empty());
  // ... but a variant the catalog is translated into gets its translation.
  l = model::Localize(c, e, "en-GB");
  EXPECT_EQ(l.error.summary, "Token revoked, colour me surprised");
  EXPECT_EQ(l.untranslated, std::vector<std::string>{"message"});
}

TEST(Translations, ExplainShowsTheReadersLanguageAndSaysWhatFallsBack) {
  const std::string catalog = testing::ShellQuote(testing::SourceDir() + "/catalog");
  const auto explain = [&](const std::string& args) {
    return testing::RunCommand(testing::ErrcatCommand() + " explain TOK013 " + catalog +
                               " --color never " + args);
  };
  testing::RunResult r = explain("--lang de");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kein Token mit der angegebenen ID gefunden"));
  EXPECT_THAT(r.out, HasSubstr("Das Token mit der ID '{token_id}' wurde nicht gefunden."));
  // catalog/'s translations give summary and message; the rest falls back, and it says so.
  EXPECT_THAT(
      r.err,
      HasSubstr(
          "note: description, causes, resolution of TOK013 not translated into de; shown in en"));
  EXPECT_EQ(explain("--lang de-AT").out, r.out);  // a region falls back to its language
  EXPECT_THAT(explain("--lang fr").out, HasSubstr("Aucun jeton trouvé avec l'identifiant fourni"));
  r = explain("--lang ja");  // no Japanese translation: all of it in English
  EXPECT_THAT(r.out, HasSubstr("Token not found with the provided ID"));
  EXPECT_THAT(r.err,
              HasSubstr("note: summary, message, description, causes, resolution of TOK013"));
  r = explain("--lang en");
  EXPECT_EQ(r.out, explain("").out);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(explain("--lang de_DE").exit_code, 1);
}

}  // namespace
}  // namespace errcat
