// `errcat lock` and `check` against the lock, through the real binary and a real git history:
// each step of a reuse passes `diff` alone (with --allow), the lock catches it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat() { return testing::ErrcatCommand(); }

constexpr const char* kHeader =
    "catalog: t\ntitle: T\nlint: {disable: [missing-causes, missing-resolution, "
    "param-undocumented]}\n";
const std::string kOne =
    "  - {code: T001, name: One, summary: S, message: \"M {0}.\", params: [{name: a, type: "
    "int}]}\n";
const std::string kTwo = "  - {code: T002, name: Two, summary: S, message: M.}\n";
const std::string kThree = "  - {code: T003, name: Three, summary: S, message: M.}\n";

class LockTest : public ::testing::Test {
 protected:
  void Catalog(const std::string& extra_header, const std::string& errors) {
    tmp_.Write("cat/t.yaml", kHeader + extra_header + "errors:\n" + errors);
  }
  testing::RunResult Run(const std::string& args) {
    return RunCommand("cd " + ShellQuote(tmp_.path().string()) + " && " + Errcat() + " " + args);
  }
  std::string LockText() { return testing::ReadFile(tmp_.path() / "cat/errcat.lock"); }
  testing::TempDir tmp_;
};

TEST_F(LockTest, LockIsSortedIdempotentAndCheckedBesideTheCatalogs) {
  Catalog("", kThree + kOne + kTwo);
  auto r = Run("lock cat --version 1.0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err,
              HasSubstr("errcat: lock: 3 codes, 3 added, 0 advanced; cat/errcat.lock written"));
  const std::string first = LockText();
  EXPECT_THAT(first, ::testing::StartsWith("{\"errcat_lock\": 1, "));
  EXPECT_THAT(first, HasSubstr("\"codes\": "
                               "[\n{\"catalog\":\"t\",\"code\":\"T001\",\"value\":1,\"name\":"
                               "\"One\",\"params\":[\"int\"],\"state\":\"active\",\"active\":\"1."
                               "0\"},\n{\"catalog\":\"t\",\"code\":\"T002\""));
  EXPECT_THAT(first, ::testing::EndsWith("\"active\":\"1.0\"}\n]}\n"));
  auto again = Run("lock cat --version 2.0");
  EXPECT_THAT(again.err, HasSubstr("0 added, 0 advanced; cat/errcat.lock unchanged"));
  EXPECT_EQ(LockText(), first);
  // Deprecating advances the state, stamped with the new version; nothing else changes.
  Catalog("", kOne + kTwo.substr(0, kTwo.size() - 2) + ", deprecated: Use T003.}\n" + kThree);
  ASSERT_EQ(Run("lock cat --version 1.1").exit_code, 0);
  EXPECT_THAT(LockText(), HasSubstr("\"name\":\"Two\",\"params\":[],\"state\":\"deprecated\","
                                    "\"active\":\"1.0\",\"deprecated\":\"1.1\"}"));
  EXPECT_EQ(Run("check --werror cat").exit_code, 0);
}

