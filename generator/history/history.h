// The history the docs show (model::History), from what a project keeps of its past: the lock
// beside the catalogs (every code ever issued, and when it entered each state) and past
// releases (`errcat docs --changelog git:v1.0..v1.3`), whose release notes become the site's
// changes page. Nothing here is needed to generate code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diff/changelog.h"
#include "loader/loader.h"
#include "lock/lock.h"
#include "model/catalog.h"
#include "model/history.h"

namespace errcat::history {

struct Options {
  std::vector<std::string> paths;     // the catalogs' paths: the lock is looked for beside them
  std::string lock_path;              // "" for errcat.lock beside the catalogs, if there is one
  std::vector<std::string> releases;  // past releases, oldest first (specs as `changelog` takes)
  loader::Options loader;
};

// Reads the lock and loads the releases, then Build. Nothing, after reporting to `sink`, when
// the lock does not read or a release does not load.
std::optional<model::History> Load(const model::CatalogSet& current, const Options& options,
                                   diag::DiagnosticSink& sink);

// What the releases (oldest first) and then the lock say of each code, the releases first: a
// code they show in the oldest release was issued no later than that, so the lock's stamp, which
// may be the day the lock was made, is not taken for it. A code in no release is "since" the
// lock's stamp; a code gone from `current` is retired. The release notes run from the oldest
// release to `current`, which is a release of its own ("unreleased") when it differs from the
// newest one.
model::History Build(const model::CatalogSet& current, const lock::Lock* lock,
                     const std::vector<diff::Release>& releases);

}  // namespace errcat::history
