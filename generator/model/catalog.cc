#include "model/catalog.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace errcat::model {
namespace {

constexpr size_t kMaxCodeLength = 64;

bool IsWindowsDeviceName(std::string_view code) {
  std::string stem(code.substr(0, code.find('.')));
  for (char& c : stem) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static const std::set<std::string> kDevices = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
  if (kDevices.count(stem)) return true;
  return stem.size() == 4 && (stem.starts_with("COM") || stem.starts_with("LPT")) &&
         stem[3] >= '0' && stem[3] <= '9';
}

}  // namespace

std::vector<std::string> Signature(const Error& e) {
  std::vector<std::string> types;
  for (const Param& p : e.params) types.emplace_back(Name(p.type));
  return types;
}

std::string UnsafeCodeReason(std::string_view code) {
  if (code.size() > kMaxCodeLength)
    return "is longer than " + std::to_string(kMaxCodeLength) + " characters";
  const auto ok = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  };
  if (!std::all_of(code.begin(), code.end(), ok))
    return "may only hold letters, digits, '-', '_' and '.'";
  if (code.front() == '.' || code.front() == '-') return "must start with a letter or digit";
  if (IsWindowsDeviceName(code)) return "is a reserved device name on Windows";
  return "";
}

const std::vector<EnumName<ParamType>>& ParamTypeNames() {
  static const std::vector<EnumName<ParamType>> kNames = {{"int", ParamType::kInt},
                                                          {"uint", ParamType::kUint},
                                                          {"double", ParamType::kDouble},
                                                          {"string", ParamType::kString},
                                                          {"bool", ParamType::kBool}};
  return kNames;
}

const std::vector<EnumName<Severity>>& SeverityNames() {
  static const std::vector<EnumName<Severity>> kNames = {{"fatal", Severity::kFatal},
                                                         {"error", Severity::kError},
                                                         {"warning", Severity::kWarning},
                                                         {"info", Severity::kInfo}};
  return kNames;
}

const std::vector<EnumName<FieldType>>& FieldTypeNames() {
  static const std::vector<EnumName<FieldType>> kNames = {{"string", FieldType::kString},
                                                          {"markdown", FieldType::kMarkdown},
                                                          {"bool", FieldType::kBool},
                                                          {"int", FieldType::kInt}};
  return kNames;
}

std::string_view Name(ParamType type) { return NameIn(ParamTypeNames(), type); }
std::string_view Name(Severity severity) { return NameIn(SeverityNames(), severity); }
std::string_view Name(FieldType type) { return NameIn(FieldTypeNames(), type); }

const SourcePos* FindKey(const KeyPositions& keys, std::string_view key) {
  for (const auto& [k, p] : keys)
    if (k == key) return &p;
  return nullptr;
}

SourcePos Error::PosOf(std::string_view key) const {
  const SourcePos* found = FindKey(key_pos, key);
  return found ? *found : pos;
}

const FieldValue* Error::Field(std::string_view id) const {
  for (const FieldValue& f : fields)
    if (f.id == id) return &f;
  return nullptr;
}

namespace {
// A decimal without what does not change its value: "01.50" -> "1.5", "2.0" -> "2", "-0" -> "0".
std::string CanonicalDecimal(std::string_view text) {
  std::string sign;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    if (text[0] == '-') sign = "-";
    text.remove_prefix(1);
  }
  std::string_view whole = text.substr(0, text.find('.'));
  std::string_view fraction =
      whole.size() < text.size() ? text.substr(whole.size() + 1) : std::string_view{};
  while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (whole.empty()) whole = "0";
  std::string out(whole);
  if (!fraction.empty()) out += "." + std::string(fraction);
  return out == "0" ? out : sign + out;
}
}  // namespace

const PluralCase& PluralChoice(const MessageSegment& plural, std::string_view number,
                               std::string_view category) {
  const std::string value = CanonicalDecimal(number);
  for (const PluralCase& c : plural.plural)
    if (c.selector[0] == '=' && CanonicalDecimal(std::string_view(c.selector).substr(1)) == value)
      return c;
  const PluralCase* other = &plural.plural.back();
  for (const PluralCase& c : plural.plural) {
    if (c.selector == category) return c;
    if (c.selector == "other") other = &c;
  }
  return *other;
}

std::vector<MessageSegment> OtherForms(const std::vector<MessageSegment>& segments) {
  std::vector<MessageSegment> out;
  const auto add = [&](const MessageSegment& s) {
    if (s.arg < 0 && !out.empty() && out.back().arg < 0)
      out.back().literal += s.literal;
    else
      out.push_back(s);
  };
  for (const MessageSegment& s : segments) {
    if (!s.is_plural()) {
      add(s);
      continue;
    }
    for (const MessageSegment& inner : PluralChoice(s, "", "other").segments) add(inner);
  }
  return out;
}

bool HasPlural(const std::vector<MessageSegment>& segments) {
  return std::any_of(segments.begin(), segments.end(),
                     [](const MessageSegment& s) { return s.is_plural(); });
}

std::vector<int> PlaceholdersOf(const std::vector<MessageSegment>& segments) {
  std::set<int> used;
  for (const MessageSegment& s : segments) {
    if (s.arg >= 0) used.insert(s.arg);
    for (const PluralCase& c : s.plural)
      for (const MessageSegment& inner : c.segments)
        if (inner.arg >= 0) used.insert(inner.arg);
  }
  return {used.begin(), used.end()};
}

