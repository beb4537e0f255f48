// The loader's entry points: files loaded in parallel, then the rules across files (unique ids
// and codes, page names, references, reserved codes).
#include <cctype>
#include <functional>
#include <unordered_map>

#include "diag/spellcheck.h"
#include "loader/loader.h"
#include "loader/translations.h"
#include "util/parallel.h"
#include "util/text.h"

namespace errcat::loader {
namespace {

using util::Quoted;

diag::Location At(const model::Catalog& c, model::SourcePos pos) {
  return {c.path, pos.line, pos.column};
}

void CheckSet(const std::vector<model::Catalog>& catalogs, bool complete,
              diag::DiagnosticSink& sink) {
  std::unordered_map<std::string_view, const model::Catalog*> ids;
  for (const model::Catalog& c : catalogs) {
    if (c.id.empty()) continue;
    auto [it, ok] = ids.try_emplace(c.id, &c);
    if (!ok) {
      sink.Error({c.path, 1, 1},
                 "catalog id " + Quoted(c.id) + " is already used by " + it->second->path,
                 "duplicate-catalog");
    }
  }

  struct Where {
    const model::Catalog* catalog;
    const model::Error* error;
  };
  std::unordered_map<std::string_view, Where> codes;
  std::vector<std::string_view> all_codes;
  for (const model::Catalog& c : catalogs) {
    for (const model::Error& e : c.errors) {
      auto [it, ok] = codes.try_emplace(e.code, Where{&c, &e});
      if (ok) {
        all_codes.push_back(e.code);
      } else if (it->second.catalog != &c) {  // same-catalog duplicates are reported per file
        sink.Error(At(c, e.PosOf("code")),
                   "duplicate code " + Quoted(e.code) + "; codes are unique across the catalog set",
                   "duplicate-code");
        sink.Note(At(*it->second.catalog, it->second.error->PosOf("code")), "first defined here");
      }
    }
  }

  // Codes become file names: each error's page is <code>.html at the root of the HTML site, so
  // a code must not take a name the site itself uses, and two codes must not differ only in case
  // (their pages would be one file on macOS and Windows).
  static constexpr std::pair<const char*, const char*> kSiteFiles[] = {{"index", "index.html"},
                                                                       {"404", "404.html"},
                                                                       {"changes", "changes.html"},
                                                                       {"sitemap", "sitemap.xml"},
                                                                       {"errors", "errors.json"}};
  std::unordered_map<std::string, Where> by_lower;
  for (const model::Catalog& c : catalogs) {
    for (const model::Error& e : c.errors) {
      std::string lower = e.code;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (const auto& [name, file] : kSiteFiles) {
        if (lower == name)
          sink.Error(
              At(c, e.PosOf("code")),
              "code " + Quoted(e.code) + " takes a name the HTML site uses for its own " + file,
              "code-unsafe");
      }
      auto [it, inserted] = by_lower.try_emplace(lower, Where{&c, &e});
      if (!inserted && it->second.error->code != e.code) {
        sink.Error(
            At(c, e.PosOf("code")),
            "codes " + Quoted(e.code) + " and " + Quoted(it->second.error->code) +
                " differ only in case; their pages would collide on case-insensitive file systems",
            "code-unsafe");
        sink.Note(At(*it->second.catalog, it->second.error->PosOf("code")), "the other one");
      }
    }
  }

  for (const model::Catalog& c : catalogs) {
    for (const std::string& reserved : c.reserved) {
      auto it = codes.find(reserved);
      if (it == codes.end()) continue;
      const Where& w = it->second;
      sink.Error(At(*w.catalog, w.error->PosOf("code")),
                 "code " + Quoted(reserved) + " is reserved by catalog " + Quoted(c.id) +
                     " and may not be reused",
                 "reserved-code");
    }
  }

  // A reference to a code in a file that failed to load would be a false alarm.
  if (!complete) return;
  for (const model::Catalog& c : catalogs) {
    for (const model::Error& e : c.errors) {
      auto check = [&](const std::string& target, std::string_view key) {
        if (codes.count(target)) return;
        sink.Error(At(c, e.PosOf(key)),
                   std::string(key) + " names unknown code " + Quoted(target) +
                       diag::DidYouMean(target, all_codes),
                   "unknown-reference");
      };
      if (!e.replaced_by.empty()) check(e.replaced_by, "replaced_by");
      for (const std::string& target : e.see_also) check(target, "see_also");
    }
  }
}

// Loads file i of n with `load` (on any thread, each file with a sink of its own, merged in
// file order), then applies the cross-file rules.
std::optional<model::CatalogSet> LoadEach(
    size_t n, const Options& options,
    const std::function<LoadedFile(size_t, diag::DiagnosticSink&)>& load,
    diag::DiagnosticSink& sink) {
  std::vector<diag::DiagnosticSink> sinks(n);
  std::vector<LoadedFile> results(n);
  if (options.threads == 1) {
    for (size_t i = 0; i < n; ++i) results[i] = load(i, sinks[i]);
  } else {
    util::ParallelFor(n, [&](size_t i, unsigned) { results[i] = load(i, sinks[i]); });
  }
  for (const diag::DiagnosticSink& s : sinks) sink.Merge(s);
  return AssembleSet(std::move(results), sink);
}

}  // namespace

std::optional<model::CatalogSet> LoadSources(std::vector<SourceFile> sources,
                                             const Options& options, diag::DiagnosticSink& sink) {
  return LoadEach(
      sources.size(), options,
      [&](size_t i, diag::DiagnosticSink& file_sink) {
        // The file's bytes go with it, and are freed as soon as it is read.
        return LoadFile(std::move(sources[i]), options, file_sink);
      },
      sink);
}

std::optional<model::CatalogSet> AssembleSet(std::vector<LoadedFile> files,
                                             diag::DiagnosticSink& sink) {
  std::vector<model::Catalog> catalogs;
  std::vector<model::Translation> translations;
  bool complete = true;
  for (LoadedFile& file : files) {
    if (file.catalog) {
      catalogs.push_back(std::move(*file.catalog));
    } else if (file.translation) {
      translations.push_back(std::move(*file.translation));
    } else {
      complete = false;
    }
  }
  CheckSet(catalogs, complete, sink);
  AttachTranslations(catalogs, std::move(translations), complete, sink);
  if (sink.HasErrors()) return std::nullopt;
  return model::CatalogSet(std::move(catalogs));
}

std::optional<model::CatalogSet> LoadPaths(const std::vector<std::string>& paths,
                                           const Options& options, diag::DiagnosticSink& sink) {
  std::vector<ListedSource> listed = ListSources(paths, options, sink);
  if (listed.empty() && !sink.HasErrors()) sink.Error({}, "no catalog files given", diag::kIoRule);
  std::optional<model::CatalogSet> set = LoadEach(
      listed.size(), options,
      [&](size_t i, diag::DiagnosticSink& file_sink) {
        // Read by the thread that parses it: a 100k set's 100 MB are never all held at once.
        if (!ReadSource(listed[i], options, file_sink)) return LoadedFile();
        return LoadFile(std::move(listed[i].source), options, file_sink);
      },
      sink);
  if (sink.HasErrors()) return std::nullopt;
  return set;
}

}  // namespace errcat::loader
