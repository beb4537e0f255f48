// `errcat po export/import` through the binary: the PO file gettext's msgfmt --check accepts, a
// round trip that changes nothing, an import that keeps what it does not touch, and every
// problem of a broken PO file at its line, with nothing written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat() { return ShellQuote(testing::ErrcatBinary()); }

// A copy of catalog/ to change.
struct Catalogs {
  testing::TempDir tmp;
  fs::path dir = tmp.path() / "catalog";
  Catalogs() { fs::copy(testing::SourceDir() + "/catalog", dir); }
  std::string Run(const std::string& args, int* exit_code = nullptr) const {
    auto r = RunCommand("cd " + ShellQuote(dir.string()) + " && " + Errcat() + " " + args);
    if (exit_code) *exit_code = r.exit_code;
    return r.out + r.err;
  }
};

TEST(Po, ExportIsAPoFileMsgfmtAccepts) {
  Catalogs c;
  int rc = 0;
  c.Run("po export --locale de --catalog token . -o token.de.po", &rc);
  ASSERT_EQ(rc, 0);
  const std::string po = testing::ReadFile(c.dir / "token.de.po");
  EXPECT_THAT(po, HasSubstr("\"Language: de\\n\"\n"));
  EXPECT_THAT(po, HasSubstr("\"X-Errcat-Catalog: token\\n\"\n"));
  EXPECT_THAT(
      po, HasSubstr("#. TOK002 DownloadTokenNotFound\n"
                    "#. {0} expiry_minutes: int - Minutes after which a download token expires.\n"
                    "#: token.yaml:33\n"
                    "#, errcat-format\n"
                    "msgctxt \"TOK002 message\"\n"));
  EXPECT_THAT(po, HasSubstr("msgstr \"Token wurde nicht gefunden oder ist abgelaufen\""));
  EXPECT_THAT(po, HasSubstr("msgctxt \"TOK002 causes 2\"\nmsgid \"The token has exceeded its "
                            "expiration window.\"\nmsgstr \"\""));
  // gettext's own check: syntax, header, format. It only notes the two header fields a
  // translator's tool fills in on save.
  auto check =
      RunCommand("msgfmt --check -o /dev/null " + ShellQuote((c.dir / "token.de.po").string()));
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_THAT(check.err, Not(HasSubstr("error")));
  for (std::string_view line : {"PO-Revision-Date", "Last-Translator"})
    EXPECT_THAT(check.err, HasSubstr(line));
  // Several catalogs need --catalog; the catalog's own language is not a translation.
  EXPECT_THAT(c.Run("po export --locale de .", &rc),
              HasSubstr("name one with --catalog [po-catalog]"));
  EXPECT_EQ(rc, 1);
  EXPECT_THAT(c.Run("po export --locale en --catalog token .", &rc), HasSubstr("is written in en"));
  EXPECT_THAT(c.Run("po export --locale de --catalog tokn .", &rc),
              HasSubstr("did you mean 'token'"));
}

TEST(Po, RoundTripChangesNothing) {
  Catalogs c;
  int rc = 0;
  c.Run("po export --locale fr --catalog token . -o fr.po", &rc);
  ASSERT_EQ(rc, 0);
  const std::string before = testing::ReadFile(c.dir / "token.fr.yaml");
  EXPECT_THAT(c.Run("po import fr.po .", &rc), HasSubstr("wrote ./token.fr.yaml"));
  ASSERT_EQ(rc, 0);
  // The same texts: the file exports to the same PO file again, and still loads.
  c.Run("po export --locale fr --catalog token . -o again.po", &rc);
  EXPECT_EQ(testing::ReadFile(c.dir / "again.po"), testing::ReadFile(c.dir / "fr.po"));
  EXPECT_THAT(c.Run("check .", &rc), HasSubstr("fr: 13/13 messages"));
  EXPECT_EQ(rc, 0);
  // Its opening comment is kept.
  const std::string after = testing::ReadFile(c.dir / "token.fr.yaml");
  EXPECT_EQ(after.substr(0, after.find("translation:")),
            before.substr(0, before.find("translation:")));
}

