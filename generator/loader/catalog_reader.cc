// Per-file validation: one raw YAML tree -> one model::Catalog.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>
#include <set>
#include <unordered_map>
#include <utility>

#include "diag/spellcheck.h"
#include "loader/limits.h"
#include "loader/loader.h"
#include "loader/placeholders.h"
#include "loader/readers.h"
#include "loader/translations.h"
#include "util/text.h"

namespace errcat::loader {
namespace {

using readers::Boolean;
using readers::Context;
using readers::ExpectKind;
using readers::Integer;
using readers::IsNull;
using readers::LocInScalar;
using readers::MapReader;
using readers::OneOf;
using readers::Text;
using readers::TextList;
using yaml::Node;
using yaml::NodeKind;

using util::Quoted;
using util::TrailingNumber;

class CatalogReader {
 public:
  CatalogReader(const Context& ctx, const SourceFile& source) : ctx_(ctx), source_(source) {}

  std::optional<model::Catalog> Read(const Node* root) {
    if (!ExpectKind(ctx_, root, NodeKind::kMap, "a catalog file")) return std::nullopt;
    MapReader top(ctx_, root, "the catalog", CatalogKeys());
    model::Catalog& c = catalog_;
    c.path = source_.path;
    c.display_path = source_.display_path;

    if (const Node* id = top.Require("catalog"); id && ExpectKind(ctx_, id, NodeKind::kScalar, "'catalog'")) {
      c.id = id->value;
      if (!util::IsSnakeCase(c.id) || util::IsReservedCppWord(c.id)) {
        ctx_.Error(id,
                   "catalog id " + Quoted(c.id) +
                       (util::IsReservedCppWord(c.id) ? " is a C++ keyword"
                                                      : " must match [a-z][a-z0-9_]*"),
                   "catalog-id");
      }
    }
    if (const Node* title = top.Require("title")) {
      c.title = Text(ctx_, title, "'title'").value_or("");
      CheckLimit(ctx_, title, "title", c.title);
    }
    c.description = Text(ctx_, top.Get("description"), "'description'").value_or("");
    CheckLimit(ctx_, top.Get("description"), "description (catalog)", c.description);
    ReadCpp(top.Get("cpp"));
    ReadCodePattern(top.Get("code_pattern"));
    ReadDocs(top.Get("docs"));
    if (const Node* locale = top.Get("locale"); !IsNull(locale)) {
      if (auto text = Text(ctx_, locale, "'locale'")) {
        if (CheckLocale(ctx_, locale, *text)) c.locale = *text;
      }
    }
    ReadFieldDefs(top.Get("fields"));
    ReadLint(top.Get("lint"));
    const std::vector<const Node*> reserved = ReservedItems(top.Get("reserved"));
    for (const Node* item : reserved) c.reserved.push_back(item->value);

    if (const Node* errors = top.Get("errors"); !IsNull(errors)) {
      if (ExpectKind(ctx_, errors, NodeKind::kSequence, "'errors'")) {
        c.errors.reserve(errors->items().size());
        for (const Node* item : errors->items()) ReadError(item);
      }
    }
    CheckUniqueness();
    CheckReservedValues(reserved);
    return std::move(catalog_);
  }

 private:
  void ReadCpp(const Node* node) {
    model::Catalog& c = catalog_;
    c.cpp_namespace = c.id;
    c.cpp_enum = util::PascalCase(c.id) + "Error";
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kMap, "'cpp'")) return;
    MapReader cpp(ctx_, node, "'cpp'", {"namespace", "enum"});
    if (const Node* ns = cpp.Get("namespace"); !IsNull(ns)) {
      if (auto text = Text(ctx_, ns, "'cpp.namespace'")) {
        c.cpp_namespace = *text;
        if (!IsNamespace(*text))
          ctx_.Error(ns, "C++ namespace " + Quoted(*text) + " must be identifiers joined by '::' (no keywords)",
                     "cpp-identifier");
      }
    }
    if (const Node* e = cpp.Get("enum"); !IsNull(e)) {
      if (auto text = Text(ctx_, e, "'cpp.enum'")) {
        c.cpp_enum = *text;
        if (!util::IsIdentifier(*text) || util::IsReservedCppWord(*text) ||
            util::IsCommonMacro(*text))
          ctx_.Error(e, "C++ enum name " + Quoted(*text) + " is not a usable identifier",
                     "cpp-identifier");
      }
    }
  }

