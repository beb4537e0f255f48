// The renderings of a DiffResult.
#include <map>
#include <nlohmann/json.hpp>

#include "diag/formats.h"
#include "diff/diff.h"
#include "util/text.h"

namespace errcat::diff {
namespace {

std::string LevelName(const Change& c) { return c.breaking() ? "breaking" : "notable"; }

int Count(const DiffResult& r, bool breaking) {
  return static_cast<int>(std::count_if(r.changes.begin(), r.changes.end(),
                                        [&](const Change& c) { return c.breaking() == breaking; }));
}

std::vector<diag::Diagnostic> Diagnostics(const DiffResult& r) {
  std::vector<diag::Diagnostic> out;
  for (const Change& c : r.changes) out.push_back(c.diagnostic);
  return out;
}

// Text inside a Markdown table cell: no raw HTML, no pipes, no line breaks.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : util::HtmlEscape(text)) {
    if (c == '|') out += "&#124;";
    else if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  // Words with the white space that follows them, so that joining them gives the text back.
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    words.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string Trimmed(const std::string& word) {
  size_t e = word.size();
  while (e > 0 && std::isspace(static_cast<unsigned char>(word[e - 1]))) --e;
  return word.substr(0, e);
}

}  // namespace

std::string WordDiffHtml(std::string_view before, std::string_view after) {
  const std::vector<std::string> a = Words(before), b = Words(after);
  // Longest common subsequence of words; texts this long are shown whole instead.
  if (a.size() * b.size() > 4'000'000)
    return "<del>" + Cell(before) + "</del> <ins>" + Cell(after) + "</ins>";
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      lcs[i][j] = Trimmed(a[i]) == Trimmed(b[j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out, del, ins;
  auto flush = [&] {
    if (!del.empty()) out += "<del>" + Cell(Trimmed(del)) + "</del> ";
    if (!ins.empty()) out += "<ins>" + Cell(Trimmed(ins)) + "</ins> ";
    del.clear();
    ins.clear();
  };
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && Trimmed(a[i]) == Trimmed(b[j])) {
      flush();
      out += Cell(b[j]);
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      ins += b[j++];
    } else {
      del += a[i++];
    }
  }
  flush();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string FormatText(const DiffResult& r) {
  std::string out;
  for (const Change& c : r.changes) out += diag::FormatText(c.diagnostic, false, LevelName(c));
  const int breaking = Count(r, true);
  out += std::to_string(breaking) + " breaking change" + (breaking == 1 ? "" : "s") + ", " +
         std::to_string(Count(r, false)) + " notable; errors added " + std::to_string(r.added) +
         ", removed " + std::to_string(r.removed) + ", changed " + std::to_string(r.changed) +
         ", deprecated " + std::to_string(r.deprecated) + "\n";
  return out;
}

std::string FormatMarkdown(const DiffResult& r) {
  const int breaking = Count(r, true);
  std::string out = "<!-- errcat diff -->\n";
  if (breaking > 0)
    out += "### :x: errcat: " + std::to_string(breaking) + " breaking change" + (breaking == 1 ? "" : "s") + " to the error catalogs\n\n";
  else if (!r.changes.empty())
    out += "### :white_check_mark: errcat: no breaking changes to the error catalogs\n\n";
  else
    out += "### :white_check_mark: errcat: the error catalogs did not change\n\n";

  out += "| Added | Removed | Changed | Deprecated |\n| ---: | ---: | ---: | ---: |\n";
  out += "| " + std::to_string(r.added) + " | " + std::to_string(r.removed) + " | " + std::to_string(r.changed) + " | " +
         std::to_string(r.deprecated) + " |\n";

  auto where = [](const Change& c) {
    const diag::Location& at = c.diagnostic.location;
    return at.line > 0 ? " (`" + Cell(at.file) + ":" + std::to_string(at.line) + "`)"
                       : " (`" + Cell(at.file) + "`)";
  };
  if (breaking > 0) {
    out += "\n#### Breaking changes\n\n";
    for (const Change& c : r.changes)
      if (c.breaking())
        out += "- **" + Cell(c.diagnostic.message) + "** `" + c.rule() + "`" + where(c) + "\n";
  }
  std::vector<const Change*> lifecycle;
  std::map<std::pair<std::string, std::string>, std::vector<const Change*>> by_error;
  for (const Change& c : r.changes) {
    if (c.breaking() && (c.field.empty() || c.field.starts_with("cpp.") || c.field == "code"))
      continue;  // already listed under "Breaking changes"
    if (c.field.empty() || c.field.starts_with("cpp.") || c.field == "code") lifecycle.push_back(&c);
    else by_error[{c.catalog, c.code}].push_back(&c);
  }
  if (!lifecycle.empty()) {
    out += "\n#### Errors and catalogs\n\n";
    for (const Change* c : lifecycle)
      out += "- " + Cell(c->diagnostic.message) + " `" + c->rule() + "`" + where(*c) + "\n";
  }
  if (!by_error.empty()) {
    out += "\n#### Changed errors\n";
    for (const auto& [key, changes] : by_error) {
      out += "\n**" + Cell(key.second) + "** (" + Cell(key.first) + ")" + where(*changes.front()) + "\n\n";
      out += "| Field | Before | After | Rule |\n| --- | --- | --- | --- |\n";
      for (const Change* c : changes) {
        const bool text = c->field == "message" || c->field == "summary" || c->field == "description" ||
                          c->field == "causes" || c->field == "resolution" || c->field == "deprecated";
        std::string before = Cell(c->before), after = Cell(c->after);
        if (text && !c->before.empty()) {
          // Word-level highlight: the combined view goes in "After", the old text stays plain.
          after = WordDiffHtml(c->before, c->after);
        }
        out += "| " + Cell(c->field) + " | " + before + " | " + after + " | `" + c->rule() + "`" +
               (c->breaking() ? " **breaking**" : "") + " |\n";
      }
    }
  }
  out += "\n<sub>Generated by `errcat diff`. Breaking rules can be accepted with `--allow RULE`.</sub>\n";
  return out;
}

std::string FormatJson(const DiffResult& r) {
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const Change& c : r.changes) {
    const diag::Location& at = c.diagnostic.location;
    changes.push_back({{"rule", c.rule()},
                       {"level", LevelName(c)},
                       {"catalog", c.catalog},
                       {"code", c.code},
                       {"field", c.field},
                       {"before", c.before},
                       {"after", c.after},
                       {"message", c.diagnostic.message},
                       {"file", at.file},
                       {"line", at.line},
                       {"column", at.column}});
  }
  nlohmann::ordered_json j = {{"breaking", r.breaking()},
                              {"summary", {{"added", r.added}, {"removed", r.removed}, {"changed", r.changed}, {"deprecated", r.deprecated}}},
                              {"changes", changes}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string FormatGithub(const DiffResult& r) { return diag::FormatGithub(Diagnostics(r)); }

std::string FormatSarif(const DiffResult& r, std::string_view tool_version) {
  return diag::FormatSarif(Diagnostics(r), tool_version);
}

}  // namespace errcat::diff
