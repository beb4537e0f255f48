// Catalog files as they are at a git ref (errcat diff git:origin/main catalog/).
#include <algorithm>
#include <map>

#include "loader/loader.h"
#include "util/process.h"

namespace errcat::loader {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The commit `ref` names, or "" after reporting at `where`.
std::string VerifiedCommit(const std::string& ref, const std::string& where,
                           diag::DiagnosticSink& sink) {
  // A ref starting with '-' would be read by git as an option.
  if (ref.empty() || ref.front() == '-' || ref.find_first_of(std::string("\n\r\0", 3)) != std::string::npos) {
    sink.Error({where, 0, 0}, "not a usable git ref", diag::kIoRule);
    return "";
  }
  util::ProcessResult verify = util::RunProcess({"git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (verify.exit_code != 0 || verify.out.size() < 40) {
    sink.Error({where, 0, 0},
               verify.exit_code < 0
                   ? verify.err
                   : "unknown git ref '" + ref + "' (or not inside a git repository)",
               diag::kIoRule);
    return "";
  }
  return verify.out.substr(0, verify.out.find('\n'));
}

}  // namespace

std::vector<std::string> GitReleasesBetween(const std::string& from, const std::string& to,
                                            diag::DiagnosticSink& sink) {
  const std::string where = "git:" + from + ".." + to;
  const std::string from_commit = VerifiedCommit(from, where, sink);
  const std::string to_commit = VerifiedCommit(to, where, sink);
  if (from_commit.empty() || to_commit.empty()) return {};
  if (util::RunProcess({"git", "merge-base", "--is-ancestor", from_commit, to_commit}).exit_code !=
      0) {
    sink.Error({where, 0, 0},
               "'" + from + "' is not an ancestor of '" + to + "': name the older release first",
               diag::kIoRule);
    return {};
  }
  // Tags by the commit they name (an annotated tag's %(*objectname)), highest version first.
  util::ProcessResult tags =
      util::RunProcess({"git", "for-each-ref", "--sort=-v:refname",
                        "--format=%(objectname) %(*objectname) %(refname:short)", "refs/tags"});
  util::ProcessResult commits = util::RunProcess(
      {"git", "rev-list", "--topo-order", "--reverse", from_commit + ".." + to_commit});
  if (tags.exit_code != 0 || commits.exit_code != 0) {
    sink.Error({where, 0, 0}, "git failed: " + tags.err + commits.err, diag::kIoRule);
    return {};
  }
  std::map<std::string, std::string> tag_of;  // commit -> its highest tag
  for (const std::string& line : Lines(tags.out)) {
    const size_t a = line.find(' '), b = line.find(' ', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const std::string peeled = line.substr(a + 1, b - a - 1);
    tag_of.emplace(peeled.empty() ? line.substr(0, a) : peeled, line.substr(b + 1));
  }
  std::vector<std::string> releases = {from};
  for (const std::string& commit : Lines(commits.out))
    if (auto it = tag_of.find(commit); it != tag_of.end() && commit != to_commit)
      releases.push_back(it->second);
  releases.push_back(to);
  return releases;
}

std::vector<SourceFile> ReadGitSources(const std::string& ref,
                                       const std::vector<std::string>& paths,
                                       diag::DiagnosticSink& sink) {
  std::vector<SourceFile> sources;
  const std::string where = "git:" + ref;
  if (VerifiedCommit(ref, where, sink).empty()) return sources;
  std::vector<std::string> ls = {"git", "ls-tree", "-r", "--name-only", ref, "--"};
  ls.insert(ls.end(), paths.begin(), paths.end());
  util::ProcessResult listed = util::RunProcess(ls);
  if (listed.exit_code != 0) {
    sink.Error({where, 0, 0}, "git ls-tree failed: " + listed.err, diag::kIoRule);
    return sources;
  }
  std::vector<std::string> files;
  for (std::string& file : Lines(listed.out))
    if (file.ends_with(".yaml") || file.ends_with(".yml")) files.push_back(std::move(file));
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
