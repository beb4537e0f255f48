#include "diag/formats.h"

#include <nlohmann/json.hpp>
#include <set>

#include "diag/rules.h"

namespace errcat::diag {

using nlohmann::ordered_json;

namespace {

ordered_json ToJson(const Diagnostic& d) {
  ordered_json j;
  j["file"] = d.location.file;
  j["line"] = d.location.line;
  j["column"] = d.location.column;
  j["severity"] = SeverityName(d.severity);
  j["rule"] = d.rule;
  j["message"] = d.message;
  if (!d.notes.empty()) {
    j["notes"] = ordered_json::array();
    for (const Diagnostic& n : d.notes) j["notes"].push_back(ToJson(n));
  }
  return j;
}

std::string Dump(const ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// GitHub's escaping for a workflow command's message and its properties.
std::string GithubEscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string GithubEscapeProperty(std::string_view text) {
  std::string out;
  for (char c : GithubEscapeData(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

std::string FormatJson(const std::vector<Diagnostic>& diagnostics) {
  ordered_json list = ordered_json::array();
  for (const Diagnostic& d : diagnostics) list.push_back(ToJson(d));
  return Dump({{"diagnostics", list}});
}

std::string FormatGithub(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.severity == Severity::kError ? "::error " : d.severity == Severity::kWarning ? "::warning " : "::notice ";
    std::string props;
    if (!d.location.file.empty()) props += "file=" + GithubEscapeProperty(d.location.file);
    if (d.location.line > 0) props += ",line=" + std::to_string(d.location.line);
    if (d.location.column > 0) props += ",col=" + std::to_string(d.location.column);
    if (!d.rule.empty()) props += std::string(props.empty() ? "" : ",") + "title=" + GithubEscapeProperty("errcat " + d.rule);
    std::string message = d.message;
    for (const Diagnostic& n : d.notes)
      message += "\n" + n.location.file + ":" + std::to_string(n.location.line) + ": " + n.message;
    out += props + "::" + GithubEscapeData(message) + "\n";
  }
  return out;
}

std::string FormatSarif(const std::vector<Diagnostic>& diagnostics, std::string_view tool_version) {
  // Rules: the ones reported, in registry order, so ruleIndex is stable for a given input.
  std::set<std::string> used;
  for (const Diagnostic& d : diagnostics) used.insert(d.rule);
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> rule_index;
  for (const Rule& r : AllRules()) {
    if (!used.count(std::string(r.id))) continue;
    rule_index[std::string(r.id)] = static_cast<int>(rules.size());
    rules.push_back({{"id", r.id},
                     {"shortDescription", {{"text", r.summary}}},
                     {"defaultConfiguration", {{"level", r.kind == RuleKind::kError || r.kind == RuleKind::kBreaking ? "error" : "warning"}}}});
  }
  ordered_json results = ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    ordered_json result;
    result["ruleId"] = d.rule.empty() ? kIoRule : d.rule;
    if (rule_index.count(d.rule)) result["ruleIndex"] = rule_index[d.rule];
    result["level"] = d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "warning" : "note";
    result["message"] = {{"text", d.message}};
    ordered_json physical = {{"artifactLocation", {{"uri", d.location.file}, {"uriBaseId", "%SRCROOT%"}}}};
    if (d.location.line > 0) {
      physical["region"] = {{"startLine", d.location.line}};
      if (d.location.column > 0) physical["region"]["startColumn"] = d.location.column;
    }
    result["locations"] = ordered_json::array({{{"physicalLocation", physical}}});
    if (!d.notes.empty()) {
      ordered_json related = ordered_json::array();
      int id = 0;
      for (const Diagnostic& n : d.notes) {
        ordered_json loc = {{"id", id++},
                            {"message", {{"text", n.message}}},
                            {"physicalLocation", {{"artifactLocation", {{"uri", n.location.file}, {"uriBaseId", "%SRCROOT%"}}},
                                                  {"region", {{"startLine", std::max(1, n.location.line)}}}}}};
        related.push_back(loc);
      }
      result["relatedLocations"] = related;
    }
    results.push_back(result);
  }
  ordered_json run = {{"tool", {{"driver", {{"name", "errcat"},
                                            {"semanticVersion", tool_version},
                                            {"rules", rules}}}}},
                      {"results", results}};
  return Dump({{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", ordered_json::array({run})}});
}

}  // namespace errcat::diag
