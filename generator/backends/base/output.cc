#include "backends/base/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string_view>
#include <utility>

#include "diag/rules.h"

namespace errcat::backends {
namespace fs = std::filesystem;

namespace {

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos)
    return false;
  std::istringstream parts(path);
  for (std::string part; std::getline(parts, part, '/');)
    if (part.empty() || part == "." || part == "..") return false;
  return true;
}

std::string ErrnoText(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// Reads up to `size` bytes into `to`; fewer only at the end of the file or on an error.
size_t ReadUpTo(int fd, char* to, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, to + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

// Writes all of `bytes`; "" or an error text.
std::string WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoText("write failed");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return "";
}

constexpr size_t kCompareBlock = 1 << 16;

// Whether the regular file at `path` holds exactly `contents`, read a block at a time (a file of
// 150 MB is not read into memory whole).
bool SameContents(const fs::path& path, std::string_view contents) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<uint64_t>(st.st_size) == contents.size();
  std::string block(std::min(kCompareBlock, contents.size()), '\0');
  for (size_t at = 0; same && at < contents.size(); at += block.size()) {
    const size_t want = std::min(block.size(), contents.size() - at);
    same = ReadUpTo(fd, block.data(), want) == want &&
           std::memcmp(block.data(), contents.data() + at, want) == 0;
  }
  ::close(fd);
  return same;
}

// Whether two regular files hold the same bytes, read a block at a time.
bool SameFiles(const fs::path& a, const fs::path& b) {
  const int fa = ::open(a.c_str(), O_RDONLY | O_CLOEXEC);
  const int fb = fa < 0 ? -1 : ::open(b.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat sa {
  }, sb{};
  bool same = fb >= 0 && ::fstat(fa, &sa) == 0 && ::fstat(fb, &sb) == 0 && S_ISREG(sa.st_mode) &&
              S_ISREG(sb.st_mode) && sa.st_size == sb.st_size;
  std::string block_a(kCompareBlock, '\0'), block_b(kCompareBlock, '\0');
  for (off_t left = same ? sa.st_size : 0; same && left > 0; left -= kCompareBlock) {
    const size_t want = static_cast<size_t>(std::min<off_t>(left, kCompareBlock));
    same = ReadUpTo(fa, block_a.data(), want) == want &&
           ReadUpTo(fb, block_b.data(), want) == want &&
           std::memcmp(block_a.data(), block_b.data(), want) == 0;
  }
  if (fa >= 0) ::close(fa);
  if (fb >= 0) ::close(fb);
  return same;
}

// Creates `path` (which must not exist) with `contents`. Returns "" or an error text.
std::string WriteNewFile(const fs::path& path, std::string_view contents) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoText("cannot create file");
  std::string error = WriteAll(fd, contents);
  if (::close(fd) != 0 && error.empty()) error = ErrnoText("write failed");
  if (!error.empty()) ::unlink(path.c_str());
  return error;
}

// A hidden name beside `path`, unique per process and call (O_EXCL refuses a leftover).
fs::path TemporaryNameFor(const fs::path& path, const char* kind) {
  static std::atomic<unsigned> counter{0};
  return path.parent_path() / ("." + path.filename().string() + kind + std::to_string(::getpid()) +
                               "." + std::to_string(counter.fetch_add(1)));
}

}  // namespace

OutputContext::OutputContext(Mode mode, fs::path dir) : mode_(mode), shown_(dir) {
  std::error_code ec;
  dir_ = fs::absolute(dir, ec).lexically_normal();
  if (!dir_.has_filename()) dir_ = dir_.parent_path();  // "out/" -> "out"
  if (mode_ != Mode::kWrite || fs::exists(fs::symlink_status(dir_, ec))) return;
  // Stage in the nearest folder that exists, so that the final rename stays on one file system.
  fs::path existing = dir_.parent_path();
  while (!fs::exists(existing, ec) && existing.has_relative_path())
    existing = existing.parent_path();
  staging_ = TemporaryNameFor(existing / dir_.filename(), ".errcat-tmp");
}

