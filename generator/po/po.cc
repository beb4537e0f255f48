#include "po/po.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "backends/base/output.h"  // WriteFileAtomically, the one atomic write
#include "diag/spellcheck.h"
#include "loader/placeholders.h"
#include "plurals/plural_rules.h"
#include "util/text.h"

namespace errcat::po {

namespace {

constexpr const char* kKeys[] = {"summary", "message", "description", "causes", "resolution"};

// A C string's body as PO writes it.
std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// `keyword "text"`, a text of several lines as gettext writes it: "" then a string per line.
void WriteString(std::string& out, const char* keyword, std::string_view text) {
  const size_t newline = text.find('\n');
  if (newline == std::string_view::npos || newline + 1 == text.size()) {
    out += std::string(keyword) + " \"" + Escaped(text) + "\"\n";
    return;
  }
  out += std::string(keyword) + " \"\"\n";
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const size_t take = end == std::string_view::npos ? text.size() : end + 1;
    out += "\"" + Escaped(text.substr(0, take)) + "\"\n";
    text.remove_prefix(take);
  }
}

std::string ParamComment(const model::Param& p, size_t index) {
  std::string line =
      "{" + std::to_string(index) + "} " + p.name + ": " + std::string(model::Name(p.type));
  if (!p.description.empty()) line += " - " + p.description;
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

}  // namespace

std::string ExportPo(const model::Catalog& catalog, const std::string& locale) {
  const model::Translation* t = catalog.FindTranslation(locale);
  std::string out;
  out += "# " + locale + " texts of the errcat catalog '" + catalog.id + "' (" + catalog.title +
         "), from " + catalog.display_path + ".\n";
  out += "# Each msgctxt is a code and the text's key; keep the {N} placeholders and plurals.\n";
  out += "msgid \"\"\nmsgstr \"\"\n";
  for (const std::string& field :
       {"Project-Id-Version: " + catalog.id, std::string("PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE"),
        std::string("Last-Translator: FULL NAME <EMAIL@ADDRESS>"), "Language-Team: " + locale,
        "Language: " + locale, std::string("MIME-Version: 1.0"),
        std::string("Content-Type: text/plain; charset=UTF-8"),
        std::string("Content-Transfer-Encoding: 8bit"), std::string("X-Generator: errcat"),
        "X-Errcat-Catalog: " + catalog.id, "X-Errcat-Source-Language: " + catalog.locale})
    out += "\"" + Escaped(field) + "\\n\"\n";
  for (const model::Error& e : catalog.errors) {
    const model::TranslatedError* te = t ? t->Find(e.code) : nullptr;
    const auto entry = [&](const std::string& key, const std::string& source,
                           const std::string& translated, bool is_message) {
      if (source.empty()) return;
      out += "\n#. " + e.code + " " + e.name + "\n";
      if (is_message)
        for (size_t i = 0; i < e.params.size(); ++i)
          out += "#. " + ParamComment(e.params[i], i) + "\n";
      const std::string field = key.substr(0, key.find(' '));
      if (const int line = e.PosOf(field).line; line > 0)
        out += "#: " + catalog.display_path + ":" + std::to_string(line) + "\n";
      if (is_message && !e.params.empty()) out += "#, errcat-format\n";
      WriteString(out, "msgctxt", e.code + " " + key);
      WriteString(out, "msgid", source);
      WriteString(out, "msgstr", translated);
    };
    entry("summary", e.summary, te ? te->summary : "", false);
    entry("message", e.message, te ? te->message : "", true);
    entry("description", e.description, te ? te->description : "", false);
    const auto list = [&](const char* key, const std::vector<std::string>& source,
                          const std::vector<std::string>* translated) {
      for (size_t i = 0; i < source.size(); ++i)
        entry(std::string(key) + " " + std::to_string(i + 1), source[i],
              translated && translated->size() == source.size() ? (*translated)[i] : "", false);
    };
    list("causes", e.causes, te ? &te->causes : nullptr);
    list("resolution", e.resolution, te ? &te->resolution : nullptr);
  }
  return out;
}

std::optional<PoFile> ParsePo(const std::string& text, const std::string& path,
                              diag::DiagnosticSink& sink) {
  PoFile po;
  po.path = path;
  const int errors_before = sink.error_count();
  Entry entry;
  std::string* current = nullptr;  // the string a continuation line extends
  bool has_id = false, has_str = false, obsolete = false;
  std::vector<Entry> all;
  const auto finish = [&] {
    if (has_id && !obsolete) all.push_back(std::move(entry));
    entry = Entry();
    current = nullptr;
    has_id = has_str = obsolete = false;
  };
  int line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto error = [&](const std::string& what) {
      sink.Error({path, line_number, 1}, what, "po-syntax");
    };
    // The quoted string at `at` on this line, unescaped; nothing after a problem.
    const auto quoted = [&](std::string_view rest) -> std::optional<std::string> {
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
      if (rest.size() < 2 || rest.front() != '"' || rest.back() != '"') {
        error("expected a string in double quotes");
        return std::nullopt;
      }
      std::string value;
      for (size_t i = 1; i + 1 < rest.size(); ++i) {
        char c = rest[i];
        if (c == '"') {
          error("a '\"' inside a string must be written \\\"");
          return std::nullopt;
        }
        if (c == '\\') {
          if (i + 2 >= rest.size()) {
            error("a string ends in a lone backslash");
            return std::nullopt;
          }
          switch (rest[++i]) {
            case 'n':
              c = '\n';
              break;
            case 't':
              c = '\t';
              break;
            case 'r':
              c = '\r';
              break;
            case '"':
              c = '"';
              break;
            case '\\':
              c = '\\';
              break;
            default:
              error(std::string("unknown escape \\") + rest[i] + " in a string");
              return std::nullopt;
          }
        }
        value += c;
      }
      return value;
    };
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') {
      if (has_str) finish();  // a comment starts the next entry
      if (line.substr(0, 2) == "#~") obsolete = true;
      if (line.substr(0, 2) == "#,") {
        std::string_view flags = line.substr(2);
        while (!flags.empty()) {
          const size_t comma = flags.find(',');
          std::string_view flag = flags.substr(0, comma);
          while (!flag.empty() && flag.front() == ' ') flag.remove_prefix(1);
          while (!flag.empty() && flag.back() == ' ') flag.remove_suffix(1);
          if (!flag.empty()) entry.flags.emplace_back(flag);
          if (comma == std::string_view::npos) break;
          flags.remove_prefix(comma + 1);
        }
      }
      continue;
    }
    if (line[0] == '"') {
      if (current == nullptr) {
        error("a continued string without msgctxt, msgid or msgstr before it");
        continue;
      }
      if (auto value = quoted(line)) *current += *value;
      continue;
    }
    const size_t space = line.find_first_of(" \t");
    const std::string_view keyword = line.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? "" : line.substr(space);
    if (keyword == "msgctxt") {
      if (has_str) finish();
      entry.line = line_number;
      current = &entry.context;
    } else if (keyword == "msgid") {
      if (has_str) finish();
      if (entry.line == 0) entry.line = line_number;
      has_id = true;
      current = &entry.id;
    } else if (keyword == "msgstr") {
      has_str = true;
      entry.str_line = line_number;
      current = &entry.str;
    } else if (keyword == "msgid_plural" || keyword.substr(0, 7) == "msgstr[") {
      error(
          "gettext plural forms are not used: a plural is ICU syntax inside the text, "
          "{0, plural, one {...} other {...}}");
      current = nullptr;
      continue;
    } else {
      error("unknown keyword '" + std::string(keyword) +
            "'; a PO entry is msgctxt, msgid and msgstr");
      current = nullptr;
      continue;
    }
    if (auto value = quoted(rest)) *current = *value;
  }
  finish();
  for (Entry& e : all) {
    if (e.context.empty() && e.id.empty()) {  // the header
      size_t at = 0;
      while (at < e.str.size()) {
        const size_t end = std::min(e.str.find('\n', at), e.str.size());
        const std::string field = e.str.substr(at, end - at);
        at = end + 1;
        const size_t colon = field.find(':');
        if (colon == std::string::npos) continue;
        std::string value = field.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        if (field.substr(0, colon) == "X-Errcat-Catalog") po.catalog = value;
        if (field.substr(0, colon) == "Language") po.locale = value;
      }
      continue;
    }
    po.entries.push_back(std::move(e));
  }
  if (po.catalog.empty())
    sink.Error({path, 1, 1}, "the header names no catalog (X-Errcat-Catalog: ID)", "po-syntax");
  std::replace(po.locale.begin(), po.locale.end(), '_', '-');  // gettext's de_AT is BCP 47's de-AT
  if (po.locale.empty())
    sink.Error({path, 1, 1}, "the header names no language (Language: de)", "po-syntax");
  else if (!util::IsLanguageTag(po.locale))
    sink.Error({path, 1, 1},
               "the header's Language '" + po.locale + "' is not a BCP 47 language tag", "locale");
  if (sink.error_count() != errors_before) return std::nullopt;
  return po;
}

