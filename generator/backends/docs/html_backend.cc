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
#include <unordered_map>

#include "backends/backend.h"
#include "backends/docs/docs_view.h"
#include "backends/docs/json_export.h"
#include "backends/docs/page_keys.h"
#include "backends/docs/search_index.h"
#include "util/parallel.h"

namespace errcat::backends {
namespace {

constexpr size_t kListRows = 100;

constexpr const char* kAssets[] = {"assets/errcat.css", "assets/errcat.js", "assets/favicon.svg",
                                   "assets/theme.js"};

class HtmlBackend final : public Backend {
 public:
  HtmlBackend(const model::History* history, docs::SiteMemo* memo)
      : history_(history), memo_(memo) {}

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
    const bool data_only = memo_ && memo_->part == docs::SiteMemo::Part::kData;
    Keys next_keys;
    RecordsMemo next_records;
    if (memo_ && !data_only) memo_->kept.clear();
    auto tree = [&](const model::CatalogSet& tree_set,
                    const std::vector<std::vector<std::vector<std::string>>>* untranslated,
                    const std::string& lang) {
      return data_only ? RenderData(tree_set, lang == languages.source, lang, templates, out, sink)
                       : RenderTree(tree_set, untranslated, lang, languages, templates, out,
                                    next_keys, next_records, sink);
    };
    if (!tree(set, nullptr, languages.source)) return false;
    for (size_t k = 1; k < languages.tags.size(); ++k) {
      const model::LocalizedSet localized = model::LocalizeSet(set, languages.tags[k]);
      if (!tree(localized.set, &localized.untranslated, languages.tags[k])) return false;
    }
    if (data_only) return true;
    if (memo_) {
      memo_->keys = std::move(next_keys);
      memo_->records = std::move(next_records);
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
  using Keys = std::unordered_map<std::string, std::string>;
  using RecordsMemo = std::unordered_map<std::string, docs::SiteMemo::CatalogRecords>;

  struct Languages {
    std::string source;             // the root tree's
    std::vector<std::string> tags;  // the source's first
  };

  // The retired codes that get a tombstone: every one the catalogs no longer hold (a code
  // issued again keeps its live page; check --lock reports the reuse).
  static std::vector<const model::CodeHistory*> Retired(const model::CatalogSet& set,
                                                        const model::History* history) {
    std::vector<const model::CodeHistory*> retired;
    if (history)
      for (const model::CodeHistory& h : history->codes)
        if (h.retired && !set.FindCode(h.code)) retired.push_back(&h);
    return retired;
  }

  // Whether a page must be rendered: always without a memo; with one, when its key differs from
  // the last render's (or the tree's own key did). Records the key for the next render and, for
  // a page left alone, that it is kept.
  class PageKeys {
   public:
    PageKeys(docs::SiteMemo* memo, Keys& next, RecordsMemo& next_records, const std::string& prefix,
             std::string tree_key)
        : memo_(memo), next_(next), next_records_(next_records), prefix_(prefix) {
      if (!memo_) return;
      const std::string entry = prefix + "\n";  // no page path holds a newline
      auto it = memo_->keys.find(entry);
      fresh_ = it != memo_->keys.end() && it->second == tree_key;
      next_[entry] = std::move(tree_key);
    }
    bool active() const { return memo_ != nullptr; }
    // Safe on any thread: reads only the last render's keys.
    bool Changed(const std::string& page, const std::string& key) const {
      if (!memo_ || !fresh_) return true;
      auto it = memo_->keys.find(prefix_ + page);
      return it == memo_->keys.end() || it->second != key;
    }
    // On one thread, after rendering.
    void Record(const std::string& page, std::string key, bool rendered) {
      if (!memo_) return;
      if (!rendered) memo_->kept.push_back(prefix_ + page);
      next_[prefix_ + page] = std::move(key);
    }

    // A catalog's stamp for this render ("" when serve gave none), and its records at the last
    // render, which the plan may take (the memo's are replaced after the render).
    std::string Stamp(const std::string& catalog) const {
      auto it = memo_->catalog_stamps.find(catalog);
      return it == memo_->catalog_stamps.end() ? "" : it->second;
    }
    docs::SiteMemo::CatalogRecords* LastRecords(const std::string& catalog) const {
      auto it = memo_->records.find(prefix_ + catalog);
      return it == memo_->records.end() ? nullptr : &it->second;
    }
    void RecordCatalog(const std::string& catalog, docs::SiteMemo::CatalogRecords records) {
      next_records_[prefix_ + catalog] = std::move(records);
    }

   private:
    docs::SiteMemo* memo_;
    Keys& next_;
    RecordsMemo& next_records_;
    const std::string& prefix_;
    bool fresh_ = false;
  };

  // One language's tree: `untranslated` is null for the root (the catalogs' own texts, with the
  // history's pages, errors.json and the sitemap); else the texts of each error that fall back.
  bool RenderTree(const model::CatalogSet& set,
                  const std::vector<std::vector<std::vector<std::string>>>* untranslated,
                  const std::string& lang, const Languages& languages, TemplateSet& templates,
                  OutputContext& out, Keys& next_keys, RecordsMemo& next_records,
                  diag::DiagnosticSink& sink) const {
    const docs::HtmlTarget target;
    const bool root_tree = untranslated == nullptr;
    const std::string prefix = root_tree ? "" : lang + "/";
    const model::History* history = root_tree ? history_ : nullptr;
    const bool has_changes = history && !history->release_notes_html.empty();
    const bool with_data = !memo_;  // serve builds the data files apart (SiteMemo::kData)

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

    // What every page of the tree shares: its languages, and whether there is a changes page.
    std::string tree_key = lang + (has_changes ? "\n+" : "\n-");
    for (const std::string& tag : languages.tags) tree_key += "\n" + tag;
    PageKeys keys(memo_, next_keys, next_records, prefix, std::move(tree_key));

    const std::vector<const model::CodeHistory*> retired = Retired(set, history);
    const std::vector<docs::FilterSet> filters = docs::BuildFilterSets(set, retired);
    std::vector<std::vector<docs::SearchDoc>> search_docs(set.catalogs().size());
    std::vector<size_t> first_ordinal(set.catalogs().size());
    for (size_t ci = 0, ordinal = 0; ci < set.catalogs().size(); ++ci) {
      if (with_data) search_docs[ci].resize(set.catalogs()[ci].errors.size());
      first_ordinal[ci] = ordinal;
      ordinal += set.catalogs()[ci].errors.size();
    }
    auto history_of = [&](const model::Error& e) {
      return history ? history->Find(e.code) : nullptr;
    };

    // With a memo, every page's key first (on every core), so that only the views of pages to
    // render, and of the rows of list pages to render, are built.
    PagePlan plan;
    if (keys.active())
      plan = Plan(set, untranslated, retired, filters, has_changes, keys, history_of);
    auto wanted = [&](size_t ci, size_t ei) {
      return !keys.active() || plan.error_pages[ci][ei] ||
             (plan.index && first_ordinal[ci] + ei < kListRows) ||
             (plan.catalogs[ci] && ei < kListRows);
    };

    // Round one, on every core: each error's view, its page right after it, and its record in
    // the search data. Only the views the list pages show are kept. (errors.json makes its
    // records as it is written, in round two, or in the data step of errcat serve.)
    docs::DocsViews views;
    docs::BuildErrorViews(
        set, target, views,
        [&](size_t ci, size_t ei, unsigned w) {
          if (failed) return;
          const model::Catalog& c = set.catalogs()[ci];
          const model::Error& e = c.errors[ei];
          View& view = views.errors[ci][ei];
          if (const model::CodeHistory* h = history_of(e)) docs::AddHistory(view, e, *h, target);
          if (untranslated) docs::MarkUntranslated(view, (*untranslated)[ci][ei], lang, target);
          if (!keys.active() || plan.error_pages[ci][ei])
            render(w, "html/error.mustache", view, target.ErrorHref(c, e),
                   target.Text(e.code + ": " + e.summary) + " - " + target.Text(c.title), "", true,
                   c.locale);
          if (with_data) search_docs[ci][ei] = docs::ErrorSearchDoc(c, e, target);
          if (ei >= kListRows && first_ordinal[ci] + ei >= kListRows) view = View();
        },
        wanted);

    std::vector<View> retired_views;
    for (const model::CodeHistory* h : retired)
      retired_views.push_back(docs::RetiredView(set, *h, target));
    std::vector<docs::SearchDoc> ordered;
    if (with_data) ordered = OrderedSearchDocs(std::move(search_docs), retired, target);

    // Round two: the pages that list every error (sharing the error views), the search index,
    // errors.json and the sitemap, largest first.
    docs::AddListViews(set, target, views, retired_views, kListRows);
    AddFilterViews(filters, set.error_count(), set.error_count() + retired.size(), target, views);
    if (has_changes) views.site.set("has_changes", true);
    std::vector<std::function<void(unsigned)>> tasks;
    if (!keys.active() || plan.index)
      tasks.push_back([&](unsigned w) {
        render(w, "html/index.mustache", views.site, "index.html", "Error reference", "");
      });
    if (root_tree && with_data)
      tasks.push_back([&](unsigned w) {
        if (!WriteErrorsJson(set, out, sinks[w])) failed = true;
      });
    for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
      if (keys.active() && !plan.catalogs[ci]) continue;
      tasks.push_back([&, ci](unsigned w) {
        const model::Catalog& c = set.catalogs()[ci];
        render(w, "html/catalog.mustache", views.catalogs[ci], target.CatalogHref(c),
               target.Text(c.title) + " - Error reference", "../", true, c.locale);
      });
    }
    if (with_data)
      tasks.push_back([&](unsigned w) {
        docs::SearchFiles(std::move(ordered), set.error_count(), filters,
                          [&](docs::SearchFile f) { write(w, f.path, std::move(f.text)); });
      });
    for (size_t i = 0; i < retired.size(); ++i) {
      if (keys.active() && !plan.retired[i]) continue;
      tasks.push_back([&, i](unsigned w) {
        render(w, "html/retired.mustache", retired_views[i], target.RetiredHref(retired[i]->code),
               target.Text(retired[i]->code + ": retired") + " - Error reference", "", false);
      });
    }
    if (has_changes && (!keys.active() || plan.changes)) {
      tasks.push_back([&](unsigned w) {
        // The fragment escapes every text it holds (diff::Changelog), so it goes in as it is.
        render(w, "html/changes.mustache", View{{"notes", history->release_notes_html}},
               "changes.html", "Changes - Error reference", "", false);
      });
    }
    if (root_tree && with_data)
      tasks.push_back([&](unsigned w) {
        if (!WriteSitemap(set, retired, target, templates, out, sinks[w])) failed = true;
      });
    if (root_tree) {
      tasks.push_back([&](unsigned w) {
        render(w, "html/404.mustache", View::Object(), "404.html",
               "Page not found - Error reference", "", false);
      });
    }
    util::ParallelFor(tasks.size(), [&](size_t i, unsigned w) {
      if (!failed) tasks[i](w);
    });
    if (keys.active()) RecordKeys(set, retired, target, std::move(plan), keys);
    // Freeing 100k views takes a while: spread it over the cores too.
    views.site = View();
    views.catalogs.clear();
    util::ParallelFor(views.errors.size(), [&](size_t ci, unsigned) { views.errors[ci].clear(); });
    for (const diag::DiagnosticSink& s : sinks) sink.Merge(s);
    return !failed;
  }

