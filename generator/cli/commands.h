#pragma once

#include <string>

namespace errcat::cli {

// Exit codes: 0 success, 1 the catalog (or the diff) has errors, 2 usage or I/O error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// `allocator` names the allocator the binary runs on; --version prints it.
int Run(int argc, char** argv, const std::string& allocator);

}  // namespace errcat::cli
