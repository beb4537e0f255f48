// errcat diff: one fixture pair per rule (tests/diff/<case>/{base,head}, expected output in
// expected.txt), --allow, load errors, the git:REF form in a real temporary repository, and
// goldens of the Markdown, GitHub and SARIF reports for a realistic change to catalog/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "diag/rules.h"
#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat() { return ShellQuote(testing::ErrcatBinary()); }
fs::path DiffDir() { return fs::path(testing::SourceDir()) / "tests" / "diff"; }

std::vector<std::string> Fixtures() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(DiffDir()))
    if (entry.is_directory() && entry.path().filename() != "realistic") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The rule a fixture exists to trigger: its folder name, but for variants of a rule.
std::string RuleOf(const std::string& fixture) {
  if (fixture == "placeholders-reordered") return "placeholders-changed";
  if (fixture == "error-removed-reserved") return "error-removed";
  if (fixture == "no-change") return "";
  return fixture;
}

class DiffGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DiffGolden, MatchesExpectedOutputAndExitCode) {
  const fs::path dir = DiffDir() / GetParam();
  auto r = RunCommand("cd " + ShellQuote(dir.string()) + " && " + Errcat() + " diff base head");
  const std::string actual = r.out + r.err + "exit code: " + std::to_string(r.exit_code) + "\n";
  EXPECT_EQ(testing::CompareGolden(dir / "expected.txt", actual), "");
  const std::string rule = RuleOf(GetParam());
  if (!rule.empty()) {
    EXPECT_THAT(r.out, HasSubstr("[" + rule + "]")) << "the fixture no longer triggers its rule";
    const diag::Rule* registered = diag::FindRule(rule);
    ASSERT_NE(registered, nullptr);
    const bool breaking = registered->kind == diag::RuleKind::kBreaking && GetParam() != "error-removed-reserved";
    EXPECT_EQ(r.exit_code, breaking ? 1 : 0);
  } else {
    EXPECT_EQ(r.exit_code, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, DiffGolden, ::testing::ValuesIn(Fixtures()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n) if (c == '-') c = '_';
                           return n;
                         });

TEST(Diff, EveryDiffRuleHasAFixture) {
  std::set<std::string> covered;
  for (const std::string& f : Fixtures()) covered.insert(RuleOf(f));
  for (const diag::Rule& r : diag::AllRules()) {
    if (r.kind == diag::RuleKind::kBreaking || r.kind == diag::RuleKind::kNotable) {
      EXPECT_TRUE(covered.count(std::string(r.id))) << "no fixture for diff rule " << r.id;
    }
  }
}

TEST(Diff, AllowAcceptsABreakingRule) {
  const fs::path dir = DiffDir() / "error-removed";
  auto r = RunCommand("cd " + ShellQuote(dir.string()) + " && " + Errcat() + " diff --allow error-removed base head");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("(allowed) [error-removed]"));
  auto bad = RunCommand("cd " + ShellQuote(dir.string()) + " && " + Errcat() + " diff --allow message-changed base head");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("not a breaking rule"));
}

