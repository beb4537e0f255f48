// Google Benchmark on the generated code, each generated operation side by side with the usual
// alternative, measured in the same run. Two regimes for code lookups:
//   * in cache: a 1,000-error catalog, every code in catalog order, so the tables stay in L1/L2
//     and what is timed is the lookup's own work (InCache_*); the same codes through both
//     lookup paths, digits1k00 (digits spell the value: no hash) and hash1k00 (hash table);
//   * out of cache: a 10,000-error catalog in a scattered order (FromCode_*, UnorderedMap_*).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "digits1k00_errors.hpp"
#include "hash1k00_errors.hpp"
#include "synth00_errors.hpp"

namespace {

using synth00::Synth00Error;

// Codes to look up, in a scattered order so the branch predictor and caches see real work.
const std::vector<std::string>& Hits() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> v;
    for (const auto& info : synth00::all_synth00_errors()) v.emplace_back(info.code);
    for (size_t i = 0; i < v.size(); ++i) std::swap(v[i], v[(i * 7919) % v.size()]);
    return v;
  }();
  return codes;
}

const std::vector<std::string>& Misses() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> v;
    for (const std::string& c : Hits()) v.push_back(c.substr(0, c.size() - 1) + "X");
    return v;
  }();
  return codes;
}

const std::unordered_map<std::string_view, Synth00Error>& Map() {
  static const auto map = [] {
    std::unordered_map<std::string_view, Synth00Error> m;
    for (const auto& info : synth00::all_synth00_errors()) m.emplace(info.code, static_cast<Synth00Error>(info.value));
    return m;
  }();
  return map;
}

const std::vector<std::pair<std::string_view, Synth00Error>>& Sorted() {
  static const auto sorted = [] {
    std::vector<std::pair<std::string_view, Synth00Error>> v;
    for (const auto& info : synth00::all_synth00_errors()) v.emplace_back(info.code, static_cast<Synth00Error>(info.value));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return sorted;
}

std::optional<Synth00Error> SortedFind(std::string_view code) {
  const auto& v = Sorted();
  auto it = std::lower_bound(v.begin(), v.end(), code, [](const auto& e, std::string_view c) { return e.first < c; });
  if (it == v.end() || it->first != code) return std::nullopt;
  return it->second;
}

template <typename Find>
void Lookup(benchmark::State& state, const std::vector<std::string>& codes, Find find) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(find(codes[i]));
    if (++i == codes.size()) i = 0;
  }
}

void BM_FromCode_Hit(benchmark::State& s) { Lookup(s, Hits(), [](const std::string& c) { return synth00::synth00_error_from_code(c); }); }
void BM_FromCode_Miss(benchmark::State& s) { Lookup(s, Misses(), [](const std::string& c) { return synth00::synth00_error_from_code(c); }); }
void BM_UnorderedMap_Hit(benchmark::State& s) {
  Lookup(s, Hits(), [](const std::string& c) { auto it = Map().find(c); return it == Map().end() ? std::nullopt : std::optional(it->second); });
}
void BM_UnorderedMap_Miss(benchmark::State& s) {
  Lookup(s, Misses(), [](const std::string& c) { auto it = Map().find(c); return it == Map().end() ? std::nullopt : std::optional(it->second); });
}
void BM_SortedArray_Hit(benchmark::State& s) { Lookup(s, Hits(), [](const std::string& c) { return SortedFind(c); }); }
void BM_SortedArray_Miss(benchmark::State& s) { Lookup(s, Misses(), [](const std::string& c) { return SortedFind(c); }); }

// --- In cache: 1,000 codes in catalog order. -----------------------------------------------
template <typename Enum, typename List>
std::vector<std::string> CodesInOrder(List all) {
  std::vector<std::string> v;
  for (const auto& info : all) v.emplace_back(info.code);
  return v;
}

const std::vector<std::string>& Hits1k() {
  static const auto codes =
      CodesInOrder<digits1k00::Digits1k00Error>(digits1k00::all_digits1k00_errors());
  return codes;
}

