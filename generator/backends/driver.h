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
  // Extensions of files in out_dir that this back end owns: with `check`, such files that
  // would not be generated any more are reported as stale.
  std::vector<std::string> owned_extensions;
};

struct RunResult {
  bool ok = false;                  // rendered (and written or compared) without error
  double render_seconds = 0;        // building views and rendering, in memory
  double write_seconds = 0;         // writing or comparing files
  std::vector<std::string> stale;   // with check: files out of date
  std::vector<std::string> written;
  std::vector<std::string> unchanged;
};

RunResult RunBackend(const Backend& backend, const model::CatalogSet& set, const RunOptions& options,
                     diag::DiagnosticSink& sink);

struct BackendRun {
  const Backend* backend;
  RunOptions options;
};

// Renders every back end at once, one thread each, then writes (or compares) only if all of
// them rendered: one catalog load serves C++, Markdown and HTML.
std::vector<RunResult> RunBackends(const std::vector<BackendRun>& runs, const model::CatalogSet& set,
                                   diag::DiagnosticSink& sink);

}  // namespace errcat::backends
