// Mustache templates: built into the binary from templates/<backend>/*.mustache (the site's
// from site/templates/), and overridable file by file from `--templates DIR`
// (DIR/<backend>/<name>.mustache, html/ for the site). Each template is compiled once per run.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "backends/base/mustache.h"
#include "diag/diagnostics.h"

namespace errcat::backends {

class TemplateSet {
 public:
  explicit TemplateSet(std::string override_dir = "") : override_dir_(std::move(override_dir)) {}
  TemplateSet(TemplateSet&&) = default;
  TemplateSet& operator=(TemplateSet&&) = default;

  // "cpp/header.mustache" -> its text, from the override folder if it holds the file.
  std::optional<std::string> Load(const std::string& name, diag::DiagnosticSink& sink);

  // The compiled template (cached), or nullptr after reporting. Safe to call from several
  // threads (pages render in parallel).
  const Template* Get(const std::string& name, diag::DiagnosticSink& sink);

  // Renders `name`. Partials ({{> head}}) are templates of the same folder ("html/head.mustache").
  std::optional<std::string> Render(const std::string& name, const View& view,
                                    diag::DiagnosticSink& sink, const View* outer = nullptr);

  // Override files actually read, for --depfile.
  const std::set<std::string>& files_read() const { return files_read_; }

 private:
  std::string override_dir_;
  std::set<std::string> files_read_;
  std::map<std::string, std::unique_ptr<Template>> compiled_;  // nullptr: failed
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
};

// A non-template asset (site/ files), by name relative to site/.
std::optional<std::string_view> EmbeddedAsset(const std::string& name);

}  // namespace errcat::backends
