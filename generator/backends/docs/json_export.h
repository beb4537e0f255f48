// The catalog set as JSON, written straight to text (util::JsonWriter) rather than built as a
// tree of JSON nodes, which large sets cannot afford: errors.json on the site, and the records
// of the site's search data.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/docs/docs_view.h"
#include "model/catalog.h"

namespace errcat::backends::docs {

// An error's object in errors.json, indented for its place there (errcat serve also compares
// them, to know which error pages changed).
std::string ErrorRecordJson(const model::Catalog& c, const model::Error& e);
// An error's compact record in the site's search data (a search hit, a row of a list page), with
// its page's URL; a message with placeholders as its literal pieces, for a pasted log line.
std::string ErrorSearchJson(const model::Catalog& c, const model::Error& e,
                            const TextTarget& target);

// A retired code's record in the search index: its tombstone page, marked "retired".
std::string RetiredSearchJson(const model::CodeHistory& h, const TextTarget& target);

// errors.json: every catalog with every field of every error ("errcat-catalog-set/1"), with a
// final newline, handed to `emit` in pieces of about a megabyte: at 100k errors it is 150 MB,
// which is never held at once (OutputContext::Stream); its records are made as it goes.
void CatalogSetJson(const model::CatalogSet& set,
                    const std::function<void(std::string_view)>& emit);

}  // namespace errcat::backends::docs