  static bool IsNamespace(std::string_view ns) {
    if (ns.empty()) return false;
    size_t start = 0;
    while (true) {
      const size_t end = ns.find("::", start);
      std::string_view part = ns.substr(start, end == std::string_view::npos ? ns.npos : end - start);
      if (!util::IsIdentifier(part) || util::IsReservedCppWord(part)) return false;
      if (end == std::string_view::npos) return true;
      start = end + 2;
    }
  }

  void ReadCodePattern(const Node* node) {
    if (IsNull(node)) return;
    auto text = Text(ctx_, node, "'code_pattern'");
    if (!text) return;
    if (text->size() > 256) {
      ctx_.Error(node, "'code_pattern' is longer than 256 characters", "pattern-invalid");
      return;
    }
    // RE2, not std::regex: matching takes time linear in the code whatever the pattern, where a
    // backtracking engine takes exponential time on patterns like (a*)*b.
    RE2::Options options;
    options.set_log_errors(false);
    auto pattern = std::make_unique<RE2>(*text, options);
    if (!pattern->ok()) {
      ctx_.Error(node, "'code_pattern' is not a valid regular expression: " + pattern->error(),
                 "pattern-invalid");
      return;
    }
    pattern_ = std::move(pattern);
    catalog_.code_pattern = *text;
  }

