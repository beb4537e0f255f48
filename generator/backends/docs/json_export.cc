#include "backends/docs/json_export.h"

namespace errcat::backends::docs {

using nlohmann::ordered_json;

ordered_json ErrorJson(const model::Catalog& c, const model::Error& e) {
  ordered_json j;
  j["code"] = e.code;
  j["value"] = e.value;
  j["name"] = e.name;
  j["summary"] = e.summary;
  j["message"] = e.message;
  j["params"] = ordered_json::array();
  for (const model::Param& p : e.params)
    j["params"].push_back({{"name", p.name}, {"type", model::Name(p.type)}, {"description", p.description}});
  j["description"] = e.description;
  j["causes"] = e.causes;
  j["resolution"] = e.resolution;
  if (e.http_status) j["http_status"] = e.http_status;
  j["severity"] = model::Name(e.severity);
  if (e.retriable) j["retriable"] = *e.retriable;
  if (e.is_deprecated()) j["deprecated"] = e.deprecated;
  if (!e.replaced_by.empty()) j["replaced_by"] = e.replaced_by;
  if (!e.since.empty()) j["since"] = e.since;
  j["see_also"] = e.see_also;
  j["tags"] = e.tags;
  ordered_json fields = ordered_json::object();
  for (const model::FieldValue& f : e.fields) {
    const model::FieldDef* def = c.Field(f.id);
    if (def && def->type == model::FieldType::kBool)
      fields[f.id] = f.text == "true";
    else if (def && def->type == model::FieldType::kInt)
      fields[f.id] = std::stoll(f.text);
    else
      fields[f.id] = f.text;
  }
  j["fields"] = fields;
  if (!c.docs_base_url.empty()) j["docs_url"] = c.docs_base_url + e.code;
  return j;
}

ordered_json CatalogSetJson(const model::CatalogSet& set) {
  ordered_json catalogs = ordered_json::array();
  for (const model::Catalog& c : set.catalogs()) {
    ordered_json j;
    j["catalog"] = c.id;
    j["title"] = c.title;
    j["description"] = c.description;
    j["cpp"] = {{"namespace", c.cpp_namespace}, {"enum", c.cpp_enum}};
    if (!c.code_pattern.empty()) j["code_pattern"] = c.code_pattern;
    if (!c.docs_base_url.empty()) j["docs"]["base_url"] = c.docs_base_url;
    if (!c.docs_edit_url.empty()) j["docs"]["edit_url"] = c.docs_edit_url;
    j["fields"] = ordered_json::object();
    for (const model::FieldDef& f : c.fields) j["fields"][f.id] = {{"title", f.title}, {"type", model::Name(f.type)}};
    j["reserved"] = c.reserved;
    j["errors"] = ordered_json::array();
    for (const model::Error& e : c.errors) j["errors"].push_back(ErrorJson(c, e));
    catalogs.push_back(std::move(j));
  }
  return {{"format", "errcat-catalog-set/1"}, {"catalogs", std::move(catalogs)}};
}

std::string DumpForWeb(const ordered_json& json, int indent) {
  const std::string text = json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

}  // namespace errcat::backends::docs
