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

fs::path Resolved(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  fs::path resolved = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : resolved;
}

// The deepest folder that holds every file: generated files name catalogs relative to it, so
// what they say depends on the inputs alone, never on the working directory.
fs::path CommonFolder(const std::vector<fs::path>& resolved_files) {
  if (resolved_files.empty()) return {};
  fs::path common = resolved_files.front().parent_path();
  for (const fs::path& file : resolved_files) {
    const fs::path folder = file.parent_path();
    fs::path prefix;
    for (auto a = common.begin(), b = folder.begin();
         a != common.end() && b != folder.end() && *a == *b; ++a, ++b)
      prefix /= *a;
    common = prefix;
  }
  return common;
}

std::string DisplayPath(const fs::path& resolved, const fs::path& root) {
  fs::path relative = resolved.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") relative = resolved.filename();
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
  if (!ec) {
    // A regular file (file_size fails for any other kind): read into a string of its size (a
    // string stream doubles as it grows and keeps the slack). Past the limit, one byte more:
    // the parser reports the size.
    const bool over = static_cast<std::int64_t>(size) > max_bytes;
    out.assign(over ? static_cast<size_t>(max_bytes) + 1 : static_cast<size_t>(size), '\0');
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    if (in.bad()) {
      error = "read error";
      return false;
    }
    out.resize(static_cast<size_t>(in.gcount()));
    if (over || in.peek() == std::char_traits<char>::eof()) return true;
    // It grew while being read: take the rest as it comes.
  }
  std::ostringstream buffer;
  if (!out.empty()) buffer << out;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  out = std::move(buffer).str();
  return true;
}

}  // namespace

std::vector<ListedSource> ListSources(const std::vector<std::string>& paths, const Options& options,
                                      diag::DiagnosticSink& sink) {
  std::vector<std::pair<std::string, fs::path>> files;  // (shown path, path)
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      sink.Error({arg, 0, 0}, "no such file or directory", diag::kIoRule);
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsCatalogFile(it->path())) found.push_back(it->path());
      }
      if (ec) sink.Error({arg, 0, 0}, "cannot list folder: " + ec.message(), diag::kIoRule);
      std::sort(found.begin(), found.end());
      if (found.empty()) sink.Warning({arg, 0, 0}, "folder holds no *.yaml or *.yml files", "empty-folder");
      for (const fs::path& p : found) files.emplace_back(p.generic_string(), p);
    } else {
      files.emplace_back(arg, fs::path(arg));
    }
  }
  // The same file named twice (directly and through its folder) is loaded once.
  std::set<fs::path> seen;
  std::vector<std::pair<std::string, fs::path>> unique;  // (shown path, resolved path)
  for (auto& [shown, path] : files) {
    fs::path resolved = Resolved(path);
    if (seen.insert(resolved).second) unique.emplace_back(std::move(shown), std::move(resolved));
  }
  std::vector<fs::path> resolved_files;
  for (const auto& file : unique) resolved_files.push_back(file.second);
  const fs::path root =
      options.source_root.empty() ? CommonFolder(resolved_files) : Resolved(options.source_root);
  std::vector<ListedSource> listed;
  for (auto& [shown, path] : unique)
    listed.push_back({SourceFile{shown, DisplayPath(path, root), {}}, path});
  return listed;
}

bool ReadSource(ListedSource& listed, const Options& options, diag::DiagnosticSink& sink) {
  std::string error;
  if (ReadFile(listed.file, options.limits.max_file_bytes, listed.source.contents, error))
    return true;
  sink.Error({listed.source.path, 0, 0}, error, diag::kIoRule);
  return false;
}

std::vector<SourceFile> ReadSources(const std::vector<std::string>& paths, const Options& options,
                                    diag::DiagnosticSink& sink) {
  std::vector<SourceFile> sources;
  for (ListedSource& listed : ListSources(paths, options, sink))
    if (ReadSource(listed, options, sink)) sources.push_back(std::move(listed.source));
  return sources;
}

}  // namespace errcat::loader
