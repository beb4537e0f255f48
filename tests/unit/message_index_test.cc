// The candidate filter of `errcat match` and of the generated match_message(): the Aho-Corasick
// automaton and the window table report exactly the occurrences a naive search finds, and each
// message's key is a piece of its own text.
#include "match/message_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>

#include "test_support.h"

namespace errcat {
namespace {

// Text over a small alphabet, so that keys overlap, share prefixes and recur.
std::string RandomText(std::mt19937& random, size_t size, const char* alphabet) {
  std::string s;
  const size_t n = std::char_traits<char>::length(alphabet);
  for (size_t i = 0; i < size; ++i) s += alphabet[random() % n];
  return s;
}

// (end of occurrence, key) for every occurrence of every key in text.
std::multiset<std::pair<size_t, std::uint32_t>> NaiveOccurrences(
    const std::vector<std::string>& keys, const std::string& text) {
  std::multiset<std::pair<size_t, std::uint32_t>> found;
  for (std::uint32_t k = 0; k < keys.size(); ++k)
    for (size_t at = text.find(keys[k]); at != std::string::npos; at = text.find(keys[k], at + 1))
      found.insert({at + keys[k].size(), k});
  return found;
}

TEST(MessageIndex, AutomatonFindsEveryOccurrenceOfEveryKey) {
  std::mt19937 random(7);
  for (const size_t dense_edges : {size_t{1}, size_t{2}, size_t{4}, size_t{1000}}) {
    for (int round = 0; round < 20; ++round) {
      std::vector<std::string> keys;
      for (int k = 0; k < 40; ++k) keys.push_back(RandomText(random, 1 + random() % 6, "abc"));
      keys.push_back(keys[0]);     // a key twice: reported twice
      keys.push_back("\xff\x80");  // bytes above 0x7f
      const match::Automaton a = match::BuildAutomaton(keys, dense_edges);
      const std::string text = RandomText(random, 300, "abcd") + "\xff\x80";
      std::multiset<std::pair<size_t, std::uint32_t>> found;
      // Scan reports a key when its last byte is read: find that position by scanning prefixes.
      std::vector<std::uint32_t> seen;
      for (size_t end = 1; end <= text.size(); ++end) {
        std::vector<std::uint32_t> at_prefix;
        a.Scan(std::string_view(text).substr(0, end),
               [&](std::uint32_t k) { at_prefix.push_back(k); });
        for (size_t i = seen.size(); i < at_prefix.size(); ++i) found.insert({end, at_prefix[i]});
        seen = std::move(at_prefix);
      }
      ASSERT_EQ(found, NaiveOccurrences(keys, text)) << "dense_edges " << dense_edges;
      if (dense_edges == 1000) {
        EXPECT_EQ(a.dense_count(), 1u);  // the root only
      }
    }
  }
}

TEST(MessageIndex, WindowTableFindsEveryOccurrenceOfEveryKey) {
  std::mt19937 random(11);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> keys;
    std::vector<std::vector<std::uint32_t>> values;
    std::set<std::string> distinct;
    while (keys.size() < 30) {
      std::string key = RandomText(random, 16, "ab");
      if (!distinct.insert(key).second) continue;
      values.push_back({static_cast<std::uint32_t>(keys.size()), 1000});  // two values each
      keys.push_back(std::move(key));
    }
    const match::WindowTable t = match::BuildWindowTable(keys, values);
    ASSERT_EQ(t.key_count(), keys.size());
    const std::string text = RandomText(random, 2000, "ab");
    std::multiset<std::uint32_t> found;
    size_t hits = 0;
    // Values come in text order: each key's own value, then 1000.
    std::uint32_t last = UINT32_MAX;
    t.Scan(text, [&](std::uint32_t v) {
      if (v == 1000) {
        ASSERT_NE(last, UINT32_MAX);
        ++hits;
        return;
      }
      last = v;
      found.insert(v);
    });
    std::multiset<std::uint32_t> expected;
    for (const auto& occurrence : NaiveOccurrences(keys, text)) expected.insert(occurrence.second);
    EXPECT_EQ(found, expected);
    EXPECT_EQ(hits, expected.size());
  }
  // Too short a text, and an empty table, find nothing.
  const match::WindowTable empty = match::BuildWindowTable({}, {});
  empty.Scan("0123456789abcdef0123", [](std::uint32_t) { FAIL(); });
  const match::WindowTable one = match::BuildWindowTable({"0123456789abcdef"}, {{5}});
  one.Scan("0123456789abcde", [](std::uint32_t) { FAIL(); });
  int found = 0;
  one.Scan("x0123456789abcdefx", [&](std::uint32_t v) { found += v == 5; });
  EXPECT_EQ(found, 1);
}

TEST(MessageIndex, EachMessageKeysOnAPieceOfItsOwnText) {
  const testing::Loaded t = testing::LoadYaml(
      "catalog: t\ntitle: T\nerrors:\n"
      "  - {code: E1, name: Long, summary: S, message: \"The token {0} expired an hour ago.\", "
      "params: [{name: t, type: string}]}\n"
      "  - {code: E2, name: Short, summary: S, message: \"Not found: {0}\", params: [{name: w, "
      "type: string}]}\n"
      "  - {code: E3, name: Tiny, summary: S, message: \"{0}: {1}\", params: [{name: a, type: "
      "int}, {name: b, type: int}]}\n"
      "  - {code: E4, name: Alone, summary: S, message: \"{0}\", params: [{name: a, type: "
      "string}]}\n");
  ASSERT_TRUE(t.set) << t.Text();
  std::vector<const model::Catalog*> catalogs;
  for (const model::Catalog& c : t.set->catalogs()) catalogs.push_back(&c);
  const match::MessageIndex index = match::BuildMessageIndex(catalogs, match::kDenseEdgesForErrcat);
  // "{0}" alone says nothing: not an entry.
  ASSERT_EQ(index.entries.size(), 3u);
  EXPECT_EQ(index.windows.key_count(), 1u);  // E1's " expired an hour ago." has 16-byte windows
  ASSERT_EQ(index.short_keys.size(), 1u);    // E2: "Not found: "
  EXPECT_EQ(index.entries[index.short_keys[0]].error->code, "E2");
  ASSERT_EQ(index.always.size(), 1u);  // E3: no piece of kMinKey bytes
  EXPECT_EQ(index.entries[index.always[0]].error->code, "E3");
  std::vector<std::string> named;
  index.Candidates("x Not found: y; The token q expired an hour ago.",
                   [&](std::uint32_t entry) { named.push_back(index.entries[entry].error->code); });
  std::sort(named.begin(), named.end());
  EXPECT_EQ(named, (std::vector<std::string>{"E1", "E2"}));
}

}  // namespace
}  // namespace errcat
