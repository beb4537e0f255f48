// `errcat serve`'s site (serve::LiveSite): after each edit of a catalog the site in memory must
// be byte for byte what `errcat docs --format html` writes for the catalogs as they now are, with
// only the pages whose inputs changed rendered again. The HTTP side (reload, overlay, paths) is
// tested through the real binary in a browser: tests/browser/serve.test.mjs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "backends/backend.h"
#include "backends/base/output.h"
#include "history/history.h"
#include "serve/live_site.h"
#include "serve/server.h"
#include "serve/watcher.h"
#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// What `errcat docs --format html` writes for `dir` (its lock included), in memory.
std::map<std::string, std::string> FullSite(const fs::path& dir) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set = loader::LoadPaths({dir.string()}, {}, sink);
  EXPECT_TRUE(set) << serve::DiagnosticsText(sink);
  if (!set) return {};
  std::optional<model::History> history = history::Load(*set, {{dir.string()}, "", {}, {}}, sink);
  EXPECT_TRUE(history) << serve::DiagnosticsText(sink);
  backends::TemplateSet templates;
  backends::OutputContext out;
  EXPECT_TRUE(backends::MakeHtmlBackend(&*history)->Generate(*set, templates, out, sink));
  return out.files();
}

std::map<std::string, std::string> Served(const serve::LiveSite& site) {
  std::map<std::string, std::string> files;
  for (const auto& [path, text] : *site.files()) files[path] = *text;
  return files;
}

// The paths of two sites that differ (present in one only, or with other bytes).
std::vector<std::string> Differences(const std::map<std::string, std::string>& a,
                                     const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  for (const auto& [path, text] : a)
    if (!b.count(path) || b.at(path) != text) out.push_back(path);
  for (const auto& [path, text] : b)
    if (!a.count(path)) out.push_back(path);
  return out;
}

void Replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = testing::ReadFile(file);
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

class LiveSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(testing::SourceDir() + "/catalog", dir_, fs::copy_options::recursive);
  }
  // Rebuilds the pages, then the data files, as serve does after a save.
  serve::LiveSite::Update Save() {
    serve::LiveSite::Update pages = site_.RebuildPages();
    if (pages.ok) {
      serve::LiveSite::Update search = site_.RebuildData();
      EXPECT_TRUE(search.ok);
      pages.changed.insert(pages.changed.end(), search.changed.begin(), search.changed.end());
    }
    return pages;
  }
  void ExpectLikeFullBuild() {
    EXPECT_EQ(Differences(Served(site_), FullSite(dir_)), std::vector<std::string>{});
  }
  std::vector<std::string> ChangedPages(const serve::LiveSite::Update& u) {
    std::vector<std::string> pages;
    for (const std::string& p : u.changed)
      if (p.size() > 5 && p.substr(p.size() - 5) == ".html") pages.push_back(p);
    return pages;
  }

  testing::TempDir tmp_;
  fs::path dir_ = tmp_.path() / "catalog";
  serve::LiveSite site_{serve::SiteOptions{{dir_.string()}, "", "", {}}};
};

TEST_F(LiveSiteTest, FirstBuildIsTheSiteDocsWrites) {
  const serve::LiveSite::Update u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_EQ(site_.diagnostics(), "");
  EXPECT_GT(site_.files()->size(), 100u);
  ExpectLikeFullBuild();
}

TEST_F(LiveSiteTest, AnEditRendersOnlyThePagesItChanges) {
  ASSERT_TRUE(Save().ok);
  // TOK001's summary: its page, TOK009's (whose see_also links to it and shows the summary),
  // the token list pages that show it, and nothing of the other catalogs.
  Replace(dir_ / "token.yaml", "summary: Refresh token is expired, revoked, or malformed",
          "summary: Refresh token is expired or revoked");
  serve::LiveSite::Update u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_THAT(ChangedPages(u),
              ElementsAre("TOK001.html", "TOK009.html", "catalog/token.html", "index.html"));
  EXPECT_THAT(u.changed, Contains("errors.json"));
  ExpectLikeFullBuild();

  // A text only the German tree shows.
  Replace(dir_ / "token.de.yaml", "summary: Fehler beim Exportieren des Tokens",
          "summary: Fehler beim Export des Tokens");
  u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_THAT(ChangedPages(u), Contains("de/TOK003.html"));
  EXPECT_THAT(ChangedPages(u), Not(Contains("TOK003.html")));
  EXPECT_THAT(ChangedPages(u), Not(Contains("fr/TOK003.html")));
  ExpectLikeFullBuild();

  // Saved again unchanged: nothing to render, nothing changed.
  std::ofstream(dir_ / "token.yaml", std::ios::app) << "\n";
  u = Save();
  EXPECT_TRUE(u.ok);
  EXPECT_EQ(u.changed, std::vector<std::string>{});
}

