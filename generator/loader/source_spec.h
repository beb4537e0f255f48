// Where a catalog set comes from, as `errcat diff` names its sides: a file or folder, or
// "git:REF" (the same paths as the other side at REF; with no such side, the working directory
// at REF) or "git:REF:PATH". `errcat changelog` also takes a range, "git:FROM..TO[:PATH]".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "loader/loader.h"
#include "model/catalog.h"

namespace errcat::loader {

struct LoadedPair {
  std::optional<model::CatalogSet> base, head;
};

// Loads every spec once, at once; problems go to `sink`, in spec order. A "git:REF" spec without
// PATH reads the path of the first file-system spec, else `default_path`, else the working
// directory. A spec that did not load is empty.
std::vector<std::optional<model::CatalogSet>> LoadSeries(const std::vector<std::string>& specs,
                                                         const Options& options,
                                                         diag::DiagnosticSink& sink,
                                                         const std::string& default_path = "");

// The specs with each range "git:FROM..TO[:PATH]" replaced by its releases, oldest first:
// "git:FROM[:PATH]", "git:TAG[:PATH]" for every tag in between, "git:TO[:PATH]". Empty after
// reporting to `sink` when a range does not resolve.
std::vector<std::string> ExpandReleaseRanges(const std::vector<std::string>& specs,
                                             diag::DiagnosticSink& sink);

// How release notes name a release: the ref of "git:REF[:PATH]", else the spec as given.
std::string ReleaseLabel(const std::string& spec);

// LoadSeries of two: `errcat diff`'s sides.
LoadedPair LoadPair(const std::string& base, const std::string& head, const Options& options,
                    diag::DiagnosticSink& sink);

}  // namespace errcat::loader