namespace {

struct Texts {
  std::string summary, message, description;
  std::vector<std::string> causes, resolution;
  bool empty() const {
    return summary.empty() && message.empty() && description.empty() && causes.empty() &&
           resolution.empty();
  }
};

std::string YamlString(const std::string& text) {
  // A JSON string is a YAML double-quoted scalar.
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

}  // namespace

std::optional<std::string> ImportPo(const PoFile& po, const model::Catalog& catalog,
                                    const model::Translation* existing, const std::string& header,
                                    diag::DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  std::map<std::string, Texts> texts;  // by code
  if (existing)
    for (const model::TranslatedError& te : existing->errors)
      texts[te.code] = {te.summary, te.message, te.description, te.causes, te.resolution};
  std::vector<std::string_view> codes;
  for (const model::Error& e : catalog.errors) codes.push_back(e.code);
  const std::optional<plurals::LocaleRules> rules = plurals::RulesFor(po.locale);
  // List items by code and key, applied once all are there.
  std::map<std::pair<std::string, std::string>, std::map<size_t, std::string>> items;
  for (const Entry& entry : po.entries) {
    const diag::Location at{po.path, entry.line, 1}, str_at{po.path, entry.str_line, 1};
    const size_t space = entry.context.find(' ');
    const std::string code = entry.context.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : entry.context.substr(space + 1);
    const std::string key = rest.substr(0, rest.find(' '));
    const model::Error* e = catalog.Find(code);
    if (e == nullptr) {
      sink.Error(at,
                 "catalog '" + catalog.id + "' has no error '" + code + "'" +
                     diag::DidYouMean(code, codes),
                 "translation-unknown-code");
      continue;
    }
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
      sink.Error(at,
                 "msgctxt '" + entry.context +
                     "' names no text: it is a code and one of summary, "
                     "message, description, causes N, resolution N",
                 "po-syntax");
      continue;
    }
    if (entry.str.empty() ||
        std::find(entry.flags.begin(), entry.flags.end(), "fuzzy") != entry.flags.end())
      continue;  // not translated, or not reviewed: what the file has stays
    const bool is_list = key == "causes" || key == "resolution";
    size_t index = 0;
    std::string source;
    if (is_list) {
      const std::vector<std::string>& list = key == "causes" ? e->causes : e->resolution;
      index = static_cast<size_t>(std::atoi(rest.c_str() + key.size()));
      if (index < 1 || index > list.size()) {
        sink.Error(at,
                   code + " has no " + key + " item " +
                       rest.substr(key.size() + (rest.size() > key.size())),
                   "po-syntax");
        continue;
      }
      source = list[index - 1];
    } else {
      source = key == "summary" ? e->summary : key == "message" ? e->message : e->description;
    }
    if (entry.id != source)
      sink.Warning(at,
                   code + " " + rest +
                       ": the source text changed since the file was exported; "
                       "the translation may say what the old one said",
                   "translation-stale");
    if (key == "summary" && entry.str.find('\n') != std::string::npos) {
      sink.Error(str_at, "'summary' must be one line", "summary-multiline");
      continue;
    }
    if (key == "message") {
      const loader::ParsedMessage parsed = loader::ParseMessage(entry.str, [&](size_t) {
        return model::SourcePos{entry.str_line, 1};
      });
      bool ok = true;
      for (const loader::PlaceholderProblem& p : parsed.problems)
        if (p.rule != "placeholder-gap") sink.Error(str_at, p.message, p.rule), ok = false;
      if (!ok) continue;
      if (model::PlaceholdersOf(parsed.segments) != model::PlaceholdersOf(e->segments)) {
        sink.Error(str_at,
                   "the " + po.locale + " message of " + code +
                       " does not show exactly the source's placeholders; a translation "
                       "shows each {N} of the source, in any order",
                   "translation-placeholders");
        continue;
      }
      if (rules)
        loader::CheckPlurals(parsed.segments, e->params, *rules, po.path,
                             "the " + po.locale + " message of " + code, sink);
    }
    if (is_list) {
      items[{code, key}][index] = entry.str;
      continue;
    }
    Texts& t = texts[code];
    (key == "summary" ? t.summary : key == "message" ? t.message : t.description) = entry.str;
  }
  for (const auto& [which, given] : items) {
    const model::Error& e = *catalog.Find(which.first);
    const std::vector<std::string>& source = which.second == "causes" ? e.causes : e.resolution;
    if (given.size() != source.size()) {
      sink.Warning({po.path, 1, 1},
                   which.first + " " + which.second + ": " + std::to_string(given.size()) + " of " +
                       std::to_string(source.size()) +
                       " items translated; the list is imported once every item is",
                   "translation-missing");
      continue;
    }
    std::vector<std::string> list;
    for (const auto& [index, text] : given) list.push_back(text);
    (which.second == "causes" ? texts[which.first].causes : texts[which.first].resolution) = list;
  }
  if (sink.error_count() != errors_before) return std::nullopt;