TEST_F(LiveSiteTest, AStoppedDataStepLeavesTheDataFilesAsTheyWere) {
  ASSERT_TRUE(Save().ok);
  Replace(dir_ / "token.yaml", "summary: Refresh token is expired, revoked, or malformed",
          "summary: Refresh token is expired or revoked");
  ASSERT_TRUE(site_.RebuildPages().ok);
  const std::shared_ptr<const serve::SiteFiles> pages = site_.files();
  EXPECT_THAT(*pages->at("errors.json"), HasSubstr("expired, revoked, or malformed"));
  // Stopped at each of the step's questions in turn: nothing of it is swapped in.
  int questions = 0;
  for (int stop_at = 1;; ++stop_at) {
    int asked = 0;
    const serve::LiveSite::Update u = site_.RebuildData([&] { return ++asked == stop_at; });
    if (u.ok) {
      questions = asked;
      break;
    }
    EXPECT_EQ(asked, stop_at);
    EXPECT_EQ(site_.files(), pages) << "stopped at question " << stop_at;
  }
  EXPECT_GE(questions, 5);  // after the search records, in the postings, before errors.json ...
  EXPECT_THAT(*site_.files()->at("errors.json"), HasSubstr("expired or revoked"));
  ExpectLikeFullBuild();
}

TEST_F(LiveSiteTest, ALinkedSummaryRendersTheLinkingPages) {
  ASSERT_TRUE(Save().ok);
  // TOK003 links to TOK002 (see_also): TOK002's new summary is on TOK003's page.
  Replace(dir_ / "token.yaml", "summary: Token was not found or has expired",
          "summary: Download token was not found or has expired");
  const serve::LiveSite::Update u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_THAT(ChangedPages(u), Contains("TOK002.html"));
  EXPECT_THAT(ChangedPages(u), Contains("TOK003.html"));
  ExpectLikeFullBuild();
}

TEST_F(LiveSiteTest, ErrorsAddedAndRemovedAndTombstones) {
  ASSERT_EQ(
      testing::RunCommand(testing::ErrcatCommand() + " lock " + testing::ShellQuote(dir_.string()))
          .exit_code,
      0);
  ASSERT_TRUE(Save().ok);
  ExpectLikeFullBuild();
  // TOK003 goes, with what names it: the lock keeps it, so it gets a tombstone at its address.
  auto erase_block = [&](const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = testing::ReadFile(file);
    const size_t a = text.find(from), b = text.find(to);
    ASSERT_TRUE(a != std::string::npos && b != std::string::npos) << file;
    text.erase(a, b - a);
    std::ofstream(file, std::ios::binary) << text;
  };
  erase_block(dir_ / "token.yaml", "  - code: TOK003\n", "  - code: TOK004\n");
  erase_block(dir_ / "token.de.yaml", "  TOK003:\n", "  TOK004:\n");
  erase_block(dir_ / "token.fr.yaml", "  TOK003:\n", "  TOK004:\n");
  Replace(dir_ / "token.yaml", "see_also: [TOK003, TOK013]", "see_also: [TOK013]");
  serve::LiveSite::Update u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_THAT(testing::ReadFile(dir_ / "errcat.lock"), HasSubstr("TOK003"));
  EXPECT_THAT(Served(site_).at("TOK003.html"), HasSubstr("retired"));
  EXPECT_THAT(u.changed, Contains("de/TOK003.html"));  // gone from the German tree
  EXPECT_FALSE(site_.files()->count("de/TOK003.html"));
  ExpectLikeFullBuild();
  // And a new error.
  Replace(dir_ / "token.yaml", "errors:\n",
          "errors:\n  - code: TOK099\n    name: TokenBrandNew\n    summary: A new token error\n"
          "    message: A new token error occurred.\n    description: Added while serving.\n"
          "    causes: [Something new.]\n    resolution: [Do something new.]\n\n");
  u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_THAT(u.changed, Contains("TOK099.html"));
  ExpectLikeFullBuild();
}

