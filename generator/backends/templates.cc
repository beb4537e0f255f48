#include "backends/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "backends/embedded_files.h"

namespace errcat::backends {
namespace fs = std::filesystem;

namespace {
std::optional<std::string_view> FindEmbedded(const std::string& name) {
  for (const EmbeddedFile& f : EmbeddedFiles())
    if (f.name == name) return f.contents;
  return std::nullopt;
}
}  // namespace

std::optional<std::string> TemplateSet::Load(const std::string& name, diag::DiagnosticSink& sink) {
  if (!override_dir_.empty()) {
    const fs::path path = fs::path(override_dir_) / name;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) {
        sink.Error({path.string(), 0, 0}, "cannot read template", "io");
        return std::nullopt;
      }
      files_read_.insert(path.string());
      return text.str();
    }
  }
  if (auto embedded = FindEmbedded("templates/" + name)) return std::string(*embedded);
  sink.Error({}, "no template named '" + name + "'", "template");
  return std::nullopt;
}

std::optional<std::string> TemplateSet::Render(const std::string& name, const View& view,
                                               diag::DiagnosticSink& sink) {
  std::optional<std::string> text = Load(name, sink);
  if (!text) return std::nullopt;
  kainjow::mustache::mustache tmpl(*text);
  if (!tmpl.is_valid()) {
    sink.Error({name, 0, 0}, "invalid template: " + tmpl.error_message(), "template");
    return std::nullopt;
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string out = tmpl.render(view);
  if (!tmpl.is_valid()) {
    sink.Error({name, 0, 0}, "template failed: " + tmpl.error_message(), "template");
    return std::nullopt;
  }
  return out;
}

std::optional<std::string_view> EmbeddedAsset(const std::string& name) {
  return FindEmbedded("site/" + name);
}

}  // namespace errcat::backends