OutputContext::~OutputContext() {
  if (mode_ == Mode::kWrite && !committed_)
    Discard();  // Discard (or Commit) ends the staging thread
}

bool OutputContext::Write(const std::string& path, std::string contents,
                          diag::DiagnosticSink& sink) {
  return Claim(path, sink) && Put(path, std::move(contents));
}

bool OutputContext::Claim(const std::string& path, diag::DiagnosticSink& sink) {
  if (!IsSafeRelativePath(path)) {
    sink.Error({}, "refusing to write '" + path + "': outside the output folder", "output-path");
    return false;
  }
  std::lock_guard lock(mutex_);
  if (!paths_.insert(path).second) {
    sink.Error({}, "internal error: '" + path + "' generated twice", "output-path");
    return false;
  }
  if (primary_.empty()) primary_ = path;
  return true;
}

bool OutputContext::Put(const std::string& path, std::string contents) {
  std::unique_lock lock(mutex_);
  switch (mode_) {
    case Mode::kBuffer:
      files_[path] = std::move(contents);
      return true;
    case Mode::kCheck: {
      lock.unlock();
      const bool same = SameContents(dir_ / path, contents);
      lock.lock();
      if (!same) stale_.push_back(path);
      return true;
    }
    case Mode::kWrite:
      break;
  }
  // At most this many files wait, plus the batch the staging thread is writing: 2 x 256 in memory.
  constexpr size_t kMaxBacklog = 256;
  if (!staging_thread_.joinable()) staging_thread_ = std::thread([this] { StageLoop(); });
  pending_shrank_.wait(lock, [&] { return pending_.size() < kMaxBacklog || stage_failed_; });
  if (stage_failed_) return false;  // the back end stops; Flush() reports why
  pending_.emplace_back(path, std::move(contents));
  pending_grew_.notify_one();
  return true;
}

void OutputContext::StageLoop() {
  std::vector<std::pair<std::string, std::string>> batch;
  std::unique_lock lock(mutex_);
  while (true) {
    pending_grew_.wait(lock, [&] { return !pending_.empty() || stopping_; });
    if (pending_.empty()) return;  // stopping, and everything handed over is staged
    batch.swap(pending_);
    staging_busy_ = true;
    pending_shrank_.notify_all();
    lock.unlock();
    for (const auto& [path, contents] : batch)
      if (!stage_failed_ && !Stage(path, contents, stage_sink_)) stage_failed_ = true;
    batch.clear();
    lock.lock();
    staging_busy_ = false;
    pending_shrank_.notify_all();
  }
}

void OutputContext::StopStaging() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  pending_grew_.notify_all();
  if (staging_thread_.joinable()) staging_thread_.join();
}

bool OutputContext::Flush(diag::DiagnosticSink& sink) {
  if (mode_ != Mode::kWrite) return true;
  std::unique_lock lock(mutex_);
  pending_shrank_.wait(lock, [&] { return pending_.empty() && !staging_busy_; });
  sink.Merge(stage_sink_);
  stage_sink_ = diag::DiagnosticSink();
  return !stage_failed_;
}

bool OutputContext::EnsureFolder(const fs::path& folder, bool record, std::string& error) {
  {
    std::lock_guard lock(mutex_);
    if (folders_.count(folder) != 0) return true;
  }
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = folder; !fs::is_directory(p, ec) && p.has_relative_path(); p = p.parent_path())
    missing.push_back(p);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0777) == 0) {
      if (record) {
        std::lock_guard lock(mutex_);
        created_.push_back(*it);
      }
    } else if (errno != EEXIST || !fs::is_directory(*it, ec)) {  // EEXIST: another thread made it
      error = ErrnoText(("cannot create folder " + it->string()).c_str());
      return false;
    }
  }
  std::lock_guard lock(mutex_);
  folders_.insert(folder);
  return true;
}

