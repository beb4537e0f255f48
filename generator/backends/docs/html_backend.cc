// HTML reference site: index, one page per catalog (catalog/<id>.html) and per error
// (<code>.html, its permalink), 404.html, sitemap.xml, errors.json, the search and list data in
// search/ (docs/search_index.h), and the assets from site/. No external requests. The index and
// catalog pages hold their first kListRows rows; the page shows the others, and filters over
// all errors, from the search data.
// With translations, the same pages and search index per locale in a folder (de/TOK002.html),
// linked from every page's language switcher and hreflang alternates.
// With a history: a tombstone page per retired code at its old address (so links from old logs
// still explain it), "since" and "deprecated in" on error pages, and changes.html.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <functional>
#include <map>
#include <optional>

#include "backends/backend.h"
#include "backends/docs/docs_view.h"
#include "backends/docs/json_export.h"
#include "backends/docs/search_index.h"
#include "util/parallel.h"

namespace errcat::backends {
namespace {

constexpr size_t kListRows = 100;

constexpr const char* kAssets[] = {"assets/errcat.css", "assets/errcat.js", "assets/favicon.svg",
                                   "assets/theme.js"};

class HtmlBackend final : public Backend {
 public:
  explicit HtmlBackend(const model::History* history) : history_(history) {}

  std::string_view name() const override { return "html"; }
  std::vector<std::string> owned_extensions() const override {
    return {".html", ".json", ".js", ".css", ".xml", ".svg"};
  }

  bool Generate(const model::CatalogSet& set, TemplateSet& templates, OutputContext& out,
                diag::DiagnosticSink& sink) const override {
    out.SetPrimary("index.html");
    // One tree per language: the catalogs' own at the root, each translation's locale in a
    // folder of its own (de/TOK002.html), every text it lacks from the catalog's.
    Languages languages;
    languages.source = set.catalogs().empty() ? "en" : set.catalogs().front().locale;
    languages.tags.push_back(languages.source);
    for (const std::string& locale : model::TranslationLocales(set))
      if (locale != languages.source) languages.tags.push_back(locale);
    if (!RenderTree(set, nullptr, languages.source, languages, templates, out, sink)) return false;
    for (size_t k = 1; k < languages.tags.size(); ++k) {
      const model::LocalizedSet localized = model::LocalizeSet(set, languages.tags[k]);
      if (!RenderTree(localized.set, &localized.untranslated, languages.tags[k], languages,
                      templates, out, sink))
        return false;
    }
    for (const char* asset : kAssets) {
      auto text = EmbeddedAsset(asset);
      if (!text) {
        sink.Error({}, std::string("missing built-in asset ") + asset, "template");
        return false;
      }
      if (!out.Write(asset, std::string(*text), sink)) return false;
    }
    return true;
  }

 private:
  struct Languages {
    std::string source;             // the root tree's
    std::vector<std::string> tags;  // the source's first
  };

