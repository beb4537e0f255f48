// The index that finds, in one pass over a text, the few messages that could have rendered it.
// Each message gets a key, a piece of its own text that few other messages share:
//   * a 16-byte window of one of its literal pieces, the rarest; all such keys go in one
//     WindowTable, a hashed set probed at every position of the text (Rabin-Karp for many
//     patterns of one length: no per-byte branch but a rare filter hit, so it keeps its speed
//     whatever the catalog's size, bench/README.md "match");
//   * failing that (every piece shorter), its longest piece of kMinKey bytes or more; all such
//     keys go in one Aho-Corasick Automaton;
//   * failing that, none: the message is tried on every text.
// Built here for `errcat match`, and emitted as constant tables by the C++ back end for the
// generated match_message(), whose runtime walks them with the same loops.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace errcat::match {

// A message as literal pieces around its placeholders: lit[0] P0 lit[1] ... P(k-1) lit[k];
// adjacent placeholders have an empty piece between them.
// A message with plurals has one pattern per combination of their cases ("# minute",
// "# minutes"); in an `=N` case the parameter is N without being shown.
struct Pattern {
  std::vector<std::string> lit;
  std::vector<int> arg;  // the parameter each placeholder shows
  size_t literal_bytes = 0;
  std::vector<std::pair<int, std::string>> fixed;  // parameters an `=N` case gives, and N
};
std::vector<Pattern> PatternsOf(const model::Error& e);

// Whether a message can be told from any text at all: "{0}" alone (a string) matches every
// text and says nothing, and an empty message matches nothing.
bool Matchable(const model::Error& e, const Pattern& p);

// Keys shorter than this are not worth an automaton state: such messages are tried on every
// text (each piece is still searched for before any split is tried).
inline constexpr size_t kMinKey = 3;
// Automaton states with this many edges or more get a dense row: `errcat match` favours speed;
// the generated tables favour size, as they are in users' binaries.
inline constexpr size_t kDenseEdgesForErrcat = 4;
inline constexpr size_t kDenseEdgesForGenerated = 16;

// Aho-Corasick over a list of keys, in one array of 32-bit words, `table`, laid out for the
// cache: a scan visits states all over the trie, so each state's data is together. A state is
// the offset of its data in the table:
//   * the states with many moves (the root, at 0, and the shallow states most bytes pass
//     through) come first, as rows of 256 words: the complete move on every byte, fail links
//     already followed;
//   * every other state is [fail, edge count n, number, n bytes packed four to a word (the
//     first in the low bits), n targets]: its moves, sorted by byte, and where to fall back.
// A move's target carries kHasOutput when keys end there; the keys that end at a state are
// outputs[first_output[number] .. first_output[number + 1]) (a dense state's number is its
// row), its own and those its fail chain reaches.
struct Automaton {
  static constexpr std::uint32_t kHasOutput = 0x80000000u;
  std::uint32_t dense_words = 256;  // the rows of the dense states: table[0 .. dense_words)
  std::vector<std::uint32_t> table;
  std::vector<std::uint32_t> first_output;  // per state number, and one past the last
  std::vector<std::uint32_t> outputs;       // key indices
  size_t state_count = 1;

  std::uint32_t dense_count() const { return dense_words / 256; }

  // The state after byte c from state s (an offset without its flag); with its flag.
  std::uint32_t Move(std::uint32_t s, unsigned char c) const {
    for (;;) {
      if (s < dense_words) return table[s + c];
      const std::uint32_t* state = &table[s];
      const std::uint32_t n = state[1];
      for (std::uint32_t e = 0; e < n; ++e) {
        const std::uint32_t byte = (state[3 + e / 4] >> (8 * (e % 4))) & 0xFFu;
        if (byte == c) return state[3 + (n + 3) / 4 + e];
        if (byte > c) break;
      }
      s = state[0];
    }
  }
  // The keys that end at state s (with its flag).
  template <typename OnKey>
  void Outputs(std::uint32_t s, OnKey&& on_key) const {
    const std::uint32_t offset = s & ~kHasOutput;
    const std::uint32_t number = offset < dense_words ? offset / 256 : table[offset + 2];
    for (std::uint32_t o = first_output[number]; o < first_output[number + 1]; ++o)
      on_key(outputs[o]);
  }

  // Calls on_key(key index) for every occurrence of every key in `text`, in the order their
  // last bytes occur (keys ending at the same byte: longest first).
  template <typename OnKey>
  void Scan(std::string_view text, OnKey&& on_key) const {
    std::uint32_t s = 0;  // with its flag
    for (const char ch : text) {
      s = Move(s & ~kHasOutput, static_cast<unsigned char>(ch));
      if (s & kHasOutput) Outputs(s, on_key);
    }
  }
};

