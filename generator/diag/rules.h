// Every rule errcat reports, in one table: its stable id, whether it is an error or a
// warning, and a one-line description (SARIF's rule metadata, the docs and tests use it).
#pragma once

#include <string_view>
#include <vector>

namespace errcat::diag {

enum class RuleKind { kError, kWarning, kBreaking, kNotable };

struct Rule {
  std::string_view id;
  RuleKind kind;
  std::string_view summary;
};

// The rule of I/O problems (a missing path, a file that cannot be read or written); the CLI
// maps it to exit code 2.
inline constexpr const char* kIoRule = "io";

const std::vector<Rule>& AllRules();
const Rule* FindRule(std::string_view id);

}  // namespace errcat::diag
