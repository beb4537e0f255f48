// The parse floor of every errcat command: yaml-cpp's parser over the same files (found and read
// by errcat's loader), with an event handler that does nothing, one thread per core each taking
// the next file, as errcat's loader does. errcat cannot load a catalog faster than this, so
// bench/run.sh reports each command's wall time against it, measured in the same run. It runs on
// the allocator the errcat binary runs on (mimalloc when errcat links it), so the floor is fair.
//   parse_floor PATH   -> "<wall seconds> <cpu seconds>" on stdout
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

#ifdef ERRCAT_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "loader/loader.h"
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
#ifdef ERRCAT_WITH_MIMALLOC
  // A call into mimalloc, so a linker that drops unused libraries (--as-needed) keeps it.
  static_cast<void>(mi_version());
#endif
  if (argc != 2) {
    std::fprintf(stderr, "usage: parse_floor PATH   (catalog files or folders, as errcat takes them)\n");
    return 2;
  }
  // The same files errcat would load, found and read by errcat's own loader.
  errcat::diag::DiagnosticSink sink;
  const std::vector<errcat::loader::SourceFile> sources = errcat::loader::ReadSources({argv[1]}, {}, sink);
  if (sink.HasErrors() || sources.empty()) {
    std::fprintf(stderr, "parse_floor: no catalog files under %s\n", argv[1]);
    return 2;
  }
  // Files are read before the clock starts: errcat's read is measured by the whole-process time.
  const double cpu_start = CpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  std::atomic<bool> failed{false};
  errcat::util::ParallelFor(sources.size(), [&](size_t i, unsigned) {
    std::istringstream stream(sources[i].contents);
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
