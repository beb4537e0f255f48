// The parse floor of every errcat command: yaml-cpp's parser over the same files, with an event
// handler that does nothing, files spread over the cores as errcat's loader spreads them
// (util::WorkerCount threads taking the next file). errcat cannot load a catalog faster than
// this, so bench/run.sh reports each command's wall time against it, measured in the same run.
//   parse_floor DIR   -> "<wall seconds> <cpu seconds>" on stdout
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/parallel.h"

namespace {

class NoopHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || !std::filesystem::is_directory(argv[1])) {
    std::fprintf(stderr, "usage: parse_floor DIR   (DIR holds *.yaml)\n");
    return 2;
  }
  std::vector<std::string> texts;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1]))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") paths.push_back(entry.path());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(std::move(text).str());
  }
  // Files are read before the clock starts: errcat's read is measured by the whole-process time.
  const double cpu_start = CpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  std::atomic<bool> failed{false};
  errcat::util::ParallelFor(texts.size(), [&](size_t i, unsigned) {
    std::istringstream stream(texts[i]);
    NoopHandler handler;
    try {
      YAML::Parser parser(stream);
      parser.HandleNextDocument(handler);
    } catch (const YAML::Exception&) {
      failed = true;
    }
  });
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (failed) {
    std::fprintf(stderr, "parse_floor: a file is not valid YAML\n");
    return 1;
  }
  std::printf("%.3f %.3f\n", wall, CpuSeconds() - cpu_start);
  return 0;
}
