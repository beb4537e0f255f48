#include "backends/docs/json_export.h"

#include "util/json_writer.h"

namespace errcat::backends::docs {
namespace {

void WriteError(util::JsonWriter& j, const model::Catalog& c, const model::Error& e) {
  j.BeginObject();
  j.Key("code").String(e.code);
  j.Key("value").Int(e.value);
  j.Key("name").String(e.name);
  j.Key("summary").String(e.summary);
  j.Key("message").String(e.message);
  j.Key("params").BeginArray();
  for (const model::Param& p : e.params) {
    j.BeginObject();
    j.Key("name").String(p.name);
    j.Key("type").String(model::Name(p.type));
    j.Key("description").String(p.description);
    j.EndObject();
  }
  j.EndArray();
  j.Key("description").String(e.description);
  j.Key("causes").Strings(e.causes);
  j.Key("resolution").Strings(e.resolution);
  if (e.http_status) j.Key("http_status").Int(e.http_status);
  j.Key("severity").String(model::Name(e.severity));
  if (e.retriable) j.Key("retriable").Bool(*e.retriable);
  if (e.is_deprecated()) j.Key("deprecated").String(e.deprecated);
  if (!e.replaced_by.empty()) j.Key("replaced_by").String(e.replaced_by);
  if (!e.since.empty()) j.Key("since").String(e.since);
  j.Key("see_also").Strings(e.see_also);
  j.Key("tags").Strings(e.tags);
  j.Key("fields").BeginObject();
  for (const model::FieldValue& f : e.fields) {
    j.Key(f.id);
    const model::FieldDef* def = c.Field(f.id);
    if (def && def->type == model::FieldType::kBool)
      j.Bool(f.text == "true");
    else if (def && def->type == model::FieldType::kInt)
      j.Int(std::stoll(f.text));
    else
      j.String(f.text);
  }
  j.EndObject();
  if (!c.docs_base_url.empty()) j.Key("docs_url").String(c.docs_base_url + e.code);
  j.EndObject();
}

}  // namespace

std::string CatalogSetJson(const model::CatalogSet& set, int indent) {
  util::JsonWriter j(indent);
  j.Reserve(1024 + set.error_count() * 1536);
  j.BeginObject();
  j.Key("format").String("errcat-catalog-set/1");
  j.Key("catalogs").BeginArray();
  for (const model::Catalog& c : set.catalogs()) {
    j.BeginObject();
    j.Key("catalog").String(c.id);
    j.Key("title").String(c.title);
    j.Key("description").String(c.description);
    j.Key("cpp").BeginObject().Key("namespace").String(c.cpp_namespace).Key("enum").String(c.cpp_enum).EndObject();
    if (!c.code_pattern.empty()) j.Key("code_pattern").String(c.code_pattern);
    if (!c.docs_base_url.empty() || !c.docs_edit_url.empty()) {
      j.Key("docs").BeginObject();
      if (!c.docs_base_url.empty()) j.Key("base_url").String(c.docs_base_url);
      if (!c.docs_edit_url.empty()) j.Key("edit_url").String(c.docs_edit_url);
      j.EndObject();
    }
    j.Key("fields").BeginObject();
    for (const model::FieldDef& f : c.fields)
      j.Key(f.id).BeginObject().Key("title").String(f.title).Key("type").String(model::Name(f.type)).EndObject();
    j.EndObject();
    j.Key("reserved").Strings(c.reserved);
    j.Key("errors").BeginArray();
    for (const model::Error& e : c.errors) WriteError(j, c, e);
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  return j.Take();
}

std::string SearchIndexJson(const model::CatalogSet& set, const TextTarget& target) {
  util::JsonWriter j;
  j.Reserve(set.error_count() * 384);
  j.BeginArray();
  for (const model::Catalog& c : set.catalogs()) {
    for (const model::Error& e : c.errors) {
      j.BeginObject();
      j.Key("code").String(e.code);
      j.Key("name").String(e.name);
      j.Key("summary").String(e.summary);
      j.Key("message").String(e.message);
      j.Key("catalog").String(c.id);
      j.Key("severity").String(model::Name(e.severity));
      j.Key("http_status").Int(e.http_status);
      j.Key("url").String(target.ErrorHref(c, e));
      j.EndObject();
    }
  }
  j.EndArray();
  return j.Take();
}

}  // namespace errcat::backends::docs