  std::string out = header;
  out += "translation: " + catalog.id + "\nlocale: " + po.locale + "\nerrors:\n";
  const auto scalar = [&](const char* key, const std::string& value) {
    if (!value.empty()) out += std::string("    ") + key + ": " + YamlString(value) + "\n";
  };
  const auto list = [&](const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out += std::string("    ") + key + ":\n";
    for (const std::string& v : values) out += "      - " + YamlString(v) + "\n";
  };
  bool any = false;
  for (const model::Error& e : catalog.errors) {  // catalog order
    const auto found = texts.find(e.code);
    if (found == texts.end() || found->second.empty()) continue;
    const Texts& t = found->second;
    any = true;
    out += "  " + e.code + ":\n";
    scalar("summary", t.summary);
    scalar("message", t.message);
    scalar("description", t.description);
    list("causes", t.causes);
    list("resolution", t.resolution);
  }
  if (!any) out.replace(out.size() - 1, 1, " {}\n");
  return out;
}

std::optional<std::string> ExportFor(const model::CatalogSet& set, const std::string& catalog_id,
                                     const std::string& locale, diag::DiagnosticSink& sink) {
  std::vector<std::string_view> ids;
  for (const model::Catalog& c : set.catalogs()) ids.push_back(c.id);
  const model::Catalog* catalog = nullptr;
  if (!catalog_id.empty()) {
    catalog = set.FindCatalog(catalog_id);
    if (!catalog)
      sink.Error({},
                 "no catalog '" + catalog_id + "' among the files given" +
                     diag::DidYouMean(catalog_id, ids),
                 "po-catalog");
  } else if (set.catalogs().size() == 1) {
    catalog = &set.catalogs().front();
  } else {
    std::string list;
    for (std::string_view id : ids) list += (list.empty() ? "" : ", ") + std::string(id);
    sink.Error({},
               "the files hold " + std::to_string(ids.size()) + " catalogs (" + list +
                   "); name one with --catalog",
               "po-catalog");
  }
  if (!util::IsLanguageTag(locale))
    sink.Error({}, "--locale '" + locale + "' is not a BCP 47 language tag (de, de-AT)", "locale");
  else if (catalog && catalog->locale == locale)
    sink.Error({},
               "catalog '" + catalog->id + "' is written in " + locale +
                   "; export the language of a translation",
               "locale");
  if (sink.HasErrors()) return std::nullopt;
  return ExportPo(*catalog, locale);
}

