// Style warnings for a valid catalog set (errcat check). A catalog turns rules off in its
// header with `lint: {disable: [rule, ...]}`.
#pragma once

#include "diag/diagnostics.h"
#include "model/catalog.h"

namespace errcat::lint {

void LintSet(const model::CatalogSet& set, diag::DiagnosticSink& sink);

}  // namespace errcat::lint
