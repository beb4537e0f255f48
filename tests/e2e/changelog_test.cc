// `errcat changelog` over a realistic three-release history of catalog/ in a real git
// repository (tags v1.0, v1.1, v1.2; the later token.yaml files are in tests/data/changelog/),
// each release locked with `errcat lock --version`, and the site that shows that history.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCommand;
using testing::ShellQuote;

class Changelog : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string git =
        "git -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false ";
    const fs::path src = testing::SourceDir();
    fs::create_directories(tmp_.path() / "catalog");
    // The catalogs only: the releases below are of token.yaml alone, and its translations
    // follow the newest.
    for (const auto& entry : fs::directory_iterator(src / "catalog"))
      if (testing::ReadFile(entry.path()).find("\ntranslation: ") == std::string::npos)
        fs::copy_file(entry.path(), tmp_.path() / "catalog" / entry.path().filename());
    ASSERT_EQ(Sh("git init -q ."), 0);
    ASSERT_EQ(Errcat("lock --version 1.0 catalog").exit_code, 0);
    ASSERT_EQ(Sh("git add -A && " + git + "commit -qm 1.0 && git tag v1.0"), 0);
    for (const std::string release : {"v1.1", "v1.2"}) {
      fs::copy_file(src / "tests/data/changelog" / release / "token.yaml",
                    tmp_.path() / "catalog/token.yaml", fs::copy_options::overwrite_existing);
      ASSERT_EQ(Errcat("lock --version " + release.substr(1) + " catalog").exit_code, 0);
      ASSERT_EQ(Sh("git add -A && " + git + "commit -qm " + release + " && git tag " + release), 0);
    }
  }
  int Sh(const std::string& command) {
    return RunCommand("cd " + ShellQuote(tmp_.path().string()) + " && " + command).exit_code;
  }
  testing::RunResult Errcat(const std::string& args) {
    return RunCommand("cd " + ShellQuote(tmp_.path().string()) + " && " + testing::ErrcatCommand() +
                      " " + args);
  }
  testing::TempDir tmp_;
};

TEST_F(Changelog, ThreeReleasesGolden) {
  auto r = Errcat("changelog git:v1.0:catalog git:v1.2:catalog");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      testing::CompareGolden(testing::SourceDir() + "/tests/data/changelog/v1.0-v1.2.md", r.out),
      "");
  auto html = Errcat("changelog --format html-fragment git:v1.0:catalog git:v1.2:catalog");
  EXPECT_EQ(testing::CompareGolden(testing::SourceDir() + "/tests/data/changelog/v1.0-v1.2.html",
                                   html.out),
            "");
}

TEST_F(Changelog, EachReleaseSaysWhatAClientSees) {
  const auto first = nlohmann::json::parse(
      Errcat("changelog --format json git:v1.0:catalog git:v1.1:catalog").out);
  EXPECT_EQ(first["format"], "errcat-changelog/1");
  ASSERT_EQ(first["added"].size(), 1u);
  EXPECT_EQ(first["added"][0]["code"], "TOK014");
  ASSERT_EQ(first["deprecated"].size(), 1u);
  EXPECT_EQ(first["deprecated"][0]["code"], "TOK001");
  EXPECT_EQ(first["deprecated"][0]["replaced_by"], "TOK009");
  EXPECT_TRUE(first["retired"].empty());
  EXPECT_TRUE(first["changed"].empty());

  const auto second = nlohmann::json::parse(
      Errcat("changelog --format json git:v1.1:catalog git:v1.2:catalog").out);
  EXPECT_TRUE(second["added"].empty());
  ASSERT_EQ(second["retired"].size(), 1u);
  EXPECT_EQ(second["retired"][0]["code"], "TOK004");
  EXPECT_EQ(second["retired"][0]["how"], "retired; the code is reserved and never issued again");
  ASSERT_EQ(second["changed"].size(), 2u);
  // diff's order: the breaking change (HTTP status) first.
  EXPECT_EQ(second["changed"][0]["field"], "http_status");
  EXPECT_EQ(second["changed"][0]["after"], "401");
  EXPECT_EQ(second["changed"][1]["field"], "message");

  // A release against itself: nothing a client sees. A side that does not load: exit 2.
  EXPECT_THAT(Errcat("changelog git:v1.2:catalog catalog").out,
              HasSubstr("No changes that a client sees."));
  EXPECT_EQ(Errcat("changelog git:v9:catalog catalog").exit_code, 2);
}