TEST_F(LiveSiteTest, ABrokenSaveKeepsTheLastGoodSiteAndSaysWhy) {
  ASSERT_TRUE(Save().ok);
  const std::shared_ptr<const serve::SiteFiles> good = site_.files();
  Replace(dir_ / "token.yaml", "    see_also: [TOK009]\n", "    see_also: [TOK909]\n");
  serve::LiveSite::Update u = Save();
  EXPECT_FALSE(u.ok);
  EXPECT_EQ(u.changed, std::vector<std::string>{""});  // only the overlay's state
  EXPECT_EQ(site_.files(), good);
  const std::string diagnostics = site_.diagnostics();
  EXPECT_THAT(diagnostics, HasSubstr((dir_ / "token.yaml").string() + ":28:"));
  EXPECT_THAT(diagnostics, HasSubstr(": error: see_also names unknown code 'TOK909'"));
  EXPECT_THAT(diagnostics, HasSubstr("[unknown-reference]"));
  // The same text as `errcat check`.
  const testing::RunResult check = testing::RunCommand(
      testing::ErrcatCommand() + " check --color never " + testing::ShellQuote(dir_.string()));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(diagnostics, check.err);

  // Broken YAML too.
  Replace(dir_ / "token.yaml", "    see_also: [TOK909]\n", "    see_also: [TOK909\n");
  u = Save();
  EXPECT_FALSE(u.ok);
  EXPECT_THAT(site_.diagnostics(), HasSubstr((dir_ / "token.yaml").string() + ":"));
  EXPECT_EQ(site_.files(), good);

  Replace(dir_ / "token.yaml", "    see_also: [TOK909\n", "    see_also: [TOK009]\n");
  u = Save();
  ASSERT_TRUE(u.ok);
  EXPECT_EQ(site_.diagnostics(), "");
  EXPECT_EQ(u.changed,
            std::vector<std::string>{""});  // the site is as it was: only the overlay goes
  ExpectLikeFullBuild();
}

TEST_F(LiveSiteTest, ASaveBackToTheLastGoodTextAfterABrokenOneLoadsIt) {
  ASSERT_TRUE(Save().ok);
  const std::string good = testing::ReadFile(dir_ / "token.yaml");
  Replace(dir_ / "token.yaml", "    see_also: [TOK009]\n", "    see_also: [TOK009\n");
  EXPECT_FALSE(Save().ok);
  EXPECT_THAT(site_.diagnostics(), HasSubstr("[yaml-syntax]"));
  // The very bytes the last good load parsed: loaded again, not taken as a touch of the broken file.
  std::ofstream(dir_ / "token.yaml", std::ios::binary) << good;
  const serve::LiveSite::Update u = Save();
  ASSERT_TRUE(u.ok) << site_.diagnostics();
  EXPECT_EQ(site_.diagnostics(), "");
  ExpectLikeFullBuild();
}

// What stops the data step: a save seen without waiting, which the next Wait() then returns.
TEST(FolderWatcher, ChangedSeesASaveAtOnceAndWaitReturnsIt) {
  testing::TempDir tmp;
  serve::FolderWatcher watcher;
  ASSERT_TRUE(watcher.ok());
  watcher.Watch({tmp.path().string()});
  EXPECT_FALSE(watcher.Changed());
  tmp.Write("notes.txt", "not a catalog");
  EXPECT_FALSE(watcher.Changed());
  tmp.Write("token.yaml", "catalog: token\n");
  EXPECT_TRUE(watcher.Changed());
  EXPECT_TRUE(watcher.Changed());  // still pending until Wait() takes it
  EXPECT_TRUE(watcher.Wait(std::chrono::milliseconds(10)));
  EXPECT_FALSE(watcher.Changed());
  watcher.Stop();
  EXPECT_TRUE(watcher.Changed());  // a stopped watcher stops the data step too
  EXPECT_FALSE(watcher.Wait(std::chrono::milliseconds(10)));
}

TEST(ServePaths, OnlySitePathsNameAFile) {
  EXPECT_EQ(serve::SitePath("/"), "index.html");
  EXPECT_EQ(serve::SitePath("/de/"), "de/index.html");
  EXPECT_EQ(serve::SitePath("/TOK001.html"), "TOK001.html");
  EXPECT_EQ(serve::SitePath("/search/t0.js"), "search/t0.js");
  for (const char* bad : {"/../etc/passwd", "/assets/../../x", "/..", "/./index.html", "//etc/x",
                          "/a\\..\\b", "relative.html", ""})
    EXPECT_EQ(serve::SitePath(bad), "") << bad;
  EXPECT_EQ(serve::SitePath(std::string("/a\0b", 4)), "");
}

}  // namespace
}  // namespace errcat
