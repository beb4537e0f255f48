// Hostile input against the real binary: every case must end with a clear diagnostic and exit
// code 1 or 2, within bounded time and memory, never a signal, and must leave earlier outputs
// untouched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

// Bounded: 30 s of CPU and, outside sanitizer builds (whose shadow memory needs a large
// address space), 1 GiB of address space.
std::string Bounded(const std::string& command) {
#ifdef ERRCAT_SANITIZED
  const std::string limits = "ulimit -t 60; ";
#else
  const std::string limits = "ulimit -t 30; ulimit -v 1048576; ";
#endif
  return limits + "timeout 60 " + command;
}

class Hostile : public ::testing::Test {
 protected:
  // Generates into out/ once from a good catalog, then runs `args` against `file` writing to
  // the same out/, and checks the outcome.
  testing::RunResult Check(const std::string& name, const std::string& contents, int expected_exit,
                           const std::string& expected_text) {
    const fs::path file = tmp_.Write(name, contents);
    return Expect(ShellQuote(file.string()), expected_exit, expected_text);
  }

  testing::RunResult Expect(const std::string& paths, int expected_exit, const std::string& expected_text) {
    const fs::path out = tmp_.path() / "out";
    if (!fs::exists(out)) {
      EXPECT_EQ(RunCommand(Errcat() + " generate --cpp " + ShellQuote(out.string()) + " " +
                           ShellQuote(testing::SourceDir() + "/catalog/token.yaml")).exit_code, 0);
      before_ = testing::ReadFile(out / "token_errors.hpp");
    }
    auto r = RunCommand(Bounded(Errcat() + " generate --cpp " + ShellQuote(out.string()) + " " + paths));
    EXPECT_LT(r.exit_code, 128) << "killed by a signal or a limit: " << r.exit_code << "\n" << r.err.substr(0, 2000);
    EXPECT_EQ(r.exit_code, expected_exit) << r.err.substr(0, 2000);
    EXPECT_THAT(r.err, HasSubstr(expected_text));
    EXPECT_EQ(testing::ReadFile(out / "token_errors.hpp"), before_) << "a failed run changed earlier output";
    EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 3) << "a failed run wrote files";
    return r;
  }

  static std::string Errcat() { return ShellQuote(testing::ErrcatBinary()); }

  testing::TempDir tmp_;
  std::string before_;
};

const std::string kGood = "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n    message: M.\n";

// A 50 MB message would compile into one string literal that MSVC rejects (C2026) in someone
// else's build: errcat reports it at the message and writes nothing.
TEST_F(Hostile, FiftyMegabyteMessageIsALimitErrorNotALiteral) {
  auto r = Check("big.yaml",
                 "catalog: t\ntitle: T\nerrors:\n  - code: E001\n    name: First\n    summary: S\n "
                 "   message: " +
                     std::string(50'000'000, 'x') + "\n",
                 1, "big.yaml:7:14: error: 'message' is 50000000 bytes; the limit is 4096");
  EXPECT_THAT(r.err, HasSubstr("[limit]"));
  EXPECT_LT(r.err.size(), 4096u) << "the diagnostic must not quote the text";
}

// A backtracking regex engine takes exponential time on (a*)*b against a run of a's: std::regex
// did not finish in 20 s on a 40-character code. code_pattern is matched with RE2 (linear), so
// the 64-character codes the format allows are a mismatch reported at once.
TEST_F(Hostile, PathologicalCodePatternFinishes) {
  const std::string code(64, 'a');
  auto r =
      Check("pattern.yaml",
            "catalog: t\ntitle: T\ncode_pattern: \"(a*)*b\"\nerrors:\n  - {code: " + code +
                ", value: 1, name: A, summary: S, message: M.}\n  - {code: " + code.substr(0, 63) +
                "b, value: 2, name: B, summary: S, message: M.}\n",
            1, "code '" + code + "' does not match code_pattern '(a*)*b' [code-pattern]");
  EXPECT_THAT(r.err, ::testing::Not(
                         HasSubstr(code.substr(0, 63) + "b' does not match")));  // that one matches
}

TEST_F(Hostile, MalformedYaml) { Check("m.yaml", "catalog: t\ntitle: T\nerrors: [\n  - {code: E1\n", 1, "[yaml-syntax]"); }

TEST_F(Hostile, DeepFlowNesting) {
  Check("deep.yaml", "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n", 1, "[yaml-nesting]");
}

TEST_F(Hostile, DeepMappingNesting) {
  std::string deep = "catalog: t\ntitle: T\nx: ";
  for (int i = 0; i < 100000; ++i) deep += "{a: ";
  deep += "1" + std::string(100000, '}') + "\n";
  Check("deepmap.yaml", deep, 1, "[yaml-nesting]");
}

TEST_F(Hostile, AliasBomb) {
  std::string bomb = "catalog: t\ntitle: T\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 12; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
    bomb += "]\n";
  }
  Check("bomb.yaml", bomb, 1, "[yaml-alias]");
}

TEST_F(Hostile, HundredMegabyteScalar) {
  const fs::path file = tmp_.path() / "big.yaml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "catalog: t\ntitle: T\ndescription: \"";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\"\n";
  }
  Expect(ShellQuote(file.string()), 1, "[file-too-large]");
}

TEST_F(Hostile, InvalidUtf8) { Check("u.yaml", "catalog: t\ntitle: caf\xC3(\n", 1, "u.yaml:2:11: error: invalid UTF-8 sequence [encoding]"); }

TEST_F(Hostile, EscapeCharacterInFile) { Check("esc.yaml", "catalog: t\ntitle: \x1b[2J\n", 1, "control character U+001B"); }

