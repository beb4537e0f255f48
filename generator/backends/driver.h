// Runs one back end over a catalog set: render everything into an OutputContext, then either
// commit it (only if every file rendered) or, with `check`, compare it against the folder.
#pragma once

#include <string>
#include <vector>

#include "backends/backend.h"

namespace errcat::backends {

struct RunOptions {
  std::string out_dir;
  std::string templates_dir;  // overrides; "" for the built-in templates
  bool check = false;         // compare instead of write
  std::string depfile;        // write a depfile listing every input read
  std::vector<std::string> inputs;  // catalog files read (for the depfile)
};

struct RunResult {
  bool ok = false;                  // rendered (and written or compared) without error
  double render_seconds = 0;        // building views and rendering, in memory
  double write_seconds = 0;         // writing or comparing files
  std::vector<std::string> stale;   // with check: files out of date
  std::vector<std::string> written;
  std::vector<std::string> unchanged;
};

struct BackendRun {
  const Backend* backend;
  RunOptions options;
};

// Renders every back end at once, one thread each, then writes (or compares) only if all of
// them rendered: one catalog load serves C++, Markdown and HTML.
std::vector<RunResult> RunBackends(const std::vector<BackendRun>& runs, const model::CatalogSet& set,
                                   diag::DiagnosticSink& sink);

// What `errcat generate` asks for: a folder per back end ("" for none).
struct GenerateOptions {
  std::string cpp_dir, markdown_dir, html_dir;
  std::string templates_dir;
  std::string depfile;  // names the first back end's main file as its target
  bool check = false;
};

struct GenerateReport {
  std::string_view backend;  // "cpp", "markdown", "html"
  std::string out_dir;
  RunResult result;
};

// Runs the back ends `options` names over `set` with RunBackends, C++ then Markdown then HTML.
std::vector<GenerateReport> Generate(const model::CatalogSet& set, const GenerateOptions& options,
                                     diag::DiagnosticSink& sink);

}  // namespace errcat::backends