  // With a memo: every page's key, and which pages to render because theirs changed. An error
  // page's errors.json record (every field of the error) is kept apart from its key: a catalog
  // whose stamp is as at the last render has the same records, which are neither made again nor
  // compared; in any other, each is made and compared with the last render's for its page.
  struct PagePlan {
    std::vector<std::vector<std::string>> error_keys;  // without the records
    std::vector<std::vector<bool>> error_pages;
    std::vector<docs::SiteMemo::CatalogRecords> records;
    std::vector<std::string> catalog_keys, retired_keys;
    std::vector<bool> catalogs, retired;
    std::string index_key, changes_key;
    bool index = false, changes = false;
  };

  template <typename HistoryOf>
  PagePlan Plan(const model::CatalogSet& set,
                const std::vector<std::vector<std::vector<std::string>>>* untranslated,
                const std::vector<const model::CodeHistory*>& retired,
                const std::vector<docs::FilterSet>& filters, bool has_changes, const PageKeys& keys,
                const HistoryOf& history_of) const {
    const docs::HtmlTarget target;
    const size_t n = set.catalogs().size();
    PagePlan plan;
    plan.error_keys.resize(n);
    plan.error_pages.resize(n);
    plan.records.resize(n);
    std::vector<std::string> catalog_own(n);
    std::vector<bool> same(n);  // the catalog's stamp is the last render's: so are its records
    std::vector<const docs::SiteMemo::CatalogRecords*> last(n);
    std::vector<std::unordered_map<std::string_view, size_t>> last_index(n);  // page -> record
    std::vector<std::pair<size_t, size_t>> items;
    for (size_t ci = 0; ci < n; ++ci) {
      const model::Catalog& c = set.catalogs()[ci];
      catalog_own[ci] = docs::CatalogKey(c);
      plan.error_keys[ci].resize(c.errors.size());
      plan.error_pages[ci].resize(c.errors.size());
      docs::SiteMemo::CatalogRecords& records = plan.records[ci];
      records.stamp = keys.Stamp(c.id);
      docs::SiteMemo::CatalogRecords* before = keys.LastRecords(c.id);
      same[ci] = before && !records.stamp.empty() && before->stamp == records.stamp &&
                 before->records.size() == c.errors.size();
      if (same[ci]) {
        records.pages = std::move(before->pages);
        records.records = std::move(before->records);
      } else {
        records.pages.resize(c.errors.size());
        records.records.resize(c.errors.size());
        last[ci] = before;
        if (before)
          for (size_t k = 0; k < before->pages.size(); ++k)
            last_index[ci].emplace(before->pages[k], k);
      }
      for (size_t ei = 0; ei < c.errors.size(); ++ei) items.emplace_back(ci, ei);
    }
    // vector<bool> packs its bits: the threads write bytes, copied into error_pages after.
    std::vector<char> changed_pages(items.size());
    util::ParallelFor(items.size(), [&](size_t i, unsigned) {
      const auto [ci, ei] = items[i];
      const model::Catalog& c = set.catalogs()[ci];
      const model::Error& e = c.errors[ei];
      docs::SiteMemo::CatalogRecords& records = plan.records[ci];
      if (!same[ci]) {
        records.pages[ei] = target.ErrorHref(c, e);
        records.records[ei] = docs::ErrorRecordJson(c, e);
      }
      plan.error_keys[ci][ei] =
          docs::ErrorPageKey(set, catalog_own[ci], e, history_of(e),
                             untranslated ? &(*untranslated)[ci][ei] : nullptr);
      bool changed = keys.Changed(records.pages[ei], plan.error_keys[ci][ei]);
      if (!changed && !same[ci]) {
        auto it = last_index[ci].find(records.pages[ei]);
        changed =
            it == last_index[ci].end() || last[ci]->records[it->second] != records.records[ei];
      }
      changed_pages[i] = changed;
    });
    for (size_t i = 0; i < items.size(); ++i)
      plan.error_pages[items[i].first][items[i].second] = changed_pages[i];
    for (const model::CodeHistory* h : retired)
      plan.retired_keys.push_back(docs::RetiredPageKey(set, *h));
    for (size_t i = 0; i < retired.size(); ++i)
      plan.retired.push_back(
          keys.Changed(target.RetiredHref(retired[i]->code), plan.retired_keys[i]));

    // A list page shows its rows, the counts, the filters and the tombstones.
    std::string shared = std::to_string(set.error_count()) + "/" + std::to_string(retired.size());
    for (const docs::FilterSet& f : filters)
      shared += "\n" + f.key + "=" + f.value + ":" + std::to_string(f.ordinals.size());
    for (const std::string& k : plan.retired_keys) shared += "\n" + k;
    plan.index_key = shared + (has_changes ? "\n+" : "\n-");
    for (size_t ci = 0, rows = 0; ci < n; ++ci) {
      const model::Catalog& c = set.catalogs()[ci];
      std::string key =
          shared + "\n" + std::to_string(ci) + catalog_own[ci] + std::to_string(c.errors.size());
      plan.index_key += "\n" + catalog_own[ci] + std::to_string(c.errors.size());
      for (size_t ei = 0; ei < c.errors.size() && ei < kListRows; ++ei) {
        const std::string row =
            "\n" + plan.error_keys[ci][ei] + "\n" + plan.records[ci].records[ei];
        key += row;
        if (rows++ < kListRows) plan.index_key += row;
      }
      plan.catalogs.push_back(keys.Changed(target.CatalogHref(c), key));
      plan.catalog_keys.push_back(std::move(key));
    }
    plan.index = keys.Changed("index.html", plan.index_key);
    if (has_changes) {
      plan.changes_key = history_->release_notes_html;
      plan.changes = keys.Changed("changes.html", plan.changes_key);
    }
    return plan;
  }

