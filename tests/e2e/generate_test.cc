// `errcat generate` through the real binary: what it writes, what it leaves alone, --check,
// --depfile, templates overrides, and byte-identical output whatever the order or locale.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat() { return ShellQuote(testing::ErrcatBinary()); }
std::string Src() { return ShellQuote(testing::SourceDir()); }

std::map<std::string, std::string> ReadTree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).generic_string()] = testing::ReadFile(entry.path());
  return files;
}

TEST(Generate, CheckedInTreeIsCurrent) {
  // generated/ must be what errcat makes from catalog/ (refresh with `make`).
  auto r = RunCommand("cd " + Src() + " && " + Errcat() +
                      " generate --check --source-root . --cpp generated/cpp --openapi "
                      "generated/openapi/errors.yaml catalog/");
  EXPECT_EQ(r.exit_code, 0) << r.err << "\nrun `make` to regenerate generated/ and commit it";
}

TEST(Generate, CheckNamesStaleMissingAndLeftoverFiles) {
  testing::TempDir tmp;
  const std::string out = ShellQuote((tmp.path() / "cpp").string());
  const std::string gen = "cd " + Src() + " && " + Errcat() + " generate --cpp " + out + " catalog/";
  ASSERT_EQ(RunCommand(gen).exit_code, 0);
  EXPECT_EQ(RunCommand(gen + " --check").exit_code, 0);

  std::ofstream(tmp.path() / "cpp" / "token_errors.hpp", std::ios::app) << "// edited\n";
  fs::remove(tmp.path() / "cpp" / "open_finance_errors.cpp");
  std::ofstream(tmp.path() / "cpp" / "removed_errors.hpp") << "// from a deleted catalog\n";
  auto r = RunCommand(gen + " --check");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("/token_errors.hpp: stale"));
  EXPECT_THAT(r.err, HasSubstr("/open_finance_errors.cpp: stale"));
  EXPECT_THAT(r.err, HasSubstr("/removed_errors.hpp: stale"));
  EXPECT_THAT(r.err, HasSubstr("3 generated files out of date"));
  // --check wrote nothing.
  EXPECT_FALSE(fs::exists(tmp.path() / "cpp" / "open_finance_errors.cpp"));
}

TEST(Generate, UnchangedFilesAreNotTouched) {
  testing::TempDir tmp;
  const std::string gen = "cd " + Src() + " && " + Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "cpp").string()) + " catalog/";
  ASSERT_EQ(RunCommand(gen).exit_code, 0);
  const fs::path header = tmp.path() / "cpp" / "token_errors.hpp";
  const auto old_time = fs::last_write_time(header) - std::chrono::hours(1);
  fs::last_write_time(header, old_time);
  auto r = RunCommand(gen);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("0 files written, 9 unchanged"));
  EXPECT_EQ(fs::last_write_time(header), old_time);
}

TEST(Generate, InvalidCatalogWritesNothing) {
  testing::TempDir tmp;
  tmp.Write("bad.yaml", "catalog: t\ntitle: T\nerrors:\n  - {code: E1, name: bad, summary: S, message: M.}\n");
  auto r = RunCommand(Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "out").string()) + " " +
                      ShellQuote((tmp.path() / "bad.yaml").string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("[name-invalid]"));
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(Generate, UnwritableOutputIsAnIoError) {
  // Nobody, not even root (CI), can create folders in /proc.
  auto r = RunCommand(Errcat() + " generate --cpp /proc/errcat-test-out " + Src() + "/catalog");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("/proc/errcat-test-out: error: cannot create folder"));
}

TEST(Generate, OutputPathThatIsAFileIsAnIoError) {
  testing::TempDir tmp;
  tmp.Write("out", "a file, not a folder");
  auto r = RunCommand(Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "out").string()) + " " + Src() + "/catalog");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(testing::ReadFile(tmp.path() / "out"), "a file, not a folder");
}