TEST(Diff, LoadErrorsExitTwo) {
  testing::TempDir tmp;
  tmp.Write("bad.yaml", "catalog: t\ntitle: [\n");
  auto r = RunCommand(Errcat() + " diff " + ShellQuote((tmp.path() / "bad.yaml").string()) + " " +
                      ShellQuote(testing::SourceDir() + "/catalog"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("[yaml-syntax]"));
  EXPECT_EQ(RunCommand(Errcat() + " diff /nonexistent " + ShellQuote(testing::SourceDir() + "/catalog")).exit_code, 2);
}

TEST(Diff, JsonAndGithubFormats) {
  const fs::path dir = DiffDir() / "realistic";
  auto json = RunCommand("cd " + ShellQuote(dir.string()) + " && " + Errcat() + " diff --format json base head");
  EXPECT_EQ(json.exit_code, 1);
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_TRUE(j["breaking"].get<bool>());
  EXPECT_EQ(j["summary"]["removed"], 1);
  EXPECT_EQ(j["summary"]["added"], 1);
  EXPECT_EQ(j["changes"][0]["level"], "breaking");
}

// Changes are diagnostics, so diff gets SARIF from the shared formatter: one result per change,
// breaking ones at level error with the rule's metadata, notable ones at warning.
TEST(Diff, SarifFormatGolden) {
  const fs::path dir = DiffDir() / "realistic";
  const std::string cd = "cd " + ShellQuote(dir.string()) + " && ";
  auto sarif = RunCommand(cd + Errcat() + " diff --format sarif base head");
  EXPECT_EQ(sarif.exit_code, 1);
  EXPECT_EQ(testing::CompareGolden(dir / "diff.sarif", sarif.out), "");
  const auto j = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(j["version"], "2.1.0");
  const auto json =
      nlohmann::json::parse(RunCommand(cd + Errcat() + " diff --format json base head").out);
  const auto& results = j["runs"][0]["results"];
  ASSERT_EQ(results.size(), json["changes"].size());
  for (size_t i = 0; i < results.size(); ++i) {
    const auto& change = json["changes"][i];
    EXPECT_EQ(results[i]["ruleId"], change["rule"]);
    EXPECT_EQ(results[i]["level"], change["level"] == "breaking" ? "error" : "warning");
    EXPECT_EQ(results[i]["message"]["text"], change["message"]);
    EXPECT_EQ(results[i]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              change["file"]);
  }
  bool described = false;
  for (const auto& rule : j["runs"][0]["tool"]["driver"]["rules"])
    if (rule["id"] == "error-removed")
      described = rule["shortDescription"]["text"].get<std::string>().size() > 10;
  EXPECT_TRUE(described);
}

TEST(Diff, RealisticChangeGoldens) {
  const fs::path dir = DiffDir() / "realistic";
  const std::string cd = "cd " + ShellQuote(dir.string()) + " && ";
  auto md = RunCommand(cd + Errcat() + " diff --format markdown base head");
  EXPECT_EQ(md.exit_code, 1);
  EXPECT_EQ(testing::CompareGolden(dir / "diff.md", md.out), "");
  auto gh = RunCommand(cd + Errcat() + " diff --format github base head");
  EXPECT_EQ(testing::CompareGolden(dir / "diff.github", gh.out), "");
  auto sarif = RunCommand(cd + Errcat() + " check --format sarif head");
  EXPECT_EQ(sarif.exit_code, 0);  // warnings only
  EXPECT_EQ(testing::CompareGolden(dir / "check.sarif", sarif.out), "");
  const auto s = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(s["version"], "2.1.0");
  EXPECT_GE(s["runs"][0]["results"].size(), 4u);
  for (const auto& result : s["runs"][0]["results"]) {
    EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "head/token.yaml");
    EXPECT_GT(result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>(), 0);
  }
}

TEST(Diff, GitRefInATemporaryRepository) {
  testing::TempDir tmp;
  const std::string repo = ShellQuote(tmp.path().string());
  const std::string git = "cd " + repo + " && git -c user.name=t -c user.email=t@t ";
  const fs::path realistic = DiffDir() / "realistic";
  fs::create_directories(tmp.path() / "catalog");
  fs::copy_file(realistic / "base" / "token.yaml", tmp.path() / "catalog" / "token.yaml");
  ASSERT_EQ(RunCommand("cd " + repo + " && git init -q -b main .").exit_code, 0);
  ASSERT_EQ(RunCommand(git + "add catalog && " + git + "commit -qm base").exit_code, 0);
  fs::copy_file(realistic / "head" / "token.yaml", tmp.path() / "catalog" / "token.yaml", fs::copy_options::overwrite_existing);

  // Working tree against the last commit.
  auto r = RunCommand("cd " + repo + " && " + Errcat() + " diff git:HEAD catalog/");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("TOK004 (TokenRequestNull) was removed"));
  EXPECT_THAT(r.out, HasSubstr("catalog/token.yaml:72:"));  // HEAD-side positions

  // Two refs, the path given with the ref.
  ASSERT_EQ(RunCommand(git + "commit -qam head").exit_code, 0);
  auto refs = RunCommand("cd " + repo + " && " + Errcat() + " diff git:HEAD~1:catalog git:HEAD:catalog");
  EXPECT_EQ(refs.exit_code, 1) << refs.err;
  EXPECT_THAT(refs.out, HasSubstr("HEAD:catalog/token.yaml:72:"));
  auto same = RunCommand("cd " + repo + " && " + Errcat() + " diff git:HEAD catalog/");
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_THAT(same.out, HasSubstr("0 breaking changes, 0 notable"));

  // Bad refs are load errors, and a ref cannot smuggle in a git option.
  EXPECT_EQ(RunCommand("cd " + repo + " && " + Errcat() + " diff git:no-such-ref catalog/").exit_code, 2);
  auto option = RunCommand("cd " + repo + " && " + Errcat() + " diff git:--output=/tmp/x catalog/");
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_THAT(option.err, HasSubstr("not a usable git ref"));
  // Two refs and no path: the working directory at each ref, as git reads a path.
  auto refs_only =
      RunCommand("cd " + repo + "/catalog && " + Errcat() + " diff git:HEAD~1 git:HEAD");
  EXPECT_EQ(refs_only.exit_code, 1) << refs_only.err;
  EXPECT_THAT(refs_only.out, HasSubstr("HEAD:token.yaml:72:"));
}

}  // namespace
}  // namespace errcat

