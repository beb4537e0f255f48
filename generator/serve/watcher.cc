#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstdint>
#include <set>
#include <string_view>
#include <utility>

namespace errcat::serve {
namespace {

constexpr uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;

bool Matters(const inotify_event& event) {
  if (event.mask & (IN_ISDIR | IN_DELETE_SELF | IN_Q_OVERFLOW)) return true;
  if (event.len == 0) return false;
  const std::string_view name(event.name);
  auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() && name.substr(name.size() - tail.size()) == tail;
  };
  // A file created empty is written next: its IN_CLOSE_WRITE is the change.
  if ((event.mask & IN_CREATE) && !(event.mask & IN_ISDIR)) return false;
  return ends(".yaml") || ends(".yml") || ends(".lock");
}

}  // namespace

FolderWatcher::FolderWatcher()
    : inotify_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), wake_(eventfd(0, EFD_CLOEXEC)) {}

FolderWatcher::~FolderWatcher() {
  if (inotify_ >= 0) close(inotify_);
  if (wake_ >= 0) close(wake_);
}

void FolderWatcher::Watch(const std::vector<std::string>& folders) {
  const std::set<std::string> wanted(folders.begin(), folders.end());
  for (auto it = watches_.begin(); it != watches_.end();) {
    if (wanted.count(it->first)) {
      ++it;
    } else {
      inotify_rm_watch(inotify_, it->second);
      it = watches_.erase(it);
    }
  }
  for (const std::string& folder : wanted) {
    if (watches_.count(folder)) continue;
    const int wd = inotify_add_watch(inotify_, folder.c_str(), kEvents | IN_ONLYDIR);
    if (wd >= 0) watches_[folder] = wd;
  }
}

bool FolderWatcher::Drain() {
  alignas(inotify_event) char buffer[16384];
  bool matters = false;
  for (;;) {
    const ssize_t n = read(inotify_, buffer, sizeof buffer);
    if (n <= 0) return matters;
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      matters |= Matters(*event);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
}

bool FolderWatcher::Quiet(std::chrono::milliseconds quiet) {
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
  const auto end = std::chrono::steady_clock::now() + quiet;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0) return true;
    const int ready = poll(fds, 2, static_cast<int>(left.count()));
    if (fds[1].revents & POLLIN) return false;
    if (ready == 0) return true;
    if (ready > 0 && (fds[0].revents & POLLIN) && Drain()) {
      pending_ = true;
      return false;
    }
  }
}

bool FolderWatcher::Changed() {
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
  if (poll(fds, 2, 0) > 0) {
    if (fds[1].revents & POLLIN) return true;
    if ((fds[0].revents & POLLIN) && Drain()) pending_ = true;
  }
  return pending_;
}

bool FolderWatcher::Wait(std::chrono::milliseconds settle) {
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
  bool changed = std::exchange(pending_, false);
  for (;;) {
    // Before the first change, wait for ever; after it, only `settle` for more of the save.
    const int timeout = changed ? static_cast<int>(settle.count()) : -1;
    const int ready = poll(fds, 2, timeout);
    if (fds[1].revents & POLLIN) return false;
    if (ready == 0) return true;  // settled
    if (ready < 0) continue;      // EINTR
    if ((fds[0].revents & POLLIN) && Drain()) changed = true;
  }
}

void FolderWatcher::Stop() {
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = write(wake_, &one, sizeof one);
}

}  // namespace errcat::serve