  void RecordKeys(const model::CatalogSet& set,
                  const std::vector<const model::CodeHistory*>& retired,
                  const docs::HtmlTarget& target, PagePlan plan, PageKeys& keys) const {
    for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
      const model::Catalog& c = set.catalogs()[ci];
      for (size_t ei = 0; ei < c.errors.size(); ++ei)
        keys.Record(plan.records[ci].pages[ei], std::move(plan.error_keys[ci][ei]),
                    plan.error_pages[ci][ei]);
      keys.RecordCatalog(c.id, std::move(plan.records[ci]));
      keys.Record(target.CatalogHref(c), std::move(plan.catalog_keys[ci]), plan.catalogs[ci]);
    }
    for (size_t i = 0; i < retired.size(); ++i)
      keys.Record(target.RetiredHref(retired[i]->code), std::move(plan.retired_keys[i]),
                  plan.retired[i]);
    keys.Record("index.html", std::move(plan.index_key), plan.index);
    if (!plan.changes_key.empty())
      keys.Record("changes.html", std::move(plan.changes_key), plan.changes);
  }

  // The search docs in ordinal order: the live errors', then the tombstones'.
  static std::vector<docs::SearchDoc> OrderedSearchDocs(
      std::vector<std::vector<docs::SearchDoc>> search_docs,
      const std::vector<const model::CodeHistory*>& retired, const docs::TextTarget& target) {
    std::vector<docs::SearchDoc> ordered;
    size_t total = retired.size();
    for (const auto& docs_of : search_docs) total += docs_of.size();
    ordered.reserve(total);
    for (auto& docs_of : search_docs)
      for (docs::SearchDoc& doc : docs_of) ordered.push_back(std::move(doc));
    search_docs.clear();
    for (const model::CodeHistory* h : retired)
      ordered.push_back(docs::RetiredSearchDoc(*h, target));
    return ordered;
  }