TEST_F(LockTest, EachKindOfReuseIsReportedNamingBothPlaces) {
  Catalog("", kOne + kTwo + kThree);
  ASSERT_EQ(Run("lock cat --version 1.0").exit_code, 0);

  Catalog("", kOne + kThree);  // T002 removed, not reserved
  auto removed = Run("check cat");
  EXPECT_EQ(removed.exit_code, 1);
  EXPECT_THAT(removed.err,
              HasSubstr("cat/t.yaml: error: locked code 'T002' (Two) was removed; keep it, "
                        "deprecate it, or add it to 'reserved' to retire it [lock-removed]"));
  EXPECT_THAT(removed.err,
              HasSubstr("cat/errcat.lock:3:1: note: locked here: 'T002' (Two(), value 2)"));
  const std::string before = LockText();
  EXPECT_EQ(Run("lock cat --version 1.1").exit_code, 1) << "lock refuses to hide a removal";
  EXPECT_EQ(LockText(), before);

  Catalog("reserved: [T002]\n", kOne + kThree);  // retired properly
  ASSERT_EQ(Run("check cat").exit_code, 0);
  ASSERT_EQ(Run("lock cat --version 1.2").exit_code, 0);
  EXPECT_THAT(LockText(),
              HasSubstr("\"state\":\"retired\",\"active\":\"1.0\",\"retired\":\"1.2\"}"));

  // explain of the retired code prints its tombstone, not "unknown code".
  auto tombstone = Run("explain T002 cat");
  EXPECT_EQ(tombstone.exit_code, 0) << tombstone.err;
  EXPECT_EQ(tombstone.out,
            "T002  (t)\nRetired in 1.2: this code is no longer issued, and never will be again.\n\n"
            "It was Two(), value 2, issued in 1.0.\n");
  EXPECT_EQ(Run("explain T777 cat").exit_code, 1);

  // The retired code issued again, for another error.
  Catalog("", kOne + kThree + "  - {code: T002, name: Again, summary: S, message: M.}\n");
  auto code = Run("check cat");
  EXPECT_EQ(code.exit_code, 1);
  EXPECT_THAT(code.err,
              HasSubstr("cat/t.yaml:7:12: error: code 'T002' was retired and is issued again, for "
                        "Again(); clients that stored it read the old meaning [lock-reused]"));
  EXPECT_THAT(code.err, HasSubstr("note: locked here: 'T002' (Two(), value 2, retired in 1.2)"));

  // Its value and name given to a new code (no longer reserved: the lock remembers).
  Catalog("", kOne + kThree + "  - {code: T009, value: 2, name: Two, summary: S, message: M.}\n");
  auto value = Run("check cat");
  EXPECT_EQ(value.exit_code, 1);
  EXPECT_THAT(value.err,
              HasSubstr("error: value 2 of 'T009' belongs to locked code 'T002' [lock-reused]"));
  EXPECT_THAT(value.err,
              HasSubstr("error: name Two of 'T009' belongs to locked code 'T002' [lock-reused]"));

  // A locked signature changed under the same code and name.
  Catalog("reserved: [T002]\n",
          "  - {code: T001, name: One, summary: S, message: \"M {0}.\", params: [{name: a, type: "
          "string}]}\n" +
              kThree);
  auto signature = Run("check cat");
  EXPECT_EQ(signature.exit_code, 1);
  EXPECT_THAT(signature.err,
              HasSubstr("error: the parameters of 'T001' changed from (int) to (string); a new "
                        "signature needs a new code [lock-signature]"));
}

TEST_F(LockTest, StaleLockNamesTheCommandToRun) {
  Catalog("", kOne);
  ASSERT_EQ(Run("lock cat --version 1.0").exit_code, 0);
  Catalog("", kOne + kTwo);
  EXPECT_EQ(Run("check cat").exit_code, 0) << "a new code is fine until CI asks for a current lock";
  auto stale = Run("check --lock-stale cat");
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_THAT(stale.err, HasSubstr("cat/t.yaml:6:12: error: 'T002' is not in cat/errcat.lock; run "
                                   "`errcat lock cat` and commit it [lock-stale]"));
  fs::remove(tmp_.path() / "cat/errcat.lock");
  EXPECT_THAT(Run("check --lock-stale cat").err,
              HasSubstr("no lock file beside the catalogs; run `errcat lock cat` [lock-stale]"));
  // A broken lock file is reported where it is broken.
  tmp_.Write("cat/errcat.lock",
             "{\"errcat_lock\": 1, \"codes\": [\n"
             "  {\"catalog\": \"t\", \"code\": \"T001\", \"value\": \"x\", \"name\": \"One\", "
             "\"state\": \"active\"}\n]}\n");
  auto broken = Run("check cat");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.err,
              HasSubstr("cat/errcat.lock:2:3: error: 'value' must be an integer [type]"));
  tmp_.Write("cat/errcat.lock", "{\"errcat_lock\": 1, \"codes\": [\n{\"catalog\": \"t\",\n");
  auto truncated = Run("check cat");
  EXPECT_EQ(truncated.exit_code, 1);
  EXPECT_THAT(truncated.err,
              HasSubstr("cat/errcat.lock:3:1: error: the lock file is not valid JSON"));
}

