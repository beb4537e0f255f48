#include "match/message_index.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace errcat::match {

std::vector<Pattern> PatternsOf(const model::Error& e) {
  std::vector<Pattern> forms(1);
  forms[0].lit.emplace_back();
  const auto add = [](Pattern& p, const model::MessageSegment& s) {
    if (s.arg < 0) {
      p.lit.back() += s.literal;
    } else {
      p.arg.push_back(s.arg);
      p.lit.emplace_back();
    }
  };
  for (const model::MessageSegment& s : e.segments) {
    if (!s.is_plural()) {
      for (Pattern& p : forms) add(p, s);
      continue;
    }
    std::vector<Pattern> next;
    for (const Pattern& p : forms)
      for (const model::PluralCase& c : s.plural) {
        Pattern form = p;
        if (c.selector[0] == '=') form.fixed.emplace_back(s.arg, c.selector.substr(1));
        for (const model::MessageSegment& inner : c.segments) add(form, inner);
        next.push_back(std::move(form));
      }
    forms = std::move(next);
  }
  for (Pattern& p : forms)
    for (const std::string& piece : p.lit) p.literal_bytes += piece.size();
  return forms;
}

bool Matchable(const model::Error& e, const Pattern& p) {
  if (p.literal_bytes > 0) return true;
  if (p.arg.empty()) return false;
  return p.arg.size() > 1 ||
         e.params[static_cast<size_t>(p.arg[0])].type != model::ParamType::kString;
}

Automaton BuildAutomaton(const std::vector<std::string>& keys, size_t dense_edges) {
  // The trie, each state's edges sorted by byte.
  std::vector<std::vector<std::pair<std::uint8_t, std::uint32_t>>> edges(1);
  std::vector<std::vector<std::uint32_t>> own(1);
  const auto child = [&](std::uint32_t s, std::uint8_t c) -> std::uint32_t {
    const auto& e = edges[s];
    const auto it = std::lower_bound(e.begin(), e.end(), std::make_pair(c, std::uint32_t{0}));
    return it != e.end() && it->first == c ? it->second : 0;
  };
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    std::uint32_t s = 0;
    for (const char ch : keys[k]) {
      const auto c = static_cast<std::uint8_t>(ch);
      std::uint32_t next = child(s, c);
      if (next == 0) {
        next = static_cast<std::uint32_t>(edges.size());
        auto& e = edges[s];
        e.insert(std::lower_bound(e.begin(), e.end(), std::make_pair(c, std::uint32_t{0})),
                 {c, next});
        edges.emplace_back();
        own.emplace_back();
      }
      s = next;
    }
    own[s].push_back(k);
  }
  const size_t n = edges.size();
  std::vector<std::uint32_t> order{0};  // breadth first: a state's fail target comes before it
  for (size_t i = 0; i < order.size(); ++i)
    for (const auto& [c, t] : edges[order[i]]) order.push_back(t);
  std::vector<std::uint32_t> fail(n, 0);
  for (const std::uint32_t s : order)
    for (const auto& [c, t] : edges[s]) {
      if (s == 0) continue;  // depth 1 fails to the root
      for (std::uint32_t f = fail[s];; f = fail[f]) {
        if (const std::uint32_t next = child(f, c); next != 0) {
          fail[t] = next;
          break;
        }
        if (f == 0) break;
      }
    }
  std::vector<std::vector<std::uint32_t>> outputs(n);
  for (const std::uint32_t s : order) {
    outputs[s] = own[s];
    if (s != 0)
      outputs[s].insert(outputs[s].end(), outputs[fail[s]].begin(), outputs[fail[s]].end());
  }
  // Dense states first, then the others, each group breadth first; each state's offset.
  const auto is_dense = [&](std::uint32_t s) { return s == 0 || edges[s].size() >= dense_edges; };
  std::vector<std::uint32_t> renumbered;
  for (int pass = 0; pass < 2; ++pass)
    for (const std::uint32_t s : order)
      if (is_dense(s) == (pass == 0)) renumbered.push_back(s);
  std::vector<std::uint32_t> offset(n);
  std::uint32_t next = 0;
  for (const std::uint32_t s : renumbered) {
    offset[s] = next;
    const auto e = static_cast<std::uint32_t>(edges[s].size());
    next += is_dense(s) ? 256 : 3 + (e + 3) / 4 + e;
  }
  if (next >= Automaton::kHasOutput) throw std::length_error("match automaton too large");
  const auto target = [&](std::uint32_t s) {
    return offset[s] | (outputs[s].empty() ? 0 : Automaton::kHasOutput);
  };
  // The complete move of a state on a byte: its edge, or its fail target's move.
  const auto move = [&](std::uint32_t s, std::uint8_t c) {
    for (;; s = fail[s]) {
      if (const std::uint32_t next = child(s, c); next != 0) return next;
      if (s == 0) return std::uint32_t{0};
    }
  };
  Automaton a;
  a.table.reserve(next);
  a.state_count = n;
  a.dense_words = 0;
  for (std::uint32_t number = 0; number < n; ++number) {
    const std::uint32_t s = renumbered[number];
    if (is_dense(s)) {
      a.dense_words += 256;
      for (unsigned c = 0; c < 256; ++c)
        a.table.push_back(target(move(s, static_cast<std::uint8_t>(c))));
    } else {
      const auto& e = edges[s];
      a.table.push_back(offset[fail[s]]);
      a.table.push_back(static_cast<std::uint32_t>(e.size()));
      a.table.push_back(number);
      for (size_t i = 0; i < e.size(); i += 4) {
        std::uint32_t word = 0;
        for (size_t k = i; k < std::min(e.size(), i + 4); ++k)
          word |= std::uint32_t{e[k].first} << (8 * (k - i));
        a.table.push_back(word);
      }
      for (const auto& [c, t] : e) a.table.push_back(target(t));
    }
    a.first_output.push_back(static_cast<std::uint32_t>(a.outputs.size()));
    a.outputs.insert(a.outputs.end(), outputs[s].begin(), outputs[s].end());
  }
  a.first_output.push_back(static_cast<std::uint32_t>(a.outputs.size()));
  return a;
}

