// Stage two of the front end: the validated, immutable catalog model. Back ends see only
// these types; nothing here knows YAML.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace errcat::model {

// Where something was written, for diagnostics and review annotations. 1-based; 0 = unknown.
struct SourcePos {
  int line = 0;
  int column = 0;
};

enum class ParamType : std::uint8_t { kInt, kUint, kDouble, kString, kBool };
enum class Severity : std::uint8_t { kFatal, kError, kWarning, kInfo };
enum class FieldType : std::uint8_t { kString, kMarkdown, kBool, kInt };

// Each enum's values as the catalog format spells them, in enumerator order: the one table the
// loader parses with and every back end prints from.
template <typename Enum>
struct EnumName {
  std::string_view name;
  Enum value;
};
const std::vector<EnumName<ParamType>>& ParamTypeNames();  // int, uint, double, string, bool
const std::vector<EnumName<Severity>>& SeverityNames();    // fatal, error, warning, info
const std::vector<EnumName<FieldType>>& FieldTypeNames();  // string, markdown, bool, int

// A value's name in its table, and the value a name stands for.
template <typename Enum>
std::string_view NameIn(const std::vector<EnumName<Enum>>& names, Enum value) {
  for (const EnumName<Enum>& n : names)
    if (n.value == value) return n.name;
  return names.front().name;  // unreachable for a valid enumerator
}
template <typename Enum>
std::optional<Enum> ValueIn(const std::vector<EnumName<Enum>>& names, std::string_view name) {
  for (const EnumName<Enum>& n : names)
    if (n.name == name) return n.value;
  return std::nullopt;
}

std::string_view Name(ParamType type);
std::string_view Name(Severity severity);
std::string_view Name(FieldType type);

struct Param {
  std::string name;  // snake_case
  ParamType type = ParamType::kString;
  std::string description;
};

// A message template split at its placeholders: "Token {0} expired" ->
// {"Token ", -1}, {"", 0}, {" expired", -1}. Literal braces are already unescaped.
// A plural, "{0, plural, one {# minute} other {# minutes}}", is one segment on its parameter
// with its cases; in a case, `#` is a placeholder on that parameter.
struct PluralCase;
struct MessageSegment {
  std::string literal;  // when arg < 0
  int arg = -1;         // placeholder index
  std::vector<PluralCase> plural;  // non-empty: a plural on `arg`
  SourcePos pos;                   // of a plural: its `{`, for diagnostics

  bool is_plural() const { return !plural.empty(); }
};
struct PluralCase {
  std::string selector;  // a CLDR category (zero one two few many other), or "=N", N decimal
  std::vector<MessageSegment> segments;  // no plurals inside
  SourcePos pos;                         // the selector, for diagnostics
};

// The case a number picks: the `=N` case of its value, else the case of its CLDR category,
// else `other`. `number` is the value as printed ("1", "2.5").
const PluralCase& PluralChoice(const MessageSegment& plural, std::string_view number,
                               std::string_view category);
// The message with each plural replaced by its `other` case: how the docs show a template.
std::vector<MessageSegment> OtherForms(const std::vector<MessageSegment>& segments);
bool HasPlural(const std::vector<MessageSegment>& segments);
// Every placeholder index the message shows, plurals and their cases included.
std::vector<int> PlaceholdersOf(const std::vector<MessageSegment>& segments);

// Where each key's value of a mapping was written, first of each key only, in file order: a
// dozen keys an error, searched by PosOf. A flat list holds half what a std::map does (100k
// errors held 77 MB of map nodes).
using KeyPositions = std::vector<std::pair<std::string, SourcePos>>;
const SourcePos* FindKey(const KeyPositions& keys, std::string_view key);

struct FieldDef {
  std::string id;  // snake_case key
  std::string title;
  FieldType type = FieldType::kString;
};

struct FieldValue {
  std::string id;  // a FieldDef id of the same catalog
  std::string text;  // as written; "true"/"false" for bool, decimal for int
};

struct Error {
  std::string code;
  std::int32_t value = 0;
  std::string name;
  std::string summary;
  std::string message;  // the template as written
  std::vector<MessageSegment> segments;
  std::vector<Param> params;
  std::string description;  // Markdown
  std::vector<std::string> causes;      // Markdown each
  std::vector<std::string> resolution;  // Markdown each, ordered
  int http_status = 0;                  // 0: unset
  Severity severity = Severity::kError;
  std::optional<bool> retriable;
  std::string deprecated;  // non-empty: deprecated, with this note
  std::string replaced_by;
  std::string since;
  std::vector<std::string> see_also;
  std::vector<std::string> tags;
  std::vector<FieldValue> fields;  // in the catalog's declaration order

  SourcePos pos;                             // the error's mapping
  KeyPositions key_pos;                      // each key's value as written

