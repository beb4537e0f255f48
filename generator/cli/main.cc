// The errcat binary; see cli/commands.cc.
#include <cstdlib>
#include <string>

#include "cli/commands.h"

#ifdef ERRCAT_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

// Names the allocator malloc really resolves to, for --version: linking mimalloc is not enough
// if the dynamic linker binds malloc to another library first.
std::string AllocatorInUse() {
#ifdef ERRCAT_WITH_MIMALLOC
  void* probe = std::calloc(1, 64);  // calloc: GCC takes the const void* below for a read
  const bool mimalloc_serves_malloc = mi_is_in_heap_region(probe);
  std::free(probe);
  if (mimalloc_serves_malloc) {
    const int v = mi_version();  // 209 for 2.0.9
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
           std::to_string(v % 10);
  }
#endif
  return "system malloc";
}

}  // namespace

int main(int argc, char** argv) { return errcat::cli::Run(argc, argv, AllocatorInUse()); }
