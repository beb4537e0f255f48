// The interface every back end implements. Back ends see only the validated model, render
// through TemplateSet and write through OutputContext; they never touch the disk themselves.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backends/base/output.h"
#include "backends/base/templates.h"
#include "diag/diagnostics.h"
#include "model/catalog.h"
#include "model/history.h"

namespace errcat::backends {

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  // Extensions of the files it writes: with --check, such files in its folder that it would
  // not write any more are reported as stale.
  virtual std::vector<std::string> owned_extensions() const = 0;
  // Renders every output file into `out`. Returns false after reporting to `sink`.
  virtual bool Generate(const model::CatalogSet& set, TemplateSet& templates, OutputContext& out,
                        diag::DiagnosticSink& sink) const = 0;
};

std::unique_ptr<Backend> MakeCppBackend();
std::unique_ptr<Backend> MakeMarkdownBackend();
namespace docs {
struct SiteMemo;
}
// With a history (may be null), the site shows it: tombstones, since, changes.html. With a memo
// (errcat serve), it renders only the part the memo names, and of the pages only those whose
// inputs changed since the memo's last render (backends/docs/page_keys.h).
std::unique_ptr<Backend> MakeHtmlBackend(const model::History* history = nullptr,
                                         docs::SiteMemo* memo = nullptr);
// One file, `file` in the output folder: JSON when it ends in .json, else YAML.
std::unique_ptr<Backend> MakeOpenApiBackend(const std::string& file);

}  // namespace errcat::backends