std::optional<std::string> ImportFile(const model::CatalogSet& set, const std::string& po_path,
                                      std::string out_path, diag::DiagnosticSink& sink) {
  std::ifstream in(po_path, std::ios::binary);
  if (!in) {
    sink.Error({po_path, 0, 0}, "cannot read the file", "io");
    return std::nullopt;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::optional<PoFile> po = ParsePo(text, po_path, sink);
  if (!po) return std::nullopt;
  const model::Catalog* catalog = set.FindCatalog(po->catalog);
  if (!catalog) {
    std::vector<std::string_view> ids;
    for (const model::Catalog& c : set.catalogs()) ids.push_back(c.id);
    sink.Error({po_path, 1, 1},
               "the file is of catalog '" + po->catalog + "', which is not among the files given" +
                   diag::DidYouMean(po->catalog, ids),
               "translation-unknown-catalog");
    return std::nullopt;
  }
  const model::Translation* existing = catalog->FindTranslation(po->locale);
  if (out_path.empty())
    out_path = existing ? existing->path
                        : (std::filesystem::path(catalog->path).parent_path() /
                           (catalog->id + "." + po->locale + ".yaml"))
                              .string();
  // The comment that opens the file it replaces is kept; a new file gets the schema line.
  std::string header;
  if (std::ifstream old(out_path, std::ios::binary); old) {
    for (std::string line; std::getline(old, line) && (line.empty() || line[0] == '#');)
      if (!line.empty()) header += line + "\n";
  } else {
    header = "# " + po->locale + " texts of the catalog '" + catalog->id + "', imported from " +
             std::filesystem::path(po_path).filename().string() + " by errcat po import.\n";
  }
  std::optional<std::string> yaml = ImportPo(*po, *catalog, existing, header, sink);
  if (!yaml) return std::nullopt;
  if (std::string error = backends::WriteFileAtomically(out_path, *yaml); !error.empty()) {
    sink.Error({out_path, 0, 0}, error, "io");
    return std::nullopt;
  }
  return out_path;
}

}  // namespace errcat::po
