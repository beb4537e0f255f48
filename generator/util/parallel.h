// Runs fn(0) ... fn(n - 1) on up to one thread per core (the calling thread is one of them),
// handing out indexes in order: put the largest items first. fn must be thread-safe.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace errcat::util {

inline unsigned WorkerCount() { return std::clamp(std::thread::hardware_concurrency(), 1u, 8u); }

// fn(item, worker) with worker in [0, WorkerCount()): for per-worker state (a diagnostics sink).
template <typename Fn>
void ParallelFor(size_t n, Fn&& fn) {
  const unsigned workers = static_cast<unsigned>(std::min<size_t>(WorkerCount(), n));
  std::atomic<size_t> next{0};
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) fn(i, worker);
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
  if (workers > 0) work(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace errcat::util
