// The lock file (errcat.lock): every code a catalog set ever issued, with its value, name and
// parameter signature, and the state it reached (active, deprecated, retired) with the version
// or date it entered each. `errcat diff` judges one change against its base; the lock remembers
// the history, so a code removed in one pull request and issued again for another error later
// is caught (as protobuf's reserved fields, Rust's error index, MongoDB's error_codes.yml).
#pragma once

#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "model/catalog.h"

namespace errcat::lock {

inline constexpr const char* kLockFileName = "errcat.lock";

enum class State { kActive, kDeprecated, kRetired };

struct Entry {
  std::string catalog;
  std::string code;
  std::int32_t value = 0;
  std::string name;
  std::vector<std::string> params;  // parameter types in order: "int", "string", ...
  State state = State::kActive;
  // The version or date it entered each state ("" when it has not).
  std::string active, deprecated, retired;
  std::string replaced_by;  // what the catalog said replaces it, recorded once
  model::SourcePos pos;  // in the lock file, for diagnostics
};

struct Lock {
  std::string path;            // as shown in diagnostics
  std::vector<Entry> entries;  // sorted by catalog, then code

  const Entry* Find(std::string_view code) const;  // codes are unique across a catalog set
};

// The lock beside a catalog set: errcat.lock in the first folder argument, or in the folder of
// the first file argument.
std::string DefaultLockPath(const std::vector<std::string>& paths);

// Reads a lock file; nothing (reported to `sink`) if it is not one.
std::optional<Lock> ReadLock(const std::string& path, diag::DiagnosticSink& sink);

// The lock a command uses: `explicit_path` when given (it must exist), else errcat.lock beside
// the catalogs when there is one (`exists` false, nothing reported, when there is none).
struct FoundLock {
  std::string path;
  bool exists = false;
  std::optional<Lock> lock;  // empty, with the problem reported, when it does not read
  std::string text;          // the file as read
};
FoundLock FindLock(const std::vector<std::string>& paths, const std::string& explicit_path,
                   diag::DiagnosticSink& sink);
// The lock at `path`; a missing file is an error only when `must_exist`.
FoundLock ReadLockAt(const std::string& path, bool must_exist, diag::DiagnosticSink& sink);

// ReadLockAt on another thread, started before the catalogs load, so that reading and parsing a
// large lock overlaps loading them. Take() waits for it and passes on what it reported.
class BackgroundLock {
 public:
  BackgroundLock(const std::string& path, bool must_exist);
  BackgroundLock(const BackgroundLock&) = delete;
  BackgroundLock& operator=(const BackgroundLock&) = delete;
  FoundLock Take(diag::DiagnosticSink& sink);

 private:
  diag::DiagnosticSink sink_;  // before found_: the thread writes to it
  std::future<FoundLock> found_;
};

// The lock after `set`: new codes added as active (stamped `stamp`), states advanced (active ->
// deprecated when the catalog deprecates the code; -> retired when the catalog reserves it);
// never an entry dropped, never a state undone.
Lock Update(const Lock& lock, const model::CatalogSet& set, const std::string& stamp);

// The lock file's text: one JSON document, sorted, one entry a line, so that a pull request's
// diff of it is readable (and it parses fast: a 10k-code lock is 1.3 MB).
std::string Render(const Lock& lock);

// Reports what `set` does against the history: [lock-removed] a locked code gone without being
// reserved; [lock-reused] a code, value or name given to an error other than the locked one (a
// locked code under another name, or a retired code issued again); [lock-signature] a locked
// code's parameter types changed under the same name.
// With `stale`, also [lock-stale] for every code the lock does not hold yet, telling to run
// `update_command`.
struct CheckOptions {
  bool stale = false;
  std::string update_command = "errcat lock";
};
void Check(const Lock& lock, const model::CatalogSet& set, const CheckOptions& options,
           diag::DiagnosticSink& sink);

// `errcat lock`: checks `set` against the lock `found` (ReadLockAt, not must_exist), then writes
// the updated lock to its path if it changed. Nothing is written when the check fails.
struct UpdateResult {
  bool ok = false;
  bool changed = false;
  int added = 0, advanced = 0, total = 0;
};
UpdateResult UpdateLockFile(const model::CatalogSet& set, FoundLock found, const std::string& stamp,
                            diag::DiagnosticSink& sink);

// Today's date (UTC) as YYYY-MM-DD: the stamp when no --version is given.
std::string Today();

}  // namespace errcat::lock