  bool is_deprecated() const { return !deprecated.empty(); }
  // Not an error: a success or status entry (severity info or warning), which may be valued 0.
  bool is_success_or_status() const {
    return severity == Severity::kInfo || severity == Severity::kWarning;
  }
  SourcePos PosOf(std::string_view key) const;
  const FieldValue* Field(std::string_view id) const;
};

// One error's texts in a translation. A text left out ("", or an empty list) is not translated:
// readers fall back to the catalog's own.
struct TranslatedError {
  std::string code;
  std::string summary;
  std::string message;  // the template as written
  std::vector<MessageSegment> segments;
  std::string description;
  std::vector<std::string> causes;
  std::vector<std::string> resolution;

  SourcePos pos;                             // the code's key in the translation file
  KeyPositions key_pos;                      // each text as written
  SourcePos PosOf(std::string_view key) const;
};

// A catalog's texts in another language: a translation file beside the catalog (token.de.yaml
// for token.yaml), checked against the catalog it names.
struct Translation {
  std::string catalog;                  // the catalog's id
  std::string locale;                   // a BCP 47 tag, as written
  std::vector<TranslatedError> errors;  // sorted by code
  std::string path;                     // as given on the command line (diagnostics)
  SourcePos catalog_pos, locale_pos;

  const TranslatedError* Find(std::string_view code) const;
};

// The error's parameter types in order ("int", "string", ...): what the lock records, and what
// a new code needs when it changes.
std::vector<std::string> Signature(const Error& e);

// Why `code` cannot be an error code ("" when it can): codes become file names
// (`TOK005.html`) and URL fragments, so they are kept boring. Catalogs and the lock check it.
std::string UnsafeCodeReason(std::string_view code);

struct Catalog {
  std::string id;
  std::string title;
  std::string description;  // Markdown
  std::string cpp_namespace;
  std::string cpp_enum;
  std::string code_pattern;
  std::string docs_base_url;
  std::string docs_edit_url;
  std::string problem_type_base;  // problem+json `type` = this + code; "" for docs_base_url
  std::string locale = "en";      // the language its texts are written in, BCP 47
  std::vector<FieldDef> fields;
  std::vector<std::string> reserved;
  std::vector<std::string> lint_disable;
  std::vector<Error> errors;  // in file order
  std::vector<Translation> translations;  // sorted by locale

  std::string path;          // as given on the command line (diagnostics)
  std::string display_path;  // relative to the source root, '/'-separated (generated headers)

  const Error* Find(std::string_view code) const;
  const FieldDef* Field(std::string_view id) const;
  const Translation* FindTranslation(std::string_view locale) const;
  // The translation a reader of `locale` gets: its own, or its parent's (de-AT -> de); none
  // when the catalog is in that language or has no translation for it.
  const Translation* TranslationFor(std::string_view locale) const;
};

// An error as a reader of `locale` sees it: each text the translation has replaces the
// catalog's; `untranslated` names the texts that fall back ("summary", "message", ...), none
// when the catalog itself is in that language.
struct LocalizedError {
  Error error;
  std::vector<std::string> untranslated;
};
LocalizedError Localize(const Catalog& catalog, const Error& error, std::string_view locale);
// The same on `error`, one of `catalog`'s errors or a copy of it: returns `untranslated`.
std::vector<std::string> LocalizeInPlace(const Catalog& catalog, Error& error,
                                         std::string_view locale);

class CatalogSet;
// The locales of a set's translations, sorted, each once: the languages of a localized site.
std::vector<std::string> TranslationLocales(const CatalogSet& set);
// A set as a reader of `locale` sees it: every error Localize()d, without the translations;
// `untranslated[c][e]` names the texts of error e of catalog c that fall back.
struct LocalizedSet;
LocalizedSet LocalizeSet(const CatalogSet& set, std::string_view locale);

// Every catalog loaded in one run, sorted by id so output never depends on argument order.
class CatalogSet {
 public:
  CatalogSet() = default;
  explicit CatalogSet(std::vector<Catalog> catalogs);
  // The code index points into catalogs_: moving keeps the heap buffers, copying would not.
  CatalogSet(const CatalogSet&) = delete;
  CatalogSet& operator=(const CatalogSet&) = delete;
  CatalogSet(CatalogSet&&) = default;
  CatalogSet& operator=(CatalogSet&&) = default;

  const std::vector<Catalog>& catalogs() const { return catalogs_; }
  const Catalog* FindCatalog(std::string_view id) const;

  struct Hit {
    const Catalog* catalog = nullptr;
    const Error* error = nullptr;
  };
  std::optional<Hit> FindCode(std::string_view code) const;
  std::vector<std::string_view> AllCodes() const;
  size_t error_count() const;

 private:
  std::vector<Catalog> catalogs_;
  std::unordered_map<std::string_view, std::pair<size_t, size_t>> by_code_;
};

struct LocalizedSet {
  CatalogSet set;
  std::vector<std::vector<std::vector<std::string>>> untranslated;
};

}  // namespace errcat::model
