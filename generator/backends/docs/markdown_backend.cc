// Markdown reference: index.md and one <catalog>.md per catalog, each error under an anchor
// named by its code. Reads well on GitHub.
#include "backends/backend.h"
#include "backends/docs/docs_view.h"

namespace errcat::backends {
namespace {

class MarkdownBackend final : public Backend {
 public:
  std::string_view name() const override { return "markdown"; }
  std::vector<std::string> owned_extensions() const override { return {".md"}; }

  bool Generate(const model::CatalogSet& set, TemplateSet& templates, OutputContext& out,
                diag::DiagnosticSink& sink) const override {
    const docs::MarkdownTarget target;
    const docs::DocsViews views = docs::BuildViews(set, target);
    auto index = templates.Render("markdown/index.mustache", views.site, sink);
    if (!index || !out.Write("index.md", std::move(*index), sink)) return false;
    for (size_t i = 0; i < set.catalogs().size(); ++i) {
      auto page = templates.Render("markdown/catalog.mustache", views.catalogs[i], sink);
      if (!page || !out.Write(set.catalogs()[i].id + ".md", std::move(*page), sink)) return false;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<Backend> MakeMarkdownBackend() { return std::make_unique<MarkdownBackend>(); }

}  // namespace errcat::backends
