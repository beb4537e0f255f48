#include "diff/diff.h"

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>
#include <unordered_map>

#include "util/text.h"

namespace errcat::diff {
namespace {

std::string Params(const model::Error& e) {
  std::string s = "(";
  for (const model::Param& p : e.params)
    s += std::string(s.size() > 1 ? ", " : "") + std::string(model::Name(p.type)) + " " + p.name;
  return s + ")";
}

std::string Bool(const std::optional<bool>& b) { return b ? (*b ? "true" : "false") : "unset"; }

std::string Join(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : "\n") + i;
  return s;
}

std::string Fields(const model::Error& e) {
  std::string s;
  for (const model::FieldValue& f : e.fields) s += (s.empty() ? "" : "\n") + f.id + ": " + f.text;
  return s;
}

class Differ {
 public:
  Differ(const model::CatalogSet& base, const model::CatalogSet& head, const DiffOptions& options)
      : base_(base), head_(head), options_(options) {}

  DiffResult Run() {
    for (const model::Catalog& b : base_.catalogs()) {
      const model::Catalog* h = head_.FindCatalog(b.id);
      if (!h) {
        Add({.rule = "catalog-removed",
             .catalog = &b,
             .message = "catalog '" + b.id + "' was removed with its " +
                        std::to_string(b.errors.size()) + " errors",
             .where = &b,
             .pos = {1, 1}});
        result_.removed += static_cast<int>(b.errors.size());
        continue;
      }
      DiffCatalog(b, *h);
    }
    for (const model::Catalog& h : head_.catalogs()) {
      if (base_.FindCatalog(h.id)) continue;
      Add({.rule = "catalog-added",
           .catalog = &h,
           .message =
               "new catalog '" + h.id + "' with " + std::to_string(h.errors.size()) + " errors",
           .where = &h,
           .pos = {1, 1}});
      result_.added += static_cast<int>(h.errors.size());
    }
    // Breaking first, then by catalog, code and rule.
    std::stable_sort(result_.changes.begin(), result_.changes.end(),
                     [](const Change& a, const Change& b) {
                       return std::make_tuple(!a.breaking(), std::cref(a.catalog),
                                              std::cref(a.code), std::cref(a.rule())) <
                              std::make_tuple(!b.breaking(), std::cref(b.catalog),
                                              std::cref(b.code), std::cref(b.rule()));
                     });
    return std::move(result_);
  }

 private:
  // What one change is; `where` and `pos` say where to point.
  struct ChangeSpec {
    std::string rule = {};
    const model::Catalog* catalog = nullptr;
    const model::Error* error = nullptr;
    std::string field = {}, before = {}, after = {};
    std::string message = {};
    const model::Catalog* where = nullptr;
    model::SourcePos pos = {};
    const std::string* path = nullptr;  // instead of `where`'s (a translation file)
  };

  void Add(ChangeSpec spec) {
    const diag::Rule* r = diag::FindRule(spec.rule);
    bool breaking = r && r->kind == diag::RuleKind::kBreaking;
    if (breaking && options_.allowed.count(spec.rule)) {
      breaking = false;
      spec.message += " (allowed)";
    }
    Change change;
    change.diagnostic = {
        breaking ? diag::Severity::kError : diag::Severity::kWarning,
        {spec.path ? *spec.path : spec.where->path, spec.pos.line, spec.pos.column},
        std::move(spec.message),
        std::move(spec.rule),
        {}};
    change.catalog = spec.catalog->id;
    change.code = spec.error ? spec.error->code : "";
    change.field = std::move(spec.field);
    change.before = std::move(spec.before);
    change.after = std::move(spec.after);
    result_.changes.push_back(std::move(change));
  }

