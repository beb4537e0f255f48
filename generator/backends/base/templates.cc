#include "backends/base/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "backends/base/embedded_files.h"
#include "diag/rules.h"

namespace errcat::backends {
namespace fs = std::filesystem;

namespace {
// Where a built-in template lives in the source tree: the site's own (html/) with its assets in
// site/, the others in templates/<backend>/.
std::string BuiltInPath(const std::string& name) {
  return name.starts_with("html/") ? "site/templates/" + name.substr(5) : "templates/" + name;
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
        sink.Error({path.string(), 0, 0}, "cannot read template", diag::kIoRule);
        return std::nullopt;
      }
      files_read_.insert(path.string());
      return text.str();
    }
  }
  if (auto embedded = FindEmbedded(BuiltInPath(name))) return std::string(*embedded);
  sink.Error({}, "no template named '" + name + "'", "template");
  return std::nullopt;
}

const Template* TemplateSet::Get(const std::string& name, diag::DiagnosticSink& sink) {
  std::lock_guard<std::mutex> lock(*mutex_);
  auto it = compiled_.find(name);
  if (it != compiled_.end()) return it->second.get();
  std::unique_ptr<Template>& slot = compiled_[name];
  if (std::optional<std::string> text = Load(name, sink)) {
    std::string error;
    if (std::optional<Template> t = Template::Compile(*text, error)) {
      slot = std::make_unique<Template>(std::move(*t));
    } else {
      sink.Error({name, 0, 0}, "invalid template: " + error, "template");
    }
  }
  return slot.get();
}

std::optional<std::string> TemplateSet::Render(const std::string& name, const View& view,
                                               diag::DiagnosticSink& sink, const View* outer) {
  const Template* tmpl = Get(name, sink);
  if (!tmpl) return std::nullopt;
  const std::string folder = name.substr(0, name.find('/') + 1);
  bool partial_failed = false;
  const Template::PartialLookup partials = [&](const std::string& partial) {
    const Template* t = Get(folder + partial + ".mustache", sink);
    partial_failed |= t == nullptr;
    return t;
  };
  std::string out;
  out.reserve(tmpl->size_hint());
  tmpl->Render(view, partials, out, outer);
  if (partial_failed) return std::nullopt;
  tmpl->note_size(out.size());
  return out;
}

std::optional<std::string_view> EmbeddedAsset(const std::string& name) {
  return FindEmbedded("site/" + name);
}

}  // namespace errcat::backends
