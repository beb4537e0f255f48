// The site `errcat serve` shows, kept in memory and brought up to date after each save: the
// catalog files are read again, only those whose bytes changed are loaded again, and only the
// pages whose inputs changed are rendered again (backends/docs/page_keys.h). The data files
// (the search data, errors.json, the sitemap), the slowest part and no page's, are rebuilt in
// a step of their own after the pages, so that a reload need not wait for them. A set with errors
// keeps the last good site and says why (diagnostics()).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "backends/base/templates.h"
#include "backends/docs/page_keys.h"
#include "diag/diagnostics.h"
#include "loader/loader.h"
#include "model/history.h"

namespace errcat::serve {

struct SiteOptions {
  std::vector<std::string> paths;  // catalog files or folders
  std::string lock;                // "" for errcat.lock beside the catalogs, if any
  std::string templates_dir;       // template overrides, read once
  loader::Options loader;
};

// Page path ("TOK001.html", "de/index.html") -> bytes. Shared: a snapshot stays valid while a
// response is sent from it.
using SiteFiles = std::map<std::string, std::shared_ptr<const std::string>>;

class LiveSite {
 public:
  explicit LiveSite(SiteOptions options);

  struct Update {
    bool ok = false;                   // false: the catalogs have errors; the site is as it was
    std::vector<std::string> changed;  // paths whose bytes changed, appeared or went, sorted
    double seconds = 0;
    double load_seconds = 0;  // of which reading and loading the catalogs (and the lock)
  };
  // Reads and loads the catalogs, and renders every file but the data files.
  Update RebuildPages();
  // Renders the data files of the set the last successful RebuildPages loaded. `stop` is asked
  // between steps: true gives up (not ok, the data files as they were), for a save that came.
  Update RebuildData(std::function<bool()> stop = nullptr);

  std::shared_ptr<const SiteFiles> files() const;
  // Empty when the last RebuildPages succeeded; else its diagnostics, as `errcat check` prints
  // them (file:line:col: error: message [rule]).
  std::string diagnostics() const;
  // Every folder the catalogs (and the lock) are read from, to watch.
  std::vector<std::string> folders() const;

 private:
  // What identifies a file's bytes without reading them: a save changes its ctime (which no
  // tool can set back) or its inode (an editor that writes a new file and renames it). The
  // kernel stamps times at the clock's tick (a few ms), so two saves inside one tick may look
  // alike: as git does with its "racily clean" index entries, a stamp taken within a second of
  // the change it records is not trusted, and the file is read again next time.
  struct FileStamp {
    std::uint64_t device = 0, inode = 0, size = 0;
    std::int64_t mtime_ns = 0, ctime_ns = 0;
    bool operator==(const FileStamp&) const = default;
  };
  static FileStamp Stamp(const std::filesystem::path& path);  // all zero when stat(2) fails
  struct CachedFile {
    FileStamp stamp;
    bool racy = true;        // the stamp was read too soon after the change to vouch for the bytes
    std::uint64_t load = 0;  // which load of the site's files last loaded it
    // The last document it parsed into (loader::ReloadFile); its source is the file's bytes as
    // last loaded, unless the last load did not parse (then any read loads it again).
    std::unique_ptr<yaml::Document> doc;
    loader::LoadedFile loaded;
    diag::DiagnosticSink sink;  // its own diagnostics, reported again while it stays as it is
  };
  // Loads the set, reusing each unchanged file's load; nothing (and `sink` says why) on errors.
  std::optional<model::CatalogSet> Load(diag::DiagnosticSink& sink);
  // Renders one part of the site and swaps the result in.
  Update Render(const model::CatalogSet& set, const model::History* history,
                backends::docs::SiteMemo::Part part, diag::DiagnosticSink& sink);

  SiteOptions options_;
  backends::TemplateSet templates_;
  std::map<std::string, CachedFile> cache_;  // by path as read
  std::uint64_t loads_ = 0;                  // files loaded so far
  backends::docs::SiteMemo memo_;
  std::unique_ptr<model::CatalogSet> set_;  // the last good set and history, for RebuildData
  std::optional<model::History> history_;
  std::vector<std::string> folders_;

  mutable std::mutex mutex_;  // guards files_ and diagnostics_, which the server reads
  std::shared_ptr<const SiteFiles> files_ = std::make_shared<SiteFiles>();
  std::string diagnostics_;
};

// The text `errcat check` prints for `sink`: each diagnostic, then the counts.
std::string DiagnosticsText(const diag::DiagnosticSink& sink);

}  // namespace errcat::serve