  void DiffCatalog(const model::Catalog& b, const model::Catalog& h) {
    if (b.cpp_namespace != h.cpp_namespace)
      Add({.rule = "cpp-namespace-changed",
           .catalog = &h,
           .field = "cpp.namespace",
           .before = b.cpp_namespace,
           .after = h.cpp_namespace,
           .message = "C++ namespace of '" + h.id + "' changed from " + b.cpp_namespace + " to " +
                      h.cpp_namespace,
           .where = &h,
           .pos = {1, 1}});
    if (b.cpp_enum != h.cpp_enum)
      Add({.rule = "cpp-enum-changed",
           .catalog = &h,
           .field = "cpp.enum",
           .before = b.cpp_enum,
           .after = h.cpp_enum,
           .message = "C++ enum of '" + h.id + "' renamed from " + b.cpp_enum + " to " + h.cpp_enum,
           .where = &h,
           .pos = {1, 1}});

    DiffTranslations(b, h);
    const Index base = IndexOf(b), head = IndexOf(h);
    for (const model::Error& be : b.errors) {
      if (const model::Error* he = Find(head.by_code, be.code)) {
        DiffError(h, be, *he);
        continue;
      }
      // Same name under a code the base did not have: the code changed (callers matching on
      // codes break).
      const model::Error* renamed = Find(head.by_name, be.name);
      if (renamed && !base.by_code.count(renamed->code)) {
        Add({.rule = "code-changed",
             .catalog = &h,
             .error = renamed,
             .field = "code",
             .before = be.code,
             .after = renamed->code,
             .message = be.name + " changed its code from " + be.code + " to " + renamed->code,
             .where = &h,
             .pos = renamed->PosOf("code")});
        ++result_.changed;
        continue;
      }
      if (std::find(h.reserved.begin(), h.reserved.end(), be.code) != h.reserved.end()) {
        Add({.rule = "error-removed",
             .catalog = &h,
             .error = &be,
             .before = be.code,
             .message = be.code + " (" + be.name + ") was removed and its code reserved",
             .where = &h,
             .pos = {0, 0}});
        result_.changes.back().diagnostic.severity =
            diag::Severity::kWarning;  // retired properly: notable
      } else {
        // Pointed at the HEAD file (where the reviewer can act), without a line.
        Add({.rule = "error-removed",
             .catalog = &h,
             .error = &be,
             .before = be.code,
             .message =
                 be.code + " (" + be.name +
                 ") was removed; deprecate it, or add its code to 'reserved' when retiring it",
             .where = &h,
             .pos = {0, 0}});
      }
      ++result_.removed;
    }

    for (const model::Error& he : h.errors) {
      if (base.by_code.count(he.code)) continue;
      // Already reported as code-changed above.
      const model::Error* old = Find(base.by_name, he.name);
      if (old && !head.by_code.count(old->code)) continue;
      if (std::find(b.reserved.begin(), b.reserved.end(), he.code) != b.reserved.end()) {
        Add({.rule = "reserved-reused",
             .catalog = &h,
             .error = &he,
             .field = "code",
             .after = he.code,
             .message = "code " + he.code + " was reserved in the base and is used again",
             .where = &h,
             .pos = he.PosOf("code")});
      }
      Add({.rule = "error-added",
           .catalog = &h,
           .error = &he,
           .after = he.code,
           .message = "new error " + he.code + " (" + he.name + ")",
           .where = &h,
           .pos = he.PosOf("code")});
      ++result_.added;
    }
    // A base-reserved code's value reused by a new head error.
    for (const std::string& reserved : b.reserved) {
      const std::optional<std::int64_t> value = util::TrailingNumber(reserved);
      if (!value) continue;
      const model::Error* user = Find(head.by_value, *value);
      if (user && user->code != reserved && !base.by_code.count(user->code))
        Add({.rule = "reserved-reused",
             .catalog = &h,
             .error = user,
             .field = "value",
             .after = std::to_string(*value),
             .message = user->code + " uses value " + std::to_string(*value) +
                        " of reserved code " + reserved,
             .where = &h,
             .pos = user->PosOf("value")});
    }
  }

