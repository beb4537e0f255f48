// `errcat changelog` over a realistic three-release history of catalog/ in a real git
// repository (tags v1.0, v1.1, v1.2; the later token.yaml files are in tests/data/changelog/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

class Changelog : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string git =
        "git -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false ";
    const fs::path src = testing::SourceDir();
    fs::create_directories(tmp_.path() / "catalog");
    for (const auto& entry : fs::directory_iterator(src / "catalog"))
      fs::copy_file(entry.path(), tmp_.path() / "catalog" / entry.path().filename());
    ASSERT_EQ(Sh("git init -q ."), 0);
    ASSERT_EQ(Sh("git add -A && " + git + "commit -qm 1.0 && git tag v1.0"), 0);
    for (const char* release : {"v1.1", "v1.2"}) {
      fs::copy_file(src / "tests/data/changelog" / release / "token.yaml",
                    tmp_.path() / "catalog/token.yaml", fs::copy_options::overwrite_existing);
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
  const size_t newest = r.out.find("## Error changes from git:v1.1:catalog to git:v1.2:catalog");
  const size_t older = r.out.find("## Error changes from git:v1.0:catalog to git:v1.1:catalog");
  ASSERT_NE(newest, std::string::npos) << r.out;
  ASSERT_NE(older, std::string::npos) << r.out;
  EXPECT_LT(newest, older);
  EXPECT_THAT(r.out.substr(newest, older - newest), HasSubstr("`TOK004` **TokenRequestNull**"));
  EXPECT_THAT(r.out.substr(older), HasSubstr("`TOK014` **TokenScopeTooBroad**"));
  const auto json = nlohmann::json::parse(
      Errcat("changelog --format json git:v1.0:catalog git:v1.1:catalog git:v1.2:catalog").out);
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(json[0]["head"], "git:v1.2:catalog");
  EXPECT_EQ(json[1]["head"], "git:v1.1:catalog");
  EXPECT_EQ(Errcat("changelog git:v1.0:catalog").exit_code, 2);
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