// Several releases: one section per release, newest first.
TEST_F(Changelog, HistoryOfSeveralReleasesNewestFirst) {
  auto r = Errcat("changelog git:v1.0:catalog git:v1.1:catalog git:v1.2:catalog");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t newest = r.out.find("## Error changes from v1.1 to v1.2");
  const size_t older = r.out.find("## Error changes from v1.0 to v1.1");
  ASSERT_NE(newest, std::string::npos) << r.out;
  ASSERT_NE(older, std::string::npos) << r.out;
  EXPECT_LT(newest, older);
  EXPECT_THAT(r.out.substr(newest, older - newest), HasSubstr("`TOK004` **TokenRequestNull**"));
  EXPECT_THAT(r.out.substr(older), HasSubstr("`TOK014` **TokenScopeTooBroad**"));
  const auto json = nlohmann::json::parse(
      Errcat("changelog --format json git:v1.0:catalog git:v1.1:catalog git:v1.2:catalog").out);
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(json[0]["head"], "v1.2");
  EXPECT_EQ(json[1]["head"], "v1.1");
  EXPECT_EQ(Errcat("changelog git:v1.0:catalog").exit_code, 2);
}

// A range is every tagged release from FROM to TO; an untagged commit in between is not one.
TEST_F(Changelog, RangeIsEveryTaggedReleaseBetween) {
  ASSERT_EQ(Sh("git -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m wip"), 0);
  ASSERT_EQ(Sh("git tag v1.3"), 0);
  const auto listed =
      Errcat("changelog git:v1.0:catalog git:v1.1:catalog git:v1.2:catalog git:v1.3:catalog");
  const auto range = Errcat("changelog git:v1.0..v1.3:catalog");
  ASSERT_EQ(range.exit_code, 0) << range.err;
  EXPECT_EQ(range.out, listed.out);
  EXPECT_THAT(range.out,
              HasSubstr("## Error changes from v1.2 to v1.3\n\nNo changes that a client sees."));
  EXPECT_THAT(range.out, HasSubstr("## Error changes from v1.0 to v1.1"));
  // The same from inside catalog/, with no path: git:REF reads the working directory at REF.
  const auto here = RunCommand("cd " + ShellQuote((tmp_.path() / "catalog").string()) + " && " +
                               testing::ErrcatCommand() + " changelog git:v1.0..v1.3");
  EXPECT_EQ(here.out, range.out) << here.err;
  const auto two = RunCommand("cd " + ShellQuote((tmp_.path() / "catalog").string()) + " && " +
                              testing::ErrcatCommand() + " changelog git:v1.0 git:v1.2");
  EXPECT_EQ(
      testing::CompareGolden(testing::SourceDir() + "/tests/data/changelog/v1.0-v1.2.md", two.out),
      "");

  const auto reversed = Errcat("changelog git:v1.2..v1.0:catalog");
  EXPECT_EQ(reversed.exit_code, 2);
  EXPECT_THAT(reversed.err,
              HasSubstr("git:v1.2..v1.0: error: 'v1.2' is not an ancestor of 'v1.0'"));
  const auto unknown = Errcat("changelog git:v1.0..v7:catalog");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown git ref 'v7'"));
}

