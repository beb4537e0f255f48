// libFuzzer target: two arbitrary catalogs (the input split at its first NUL byte, or in
// half) diffed, with every report rendered.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "diff/diff.h"
#include "loader/loader.h"

namespace {

std::optional<errcat::model::CatalogSet> Load(std::string text) {
  errcat::loader::Options options;
  options.threads = 1;
  options.limits.max_file_bytes = 1 << 20;
  options.limits.max_expanded_nodes = 100'000;
  errcat::diag::DiagnosticSink sink;
  return errcat::loader::LoadSources({{"c.yaml", "c.yaml", std::move(text)}}, options, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* text = reinterpret_cast<const char*>(data);
  const void* nul = std::memchr(text, 0, size);
  const size_t split = nul ? static_cast<size_t>(static_cast<const char*>(nul) - text) : size / 2;
  auto base = Load(std::string(text, split));
  auto head = Load(nul ? std::string(text + split + 1, size - split - 1) : std::string(text + split, size - split));
  if (!base || !head) return 0;
  const errcat::diff::DiffResult result = errcat::diff::Diff(*base, *head, {});
  (void)errcat::diff::FormatText(result);
  (void)errcat::diff::FormatMarkdown(result);
  (void)errcat::diff::FormatJson(result);
  (void)errcat::diff::FormatGithub(result);
  // Diffing a set with itself finds nothing.
  if (!errcat::diff::Diff(*head, *head, {}).changes.empty()) __builtin_trap();
  return 0;
}
