// Mustache templates: built into the binary from templates/<backend>/*.mustache, and
// overridable file by file from `--templates DIR` (DIR/<backend>/<name>.mustache).
#pragma once

#include <kainjow/mustache.hpp>
#include <optional>
#include <set>
#include <string>

#include "diag/diagnostics.h"

namespace errcat::backends {

using View = kainjow::mustache::data;

class TemplateSet {
 public:
  explicit TemplateSet(std::string override_dir = "") : override_dir_(std::move(override_dir)) {}

  // "cpp/header.mustache" -> its text, from the override folder if it holds the file.
  std::optional<std::string> Load(const std::string& name, diag::DiagnosticSink& sink);

  // Renders with no escaping: view models carry text already escaped for their target.
  std::optional<std::string> Render(const std::string& name, const View& view,
                                    diag::DiagnosticSink& sink);

  // A template's text prepared for rendering as a partial (same standalone-tag handling).
  std::optional<std::string> LoadPartial(const std::string& name, diag::DiagnosticSink& sink);

  // Override files actually read, for --depfile.
  const std::set<std::string>& files_read() const { return files_read_; }

 private:
  std::string override_dir_;
  std::set<std::string> files_read_;
};

// A non-template asset (site/ files), by name relative to site/.
std::optional<std::string_view> EmbeddedAsset(const std::string& name);

}  // namespace errcat::backends
