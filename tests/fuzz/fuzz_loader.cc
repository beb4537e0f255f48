// libFuzzer target: arbitrary bytes as a catalog file, through the loader, lint and every
// back end (rendered in memory). Must never crash, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "backends/backend.h"
#include "lint/lint.h"
#include "loader/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace errcat;
  loader::Options options;
  options.threads = 1;
  options.limits.max_file_bytes = 1 << 20;
  options.limits.max_expanded_nodes = 100'000;
  diag::DiagnosticSink sink;
  std::vector<loader::SourceFile> sources = {
      {"fuzz.yaml", "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)}};
  std::optional<model::CatalogSet> set = loader::LoadSources(std::move(sources), options, sink);
  for (const diag::Diagnostic& d : sink.Sorted()) (void)diag::FormatText(d, false);
  if (!set) return 0;
  lint::LintSet(*set, sink);
  std::unique_ptr<backends::Backend> all[] = {
      backends::MakeCppBackend(), backends::MakeMarkdownBackend(), backends::MakeHtmlBackend()};
  for (const auto& backend : all) {
    backends::TemplateSet templates;
    backends::OutputContext out;
    backend->Generate(*set, templates, out, sink);
  }
  return 0;
}
