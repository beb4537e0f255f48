// `errcat docs`: goldens for catalog/, a link check over the whole site, and a catalog that
// tries to inject HTML, script and template syntax.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat() { return ShellQuote(testing::ErrcatBinary()); }
std::string Src() { return ShellQuote(testing::SourceDir()); }

TEST(Docs, MarkdownGoldenIsCurrent) {
  auto r =
      RunCommand("cd " + Src() + " && " + Errcat() +
                 " docs --check --source-root . --format markdown -o generated/markdown catalog/");
  EXPECT_EQ(r.exit_code, 0) << r.err << "\nrefresh with: make goldens (then review git diff)";
}

TEST(Docs, HtmlGoldenIsCurrent) {
  auto r = RunCommand("cd " + Src() + " && " + Errcat() +
                      " docs --check --source-root . --format html -o tests/goldens/html catalog/");
  EXPECT_EQ(r.exit_code, 0) << r.err << "\nrefresh with: make goldens (then review git diff)";
}

TEST(Docs, MarkdownShowsEverySeedField) {
  const std::string md = testing::ReadFile(testing::SourceDir() + "/generated/markdown/open_finance.md");
  EXPECT_THAT(md, HasSubstr("<a id=\"947\"></a>\n## 947: InvalidOrExpiredToken"));
  EXPECT_THAT(md, HasSubstr("| HTTP status | 500 |"));
  EXPECT_THAT(md, HasSubstr("| **Remediation Category** | Data Connect Fix |"));
  EXPECT_THAT(md, HasSubstr("[Customer Authorization Details"));
  const std::string token = testing::ReadFile(testing::SourceDir() + "/generated/markdown/token.md");
  EXPECT_THAT(token, HasSubstr("cannot be more than `{max_hours: int}` hours"));
  EXPECT_THAT(token, HasSubstr("1. Set the token expiry date within the allowed time range"));
  EXPECT_THAT(token, HasSubstr("| `max_hours` | int |"));
}

TEST(Docs, EveryInternalLinkAndAnchorResolves) {
  testing::TempDir tmp;
  const fs::path site = tmp.path() / "site";
  ASSERT_EQ(RunCommand(Errcat() + " docs --format html -o " + ShellQuote(site.string()) + " " + Src() + "/catalog").exit_code, 0);
  const testing::LinkCheck links = testing::CheckSiteLinks(site);
  EXPECT_EQ(links.problems, std::vector<std::string>{});
  EXPECT_GE(links.pages, 26 + 4 + 2);
  EXPECT_GT(links.checked, 300);  // 369 links in the catalog/ site today
}

