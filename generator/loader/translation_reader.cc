// Translation files, read and checked (loader/translations.h).
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "diag/spellcheck.h"
#include "loader/limits.h"
#include "loader/placeholders.h"
#include "loader/translations.h"
#include "plurals/plural_rules.h"
#include "util/text.h"

namespace errcat::loader {

using readers::Context;
using readers::ExpectKind;
using readers::IsNull;
using readers::LocInScalar;
using readers::MapReader;
using readers::Text;
using readers::TextList;
using util::Quoted;
using yaml::Node;
using yaml::NodeKind;

const std::vector<std::string_view>& TranslationKeys() {
  static const std::vector<std::string_view> kKeys = {"translation", "locale", "errors"};
  return kKeys;
}

const std::vector<std::string_view>& TranslatedErrorKeys() {
  static const std::vector<std::string_view> kKeys = {"summary", "message", "description", "causes",
                                                      "resolution"};
  return kKeys;
}

bool CheckLocale(const Context& ctx, const Node* node, const std::string& tag) {
  if (!util::IsLanguageTag(tag)) {
    ctx.Error(node, "locale " + Quoted(tag) + " is not a BCP 47 language tag (de, de-AT, pt-BR)",
              "locale");
    return false;
  }
  if (!plurals::KnownLanguage(tag)) {
    ctx.Error(
        node,
        "locale " + Quoted(tag) + ": ICU knows no language " + Quoted(tag.substr(0, tag.find('-'))),
        "locale");
    return false;
  }
  return true;
}

bool IsTranslationFile(const Node* root) {
  if (root == nullptr || root->kind != NodeKind::kMap) return false;
  for (const auto& [key, value] : root->entries())
    if (key->kind == NodeKind::kScalar && key->value == "translation") return true;
  return false;
}

namespace {

model::SourcePos Pos(const Node* node) { return {node->line, node->column}; }

void ReadTranslatedError(const Context& ctx, const Node* key, const Node* node,
                         model::Translation& t) {
  model::TranslatedError e;
  e.code = key->value;
  e.pos = Pos(key);
  if (!ExpectKind(ctx, node, NodeKind::kMap, "error " + Quoted(e.code))) return;
  MapReader map(ctx, node, "error " + Quoted(e.code), TranslatedErrorKeys());
  map.Each([&](const Node* k, const Node* v) {
    if (!model::FindKey(e.key_pos, k->value)) e.key_pos.emplace_back(k->value, Pos(v));
  });
  const auto text = [&](std::string_view name, std::string& into) {
    const Node* value = map.Get(name);
    into = Text(ctx, value, "'" + std::string(name) + "'").value_or("");
    CheckLimit(ctx, value, name, into);
  };
  text("summary", e.summary);
  if (e.summary.find('\n') != std::string::npos)
    ctx.Error(map.Get("summary"), "'summary' must be one line", "summary-multiline");
  text("message", e.message);
  text("description", e.description);
  e.causes = TextList(ctx, map.Get("causes"), "'causes'");
  CheckItemLimits(ctx, map.Get("causes"), "causes");
  e.resolution = TextList(ctx, map.Get("resolution"), "'resolution'");
  CheckItemLimits(ctx, map.Get("resolution"), "resolution");
  if (const Node* message = map.Get("message");
      !IsNull(message) && message->kind == NodeKind::kScalar) {
    ParsedMessage parsed = ParseMessage(message->value, [&](size_t offset) {
      const diag::Location at = LocInScalar(ctx, message, offset);
      return model::SourcePos{at.line, at.column};
    });
    // Which placeholders it uses is checked against the source message; only the syntax here.
    for (const PlaceholderProblem& p : parsed.problems)
      if (p.rule != "placeholder-gap")
        ctx.sink.Error(LocInScalar(ctx, message, p.offset), p.message, p.rule);
    e.segments = std::move(parsed.segments);
  }
  t.errors.push_back(std::move(e));
}

diag::Location At(const model::Translation& t, model::SourcePos pos) {
  return {t.path, pos.line, pos.column};
}

// "{1} (token_id)" for the placeholders of `e` in `indices`.
std::string Named(const model::Error& e, const std::vector<int>& indices) {
  std::string out;
  for (int i : indices) {
    if (!out.empty()) out += ", ";
    out += "{" + std::to_string(i) + "}";
    if (i < static_cast<int>(e.params.size()))
      out += " (" + e.params[static_cast<size_t>(i)].name + ")";
  }
  return out;
}

void CheckAgainstCatalog(const model::Catalog& c, const model::Translation& t,
                         diag::DiagnosticSink& sink) {
  std::vector<std::string_view> codes;
  std::unordered_map<std::string_view, const model::Error*> by_code;
  for (const model::Error& e : c.errors) {
    codes.push_back(e.code);
    by_code.emplace(e.code, &e);
  }
  std::unordered_set<std::string_view> translated;  // codes whose message is translated
  const std::optional<plurals::LocaleRules> rules = plurals::RulesFor(t.locale);
  for (const model::TranslatedError& te : t.errors) {
    const auto found = by_code.find(te.code);
    if (found == by_code.end()) {
      const bool retired =
          std::find(c.reserved.begin(), c.reserved.end(), te.code) != c.reserved.end();
      sink.Error(At(t, te.pos),
                 retired ? "error " + Quoted(te.code) + " is retired from catalog " + Quoted(c.id) +
                               " (reserved); remove its translation"
                         : "catalog " + Quoted(c.id) + " has no error " + Quoted(te.code) +
                               diag::DidYouMean(te.code, codes),
                 "translation-unknown-code");
      continue;
    }
    if (te.message.empty()) continue;
    translated.insert(te.code);
    const model::Error& e = *found->second;
    const std::vector<int> want = model::PlaceholdersOf(e.segments),
                           have = model::PlaceholdersOf(te.segments);
    std::vector<int> missing, extra;
    std::set_difference(want.begin(), want.end(), have.begin(), have.end(),
                        std::back_inserter(missing));
    std::set_difference(have.begin(), have.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    if (!missing.empty() || !extra.empty()) {
      std::string what;
      if (!missing.empty()) what = "leaves out " + Named(e, missing);
      if (!extra.empty())
        what += (what.empty() ? "" : " and ") + std::string("uses ") + Named(e, extra) +
                ", which the source does not have";
      sink.Error(At(t, te.PosOf("message")),
                 "the " + t.locale + " message of " + e.code + " " + what +
                     "; a translation shows exactly the source's placeholders, in any order",
                 "translation-placeholders");
    } else if (rules && model::HasPlural(te.segments)) {
      CheckPlurals(te.segments, e.params, *rules, t.path,
                   "the " + t.locale + " message of " + e.code, sink);
    }
  }
  std::vector<std::string_view> untranslated;
  for (const model::Error& e : c.errors)
    if (!translated.count(e.code)) untranslated.push_back(e.code);
  if (!untranslated.empty()) {
    std::string list;
    for (size_t i = 0; i < untranslated.size() && i < 8; ++i)
      list += (i ? ", " : "") + std::string(untranslated[i]);
    if (untranslated.size() > 8)
      list += " and " + std::to_string(untranslated.size() - 8) + " more";
    sink.Warning(At(t, t.locale_pos),
                 std::to_string(untranslated.size()) + " of " + std::to_string(c.errors.size()) +
                     " messages of " + Quoted(c.id) + " have no " + t.locale +
                     " translation: " + list,
                 "translation-missing");
  }
}

}  // namespace

std::optional<model::Translation> ReadTranslation(const Context& ctx, const Node* root,
                                                  const SourceFile& source) {
  MapReader top(ctx, root, "the translation", TranslationKeys());
  model::Translation t;
  t.path = source.path;
  if (const Node* id = top.Require("translation");
      id && ExpectKind(ctx, id, NodeKind::kScalar, "'translation'")) {
    t.catalog = id->value;
    t.catalog_pos = Pos(id);
  }
  if (const Node* locale = top.Require("locale");
      locale && ExpectKind(ctx, locale, NodeKind::kScalar, "'locale'")) {
    t.locale = locale->value;
    t.locale_pos = Pos(locale);
    CheckLocale(ctx, locale, t.locale);
  }
  if (const Node* errors = top.Get("errors");
      !IsNull(errors) && ExpectKind(ctx, errors, NodeKind::kMap, "'errors'")) {
    MapReader codes(ctx, errors, "'errors'", {});
    codes.Each(
        [&](const Node* key, const Node* value) { ReadTranslatedError(ctx, key, value, t); });
    // By code, for Find; diagnostics keep their places.
    std::stable_sort(t.errors.begin(), t.errors.end(),
                     [](const model::TranslatedError& a, const model::TranslatedError& b) {
                       return a.code < b.code;
                     });
  }
  return t;
}

void AttachTranslations(std::vector<model::Catalog>& catalogs,
                        std::vector<model::Translation> translations, bool complete,
                        diag::DiagnosticSink& sink) {
  std::unordered_map<std::string_view, model::Catalog*> by_id;
  std::vector<std::string_view> ids;
  for (model::Catalog& c : catalogs) {
    by_id.emplace(c.id, &c);
    ids.push_back(c.id);
  }
  // Each translation's catalog once it is accepted (the first of each catalog and locale).
  std::vector<model::Catalog*> target(translations.size(), nullptr);
  std::map<std::pair<std::string_view, std::string_view>, const model::Translation*> first;
  for (size_t k = 0; k < translations.size(); ++k) {
    const model::Translation& t = translations[k];
    if (t.catalog.empty() || t.locale.empty()) continue;  // reported by ReadTranslation
    const auto it = by_id.find(t.catalog);
    if (it == by_id.end()) {
      // A catalog in a file that failed to load would be a false alarm.
      if (complete)
        sink.Error(At(t, t.catalog_pos),
                   "no catalog " + Quoted(t.catalog) + " among the files given" +
                       diag::DidYouMean(t.catalog, ids),
                   "translation-unknown-catalog");
      continue;
    }
    model::Catalog& c = *it->second;
    if (t.locale == c.locale) {
      sink.Error(
          At(t, t.locale_pos),
          "catalog " + Quoted(c.id) + " is itself written in " + t.locale + " (its 'locale')",
          "duplicate-translation");
      continue;
    }
    const auto [earlier, added] = first.try_emplace({t.catalog, t.locale}, &t);
    if (!added) {
      sink.Error(At(t, t.locale_pos),
                 "a second " + t.locale + " translation of catalog " + Quoted(c.id),
                 "duplicate-translation");
      sink.Note(At(*earlier->second, earlier->second->locale_pos), "the first one");
      continue;
    }
    CheckAgainstCatalog(c, t, sink);
    target[k] = &c;
  }
  for (size_t k = 0; k < translations.size(); ++k)
    if (target[k]) target[k]->translations.push_back(std::move(translations[k]));
  for (model::Catalog& c : catalogs)
    std::sort(c.translations.begin(), c.translations.end(),
              [](const model::Translation& a, const model::Translation& b) {
                return a.locale < b.locale;
              });
}

std::vector<LocaleCoverage> MessageCoverage(const model::CatalogSet& set) {
  std::map<std::string, LocaleCoverage> by_locale;
  for (const model::Catalog& c : set.catalogs())
    for (const model::Translation& t : c.translations) {
      LocaleCoverage& cov = by_locale[t.locale];
      cov.locale = t.locale;
      cov.total += c.errors.size();
      for (const model::Error& e : c.errors)
        if (const model::TranslatedError* te = t.Find(e.code); te && !te->message.empty())
          ++cov.translated;
    }
  std::vector<LocaleCoverage> out;
  for (auto& [locale, cov] : by_locale) out.push_back(cov);
  return out;
}

}  // namespace errcat::loader
