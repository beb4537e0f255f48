#include "backends/docs/docs_view.h"

#include <cmark.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "backends/base/problem_example.h"
#include "util/parallel.h"
#include "util/text.h"

namespace errcat::backends::docs {
namespace {

// Catalog Markdown -> HTML. Raw HTML in a catalog is shown as text (the reader sees what the
// author wrote, and it cannot run), and cmark's safe mode (no CMARK_OPT_UNSAFE) drops
// javascript:, vbscript:, file: and non-image data: URLs.
std::string RenderCmark(std::string_view markdown) {
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  std::vector<cmark_node*> raw;
  cmark_iter* iter = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK))
      raw.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* node : raw) {
    const bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
    while (block && !literal.empty() && literal.back() == '\n') literal.pop_back();
    cmark_node_set_literal(text, literal.c_str());
    if (block) {
      cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(paragraph, text);
      cmark_node_replace(node, paragraph);
    } else {
      cmark_node_replace(node, text);
    }
    cmark_node_free(node);
  }
  std::unique_ptr<char, decltype(&free)> html(cmark_render_html(doc.get(), CMARK_OPT_DEFAULT), free);
  return html ? std::string(html.get()) : std::string();
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

std::string_view TrimNewlines(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

}  // namespace

// --- Markdown ------------------------------------------------------------------------------

std::string MarkdownTarget::Text(std::string_view text) const {
  // Backslash-escape what GitHub Markdown would interpret, including raw HTML's '<'.
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|#~!").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string MarkdownTarget::Markdown(std::string_view markdown) const {
  return std::string(TrimNewlines(markdown));
}

std::string MarkdownTarget::InlineMarkdown(std::string_view markdown) const {
  // Inside a list item or table cell: continuation lines must not break the block.
  return ReplaceAll(std::string(TrimNewlines(markdown)), "\n", "<br>");
}