TEST(Docs, SiteHasItsFilesAndNoExternalRequests) {
  testing::TempDir tmp;
  const fs::path site = tmp.path() / "site";
  ASSERT_EQ(RunCommand(Errcat() + " docs --format html -o " + ShellQuote(site.string()) + " " + Src() + "/catalog").exit_code, 0);
  for (const char* file :
       {"index.html", "404.html", "sitemap.xml", "search/manifest.js", "search/t0.js",
        "search/fuzzy.js", "search/f0.js", "search/d0.js", "search/s0.js", "errors.json",
        "assets/errcat.css", "assets/errcat.js", "TOK005.html", "947.html", "catalog/token.html"})
    EXPECT_TRUE(fs::exists(site / file)) << file;
  const std::string sitemap = testing::ReadFile(site / "sitemap.xml");
  EXPECT_THAT(sitemap, HasSubstr("<loc>https://developer.mastercard.com/open-finance-au/documentation/errors/accounterrors/invalidtoken/947-2024/index.md#947</loc>"));
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (entry.path().extension() != ".html") continue;
    const std::string html = testing::ReadFile(entry.path());
    // Scripts and styles only from the site itself.
    EXPECT_THAT(html, Not(::testing::ContainsRegex(R"re(<(script|link|img)[^>]+(src|href)="https?:)re"))) << entry.path();
  }
  // Every filter the catalogs give choices for: data_source_login.yaml has tags.
  const std::string index = testing::ReadFile(site / "index.html");
  for (const char* filter : {"catalog", "severity", "status", "tag"})
    EXPECT_THAT(index, HasSubstr("<select id=\"filter-" + std::string(filter) + "\"")) << filter;
  EXPECT_THAT(index,
              ::testing::ContainsRegex("<option value=\"facebook-ads\" data-set=\"s[0-9]+\">"));
  const std::string tok005 = testing::ReadFile(site / "TOK005.html");
  EXPECT_THAT(tok005, HasSubstr("<code>{max_hours: int}</code>"));
  EXPECT_THAT(tok005, HasSubstr("<a class=\"skip-link\" href=\"#main\">"));
  EXPECT_THAT(tok005, HasSubstr("<main id=\"main\""));
  EXPECT_THAT(tok005, HasSubstr("<label for=\"search-input\""));
}

TEST(Docs, SiteHasATreePerLocaleWithSwitcherAndHreflang) {
  testing::TempDir tmp;
  const fs::path site = tmp.path() / "site";
  ASSERT_EQ(RunCommand(Errcat() + " docs --format html -o " + ShellQuote(site.string()) + " " +
                       Src() + "/catalog")
                .exit_code,
            0);
  for (const char* file : {"de/index.html", "de/TOK002.html", "de/catalog/token.html",
                           "de/search/manifest.js", "fr/TOK002.html", "fr/947.html"})
    EXPECT_TRUE(fs::exists(site / file)) << file;
  // Only the root tree has the downloads and the sitemap; the assets are shared.
  for (const char* file : {"de/errors.json", "de/sitemap.xml", "de/assets", "de/404.html"})
    EXPECT_FALSE(fs::exists(site / file)) << file;

  const std::string de = testing::ReadFile(site / "de/TOK002.html");
  EXPECT_THAT(de, HasSubstr("<html lang=\"de\">"));
  EXPECT_THAT(de,
              HasSubstr("<p class=\"summary\">Token wurde nicht gefunden oder ist abgelaufen</p>"));
  EXPECT_THAT(de, HasSubstr("ist nach <code>{expiry_minutes: int}</code> Minuten abgelaufen"));
  EXPECT_THAT(de, HasSubstr("<link rel=\"alternate\" hreflang=\"en\" href=\"../TOK002.html\">"));
  EXPECT_THAT(de, HasSubstr("<link rel=\"alternate\" hreflang=\"fr\" href=\"../fr/TOK002.html\">"));
  EXPECT_THAT(de, HasSubstr("<a href=\"../de/TOK002.html\" hreflang=\"de\" lang=\"de\" "
                            "aria-current=\"true\">de</a>"));
  EXPECT_THAT(de, HasSubstr("<link rel=\"stylesheet\" href=\"../assets/errcat.css\">"));
  EXPECT_THAT(de, HasSubstr("<script src=\"../assets/errcat.js\" data-root=\"\"></script>"));
  // The German translation has summaries and messages only: the rest is marked.
  EXPECT_THAT(
      de, HasSubstr("<strong>Not translated</strong> into de: description, causes, resolution"));
  // A catalog without a German translation: its pages are in its own language, all marked.
  const std::string de947 = testing::ReadFile(site / "de/947.html");
  EXPECT_THAT(de947, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(de947, HasSubstr("into de: summary, message"));
  // The root tree: its own language, the switcher, no mark.
  const std::string en = testing::ReadFile(site / "TOK002.html");
  EXPECT_THAT(en, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(
      en, HasSubstr(
              "<a href=\"TOK002.html\" hreflang=\"en\" lang=\"en\" aria-current=\"true\">en</a>"));
  EXPECT_THAT(en, HasSubstr("<a href=\"de/TOK002.html\" hreflang=\"de\" lang=\"de\">de</a>"));
  EXPECT_THAT(en, Not(HasSubstr("Not translated")));
  const std::string catalog_page = testing::ReadFile(site / "de/catalog/token.html");
  EXPECT_THAT(
      catalog_page,
      HasSubstr("<link rel=\"alternate\" hreflang=\"fr\" href=\"../../fr/catalog/token.html\">"));
  // Search data per language, in that language: its records and its words.
  auto search_files = [&](const char* tree, char kind) {
    std::string text;
    for (const auto& entry : fs::directory_iterator(site / tree / "search"))
      if (entry.path().filename().string()[0] == kind) text += testing::ReadFile(entry.path());
    return text;
  };
  EXPECT_THAT(search_files("de", 'd'), HasSubstr("Token wurde nicht gefunden oder ist abgelaufen"));
  EXPECT_THAT(search_files(".", 'd'), Not(HasSubstr("Token wurde nicht gefunden")));
  const std::string de_terms = search_files("de", 't');
  EXPECT_THAT(de_terms, HasSubstr("[\"abgelaufen\",["));
  // Pages that exist only at the root have no switcher.
  EXPECT_THAT(testing::ReadFile(site / "404.html"), Not(HasSubstr("hreflang")));
}

TEST(Docs, MarkdownHasATreePerLocale) {
  const std::string de =
      testing::ReadFile(testing::SourceDir() + "/generated/markdown/de/token.md");
  EXPECT_THAT(de, HasSubstr("**Token wurde nicht gefunden oder ist abgelaufen**"));
  EXPECT_THAT(de, HasSubstr("> *Not translated into de: description, causes, resolution, shown in "
                            "the catalog's language.*"));
  EXPECT_THAT(testing::ReadFile(testing::SourceDir() + "/generated/markdown/fr/index.md"),
              HasSubstr("Jeton introuvable ou expiré"));
  EXPECT_THAT(testing::ReadFile(testing::SourceDir() + "/generated/markdown/token.md"),
              Not(HasSubstr("Not translated")));
}

TEST(Docs, CatalogTextCannotInjectHtmlScriptOrTemplates) {
  testing::TempDir tmp;
  const fs::path site = tmp.path() / "site";
  auto r = RunCommand(Errcat() + " docs --format html -o " + ShellQuote(site.string()) + " " + Src() + "/tests/data/hostile/injection.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string all;
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (entry.path().extension() != ".html") continue;
    const std::string html = testing::ReadFile(entry.path());
    all += html;
    // The only <script> elements are errcat's own two.
    static const std::regex script_re("<script");
    EXPECT_EQ(std::distance(std::sregex_iterator(html.begin(), html.end(), script_re),
                            std::sregex_iterator()),
              2)
        << entry.path();
    EXPECT_THAT(html, Not(HasSubstr("<img"))) << entry.path();
    EXPECT_THAT(html, Not(HasSubstr("<svg"))) << entry.path();
    EXPECT_THAT(html, Not(HasSubstr("<iframe"))) << entry.path();
    EXPECT_THAT(html, Not(HasSubstr("<b onmouseover"))) << entry.path();
    EXPECT_THAT(html, Not(::testing::ContainsRegex("href=\"(javascript|data):"))) << entry.path();
  }
  // Visible as text.
  EXPECT_THAT(all, HasSubstr("&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;"));
  EXPECT_THAT(all, HasSubstr("&lt;svg onload=alert('cause')&gt;"));
  EXPECT_THAT(all, HasSubstr("&lt;script&gt;alert(&quot;description&quot;)&lt;/script&gt;"));
  EXPECT_THAT(all, HasSubstr("{{mustache}} and {{{triple}}}"));
  EXPECT_THAT(all, HasSubstr("Summary &lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt; {{summary}}"));
  // The search data and the JSON download cannot close a <script> element either.
  EXPECT_THAT(testing::ReadFile(site / "errors.json"), Not(HasSubstr("<")));
  size_t search_files = 0;
  for (const auto& entry : fs::directory_iterator(site / "search")) {
    EXPECT_THAT(testing::ReadFile(entry.path()), Not(HasSubstr("<"))) << entry.path();
    ++search_files;
  }
  EXPECT_GT(search_files, 4u);
}

TEST(Docs, EditLinkWhenTheCatalogNamesWhereToEditIt) {
  testing::TempDir tmp;
  const auto with = tmp.Write("with.yaml",
                              "catalog: w\ntitle: W\ndocs: {edit_url: \"https://git.example.com/edit/main/w.yaml\"}\n"
                              "errors:\n  - {code: W1, name: A, summary: S, message: M.}\n");
  const auto without = tmp.Write("without.yaml", "catalog: n\ntitle: N\nerrors:\n  - {code: N1, name: A, summary: S, message: M.}\n");
  ASSERT_EQ(RunCommand(Errcat() + " docs --format html -o " + ShellQuote((tmp.path() / "site").string()) + " " +
                       ShellQuote(with.string()) + " " + ShellQuote(without.string())).exit_code, 0);
  const std::string link = "<a href=\"https://git.example.com/edit/main/w.yaml\">Edit this page</a>";
  EXPECT_THAT(testing::ReadFile(tmp.path() / "site" / "W1.html"), HasSubstr(link));
  EXPECT_THAT(testing::ReadFile(tmp.path() / "site" / "catalog" / "w.html"), HasSubstr(link));
  EXPECT_THAT(testing::ReadFile(tmp.path() / "site" / "N1.html"), Not(HasSubstr("Edit this page")));
}

TEST(Docs, ReservedAndCaseCollidingCodesAreRejected) {
  testing::TempDir tmp;
  auto file = tmp.Write("c.yaml",
                        "catalog: c\ntitle: C\nerrors:\n  - {code: index, value: 1, name: A, summary: S, message: M.}\n"
                        "  - {code: E2, name: B, summary: S, message: M.}\n  - {code: e2, value: 3, name: C, summary: S, message: M.}\n");
  auto r = RunCommand(Errcat() + " docs --format html -o " + ShellQuote((tmp.path() / "site").string()) + " " + ShellQuote(file.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("c.yaml:4:12: error: code 'index' takes a name the HTML site uses "
                               "for its own index.html [code-unsafe]"));
  EXPECT_THAT(r.err, HasSubstr("c.yaml:6:12: error: codes 'e2' and 'E2' differ only in case"));
  EXPECT_FALSE(fs::exists(tmp.path() / "site"));
  // A catalog `generate --html` rejects is one `check` rejects: the rules are the loader's.
  auto check = RunCommand(Errcat() + " check " + ShellQuote(file.string()));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_THAT(check.err,
              HasSubstr("c.yaml:4:12: error: code 'index' takes a name the HTML site uses"));
  EXPECT_THAT(check.err, HasSubstr("c.yaml:6:12: error: codes 'e2' and 'E2' differ only in case"));
}

}  // namespace
}  // namespace errcat
