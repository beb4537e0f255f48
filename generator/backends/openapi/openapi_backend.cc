// An OpenAPI 3.1 fragment of the catalogs' errors, for API specs to $ref: a `Problem` schema
// (RFC 9457's members, `code` an enum of every code), a schema per error with its parameters
// typed, and a response per HTTP status listing its errors, each with an example body. JSON or
// YAML by the file's extension; the YAML is block style with every string double-quoted, so no
// value is ever read as another type.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "backends/backend.h"
#include "backends/base/problem_example.h"

namespace errcat::backends {
namespace {

using Json = nlohmann::ordered_json;

std::string ErrorSchemaName(const model::Error& e) { return "Problem-" + e.code; }

Json ParamSchema(const model::Param& p) {
  Json s;
  switch (p.type) {
    case model::ParamType::kInt:
      s["type"] = "integer";
      break;
    case model::ParamType::kUint:
      s = {{"type", "integer"}, {"minimum", 0}};
      break;
    case model::ParamType::kDouble:
      s["type"] = "number";
      break;
    case model::ParamType::kBool:
      s["type"] = "boolean";
      break;
    case model::ParamType::kString:
      s["type"] = "string";
      break;
  }
  if (!p.description.empty()) s["description"] = p.description;
  return s;
}

Json ProblemSchema(const model::CatalogSet& set) {
  Json codes = Json::array();
  for (const model::Catalog& c : set.catalogs())
    for (const model::Error& e : c.errors) codes.push_back(e.code);
  return {{"type", "object"},
          {"description",
           "RFC 9457 problem details, as errcat's generated problem() and to_json() write them "
           "(media type application/problem+json)."},
          {"properties",
           {{"type", {{"type", "string"}, {"format", "uri-reference"}, {"default", "about:blank"}}},
            {"title", {{"type", "string"}}},
            {"status", {{"type", "integer"}, {"minimum", 100}, {"maximum", 599}}},
            {"detail", {{"type", "string"}}},
            {"instance", {{"type", "string"}, {"format", "uri-reference"}}},
            {"code", {{"type", "string"}, {"enum", std::move(codes)}}},
            {"params",
             {{"type", "object"}, {"description", "The message's arguments by parameter name."}}}}},
          {"required", {"type", "title", "detail", "code", "params"}}};
}

Json ErrorSchema(const model::Catalog& c, const model::Error& e) {
  Json params = Json::object(), required = Json::array();
  for (const model::Param& p : e.params) {
    params[p.name] = ParamSchema(p);
    required.push_back(p.name);
  }
  Json properties = {{"type", {{"const", ProblemType(c, e)}}},
                     {"title", {{"const", e.summary}}},
                     {"code", {{"const", e.code}}},
                     {"params",
                      {{"type", "object"},
                       {"properties", std::move(params)},
                       {"required", std::move(required)},
                       {"additionalProperties", false}}}};
  if (e.http_status) properties["status"] = {{"const", e.http_status}};
  Json s = {{"allOf", {{{"$ref", "#/components/schemas/Problem"}}}},
            {"description",
             e.code + " " + e.name + ": " + e.summary + (e.is_deprecated() ? " (deprecated)" : "")},
            {"properties", std::move(properties)}};
  if (e.is_deprecated()) s["deprecated"] = true;
  Json x = {{"catalog", c.id}, {"name", e.name}, {"value", e.value}, {"message", e.message}};
  if (!c.docs_base_url.empty()) x["docs"] = c.docs_base_url + e.code;
  s["x-errcat"] = std::move(x);
  return s;
}

const char* ReasonPhrase(int status) {
  static const std::map<int, const char*> kPhrases = {{400, "Bad Request"},
                                                      {401, "Unauthorized"},
                                                      {402, "Payment Required"},
                                                      {403, "Forbidden"},
                                                      {404, "Not Found"},
                                                      {405, "Method Not Allowed"},
                                                      {406, "Not Acceptable"},
                                                      {408, "Request Timeout"},
                                                      {409, "Conflict"},
                                                      {410, "Gone"},
                                                      {412, "Precondition Failed"},
                                                      {413, "Content Too Large"},
                                                      {415, "Unsupported Media Type"},
                                                      {422, "Unprocessable Content"},
                                                      {423, "Locked"},
                                                      {428, "Precondition Required"},
                                                      {429, "Too Many Requests"},
                                                      {500, "Internal Server Error"},
                                                      {501, "Not Implemented"},
                                                      {502, "Bad Gateway"},
                                                      {503, "Service Unavailable"},
                                                      {504, "Gateway Timeout"}};
  auto it = kPhrases.find(status);
  return it == kPhrases.end() ? "" : it->second;
}

Json Document(const model::CatalogSet& set) {
  Json schemas = {{"Problem", ProblemSchema(set)}};
  std::map<int, std::vector<std::pair<const model::Catalog*, const model::Error*>>> by_status;
  std::string titles;
  for (const model::Catalog& c : set.catalogs()) {
    titles += (titles.empty() ? "" : ", ") + c.id;
    for (const model::Error& e : c.errors) {
      schemas[ErrorSchemaName(e)] = ErrorSchema(c, e);
      if (e.http_status) by_status[e.http_status].push_back({&c, &e});
    }
  }
  Json responses = Json::object();
  for (const auto& [status, errors] : by_status) {
    Json one_of = Json::array(), examples = Json::object();
    std::string codes;
    for (const auto& [c, e] : errors) {
      one_of.push_back({{"$ref", "#/components/schemas/" + ErrorSchemaName(*e)}});
      examples[e->code] = {{"summary", e->code + " " + e->name}, {"value", ProblemExample(*c, *e)}};
      codes += (codes.empty() ? "" : ", ") + e->code;
    }
    const std::string phrase = ReasonPhrase(status);
    responses["Problem" + std::to_string(status)] = {
        {"description",
         std::to_string(status) + (phrase.empty() ? "" : " " + phrase) + ": " + codes},
        {"content",
         {{"application/problem+json",
           {{"schema", one_of.size() == 1 ? one_of[0] : Json{{"oneOf", std::move(one_of)}}},
            {"examples", std::move(examples)}}}}}};
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Errors: " + titles},
            {"version", "1.0.0"},
            {"description",
             "Generated by errcat from the error catalogs: $ref its components from an API "
             "specification."}}},
          {"components", {{"schemas", std::move(schemas)}, {"responses", std::move(responses)}}}};
}