fs::path OutputContext::StagingFile(const std::string& path, bool& beside_target,
                                    diag::DiagnosticSink& sink) {
  std::string error;
  if (!staging_.empty()) {
    {
      std::lock_guard lock(mutex_);
      if (!staging_created_) {
        if (::mkdir(staging_.c_str(), 0777) != 0) {
          sink.Error({shown_.string(), 0, 0}, ErrnoText("cannot create folder"), diag::kIoRule);
          return {};
        }
        staging_created_ = true;
        folders_.insert(staging_);
      }
    }
    beside_target = false;
    const fs::path file = staging_ / path;
    if (!EnsureFolder(file.parent_path(), false, error)) {
      sink.Error({(shown_ / path).string(), 0, 0}, error, diag::kIoRule);
      return {};
    }
    return file;
  }
  beside_target = true;
  const fs::path target = dir_ / path;
  if (!EnsureFolder(target.parent_path(), true, error)) {
    sink.Error({(shown_ / path).string(), 0, 0}, error, diag::kIoRule);
    return {};
  }
  return TemporaryNameFor(target, ".tmp");
}

bool OutputContext::Stage(const std::string& path, const std::string& contents,
                          diag::DiagnosticSink& sink) {
  if (staging_.empty() && SameContents(dir_ / path, contents)) {
    std::lock_guard lock(mutex_);
    unchanged_.push_back(path);
    return true;
  }
  bool beside_target = false;
  const fs::path file = StagingFile(path, beside_target, sink);
  if (file.empty()) return false;
  if (const std::string error = WriteNewFile(file, contents); !error.empty()) {
    sink.Error({(shown_ / path).string(), 0, 0}, error, diag::kIoRule);
    return false;
  }
  std::lock_guard lock(mutex_);
  staged_[path] = beside_target ? file.string() : "";  // "": inside staging_
  return true;
}

std::optional<OutputContext::Stream> OutputContext::Open(const std::string& path,
                                                         diag::DiagnosticSink& sink) {
  if (!Claim(path, sink)) return std::nullopt;
  Stream stream(this, path);
  if (mode_ != Mode::kWrite) return stream;
  stream.file_ = StagingFile(path, stream.beside_target_, sink);
  if (stream.file_.empty()) return std::nullopt;
  stream.fd_ = ::open(stream.file_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (stream.fd_ < 0) {
    sink.Error({(shown_ / path).string(), 0, 0}, ErrnoText("cannot create file"), diag::kIoRule);
    return std::nullopt;
  }
  return stream;
}

OutputContext::Stream::Stream(Stream&& other) noexcept
    : out_(other.out_),
      path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      file_(std::move(other.file_)),
      beside_target_(other.beside_target_),
      error_(std::move(other.error_)),
      kept_(std::move(other.kept_)) {
  other.out_ = nullptr;
}

OutputContext::Stream::~Stream() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(file_.c_str());
  }
}

void OutputContext::Stream::Append(std::string_view piece) {
  if (fd_ < 0) {
    if (out_ && out_->mode_ != Mode::kWrite) kept_.append(piece);
    return;
  }
  if (error_.empty()) error_ = WriteAll(fd_, piece);
}

bool OutputContext::Stream::Close(diag::DiagnosticSink& sink) {
  if (!out_) return false;
  OutputContext& out = *std::exchange(out_, nullptr);
  if (out.mode_ != Mode::kWrite) return out.Put(path_, std::move(kept_));
  if (fd_ < 0) return false;  // Open() failed
  if (::close(std::exchange(fd_, -1)) != 0 && error_.empty()) error_ = ErrnoText("write failed");
  if (!error_.empty()) {
    ::unlink(file_.c_str());
    sink.Error({(out.shown_ / path_).string(), 0, 0}, error_, diag::kIoRule);
    return false;
  }
  if (beside_target_ && SameFiles(file_, out.dir_ / path_)) {
    ::unlink(file_.c_str());
    std::lock_guard lock(out.mutex_);
    out.unchanged_.push_back(path_);
    return true;
  }
  std::lock_guard lock(out.mutex_);
  out.staged_[path_] = beside_target_ ? file_.string() : "";
  return true;
}

