// The one way back ends write files (as protobuf's GeneratorContext): everything is buffered,
// and nothing touches the disk until every back end has succeeded. Then each file is written to a
// temporary file and renamed over the target, and files whose bytes did not change are left
// alone so that builds do not recompile.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace errcat::backends {

class OutputContext {
 public:
  // `path` is relative to the output folder, '/'-separated, with no '..' and no leading '/'.
  // Returns false (and reports) for a path that would escape the output folder.
  bool Write(const std::string& path, std::string contents, diag::DiagnosticSink& sink);

  const std::map<std::string, std::string>& files() const { return files_; }
  // The first file written, e.g. errcat_runtime.hpp for C++: the depfile's target, which build
  // tools (Ninja) expect to be the first output they were told about.
  const std::string& primary() const { return primary_; }

  struct CommitResult {
    bool ok = false;
    std::vector<std::string> written;    // changed or new
    std::vector<std::string> unchanged;  // identical bytes, not touched
  };
  // Writes every buffered file under `dir` (created if needed).
  CommitResult Commit(const std::filesystem::path& dir, diag::DiagnosticSink& sink) const;

  // Files under `dir` that differ from the buffer or are missing (for `--check`). With
  // `owned_extensions`, files under `dir` with those extensions that the buffer does not hold
  // count as stale too (left over from a removed catalog).
  std::vector<std::string> Stale(const std::filesystem::path& dir,
                                 const std::vector<std::string>& owned_extensions) const;

 private:
  std::map<std::string, std::string> files_;  // sorted: deterministic write order
  std::string primary_;
};

// Writes `contents` to `path` through a temporary file in the same folder and a rename.
// Returns "" or an error text.
std::string WriteFileAtomically(const std::filesystem::path& path, const std::string& contents);

// Makefile-syntax dependency file: `target: dep dep ...`, for CMake's DEPFILE.
std::string DepfileText(const std::string& target, const std::vector<std::string>& deps);

}  // namespace errcat::backends
