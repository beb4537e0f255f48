// HTML reference site: index, one page per catalog (catalog/<id>.html) and per error
// (<code>.html, its permalink), 404.html, sitemap.xml, search-index.json (+ .js so the page
// can load it from file://), errors.json, and the assets from site/. No external requests.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <optional>
#include <thread>

#include "backends/backend.h"
#include "backends/docs/docs_view.h"
#include "backends/docs/json_export.h"

namespace errcat::backends {
namespace {


// Root-level names the site itself uses; an error page must not overwrite them.
constexpr const char* kReservedPages[] = {"index", "404", "sitemap", "search-index", "errors"};
constexpr const char* kAssets[] = {"assets/errcat.css", "assets/errcat.js", "assets/favicon.svg"};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class HtmlBackend final : public Backend {
 public:
  std::string_view name() const override { return "html"; }

  bool Generate(const model::CatalogSet& set, TemplateSet& templates, OutputContext& out,
                diag::DiagnosticSink& sink) const override {
    if (!CheckPageNames(set, sink)) return false;
    const docs::HtmlTarget target;
    const docs::DocsViews views = docs::BuildViews(set, target);

    // Pages render their view inside a layout context holding the page title and the path back
    // to the site root, so the shared error views are never copied or changed.
    auto render = [&](const std::string& tmpl, const View& view, const std::string& path, std::string title,
                      const char* root) {
      const View layout{{"page_title", std::move(title)}, {"root", root}};
      auto text = templates.Render(tmpl, view, sink, &layout);
      return text && out.Write(path, std::move(*text), sink);
    };

    if (!render("html/index.mustache", views.site, "index.html", "Error reference", "")) return false;
    if (!render("html/404.mustache", View::Object(), "404.html", "Page not found - Error reference", "")) return false;
    for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
      const model::Catalog& c = set.catalogs()[ci];
      if (!render("html/catalog.mustache", views.catalogs[ci], target.CatalogHref(c),
                  target.Text(c.title) + " - Error reference", "../"))
        return false;
    }
    if (!RenderErrorPages(set, views, target, templates, out, sink)) return false;

    List urls;
    for (const model::Catalog& c : set.catalogs())
      if (!c.docs_base_url.empty())
        for (const model::Error& e : c.errors) urls.push_back(View{{"loc", target.Text(c.docs_base_url + e.code)}});
    auto sitemap = templates.Render("html/sitemap.mustache", View{{"urls", std::move(urls)}}, sink);
    if (!sitemap || !out.Write("sitemap.xml", std::move(*sitemap), sink)) return false;

    nlohmann::ordered_json index = nlohmann::ordered_json::array();
    for (const model::Catalog& c : set.catalogs())
      for (const model::Error& e : c.errors)
        index.push_back({{"code", e.code},
                         {"name", e.name},
                         {"summary", e.summary},
                         {"message", e.message},
                         {"catalog", c.id},
                         {"severity", model::Name(e.severity)},
                         {"http_status", e.http_status},
                         {"url", target.ErrorHref(c, e)}});
    const std::string index_json = docs::DumpForWeb(index, -1);
    if (!out.Write("search-index.json", index_json + "\n", sink) ||
        !out.Write("search-index.js", "window.ERRCAT_SEARCH_INDEX = " + index_json + ";\n", sink) ||
        !out.Write("errors.json", docs::DumpForWeb(docs::CatalogSetJson(set), 2) + "\n", sink))
      return false;

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
  // One page per error, rendered on every core: pages are independent, views are immutable and
  // the template cache is thread-safe. Written in catalog order afterwards.
  static bool RenderErrorPages(const model::CatalogSet& set, const docs::DocsViews& views,
                               const docs::HtmlTarget& target, TemplateSet& templates, OutputContext& out,
                               diag::DiagnosticSink& sink) {
    struct Page {
      const model::Catalog* catalog;
      const model::Error* error;
      const View* view;
      std::optional<std::string> html;
    };
    std::vector<Page> pages;
    for (size_t ci = 0; ci < set.catalogs().size(); ++ci)
      for (size_t ei = 0; ei < set.catalogs()[ci].errors.size(); ++ei)
        pages.push_back({&set.catalogs()[ci], &set.catalogs()[ci].errors[ei], &views.errors[ci][ei], std::nullopt});
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<diag::DiagnosticSink> sinks(threads);
    std::atomic<size_t> next{0};
    auto work = [&](unsigned t) {
      for (size_t i; (i = next.fetch_add(1)) < pages.size();) {
        Page& p = pages[i];
        const View layout{{"page_title", target.Text(p.error->code + ": " + p.error->summary) + " - " + target.Text(p.catalog->title)},
                          {"root", ""}};
        p.html = templates.Render("html/error.mustache", *p.view, sinks[t], &layout);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool) t.join();
    bool ok = true;
    for (const diag::DiagnosticSink& s : sinks)
      for (const diag::Diagnostic& d : s.diagnostics()) sink.Add(d), ok = false;
    for (Page& p : pages) {
      if (!p.html) return false;
      ok = ok && out.Write(target.ErrorHref(*p.catalog, *p.error), std::move(*p.html), sink);
    }
    return ok;
  }

  // Error pages are <code>.html at the root: a code must not take a name the site uses, and
  // two codes must not differ only in case (they would share a file on macOS and Windows).
  static bool CheckPageNames(const model::CatalogSet& set, diag::DiagnosticSink& sink) {
    bool ok = true;
    std::map<std::string, const model::Error*> seen;
    for (const model::Catalog& c : set.catalogs()) {
      for (const model::Error& e : c.errors) {
        const diag::Location at{c.path, e.PosOf("code").line, e.PosOf("code").column};
        const std::string lower = Lower(e.code);
        for (const char* reserved : kReservedPages) {
          if (lower == reserved) {
            sink.Error(at, "code '" + e.code + "' would overwrite the site's own " + reserved + ".html", "code-unsafe");
            ok = false;
          }
        }
        auto [it, inserted] = seen.try_emplace(lower, &e);
        if (!inserted) {
          sink.Error(at, "codes '" + e.code + "' and '" + it->second->code +
                             "' differ only in case; their pages would collide on case-insensitive file systems",
                     "code-unsafe");
          ok = false;
        }
      }
    }
    return ok;
  }
};

}  // namespace

std::unique_ptr<Backend> MakeHtmlBackend() { return std::make_unique<HtmlBackend>(); }

}  // namespace errcat::backends