OutputContext::CommitResult OutputContext::Commit(diag::DiagnosticSink& sink) {
  CommitResult result;
  if (!Flush(sink)) return result;
  StopStaging();
  std::error_code ec;
  if (staging_created_) {
    fs::create_directories(dir_.parent_path(), ec);
    if (ec) {
      sink.Error({shown_.string(), 0, 0}, "cannot create folder: " + ec.message(), diag::kIoRule);
      return result;
    }
    if (::rename(staging_.c_str(), dir_.c_str()) == 0) {
      staging_created_ = false;
      for (const auto& [path, unused] : staged_) result.written.push_back(path);
      staged_.clear();
      created_.clear();
      committed_ = true;
      result.ok = true;
      return result;
    }
    // The folder appeared meanwhile (another back end's output around this one, or another
    // process): move the files in one by one instead.
    for (auto it = staged_.begin(); it != staged_.end(); it = staged_.erase(it)) {
      const fs::path from = staging_ / it->first, target = dir_ / it->first;
      std::string error;
      if (SameFiles(from, target)) {
        result.unchanged.push_back(it->first);
        continue;
      }
      if (!EnsureFolder(target.parent_path(), false, error) ||
          ::rename(from.c_str(), target.c_str()) != 0) {
        if (error.empty()) error = ErrnoText("cannot rename into place");
        sink.Error({(shown_ / it->first).string(), 0, 0}, error, diag::kIoRule);
        return result;
      }
      result.written.push_back(it->first);
    }
    fs::remove_all(staging_, ec);
    staging_created_ = false;
  } else {
    for (auto it = staged_.begin(); it != staged_.end(); it = staged_.erase(it)) {
      const fs::path target = dir_ / it->first;
      if (::rename(it->second.c_str(), target.c_str()) != 0) {
        sink.Error({(shown_ / it->first).string(), 0, 0}, ErrnoText("cannot rename into place"),
                   diag::kIoRule);
        return result;
      }
      result.written.push_back(it->first);
    }
    result.unchanged = unchanged_;
    std::sort(result.unchanged.begin(), result.unchanged.end());
  }
  created_.clear();
  committed_ = true;
  result.ok = true;
  return result;
}

void OutputContext::Discard() {
  {
    std::lock_guard lock(mutex_);
    pending_.clear();
  }
  StopStaging();
  std::error_code ec;
  if (staging_created_) fs::remove_all(staging_, ec);
  staging_created_ = false;
  for (const auto& [path, temporary] : staged_)
    if (!temporary.empty()) ::unlink(temporary.c_str());
  staged_.clear();
  for (auto it = created_.rbegin(); it != created_.rend(); ++it)
    ::rmdir(it->c_str());  // only if empty
  created_.clear();
}

std::vector<std::string> OutputContext::Stale(
    const std::vector<std::string>& owned_extensions) const {
  std::vector<std::string> stale = stale_;
  std::error_code ec;
  if (!owned_extensions.empty() && fs::is_directory(dir_, ec)) {
    for (auto it = fs::recursive_directory_iterator(dir_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string relative = fs::relative(it->path(), dir_, ec).generic_string();
      const std::string ext = it->path().extension().string();
      if (paths_.count(relative) == 0 && std::find(owned_extensions.begin(), owned_extensions.end(),
                                                   ext) != owned_extensions.end())
        stale.push_back(relative);
    }
  }
  std::sort(stale.begin(), stale.end());
  return stale;
}

std::string WriteFileAtomically(const fs::path& path, const std::string& contents) {
  const fs::path temporary = TemporaryNameFor(path, ".tmp");
  if (std::string error = WriteNewFile(temporary, contents); !error.empty()) return error;
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string error = ErrnoText("cannot rename into place");
    ::unlink(temporary.c_str());
    return error;
  }
  return "";
}

std::string DepfileText(const std::string& target, const std::vector<std::string>& deps) {
  const auto escape = [](const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#' || c == '\\') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::string text = escape(target) + ":";
  for (const std::string& dep : deps) text += " \\\n  " + escape(dep);
  return text + "\n";
}

}  // namespace errcat::backends
