#include "backends/docs/page_keys.h"

#include "util/json_writer.h"

namespace errcat::backends::docs {
namespace {

// What a page shows of a code it links to (replaced_by, see_also): its page and summary.
void LinkedCode(util::JsonWriter& j, const model::CatalogSet& set, std::string_view code) {
  j.BeginArray().String(code);
  if (auto hit = set.FindCode(code)) j.String(hit->catalog->id).String(hit->error->summary);
  j.EndArray();
}

}  // namespace

bool IsDataFile(std::string_view path) {
  if (path == "errors.json" || path == "sitemap.xml") return true;
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return false;
  if (path.substr(0, slash + 1) == "search/") return true;
  return path.substr(slash + 1, 7) == "search/" && path.find('/', slash + 1) == slash + 7;
}

std::string CatalogKey(const model::Catalog& c) {
  util::JsonWriter j;
  j.BeginArray();
  for (const std::string* s :
       {&c.id, &c.title, &c.description, &c.cpp_namespace, &c.cpp_enum, &c.code_pattern,
        &c.docs_base_url, &c.docs_edit_url, &c.problem_type_base, &c.locale, &c.display_path})
    j.String(*s);
  j.BeginArray();
  for (const model::FieldDef& f : c.fields)
    j.String(f.id).String(f.title).String(model::Name(f.type));
  j.EndArray();
  j.Strings(c.reserved);
  j.EndArray();
  return j.Take();
}

std::string ErrorPageKey(const model::CatalogSet& set, std::string_view catalog_key,
                         const model::Error& e, const model::CodeHistory* history,
                         const std::vector<std::string>* untranslated) {
  util::JsonWriter j;
  j.BeginArray().Raw(catalog_key);
  j.BeginArray();
  if (!e.replaced_by.empty()) LinkedCode(j, set, e.replaced_by);
  for (const std::string& code : e.see_also) LinkedCode(j, set, code);
  j.EndArray();
  if (history) j.String(history->since).String(history->deprecated_in);
  if (untranslated) j.Strings(*untranslated);
  j.EndArray();
  return j.Take();
}

std::string RetiredPageKey(const model::CatalogSet& set, const model::CodeHistory& h) {
  util::JsonWriter j;
  j.BeginArray();
  for (const std::string* s :
       {&h.catalog, &h.code, &h.name, &h.summary, &h.since, &h.deprecated_in, &h.retired_in})
    j.String(*s);
  j.Int(h.value).Strings(h.params);
  if (const model::Catalog* c = set.FindCatalog(h.catalog)) j.String(c->id);
  if (!h.replaced_by.empty()) LinkedCode(j, set, h.replaced_by);
  j.EndArray();
  return j.Take();
}

}  // namespace errcat::backends::docs