// Misses that look like codes: the same shape, digits past the catalog's last code.
const std::vector<std::string>& Misses1k() {
  static const auto codes = [] {
    std::vector<std::string> v;
    for (int i = 0; i < 1000; ++i) v.push_back(fmt::format("SYN{:07}", 5000 + i));
    return v;
  }();
  return codes;
}

template <typename Enum, typename List>
const std::unordered_map<std::string_view, Enum>& MapOf(List all) {
  static const auto map = [&] {
    std::unordered_map<std::string_view, Enum> m;
    for (const auto& info : all) m.emplace(info.code, static_cast<Enum>(info.value));
    return m;
  }();
  return map;
}

std::optional<digits1k00::Digits1k00Error> MapFind1k(const std::string& c) {
  const auto& map = MapOf<digits1k00::Digits1k00Error>(digits1k00::all_digits1k00_errors());
  auto it = map.find(c);
  return it == map.end() ? std::nullopt : std::optional(it->second);
}

void BM_InCache_DigitPath_Hit(benchmark::State& s) {
  Lookup(s, Hits1k(),
         [](const std::string& c) { return digits1k00::digits1k00_error_from_code(c); });
}
void BM_InCache_HashPath_Hit(benchmark::State& s) {
  Lookup(s, Hits1k(), [](const std::string& c) { return hash1k00::hash1k00_error_from_code(c); });
}
void BM_InCache_UnorderedMap_Hit(benchmark::State& s) { Lookup(s, Hits1k(), MapFind1k); }
void BM_InCache_DigitPath_Miss(benchmark::State& s) {
  Lookup(s, Misses1k(),
         [](const std::string& c) { return digits1k00::digits1k00_error_from_code(c); });
}
void BM_InCache_HashPath_Miss(benchmark::State& s) {
  Lookup(s, Misses1k(), [](const std::string& c) { return hash1k00::hash1k00_error_from_code(c); });
}
void BM_InCache_UnorderedMap_Miss(benchmark::State& s) { Lookup(s, Misses1k(), MapFind1k); }

void BM_Info(benchmark::State& state) {
  std::vector<Synth00Error> errors;
  for (const auto& info : synth00::all_synth00_errors()) errors.push_back(static_cast<Synth00Error>(info.value));
  for (size_t i = 0; i < errors.size(); ++i) std::swap(errors[i], errors[(i * 7919) % errors.size()]);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(&synth00::info(errors[i]));
    if (++i == errors.size()) i = 0;
  }
}

void BM_FormatTyped(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(synth00::format<Synth00Error::BenchProbe>(std::string_view("tok-12345"), 48, 24));
}

void BM_FmtFormat(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(fmt::format(FMT_STRING("The token {} expired {} hours ago; the limit is {} hours."),
                                         std::string_view("tok-12345"), 48, 24));
}

void BM_FormatRuntime(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(synth00::format(Synth00Error::BenchProbe, std::string_view("tok-12345"), 48, 24));
}

void BM_ErrorCodeMessage(benchmark::State& state) {
  const std::error_code ec = Synth00Error::BenchProbe;
  for (auto _ : state) benchmark::DoNotOptimize(ec.message());
}

BENCHMARK(BM_InCache_DigitPath_Hit);
BENCHMARK(BM_InCache_HashPath_Hit);
BENCHMARK(BM_InCache_UnorderedMap_Hit);
BENCHMARK(BM_InCache_DigitPath_Miss);
BENCHMARK(BM_InCache_HashPath_Miss);
BENCHMARK(BM_InCache_UnorderedMap_Miss);
BENCHMARK(BM_FromCode_Hit);
BENCHMARK(BM_UnorderedMap_Hit);
BENCHMARK(BM_SortedArray_Hit);
BENCHMARK(BM_FromCode_Miss);
BENCHMARK(BM_UnorderedMap_Miss);
BENCHMARK(BM_SortedArray_Miss);
BENCHMARK(BM_Info);
BENCHMARK(BM_FormatTyped);
BENCHMARK(BM_FmtFormat);
BENCHMARK(BM_FormatRuntime);
BENCHMARK(BM_ErrorCodeMessage);

}  // namespace

BENCHMARK_MAIN();
