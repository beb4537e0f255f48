// Open-addressing tables built at generation time, so generated lookups are O(1) with no
// allocation and no start-up cost. The hash functions are repeated verbatim in
// templates/cpp/runtime.mustache; a test checks both agree.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace errcat::backends::cpp {

// Codes are short, so the latency of the hash is what costs, not its mixing quality (the
// table builder tries several seeds). A code of up to 16 bytes is two overlapping little-endian
// words (the same on every platform), each multiplied by its own odd constant (the two
// multiplies run in parallel), folded to 32 bits. Longer codes mix in a word per round first.
constexpr std::uint64_t LoadLittleEndian(std::string_view s, size_t at, size_t bytes) {
  std::uint64_t k = 0;
  for (size_t b = bytes; b > 0; --b) k = (k << 8) | static_cast<unsigned char>(s[at + b - 1]);
  return k;
}

constexpr std::uint64_t MixWord(std::uint64_t h, std::uint64_t k) {
  h = (h ^ k) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

constexpr std::uint32_t HashCode(std::string_view s, std::uint32_t seed) {
  const size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull * (seed + 1ull), a = 0, b = n;
  if (n > 16) {
    for (size_t i = 0; i + 16 < n; i += 8) h = MixWord(h, LoadLittleEndian(s, i, 8));
    a = LoadLittleEndian(s, n - 16, 8);
    b ^= LoadLittleEndian(s, n - 8, 8);
  } else if (n >= 8) {
    a = LoadLittleEndian(s, 0, 8);
    b ^= LoadLittleEndian(s, n - 8, 8);
  } else if (n >= 4) {
    a = LoadLittleEndian(s, 0, 4) | (LoadLittleEndian(s, n - 4, 4) << 32);
  } else if (n > 0) {
    a = LoadLittleEndian(s, 0, 1) | (LoadLittleEndian(s, n / 2, 1) << 8) | (LoadLittleEndian(s, n - 1, 1) << 16);
  }
  std::uint64_t x = ((a ^ h) * 0xBF58476D1CE4E5B9ull) ^ ((b ^ (h >> 17)) * 0x94D049BB133111EBull);
  x = (x ^ (x >> 32)) * 0xD6E8FEB86659FD93ull;  // the products' high bits depend on every input bit
  return static_cast<std::uint32_t>(x >> 32);
}

// A code slot's one-byte tag: 0 marks an empty slot, any other is 0x80 and seven more bits of
// the hash (bits the slot index does not use for tables under 2^25 slots). A lookup probes the
// small tag array and reads a 16-byte slot only when its tag matches: one in 128 for a miss.
constexpr std::uint8_t CodeTag(std::uint32_t hash) { return static_cast<std::uint8_t>(0x80u | (hash >> 25)); }

// A 32-bit integer mixer (Chris Wellons' lowbias32), seeded.
constexpr std::uint32_t HashValue(std::int32_t v, std::uint32_t seed) {
  std::uint32_t x = static_cast<std::uint32_t>(v) ^ seed;
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

struct HashTable {
  std::uint32_t seed = 0;
  std::uint32_t mask = 0;            // size - 1; size is a power of two >= 1.5 * keys
  std::vector<std::uint32_t> slots;  // index + 1 of the key in that slot, 0 = empty
  int max_probe = 0;                 // longest probe sequence of a present key
};

// The slots of the table BuildHashTable makes for `count` keys: a power of two, at least 2, with
// a load factor of at most 2/3 (small enough tables stay in cache, and the best of several seeds
// keeps the probe sequences short).
constexpr std::uint32_t HashTableSize(size_t count) {
  std::uint32_t size = 2;
  while (size < count + count / 2) size *= 2;
  return size;
}

// Builds a linear-probing table for keys whose hashes (under a seed) `hash(i, seed)` gives.
// Tries several seeds and keeps the one with the shortest worst-case probe: deterministic.
template <typename HashFn>
HashTable BuildHashTable(size_t count, HashFn hash) {
  const std::uint32_t size = HashTableSize(count);
  HashTable best;
  long best_total = -1;
  for (std::uint32_t seed = 0; seed < 16; ++seed) {
    HashTable t;
    t.seed = seed;
    t.mask = size - 1;
    t.slots.assign(size, 0);
    long total = 0;
    for (size_t i = 0; i < count; ++i) {
      std::uint32_t slot = hash(i, seed) & t.mask;
      int probe = 1;
      while (t.slots[slot] != 0) {
        slot = (slot + 1) & t.mask;
        ++probe;
      }
      t.slots[slot] = static_cast<std::uint32_t>(i + 1);
      t.max_probe = std::max(t.max_probe, probe);
      total += probe;
    }
    if (best_total < 0 || t.max_probe < best.max_probe ||
        (t.max_probe == best.max_probe && total < best_total)) {
      best_total = total;
      best = std::move(t);
    }
  }
  return best;
}

}  // namespace errcat::backends::cpp
