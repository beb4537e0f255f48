#include "backends/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <atomic>
#include <sstream>

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

bool SameContents(const fs::path& path, const std::string& contents) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != contents.size() || ec) return false;
  std::ifstream in(path, std::ios::binary);
  std::string existing(contents.size(), '\0');
  in.read(existing.data(), static_cast<std::streamsize>(existing.size()));
  return in.gcount() == static_cast<std::streamsize>(contents.size()) && existing == contents;
}

}  // namespace

bool OutputContext::Write(const std::string& path, std::string contents, diag::DiagnosticSink& sink) {
  if (!IsSafeRelativePath(path)) {
    sink.Error({}, "refusing to write '" + path + "': outside the output folder", "output-path");
    return false;
  }
  if (files_.empty()) primary_ = path;
  files_[path] = std::move(contents);
  return true;
}

std::string WriteFileAtomically(const fs::path& path, const std::string& contents) {
  // Unique per process and call; O_EXCL below refuses to reuse a leftover name.
  static std::atomic<unsigned> counter{0};
  const fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "." +
                                             std::to_string(counter.fetch_add(1)));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return std::string("cannot create file: ") + std::strerror(errno);
  size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string error = std::string("write failed: ") + std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return error;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return std::string("write failed: ") + std::strerror(errno);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string error = std::string("cannot rename into place: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return error;
  }
  return "";
}

OutputContext::CommitResult OutputContext::Commit(const fs::path& dir, diag::DiagnosticSink& sink) const {
  CommitResult result;
  for (const auto& [relative, contents] : files_) {
    const fs::path target = dir / relative;
    if (SameContents(target, contents)) {
      result.unchanged.push_back(relative);
      continue;
    }
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      sink.Error({target.parent_path().string(), 0, 0}, "cannot create folder: " + ec.message(), "io");
      return result;
    }
    if (std::string error = WriteFileAtomically(target, contents); !error.empty()) {
      sink.Error({target.string(), 0, 0}, error, "io");
      return result;
    }
    result.written.push_back(relative);
  }
  result.ok = true;
  return result;
}

std::vector<std::string> OutputContext::Stale(const fs::path& dir,
                                              const std::vector<std::string>& owned_extensions) const {
  std::vector<std::string> stale;
  for (const auto& [relative, contents] : files_)
    if (!SameContents(dir / relative, contents)) stale.push_back(relative);
  std::error_code ec;
  if (!owned_extensions.empty() && fs::is_directory(dir, ec)) {
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string relative = fs::relative(it->path(), dir, ec).generic_string();
      const std::string ext = it->path().extension().string();
      if (files_.count(relative) == 0 &&
          std::find(owned_extensions.begin(), owned_extensions.end(), ext) != owned_extensions.end())
        stale.push_back(relative);
    }
  }
  std::sort(stale.begin(), stale.end());
  return stale;
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