// The automaton over `keys` (none empty); key i is reported as i. A state with `dense_edges`
// edges or more gets a dense row: faster to walk, 1 KB each.
Automaton BuildAutomaton(const std::vector<std::string>& keys, size_t dense_edges);

// The bytes p[0..8) as a number, the first in the low bits, on every machine (g++ and clang++
// make it one load on a little-endian one).
inline std::uint64_t LoadLittleEndian64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}
// The hash of the 16-byte window at p; the generated runtime computes the same.
inline std::uint64_t WindowHash(const char* p) {
  std::uint64_t h = (LoadLittleEndian64(p) * 0x9E3779B97F4A7C15ull) ^
                    (LoadLittleEndian64(p + 8) * 0xC2B2AE3D27D4EB4Full);
  h ^= h >> 32;
  return h * 0xD6E8FEB86659FD93ull;
}

// A set of 16-byte keys, probed at every position of a text. A position costs a hash and one
// bit of `filter` (32 bits per key: about 3% of positions that hold no key pass it); a position
// that passes looks its hash up in `slots` (open addressing, linear probing, key + 1, 0 for
// empty) and compares the key's bytes, `key_words[2k]` and `[2k + 1]` as LoadLittleEndian64
// reads them. The key's values are values[first_value[k] .. first_value[k + 1]).
struct WindowTable {
  static constexpr size_t kWidth = 16;
  unsigned filter_shift = 63;  // a hash's filter bit: h >> filter_shift
  std::vector<std::uint64_t> filter;
  std::uint64_t slot_mask = 0;  // a hash's first slot: (h >> 24) & slot_mask
  std::vector<std::uint32_t> slots;
  std::vector<std::uint64_t> key_words;
  std::vector<std::uint32_t> first_value;
  std::vector<std::uint32_t> values;

  size_t key_count() const { return key_words.size() / 2; }

  // Calls on_value(value) for each value of each key at each position of `text`, in order.
  template <typename OnValue>
  void Scan(std::string_view text, OnValue&& on_value) const {
    if (key_words.empty() || text.size() < kWidth) return;
    const char* p = text.data();
    for (size_t i = 0, last = text.size() - kWidth; i <= last; ++i) {
      const std::uint64_t h = WindowHash(p + i);
      const std::uint64_t bit = h >> filter_shift;
      if (((filter[bit / 64] >> (bit % 64)) & 1) == 0) continue;
      const std::uint64_t a = LoadLittleEndian64(p + i), b = LoadLittleEndian64(p + i + 8);
      for (std::uint64_t slot = (h >> 24) & slot_mask; slots[slot] != 0;
           slot = (slot + 1) & slot_mask) {
        const std::uint32_t k = slots[slot] - 1;
        if (key_words[2 * k] != a || key_words[2 * k + 1] != b) continue;
        for (std::uint32_t v = first_value[k]; v < first_value[k + 1]; ++v) on_value(values[v]);
        break;
      }
    }
  }
};

// The table of `keys` (each kWidth bytes), key k's values being values_of[k].
WindowTable BuildWindowTable(const std::vector<std::string>& keys,
                             const std::vector<std::vector<std::uint32_t>>& values_of);

// The messages of a catalog, or of a set, ready to be matched: the matchable errors in order,
// their patterns, and the automaton over their keys.
struct MessageIndex {
  struct Entry {
    const model::Catalog* catalog;
    const model::Error* error;
    Pattern pattern;
    bool plural_form;  // one of several patterns of its error's message
  };
  std::vector<Entry> entries;             // in catalog order, an error's plural forms together
  std::vector<std::uint32_t> always;      // entries without a key: tried for every text
  WindowTable windows;                    // the 16-byte keys; its values are entries
  Automaton automaton;                    // the shorter keys
  std::vector<std::uint32_t> short_keys;  // the automaton's key index -> entry

  // Calls on_entry(entry) for each entry whose key is in `text` (an entry may come more than
  // once), not for those in `always`.
  template <typename OnEntry>
  void Candidates(std::string_view text, OnEntry&& on_entry) const {
    windows.Scan(text, on_entry);
    if (!short_keys.empty())
      automaton.Scan(text, [&](std::uint32_t key) { on_entry(short_keys[key]); });
  }
};
MessageIndex BuildMessageIndex(const std::vector<const model::Catalog*>& catalogs,
                               size_t dense_edges);

}  // namespace errcat::match
