// libFuzzer target: yaml::Reparse against a whole parse. The input is a file's old text, a NUL
// and its new text. The tree Reparse makes of the new text, spliced or parsed whole, must be the
// whole parse's node for node, with the same diagnostics; a failed reparse must leave the old
// tree as it was. Any difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "yaml/raw_tree.h"

namespace {

std::string Diagnostics(const errcat::diag::DiagnosticSink& sink) {
  std::string text;
  for (const errcat::diag::Diagnostic& d : sink.Sorted())
    text += errcat::diag::FormatText(d, false);
  return text;
}

void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace errcat;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return 0;
  const std::string old_text(input.substr(0, nul)), new_text(input.substr(nul + 1));
  yaml::Limits limits;
  limits.max_expanded_nodes = 100'000;

  diag::DiagnosticSink old_sink;
  std::unique_ptr<yaml::Document> doc = yaml::Parse("f.yaml", old_text, old_sink, limits);
  if (!doc) return 0;
  const std::string before = yaml::DebugString(doc->root);

  diag::DiagnosticSink whole_sink, sink;
  const std::unique_ptr<yaml::Document> whole = yaml::Parse("f.yaml", new_text, whole_sink, limits);
  const bool ok = yaml::Reparse(doc, "f.yaml", new_text, sink, limits);
  Require(ok == (whole != nullptr));
  Require(Diagnostics(sink) == Diagnostics(whole_sink));
  if (ok) {
    Require(yaml::DebugString(doc->root) == yaml::DebugString(whole->root));
    Require(doc->source == whole->source);
  } else {
    Require(yaml::DebugString(doc->root) == before);
  }
  return 0;
}