// A lock reformatted by hand (still valid JSON, entries over several lines) still reads; its
// diagnostics then point at the file, since only errcat's layout gives each entry a line.
TEST_F(LockTest, ReformattedLockStillReads) {
  Catalog("", kOne + kTwo);
  ASSERT_EQ(Run("lock cat --version 1.0").exit_code, 0);
  tmp_.Write("cat/errcat.lock",
             "{\n  \"errcat_lock\": 1,\n  \"codes\": [\n    {\n      \"catalog\": \"t\", \"code\": "
             "\"T001\", \"value\": 1,\n"
             "      \"name\": \"One\", \"params\": [\"int\"], \"state\": \"active\", \"active\": "
             "\"1.0\"\n    },\n"
             "    {\n      \"catalog\": \"t\", \"code\": \"T002\", \"value\": 2, \"name\": "
             "\"Two\", \"params\": [],\n"
             "      \"state\": \"active\", \"active\": \"1.0\"\n    }\n  ]\n}\n");
  EXPECT_EQ(Run("check cat").exit_code, 0);
  Catalog("", kOne);
  auto removed = Run("check cat");
  EXPECT_EQ(removed.exit_code, 1);
  EXPECT_THAT(removed.err, HasSubstr("[lock-removed]"));
  EXPECT_THAT(removed.err,
              HasSubstr("cat/errcat.lock: note: locked here: 'T002' (Two(), value 2)"));
  // errcat lock rewrites it in its own layout.
  Catalog("reserved: [T002]\n", kOne);
  ASSERT_EQ(Run("lock cat --version 1.1").exit_code, 0);
  EXPECT_THAT(LockText(), ::testing::StartsWith("{\"errcat_lock\": 1, "));
}

// The story in a real repository: remove a code (allowed as a breaking change), then
// issue it again for another error two commits later. diff of each step passes with --allow;
// check with the lock fails on the reuse.
TEST_F(LockTest, ReuseTwoCommitsLaterPassesDiffButNotTheLock) {
  const std::string git = "git -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false ";
  ASSERT_EQ(RunCommand("cd " + ShellQuote(tmp_.path().string()) + " && git init -q .").exit_code,
            0);
  const auto commit = [&](const std::string& message) {
    auto r = RunCommand("cd " + ShellQuote(tmp_.path().string()) + " && git add -A && " + git +
                        "commit -qm " + ShellQuote(message));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  };
  Catalog("", kOne + kTwo + kThree);
  ASSERT_EQ(Run("lock cat --version 1.0").exit_code, 0);
  commit("1.0");
  Catalog("", kOne + kThree);  // removed; allowed in review
  EXPECT_EQ(Run("diff --allow error-removed git:HEAD cat").exit_code, 0);
  EXPECT_THAT(Run("check cat").err, HasSubstr("[lock-removed]"))
      << "the lock asks for the code to be reserved";
  commit("remove T002");
  Catalog("", kOne + kThree + "  - {code: T004, name: Four, summary: S, message: M.}\n");
  commit("unrelated");
  Catalog("", kOne + kThree +
                  "  - {code: T004, name: Four, summary: S, message: M.}\n  - {code: T002, name: "
                  "Renewed, summary: S, message: M.}\n");
  auto step = Run("diff git:HEAD cat");
  EXPECT_EQ(step.exit_code, 0) << "one step alone is an added error: " << step.out;
  auto check = Run("check cat");
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_THAT(check.err, HasSubstr("cat/t.yaml:8:12: error: code 'T002' now names another error: "
                                   "Renewed() instead of the locked Two() [lock-reused]"));
  EXPECT_THAT(check.err,
              HasSubstr("cat/errcat.lock:3:1: note: locked here: 'T002' (Two(), value 2)"));
}

}  // namespace
}  // namespace errcat
