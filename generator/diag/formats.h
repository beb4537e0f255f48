// Diagnostics for machines: JSON, GitHub workflow commands and SARIF 2.1.0 (code scanning).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace errcat::diag {

std::string FormatJson(const std::vector<Diagnostic>& diagnostics);

// `::error file=F,line=L,col=C,title=RULE::message`, one per line.
std::string FormatGithub(const std::vector<Diagnostic>& diagnostics);

std::string FormatSarif(const std::vector<Diagnostic>& diagnostics, std::string_view tool_version);

}  // namespace errcat::diag