WindowTable BuildWindowTable(const std::vector<std::string>& keys,
                             const std::vector<std::vector<std::uint32_t>>& values_of) {
  WindowTable t;
  unsigned filter_log2 = 6;
  while ((size_t{1} << filter_log2) < keys.size() * 32) ++filter_log2;
  t.filter_shift = 64 - filter_log2;
  t.filter.assign((size_t{1} << filter_log2) / 64, 0);
  size_t slot_count = 2;
  while (slot_count < keys.size() * 2) slot_count *= 2;
  t.slot_mask = slot_count - 1;
  t.slots.assign(slot_count, 0);
  t.first_value.push_back(0);
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const char* p = keys[k].data();
    const std::uint64_t h = WindowHash(p);
    const std::uint64_t bit = h >> t.filter_shift;
    t.filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
    std::uint64_t slot = (h >> 24) & t.slot_mask;
    while (t.slots[slot] != 0) slot = (slot + 1) & t.slot_mask;
    t.slots[slot] = k + 1;
    t.key_words.push_back(LoadLittleEndian64(p));
    t.key_words.push_back(LoadLittleEndian64(p + 8));
    t.values.insert(t.values.end(), values_of[k].begin(), values_of[k].end());
    t.first_value.push_back(static_cast<std::uint32_t>(t.values.size()));
  }
  return t;
}

namespace {

constexpr size_t kWidth = WindowTable::kWidth;

// Each message's key: of its pieces' 16-byte windows, the one the fewest messages share (then
// the earliest); a message whose pieces are all shorter keys on its longest piece; none when
// every piece is shorter than kMinKey. (Windows are counted by hash: two windows that hash
// alike only make a key look more common than it is.)
std::vector<std::string> ChooseKeys(const std::vector<MessageIndex::Entry>& entries) {
  struct Seen {
    std::uint32_t messages = 0, last = UINT32_MAX;
  };
  std::unordered_map<std::uint64_t, Seen> windows;
  windows.reserve(entries.size() * 64);
  const auto each_window = [&](const Pattern& p, const auto& visit) {
    for (const std::string& piece : p.lit)
      for (size_t i = 0; i + kWidth <= piece.size(); ++i) visit(piece, i);
  };
  for (std::uint32_t k = 0; k < entries.size(); ++k)
    each_window(entries[k].pattern, [&](const std::string& piece, size_t i) {
      Seen& seen = windows[WindowHash(piece.data() + i)];
      if (seen.last != k) ++seen.messages, seen.last = k;
    });
  std::vector<std::string> keys;
  for (const MessageIndex::Entry& entry : entries) {
    std::string_view best;
    std::uint32_t best_count = UINT32_MAX;
    each_window(entry.pattern, [&](const std::string& piece, size_t i) {
      const std::uint32_t count = windows[WindowHash(piece.data() + i)].messages;
      if (count < best_count) best_count = count, best = std::string_view(piece).substr(i, kWidth);
    });
    if (best.empty())
      for (const std::string& piece : entry.pattern.lit)
        if (piece.size() >= kMinKey && piece.size() > best.size()) best = piece;
    keys.emplace_back(best);
  }
  return keys;
}

}  // namespace

MessageIndex BuildMessageIndex(const std::vector<const model::Catalog*>& catalogs,
                               size_t dense_edges) {
  MessageIndex index;
  for (const model::Catalog* c : catalogs)
    for (const model::Error& e : c->errors) {
      std::vector<Pattern> forms = PatternsOf(e);
      const bool plural = model::HasPlural(e.segments);
      for (Pattern& p : forms)
        if (Matchable(e, p)) index.entries.push_back({c, &e, std::move(p), plural});
    }
  const std::vector<std::string> keys = ChooseKeys(index.entries);
  // Messages that share a window key share its table entry, in catalog order.
  std::vector<std::string> window_keys, short_keys;
  std::vector<std::vector<std::uint32_t>> window_entries;
  std::unordered_map<std::string_view, std::uint32_t> window_key_index;
  for (std::uint32_t entry = 0; entry < keys.size(); ++entry) {
    const std::string& key = keys[entry];
    if (key.empty()) {
      index.always.push_back(entry);
    } else if (key.size() == kWidth) {
      const auto [it, added] =
          window_key_index.emplace(key, static_cast<std::uint32_t>(window_keys.size()));
      if (added) window_keys.push_back(key), window_entries.emplace_back();
      window_entries[it->second].push_back(entry);
    } else {
      index.short_keys.push_back(entry);
      short_keys.push_back(key);
    }
  }
  index.windows = BuildWindowTable(window_keys, window_entries);
  index.automaton = BuildAutomaton(short_keys, dense_edges);
  return index;
}

}  // namespace errcat::match