TEST(Generate, SameBytesWhateverOrderLocaleOrDirectory) {
  testing::TempDir tmp;
  const std::string cat = testing::SourceDir() + "/catalog/";
  // Translations too: the generated code holds their texts.
  const std::string files =
      ShellQuote(cat + "token.yaml") + " " + ShellQuote(cat + "token.de.yaml") + " " +
      ShellQuote(cat + "open_finance.yaml") + " " + ShellQuote(cat + "invalid_token.yaml") + " " +
      ShellQuote(cat + "token.fr.yaml") + " " + ShellQuote(cat + "data_source_login.yaml");
  const std::string reversed =
      ShellQuote(cat + "data_source_login.yaml") + " " + ShellQuote(cat + "token.fr.yaml") + " " +
      ShellQuote(cat + "invalid_token.yaml") + " " + ShellQuote(cat + "open_finance.yaml") + " " +
      ShellQuote(cat + "token.de.yaml") + " " + ShellQuote(cat + "token.yaml");
  const std::string root = " --source-root " + Src();
  ASSERT_EQ(RunCommand(Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "a").string()) + root + " " + files).exit_code, 0);
  ASSERT_EQ(RunCommand("LC_ALL=C " + Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "b").string()) + root + " " + reversed).exit_code, 0);
  ASSERT_EQ(RunCommand("cd / && LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 " + Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "c").string()) + root + " " + reversed).exit_code, 0);
  ASSERT_EQ(RunCommand("cd " + Src() + " && " + Errcat() + " generate --cpp " +
                       ShellQuote((tmp.path() / "d").string()) + " --source-root . catalog")
                .exit_code,
            0);
  const auto a = ReadTree(tmp.path() / "a");
  EXPECT_EQ(a.size(), 9u);
  EXPECT_EQ(a, ReadTree(tmp.path() / "b"));
  EXPECT_EQ(a, ReadTree(tmp.path() / "c"));
  EXPECT_EQ(a, ReadTree(tmp.path() / "d"));
  EXPECT_THAT(a.at("token_errors.hpp"), ::testing::StartsWith("// DO NOT EDIT: generated by errcat from catalog/token.yaml.\n"));
}

// Without --source-root, catalogs are named relative to the deepest folder holding every input,
// so the C++ and the site are the same bytes from any working directory (inside the tree,
// outside it, the root), with relative or absolute paths, in any order.
TEST(Generate, SameBytesFromAnyWorkingDirectoryWithoutSourceRoot) {
  testing::TempDir tmp;
  tmp.Write("elsewhere/.keep", "");
  const std::string src = testing::SourceDir();
  const std::string abs = ShellQuote(src + "/catalog/token.yaml") + " " +
                          ShellQuote(src + "/catalog/open_finance.yaml");
  const std::string abs_reversed = ShellQuote(src + "/catalog/open_finance.yaml") + " " +
                                   ShellQuote(src + "/catalog/token.yaml");
  struct Run {
    std::string cwd;
    std::string inputs;
  };
  const std::vector<Run> runs = {
      {src, "catalog/token.yaml catalog/open_finance.yaml"},  // inside the tree, relative
      {src + "/catalog", "open_finance.yaml ./token.yaml"},   // in the catalogs' folder
      {src + "/generator", "../catalog/token.yaml ../catalog/open_finance.yaml"},
      {(tmp.path() / "elsewhere").string(), abs},  // outside the tree, absolute
      {"/", abs_reversed},
  };
  // The last run also under another locale: nothing in the output may depend on it.
  const std::vector<std::string> env = {"", "", "", "", "LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 LC_NUMERIC=de_DE.UTF-8 "};
  std::vector<std::map<std::string, std::string>> trees;
  for (size_t i = 0; i < runs.size(); ++i) {
    const fs::path out = tmp.path() / ("out" + std::to_string(i));
    const std::string cmd = "cd " + ShellQuote(runs[i].cwd) + " && " + env[i] + Errcat() +
                            " generate --cpp " + ShellQuote((out / "cpp").string()) + " --html " +
                            ShellQuote((out / "html").string()) + " " + runs[i].inputs;
    auto r = RunCommand(cmd);
    ASSERT_EQ(r.exit_code, 0) << cmd << "\n" << r.err;
    trees.push_back(ReadTree(out));
  }
  for (size_t i = 1; i < trees.size(); ++i)
    EXPECT_TRUE(trees[i] == trees[0]) << "run " << i << " differs: " << runs[i].cwd;
  EXPECT_THAT(trees[0].at("cpp/token_errors.hpp"),
              ::testing::StartsWith("// DO NOT EDIT: generated by errcat from token.yaml.\n"));
  for (const auto& [name, bytes] : trees[0]) {
    EXPECT_THAT(bytes, ::testing::Not(HasSubstr(src))) << name << " names the checkout";
    EXPECT_THAT(bytes, ::testing::Not(HasSubstr(tmp.path().string())))
        << name << " names the output folder";
  }
}

