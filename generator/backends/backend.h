// The interface every back end implements. Back ends see only the validated model, render
// through TemplateSet and write through OutputContext; they never touch the disk themselves.
#pragma once

#include <memory>
#include <string_view>

#include "backends/output.h"
#include "backends/templates.h"
#include "diag/diagnostics.h"
#include "model/catalog.h"

namespace errcat::backends {

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  // Renders every output file into `out`. Returns false after reporting to `sink`.
  virtual bool Generate(const model::CatalogSet& set, TemplateSet& templates, OutputContext& out,
                        diag::DiagnosticSink& sink) const = 0;
};

std::unique_ptr<Backend> MakeCppBackend();
std::unique_ptr<Backend> MakeMarkdownBackend();
std::unique_ptr<Backend> MakeHtmlBackend();

}  // namespace errcat::backends