std::string MarkdownTarget::Code(std::string_view text) const {
  // A code span delimited by more backticks than the text holds in a row.
  size_t run = 0, longest = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const std::string body = ReplaceAll(ReplaceAll(std::string(text), "|", "\\|"), "\n", " ");
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string MarkdownTarget::ErrorHref(const model::Catalog& c, const model::Error& e) const {
  return c.id + ".md#" + e.code;
}

std::string MarkdownTarget::CatalogHref(const model::Catalog& c) const { return c.id + ".md"; }

// --- HTML ----------------------------------------------------------------------------------

std::string HtmlTarget::Text(std::string_view text) const { return util::HtmlEscape(text); }

std::string HtmlTarget::Markdown(std::string_view markdown) const {
  return std::string(TrimNewlines(RenderCmark(markdown)));
}

std::string HtmlTarget::InlineMarkdown(std::string_view markdown) const {
  std::string html(TrimNewlines(RenderCmark(markdown)));
  // A single paragraph renders as <p>...</p>; unwrap it so it sits inline in an <li> or <td>.
  if (html.starts_with("<p>") && html.ends_with("</p>") && html.find("<p>", 3) == std::string::npos)
    html = html.substr(3, html.size() - 7);
  return html;
}

std::string HtmlTarget::Code(std::string_view text) const {
  return "<code>" + util::HtmlEscape(text) + "</code>";
}

std::string HtmlTarget::ErrorHref(const model::Catalog&, const model::Error& e) const {
  return e.code + ".html";
}

std::string HtmlTarget::CatalogHref(const model::Catalog& c) const { return "catalog/" + c.id + ".html"; }

std::string HtmlTarget::RetiredHref(std::string_view code) const {
  return std::string(code) + ".html";
}

// --- View model ----------------------------------------------------------------------------

namespace {

View CodeLink(const model::CatalogSet& set, std::string_view code, const TextTarget& t) {
  auto hit = set.FindCode(code);
  View link{{"code", t.Text(code)}};
  if (hit) {
    link.set("href", t.ErrorHref(*hit->catalog, *hit->error));
    link.set("summary", t.Text(hit->error->summary));
  }
  return link;
}

std::string MessageWithParams(const model::Error& e, const TextTarget& t) {
  // A plural shows its `other` case ("{minutes: uint} minutes").
  std::string out;
  for (const model::MessageSegment& s : model::OtherForms(e.segments)) {
    if (s.arg < 0) {
      out += t.Text(s.literal);
    } else {
      const model::Param& p = e.params[static_cast<size_t>(s.arg)];
      out += t.Code("{" + p.name + ": " + std::string(model::Name(p.type)) + "}");
    }
  }
  return out;
}

// The body `to_json(problem<E>(...))` writes for the example values, indented for reading.
std::string ProblemExampleText(const model::Catalog& c, const model::Error& e) {
  return ProblemExample(c, e).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

// How the C++ of the catalog makes that body.
std::string ProblemCpp(const model::Catalog& c, const model::Error& e) {
  std::string args;
  for (const model::Param& p : e.params) args += (args.empty() ? "" : ", ") + p.name;
  return "namespace errors = " + c.cpp_namespace + ";\n" +
         "errcat_runtime::Problem p = errors::problem<errors::" + c.cpp_enum + "::" + e.name +
         ">(" + args + ");\n" +
         "std::string body = to_json(p, request_path);  // application/problem+json";
}

}  // namespace

View ErrorView(const model::CatalogSet& set, const model::Catalog& c, const model::Error& e,
               const TextTarget& t) {
  View v = View::Object(48);
  v.add("code", t.Text(e.code));
  v.add("anchor", t.Text(e.code));
  v.add("href", t.ErrorHref(c, e));
  v.add("name", t.Text(e.name));
  v.add("summary", t.Text(e.summary));
  v.add("message", MessageWithParams(e, t));
  v.add("message_template", t.Text(e.message));
  v.add("catalog_id", t.Text(c.id));
  v.add("catalog_title", t.Text(c.title));
  v.add("catalog_href", t.CatalogHref(c));
  v.add("severity", std::string(model::Name(e.severity)));
  v.add("http_status", e.http_status ? std::to_string(e.http_status) : "");
  v.add("retriable", e.retriable ? (*e.retriable ? "yes" : "no") : "");
  v.add("since", t.Text(e.since));
  v.add("value", std::to_string(e.value));

  List params;
  for (size_t i = 0; i < e.params.size(); ++i) {
    const model::Param& p = e.params[i];
    params.push_back(View{{"index", std::to_string(i)},
                            {"name", t.Text(p.name)},
                            {"name_code", t.Code(p.name)},
                            {"type", std::string(model::Name(p.type))},
                            {"description", t.InlineMarkdown(p.description)}});
  }
  v.add("params", params);
  v.add("has_params", !e.params.empty());

  v.add("description", t.Markdown(e.description));
  List causes, steps;
  for (const std::string& cause : e.causes) causes.push_back(View{{"text", t.InlineMarkdown(cause)}});
  for (size_t i = 0; i < e.resolution.size(); ++i)
    steps.push_back(View{{"number", std::to_string(i + 1)}, {"text", t.InlineMarkdown(e.resolution[i])}});
  v.add("causes", causes);
  v.add("has_causes", !e.causes.empty());
  v.add("resolution", steps);
  v.add("has_resolution", !e.resolution.empty());

  List fields;
  for (const model::FieldValue& f : e.fields) {
    const model::FieldDef* def = c.Field(f.id);
    const bool markdown = def && def->type == model::FieldType::kMarkdown;
    fields.push_back(View{{"title", t.Text(def ? def->title : f.id)},
                            {"id", t.Text(f.id)},
                            {"value", markdown ? t.InlineMarkdown(f.text) : t.Text(f.text)}});
  }
  v.add("fields", fields);
  v.add("has_fields", !e.fields.empty());

  v.add("deprecated", t.Text(e.deprecated));
  v.add("is_deprecated", e.is_deprecated());
  if (!e.replaced_by.empty()) v.add("replaced_by", CodeLink(set, e.replaced_by, t));
  List see_also;
  for (const std::string& code : e.see_also) see_also.push_back(CodeLink(set, code, t));
  v.add("see_also", see_also);
  v.add("has_see_also", !e.see_also.empty());
  List tags;
  for (const std::string& tag : e.tags) tags.push_back(View{{"tag", t.Text(tag)}});
  v.add("tags", tags);
  v.add("has_tags", !e.tags.empty());
  v.add("permalink", c.docs_base_url.empty() ? "" : t.Text(c.docs_base_url + e.code));
  v.add("edit_url", t.Text(c.docs_edit_url));
  v.add("problem_example", t.Text(ProblemExampleText(c, e)));
  v.add("problem_cpp", t.Text(ProblemCpp(c, e)));
  return v;
}

void AddHistory(View& v, const model::Error& e, const model::CodeHistory& h, const TextTarget& t) {
  if (e.since.empty() && !h.since.empty()) v.set("since", t.Text(h.since));
  v.set("deprecated_in", e.is_deprecated() ? t.Text(h.deprecated_in) : "");
}

void MarkUntranslated(View& error_view, const std::vector<std::string>& texts,
                      std::string_view lang, const TextTarget& t) {
  if (texts.empty()) return;
  std::string list;
  for (const std::string& key : texts) list += (list.empty() ? "" : ", ") + key;
  error_view.set("untranslated", t.Text(list));
  error_view.set("untranslated_lang", t.Text(lang));
}

View RetiredView(const model::CatalogSet& set, const model::CodeHistory& h, const TextTarget& t) {
  View v = View::Object(24);
  std::string signature;
  for (const std::string& type : h.params) signature += (signature.empty() ? "" : ", ") + type;
  v.add("code", t.Text(h.code));
  v.add("href", t.RetiredHref(h.code));
  v.add("name", t.Text(h.name));
  v.add("summary", t.Text(h.summary));
  v.add("value", std::to_string(h.value));
  v.add("signature", t.Text(h.name + "(" + signature + ")"));
  v.add("catalog_id", t.Text(h.catalog));
  const model::Catalog* c = set.FindCatalog(h.catalog);
  v.add("catalog_href", c ? t.CatalogHref(*c) : "");
  v.add("since", t.Text(h.since));
  v.add("deprecated_in", t.Text(h.deprecated_in));
  v.add("retired_in", t.Text(h.retired_in));
  if (!h.replaced_by.empty()) {
    // Every key set, so that a replacement no longer in the set does not read the page's own.
    View link = CodeLink(set, h.replaced_by, t);
    if (!link.Find("href")) link.set("href", "");
    if (!link.Find("summary")) link.set("summary", "");
    v.add("replaced_by", std::move(link));
  }
  return v;
}

namespace {

View CatalogView(const model::Catalog& c, const std::vector<View>& errors, size_t rows,
                 List retired, const TextTarget& t) {
  View v = View::Object(48);
  v.add("id", t.Text(c.id));
  v.add("title", t.Text(c.title));
  v.add("href", t.CatalogHref(c));
  v.add("description", t.Markdown(c.description));
  v.add("count", std::to_string(c.errors.size()));
  v.add("source_path", t.Text(c.display_path));
  v.add("edit_url", t.Text(c.docs_edit_url));
  // Shares each error's view.
  v.add("errors", List(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(
                                                            std::min(rows, errors.size()))));
  v.add("has_more", errors.size() > rows);
  v.add("has_retired", !retired.empty());
  v.add("retired_count", std::to_string(retired.size()));
  v.add("retired", std::move(retired));
  return v;
}

}  // namespace

DocsViews BuildViews(const model::CatalogSet& set, const TextTarget& t) {
  DocsViews views;
  BuildErrorViews(set, t, views);
  AddListViews(set, t, views);
  return views;
}

void BuildErrorViews(const model::CatalogSet& set, const TextTarget& t, DocsViews& views,
                     const std::function<void(size_t, size_t, unsigned)>& built,
                     const std::function<bool(size_t, size_t)>& wanted) {
  // Error views are independent (cmark is reentrant): built on every core.
  std::vector<std::pair<size_t, size_t>> items;
  views.errors.clear();
  for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
    views.errors.emplace_back(set.catalogs()[ci].errors.size());
    for (size_t ei = 0; ei < set.catalogs()[ci].errors.size(); ++ei)
      if (!wanted || wanted(ci, ei)) items.emplace_back(ci, ei);
  }
  util::ParallelFor(items.size(), [&](size_t i, unsigned worker) {
    const auto [ci, ei] = items[i];
    const model::Catalog& c = set.catalogs()[ci];
    views.errors[ci][ei] = ErrorView(set, c, c.errors[ei], t);
    if (built) built(ci, ei, worker);
  });
}

void AddListViews(const model::CatalogSet& set, const TextTarget& t, DocsViews& views,
                  const std::vector<View>& retired, size_t list_rows) {
  std::map<std::string, List> retired_of;  // catalog id as escaped in the view -> tombstones
  for (const View& r : retired) retired_of[*r.Find("catalog_id")->AsString()].push_back(r);
  List all_errors;
  all_errors.reserve(std::min(set.error_count(), list_rows));
  for (size_t ci = 0; ci < set.catalogs().size(); ++ci) {
    const model::Catalog& c = set.catalogs()[ci];
    for (size_t ei = 0; ei < c.errors.size() && all_errors.size() < list_rows; ++ei)
      all_errors.push_back(views.errors[ci][ei]);
    auto it = retired_of.find(t.Text(c.id));
    views.catalogs.push_back(CatalogView(c, views.errors[ci], list_rows,
                                         it == retired_of.end() ? List() : std::move(it->second),
                                         t));
  }
  View site = View::Object();
  site.set("catalogs", List(views.catalogs));
  site.set("errors", std::move(all_errors));
  site.set("has_more", set.error_count() > list_rows);
  site.set("catalog_count", std::to_string(set.catalogs().size()));
  site.set("error_count", std::to_string(set.error_count()));
  site.set("retired", List(retired));
  site.set("has_retired", !retired.empty());
  site.set("retired_count", std::to_string(retired.size()));
  views.site = std::move(site);
}

}  // namespace errcat::backends::docs
