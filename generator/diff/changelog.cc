#include "diff/changelog.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "util/text.h"

namespace errcat::diff {
namespace {

// One line of the notes.
struct Note {
  std::string catalog, code, name, summary, url;
  std::string detail;                // deprecated: the note; retired: how
  std::string field, before, after;  // changed
  std::string replaced_by, replaced_url;
};

struct Notes {
  std::vector<Note> added, deprecated, retired, changed;
};

// What a client sees change: the rules of the changelog's "Changed" section, and the field
// each names.
bool ClientVisible(const std::string& rule) {
  static const char* const kRules[] = {
      "message-changed",     "placeholders-changed", "param-renamed",
      "http-status-changed", "retriable-changed",    "value-changed",
      "name-changed",        "code-changed",         "translation-changed"};
  return std::find(std::begin(kRules), std::end(kRules), rule) != std::end(kRules);
}

std::string Url(const model::Catalog& c, const std::string& code) {
  return c.docs_base_url.empty() ? "" : c.docs_base_url + code;
}

Note ErrorNote(const model::Catalog& c, const model::Error& e) {
  return {c.id, e.code, e.name, e.summary, Url(c, e.code), "", "", "", "", "", ""};
}

Notes Collect(const DiffResult& result, const model::CatalogSet& base,
              const model::CatalogSet& head) {
  Notes notes;
  for (const Change& change : result.changes) {
    const std::string& rule = change.rule();
    const model::Catalog* h = head.FindCatalog(change.catalog);
    const model::Catalog* b = base.FindCatalog(change.catalog);
    if (rule == "catalog-added" && h) {
      for (const model::Error& e : h->errors) notes.added.push_back(ErrorNote(*h, e));
    } else if (rule == "catalog-removed" && b) {
      for (const model::Error& e : b->errors) {
        notes.retired.push_back(ErrorNote(*b, e));
        notes.retired.back().url.clear();  // its page is gone
        notes.retired.back().detail = "its catalog '" + b->id + "' was removed";
      }
    } else if (rule == "error-added" && h && h->Find(change.code)) {
      notes.added.push_back(ErrorNote(*h, *h->Find(change.code)));
    } else if (rule == "error-deprecated" && h && h->Find(change.code)) {
      const model::Error& e = *h->Find(change.code);
      Note note = ErrorNote(*h, e);
      note.detail = e.deprecated;
      if (!e.replaced_by.empty()) {
        note.replaced_by = e.replaced_by;
        if (auto hit = head.FindCode(e.replaced_by))
          note.replaced_url = Url(*hit->catalog, e.replaced_by);
      }
      notes.deprecated.push_back(std::move(note));
    } else if (rule == "error-removed" && b && b->Find(change.code)) {
      Note note = ErrorNote(*b, *b->Find(change.code));
      note.url.clear();
      const bool reserved =
          h && std::find(h->reserved.begin(), h->reserved.end(), change.code) != h->reserved.end();
      note.detail = reserved ? "retired; the code is reserved and never issued again" : "removed";
      notes.retired.push_back(std::move(note));
    } else if (ClientVisible(rule) && h && h->Find(change.code)) {
      Note note = ErrorNote(*h, *h->Find(change.code));
      note.field = change.field;
      note.before = change.before;
      note.after = change.after;
      notes.changed.push_back(std::move(note));
    }
  }
  for (std::vector<Note>* list : {&notes.added, &notes.deprecated, &notes.retired, &notes.changed})
    std::stable_sort(list->begin(), list->end(), [](const Note& a, const Note& b) {
      return std::tie(a.catalog, a.code) < std::tie(b.catalog, b.code);
    });
  return notes;
}

// Markdown-safe plain text: the characters that would start markup are escaped.
std::string MdText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

// Inline code that holds any text: a fence longer than any run of backticks inside.
std::string MdCode(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  const std::string fence(longest + 1, '`');
  const bool pad = flat.empty() || flat.front() == '`' || flat.back() == '`';
  return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
}

std::string MdCodeLink(const std::string& code, const std::string& url) {
  return url.empty() ? "`" + code + "`" : "[`" + code + "`](" + url + ")";
}

std::string Title(const ChangelogOptions& o) {
  return "Error changes from " + o.base_label + " to " + o.head_label;
}

std::string MarkdownOf(const DiffResult& result, const model::CatalogSet& base,
                       const model::CatalogSet& head, const ChangelogOptions& options) {
  const Notes notes = Collect(result, base, head);
  std::string out = "## " + MdText(Title(options)) + "\n";
  const auto section = [&](const char* heading, const std::vector<Note>& list, auto line) {
    if (list.empty()) return;
    out += "\n### " + std::string(heading) + "\n\n";
    for (const Note& n : list)
      out += "- " + MdCodeLink(n.code, n.url) + " **" + n.name + "**" + line(n) + "\n";
  };
  section("Added", notes.added, [](const Note& n) { return ": " + MdText(n.summary); });
  section("Deprecated", notes.deprecated, [](const Note& n) {
    return ": " + MdText(n.detail) +
           (n.replaced_by.empty()
                ? ""
                : " Replaced by " + MdCodeLink(n.replaced_by, n.replaced_url) + ".");
  });
  section("Retired", notes.retired,
          [](const Note& n) { return ": " + MdText(n.summary) + " (" + MdText(n.detail) + ")"; });
  section("Changed", notes.changed, [](const Note& n) {
    return ": " + n.field + " " + MdCode(n.before) + " → " + MdCode(n.after);
  });
  if (notes.added.empty() && notes.deprecated.empty() && notes.retired.empty() &&
      notes.changed.empty())
    out += "\nNo changes that a client sees.\n";
  return out;
}

nlohmann::ordered_json JsonOf(const DiffResult& result, const model::CatalogSet& base,
                              const model::CatalogSet& head, const ChangelogOptions& options) {
  const Notes notes = Collect(result, base, head);
  using nlohmann::ordered_json;
  const auto list = [](const std::vector<Note>& notes_of_kind, bool changed, bool deprecated,
                       bool retired) {
    ordered_json items = ordered_json::array();
    for (const Note& n : notes_of_kind) {
      ordered_json j = {{"catalog", n.catalog},
                        {"code", n.code},
                        {"name", n.name},
                        {"summary", n.summary},
                        {"url", n.url}};
      if (deprecated) j["deprecated"] = n.detail, j["replaced_by"] = n.replaced_by;
      if (retired) j["how"] = n.detail;
      if (changed) j["field"] = n.field, j["before"] = n.before, j["after"] = n.after;
      items.push_back(std::move(j));
    }
    return items;
  };
  ordered_json j = {{"format", "errcat-changelog/1"},
                    {"base", options.base_label},
                    {"head", options.head_label},
                    {"added", list(notes.added, false, false, false)},
                    {"deprecated", list(notes.deprecated, false, true, false)},
                    {"retired", list(notes.retired, false, false, true)},
                    {"changed", list(notes.changed, true, false, false)}};
  return j;
}

std::string HtmlOf(const DiffResult& result, const model::CatalogSet& base,
                   const model::CatalogSet& head, const ChangelogOptions& options) {
  const Notes notes = Collect(result, base, head);
  using util::HtmlEscape;
  const auto code_link = [](const std::string& code, const std::string& url) {
    const std::string c = "<code>" + HtmlEscape(code) + "</code>";
    return url.empty() ? c : "<a href=\"" + HtmlEscape(url) + "\">" + c + "</a>";
  };
  std::string out =
      "<section class=\"errcat-changelog\">\n<h2>" + HtmlEscape(Title(options)) + "</h2>\n";
  const auto section = [&](const char* heading, const std::vector<Note>& list, auto line) {
    if (list.empty()) return;
    out += "<h3>" + std::string(heading) + "</h3>\n<ul>\n";
    for (const Note& n : list)
      out += "<li>" + code_link(n.code, n.url) + " <strong>" + HtmlEscape(n.name) + "</strong>" +
             line(n) + "</li>\n";
    out += "</ul>\n";
  };
  section("Added", notes.added, [](const Note& n) { return ": " + HtmlEscape(n.summary); });
  section("Deprecated", notes.deprecated, [&](const Note& n) {
    return ": " + HtmlEscape(n.detail) +
           (n.replaced_by.empty()
                ? ""
                : " Replaced by " + code_link(n.replaced_by, n.replaced_url) + ".");
  });
  section("Retired", notes.retired, [](const Note& n) {
    return ": " + HtmlEscape(n.summary) + " (" + HtmlEscape(n.detail) + ")";
  });
  section("Changed", notes.changed, [](const Note& n) {
    return ": " + HtmlEscape(n.field) + " <code>" + HtmlEscape(n.before) + "</code> → <code>" +
           HtmlEscape(n.after) + "</code>";
  });
  if (notes.added.empty() && notes.deprecated.empty() && notes.retired.empty() &&
      notes.changed.empty())
    out += "<p>No changes that a client sees.</p>\n";
  return out + "</section>\n";
}

}  // namespace

std::string Changelog(const std::vector<Release>& releases, ChangelogFormat format) {
  std::string text;
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (size_t i = releases.size(); i-- > 1;) {  // newest first
    const Release& base = releases[i - 1];
    const Release& head = releases[i];
    // The same comparison as diff; every change is news here, none is refused.
    const DiffResult result = Diff(*base.set, *head.set, {});
    const ChangelogOptions options{base.label, head.label};
    if (format == ChangelogFormat::kJson) {
      sections.push_back(JsonOf(result, *base.set, *head.set, options));
      continue;
    }
    if (!text.empty()) text += "\n";
    text += format == ChangelogFormat::kHtmlFragment
                ? HtmlOf(result, *base.set, *head.set, options)
                : MarkdownOf(result, *base.set, *head.set, options);
  }
  if (format != ChangelogFormat::kJson) return text;
  // Two releases: their object; more: a list of them, newest first.
  return (sections.size() == 1 ? sections[0] : sections)
             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace errcat::diff
