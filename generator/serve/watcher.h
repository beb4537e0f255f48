// Folders watched with inotify for saved catalog files (*.yaml, *.yml) and lock files: what
// `errcat serve` waits on between rebuilds.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace errcat::serve {

class FolderWatcher {
 public:
  FolderWatcher();
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  bool ok() const { return inotify_ >= 0 && wake_ >= 0; }
  // Watches exactly these folders from now on.
  void Watch(const std::vector<std::string>& folders);
  // Blocks until a catalog file under a watched folder was written, created, moved or deleted
  // (or a folder was created), then `settle` longer, so that one save (an editor's temporary
  // file, rename and chmod) is one change. False once Stop() was called.
  bool Wait(std::chrono::milliseconds settle);
  // Whether nothing changed for `quiet` (false when something did, or Stop() was called; the
  // next Wait() then returns at once).
  bool Quiet(std::chrono::milliseconds quiet);
  // Whether a change came since the last Wait() returned, without waiting (the next Wait() then
  // returns at once); true after Stop() too. On the thread that calls Wait().
  bool Changed();
  // From any thread, or a signal handler's thread: ends Wait().
  void Stop();

 private:
  // Reads what is pending; true when it holds a change that matters.
  bool Drain();

  int inotify_ = -1;
  int wake_ = -1;                       // an eventfd Stop() writes
  bool pending_ = false;                // a change Quiet() saw, for the next Wait()
  std::map<std::string, int> watches_;  // folder -> watch descriptor
};

}  // namespace errcat::serve
