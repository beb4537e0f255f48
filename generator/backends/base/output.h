// The one way back ends write files (as protobuf's GeneratorContext). Nothing a back end writes
// reaches its target path until every back end has succeeded, yet nothing is held in memory
// either: each file is staged on disk as soon as it is rendered and moved into place by
// Commit(), or thrown away by Discard() (or the destructor) when any back end failed.
// Staging runs on a thread of its own, so that rendering threads hand a file over and go on
// instead of waiting on the file system (bench/README.md has the measurements).
//  - Output folder missing: files are staged in a hidden sibling folder that Commit() renames
//    to the output folder in one step (the common first-build case: one rename, not one per file).
//  - Output folder present: a file whose bytes did not change is left alone (builds do not
//    recompile); any other is written to a temporary file beside its target and renamed over it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "diag/diagnostics.h"

namespace errcat::backends {

class OutputContext {
 public:
  enum class Mode {
    kBuffer,  // keep every file in memory (files()): tests, fuzzing
    kWrite,   // stage files under the folder as they come; Commit() moves them into place
    kCheck,   // compare each file with the folder as it comes (Stale()); write nothing
  };

  OutputContext() = default;  // kBuffer
  OutputContext(Mode mode, std::filesystem::path dir);
  ~OutputContext();  // discards whatever was staged and not committed
  OutputContext(const OutputContext&) = delete;
  OutputContext& operator=(const OutputContext&) = delete;

  // `path` is relative to the output folder, '/'-separated, with no '..' and no leading '/'.
  // Returns false (and reports) for a path that would escape the output folder, a path written
  // twice, or a file that cannot be staged. Safe to call from several threads.
  bool Write(const std::string& path, std::string contents, diag::DiagnosticSink& sink);

  // A file written a piece at a time, for a file too large to hold at all (errors.json is
  // 150 MB at 100k errors). In kWrite mode each piece goes straight to the file being staged,
  // on the caller's thread; in the other modes the bytes are kept and handed to Write() by
  // Close(). Until Close() succeeds the file is not written: a Stream destroyed without it
  // leaves nothing behind.
  class Stream {
   public:
    Stream(Stream&& other) noexcept;
    Stream& operator=(Stream&&) = delete;
    ~Stream();
    void Append(std::string_view piece);
    // False (and reported to `sink`) when the file could not be staged.
    bool Close(diag::DiagnosticSink& sink);

   private:
    friend class OutputContext;
    Stream(OutputContext* out, std::string path) : out_(out), path_(std::move(path)) {}
    OutputContext* out_;
    std::string path_;
    int fd_ = -1;                    // kWrite: the file being staged
    std::filesystem::path file_;     // kWrite: its name
    bool beside_target_ = false;     // kWrite: a temporary beside the target, not in staging_
    std::string error_;              // the first failure
    std::string kept_;               // other modes: the bytes so far
  };
  // Checks `path` as Write() does; nullopt (reported) when it cannot be written.
  std::optional<Stream> Open(const std::string& path, diag::DiagnosticSink& sink);

  // kWrite: waits until every file handed to Write() is staged, and reports what failed to
  // `sink`. False if staging any file failed.
  bool Flush(diag::DiagnosticSink& sink);

  // kBuffer only: every file written.
  const std::map<std::string, std::string>& files() const { return files_; }
  size_t file_count() const { return paths_.size(); }
  // The first file written, e.g. errcat_runtime.hpp for C++: the depfile's target, which build
  // tools (Ninja) expect to be the first output they were told about.
  const std::string& primary() const { return primary_; }
  // Names the primary file up front, for back ends that write from several threads.
  void SetPrimary(std::string path) { primary_ = std::move(path); }

  struct CommitResult {
    bool ok = false;
    std::vector<std::string> written;    // changed or new, sorted
    std::vector<std::string> unchanged;  // identical bytes, not touched, sorted
  };
  // kWrite: moves every staged file into place.
  CommitResult Commit(diag::DiagnosticSink& sink);
  // kWrite: removes every staged file (and folders created for them); targets are untouched.
  void Discard();

  // kCheck: files under the folder that differ from what was written or are missing. With
  // `owned_extensions`, files under the folder with those extensions that were not written
  // count as stale too (left over from a removed catalog). Sorted.
  std::vector<std::string> Stale(const std::vector<std::string>& owned_extensions) const;

 private:
  void StageLoop();    // the staging thread
  void StopStaging();  // ends the staging thread once it has staged what is pending
  bool Stage(const std::string& path, const std::string& contents, diag::DiagnosticSink& sink);
  // Registers `path` as written (Write and Open); false (reported) for a bad or repeated path.
  bool Claim(const std::string& path, diag::DiagnosticSink& sink);
  // Write() of a claimed path.
  bool Put(const std::string& path, std::string contents);
  // kWrite: where a file for `path` is staged, creating the staging folder and the file's
  // folders; "" when they cannot be made. `beside_target`: a temporary beside the
  // target in an existing output folder. Reports what fails.
  std::filesystem::path StagingFile(const std::string& path, bool& beside_target,
                                    diag::DiagnosticSink& sink);
  bool EnsureFolder(const std::filesystem::path& folder, bool record, std::string& error);

  Mode mode_ = Mode::kBuffer;
  std::filesystem::path dir_;      // absolute
  std::filesystem::path shown_;    // as given, for messages
  std::filesystem::path staging_;  // kWrite into a missing folder: the hidden sibling
  bool staging_created_ = false;
  bool committed_ = false;

  mutable std::mutex mutex_;

  // kWrite: files handed to Write() and not staged yet, and the thread that stages them (one:
  // threads that create files in one folder at once wait on the folder's lock in the kernel).
  // Write() waits only when the backlog is full, which bounds the memory held (see Write).
  std::vector<std::pair<std::string, std::string>> pending_;
  std::thread staging_thread_;
  std::condition_variable pending_grew_;    // or stopping_
  std::condition_variable pending_shrank_;  // or the staging thread went idle
  bool staging_busy_ = false;
  bool stopping_ = false;
  std::atomic<bool> stage_failed_{false};
  diag::DiagnosticSink stage_sink_;  // written by the staging thread only; merged by Flush()

  std::set<std::string> paths_;                 // every path written
  std::map<std::string, std::string> files_;    // kBuffer: contents
  std::map<std::string, std::string> staged_;   // kWrite: path -> temporary file
  std::vector<std::string> unchanged_;          // kWrite into an existing folder
  std::vector<std::string> stale_;              // kCheck
  std::set<std::filesystem::path> folders_;     // folders known to exist
  std::vector<std::filesystem::path> created_;  // folders this context created, in order
  std::string primary_;
};

// Writes `contents` to `path` through a temporary file in the same folder and a rename.
// Returns "" or an error text.
std::string WriteFileAtomically(const std::filesystem::path& path, const std::string& contents);

// Makefile-syntax dependency file: `target: dep dep ...`, for CMake's DEPFILE.
std::string DepfileText(const std::string& target, const std::vector<std::string>& deps);

}  // namespace errcat::backends