  // One catalog's errors by code, name and value.
  struct Index {
    std::unordered_map<std::string_view, const model::Error*> by_code, by_name;
    std::unordered_map<std::int64_t, const model::Error*> by_value;
  };
  static Index IndexOf(const model::Catalog& c) {
    Index index;
    for (const model::Error& e : c.errors) {
      index.by_code.emplace(e.code, &e);
      index.by_name.emplace(e.name, &e);
      index.by_value.emplace(e.value, &e);
    }
    return index;
  }
  template <typename Map, typename Key>
  static const model::Error* Find(const Map& map, const Key& key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : it->second;
  }

  void DiffError(const model::Catalog& h, const model::Error& be, const model::Error& he) {
    const size_t before = result_.changes.size();
    auto change = [&](const char* rule, const char* field, const std::string& b, const std::string& a,
                      const std::string& what) {
      if (b == a) return;
      // Short one-line values are worth quoting in the sentence itself.
      const bool quote = b.size() + a.size() <= 240 && b.find('\n') == std::string::npos &&
                         a.find('\n') == std::string::npos && what.find(" from ") == std::string::npos;
      Add({.rule = rule,
           .catalog = &h,
           .error = &he,
           .field = field,
           .before = b,
           .after = a,
           .message = he.code + ": " + what + (quote ? " from \"" + b + "\" to \"" + a + "\"" : ""),
           .where = &h,
           .pos = he.PosOf(field)});
    };
    change("value-changed", "value", std::to_string(be.value), std::to_string(he.value),
           "value changed from " + std::to_string(be.value) + " to " + std::to_string(he.value));
    change("name-changed", "name", be.name, he.name, "name changed from " + be.name + " to " + he.name);
    DiffParams(h, be, he);
    change("message-changed", "message", be.message, he.message, "message changed");
    change("summary-changed", "summary", be.summary, he.summary, "summary changed");
    change("http-status-changed", "http_status", be.http_status ? std::to_string(be.http_status) : "unset",
           he.http_status ? std::to_string(he.http_status) : "unset", "HTTP status changed");
    change("severity-changed", "severity", std::string(model::Name(be.severity)), std::string(model::Name(he.severity)),
           "severity changed");
    change("retriable-changed", "retriable", Bool(be.retriable), Bool(he.retriable), "retriable changed");
    if (!be.is_deprecated() && he.is_deprecated()) {
      Add({.rule = "error-deprecated",
           .catalog = &h,
           .error = &he,
           .field = "deprecated",
           .after = he.deprecated,
           .message = he.code + " is now deprecated: " + he.deprecated,
           .where = &h,
           .pos = he.PosOf("deprecated")});
      ++result_.deprecated;
    }
    change("docs-changed", "description", be.description, he.description, "description changed");
    change("docs-changed", "causes", Join(be.causes), Join(he.causes), "causes changed");
    change("docs-changed", "resolution", Join(be.resolution), Join(he.resolution), "resolution changed");
    change("docs-changed", "fields", Fields(be), Fields(he), "fields changed");
    change("docs-changed", "see_also", Join(be.see_also), Join(he.see_also), "see_also changed");
    if (result_.changes.size() != before) ++result_.changed;
  }

