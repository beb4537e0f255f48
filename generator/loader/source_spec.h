// Where a catalog set comes from, as `errcat diff` names its sides: a file or folder, or
// "git:REF" (the same paths as the other side, at REF) or "git:REF:PATH".
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "loader/loader.h"
#include "model/catalog.h"

namespace errcat::loader {

struct LoadedPair {
  std::optional<model::CatalogSet> base, head;
};

// Loads both sides at once (each also loads its files in parallel); problems of either side
// go to `sink`. A side that did not load is empty.
LoadedPair LoadPair(const std::string& base, const std::string& head, const Options& options,
                    diag::DiagnosticSink& sink);

}  // namespace errcat::loader
