// HTML reference site: index, one page per catalog (catalog/<id>.html) and per error
// (<code>.html, its permalink), 404.html, sitemap.xml, search-index.json (+ .js so the page
// can load it from file://), errors.json, and the assets from site/. No external requests.
#include <cctype>
#include <map>

#include "backends/backend.h"
#include "backends/docs/docs_view.h"
#include "backends/docs/json_export.h"

namespace errcat::backends {
namespace {

using kainjow::mustache::list;
using kainjow::mustache::object;
using kainjow::mustache::partial;

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
    auto head = templates.LoadPartial("html/head.mustache", sink);
    auto foot = templates.LoadPartial("html/foot.mustache", sink);
    if (!head || !foot) return false;
    const docs::HtmlTarget target;

    // Adds what every page's layout needs: partials, title, the path back to the root.
    auto page = [&](View view, const std::string& title, const std::string& root) {
      view.set("head", partial([text = *head] { return text; }));
      view.set("foot", partial([text = *foot] { return text; }));
      view.set("page_title", title);
      view.set("root", root);
      return view;
    };
    auto render = [&](const std::string& tmpl, const View& view, const std::string& path) {
      auto text = templates.Render(tmpl, view, sink);
      return text && out.Write(path, std::move(*text), sink);
    };

    View site = docs::SiteView(set, target);
    if (!render("html/index.mustache", page(site, "Error reference", ""), "index.html")) return false;
    if (!render("html/404.mustache", page(object{}, "Page not found - Error reference", ""), "404.html"))
      return false;
    for (const model::Catalog& c : set.catalogs()) {
      View view = docs::CatalogView(set, c, target);
      if (!render("html/catalog.mustache", page(view, target.Text(c.title) + " - Error reference", "../"),
                  target.CatalogHref(c)))
        return false;
      for (const model::Error& e : c.errors) {
        View error = docs::ErrorView(set, c, e, target);
        const std::string title = target.Text(e.code + ": " + e.summary) + " - " + target.Text(c.title);
        if (!render("html/error.mustache", page(error, title, ""), target.ErrorHref(c, e))) return false;
      }
    }

    list urls;
    for (const model::Catalog& c : set.catalogs())
      if (!c.docs_base_url.empty())
        for (const model::Error& e : c.errors) urls.push_back(object{{"loc", target.Text(c.docs_base_url + e.code)}});
    if (!render("html/sitemap.mustache", object{{"urls", urls}}, "sitemap.xml")) return false;

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