TEST(Generate, DepfileListsCatalogsAndTemplatesRead) {
  testing::TempDir tmp;
  tmp.Write("tpl/cpp/runtime.mustache", "// custom runtime\n");
  const fs::path dep = tmp.path() / "out.d";
  auto r = RunCommand("cd " + Src() + " && " + Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "out").string()) +
                      " --depfile " + ShellQuote(dep.string()) + " --templates " + ShellQuote((tmp.path() / "tpl").string()) +
                      " catalog/token.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = testing::ReadFile(dep);
  EXPECT_THAT(text, ::testing::StartsWith((tmp.path() / "out" / "errcat_runtime.hpp").string() + ":"));
  EXPECT_THAT(text, HasSubstr(testing::SourceDir() + "/catalog/token.yaml"));
  EXPECT_THAT(text, HasSubstr((tmp.path() / "tpl/cpp/runtime.mustache").string()));
  // The override replaced just that one template.
  EXPECT_EQ(testing::ReadFile(tmp.path() / "out" / "errcat_runtime.hpp"), "// custom runtime\n");
  EXPECT_THAT(testing::ReadFile(tmp.path() / "out" / "token_errors.hpp"), HasSubstr("enum class TokenError"));
}

TEST(Generate, BrokenTemplateIsReported) {
  testing::TempDir tmp;
  tmp.Write("tpl/cpp/header.mustache", "{{#errors}}unclosed section\n");
  auto r = RunCommand(Errcat() + " generate --cpp " + ShellQuote((tmp.path() / "out").string()) + " --templates " +
                      ShellQuote((tmp.path() / "tpl").string()) + " " + Src() + "/catalog/token.yaml");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("cpp/header.mustache"));
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

// Hidden files or folders errcat stages outputs in (".<name>.tmp…", ".<name>.errcat-tmp…").
std::vector<std::string> StagingLeftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp") != std::string::npos ||
        entry.path().filename().string().find("errcat-tmp") != std::string::npos)
      found.push_back(entry.path().string());
  return found;
}

TEST(Generate, FailingBackEndLeavesEveryOutputAsItWas) {
  // HTML fails on its error pages, after it and the C++ back end have staged files: the
  // existing C++ folder keeps its old bytes, the missing site folder is not created, and no
  // staged file is left behind.
  testing::TempDir tmp;
  const fs::path cpp = tmp.path() / "out" / "cpp", site = tmp.path() / "out" / "site";
  ASSERT_EQ(RunCommand(Errcat() + " generate --cpp " + ShellQuote(cpp.string()) + " " + Src() + "/catalog/token.yaml").exit_code, 0);
  tmp.Write("out/cpp/token_errors.hpp", "// old\n");
  tmp.Write("tpl/html/error.mustache", "{{#unclosed}}\n");
  auto r = RunCommand(Errcat() + " generate --cpp " + ShellQuote(cpp.string()) + " --html " + ShellQuote(site.string()) +
                      " --templates " + ShellQuote((tmp.path() / "tpl").string()) + " " + Src() + "/catalog");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("html/error.mustache"));
  EXPECT_EQ(testing::ReadFile(cpp / "token_errors.hpp"), "// old\n");
  EXPECT_FALSE(fs::exists(cpp / "open_finance_errors.hpp"));
  EXPECT_FALSE(fs::exists(site));
  EXPECT_THAT(StagingLeftovers(tmp.path()), ::testing::IsEmpty());
}

TEST(Generate, NestedAndSharedOutputFolders) {
  // C++ and Markdown share a missing folder that also holds the site: each back end stages on
  // its own and the commits merge, with the same bytes as separate runs.
  testing::TempDir tmp;
  const fs::path out = tmp.path() / "a" / "out";
  const std::string catalog = Src() + "/catalog";
  auto r = RunCommand(Errcat() + " generate --cpp " + ShellQuote(out.string()) + " --markdown " + ShellQuote(out.string()) +
                      " --html " + ShellQuote((out / "site").string()) + " " + catalog);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* backend : {"cpp", "markdown", "html"}) {
    const fs::path alone = tmp.path() / backend;
    ASSERT_EQ(RunCommand(Errcat() + " generate --" + backend + " " + ShellQuote(alone.string()) + " " + catalog).exit_code, 0);
    for (const auto& [path, text] : ReadTree(alone))
      EXPECT_EQ(testing::ReadFile(out / (std::string(backend) == "html" ? "site/" + path : path)), text) << path;
  }
  EXPECT_THAT(StagingLeftovers(tmp.path()), ::testing::IsEmpty());
  // A second run finds every file current.
  r = RunCommand(Errcat() + " generate --cpp " + ShellQuote(out.string()) + " --markdown " + ShellQuote(out.string()) +
                 " --html " + ShellQuote((out / "site").string()) + " " + catalog);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("cpp: 0 files written"));
  EXPECT_THAT(r.err, HasSubstr("markdown: 0 files written"));
  EXPECT_THAT(r.err, HasSubstr("html: 0 files written"));
}

}  // namespace
}  // namespace errcat