  // One language's tree: `untranslated` is null for the root (the catalogs' own texts, with the
  // history's pages, errors.json and the sitemap); else the texts of each error that fall back.
  bool RenderTree(const model::CatalogSet& set,
                  const std::vector<std::vector<std::vector<std::string>>>* untranslated,
                  const std::string& lang, const Languages& languages, TemplateSet& templates,
                  OutputContext& out, diag::DiagnosticSink& sink) const {
    const docs::HtmlTarget target;
    const bool root_tree = untranslated == nullptr;
    const std::string prefix = root_tree ? "" : lang + "/";
    const model::History* history = root_tree ? history_ : nullptr;

    // Each page goes to the output context as soon as it is rendered, so the site is never held
    // in memory. Pages render their view inside a layout context holding the page title, the
    // paths back to the tree's root and the site's, the language and the page in the others.
    const unsigned workers = util::WorkerCount();
    std::vector<diag::DiagnosticSink> sinks(workers);
    std::atomic<bool> failed{false};
    // `page` is relative to the tree; `everywhere`: the page exists in every language's tree.
    // `page_lang`: the language of the page's texts when not the tree's (an error of a catalog
    // without this translation).
    auto render = [&](unsigned worker, const std::string& tmpl, const View& view,
                      const std::string& page, std::string title, const char* root,
                      bool everywhere = true, std::string_view page_lang = {}) {
      const std::string assets = root + std::string(root_tree ? "" : "../");
      List alternates;
      if (everywhere && languages.tags.size() > 1)
        for (const std::string& tag : languages.tags)
          alternates.push_back(View{
              {"tag", target.Text(tag)},
              {"href", target.Text(assets + (tag == languages.source ? "" : tag + "/") + page)},
              {"current", tag == lang}});
      const View layout{{"page_title", std::move(title)},
                        {"root", root},
                        {"assets", assets},
                        {"lang", target.Text(page_lang.empty() ? lang : page_lang)},
                        {"has_languages", !alternates.empty()},
                        {"languages", std::move(alternates)}};
      auto text = templates.Render(tmpl, view, sinks[worker], &layout);
      if (!text || !out.Write(prefix + page, std::move(*text), sinks[worker])) failed = true;
    };
    auto write = [&](unsigned worker, const std::string& path, std::string text) {
      if (!out.Write(prefix + path, std::move(text), sinks[worker])) failed = true;
    };

    // Round one, on every core: each error's view, its page right after it, and its records in
    // errors.json and the search data. Only the views the list pages show are kept.
    docs::DocsViews views;
    docs::Records records(set.catalogs().size());
    std::vector<std::vector<docs::SearchDoc>> search_docs(set.catalogs().size());
    std::vector<size_t> first_ordinal(set.catalogs().size());
    for (size_t ci = 0, ordinal = 0; ci < set.catalogs().size(); ++ci) {
      records[ci].resize(set.catalogs()[ci].errors.size());
      search_docs[ci].resize(set.catalogs()[ci].errors.size());
      first_ordinal[ci] = ordinal;
      ordinal += set.catalogs()[ci].errors.size();
    }
    docs::BuildErrorViews(set, target, views, [&](size_t ci, size_t ei, unsigned w) {
      if (failed) return;
      const model::Catalog& c = set.catalogs()[ci];
      const model::Error& e = c.errors[ei];
      View& view = views.errors[ci][ei];
      if (const model::CodeHistory* h = history ? history->Find(e.code) : nullptr)
        docs::AddHistory(view, e, *h, target);
      if (untranslated) docs::MarkUntranslated(view, (*untranslated)[ci][ei], lang, target);
      render(w, "html/error.mustache", view, target.ErrorHref(c, e),
             target.Text(e.code + ": " + e.summary) + " - " + target.Text(c.title), "", true,
             c.locale);
      if (root_tree) records[ci][ei] = docs::ErrorRecordJson(c, e);
      search_docs[ci][ei] = docs::ErrorSearchDoc(c, e, target);
      if (ei >= kListRows && first_ordinal[ci] + ei >= kListRows) view = View();
    });

    // The tombstones: every retired code the catalogs no longer hold (a code issued again keeps
    // its live page; check --lock reports the reuse).
    std::vector<const model::CodeHistory*> retired;
    std::vector<View> retired_views;
    if (history)
      for (const model::CodeHistory& h : history->codes)
        if (h.retired && !set.FindCode(h.code)) retired.push_back(&h);
    for (const model::CodeHistory* h : retired)
      retired_views.push_back(docs::RetiredView(set, *h, target));
    std::vector<docs::SearchDoc> ordered;
    ordered.reserve(set.error_count() + retired.size());
    for (auto& docs_of : search_docs)
      for (docs::SearchDoc& doc : docs_of) ordered.push_back(std::move(doc));
    search_docs.clear();
    for (const model::CodeHistory* h : retired)
      ordered.push_back(docs::RetiredSearchDoc(*h, target));
    const std::vector<docs::FilterSet> filters = docs::BuildFilterSets(set, retired);

    // Round two: the pages that list every error (sharing the error views), the search index,
    // errors.json and the sitemap, largest first.
    docs::AddListViews(set, target, views, retired_views, kListRows);
    AddFilterViews(filters, set.error_count(), ordered.size(), target, views);
    const bool has_changes = history && !history->release_notes_html.empty();
    if (has_changes) views.site.set("has_changes", true);
    std::vector<std::function<void(unsigned)>> tasks;
    tasks.push_back([&](unsigned w) {
      render(w, "html/index.mustache", views.site, "index.html", "Error reference", "");
    });
    if (root_tree)
      tasks.push_back([&](unsigned w) {
        write(w, "errors.json", docs::CatalogSetJson(set, std::move(records)) += '\n');
      });
    for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
      tasks.push_back([&, ci](unsigned w) {
        const model::Catalog& c = set.catalogs()[ci];
        render(w, "html/catalog.mustache", views.catalogs[ci], target.CatalogHref(c),
               target.Text(c.title) + " - Error reference", "../", true, c.locale);
      });
    }
    tasks.push_back([&](unsigned w) {
      for (docs::SearchFile& f : docs::SearchFiles(std::move(ordered), set.error_count(), filters))
        write(w, f.path, std::move(f.text));
    });
    for (size_t i = 0; i < retired.size(); ++i) {
      tasks.push_back([&, i](unsigned w) {
        render(w, "html/retired.mustache", retired_views[i], target.RetiredHref(retired[i]->code),
               target.Text(retired[i]->code + ": retired") + " - Error reference", "", false);
      });
    }
    if (has_changes) {
      tasks.push_back([&](unsigned w) {
        // The fragment escapes every text it holds (diff::Changelog), so it goes in as it is.
        render(w, "html/changes.mustache", View{{"notes", history->release_notes_html}},
               "changes.html", "Changes - Error reference", "", false);
      });
    }
    if (root_tree) {
      tasks.push_back([&](unsigned w) {
        List urls;
        for (const model::Catalog& c : set.catalogs())
          if (!c.docs_base_url.empty())
            for (const model::Error& e : c.errors)
              urls.push_back(View{{"loc", target.Text(c.docs_base_url + e.code)}});
        for (const model::CodeHistory* h : retired)
          if (const model::Catalog* c = set.FindCatalog(h->catalog); c && !c->docs_base_url.empty())
            urls.push_back(View{{"loc", target.Text(c->docs_base_url + h->code)}});
        auto sitemap =
            templates.Render("html/sitemap.mustache", View{{"urls", std::move(urls)}}, sinks[w]);
        if (!sitemap)
          failed = true;
        else
          write(w, "sitemap.xml", std::move(*sitemap));
      });
      tasks.push_back([&](unsigned w) {
        render(w, "html/404.mustache", View::Object(), "404.html",
               "Page not found - Error reference", "", false);
      });
    }
    util::ParallelFor(tasks.size(), [&](size_t i, unsigned w) {
      if (!failed) tasks[i](w);
    });
    // Freeing 100k views takes a while: spread it over the cores too.
    views.site = View();
    views.catalogs.clear();
    util::ParallelFor(views.errors.size(), [&](size_t ci, unsigned) { views.errors[ci].clear(); });
    for (const diag::DiagnosticSink& s : sinks) sink.Merge(s);
    return !failed;
  }

