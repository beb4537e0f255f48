#include "serve/live_site.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <utility>

#include "backends/backend.h"
#include "backends/base/output.h"
#include "history/history.h"
#include "util/parallel.h"

namespace errcat::serve {
namespace fs = std::filesystem;
using backends::docs::SiteMemo;

namespace {

// Whether a file read as `contents` holds the text `source` was parsed from (yaml::Parse drops a
// byte order mark).
bool SameText(std::string_view source, std::string_view contents) {
  if (contents.starts_with("\xEF\xBB\xBF")) contents.remove_prefix(3);
  return source == contents;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string DiagnosticsText(const diag::DiagnosticSink& sink) {
  std::string text;
  for (const diag::Diagnostic& d : sink.Sorted()) text += diag::FormatText(d, /*color=*/false);
  if (sink.error_count() + sink.warning_count() > 0) {
    text +=
        std::to_string(sink.error_count()) + (sink.error_count() == 1 ? " error, " : " errors, ");
    text += std::to_string(sink.warning_count()) +
            (sink.warning_count() == 1 ? " warning\n" : " warnings\n");
  }
  return text;
}

LiveSite::FileStamp LiveSite::Stamp(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
          static_cast<std::uint64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
          static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
}

LiveSite::LiveSite(SiteOptions options)
    : options_(std::move(options)), templates_(options_.templates_dir) {}

std::optional<model::CatalogSet> LiveSite::Load(diag::DiagnosticSink& sink) {
  std::vector<loader::ListedSource> sources =
      loader::ListSources(options_.paths, options_.loader, sink);
  if (sources.empty() && !sink.HasErrors()) sink.Error({}, "no catalog files given", diag::kIoRule);
  if (sink.HasErrors()) return std::nullopt;

  // Only the files whose bytes changed are loaded again (in parallel), each from its last
  // document; a file whose stamp is as it was is not even read. A file that did not change keeps
  // its load and its diagnostics.
  struct Reload {
    size_t source;
    CachedFile* file;  // a std::map's nodes stay put while the threads fill them
  };
  std::vector<Reload> reload;
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  const std::int64_t racy_after = (now.tv_sec - 1) * std::int64_t{1'000'000'000} + now.tv_nsec;
  for (size_t i = 0; i < sources.size(); ++i) {
    const FileStamp stamp = Stamp(sources[i].file);
    const bool racy = stamp == FileStamp() || stamp.ctime_ns >= racy_after;
    CachedFile& file = cache_[sources[i].source.path];
    if (!file.racy && file.stamp == stamp) continue;
    if (!loader::ReadSource(sources[i], options_.loader, sink)) continue;
    file.stamp = stamp;
    file.racy = racy;
    // Touched, not changed: the bytes its last load parsed (a load that did not parse keeps the
    // last good document, whose bytes are then not the file's last).
    const bool parsed = file.loaded.catalog || file.loaded.translation;
    if (parsed && SameText(file.doc->source, sources[i].source.contents)) continue;
    file.load = ++loads_;
    reload.push_back({i, &file});
  }
  if (sink.HasErrors()) return std::nullopt;
  util::ParallelFor(reload.size(), [&](size_t k, unsigned) {
    CachedFile& file = *reload[k].file;
    file.sink = diag::DiagnosticSink();
    loader::SourceFile& source = sources[reload[k].source].source;  // its path is read after
    file.loaded = loader::ReloadFile({source.path, source.display_path, std::move(source.contents)},
                                     options_.loader, file.doc, file.sink);
  });

  std::map<std::string, CachedFile> next;
  std::vector<loader::LoadedFile> files;
  std::set<std::string> folders;
  for (const loader::ListedSource& listed : sources) {
    const loader::SourceFile& source = listed.source;
    auto it = cache_.find(source.path);
    next.insert(cache_.extract(it));
    const CachedFile& file = next.at(source.path);
    sink.Merge(file.sink);
    files.push_back(file.loaded);
    folders.insert(fs::absolute(fs::path(source.path)).parent_path().lexically_normal().string());
  }
  cache_ = std::move(next);  // files that went are forgotten
  // Each catalog's stamp: the loads of its file and of its translations' (the back end then
  // makes the records of the catalogs a save changed, and no others).
  memo_.catalog_stamps.clear();
  for (const loader::ListedSource& listed : sources) {
    const CachedFile& file = cache_.at(listed.source.path);
    if (file.loaded.catalog)
      memo_.catalog_stamps[file.loaded.catalog->id] += "c" + std::to_string(file.load) + " ";
    else if (file.loaded.translation)
      memo_.catalog_stamps[file.loaded.translation->catalog] +=
          "t" + std::to_string(file.load) + " ";
  }
  for (const std::string& path : options_.paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) continue;
    folders.insert(fs::absolute(path).lexically_normal().string());
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec))
      if (it->is_directory(ec))
        folders.insert(fs::absolute(it->path()).lexically_normal().string());
  }
  folders_.assign(folders.begin(), folders.end());
  std::optional<model::CatalogSet> set = loader::AssembleSet(std::move(files), sink);
  if (sink.HasErrors()) return std::nullopt;
  return set;
}

LiveSite::Update LiveSite::RebuildPages() {
  const auto start = std::chrono::steady_clock::now();
  // The last set goes before the next is made (one copy of the catalogs fewer at the peak): only
  // RebuildData reads it, and only after a RebuildPages that made a new one.
  set_.reset();
  history_.reset();
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set = Load(sink);
  std::optional<model::History> history;
  if (set)
    history = history::Load(*set, {options_.paths, options_.lock, {}, options_.loader}, sink);
  const double load_seconds = SecondsSince(start);
  Update update;
  if (set && history) {
    update = Render(*set, &*history, SiteMemo::Part::kPages, sink);
    if (update.ok) {
      set_ = std::make_unique<model::CatalogSet>(std::move(*set));
      history_ = std::move(*history);
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string text = update.ok ? "" : DiagnosticsText(sink);
    if (text != diagnostics_) {
      diagnostics_ = text;
      update.changed.push_back("");  // the overlay's state: "" names no page
    }
  }
  update.seconds = SecondsSince(start);
  update.load_seconds = load_seconds;
  return update;
}

LiveSite::Update LiveSite::RebuildData(std::function<bool()> stop) {
  const auto start = std::chrono::steady_clock::now();
  Update update;
  if (!set_) return update;  // the last RebuildPages failed: the data files stay as they were
  diag::DiagnosticSink sink;
  memo_.stop_data = std::move(stop);
  update = Render(*set_, &*history_, SiteMemo::Part::kData, sink);
  memo_.stop_data = nullptr;
  update.seconds = SecondsSince(start);
  return update;
}

LiveSite::Update LiveSite::Render(const model::CatalogSet& set, const model::History* history,
                                  SiteMemo::Part part, diag::DiagnosticSink& sink) {
  Update update;
  memo_.part = part;
  backends::OutputContext out;  // in memory
  const std::unique_ptr<backends::Backend> html = backends::MakeHtmlBackend(history, &memo_);
  if (!html->Generate(set, templates_, out, sink)) {
    // The memo may be half updated: the next render redoes every page. (A render of the data
    // files, which may have been stopped, leaves it alone.)
    if (part == SiteMemo::Part::kPages) {
      memo_.keys.clear();
      memo_.records.clear();
    }
    return update;
  }
  const std::shared_ptr<const SiteFiles> old = files();
  auto next = std::make_shared<SiteFiles>();
  // What stays from the last site: in a render of the pages, the data files and the pages
  // whose key did not change; in a render of the data files, everything else.
  if (part == SiteMemo::Part::kPages) {
    for (const std::string& path : memo_.kept)
      if (auto it = old->find(path); it != old->end()) next->insert(*it);
    for (const auto& entry : *old)
      if (backends::docs::IsDataFile(entry.first)) next->insert(entry);
  } else {
    for (const auto& entry : *old)
      if (!backends::docs::IsDataFile(entry.first)) next->insert(entry);
  }
  for (const auto& [path, text] : out.files()) {
    auto it = old->find(path);
    if (it == old->end() || *it->second != text) update.changed.push_back(path);
    (*next)[path] = it != old->end() && *it->second == text
                        ? it->second
                        : std::make_shared<const std::string>(text);
  }
  for (const auto& entry : *old)
    if (!next->count(entry.first)) update.changed.push_back(entry.first);
  std::sort(update.changed.begin(), update.changed.end());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    files_ = std::move(next);
  }
  update.ok = true;
  return update;
}

std::shared_ptr<const SiteFiles> LiveSite::files() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_;
}

std::string LiveSite::diagnostics() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return diagnostics_;
}

std::vector<std::string> LiveSite::folders() const { return folders_; }

}  // namespace errcat::serve