namespace errcat {
namespace {

TEST(ReviewScript, DiffsABranchAgainstItsMergeBase) {
  testing::TempDir tmp;
  const std::string repo = testing::ShellQuote(tmp.path().string());
  const std::string git = "cd " + repo + " && git -c user.name=t -c user.email=t@t ";
  const fs::path realistic = DiffDir() / "realistic";
  fs::create_directories(tmp.path() / "catalog");
  fs::copy_file(realistic / "base" / "token.yaml", tmp.path() / "catalog" / "token.yaml");
  ASSERT_EQ(RunCommand("cd " + repo + " && git init -q -b main .").exit_code, 0);
  ASSERT_EQ(RunCommand(git + "add catalog && " + git + "commit -qm base").exit_code, 0);
  ASSERT_EQ(RunCommand(git + "checkout -qb feature").exit_code, 0);
  fs::copy_file(realistic / "head" / "token.yaml", tmp.path() / "catalog" / "token.yaml", fs::copy_options::overwrite_existing);
  ASSERT_EQ(RunCommand(git + "commit -qam change").exit_code, 0);

  const std::string script = testing::ShellQuote(testing::SourceDir() + "/scripts/review-catalog.sh");
  const std::string env = "ERRCAT=" + Errcat() + " ERRCAT_REPORT=report.md GITHUB_STEP_SUMMARY=summary.md GITHUB_ACTIONS=true ";
  auto r = RunCommand("cd " + repo + " && " + env + script + " main catalog");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string report = testing::ReadFile(tmp.path() / "report.md");
  EXPECT_THAT(report, HasSubstr(":x: errcat: 2 breaking changes"));
  // The release notes of the change, folded under the review.
  const std::string base_short =
      RunCommand("cd " + repo + " && git rev-parse --short main").out.substr(0, 7);
  EXPECT_THAT(
      report,
      HasSubstr("<details><summary>Release notes of this change (errcat changelog)</summary>\n\n"
                "## Error changes from " +
                base_short));
  EXPECT_THAT(report, HasSubstr("### Retired\n\n- `TOK004` **TokenRequestNull**"));
  EXPECT_EQ(testing::ReadFile(tmp.path() / "summary.md"), report);
  EXPECT_THAT(r.out, HasSubstr("::error file=catalog/token.yaml,line=72,col=7,title=errcat placeholders-changed::"));
  EXPECT_THAT(r.out, HasSubstr("::warning file=catalog/token.yaml"));  // lint annotations

  // Back on main nothing changed.
  ASSERT_EQ(RunCommand(git + "checkout -q main").exit_code, 0);
  auto clean = RunCommand("cd " + repo + " && ERRCAT=" + Errcat() + " ERRCAT_REPORT=report.md " + script + " main catalog");
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_THAT(testing::ReadFile(tmp.path() / "report.md"), HasSubstr("did not change"));
  EXPECT_EQ(RunCommand("cd " + repo + " && ERRCAT=" + Errcat() + " " + script + " no-such-branch catalog").exit_code, 2);

  // With a lock beside the catalogs, a branch that adds a code without running errcat lock
  // fails the review, and the report says what to run.
  ASSERT_EQ(RunCommand("cd " + repo + " && " + Errcat() + " lock catalog --version 1.0").exit_code, 0);
  ASSERT_EQ(RunCommand(git + "add catalog && " + git + "commit -qm lock").exit_code, 0);
  ASSERT_EQ(RunCommand(git + "checkout -qb new-code").exit_code, 0);
  const std::string added = testing::ReadFile(tmp.path() / "catalog" / "token.yaml") +
                            "  - {code: TOK099, name: Added, summary: Added., message: Added.}\n";
  tmp.Write("catalog/token.yaml", added);
  ASSERT_EQ(RunCommand(git + "commit -qam add").exit_code, 0);
  auto stale = RunCommand("cd " + repo + " && ERRCAT=" + Errcat() + " ERRCAT_REPORT=report.md " + script + " main catalog");
  EXPECT_EQ(stale.exit_code, 1) << stale.err;
  EXPECT_THAT(stale.err, HasSubstr("'TOK099' is not in catalog/errcat.lock; run `errcat lock catalog` and commit it [lock-stale]"));
}

}  // namespace
}  // namespace errcat
