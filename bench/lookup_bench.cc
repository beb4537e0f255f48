// Google Benchmark on the generated code of a 10k-error catalog (one enum), each generated
// operation side by side with the usual alternative, measured in the same run.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

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