  // An absolute URI that each code completes, as RFC 9457 wants `type`: a tag: URI
  // (RFC 4151, "tag:example.com,2026:errors/") when the errors have no pages to point to.
  void ReadProblemTypeBase(const Node* node) {
    if (IsNull(node)) return;
    const std::optional<std::string> text = Text(ctx_, node, "'docs.problem_type_base'");
    if (!text) return;
    CheckLimit(ctx_, node, "docs.problem_type_base", *text);
    const size_t colon = text->find(':');
    const bool scheme =
        colon != std::string::npos && colon > 0 &&
        std::isalpha(static_cast<unsigned char>((*text)[0])) &&
        std::all_of(text->begin(), text->begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        });
    const bool clean = std::none_of(text->begin(), text->end(), [](char c) {
      return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\';
    });
    if (!scheme || !clean || colon + 1 == text->size()) {
      ctx_.Error(
          node,
          "'docs.problem_type_base' must be an absolute URI, e.g. \"tag:example.com,2026:errors/\"",
          "url");
      return;
    }
    catalog_.problem_type_base = *text;
  }

  void ReadDocs(const Node* node) {
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kMap, "'docs'")) return;
    MapReader docs(ctx_, node, "'docs'", {"base_url", "edit_url", "problem_type_base"});
    catalog_.docs_base_url = Text(ctx_, docs.Get("base_url"), "'docs.base_url'").value_or("");
    catalog_.docs_edit_url = Text(ctx_, docs.Get("edit_url"), "'docs.edit_url'").value_or("");
    ReadProblemTypeBase(docs.Get("problem_type_base"));
    CheckLimit(ctx_, docs.Get("base_url"), "docs.base_url", catalog_.docs_base_url);
    CheckLimit(ctx_, docs.Get("edit_url"), "docs.edit_url", catalog_.docs_edit_url);
    for (const char* key : {"base_url", "edit_url"}) {
      const Node* url = docs.Get(key);
      if (!IsNull(url) && url->kind == NodeKind::kScalar && !url->value.starts_with("https://") &&
          !url->value.starts_with("http://")) {
        ctx_.Error(url, std::string("'docs.") + key + "' must be an http(s) URL", "url");
      }
    }
  }

  void ReadFieldDefs(const Node* node) {
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kMap, "'fields'")) return;
    MapReader fields(ctx_, node, "'fields'", {});  // any key; checked below
    for (const auto& [key, value] : node->entries()) {
      if (key->kind != NodeKind::kScalar) continue;
      model::FieldDef def;
      def.id = key->value;
      if (!util::IsSnakeCase(def.id))
        ctx_.Error(key, "field id " + Quoted(def.id) + " must match [a-z][a-z0-9_]*", "field-id");
      if (!ExpectKind(ctx_, value, NodeKind::kMap, "field " + Quoted(def.id))) continue;
      MapReader spec(ctx_, value, "field " + Quoted(def.id), {"title", "type"});
      if (const Node* title = spec.Require("title")) def.title = Text(ctx_, title, "'title'").value_or("");
      if (const Node* type = spec.Get("type"); !IsNull(type))
        def.type = OneOf(ctx_, type, "field type", model::FieldTypeNames(), "type")
                       .value_or(model::FieldType::kString);
      if (catalog_.Field(def.id) == nullptr) catalog_.fields.push_back(std::move(def));
    }
  }

  void ReadLint(const Node* node) {
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kMap, "'lint'")) return;
    MapReader lint(ctx_, node, "'lint'", {"disable"});
    catalog_.lint_disable = TextList(ctx_, lint.Get("disable"), "'lint.disable'");
  }

  std::vector<const Node*> ReservedItems(const Node* node) {
    std::vector<const Node*> out;
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kSequence, "'reserved'")) return out;
    for (const Node* item : node->items())
      if (ExpectKind(ctx_, item, NodeKind::kScalar, "'reserved' items")) out.push_back(item);
    return out;
  }

  void ReadError(const Node* node) {
    if (!ExpectKind(ctx_, node, NodeKind::kMap, "each entry of 'errors'")) return;
    model::Error e;
    e.pos = {node->line, node->column};
    // Name the error by its code in messages when the code is readable.
    std::string what = "error";
    for (const auto& [key, value] : node->entries())
      if (key->kind == NodeKind::kScalar && key->value == "code" && value->kind == NodeKind::kScalar)
        what = "error " + Quoted(value->value);
    MapReader map(ctx_, node, what, ErrorKeys());
    e.key_pos.reserve(node->entries().size());
    for (const auto& [key, value] : node->entries())
      if (key->kind == NodeKind::kScalar && !model::FindKey(e.key_pos, key->value))
        e.key_pos.emplace_back(key->value, model::SourcePos{value->line, value->column});

    bool ok = true;
    const Node* code = map.Require("code");
    if (code && ExpectKind(ctx_, code, NodeKind::kScalar, "'code'")) {
      e.code = code->value;
      ok &= CheckCode(code);
    } else {
      ok = false;
    }
    if (const Node* value = map.Get("value"); !IsNull(value)) {
      if (auto v = Integer(ctx_, value, "'value'")) ok &= SetValue(e, *v, value);
    } else if (code && !e.code.empty()) {
      if (auto v = TrailingNumber(e.code)) {
        ok &= SetValue(e, *v, code);
      } else {
        ctx_.Error(code, "code " + Quoted(e.code) + " does not end in digits, so 'value' is required",
                   "value-required");
      }
    }
    if (const Node* name = map.Require("name"); name && ExpectKind(ctx_, name, NodeKind::kScalar, "'name'")) {
      e.name = name->value;
      CheckName(name);
    }
    if (const Node* summary = map.Require("summary")) {
      e.summary = Text(ctx_, summary, "'summary'").value_or("");
      CheckLimit(ctx_, summary, "summary", e.summary);
      if (e.summary.find('\n') != std::string::npos)
        ctx_.Error(summary, "'summary' must be one line", "summary-multiline");
    }
    const Node* message = map.Require("message");
    if (message) {
      e.message = Text(ctx_, message, "'message'").value_or("");
      CheckLimit(ctx_, message, "message", e.message);
    }
    ReadParams(map.Get("params"), e);
    if (message && message->kind == NodeKind::kScalar) CheckMessage(message, map.Get("params"), e);

    e.description = Text(ctx_, map.Get("description"), "'description'").value_or("");
    CheckLimit(ctx_, map.Get("description"), "description", e.description);
    e.causes = TextList(ctx_, map.Get("causes"), "'causes'");
    CheckItemLimits(ctx_, map.Get("causes"), "causes");
    e.resolution = TextList(ctx_, map.Get("resolution"), "'resolution'");
    CheckItemLimits(ctx_, map.Get("resolution"), "resolution");
    if (const Node* status = map.Get("http_status"); !IsNull(status)) {
      if (auto v = Integer(ctx_, status, "'http_status'")) {
        if (*v < 100 || *v > 599)
          ctx_.Error(status, "'http_status' must be between 100 and 599, not " + std::to_string(*v),
                     "http-status");
        else
          e.http_status = static_cast<int>(*v);
      }
    }
    if (const Node* severity = map.Get("severity"); !IsNull(severity))
      e.severity = OneOf(ctx_, severity, "'severity'", model::SeverityNames(), "severity")
                       .value_or(model::Severity::kError);
    if (ok && e.value == 0 && !e.is_success_or_status()) {
      // std::error_code treats 0 as success: `if (ec)` would test false for this error. Public
      // catalogs start with their success entry (gRPC OK, SQLITE_OK, CURLE_OK), which is right.
      const Node* at = map.Get("value") ? map.Get("value") : code;
      ctx_.Error(
          at,
          "value 0 means success to std::error_code (`if (ec)` tests false), but " +
              Quoted(e.code) + " has severity '" + std::string(model::Name(e.severity)) +
              "'; give it 'severity: info' (a success or status entry) or a non-zero 'value'",
          "value-range");
      ok = false;
    }
    if (const Node* retriable = map.Get("retriable"); !IsNull(retriable))
      e.retriable = Boolean(ctx_, retriable, "'retriable'");
    if (const Node* deprecated = map.Get("deprecated"); !IsNull(deprecated)) {
      e.deprecated = Text(ctx_, deprecated, "'deprecated'").value_or("");
      CheckLimit(ctx_, deprecated, "deprecated", e.deprecated);
      if (e.deprecated.empty() || e.deprecated == "false")
        ctx_.Error(deprecated, "'deprecated' takes a note saying what to use instead, e.g. 'Use TOK009.'",
                   "type");
    }
    e.replaced_by = Text(ctx_, map.Get("replaced_by"), "'replaced_by'").value_or("");
    e.since = Text(ctx_, map.Get("since"), "'since'").value_or("");
    CheckLimit(ctx_, map.Get("since"), "since", e.since);
    e.see_also = TextList(ctx_, map.Get("see_also"), "'see_also'");
    e.tags = TextList(ctx_, map.Get("tags"), "'tags'");
    CheckItemLimits(ctx_, map.Get("tags"), "tags");
    ReadFieldValues(map.Get("fields"), e);

    if (ok) {
      error_nodes_.push_back({code, map.Get("name"), map.Get("value") ? map.Get("value") : code});
      catalog_.errors.push_back(std::move(e));
    }
  }

  bool CheckCode(const Node* code) {
    const std::string& text = code->value;
    if (text.empty()) {
      ctx_.Error(code, "'code' must not be empty", "missing-key");
      return false;
    }
    if (std::string reason = model::UnsafeCodeReason(text); !reason.empty()) {
      ctx_.Error(code, "code " + Quoted(text) + " " + reason + " (codes name files and URLs)",
                 "code-unsafe");
      return false;
    }
    if (pattern_ && !RE2::FullMatch(text, *pattern_)) {
      ctx_.Error(code, "code " + Quoted(text) + " does not match code_pattern " +
                           Quoted(catalog_.code_pattern),
                 "code-pattern");
    }
    return true;
  }

  bool SetValue(model::Error& e, std::int64_t value, const Node* at) {
    if (value < INT32_MIN || value > INT32_MAX) {
      ctx_.Error(at, "error value " + std::to_string(value) + " does not fit in std::int32_t",
                 "value-range");
      return false;
    }
    e.value = static_cast<std::int32_t>(value);
    return true;
  }

  void CheckName(const Node* name) {
    const std::string& n = name->value;
    if (n.size() > LimitOf("name").max_bytes) {
      CheckLimit(ctx_, name, "name", n);
    } else if (!util::IsIdentifier(n)) {
      ctx_.Error(name, "name " + Quoted(n) + " is not a C++ identifier", "name-invalid");
    } else if (util::IsReservedCppWord(n)) {
      ctx_.Error(name, "name " + Quoted(n) + " is a C++ keyword", "name-keyword");
    } else if (util::IsCommonMacro(n)) {
      ctx_.Error(name, "name " + Quoted(n) + " is a common C/POSIX macro and would be rewritten by the preprocessor",
                 "name-macro");
    } else if (!util::IsPascalCase(n)) {
      ctx_.Error(name, "name " + Quoted(n) + " must be PascalCase ([A-Z][A-Za-z0-9]*), e.g. " +
                           Quoted(util::PascalCase(util::SnakeCase(n))),
                 "name-invalid");
    }
  }

  void ReadParams(const Node* node, model::Error& e) {
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kSequence, "'params'")) return;
    std::set<std::string> seen;
    for (const Node* item : node->items()) {
      if (!ExpectKind(ctx_, item, NodeKind::kMap, "each entry of 'params'")) continue;
      MapReader map(ctx_, item, "a param", {"name", "type", "description"});
      model::Param p;
      if (const Node* name = map.Require("name"); name && ExpectKind(ctx_, name, NodeKind::kScalar, "param 'name'")) {
        p.name = name->value;
        if (!util::IsSnakeCase(p.name) || util::IsReservedCppWord(p.name))
          ctx_.Error(name, "param name " + Quoted(p.name) + " must be snake_case ([a-z][a-z0-9_]*) and not a C++ keyword",
                     "param-name");
        else if (!seen.insert(p.name).second)
          ctx_.Error(name, "duplicate param name " + Quoted(p.name), "param-name");
      }
      if (const Node* type = map.Require("type"))
        p.type = OneOf(ctx_, type, "param type", model::ParamTypeNames(), "param-type")
                     .value_or(model::ParamType::kString);
      p.description = Text(ctx_, map.Get("description"), "param 'description'").value_or("");
      CheckLimit(ctx_, map.Get("description"), "params[].description", p.description);
      e.params.push_back(std::move(p));
    }
    if (e.params.size() > kMaxParams)
      ctx_.Error(node,
                 "'params' declares " + std::to_string(e.params.size()) + " params; the limit is " +
                     std::to_string(kMaxParams) + " (format<E> takes them as one argument pack)",
                 "limit");
  }

  void CheckMessage(const Node* message, const Node* params, model::Error& e) {
    ParsedMessage parsed = ParseMessage(message->value, [&](size_t offset) {
      const diag::Location at = LocInScalar(ctx_, message, offset);
      return model::SourcePos{at.line, at.column};
    });
    for (const PlaceholderProblem& p : parsed.problems)
      ctx_.sink.Error(LocInScalar(ctx_, message, p.offset), p.message, p.rule);
    e.segments = std::move(parsed.segments);
    if (parsed.problems.empty() && model::HasPlural(e.segments)) {
      if (!plural_rules_) plural_rules_ = plurals::RulesFor(catalog_.locale);
      if (plural_rules_)
        CheckPlurals(e.segments, e.params, *plural_rules_, ctx_.doc.file,
                     "the message of " + e.code, ctx_.sink);
    }
    if (parsed.problems.empty() && parsed.arity != static_cast<int>(e.params.size())) {
      const std::string uses = "message uses " + std::to_string(parsed.arity) + " placeholder" +
                               (parsed.arity == 1 ? "" : "s");
      const std::string declares = std::to_string(e.params.size()) + " param" + (e.params.size() == 1 ? "" : "s");
      ctx_.Error(params && !IsNull(params) ? params : message,
                 uses + " but " + (IsNull(params) ? "'params' is missing" : "'params' declares " + declares),
                 "placeholder-count");
    }
  }

  void ReadFieldValues(const Node* node, model::Error& e) {
    if (IsNull(node) || !ExpectKind(ctx_, node, NodeKind::kMap, "'fields'")) return;
    std::vector<std::string_view> declared;
    for (const model::FieldDef& def : catalog_.fields) declared.push_back(def.id);
    MapReader map(ctx_, node, "'fields'", {});
    std::vector<model::FieldValue> values;
    for (const auto& [key, value] : node->entries()) {
      if (key->kind != NodeKind::kScalar) continue;
      const model::FieldDef* def = catalog_.Field(key->value);
      if (def == nullptr) {
        ctx_.Error(key, "field " + Quoted(key->value) + " is not declared in the catalog's 'fields'" +
                            diag::DidYouMean(key->value, declared),
                   "undeclared-field");
        continue;
      }
      std::optional<std::string> text;
      const std::string what = "field " + Quoted(def->id);
      switch (def->type) {
        case model::FieldType::kString:
        case model::FieldType::kMarkdown:
          text = Text(ctx_, value, what);
          if (text) CheckLimit(ctx_, value, "fields", *text);
          break;
        case model::FieldType::kBool:
          if (auto b = Boolean(ctx_, value, what)) text = *b ? "true" : "false";
          break;
        case model::FieldType::kInt:
          if (auto i = Integer(ctx_, value, what)) text = std::to_string(*i);
          break;
      }
      if (text) values.push_back({def->id, std::move(*text)});
    }
    // Declaration order, so every back end shows fields alike.
    for (const model::FieldDef& def : catalog_.fields)
      for (model::FieldValue& v : values)
        if (v.id == def.id) e.fields.push_back(std::move(v));
  }

  void CheckUniqueness() {
    std::unordered_map<std::string, size_t> by_name, by_code;
    std::unordered_map<std::int32_t, size_t> by_value;
    for (size_t i = 0; i < catalog_.errors.size(); ++i) {
      const model::Error& e = catalog_.errors[i];
      const ErrorNodes& n = error_nodes_[i];
      if (auto [it, ok] = by_code.try_emplace(e.code, i); !ok) {
        ctx_.Error(n.code, "duplicate code " + Quoted(e.code), "duplicate-code");
        ctx_.sink.Note(ctx_.Loc(error_nodes_[it->second].code), "first defined here");
        if (n.value == n.code) continue;  // its derived value repeats too; one error is enough
      }
      if (!e.name.empty()) {
        if (auto [it, ok] = by_name.try_emplace(e.name, i); !ok) {
          ctx_.Error(n.name, "duplicate name " + Quoted(e.name) + " in catalog " + Quoted(catalog_.id),
                     "duplicate-name");
          ctx_.sink.Note(ctx_.Loc(error_nodes_[it->second].name),
                         "first used by " + Quoted(catalog_.errors[it->second].code));
        }
      }
      if (auto [it, ok] = by_value.try_emplace(e.value, i); !ok) {
        ctx_.Error(n.value, "duplicate value " + std::to_string(e.value) + " (" + Quoted(e.code) +
                                " and " + Quoted(catalog_.errors[it->second].code) + ")",
                   "duplicate-value");
        ctx_.sink.Note(ctx_.Loc(error_nodes_[it->second].value), "first used here");
      }
    }
  }

  void CheckReservedValues(const std::vector<const Node*>& reserved) {
    std::unordered_map<std::int32_t, const model::Error*> by_value;
    for (const model::Error& e : catalog_.errors) by_value.emplace(e.value, &e);
    for (const Node* item : reserved) {
      auto v = TrailingNumber(item->value);
      if (!v) continue;
      auto it = by_value.find(static_cast<std::int32_t>(*v));
      if (it != by_value.end() && it->second->code != item->value) {
        const model::Error& e = *it->second;
        const size_t index = static_cast<size_t>(&e - catalog_.errors.data());
        ctx_.Error(error_nodes_[index].value,
                   "value " + std::to_string(e.value) + " of " + Quoted(e.code) +
                       " belongs to reserved code " + Quoted(item->value),
                   "reserved-value");
        ctx_.sink.Note(ctx_.Loc(item), "reserved here");
      }
    }
  }

  struct ErrorNodes {
    const Node* code;
    const Node* name;
    const Node* value;
  };

  const Context& ctx_;
  const SourceFile& source_;
  model::Catalog catalog_;
  std::optional<plurals::LocaleRules>
      plural_rules_;  // of catalog_.locale, once a plural needs them
  std::unique_ptr<RE2> pattern_;
  std::vector<ErrorNodes> error_nodes_;  // parallel to catalog_.errors
};

}  // namespace

