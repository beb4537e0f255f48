// libFuzzer target: the PO file reader of `errcat po import`, with its invariants checked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "po/po.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  errcat::diag::DiagnosticSink sink;
  const std::optional<errcat::po::PoFile> po = errcat::po::ParsePo(text, "fuzz.po", sink);
  // A file is read, or has errors; never both, never neither.
  if (po.has_value() == sink.HasErrors()) std::abort();
  int lines = 1;
  for (char c : text) lines += c == '\n';
  for (const auto& d : sink.diagnostics())
    if (d.location.line > lines) std::abort();  // every problem on a line of the file
  if (po)
    for (const auto& e : po->entries)
      if (e.line < 1 || e.line > lines || e.str_line > lines) std::abort();
  return 0;
}
