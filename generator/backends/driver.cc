#include "backends/driver.h"

#include <filesystem>

namespace errcat::backends {
namespace fs = std::filesystem;

RunResult RunBackend(const Backend& backend, const model::CatalogSet& set, const RunOptions& options,
                     diag::DiagnosticSink& sink) {
  RunResult result;
  TemplateSet templates(options.templates_dir);
  OutputContext out;
  if (!backend.Generate(set, templates, out, sink)) return result;

  if (options.check) {
    result.stale = out.Stale(options.out_dir, options.owned_extensions);
    result.ok = true;
    return result;
  }
  OutputContext::CommitResult commit = out.Commit(options.out_dir, sink);
  result.written = std::move(commit.written);
  result.unchanged = std::move(commit.unchanged);
  if (!commit.ok) return result;

  if (!options.depfile.empty() && !out.files().empty()) {
    std::vector<std::string> deps;
    std::error_code ec;
    for (const std::string& input : options.inputs) deps.push_back(fs::absolute(input, ec).string());
    for (const std::string& t : templates.files_read()) deps.push_back(fs::absolute(t, ec).string());
    const std::string target = fs::absolute(fs::path(options.out_dir) / out.primary(), ec).string();
    if (std::string error = WriteFileAtomically(options.depfile, DepfileText(target, deps)); !error.empty()) {
      sink.Error({options.depfile, 0, 0}, error, "io");
      return result;
    }
  }
  result.ok = true;
  return result;
}

}  // namespace errcat::backends
