// What each page of the HTML site is rendered from, as one string (a page's key): a page whose
// key is the same as at the last render has the same bytes, so `errcat serve` renders again only
// the pages whose key changed (SiteMemo). A key holds its inputs themselves, not a hash of them,
// so that no two inputs can share one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/catalog.h"
#include "model/history.h"

namespace errcat::backends::docs {

// Carried by `errcat serve` from one render of the site to the next (MakeHtmlBackend).
struct SiteMemo {
  enum class Part {
    kPages,  // every file but the data files: error pages only where their key changed
    kData,   // only the data files (IsDataFile), which take longest and no page shows
  };
  Part part = Part::kPages;
  // kData: asked between its steps (on the rendering thread); true abandons the render, and the
  // data files stay as they were. errcat serve asks whether a save came meanwhile.
  std::function<bool()> stop_data;
  // Set by errcat serve before a render of the pages: for each catalog id, a stamp that changes
  // whenever the catalog or a translation of it is loaded again. A catalog whose stamp is as at
  // the last render has the same errors.json records, which are taken from `records`.
  std::unordered_map<std::string, std::string> catalog_stamps;
  // Page path (as written, de/TOK001.html) -> the key it was last rendered from (an error page's
  // without its record, which `records` holds).
  std::unordered_map<std::string, std::string> keys;
  // Tree prefix + catalog id (de/token) -> the catalog's stamp, and its error pages and their
  // records in the catalog's order, at the last render.
  struct CatalogRecords {
    std::string stamp;
    std::vector<std::string> pages, records;
  };
  std::unordered_map<std::string, CatalogRecords> records;
  // Filled by each kPages render: the pages left as the last render wrote them (their key did
  // not change). Every other path the site had, but the data files, is gone.
  std::vector<std::string> kept;
};

// Whether `path` (relative to the site) is a data file, which no page shows and a page load
// never waits for: the search data (search/... of any language's tree), and at the root
// errors.json and sitemap.xml.
bool IsDataFile(std::string_view path);

// Everything of a catalog but its errors and translations that a page may show.
std::string CatalogKey(const model::Catalog& c);

// The key of an error's page, but for the error's own fields (its errors.json record, which the
// memo compares apart): its catalog's key, what the pages of the codes it links to show of them,
// its history and what it lacks of the tree's language.
std::string ErrorPageKey(const model::CatalogSet& set, std::string_view catalog_key,
                         const model::Error& e, const model::CodeHistory* history,
                         const std::vector<std::string>* untranslated);

// The key of a retired code's tombstone page.
std::string RetiredPageKey(const model::CatalogSet& set, const model::CodeHistory& h);

}  // namespace errcat::backends::docs
