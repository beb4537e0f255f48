// Where a catalog set comes from, as `errcat diff` names its sides: a file or folder, or
// "git:REF" (the same paths as the other side, at REF) or "git:REF:PATH".
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
// PATH reads the path of the first file-system spec. A spec that did not load is empty.
std::vector<std::optional<model::CatalogSet>> LoadSeries(const std::vector<std::string>& specs,
                                                         const Options& options,
                                                         diag::DiagnosticSink& sink);

// LoadSeries of two: `errcat diff`'s sides.
LoadedPair LoadPair(const std::string& base, const std::string& head, const Options& options,
                    diag::DiagnosticSink& sink);

}  // namespace errcat::loader
