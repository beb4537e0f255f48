// The lock file's update rule, by property over random histories: an entry is never dropped,
// a state never goes back, values and names of entries never change, and updating twice gives
// the same bytes as updating once.
#include "lock/lock.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "test_support.h"

namespace errcat {
namespace {

int Rank(lock::State s) { return static_cast<int>(s); }

TEST(Lock, UpdateNeverDropsAndOnlyAdvancesOverRandomHistories) {
  std::mt19937 random(20261202);
  for (int history = 0; history < 40; ++history) {
    // Codes E001..E030; each step adds, deprecates or retires (removes and reserves) some.
    std::map<int, int> state;  // code number -> 0 absent, 1 active, 2 deprecated, 3 retired
    lock::Lock lock;
    lock.path = "t.lock";
    for (int step = 0; step < 12; ++step) {
      for (int n = 1; n <= 30; ++n) {
        const int roll = static_cast<int>(random() % 10);
        int& s = state[n];
        if (s == 0 && roll < 3)
          s = 1;
        else if (s == 1 && roll == 0)
          s = 2;
        else if ((s == 1 || s == 2) && roll == 1)
          s = 3;
      }
      std::string yaml = "catalog: t\ntitle: T\nreserved: [";
      std::string errors;
      for (const auto& [n, s] : state) {
        char code[8];
        std::snprintf(code, sizeof code, "E%03d", n);
        if (s == 3) yaml += std::string(code) + ", ";
        if (s == 1 || s == 2)
          errors += "  - {code: " + std::string(code) + ", name: N" + std::to_string(n) +
                    ", summary: S, message: M." + (s == 2 ? ", deprecated: Use another." : "") +
                    "}\n";
      }
      yaml += "]\nerrors:\n" + errors;
      testing::Loaded loaded = testing::LoadYaml(yaml);
      ASSERT_TRUE(loaded.set) << loaded.Text();
      diag::DiagnosticSink sink;
      lock::Check(lock, *loaded.set, {}, sink);
      EXPECT_FALSE(sink.HasErrors()) << "a history of adds, deprecations and retirements is clean";
      const lock::Lock next = lock::Update(lock, *loaded.set, "v" + std::to_string(step));
      // Never drops, never goes back, never rewrites what was issued.
      std::map<std::string, const lock::Entry*> after;
      for (const lock::Entry& e : next.entries) after[e.code] = &e;
      for (const lock::Entry& e : lock.entries) {
        ASSERT_TRUE(after.count(e.code)) << e.code << " dropped";
        EXPECT_GE(Rank(after[e.code]->state), Rank(e.state)) << e.code;
        EXPECT_EQ(after[e.code]->value, e.value);
        EXPECT_EQ(after[e.code]->name, e.name);
        EXPECT_EQ(after[e.code]->active, e.active);
      }
      // Every code of the catalog is held, in the catalog's state.
      for (const auto& [n, s] : state) {
        char code[8];
        std::snprintf(code, sizeof code, "E%03d", n);
        if (s == 0) continue;
        ASSERT_TRUE(after.count(code)) << code;
        EXPECT_EQ(Rank(after[code]->state), s - 1) << code;
      }
      // Idempotent: the same set again changes nothing, to the byte.
      EXPECT_EQ(lock::Render(lock::Update(next, *loaded.set, "later")), lock::Render(next));
      lock = next;
    }
  }
}

}  // namespace
}  // namespace errcat

namespace errcat {
namespace {

// The replacement a deprecation names is recorded, and kept once the code is retired, so the
// tombstone can still point to it.
TEST(Lock, RecordsTheReplacementAndKeepsItAfterRetirement) {
  const auto set = [](const std::string& body) {
    testing::Loaded loaded = testing::LoadYaml("catalog: t\ntitle: T\n" + body);
    EXPECT_TRUE(loaded.set) << loaded.Text();
    return std::move(*loaded.set);
  };
  const model::CatalogSet v1 =
      set("errors:\n  - {code: E1, name: A, summary: S, message: M.}\n"
          "  - {code: E2, name: B, summary: S, message: M.}\n");
  const model::CatalogSet v2 =
      set("errors:\n  - {code: E1, name: A, summary: S, message: M., deprecated: Use E2., "
          "replaced_by: E2}\n"
          "  - {code: E2, name: B, summary: S, message: M.}\n");
  const model::CatalogSet v3 =
      set("reserved: [E1]\nerrors:\n  - {code: E2, name: B, summary: S, message: M.}\n");
  lock::Lock lock = lock::Update(lock::Lock{}, v1, "1");
  EXPECT_EQ(lock.Find("E1")->replaced_by, "");
  lock = lock::Update(lock, v2, "2");
  EXPECT_EQ(lock.Find("E1")->replaced_by, "E2");
  lock = lock::Update(lock, v3, "3");
  EXPECT_EQ(lock.Find("E1")->state, lock::State::kRetired);
  EXPECT_EQ(lock.Find("E1")->replaced_by, "E2");
  const std::string text = lock::Render(lock);
  EXPECT_NE(text.find("\"retired\":\"3\",\"replaced_by\":\"E2\"}"), std::string::npos) << text;
  // And it reads back.
  testing::TempDir tmp;
  diag::DiagnosticSink sink;
  const auto read = lock::ReadLock(tmp.Write("errcat.lock", text).string(), sink);
  ASSERT_TRUE(read) << sink.error_count();
  EXPECT_EQ(read->Find("E1")->replaced_by, "E2");
}

// A lock's codes name tombstone pages, so they obey the catalogs' rule for codes.
TEST(Lock, ACodeThatCannotNameAFileIsRefused) {
  testing::TempDir tmp;
  diag::DiagnosticSink sink;
  const auto path =
      tmp.Write("errcat.lock",
                "{\"errcat_lock\": 1, \"codes\": [\n"
                "{\"catalog\":\"t\",\"code\":\"../../etc/x\",\"value\":1,\"name\":\"A\","
                "\"params\":[],\"state\":\"retired\",\"active\":\"1\"}\n]}\n");
  EXPECT_FALSE(lock::ReadLock(path.string(), sink));
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.Sorted()[0].rule, "code-unsafe");
  EXPECT_EQ(sink.Sorted()[0].location.line, 2);
}

}  // namespace
}  // namespace errcat
