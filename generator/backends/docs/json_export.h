// The catalog set as JSON, written straight to text (util::JsonWriter; a 10k-error set is
// 15 MB, too large for a tree of JSON nodes): errors.json on the site, and the search index.
#pragma once

#include <string>

#include "backends/docs/docs_view.h"
#include "model/catalog.h"

namespace errcat::backends::docs {

// errors.json: every catalog with every field of every error ("errcat-catalog-set/1").
std::string CatalogSetJson(const model::CatalogSet& set, int indent);

// The site's search index: one compact record per error, with its page's URL.
std::string SearchIndexJson(const model::CatalogSet& set, const TextTarget& target);

}  // namespace errcat::backends::docs
