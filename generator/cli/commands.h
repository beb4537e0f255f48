#pragma once

#include <string>

namespace errcat::cli {

// Exit codes: 0 success, 1 the catalog (or the diff) has errors, 2 usage or I/O error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// The allocator the binary runs on.
struct Allocator {
  std::string name;  // --version prints it
  // Called before a long-lived command (errcat serve) starts: keep freed memory for reuse.
  void (*keep_freed_memory)() = nullptr;
};

int Run(int argc, char** argv, const Allocator& allocator);

}  // namespace errcat::cli
