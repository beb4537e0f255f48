// The errcat binary; see cli/commands.cc.
#include <cstdlib>
#include <string>

#include "cli/commands.h"

#ifdef ERRCAT_WITH_MIMALLOC
#include <mimalloc.h>
#else
#include <malloc.h>
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

// For a process that rebuilds the same large structures again and again (errcat serve): memory
// freed by one rebuild stays mapped for the next, instead of going back to the OS within
// milliseconds and being faulted in again page by page. On a virtual machine each fault is
// dear: a 10k-error rebuild went from ~300 to ~150 ms (bench/README.md, "errcat serve").
void KeepFreedMemory() {
#ifdef ERRCAT_WITH_MIMALLOC
  constexpr long kTenMinutes = 10 * 60 * 1000;  // ms; then an idle server gives it back
  mi_option_set(mi_option_decommit_delay, kTenMinutes);
  mi_option_set(mi_option_segment_decommit_delay, kTenMinutes);
#else
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: big strings from the heap, not mmap
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  return errcat::cli::Run(argc, argv, {AllocatorInUse(), KeepFreedMemory});
}
