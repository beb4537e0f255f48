// Hands an object to the process: it is never destroyed. For the large structures a command
// builds just before it exits (a 100k-error catalog set takes half a second to free, and no
// one waits for that), as clang's -disable-free does. The objects stay reachable from a
// global, so leak checkers do not report them.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

namespace errcat::util {

template <typename T>
T* KeepUntilExit(T value) {
  static auto* const kept = new std::vector<std::shared_ptr<void>>();  // never destroyed
  static std::mutex mutex;
  auto owned = std::make_shared<T>(std::move(value));
  std::lock_guard lock(mutex);
  kept->push_back(owned);
  return owned.get();
}

}  // namespace errcat::util