// YAML block style. Strings are JSON's double-quoted scalars (valid YAML), keys are plain
// when nothing could read them as another type.
bool PlainKey(const std::string& key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_'))
    return false;
  if (!std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
               c == '/' || c == '+';
      }))
    return false;
  std::string lower = key;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
    if (lower == word) return false;
  return true;
}

std::string Scalar(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Yaml(const Json& j, size_t indent, std::string& out) {
  const std::string pad(indent, ' ');
  const auto inline_value = [](const Json& v) { return !v.is_structured() || v.empty(); };
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      out += pad + (PlainKey(key) ? key : Scalar(Json(key))) + ":";
      if (inline_value(value)) {
        out += " " + Scalar(value) + "\n";
      } else {
        out += "\n";
        Yaml(value, indent + 2, out);
      }
    }
  } else {
    for (const Json& value : j) {
      if (inline_value(value)) {
        out += pad + "- " + Scalar(value) + "\n";
      } else {
        out += pad + "-\n";
        Yaml(value, indent + 2, out);
      }
    }
  }
}

class OpenApiBackend final : public Backend {
 public:
  explicit OpenApiBackend(std::string file) : file_(std::move(file)) {}
  std::string_view name() const override { return "openapi"; }
  std::vector<std::string> owned_extensions() const override { return {}; }  // one named file

  bool Generate(const model::CatalogSet& set, TemplateSet&, OutputContext& out,
                diag::DiagnosticSink& sink) const override {
    out.SetPrimary(file_);
    const Json document = Document(set);
    std::string text;
    if (file_.ends_with(".json")) {
      text = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else {
      text = "# Generated by errcat: an OpenAPI 3.1 fragment of the catalogs' errors.\n";
      Yaml(document, 0, text);
    }
    return out.Write(file_, std::move(text), sink);
  }

 private:
  std::string file_;
};

}  // namespace

std::unique_ptr<Backend> MakeOpenApiBackend(const std::string& file) {
  return std::make_unique<OpenApiBackend>(file);
}

}  // namespace errcat::backends
