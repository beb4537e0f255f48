// The catalog set as JSON, written straight to text (util::JsonWriter) rather than built as a
// tree of JSON nodes, which large sets cannot afford: errors.json on the site, and the records
// of the site's search data.
#pragma once

#include <string>
#include <vector>

#include "backends/docs/docs_view.h"
#include "model/catalog.h"

namespace errcat::backends::docs {

// Each error's records in errors.json and in the search index are made apart (on any thread,
// as each error's page is) and joined into the document at the end, so that writing it is
// not one long task on one core. Records[catalog][error].
using Records = std::vector<std::vector<std::string>>;

// An error's object in errors.json, indented for its place there.
std::string ErrorRecordJson(const model::Catalog& c, const model::Error& e);
// An error's compact record in the site's search data (a search hit, a row of a list page), with
// its page's URL; a message with placeholders as its literal pieces, for a pasted log line.
std::string ErrorSearchJson(const model::Catalog& c, const model::Error& e,
                            const TextTarget& target);

// A retired code's record in the search index: its tombstone page, marked "retired".
std::string RetiredSearchJson(const model::CodeHistory& h, const TextTarget& target);

// errors.json: every catalog with every field of every error ("errcat-catalog-set/1"), with a
// final newline, in pieces of about a megabyte (OutputContext::Write takes them as they are):
// at 100k errors it is 150 MB, which one string would hold twice while it grows. Each record is
// freed as soon as it is in a piece.
std::vector<std::string> CatalogSetJson(const model::CatalogSet& set, Records records);

}  // namespace errcat::backends::docs
