// Translators' files: a catalog's texts for one locale as a gettext PO file, and back. Poedit,
// Weblate and msgfmt read the file; each text is one entry whose msgctxt names the code and
// the key ("TOK002 message", "TOK002 causes 2"), with the parameters as extracted comments and
// the flag `errcat-format` on messages with placeholders. Plurals stay ICU syntax inside the
// text (errcat checks them on import), not gettext's msgid_plural.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/catalog.h"

namespace errcat::po {

// The PO file of `catalog`'s texts in `locale`: each msgstr the translation's text, or empty.
std::string ExportPo(const model::Catalog& catalog, const std::string& locale);

// One entry of a PO file.
struct Entry {
  std::string context, id, str;
  std::vector<std::string> flags;
  int line = 0;      // of msgctxt (or msgid)
  int str_line = 0;  // of msgstr
};
struct PoFile {
  std::string path;
  std::string catalog;         // X-Errcat-Catalog
  std::string locale;          // Language
  std::vector<Entry> entries;  // the header left out
};
// Parses a PO file; every problem is a diagnostic at its line [po-syntax].
std::optional<PoFile> ParsePo(const std::string& text, const std::string& path,
                              diag::DiagnosticSink& sink);

// The translation file the PO file gives, over `existing` (the translation into that locale
// the set has, if any): every translated entry (a non-empty msgstr, not fuzzy) replaces its
// text, everything else of `existing` stays. Checked against the catalog as the loader checks
// a translation (placeholders, plurals of the locale), each problem at its line of the PO file.
// `header` is the comment that opens the file (the existing file's, kept).
std::optional<std::string> ImportPo(const PoFile& po, const model::Catalog& catalog,
                                    const model::Translation* existing, const std::string& header,
                                    diag::DiagnosticSink& sink);

// `errcat po export`: the PO file of one catalog of `set` (`catalog_id`, or the set's only one).
std::optional<std::string> ExportFor(const model::CatalogSet& set, const std::string& catalog_id,
                                     const std::string& locale, diag::DiagnosticSink& sink);
// `errcat po import`: reads `po_path` and writes its translation to `out_path`: by default the
// file of the set's translation into that locale, else <catalog>.<locale>.yaml beside the
// catalog. Returns the path written; nothing is written on any error.
std::optional<std::string> ImportFile(const model::CatalogSet& set, const std::string& po_path,
                                      std::string out_path, diag::DiagnosticSink& sink);

}  // namespace errcat::po