const std::vector<std::string_view>& CatalogKeys() {
  static const std::vector<std::string_view> kKeys = {
      "catalog", "title",  "description", "locale", "cpp", "code_pattern",
      "docs",    "fields", "reserved",    "errors", "lint"};
  return kKeys;
}

const std::vector<std::string_view>& ErrorKeys() {
  static const std::vector<std::string_view> kKeys = {
      "code",        "value",    "name",      "summary",     "message", "params",
      "description", "causes",   "resolution", "http_status", "severity", "retriable",
      "deprecated",  "replaced_by", "since",  "see_also",    "tags",    "fields"};
  return kKeys;
}

namespace {

// The catalog or translation a parsed file holds; nothing (and the note a catalog needs) when it
// did not parse.
LoadedFile ReadDocument(const yaml::Document* doc, const SourceFile& source,
                        diag::DiagnosticSink& sink) {
  if (!doc) {
    // What the format needs is the loader's to say, not the YAML layer's.
    if (!sink.diagnostics().empty() && sink.diagnostics().back().rule == "file-empty")
      sink.Note({source.path, 0, 0}, "a catalog needs at least 'catalog:' and 'title:'");
    return {};
  }
  Context ctx{*doc, sink};
  LoadedFile loaded;
  if (IsTranslationFile(doc->root)) {
    loaded.translation = ReadTranslation(ctx, doc->root, source);
  } else {
    // A catalog with errors is still returned, so that the cross-file rules can report their
    // own problems in the same run; the caller decides from the sink.
    loaded.catalog = CatalogReader(ctx, source).Read(doc->root);
  }
  return loaded;
}

}  // namespace

LoadedFile LoadFile(SourceFile source, const Options& options, diag::DiagnosticSink& sink) {
  // The bytes move into the document: a large file is not held twice while it is parsed.
  const std::unique_ptr<yaml::Document> doc =
      yaml::Parse(source.path, std::exchange(source.contents, std::string()), sink, options.limits);
  return ReadDocument(doc.get(), source, sink);
}

LoadedFile ReloadFile(SourceFile source, const Options& options,
                      std::unique_ptr<yaml::Document>& doc, diag::DiagnosticSink& sink) {
  const bool parsed = yaml::Reparse(doc, source.path, std::exchange(source.contents, std::string()),
                                    sink, options.limits);
  return ReadDocument(parsed ? doc.get() : nullptr, source, sink);
}

}  // namespace errcat::loader
