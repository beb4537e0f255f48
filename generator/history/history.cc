#include "history/history.h"

#include <map>

#include "diag/rules.h"
#include "diff/diff.h"
#include "loader/source_spec.h"

namespace errcat::history {
namespace {

// A code as the releases show it. `in_oldest`: it is in the oldest release, so the releases do
// not know when it was issued, only that it was by then; `deprecated_seen`: a release showed it
// deprecated (in the oldest one too, the same holds of its deprecation).
struct Seen {
  model::CodeHistory h;
  bool in_oldest = false, deprecated_seen = false;
};

void Walk(std::map<std::string, Seen>& seen, const model::CatalogSet& set, const std::string& label,
          bool oldest) {
  for (const model::Catalog& c : set.catalogs()) {
    for (const model::Error& e : c.errors) {
      auto [it, added] = seen.try_emplace(e.code);
      Seen& s = it->second;
      if (added) {
        s.in_oldest = oldest;
        s.h.since = oldest ? "" : label;
      } else if (s.h.retired) {  // issued again (the lock check reports it): a new life
        s.h.retired = false;
        s.h.retired_in.clear();
      }
      s.h.catalog = c.id;
      s.h.code = e.code;
      s.h.name = e.name;
      s.h.summary = e.summary;
      s.h.value = e.value;
      s.h.params = model::Signature(e);
      if (!e.replaced_by.empty()) s.h.replaced_by = e.replaced_by;
      if (e.is_deprecated() && !s.deprecated_seen) {
        s.deprecated_seen = true;
        s.h.deprecated_in = oldest ? "" : label;
      }
    }
  }
  for (auto& [code, s] : seen) {
    if (s.h.retired || set.FindCode(code)) continue;
    s.h.retired = true;
    s.h.retired_in = label;
  }
}

}  // namespace

model::History Build(const model::CatalogSet& current, const lock::Lock* lock,
                     const std::vector<diff::Release>& releases) {
  std::map<std::string, Seen> seen;
  for (size_t i = 0; i < releases.size(); ++i)
    Walk(seen, *releases[i].set, releases[i].label, i == 0);
  std::vector<diff::Release> notes = releases;
  const bool unreleased =
      !releases.empty() && !diff::Diff(*releases.back().set, current, {}).changes.empty();
  if (unreleased) notes.push_back({&current, "unreleased"});
  if (!releases.empty()) Walk(seen, current, unreleased ? "" : releases.back().label, false);

  if (lock) {
    for (const lock::Entry& entry : lock->entries) {
      auto [it, added] = seen.try_emplace(entry.code);
      model::CodeHistory& h = it->second.h;
      if (added) {
        h.catalog = entry.catalog;
        h.code = entry.code;
        h.name = entry.name;
        h.value = entry.value;
        h.params = entry.params;
        h.retired = !current.FindCode(entry.code);
      }
      if (h.since.empty() && !it->second.in_oldest) h.since = entry.active;
      if (h.deprecated_in.empty() && !(it->second.deprecated_seen && it->second.in_oldest))
        h.deprecated_in = entry.deprecated;
      if (h.retired && h.retired_in.empty()) h.retired_in = entry.retired;
      if (h.replaced_by.empty()) h.replaced_by = entry.replaced_by;
    }
  }

  model::History history;
  for (auto& [code, s] : seen) history.codes.push_back(std::move(s.h));  // std::map: by code
  if (notes.size() >= 2)
    history.release_notes_html = diff::Changelog(notes, diff::ChangelogFormat::kHtmlFragment);
  return history;
}

std::optional<model::History> Load(const model::CatalogSet& current, const Options& options,
                                   diag::DiagnosticSink& sink) {
  const lock::FoundLock found = lock::FindLock(options.paths, options.lock_path, sink);
  if (found.exists && !found.lock) return std::nullopt;
  std::vector<std::string> specs = loader::ExpandReleaseRanges(options.releases, sink);
  if (sink.HasErrors()) return std::nullopt;
  // A "git:REF" release reads the catalogs' own path at REF.
  std::vector<std::optional<model::CatalogSet>> sets = loader::LoadSeries(
      specs, options.loader, sink, options.paths.empty() ? "" : options.paths.front());
  std::vector<diff::Release> releases;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!sets[i]) {
      sink.Error({specs[i], 0, 0}, "this release did not load, so the site cannot show its history",
                 diag::kIoRule);
      return std::nullopt;
    }
    releases.push_back({&*sets[i], loader::ReleaseLabel(specs[i])});
  }
  return Build(current, found.lock ? &*found.lock : nullptr, releases);
}

}  // namespace errcat::history