  // errors.json: every error's record, streamed (the 150 MB of a 100k set are never held).
  static bool WriteErrorsJson(const model::CatalogSet& set, OutputContext& out,
                              diag::DiagnosticSink& sink) {
    std::optional<OutputContext::Stream> json = out.Open("errors.json", sink);
    if (!json) return false;
    docs::CatalogSetJson(set, [&](std::string_view piece) { json->Append(piece); });
    return json->Close(sink);
  }

  // sitemap.xml: the docs page of every error and tombstone whose catalog has a docs.base_url.
  static bool WriteSitemap(const model::CatalogSet& set,
                           const std::vector<const model::CodeHistory*>& retired,
                           const docs::TextTarget& target, TemplateSet& templates,
                           OutputContext& out, diag::DiagnosticSink& sink) {
    List urls;
    for (const model::Catalog& c : set.catalogs())
      if (!c.docs_base_url.empty())
        for (const model::Error& e : c.errors)
          urls.push_back(View{{"loc", target.Text(c.docs_base_url + e.code)}});
    for (const model::CodeHistory* h : retired)
      if (const model::Catalog* c = set.FindCatalog(h->catalog); c && !c->docs_base_url.empty())
        urls.push_back(View{{"loc", target.Text(c->docs_base_url + h->code)}});
    auto sitemap = templates.Render("html/sitemap.mustache", View{{"urls", std::move(urls)}}, sink);
    return sitemap && out.Write("sitemap.xml", std::move(*sitemap), sink);
  }

