// From a log line back to the error, at 10k errors (the synth10k catalog and a log written by
// make_catalog from its messages: three lines in four are a message with random arguments):
//   * MatchMessage: the generated match_message<E>(line), one index over the catalog;
//   * ErrcatMatcher: `errcat match`'s own match::Matcher::Find(line, 1), on the same index;
//   * StdRegexLoop: the baseline the issue names, one std::regex per message tried in turn;
//   * KeyScan_*: only the candidate filter, the same 16-byte keys through errcat's index (a
//     hashed window table), through an Aho-Corasick automaton and through RE2::Set, the
//     packaged library that does it (why errcat has its own: bench/README.md).
// Each reports the time per line and bytes per second (the log's bytes).
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "loader/loader.h"
#include "match/match.h"
#include "synth00_errors.hpp"

namespace {

using synth00::Synth00Error;

const std::vector<std::string>& Lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> v;
    std::ifstream in(ERRCAT_BENCH_LOG);
    for (std::string line; std::getline(in, line);) v.push_back(line);
    if (v.empty()) std::abort();  // the bench's log is made by its build
    return v;
  }();
  return lines;
}

const errcat::model::CatalogSet& Set() {
  static const errcat::model::CatalogSet set = [] {
    errcat::diag::DiagnosticSink sink;
    auto loaded = errcat::loader::LoadPaths({ERRCAT_BENCH_CATALOG}, {}, sink);
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return set;
}

template <typename Match>
void PerLine(benchmark::State& state, Match match) {
  const std::vector<std::string>& lines = Lines();
  size_t i = 0, bytes = 0, found = 0;
  for (auto _ : state) {
    const std::string& line = lines[i];
    found += match(line);
    bytes += line.size() + 1;  // and its newline
    if (++i == lines.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["matched"] =
      benchmark::Counter(static_cast<double>(found) / static_cast<double>(state.iterations()));
}

void BM_MatchMessage(benchmark::State& s) {
  PerLine(s, [](const std::string& line) {
    const auto m = synth00::match_message<Synth00Error>(line);
    benchmark::DoNotOptimize(m);
    return m.has_value();
  });
}

void BM_ErrcatMatcher(benchmark::State& s) {
  static const errcat::match::Matcher matcher(Set());
  PerLine(s, [](const std::string& line) { return !matcher.Find(line, 1).empty(); });
}

// One std::regex per message, as the message's pieces with each placeholder a group of its
// type; tried in catalog order until one matches.
const std::vector<std::regex>& Regexes() {
  static const std::vector<std::regex> regexes = [] {
    std::vector<std::regex> v;
    const auto quote = [](const std::string& text) {
      std::string out;
      for (char c : text) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
        out += c;
      }
      return out;
    };
    for (const errcat::model::Catalog& c : Set().catalogs())
      for (const errcat::model::Error& e : c.errors) {
        std::string pattern;
        for (const errcat::model::MessageSegment& seg : e.segments) {
          if (seg.arg < 0) {
            pattern += quote(seg.literal);
            continue;
          }
          switch (e.params[static_cast<size_t>(seg.arg)].type) {
            case errcat::model::ParamType::kInt:
              pattern += "(-?[0-9]+)";
              break;
            case errcat::model::ParamType::kUint:
              pattern += "([0-9]+)";
              break;
            case errcat::model::ParamType::kDouble:
              pattern += "(-?[0-9][0-9.e+-]*|-?inf|-?nan)";
              break;
            case errcat::model::ParamType::kBool:
              pattern += "(true|false)";
              break;
            case errcat::model::ParamType::kString:
              pattern += "(.*?)";
              break;
          }
        }
        v.emplace_back(pattern, std::regex::optimize);
      }
    return v;
  }();
  return regexes;
}

void BM_StdRegexLoop(benchmark::State& s) {
  const std::vector<std::regex>& regexes = Regexes();
  PerLine(s, [&](const std::string& line) {
    std::smatch m;
    for (const std::regex& r : regexes)
      if (std::regex_search(line, m, r)) return true;
    return false;
  });
}

// The keys the automaton is built over, for RE2::Set.
const errcat::match::MessageIndex& Index() {
  static const errcat::match::MessageIndex index = [] {
    std::vector<const errcat::model::Catalog*> catalogs;
    for (const errcat::model::Catalog& c : Set().catalogs()) catalogs.push_back(&c);
    return errcat::match::BuildMessageIndex(catalogs, errcat::match::kDenseEdgesForErrcat);
  }();
  return index;
}

// The index's 16-byte keys as text.
std::vector<std::string> WindowKeys() {
  const errcat::match::WindowTable& w = Index().windows;
  std::vector<std::string> keys;
  for (size_t k = 0; k < w.key_count(); ++k) {
    std::string key(16, '\0');
    for (size_t i = 0; i < 16; ++i)
      key[i] = static_cast<char>(w.key_words[2 * k + i / 8] >> (8 * (i % 8)));
    keys.push_back(key);
  }
  return keys;
}

// The candidate filter alone: errcat's index (16-byte keys in the hashed window table, the few
// shorter ones in the automaton).
void BM_KeyScan_Index(benchmark::State& s) {
  const errcat::match::MessageIndex& index = Index();
  size_t hits = 0;
  PerLine(s, [&](const std::string& line) {
    size_t keys = 0;
    index.Candidates(line, [&](std::uint32_t) { ++keys; });
    hits += keys;
    return keys > 0;
  });
  s.counters["keys_per_line"] =
      benchmark::Counter(static_cast<double>(hits) / static_cast<double>(s.iterations()));
}

// The same keys, every one, in the Aho-Corasick automaton (what the index uses for short keys
// only): per byte, a move through a trie of 10k keys.
void BM_KeyScan_Automaton(benchmark::State& s) {
  static const errcat::match::Automaton a = [] {
    return errcat::match::BuildAutomaton(WindowKeys(), errcat::match::kDenseEdgesForErrcat);
  }();
  PerLine(s, [&](const std::string& line) {
    size_t keys = 0;
    a.Scan(line, [&](std::uint32_t) { ++keys; });
    return keys > 0;
  });
  s.counters["states"] = static_cast<double>(a.state_count);
  s.counters["table_KiB"] = static_cast<double>(a.table.size() * 4 / 1024);
}

void BM_KeyScan_Re2Set(benchmark::State& s) {
  static const std::unique_ptr<RE2::Set> set = [] {
    RE2::Options options;
    options.set_max_mem(int64_t{1} << 30);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& key : WindowKeys())
      if (set->Add(RE2::QuoteMeta(key), nullptr) < 0) std::abort();
    if (!set->Compile()) std::abort();
    return set;
  }();
  PerLine(s, [&](const std::string& line) {
    std::vector<int> hits;
    set->Match(line, &hits);
    return !hits.empty();
  });
}

}  // namespace

BENCHMARK(BM_MatchMessage);
BENCHMARK(BM_ErrcatMatcher);
BENCHMARK(BM_StdRegexLoop)->Iterations(200);
BENCHMARK(BM_KeyScan_Index);
BENCHMARK(BM_KeyScan_Automaton);
BENCHMARK(BM_KeyScan_Re2Set);
BENCHMARK_MAIN();
