// Catalog files as they are at a git ref (errcat diff git:origin/main catalog/).
#include <algorithm>

#include "loader/loader.h"
#include "util/process.h"

namespace errcat::loader {

std::vector<SourceFile> ReadGitSources(const std::string& ref, const std::vector<std::string>& paths,
                                       diag::DiagnosticSink& sink) {
  std::vector<SourceFile> sources;
  const std::string where = "git:" + ref;
  // A ref starting with '-' would be read by git as an option.
  if (ref.empty() || ref.front() == '-' || ref.find_first_of(std::string("\n\r\0", 3)) != std::string::npos) {
    sink.Error({where, 0, 0}, "not a usable git ref", diag::kIoRule);
    return sources;
  }
  util::ProcessResult verify = util::RunProcess({"git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (verify.exit_code != 0) {
    sink.Error(
        {where, 0, 0},
        verify.exit_code < 0 ? verify.err : "unknown git ref (or not inside a git repository)",
        diag::kIoRule);
    return sources;
  }
  std::vector<std::string> ls = {"git", "ls-tree", "-r", "--name-only", ref, "--"};
  ls.insert(ls.end(), paths.begin(), paths.end());
  util::ProcessResult listed = util::RunProcess(ls);
  if (listed.exit_code != 0) {
    sink.Error({where, 0, 0}, "git ls-tree failed: " + listed.err, diag::kIoRule);
    return sources;
  }
  std::vector<std::string> files;
  size_t start = 0;
  while (start < listed.out.size()) {
    size_t end = listed.out.find('\n', start);
    if (end == std::string::npos) end = listed.out.size();
    std::string file = listed.out.substr(start, end - start);
    if (file.ends_with(".yaml") || file.ends_with(".yml")) files.push_back(file);
    start = end + 1;
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    // "REF:./path" is relative to the working directory, like the paths ls-tree printed.
    util::ProcessResult shown = util::RunProcess({"git", "show", ref + ":./" + file});
    if (shown.exit_code != 0) {
      sink.Error({ref + ":" + file, 0, 0}, "git show failed: " + shown.err, diag::kIoRule);
      continue;
    }
    sources.push_back({ref + ":" + file, file, std::move(shown.out)});
  }
  return sources;
}

}  // namespace errcat::loader
