// An error's RFC 9457 problem details with example argument values, as the generated
// to_json(problem<E>(...)) writes them: shown on the site's error pages and as the OpenAPI
// fragment's examples.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/catalog.h"

namespace errcat::backends {

// The example value of a parameter: 42, 7, 2.5, true, or "example-<name>".
nlohmann::ordered_json ExampleValue(const model::Param& p);

// The problem's `type`: docs.problem_type_base + code, docs.base_url + code, or about:blank.
std::string ProblemType(const model::Catalog& c, const model::Error& e);

// {type, title, status (when set), detail, code, params} for the example values.
nlohmann::ordered_json ProblemExample(const model::Catalog& c, const model::Error& e);

}  // namespace errcat::backends
