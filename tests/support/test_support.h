// Helpers shared by errcat's tests.
#pragma once

#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "loader/loader.h"
#include "model/catalog.h"

namespace errcat::testing {

struct Loaded {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set;

  // "file:line:col: severity: message [rule]" lines, sorted, notes included.
  std::string Text() const;
  const diag::Diagnostic* FindRule(const std::string& rule) const;
};

// Loads in-memory files (name, contents) as one catalog set.
Loaded LoadYaml(const std::vector<std::pair<std::string, std::string>>& files);
Loaded LoadYaml(const std::string& contents);  // one file named "t.yaml"

// Loads real paths (files or folders).
Loaded LoadPaths(const std::vector<std::string>& paths);

std::string SourceDir();  // the errcat checkout
std::string ErrcatCommand();  // the errcat binary, quoted for a shell command
std::string ReadFile(const std::filesystem::path& path);

// Runs a shell command; returns the exit status and what it printed on stdout and stderr.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
RunResult RunCommand(const std::string& command);
std::string ErrcatBinary();
std::string ShellQuote(const std::string& s);

// A fresh temporary folder, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path Write(const std::string& name, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

// Every internal link (href, src) and #anchor of a generated HTML site, resolved on disk.
struct LinkCheck {
  std::vector<std::string> problems;  // "page: what is wrong"
  int pages = 0;
  int checked = 0;  // internal links followed
};
LinkCheck CheckSiteLinks(const std::filesystem::path& site);

// A value of `type` as format<E> prints it, random (strings: 1-10 of [a-z0-9_-])), and a
// message rendered with such values, one per parameter.
std::string RandomValue(model::ParamType type, std::mt19937& random);
struct Rendered {
  std::vector<std::string> values;  // by parameter
  std::string message;
};
Rendered RenderWithRandomValues(const model::Error& e, std::mt19937& random);

// Golden files: compares, or rewrites them when ERRCAT_UPDATE_GOLDENS=1 (scripts/update-goldens.sh).
// Returns "" on a match, else a message naming the refresh command.
std::string CompareGolden(const std::filesystem::path& golden, const std::string& actual);

}  // namespace errcat::testing