TEST(Po, ImportKeepsWhatItDoesNotTouch) {
  Catalogs c;
  // TOK005's description (its source changed since the export) and causes are translated
  // here; its summary is fuzzy, so not taken.
  const std::string body =
      "\n#, fuzzy\nmsgctxt \"TOK005 summary\"\nmsgid \"Token expiry date exceeds the allowed "
      "limit\"\n"
      "msgstr \"Unsicher\"\n\n"
      "msgctxt \"TOK005 description\"\nmsgid \"An older description.\"\n"
      "msgstr \"\"\n\"Das Ablaufdatum liegt zu weit\\n\"\n\"in der Zukunft.\"\n\n"
      "msgctxt \"TOK005 causes 1\"\n"
      "msgid \"The expiry date was set too far in the future beyond the system-allowed limit.\"\n"
      "msgstr \"Das Ablaufdatum überschreitet die Grenze.\"\n";
  const auto po = [&](const char* language) {
    return std::string("msgid \"\"\nmsgstr \"\"\n\"Language: ") + language +
           "\\n\"\n\"X-Errcat-Catalog: token\\n\"\n" + body;
  };
  // A new locale: the file beside the catalog, gettext's de_AT as BCP 47's de-AT.
  c.tmp.Write("catalog/de_AT.po", po("de_AT"));
  int rc = 0;
  const std::string out = c.Run("po import de_AT.po .", &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_THAT(out, HasSubstr("de_AT.po:11:1: warning: TOK005 description: the source text changed "
                             "since the file was exported; the translation may say what the old "
                             "one said [translation-stale]"));
  const std::string yaml = testing::ReadFile(c.dir / "token.de-AT.yaml");
  EXPECT_THAT(yaml, HasSubstr("locale: de-AT\n"));
  EXPECT_THAT(
      yaml,
      HasSubstr("  TOK005:\n    description: \"Das Ablaufdatum liegt zu weit\\nin der Zukunft.\"\n"
                "    causes:\n      - \"Das Ablaufdatum überschreitet die Grenze.\"\n"));
  EXPECT_THAT(yaml, Not(HasSubstr("Unsicher")));  // fuzzy: not imported
  // Into the existing German file: its texts and its opening comment stay, the new ones join.
  c.tmp.Write("catalog/de.po", po("de"));
  c.Run("po import de.po .", &rc);
  ASSERT_EQ(rc, 0);
  const std::string de = testing::ReadFile(c.dir / "token.de.yaml");
  EXPECT_THAT(de, ::testing::StartsWith(
                      "# yaml-language-server: $schema=../docs/translation.schema.json\n"));
  EXPECT_THAT(de, HasSubstr("summary: \"Token wurde nicht gefunden oder ist abgelaufen\""));
  EXPECT_THAT(de,
              HasSubstr("summary: \"Ablaufdatum des Tokens überschreitet die zulässige Grenze\""));
  EXPECT_THAT(de, HasSubstr("description: \"Das Ablaufdatum liegt zu weit\\nin der Zukunft.\""));
  const std::string explained = c.Run("explain TOK005 . --lang de", &rc);
  EXPECT_THAT(explained, HasSubstr("Das Ablaufdatum überschreitet die Grenze."));
  EXPECT_THAT(explained, HasSubstr("note: resolution of TOK005 not translated into de"));
}

TEST(Po, BrokenFilesSayWhereAndWriteNothing) {
  Catalogs c;
  const std::string head =
      "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"X-Errcat-Catalog: token\\n\"\n\n";  // 5
                                                                                           // lines
  const struct {
    const char* name;
    std::string body;
    const char* says;
  } cases[] = {
      {"placeholders", "msgctxt \"TOK013 message\"\nmsgid \"m\"\nmsgstr \"Kein Token.\"\n",
       "bad.po:8:1: error: the de message of TOK013 does not show exactly the source's "
       "placeholders"},
      {"plural",
       "msgctxt \"TOK002 message\"\nmsgid \"m\"\nmsgstr \"nach {0, plural, other {# Minuten}}\"\n",
       "bad.po:8:1: error: the de message of TOK002 has a plural on expiry_minutes without 'one'"},
      {"code", "msgctxt \"TOK099 summary\"\nmsgid \"m\"\nmsgstr \"x\"\n",
       "bad.po:6:1: error: catalog 'token' has no error 'TOK099' (did you mean 'TOK009'?) "
       "[translation-unknown-code]"},
      {"key", "msgctxt \"TOK001 title\"\nmsgid \"m\"\nmsgstr \"x\"\n",
       "bad.po:6:1: error: msgctxt 'TOK001 title' names no text"},
      {"gettext plural",
       "msgctxt \"TOK001 summary\"\nmsgid \"m\"\nmsgid_plural \"ms\"\nmsgstr[0] \"x\"\n",
       "bad.po:8:1: error: gettext plural forms are not used"},
      {"escape", "msgctxt \"TOK001 summary\"\nmsgid \"m\\q\"\nmsgstr \"x\"\n",
       "bad.po:7:1: error: unknown escape \\q"},
      {"item", "msgctxt \"TOK001 causes 9\"\nmsgid \"m\"\nmsgstr \"x\"\n",
       "bad.po:6:1: error: TOK001 has no causes item 9"},
  };
  const std::string before = testing::ReadFile(c.dir / "token.de.yaml");
  for (const auto& k : cases) {
    c.tmp.Write("catalog/bad.po", head + k.body);
    int rc = 0;
    EXPECT_THAT(c.Run("po import bad.po .", &rc), HasSubstr(k.says)) << k.name;
    EXPECT_EQ(rc, 1) << k.name;
    EXPECT_EQ(testing::ReadFile(c.dir / "token.de.yaml"), before) << k.name;
  }
  c.tmp.Write("catalog/bad.po", "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n");
  int rc = 0;
  EXPECT_THAT(c.Run("po import bad.po .", &rc),
              HasSubstr("the header names no catalog (X-Errcat-Catalog: ID)"));
  EXPECT_EQ(rc, 1);
}

}  // namespace
}  // namespace errcat