  // SiteMemo::kData: only a tree's data files (its search data; at the root errors.json and
  // the sitemap too).
  bool RenderData(const model::CatalogSet& set, bool root_tree, const std::string& lang,
                  TemplateSet& templates, OutputContext& out, diag::DiagnosticSink& sink) const {
    const docs::HtmlTarget target;
    const std::string prefix = root_tree ? "" : lang + "/";
    const std::vector<const model::CodeHistory*> retired =
        Retired(set, root_tree ? history_ : nullptr);
    std::vector<std::vector<docs::SearchDoc>> search_docs(set.catalogs().size());
    std::vector<std::pair<size_t, size_t>> items;
    for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
      search_docs[ci].resize(set.catalogs()[ci].errors.size());
      for (size_t ei = 0; ei < set.catalogs()[ci].errors.size(); ++ei) items.emplace_back(ci, ei);
    }
    const std::function<bool()>& stop = memo_->stop_data;
    auto stopped = [&] { return stop && stop(); };
    util::ParallelFor(items.size(), [&](size_t i, unsigned) {
      const auto [ci, ei] = items[i];
      const model::Catalog& c = set.catalogs()[ci];
      search_docs[ci][ei] = docs::ErrorSearchDoc(c, c.errors[ei], target);
    });
    if (stopped()) return false;
    const std::vector<docs::FilterSet> filters = docs::BuildFilterSets(set, retired);
    bool ok = true;
    if (!docs::SearchFiles(
            OrderedSearchDocs(std::move(search_docs), retired, target), set.error_count(), filters,
            [&](docs::SearchFile f) {
              ok = out.Write(prefix + f.path, std::move(f.text), sink) && ok;
            },
            stop))
      return false;
    if (root_tree) {
      if (stopped()) return false;
      ok = WriteErrorsJson(set, out, sink) && ok;
      if (stopped()) return false;
      ok = WriteSitemap(set, retired, target, templates, out, sink) && ok;
    }
    return ok;
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
  docs::SiteMemo* memo_;  // null but for errcat serve
};

}  // namespace

std::unique_ptr<Backend> MakeHtmlBackend(const model::History* history, docs::SiteMemo* memo) {
  return std::make_unique<HtmlBackend>(history, memo);
}

}  // namespace errcat::backends
