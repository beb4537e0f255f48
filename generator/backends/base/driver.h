// Runs the back ends over a catalog set: each renders everything into an OutputContext, then
// all commit (only if every file of every back end rendered) or, with `check`, compare.
#pragma once

#include <string>
#include <vector>

#include "backends/backend.h"

namespace errcat::backends {

struct RunResult {
  bool ok = false;                 // rendered (and written or compared) without error
  double render_seconds = 0;       // building views and rendering, in memory
  double write_seconds = 0;        // writing or comparing files
  std::vector<std::string> stale;  // with check: files out of date
  std::vector<std::string> written;
  std::vector<std::string> unchanged;
};

// What `errcat generate` asks for: a folder per back end ("" for none).
struct GenerateOptions {
  std::string cpp_dir, markdown_dir, html_dir;
  std::string openapi_file;  // the OpenAPI fragment (.json, else YAML)
  std::string templates_dir;
  std::string depfile;  // names the first back end's main file as its target
  bool check = false;
  const model::History* history = nullptr;  // for the HTML site; may be null
};

struct GenerateReport {
  std::string_view backend;  // "cpp", "markdown", "html"
  std::string out_dir;
  RunResult result;
};

// Runs the back ends `options` names over `set`, C++ then Markdown then HTML: all render at
// once, one thread each, then write (or compare) only if all of them rendered, so one catalog
// load serves every output.
std::vector<GenerateReport> Generate(const model::CatalogSet& set, const GenerateOptions& options,
                                     diag::DiagnosticSink& sink);

}  // namespace errcat::backends