// The site of the last release shows the history: from the lock alone, and with the releases.
TEST_F(Changelog, SiteShowsTombstonesSinceAndChanges) {
  ASSERT_EQ(Errcat("docs --format html -o lock-site catalog").exit_code, 0);
  const fs::path lock_site = tmp_.path() / "lock-site";
  const std::string tomb = testing::ReadFile((lock_site / "TOK004.html").string());
  EXPECT_THAT(tomb, HasSubstr("<strong>Retired in 1.2.</strong>"));
  EXPECT_THAT(tomb,
              HasSubstr("<code>TokenRequestNull()</code>, value 4, in catalog <code>token</code>"));
  EXPECT_THAT(tomb, HasSubstr("<div><dt>Since</dt><dd>1.0</dd></div>"));
  EXPECT_THAT(testing::ReadFile((lock_site / "TOK014.html").string()),
              HasSubstr("<div><dt>Since</dt><dd>1.1</dd></div>"));
  EXPECT_THAT(testing::ReadFile((lock_site / "TOK001.html").string()),
              HasSubstr("<div><dt>Deprecated in</dt><dd>1.1</dd></div>"));
  EXPECT_FALSE(fs::exists(lock_site / "changes.html"));  // no releases given
  EXPECT_THAT(testing::ReadFile((lock_site / "catalog/token.html").string()),
              HasSubstr("<a href=\"../TOK004.html\"><code>TOK004</code></a> TokenRequestNull"));
  // The tombstone is the search data's last record (after every live error).
  EXPECT_THAT(
      testing::ReadFile((lock_site / "search/d3.js").string()),
      HasSubstr(
          "\"code\":\"TOK004\",\"name\":\"TokenRequestNull\",\"summary\":\"Retired in 1.2\""));
  const testing::LinkCheck links = testing::CheckSiteLinks(lock_site.string());
  EXPECT_EQ(links.problems, std::vector<std::string>{});

  // With the releases: the releases' names, and changes.html.
  auto r = Errcat("docs --format html -o site --changelog git:v1.0..v1.2 catalog");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path site = tmp_.path() / "site";
  EXPECT_THAT(testing::ReadFile((site / "TOK004.html").string()),
              HasSubstr("<strong>Retired in v1.2.</strong>"));
  EXPECT_THAT(testing::ReadFile((site / "TOK014.html").string()),
              HasSubstr("<div><dt>Since</dt><dd>v1.1</dd></div>"));
  // In the oldest release given: issued then or before, so no "since" (the lock's 1.0 is the day
  // the lock was made, for all the releases know).
  EXPECT_THAT(testing::ReadFile((site / "TOK002.html").string()), Not(HasSubstr("<dt>Since</dt>")));
  const std::string changes = testing::ReadFile((site / "changes.html").string());
  EXPECT_THAT(changes, HasSubstr("<h2>Error changes from v1.1 to v1.2</h2>"));
  EXPECT_THAT(changes, HasSubstr("<h2>Error changes from v1.0 to v1.1</h2>"));
  EXPECT_THAT(changes, Not(HasSubstr("unreleased")));  // the catalog is v1.2
  EXPECT_THAT(testing::ReadFile((site / "index.html").string()),
              HasSubstr("<a href=\"changes.html\">"));
  EXPECT_EQ(testing::CheckSiteLinks(site.string()).problems, std::vector<std::string>{});

  // An unreleased change is a section of its own.
  std::string token = testing::ReadFile((tmp_.path() / "catalog/token.yaml").string());
  token.replace(token.find("http_status: 401"), 16, "http_status: 403");
  tmp_.Write("catalog/token.yaml", token);
  ASSERT_EQ(Errcat("docs --format html -o site --changelog git:v1.0..v1.2 catalog").exit_code, 0);
  EXPECT_THAT(testing::ReadFile((site / "changes.html").string()),
              HasSubstr("<h2>Error changes from v1.2 to unreleased</h2>"));

  // A release that does not exist stops the site, with the reason.
  const auto bad = Errcat("docs --format html -o site2 --changelog git:v9 catalog");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("unknown git ref 'v9'"));
  EXPECT_FALSE(fs::exists(tmp_.path() / "site2"));
}

// explain of a retired code: its tombstone, exit 0.
TEST_F(Changelog, ExplainOfARetiredCodeIsItsTombstone) {
  const auto r = Errcat("explain TOK004 catalog");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Retired in 1.2: this code is no longer issued"));
  EXPECT_THAT(r.out, HasSubstr("It was TokenRequestNull(), value 4, issued in 1.0."));
}

// With docs.base_url, every entry that has a page links to it; a retired one has none.
TEST_F(Changelog, LinksToDocsPages) {
  testing::TempDir docs;
  const std::string base =
      testing::ReadFile(testing::SourceDir() + "/tests/data/changelog/v1.1/token.yaml");
  std::string with_url = base;
  with_url.replace(with_url.find("code_pattern:"), 0,
                   "docs: {base_url: \"https://docs.example.com/e/\"}\n");
  docs.Write("a/token.yaml", with_url);
  std::string later =
      testing::ReadFile(testing::SourceDir() + "/tests/data/changelog/v1.2/token.yaml");
  later.replace(later.find("code_pattern:"), 0,
                "docs: {base_url: \"https://docs.example.com/e/\"}\n");
  docs.Write("b/token.yaml", later);
  auto r = RunCommand(testing::ErrcatCommand() + " changelog " +
                      ShellQuote((docs.path() / "a").string()) + " " +
                      ShellQuote((docs.path() / "b").string()));
  EXPECT_THAT(
      r.out,
      HasSubstr("- [`TOK007`](https://docs.example.com/e/TOK007) **InvalidCredentials**: message"));
  EXPECT_THAT(
      r.out,
      HasSubstr(
          "- `TOK004` **TokenRequestNull**: Required parameter token request is null (retired;"));
}

}  // namespace
}  // namespace errcat
