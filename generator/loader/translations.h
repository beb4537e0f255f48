// Translation files: a catalog's texts in another language (token.de.yaml beside token.yaml;
// docs/catalog-format.md, "Translations"). Read beside the catalog reader, one file at a time,
// then checked against the catalogs they name and attached to them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "loader/loader.h"
#include "loader/readers.h"
#include "model/catalog.h"
#include "yaml/raw_tree.h"

namespace errcat::loader {

// The keys at the top of a translation file, and those of each translated error
// (docs/translation.schema.json must agree; a test checks it).
const std::vector<std::string_view>& TranslationKeys();
const std::vector<std::string_view>& TranslatedErrorKeys();

// Reports a locale that is not a BCP 47 tag, or whose language ICU does not know [locale].
bool CheckLocale(const readers::Context& ctx, const yaml::Node* node, const std::string& tag);

// Whether a file's top mapping is a translation's (it has `translation:`).
bool IsTranslationFile(const yaml::Node* root);

// One translation file on its own: its keys, its locale, each message's syntax.
std::optional<model::Translation> ReadTranslation(const readers::Context& ctx,
                                                  const yaml::Node* root, const SourceFile& source);

// The rules between translations and their catalogs: the catalog exists (when every file
// loaded), one translation per catalog and locale, not in the catalog's own locale, known codes,
// the source's placeholders in each message, and a warning per translation that leaves
// messages untranslated. Each translation goes to its catalog, sorted by locale.
void AttachTranslations(std::vector<model::Catalog>& catalogs,
                        std::vector<model::Translation> translations, bool complete,
                        diag::DiagnosticSink& sink);

// Per locale, over the catalogs translated to it: messages translated, and messages.
struct LocaleCoverage {
  std::string locale;
  size_t translated = 0, total = 0;
};
std::vector<LocaleCoverage> MessageCoverage(const model::CatalogSet& set);

}  // namespace errcat::loader
