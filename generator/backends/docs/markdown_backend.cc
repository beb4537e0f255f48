// Markdown reference: index.md and one <catalog>.md per catalog, each error under an anchor
// named by its code. Reads well on GitHub. With translations, the same per locale in a folder.
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
    if (!Tree(set, nullptr, "", templates, out, sink)) return false;
    // Each translation's locale in a folder of its own (de/token.md), texts it lacks from the
    // catalog's, marked.
    for (const std::string& locale : model::TranslationLocales(set)) {
      const model::LocalizedSet localized = model::LocalizeSet(set, locale);
      if (!Tree(localized.set, &localized.untranslated, locale + "/", templates, out, sink))
        return false;
    }
    return true;
  }

 private:
  static bool Tree(const model::CatalogSet& set,
                   const std::vector<std::vector<std::vector<std::string>>>* untranslated,
                   const std::string& prefix, TemplateSet& templates, OutputContext& out,
                   diag::DiagnosticSink& sink) {
    const docs::MarkdownTarget target;
    docs::DocsViews views;
    docs::BuildErrorViews(set, target, views);
    const std::string lang = prefix.substr(0, prefix.size() - 1);  // "de/" -> "de"
    if (untranslated)
      for (size_t ci = 0; ci < views.errors.size(); ++ci)
        for (size_t ei = 0; ei < views.errors[ci].size(); ++ei)
          docs::MarkUntranslated(views.errors[ci][ei], (*untranslated)[ci][ei], lang, target);
    docs::AddListViews(set, target, views);
    auto index = templates.Render("markdown/index.mustache", views.site, sink);
    if (!index || !out.Write(prefix + "index.md", std::move(*index), sink)) return false;
    for (size_t i = 0; i < set.catalogs().size(); ++i) {
      auto page = templates.Render("markdown/catalog.mustache", views.catalogs[i], sink);
      if (!page || !out.Write(prefix + set.catalogs()[i].id + ".md", std::move(*page), sink))
        return false;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<Backend> MakeMarkdownBackend() { return std::make_unique<MarkdownBackend>(); }

}  // namespace errcat::backends
