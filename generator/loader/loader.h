// Loads a catalog set: paths -> files -> positioned raw trees -> validated model::CatalogSet.
// Every independent problem is reported to the sink; the result is empty if any was an error.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/rules.h"
#include "model/catalog.h"
#include "yaml/raw_tree.h"

namespace errcat::loader {

// A file to load: what to call it in diagnostics and its bytes.
struct SourceFile {
  std::string path;          // as reported in diagnostics
  std::string display_path;  // relative to the source root; written into generated files
  std::string contents;
};

struct Options {
  yaml::Limits limits;
  // Generated files name catalogs relative to this folder (default: the deepest folder that
  // holds every input file, so that output never depends on the working directory).
  std::string source_root;
  int threads =
      0;  // 1: load files on the calling thread only; otherwise util::ParallelFor (one per core)
};

// Expands folders (recursively, *.yaml and *.yml, sorted) and reads every file. Missing or
// unreadable paths are reported with rule diag::kIoRule.
std::vector<SourceFile> ReadSources(const std::vector<std::string>& paths, const Options& options,
                                    diag::DiagnosticSink& sink);
// ReadSources in two steps: the files, each with its contents still empty, then one file read
// (false, reported, when it cannot be). LoadPaths reads each file on the thread that parses it,
// so that a large set's bytes are never all held at once.
struct ListedSource {
  SourceFile source;
  std::filesystem::path file;
};
std::vector<ListedSource> ListSources(const std::vector<std::string>& paths, const Options& options,
                                      diag::DiagnosticSink& sink);
bool ReadSource(ListedSource& listed, const Options& options, diag::DiagnosticSink& sink);

// The *.yaml / *.yml files under `paths` as they are at git ref `ref` (run in the working
// directory, which must be inside the repository). Reported as "REF:path".
std::vector<SourceFile> ReadGitSources(const std::string& ref, const std::vector<std::string>& paths,
                                       diag::DiagnosticSink& sink);

// The releases from `from` to `to`, oldest first: `from`, every tagged commit after it on the way
// to `to` (one tag each, the highest version when a commit has several), and `to`. `from` must be
// an ancestor of `to`. Reported as "git:FROM..TO".
std::vector<std::string> GitReleasesBetween(const std::string& from, const std::string& to,
                                            diag::DiagnosticSink& sink);

// Validates one file on its own (everything but the cross-file rules): a catalog, or a
// translation of one (loader/translations.h), told apart by its top keys. A catalog is returned
// even when it had errors (check the sink); neither when the file is not one at all.
struct LoadedFile {
  std::optional<model::Catalog> catalog;
  std::optional<model::Translation> translation;
};
LoadedFile LoadFile(SourceFile source, const Options& options, diag::DiagnosticSink& sink);
// LoadFile for a caller that keeps each file's document between loads (errcat serve): `doc` is
// the last document the file parsed into (null at first), brought up to date by yaml::Reparse,
// which parses again only the items an edit touched, and left as it was when the file no
// longer parses.
LoadedFile ReloadFile(SourceFile source, const Options& options,
                      std::unique_ptr<yaml::Document>& doc, diag::DiagnosticSink& sink);

// Loads files in parallel, then applies the cross-file rules (unique catalog ids and codes,
// references, reserved codes).
std::optional<model::CatalogSet> LoadSources(std::vector<SourceFile> sources,
                                             const Options& options, diag::DiagnosticSink& sink);

// The second half of LoadSources: the cross-file rules over files each loaded by LoadFile (in
// the order ReadSources gives), for a caller that keeps the files it has loaded (errcat serve
// loads again only the files that changed). `sink` must already hold the files' diagnostics.
std::optional<model::CatalogSet> AssembleSet(std::vector<LoadedFile> files,
                                             diag::DiagnosticSink& sink);

std::optional<model::CatalogSet> LoadPaths(const std::vector<std::string>& paths,
                                           const Options& options, diag::DiagnosticSink& sink);

// The keys allowed at the top of a catalog and in each error (docs/catalog.schema.json must
// agree; a test checks it).
const std::vector<std::string_view>& CatalogKeys();
const std::vector<std::string_view>& ErrorKeys();


}  // namespace errcat::loader
