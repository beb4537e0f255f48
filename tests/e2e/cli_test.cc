// Drives the real errcat binary as a user would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat(const std::string& args) { return ShellQuote(testing::ErrcatBinary()) + " " + args; }
std::string CatalogDir() { return ShellQuote(testing::SourceDir() + "/catalog"); }

TEST(Cli, CheckValidCatalogExitsZero) {
  auto r = RunCommand(Errcat("check " + CatalogDir()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(
      r.err,
      HasSubstr(
          "ok: 4 catalogs, 26 error codes; translations: de: 13/13 messages, fr: 13/13 messages"));
}

TEST(Cli, CheckInvalidCatalogExitsOneWithFileLineColumn) {
  testing::TempDir tmp;
  auto file = tmp.Write("bad.yaml", "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    sumary: S\n    message: M.\n");
  auto r = RunCommand("cd " + ShellQuote(tmp.path().string()) + " && " + Errcat("check bad.yaml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:6:5: error: unknown key 'sumary' in error 'E001' (did you mean 'summary'?) [unknown-key]"));
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:4:5: error: error 'E001' is missing required key 'summary' [missing-key]"));
  EXPECT_THAT(r.err, HasSubstr("2 errors, 0 warnings"));
  EXPECT_THAT(r.err, Not(HasSubstr("\033[")));  // not a terminal: no colour
}

// What errcat_add_catalog() asks at configure time: the ids, sorted, one a line on stdout;
// nothing there and exit 1 when the set does not load.
TEST(Cli, CheckPrintsCatalogIdsForBuildSystems) {
  auto r = RunCommand(Errcat("check --print-catalog-ids " + CatalogDir()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "data_source_login\ninvalid_token\nopen_finance\ntoken\n");
  testing::TempDir tmp;
  auto bad = tmp.Write(
      "bad.yaml",
      "catalog: t\ntitle: T\nerrors:\n  - {code: E001, name: x, summary: S, message: M.}\n");
  auto b = RunCommand(Errcat("check --print-catalog-ids " + ShellQuote(bad.string())));
  EXPECT_EQ(b.exit_code, 1);
  EXPECT_EQ(b.out, "");
  EXPECT_THAT(b.err, HasSubstr("[name-invalid]"));
}

TEST(Cli, MissingPathIsAnIoErrorExitTwo) {
  auto r = RunCommand(Errcat("check /nonexistent/catalog.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/catalog.yaml: error: no such file or directory"));
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCommand(Errcat("")).exit_code, 2);
  EXPECT_EQ(RunCommand(Errcat("frobnicate")).exit_code, 2);
  EXPECT_EQ(RunCommand(Errcat("check")).exit_code, 2);
  EXPECT_EQ(RunCommand(Errcat("check --no-such-flag x.yaml")).exit_code, 2);
}

TEST(Cli, HelpAndVersion) {
  auto version = RunCommand(Errcat("--version"));
  EXPECT_EQ(version.exit_code, 0);
#ifdef ERRCAT_EXPECT_MIMALLOC
  // Linked with mimalloc, and malloc really resolves to it (main.cc asks mimalloc whether a
  // block from calloc is its own).
  EXPECT_THAT(version.out,
              ::testing::MatchesRegex("errcat [0-9]+\\.[0-9]+\\.[0-9]+ \\(mimalloc [0-9.]+\\)\n"));
#else
  EXPECT_THAT(version.out,
              ::testing::MatchesRegex("errcat [0-9]+\\.[0-9]+\\.[0-9]+ \\(system malloc\\)\n"));
#endif
  for (const char* cmd : {"--help", "check --help", "explain --help", "generate --help", "docs --help", "diff --help",
                          "changelog --help", "lock --help"}) {
    auto r = RunCommand(Errcat(cmd));
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("Usage:")) << cmd;
  }
  // The top-level help lists every command of the table.
  const std::string help = RunCommand(Errcat("--help")).out;
  for (const char* cmd : {"check", "explain", "generate", "docs", "diff", "changelog", "lock"})
    EXPECT_THAT(help, HasSubstr(std::string("\n  ") + cmd + " ")) << cmd;
}

TEST(Cli, WarningsFailOnlyWithWerror) {
  testing::TempDir tmp;
  tmp.Write("cat/t.yaml", "catalog: t\ntitle: T\n");
  std::filesystem::create_directories(tmp.path() / "empty");
  const std::string dirs = ShellQuote((tmp.path() / "cat").string()) + " " + ShellQuote((tmp.path() / "empty").string());
  auto relaxed = RunCommand(Errcat("check " + dirs));
  EXPECT_EQ(relaxed.exit_code, 0) << relaxed.err;
  EXPECT_THAT(relaxed.err, HasSubstr("warning: folder holds no *.yaml or *.yml files [empty-folder]"));
  auto strict = RunCommand(Errcat("check --werror " + dirs));
  EXPECT_EQ(strict.exit_code, 1);
}

TEST(Cli, ExplainPrintsTheError) {
  auto r = RunCommand(Errcat("explain TOK005 " + CatalogDir()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("TOK005  TokenExpiryTooFar"));
  EXPECT_THAT(r.out, HasSubstr("{0} max_hours: int"));
  EXPECT_THAT(r.out, Not(HasSubstr("\033[")));
}

TEST(Cli, ExplainColourCanBeForced) {
  auto r = RunCommand(Errcat("explain --color always TOK005 " + CatalogDir()));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("\033[1mTOK005"));
}

TEST(Cli, ExplainUnknownCodeSuggestsTheClosest) {
  auto r = RunCommand(Errcat("explain TOK05 " + CatalogDir()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no error code 'TOK05' in the catalogs (did you mean 'TOK005'?)"));
}

TEST(Cli, ExplainOnBrokenCatalogReportsItsProblems) {
  testing::TempDir tmp;
  auto file = tmp.Write("t.yaml", "catalog: t\ntitle: [\n");
  auto r = RunCommand(Errcat("explain E1 " + ShellQuote(file.string())));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("[yaml-syntax]"));
}

}  // namespace
}  // namespace errcat

namespace errcat {
namespace {

// errcat serve's own errors (what it serves is tested in e2e/serve_test.cc and in the browser).
TEST(Serve, UsageAndPortErrorsExitTwo) {
  const std::string errcat = testing::ErrcatCommand();
  const std::string catalog = testing::ShellQuote(testing::SourceDir() + "/catalog");
  auto r = testing::RunCommand(errcat + " serve --port 70000 " + catalog);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = testing::RunCommand(errcat + " serve --port 0 /no/such/catalogs");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err,
              ::testing::HasSubstr("errcat serve: /no/such/catalogs: no such file or folder"));
  // A port another process holds: python's socket module holds it while errcat tries.
  r = testing::RunCommand(
      "python3 -c 'import socket,subprocess,sys; s=socket.socket(); s.bind((\"127.0.0.1\",0)); "
      "s.listen(); p=subprocess.run(sys.argv[1:]+[\"--port\",str(s.getsockname()[1])], "
      "capture_output=True, timeout=60); sys.stderr.write(p.stderr.decode()); "
      "sys.exit(p.returncode)' " +
      errcat + " serve " + catalog);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, ::testing::HasSubstr("errcat serve: cannot listen on 127.0.0.1:"));
}

}  // namespace
}  // namespace errcat
