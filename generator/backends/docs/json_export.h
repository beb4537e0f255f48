// The catalog set as JSON, written straight to text (util::JsonWriter) rather than built as a
// tree of JSON nodes, which large sets cannot afford: errors.json on the site, and the search
// index.
#pragma once

#include <string>
#include <vector>

#include "backends/docs/docs_view.h"
#include "model/catalog.h"

namespace errcat::backends::docs {

// Each error's records in errors.json and in the search index are made apart (on any thread,
// as each error's page is) and joined into the documents at the end, so that writing them is
// not one long task on one core. Records[catalog][error].
using Records = std::vector<std::vector<std::string>>;

// An error's object in errors.json, indented for its place there.
std::string ErrorRecordJson(const model::Catalog& c, const model::Error& e);
// An error's compact record in the search index, with its page's URL.
std::string ErrorSearchJson(const model::Catalog& c, const model::Error& e,
                            const TextTarget& target);

// A retired code's record in the search index: its tombstone page, marked "retired".
std::string RetiredSearchJson(const model::CodeHistory& h, const TextTarget& target);

// errors.json: every catalog with every field of every error ("errcat-catalog-set/1"). Each
// record is freed as soon as it is joined.
std::string CatalogSetJson(const model::CatalogSet& set, Records records);

// The site's search index: every error's search record, in catalog order.
std::string SearchIndexJson(Records records);

}  // namespace errcat::backends::docs