  // The filter choices of the index (each value with its search/s<N>.js), each catalog's set
  // for its page, and the counts the pages' lists start from. BuildFilterSets puts the
  // catalogs' sets first, in the set's order.
  static void AddFilterViews(const std::vector<docs::FilterSet>& filters, size_t live, size_t total,
                             const docs::TextTarget& target, docs::DocsViews& views) {
    std::map<std::string, List> by_key;
    for (size_t i = 0; i < filters.size(); ++i) {
      const docs::FilterSet& f = filters[i];
      View option{{"value", target.Text(f.value)},
                  {"set", "s" + std::to_string(i)},
                  {"count", std::to_string(f.ordinals.size())}};
      if (f.key == "catalog") {
        View& catalog = views.catalogs[i];
        catalog.set("set", "s" + std::to_string(i));
        option.set("label", *catalog.Find("title")->AsString());
      }
      by_key[f.key].push_back(std::move(option));
    }
    for (const char* key : {"catalog", "severity", "status", "tag"}) {
      List& options = by_key[key];
      views.site.set(std::string("has_") + key + "_filters", !options.empty());
      views.site.set(std::string(key) + "_filters", std::move(options));
    }
    const List& deprecated = by_key["deprecated"];
    views.site.set("deprecated_set",
                   deprecated.empty() ? "" : *deprecated[0].Find("set")->AsString());
    auto counts = [&](View& list_page) {
      list_page.set("live_count", std::to_string(live));
      list_page.set("total_count", std::to_string(total));
      list_page.set("list_rows", std::to_string(kListRows));
    };
    counts(views.site);
    for (View& c : views.catalogs) counts(c);
  }

  const model::History* history_;
};

}  // namespace

std::unique_ptr<Backend> MakeHtmlBackend(const model::History* history) {
  return std::make_unique<HtmlBackend>(history);
}

}  // namespace errcat::backends