TEST_F(Hostile, BomAndCrlfAreFine) {
  const fs::path file = tmp_.Write("crlf.yaml", "\xEF\xBB\xBF" + std::string("catalog: crlf\r\ntitle: T\r\nerrors:\r\n  - {code: E1, name: A, summary: S, message: M.}\r\n"));
  auto r = RunCommand(Bounded(Errcat() + " check " + ShellQuote(file.string())));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(Hostile, TabIndentation) { Check("tab.yaml", "catalog: t\ntitle: T\nerrors:\n\t- code: E1\n", 1, "[yaml-syntax]"); }

TEST_F(Hostile, DuplicateKeys) { Check("dup.yaml", kGood + "title: Again\n", 1, "dup.yaml:8:1: error: duplicate key 'title' in the catalog [duplicate-key]"); }

TEST_F(Hostile, EmptyFile) { Check("empty.yaml", "", 1, "[file-empty]"); }

TEST_F(Hostile, MissingPath) { Expect(ShellQuote((tmp_.path() / "missing.yaml").string()), 2, "no such file or directory"); }

TEST_F(Hostile, UnreadableFile) {
  const fs::path file = tmp_.Write("secret.yaml", kGood);
  fs::permissions(file, fs::perms::none);
  const fs::path out = tmp_.path() / "out2";
  // Root reads anything, so run the binary as nobody for this case.
  const std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  fs::permissions(tmp_.path(), fs::perms::all, fs::perm_options::add);
  auto r = RunCommand(Bounded(as_user + Errcat() + " check " + ShellQuote(file.string())));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("secret.yaml: error: cannot open file"));
}

TEST_F(Hostile, UnwritableOutput) {
  const fs::path file = tmp_.Write("ok.yaml", kGood);
  auto r = RunCommand(Bounded(Errcat() + " docs --format html -o /proc/errcat-out " + ShellQuote(file.string())));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("cannot create folder"));
}

TEST_F(Hostile, PathTraversalAndDeviceCodes) {
  auto r = Check("codes.yaml",
                 "catalog: t\ntitle: T\nerrors:\n"
                 "  - {code: ../../x1, name: A, summary: S, message: M.}\n"
                 "  - {code: con, value: 2, name: B, summary: S, message: M.}\n"
                 "  - {code: \"a/b3\", name: C, summary: S, message: M.}\n"
                 "  - {code: \".hidden4\", name: D, summary: S, message: M.}\n",
                 1, "[code-unsafe]");
  EXPECT_THAT(r.err, HasSubstr("code '../../x1' may only hold letters"));
  EXPECT_THAT(r.err, HasSubstr("code 'con' is a reserved device name on Windows"));
  EXPECT_THAT(r.err, HasSubstr("code 'a/b3' may only hold letters"));
  EXPECT_THAT(r.err, HasSubstr("code '.hidden4' must start with a letter or digit"));
  EXPECT_FALSE(fs::exists(tmp_.path() / "x1.html"));
}

TEST_F(Hostile, KeywordAndMacroNames) {
  auto r = Check("names.yaml",
                 "catalog: t\ntitle: T\nerrors:\n"
                 "  - {code: E1, name: delete, summary: S, message: M.}\n"
                 "  - {code: E2, name: \"NULL\", summary: S, message: M.}\n"
                 "  - {code: E3, name: EOF, summary: S, message: M.}\n"
                 "  - {code: E4, name: errno, summary: S, message: M.}\n",
                 1, "[name-keyword]");
  EXPECT_THAT(r.err, HasSubstr("name 'NULL' is a common C/POSIX macro"));
  EXPECT_THAT(r.err, HasSubstr("name 'EOF' is a common C/POSIX macro"));
  EXPECT_THAT(r.err, HasSubstr("name 'errno' is a common C/POSIX macro"));
}

TEST_F(Hostile, BareNullIsExplained) {
  Check("null.yaml", "catalog: t\ntitle: T\nerrors:\n  - {code: E2, name: NULL, summary: S, message: M.}\n", 1,
        "null.yaml:4:22: error: error 'E2': 'name' is NULL, which YAML reads as no value; quote it (\"NULL\") if you mean the text [missing-key]");
}

TEST_F(Hostile, BinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
  Check("garbage.yaml", garbage, 1, "error:");
}

TEST_F(Hostile, DocsDeterministicWhateverOrderLocaleOrDirectory) {
  const std::string cat = testing::SourceDir() + "/catalog/";
  const std::string forward = ShellQuote(cat + "token.yaml") + " " + ShellQuote(cat + "open_finance.yaml");
  const std::string reversed = ShellQuote(cat + "open_finance.yaml") + " " + ShellQuote(cat + "token.yaml");
  const std::string root = " --source-root " + ShellQuote(testing::SourceDir());
  for (const char* format : {"html", "markdown"}) {
    const fs::path a = tmp_.path() / (std::string(format) + "-a"), b = tmp_.path() / (std::string(format) + "-b");
    ASSERT_EQ(RunCommand(Errcat() + " docs --format " + format + " -o " + ShellQuote(a.string()) + root + " " + forward).exit_code, 0);
    ASSERT_EQ(RunCommand("cd / && LC_ALL=C.UTF-8 LANG=tr_TR.UTF-8 " + Errcat() + " docs --format " + format + " -o " +
                         ShellQuote(b.string()) + root + " " + reversed).exit_code, 0);
    size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(a)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      EXPECT_EQ(testing::ReadFile(entry.path()), testing::ReadFile(b / fs::relative(entry.path(), a))) << entry.path();
    }
    EXPECT_GT(files, 2u);
  }
}

}  // namespace
}  // namespace errcat
