// history::Build: what the releases and the lock say of each code, and which of them wins.
#include "history/history.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat {
namespace {

model::CatalogSet Set(const std::string& errors, const std::string& reserved = "") {
  testing::Loaded loaded =
      testing::LoadYaml("catalog: t\ntitle: T\nreserved: [" + reserved + "]\nerrors:\n" + errors);
  EXPECT_TRUE(loaded.set) << loaded.Text();
  return std::move(*loaded.set);
}

const char* const kA = "  - {code: E1, name: A, summary: S, message: M.}\n";
const char* const kB =
    "  - {code: E2, name: B, summary: Second, message: \"At {0}.\", params: [{name: n, type: "
    "int}]}\n";
const char* const kBDeprecated =
    "  - {code: E2, name: B, summary: Second, message: \"At {0}.\", params: [{name: n, type: "
    "int}], "
    "deprecated: Gone soon., replaced_by: E3}\n";
const char* const kC = "  - {code: E3, name: C, summary: S, message: M.}\n";

TEST(History, ReleasesSayWhenEachCodeEnteredEachState) {
  const model::CatalogSet v1 = Set(kA), v2 = Set(std::string(kA) + kB),
                          v3 = Set(std::string(kA) + kBDeprecated + kC),
                          now = Set(std::string(kA) + kC, "E2");
  const model::History h = history::Build(now, nullptr, {{&v1, "v1"}, {&v2, "v2"}, {&v3, "v3"}});
  ASSERT_EQ(h.codes.size(), 3u);
  const model::CodeHistory* e1 = h.Find("E1");
  const model::CodeHistory* e2 = h.Find("E2");
  const model::CodeHistory* e3 = h.Find("E3");
  ASSERT_TRUE(e1 && e2 && e3);
  EXPECT_EQ(e1->since, "");  // in the oldest release: issued then or before
  EXPECT_EQ(e2->since, "v2");
  EXPECT_EQ(e2->deprecated_in, "v3");
  EXPECT_TRUE(e2->retired);
  EXPECT_EQ(e2->retired_in, "");  // retired after the last release: not released yet
  EXPECT_EQ(e2->name, "B");
  EXPECT_EQ(e2->summary, "Second");
  EXPECT_EQ(e2->params, std::vector<std::string>{"int"});
  EXPECT_EQ(e2->replaced_by, "E3");
  EXPECT_EQ(e3->since, "v3");
  EXPECT_FALSE(e3->retired);
  // The catalog changed since v3, so the notes have an "unreleased" section, newest first.
  EXPECT_NE(h.release_notes_html.find("from v3 to unreleased"), std::string::npos);
  EXPECT_LT(h.release_notes_html.find("from v3 to unreleased"),
            h.release_notes_html.find("from v1 to v2"));
}

TEST(History, TheLockFillsWhatTheReleasesDoNotKnow) {
  const model::CatalogSet v1 = Set(std::string(kA) + kB), now = Set(std::string(kA) + kC, "E2");
  lock::Lock lock;
  lock.entries = {
      {"t", "E1", 0, "A", {}, lock::State::kActive, "2026-01-01", "", "", "", {}},
      {"t", "E2", 0, "B", {"int"}, lock::State::kRetired, "2026-01-01", "", "1.4", "", {}},
      {"t", "E3", 0, "C", {}, lock::State::kActive, "1.4", "", "", "", {}},
      {"t", "E9", 9, "Old", {"string"}, lock::State::kRetired, "0.1", "0.2", "0.3", "E1", {}}};
  const model::History h = history::Build(now, &lock, {{&v1, "v1"}});
  // E1 is in the oldest release: the lock's stamp may be the day the lock was made, not taken.
  EXPECT_EQ(h.Find("E1")->since, "");
  EXPECT_EQ(h.Find("E2")->retired_in, "1.4");    // after the last release: the lock's stamp
  EXPECT_EQ(h.Find("E3")->since, "1.4");         // in no release: the lock's stamp
  const model::CodeHistory* old = h.Find("E9");  // only the lock knows it
  ASSERT_NE(old, nullptr);
  EXPECT_TRUE(old->retired);
  EXPECT_EQ(old->name, "Old");
  EXPECT_EQ(old->value, 9);
  EXPECT_EQ(old->since, "0.1");
  EXPECT_EQ(old->deprecated_in, "0.2");
  EXPECT_EQ(old->retired_in, "0.3");
  EXPECT_EQ(old->replaced_by, "E1");

  // The lock alone: every stamp is taken; no releases, no notes.
  const model::History alone = history::Build(now, &lock, {});
  EXPECT_EQ(alone.Find("E1")->since, "2026-01-01");
  EXPECT_TRUE(alone.release_notes_html.empty());
  EXPECT_TRUE(history::Build(now, nullptr, {}).empty());
}

TEST(History, ACatalogEqualToTheLastReleaseAddsNoSection) {
  const model::CatalogSet v1 = Set(kA), v2 = Set(std::string(kA) + kB),
                          now = Set(std::string(kA) + kB);
  const model::History h = history::Build(now, nullptr, {{&v1, "v1"}, {&v2, "v2"}});
  EXPECT_EQ(h.release_notes_html.find("unreleased"), std::string::npos);
  EXPECT_NE(h.release_notes_html.find("from v1 to v2"), std::string::npos);
  EXPECT_EQ(h.Find("E2")->since, "v2");
}

}  // namespace
}  // namespace errcat
