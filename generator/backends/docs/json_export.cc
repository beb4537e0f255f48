#include "backends/docs/json_export.h"

#include <utility>

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

// errors.json is indented for people who read or diff it; each error sits 4 levels deep
// (document, catalogs, catalog, errors).
constexpr int kIndent = 2;
constexpr size_t kErrorDepth = 4;

std::string ErrorRecordJson(const model::Catalog& c, const model::Error& e) {
  util::JsonWriter j(kIndent, kErrorDepth);
  j.Reserve(1536);
  WriteError(j, c, e);
  return j.Take();
}

std::string ErrorSearchJson(const model::Catalog& c, const model::Error& e,
                            const TextTarget& target) {
  util::JsonWriter j;
  j.Reserve(384);
  j.BeginObject();
  j.Key("code").String(e.code);
  j.Key("name").String(e.name);
  j.Key("summary").String(e.summary);
  j.Key("catalog").String(c.id);
  j.Key("severity").String(model::Name(e.severity));
  j.Key("http_status").Int(e.http_status);
  j.Key("url").String(target.ErrorHref(c, e));
  if (e.is_deprecated()) j.Key("deprecated").Bool(true);
  if (e.params.empty() && e.message.find_first_of("{}") == std::string::npos) {
    j.Key("message").String(e.message);
  } else {
    // The message as the loader parsed it, so that the search box can read a pasted rendered
    // message without parsing templates again: its literal pieces (one more than its
    // placeholders), the parameter each placeholder shows, and each parameter as "name:type".
    std::vector<std::string> pieces(1), params;
    std::vector<int> slots;
    for (const model::MessageSegment& s : model::OtherForms(e.segments)) {
      if (s.arg < 0) {
        pieces.back() += s.literal;
      } else {
        slots.push_back(s.arg);
        pieces.emplace_back();
      }
    }
    for (const model::Param& p : e.params) params.push_back(p.name + ":" + std::string(model::Name(p.type)));
    j.Key("pieces").Strings(pieces);
    j.Key("slots").BeginArray();
    for (int slot : slots) j.Int(slot);
    j.EndArray();
    if (!params.empty()) j.Key("params").Strings(params);
  }
  j.EndObject();
  return j.Take();
}

std::string RetiredSearchJson(const model::CodeHistory& h, const TextTarget& target) {
  util::JsonWriter j;
  j.BeginObject();
  j.Key("code").String(h.code);
  j.Key("name").String(h.name);
  j.Key("summary").String(h.retired_in.empty() ? std::string("Retired")
                                               : "Retired in " + h.retired_in);
  j.Key("catalog").String(h.catalog);
  j.Key("severity").String("");
  j.Key("http_status").Int(0);
  j.Key("url").String(target.RetiredHref(h.code));
  j.Key("retired").Bool(true);
  j.EndObject();
  return j.Take();
}

void CatalogSetJson(const model::CatalogSet& set,
                    const std::function<void(std::string_view)>& emit) {
  constexpr size_t kPieceBytes = 1 << 20;
  util::JsonWriter j(kIndent);
  j.Reserve(kPieceBytes + 64 * 1024);
  j.BeginObject();
  j.Key("format").String("errcat-catalog-set/1");
  j.Key("catalogs").BeginArray();
  for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
    const model::Catalog& c = set.catalogs()[ci];
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
    for (const model::Error& e : c.errors) {
      j.Raw(ErrorRecordJson(c, e));
      if (j.size() >= kPieceBytes) emit(j.TakeSoFar());
    }
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  emit(j.Take() += '\n');
}

}  // namespace errcat::backends::docs
