#include "backends/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "backends/embedded_files.h"

namespace errcat::backends {
namespace fs = std::filesystem;

namespace {

// Mustache's "standalone" rule: a line holding only a section, inverted, closing, comment or
// partial tag produces no output of its own. kainjow applies it to sections that render but
// leaves a blank line for sections that do not, and treats a tag before an empty line as
// standalone too. So errcat applies the rule itself: such a line keeps its tag, loses its
// indentation, and gets a marker before its line break, which kainjow renders as text and
// RemoveStandaloneMarkers() deletes with the line break after rendering.
constexpr std::string_view kStandaloneMarker = "\x1f@errcat-standalone@\x1f";

std::string MarkStandaloneTags(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 256);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const bool has_newline = end != std::string::npos;
    if (!has_newline) end = text.size();
    std::string_view line(text.data() + start, end - start);
    size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
    size_t e = line.size();
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r')) --e;
    const std::string_view core = line.substr(b, e - b);
    const bool standalone = has_newline && core.size() > 4 && core.starts_with("{{") &&
                            core.ends_with("}}") &&
                            std::string_view("#^/!>").find(core[2]) != std::string_view::npos &&
                            core.find("}}") == core.size() - 2;
    if (standalone) {
      out += core;
      out += kStandaloneMarker;
    } else {
      out += line;
    }
    if (has_newline) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string RemoveStandaloneMarkers(std::string text) {
  std::string marker(kStandaloneMarker);
  marker += '\n';
  size_t write = 0;
  for (size_t read = 0; read < text.size();) {
    if (text.compare(read, marker.size(), marker) == 0) {
      read += marker.size();
    } else {
      text[write++] = text[read++];
    }
  }
  text.resize(write);
  return text;
}

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

std::optional<std::string> TemplateSet::LoadPartial(const std::string& name,
                                                    diag::DiagnosticSink& sink) {
  std::optional<std::string> text = Load(name, sink);
  if (text) *text = MarkStandaloneTags(*text);
  return text;
}

std::optional<std::string> TemplateSet::Render(const std::string& name, const View& view,
                                               diag::DiagnosticSink& sink) {
  std::optional<std::string> text = Load(name, sink);
  if (!text) return std::nullopt;
  kainjow::mustache::mustache tmpl(MarkStandaloneTags(*text));
  if (!tmpl.is_valid()) {
    sink.Error({name, 0, 0}, "invalid template: " + tmpl.error_message(), "template");
    return std::nullopt;
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string out = RemoveStandaloneMarkers(tmpl.render(view));
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
