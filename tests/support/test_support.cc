#include "test_support.h"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>

namespace errcat::testing {
namespace fs = std::filesystem;

std::string Loaded::Text() const {
  std::string out;
  for (const diag::Diagnostic& d : sink.Sorted()) out += diag::FormatText(d, false);
  return out;
}

const diag::Diagnostic* Loaded::FindRule(const std::string& rule) const {
  for (const diag::Diagnostic& d : sink.diagnostics())
    if (d.rule == rule) return &d;
  return nullptr;
}

Loaded LoadYaml(const std::vector<std::pair<std::string, std::string>>& files) {
  Loaded loaded;
  std::vector<loader::SourceFile> sources;
  for (const auto& [name, contents] : files) sources.push_back({name, name, contents});
  loader::Options options;
  options.threads = 2;
  loaded.set = loader::LoadSources(std::move(sources), options, loaded.sink);
  return loaded;
}

Loaded LoadYaml(const std::string& contents) { return LoadYaml({{"t.yaml", contents}}); }

Loaded LoadPaths(const std::vector<std::string>& paths) {
  Loaded loaded;
  loaded.set = loader::LoadPaths(paths, {}, loaded.sink);
  return loaded;
}

std::string ErrcatCommand() { return ShellQuote(ErrcatBinary()); }

std::string SourceDir() { return ERRCAT_SOURCE_DIR; }
std::string ErrcatBinary() { return ERRCAT_BINARY; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

RunResult RunCommand(const std::string& command) {
  TempDir tmp;
  const fs::path out = tmp.path() / "out", err = tmp.path() / "err";
  const std::string full = "(" + command + ") >" + ShellQuote(out.string()) + " 2>" +
                           ShellQuote(err.string()) + " </dev/null";
  const int status = std::system(full.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = fs::temp_directory_path() / ("errcat-test-" + std::to_string(rd()));
    if (fs::create_directory(path_)) return;
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  // Tests may make folders read-only; make them writable again so they can be removed.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(const std::string& name, const std::string& contents) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << contents;
  return p;
}

std::string CompareGolden(const fs::path& golden, const std::string& actual) {
  const char* update = std::getenv("ERRCAT_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    return "";
  }
  if (!fs::exists(golden))
    return "golden file " + golden.string() + " is missing; create it with: make goldens";
  const std::string expected = ReadFile(golden);
  if (expected == actual) return "";
  // Name the first differing line so the failure is readable without a diff tool.
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 1;
  while (true) {
    const bool more_e = static_cast<bool>(std::getline(e, el));
    const bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (el != al || more_e != more_a) break;
    ++line;
  }
  return "output differs from golden " + golden.string() + " at line " + std::to_string(line) +
         "\n  expected: " + el + "\n  actual:   " + al +
         "\nIf the change is intended, refresh the goldens with: make goldens (then review git diff)";
}

}  // namespace errcat::testing

namespace errcat::testing {
namespace {

struct Page {
  std::set<std::string> ids;
  std::vector<std::string> links;
};

Page ScanPage(const std::filesystem::path& file) {
  static const std::regex id_re(R"re(\sid="([^"]*)")re");
  static const std::regex link_re(R"re(\s(?:href|src)="([^"]*)")re");
  const std::string html = ReadFile(file);
  Page page;
  for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it)
    page.ids.insert((*it)[1]);
  for (std::sregex_iterator it(html.begin(), html.end(), link_re), end; it != end; ++it)
    page.links.push_back((*it)[1]);
  return page;
}

}  // namespace

LinkCheck CheckSiteLinks(const std::filesystem::path& site) {
  namespace fs = std::filesystem;
  std::map<fs::path, Page> pages;
  for (const auto& entry : fs::recursive_directory_iterator(site))
    if (entry.path().extension() == ".html")
      pages[fs::weakly_canonical(entry.path())] = ScanPage(entry.path());
  LinkCheck result;
  result.pages = static_cast<int>(pages.size());
  for (const auto& [file, page] : pages) {
    const std::string name = fs::relative(file, fs::weakly_canonical(site)).generic_string();
    for (const std::string& link : page.links) {
      if (link.starts_with("http://") || link.starts_with("https://") ||
          link.starts_with("mailto:"))
        continue;
      if (link.empty()) {
        result.problems.push_back(name + ": empty link");
        continue;
      }
      const size_t hash = link.find('#');
      const std::string path = link.substr(0, hash);
      const std::string fragment = hash == std::string::npos ? "" : link.substr(hash + 1);
      const fs::path target = path.empty() ? file : fs::weakly_canonical(file.parent_path() / path);
      ++result.checked;
      if (!fs::exists(target)) {
        result.problems.push_back(name + ": links to missing " + link);
      } else if (!fragment.empty() && !pages.count(target)) {
        result.problems.push_back(name + ": links to a fragment of a non-page: " + link);
      } else if (!fragment.empty() && !pages.at(target).ids.count(fragment)) {
        result.problems.push_back(name + ": links to missing anchor " + link);
      }
    }
  }
  return result;
}

std::string RandomValue(model::ParamType type, std::mt19937& random) {
  switch (type) {
    case model::ParamType::kInt:
      return std::to_string(static_cast<int>(random() % 20001) - 10000);
    case model::ParamType::kUint:
      return std::to_string(random() % 100000);
    case model::ParamType::kDouble:
      return fmt::format("{}", static_cast<double>(random() % 10000) / 8.0);
    case model::ParamType::kBool:
      return random() % 2 ? "true" : "false";
    case model::ParamType::kString:
      break;
  }
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789_-";
  std::string s;
  for (size_t n = 1 + random() % 10; n > 0; --n) s += kChars[random() % (sizeof kChars - 1)];
  return s;
}

namespace {
// A plural renders one of its cases, picked at random so that every form is tried; an `=N`
// case sets its parameter to N (the matcher does not check a category against its number).
void RenderSegments(const std::vector<model::MessageSegment>& segments, std::mt19937& random,
                    Rendered& r) {
  for (const model::MessageSegment& s : segments) {
    if (s.arg < 0) {
      r.message += s.literal;
    } else if (!s.is_plural()) {
      r.message += r.values[static_cast<size_t>(s.arg)];
    } else {
      const model::PluralCase& c =
          s.plural[std::uniform_int_distribution<size_t>(0, s.plural.size() - 1)(random)];
      if (c.selector[0] == '=') r.values[static_cast<size_t>(s.arg)] = c.selector.substr(1);
      RenderSegments(c.segments, random, r);
    }
  }
}
}  // namespace

Rendered RenderWithRandomValues(const model::Error& e, std::mt19937& random) {
  Rendered r;
  for (const model::Param& p : e.params) r.values.push_back(RandomValue(p.type, random));
  RenderSegments(e.segments, random, r);
  return r;
}

}  // namespace errcat::testing
