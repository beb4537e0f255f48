#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "loader/loader.h"

namespace errcat::loader {
namespace fs = std::filesystem;

namespace {

bool IsCatalogFile(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::string DisplayPath(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path base = fs::weakly_canonical(fs::absolute(root, ec), ec);
  fs::path relative = absolute.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") relative = path.filename();
  return relative.generic_string();
}

bool ReadFile(const fs::path& path, std::int64_t max_bytes, std::string& out,
              std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open file";
    return false;
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && static_cast<std::int64_t>(size) > max_bytes) {
    // Read one byte past the limit: the parser reports the size with its rule.
    out.assign(static_cast<size_t>(max_bytes) + 1, '\0');
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<size_t>(in.gcount()));
    return true;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  out = std::move(buffer).str();
  return true;
}

}  // namespace

std::vector<SourceFile> ReadSources(const std::vector<std::string>& paths, const Options& options,
                                    diag::DiagnosticSink& sink) {
  const fs::path root = options.source_root.empty() ? fs::current_path() : fs::path(options.source_root);
  std::vector<std::pair<std::string, fs::path>> files;  // (shown path, path)
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      sink.Error({arg, 0, 0}, "no such file or directory", kIoRule);
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsCatalogFile(it->path())) found.push_back(it->path());
      }
      if (ec) sink.Error({arg, 0, 0}, "cannot list folder: " + ec.message(), kIoRule);
      std::sort(found.begin(), found.end());
      if (found.empty()) sink.Warning({arg, 0, 0}, "folder holds no *.yaml or *.yml files", "empty-folder");
      for (const fs::path& p : found) files.emplace_back(p.generic_string(), p);
    } else {
      files.emplace_back(arg, fs::path(arg));
    }
  }
  // The same file named twice (directly and through its folder) is loaded once.
  std::set<fs::path> seen;
  std::vector<SourceFile> sources;
  for (auto& [shown, path] : files) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    if (!seen.insert(ec ? path : canonical).second) continue;
    SourceFile source{shown, DisplayPath(path, root), {}};
    std::string error;
    if (!ReadFile(path, options.limits.max_file_bytes, source.contents, error)) {
      sink.Error({shown, 0, 0}, error, kIoRule);
      continue;
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

}  // namespace errcat::loader