  // Translations, by locale: one added or removed; each translated text changed; and a source
  // message that changed while a translation's stayed as it was (the translation is stale; one
  // whose placeholders no longer match does not load: [translation-placeholders]).
  void DiffTranslations(const model::Catalog& b, const model::Catalog& h) {
    for (const model::Translation& bt : b.translations)
      if (!h.FindTranslation(bt.locale))
        Add({.rule = "translation-removed",
             .catalog = &h,
             .field = "translation",
             .before = bt.locale,
             .message = "the " + bt.locale + " translation of '" + h.id +
                        "' was removed; its readers get the catalog's " + h.locale + " texts",
             .where = &h,
             .pos = {1, 1}});
    for (const model::Translation& ht : h.translations) {
      const model::Translation* bt = b.FindTranslation(ht.locale);
      if (!bt) {
        Add({.rule = "translation-added",
             .catalog = &h,
             .field = "translation",
             .after = ht.locale,
             .message = "new " + ht.locale + " translation of '" + h.id + "' (" +
                        std::to_string(ht.errors.size()) + " errors)",
             .where = &h,
             .pos = ht.locale_pos,
             .path = &ht.path});
        continue;
      }
      for (const model::Error& he : h.errors) {
        const model::TranslatedError* before = bt->Find(he.code);
        const model::TranslatedError* after = ht.Find(he.code);
        static const model::TranslatedError kNone;
        const model::TranslatedError& bte = before ? *before : kNone;
        const model::TranslatedError& hte = after ? *after : kNone;
        const auto text = [&](const char* field, const std::string& was, const std::string& is) {
          if (was == is) return;
          Add({.rule = "translation-changed",
               .catalog = &h,
               .error = &he,
               .field = ht.locale + " " + field,
               .before = was,
               .after = is,
               .message = he.code + ": " + ht.locale + " " + field +
                          (was.empty()  ? " translated"
                           : is.empty() ? " no longer translated"
                           : was.size() + is.size() <= 240 && was.find('\n') == std::string::npos &&
                                   is.find('\n') == std::string::npos
                               ? " changed from \"" + was + "\" to \"" + is + "\""
                               : " changed"),
               .where = &h,
               .pos = after ? hte.PosOf(field) : model::SourcePos{1, 1},
               .path = &ht.path});
        };
        text("summary", bte.summary, hte.summary);
        text("message", bte.message, hte.message);
        text("description", bte.description, hte.description);
        text("causes", Join(bte.causes), Join(hte.causes));
        text("resolution", Join(bte.resolution), Join(hte.resolution));
        const model::Error* be = b.Find(he.code);
        if (be && be->message != he.message && after && !hte.message.empty() &&
            bte.message == hte.message)
          Add({.rule = "translation-stale",
               .catalog = &h,
               .error = &he,
               .field = ht.locale + " message",
               .before = be->message,
               .after = he.message,
               .message = he.code + ": the message changed but its " + ht.locale +
                          " translation did not; it may say what the old one said",
               .where = &h,
               .pos = hte.PosOf("message"),
               .path = &ht.path});
      }
    }
  }

  void DiffParams(const model::Catalog& h, const model::Error& be, const model::Error& he) {
    const std::string b = Params(be), a = Params(he);
    if (b == a) return;
    bool breaking = be.params.size() != he.params.size();
    for (size_t i = 0; !breaking && i < be.params.size(); ++i) breaking = be.params[i].type != he.params[i].type;
    if (!breaking) {
      // Same types in the same places. Names moved between places is a silent reorder.
      std::vector<std::string> bn, an;
      for (const model::Param& p : be.params) bn.push_back(p.name);
      for (const model::Param& p : he.params) an.push_back(p.name);
      std::vector<std::string> bs = bn, as = an;
      std::sort(bs.begin(), bs.end());
      std::sort(as.begin(), as.end());
      breaking = bs == as;  // same names, different order
    }
    const model::SourcePos pos = he.PosOf("params").line ? he.PosOf("params") : he.PosOf("message");
    Add({.rule = breaking ? "placeholders-changed" : "param-renamed",
         .catalog = &h,
         .error = &he,
         .field = "params",
         .before = b,
         .after = a,
         .message = he.code + ": parameters " + (breaking ? "changed" : "renamed") + " from " + b +
                    " to " + a,
         .where = &h,
         .pos = pos});
  }

  const model::CatalogSet& base_;
  const model::CatalogSet& head_;
  const DiffOptions& options_;
  DiffResult result_;
};

}  // namespace

bool DiffResult::breaking() const {
  return std::any_of(changes.begin(), changes.end(), [](const Change& c) { return c.breaking(); });
}

DiffResult Diff(const model::CatalogSet& base, const model::CatalogSet& head, const DiffOptions& options) {
  return Differ(base, head, options).Run();
}

}  // namespace errcat::diff
