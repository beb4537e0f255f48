// The catalog set as JSON: errors.json on the site, and the search index.
#pragma once

#include <nlohmann/json.hpp>

#include "model/catalog.h"

namespace errcat::backends::docs {

nlohmann::ordered_json CatalogSetJson(const model::CatalogSet& set);
nlohmann::ordered_json ErrorJson(const model::Catalog& c, const model::Error& e);

// JSON text that is also safe inside HTML: '<', '>' and '&' are written as \u escapes.
std::string DumpForWeb(const nlohmann::ordered_json& json, int indent);

}  // namespace errcat::backends::docs