const Error* Catalog::Find(std::string_view code) const {
  for (const Error& e : errors)
    if (e.code == code) return &e;
  return nullptr;
}

const FieldDef* Catalog::Field(std::string_view id) const {
  for (const FieldDef& f : fields)
    if (f.id == id) return &f;
  return nullptr;
}

const Translation* Catalog::FindTranslation(std::string_view locale) const {
  for (const Translation& t : translations)
    if (t.locale == locale) return &t;
  return nullptr;
}

const Translation* Catalog::TranslationFor(std::string_view locale) const {
  for (std::string_view tag = locale;;) {
    if (tag == this->locale) return nullptr;
    if (const Translation* t = FindTranslation(tag)) return t;
    const size_t cut = tag.rfind('-');
    if (cut == std::string_view::npos) return nullptr;
    tag = tag.substr(0, cut);
  }
}

LocalizedError Localize(const Catalog& catalog, const Error& error, std::string_view locale) {
  LocalizedError out{error, {}};
  out.untranslated = LocalizeInPlace(catalog, out.error, locale);
  return out;
}

std::vector<std::string> LocalizeInPlace(const Catalog& catalog, Error& error,
                                         std::string_view locale) {
  std::vector<std::string> untranslated;
  const Translation* t = catalog.TranslationFor(locale);
  // A reader of the catalog's own language (en-GB of an en catalog) misses nothing, unless a
  // translation into that variant exists.
  const std::string_view own = catalog.locale;
  const bool own_language = locale.substr(0, own.size()) == own &&
                            (locale.size() == own.size() || locale[own.size()] == '-');
  if (t == nullptr && own_language) return untranslated;
  const TranslatedError* te = t ? t->Find(error.code) : nullptr;
  // Each text the translation has replaces the catalog's; one it lacks is named.
  const auto take = [&](const char* key, auto& field, const auto* value) {
    if (value && !value->empty())
      field = *value;
    else if (!field.empty())
      untranslated.push_back(key);
  };
  take("summary", error.summary, te ? &te->summary : nullptr);
  take("message", error.message, te ? &te->message : nullptr);
  if (te && !te->message.empty()) error.segments = te->segments;
  take("description", error.description, te ? &te->description : nullptr);
  take("causes", error.causes, te ? &te->causes : nullptr);
  take("resolution", error.resolution, te ? &te->resolution : nullptr);
  return untranslated;
}

SourcePos TranslatedError::PosOf(std::string_view key) const {
  const SourcePos* found = FindKey(key_pos, key);
  return found ? *found : pos;
}

const TranslatedError* Translation::Find(std::string_view code) const {
  const auto it =
      std::lower_bound(errors.begin(), errors.end(), code,
                       [](const TranslatedError& e, std::string_view c) { return e.code < c; });
  return it != errors.end() && it->code == code ? &*it : nullptr;
}

CatalogSet::CatalogSet(std::vector<Catalog> catalogs) : catalogs_(std::move(catalogs)) {
  std::stable_sort(catalogs_.begin(), catalogs_.end(),
                   [](const Catalog& a, const Catalog& b) { return a.id < b.id; });
  for (size_t c = 0; c < catalogs_.size(); ++c)
    for (size_t e = 0; e < catalogs_[c].errors.size(); ++e)
      by_code_.emplace(catalogs_[c].errors[e].code, std::pair{c, e});
}

const Catalog* CatalogSet::FindCatalog(std::string_view id) const {
  for (const Catalog& c : catalogs_)
    if (c.id == id) return &c;
  return nullptr;
}

std::optional<CatalogSet::Hit> CatalogSet::FindCode(std::string_view code) const {
  auto it = by_code_.find(code);
  if (it == by_code_.end()) return std::nullopt;
  const Catalog& catalog = catalogs_[it->second.first];
  return Hit{&catalog, &catalog.errors[it->second.second]};
}

std::vector<std::string_view> CatalogSet::AllCodes() const {
  std::vector<std::string_view> codes;
  for (const Catalog& c : catalogs_)
    for (const Error& e : c.errors) codes.push_back(e.code);
  return codes;
}

size_t CatalogSet::error_count() const {
  size_t n = 0;
  for (const Catalog& c : catalogs_) n += c.errors.size();
  return n;
}

std::vector<std::string> TranslationLocales(const CatalogSet& set) {
  std::set<std::string> locales;
  for (const Catalog& c : set.catalogs())
    for (const Translation& t : c.translations) locales.insert(t.locale);
  return {locales.begin(), locales.end()};
}

LocalizedSet LocalizeSet(const CatalogSet& set, std::string_view locale) {
  std::vector<Catalog> catalogs;
  std::vector<std::vector<std::vector<std::string>>> untranslated;
  for (const Catalog& c : set.catalogs()) {
    Catalog localized = c;  // one copy; each error localized in place
    localized.translations.clear();
    if (c.TranslationFor(locale)) localized.locale = std::string(locale);
    untranslated.emplace_back();
    for (Error& e : localized.errors) untranslated.back().push_back(LocalizeInPlace(c, e, locale));
    catalogs.push_back(std::move(localized));
  }
  // Already sorted by id: CatalogSet keeps the order, so `untranslated` stays parallel.
  return {CatalogSet(std::move(catalogs)), std::move(untranslated)};
}

}  // namespace errcat::model
