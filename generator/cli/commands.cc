#include "cli/commands.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "backends/backend.h"
#include "backends/driver.h"
#include "backends/terminal/explain.h"
#include "diag/diagnostics.h"
#include "diag/formats.h"
#include "diag/spellcheck.h"
#include "diag/rules.h"
#include "diff/diff.h"
#include "lint/lint.h"
#include "loader/loader.h"
#include "util/keep_until_exit.h"

#ifndef ERRCAT_VERSION
#define ERRCAT_VERSION "0.0.0"
#endif

namespace errcat::cli {
namespace {

// A loaded set lives until the process exits (see util::KeepUntilExit); nullptr if it did not load.
const model::CatalogSet* Keep(std::optional<model::CatalogSet> set) {
  return set ? util::KeepUntilExit(std::move(*set)) : nullptr;
}

enum class ColorMode { kAuto, kAlways, kNever };

bool UseColor(ColorMode mode, int fd) {
  if (mode == ColorMode::kAlways) return true;
  if (mode == ColorMode::kNever) return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(fd) && (no_color == nullptr || *no_color == '\0') &&
         !(term && std::string_view(term) == "dumb");
}

struct CommonOptions {
  std::vector<std::string> paths;
  std::string source_root;
  ColorMode color = ColorMode::kAuto;
};

void AddCommon(CLI::App* cmd, CommonOptions& common) {
  cmd->add_option("--source-root", common.source_root,
                  "Folder that generated files name catalogs relative to (default: the deepest folder holding every input)");
  cmd->add_option("--color", common.color, "Colour: auto (only on a terminal), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{{"auto", ColorMode::kAuto},
                                           {"always", ColorMode::kAlways},
                                           {"never", ColorMode::kNever}},
          CLI::ignore_case));
}

loader::Options LoaderOptions(const CommonOptions& common) {
  loader::Options options;
  options.source_root = common.source_root;
  return options;
}

enum class ReportFormat { kText, kJson, kGithub, kSarif };

// Prints diagnostics sorted: text on stderr with a count line; json, github and sarif on
// stdout for tools. Returns the exit code.
int Report(const diag::DiagnosticSink& sink, const CommonOptions& common,
           ReportFormat format = ReportFormat::kText) {
  const std::vector<diag::Diagnostic> sorted = sink.Sorted();
  bool io_error = false;
  for (const diag::Diagnostic& d : sorted)
    if (d.severity == diag::Severity::kError && d.rule == diag::kIoRule) io_error = true;
  const int code = io_error ? kExitUsage : sink.HasErrors() ? kExitInvalid : kExitOk;
  if (format == ReportFormat::kJson) std::fputs(diag::FormatJson(sorted).c_str(), stdout);
  if (format == ReportFormat::kGithub) std::fputs(diag::FormatGithub(sorted).c_str(), stdout);
  if (format == ReportFormat::kSarif) std::fputs(diag::FormatSarif(sorted, ERRCAT_VERSION).c_str(), stdout);
  if (format != ReportFormat::kText) return code;
  const bool color = UseColor(common.color, STDERR_FILENO);
  for (const diag::Diagnostic& d : sorted) std::fputs(diag::FormatText(d, color).c_str(), stderr);
  if (sink.error_count() + sink.warning_count() > 0) {
    std::fprintf(stderr, "%d error%s, %d warning%s\n", sink.error_count(),
                 sink.error_count() == 1 ? "" : "s", sink.warning_count(),
                 sink.warning_count() == 1 ? "" : "s");
  }
  return code;
}

int RunCheck(const CommonOptions& common, bool werror, ReportFormat format, bool print_ids) {
  diag::DiagnosticSink sink;
  const model::CatalogSet* set = Keep(loader::LoadPaths(common.paths, LoaderOptions(common), sink));
  if (set) lint::LintSet(*set, sink);
  if (werror) sink.PromoteWarnings();
  const int code = Report(sink, common, format);
  if (print_ids) {
    // For build systems, which name outputs after the ids (errcat_add_catalog).
    if (code == kExitOk && set)
      for (const model::Catalog& c : set->catalogs()) std::printf("%s\n", c.id.c_str());
    return code;
  }
  if (code == kExitOk && set && format == ReportFormat::kText) {
    std::fprintf(stderr, "ok: %zu catalog%s, %zu error code%s\n", set->catalogs().size(),
                 set->catalogs().size() == 1 ? "" : "s", set->error_count(),
                 set->error_count() == 1 ? "" : "s");
  }
  return code;
}

int RunExplain(const CommonOptions& common, const std::string& code) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set = loader::LoadPaths(common.paths, LoaderOptions(common), sink);
  if (!set) return Report(sink, common);
  Report(sink, common);  // warnings, if any
  auto hit = set->FindCode(code);
  if (!hit) {
    std::fprintf(stderr, "error: no error code '%s' in the catalogs%s\n", code.c_str(),
                 diag::DidYouMean(code, set->AllCodes()).c_str());
    return kExitInvalid;
  }
  backends::TerminalStyle style;
  style.color = UseColor(common.color, STDOUT_FILENO);
  std::fputs(backends::ExplainError(*hit->catalog, *hit->error, style).c_str(), stdout);
  return kExitOk;
}

struct GenerateOptions {
  std::string cpp_dir, markdown_dir, html_dir;
  std::string templates_dir;
  std::string depfile;
  bool check = false;
  bool timings = false;
};

// Loads once, then runs the requested back ends together; shared by `generate` and `docs`.
int RunGenerate(const CommonOptions& common, const GenerateOptions& options) {
  diag::DiagnosticSink sink;
  const auto load_start = std::chrono::steady_clock::now();
  const model::CatalogSet* set = Keep(loader::LoadPaths(common.paths, LoaderOptions(common), sink));
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  if (!set) return Report(sink, common);  // a catalog with errors writes nothing

  const auto cpp = backends::MakeCppBackend();
  const auto markdown = backends::MakeMarkdownBackend();
  const auto html = backends::MakeHtmlBackend();
  std::vector<backends::BackendRun> runs;
  auto add = [&](const backends::Backend& backend, const std::string& dir, std::vector<std::string> owned) {
    if (dir.empty()) return;
    backends::RunOptions run;
    run.out_dir = dir;
    run.templates_dir = options.templates_dir;
    run.check = options.check;
    run.depfile = runs.empty() ? options.depfile : "";  // the first output is the depfile's target
    run.owned_extensions = std::move(owned);
    for (const model::Catalog& c : set->catalogs()) run.inputs.push_back(c.path);
    runs.push_back({&backend, std::move(run)});
  };
  add(*cpp, options.cpp_dir, {".hpp", ".cpp"});
  add(*markdown, options.markdown_dir, {".md"});
  add(*html, options.html_dir, {".html", ".json", ".js", ".css", ".xml", ".svg"});
  const std::vector<backends::RunResult> results = backends::RunBackends(runs, *set, sink);
  if (options.timings) {
    // Load = read + parse + validate (files in parallel); back ends render in parallel, staging
    // each file on disk as it is rendered; commit moves the staged files into place.
    std::fprintf(stderr, "errcat: timings: load %.3f s (%zu errors)", load_seconds, set->error_count());
    for (size_t i = 0; i < runs.size(); ++i)
      std::fprintf(stderr, "; %s render+stage %.3f s, commit %.3f s", std::string(runs[i].backend->name()).c_str(),
                   results[i].render_seconds, results[i].write_seconds);
    std::fprintf(stderr, "\n");
  }
  const int code = Report(sink, common);
  if (code != kExitOk) return code;
  size_t stale = 0;
  for (size_t i = 0; i < runs.size(); ++i) {
    const backends::RunResult& result = results[i];
    const std::string& dir = runs[i].options.out_dir;
    if (!result.ok) return kExitUsage;
    if (options.check) {
      for (const std::string& file : result.stale) std::fprintf(stderr, "%s/%s: stale; regenerate it\n", dir.c_str(), file.c_str());
      stale += result.stale.size();
    } else {
      std::fprintf(stderr, "errcat: %s: %zu file%s written, %zu unchanged in %s\n",
                   std::string(runs[i].backend->name()).c_str(), result.written.size(),
                   result.written.size() == 1 ? "" : "s", result.unchanged.size(), dir.c_str());
    }
  }
  if (stale > 0) {
    std::fprintf(stderr, "%zu generated file%s out of date\n", stale, stale == 1 ? "" : "s");
    return kExitInvalid;
  }
  return kExitOk;
}

// One side of a diff: "git:REF", "git:REF:PATH" or a path.
struct DiffSide {
  std::string ref;  // empty: the file system
  std::string path;
};

DiffSide ParseSide(const std::string& spec) {
  if (!spec.starts_with("git:")) return {"", spec};
  const std::string rest = spec.substr(4);
  const size_t colon = rest.find(':');
  if (colon == std::string::npos) return {rest, ""};
  return {rest.substr(0, colon), rest.substr(colon + 1)};
}

std::optional<model::CatalogSet> LoadSide(const DiffSide& side, const DiffSide& other,
                                          const CommonOptions& common, diag::DiagnosticSink& sink) {
  if (side.ref.empty()) return loader::LoadPaths({side.path}, LoaderOptions(common), sink);
  const std::string path = !side.path.empty() ? side.path : other.ref.empty() ? other.path : "";
  if (path.empty()) {
    sink.Error({"git:" + side.ref, 0, 0}, "say which folder to read at the ref: git:REF:PATH", diag::kIoRule);
    return std::nullopt;
  }
  std::vector<loader::SourceFile> sources = loader::ReadGitSources(side.ref, {path}, sink);
  if (sink.HasErrors()) return std::nullopt;
  return loader::LoadSources(std::move(sources), LoaderOptions(common), sink);
}

int RunDiff(const CommonOptions& common, const std::string& base_spec, const std::string& head_spec,
            const std::string& format, const std::vector<std::string>& allow) {
  const DiffSide base = ParseSide(base_spec), head = ParseSide(head_spec);
  // Both sides load at once (each also loads its files in parallel).
  diag::DiagnosticSink sink, base_sink;
  std::optional<model::CatalogSet> base_set;
  std::thread base_loader([&] { base_set = LoadSide(base, head, common, base_sink); });
  std::optional<model::CatalogSet> head_set = LoadSide(head, base, common, sink);
  base_loader.join();
  sink.Merge(base_sink);
  if (!base_set || !head_set || sink.HasErrors()) {
    Report(sink, common);
    std::fprintf(stderr, "errcat diff: cannot compare: %s did not load\n",
                 !base_set ? base_spec.c_str() : head_spec.c_str());
    return kExitUsage;  // a load error is not a verdict on the change
  }
  diff::DiffOptions options;
  options.allowed.insert(allow.begin(), allow.end());
  const diff::DiffResult result = diff::Diff(*base_set, *head_set, options);
  const std::string text = format == "markdown" ? diff::FormatMarkdown(result)
                           : format == "json"   ? diff::FormatJson(result)
                           : format == "github" ? diff::FormatGithub(result)
                                                : diff::FormatText(result);
  std::fputs(text.c_str(), stdout);
  return result.breaking() ? kExitInvalid : kExitOk;
}

}  // namespace

int Run(int argc, char** argv, const std::string& allocator) {
  CLI::App app{"errcat: YAML error catalogs to C++ code, docs and review reports", "errcat"};
  app.set_version_flag("--version",
                       std::string("errcat ") + ERRCAT_VERSION + " (" + allocator + ")");
  app.require_subcommand(1);

  CommonOptions common;
  bool werror = false;
  std::string code;

  CLI::App* check = app.add_subcommand("check", "Validate catalogs and report every problem");
  check->add_option("paths", common.paths, "Catalog files or folders")->required();
  check->add_flag("--werror", werror, "Treat warnings as errors");
  bool print_ids = false;
  check->add_flag("--print-catalog-ids", print_ids, "Print the catalog ids of a valid set, one a line (for build systems)");
  ReportFormat check_format = ReportFormat::kText;
  check->add_option("--format", check_format, "text (stderr), json, github (workflow annotations) or sarif (2.1.0)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ReportFormat>{{"text", ReportFormat::kText},
                                                                              {"json", ReportFormat::kJson},
                                                                              {"github", ReportFormat::kGithub},
                                                                              {"sarif", ReportFormat::kSarif}}));
  AddCommon(check, common);

  CLI::App* explain = app.add_subcommand("explain", "Explain one error code, like rustc --explain");
  explain->add_option("code", code, "The error code, e.g. TOK005")->required();
  explain->add_option("paths", common.paths, "Catalog files or folders")->required();
  AddCommon(explain, common);

  GenerateOptions gen;
  CLI::App* generate = app.add_subcommand("generate", "Generate C++ code from catalogs");
  generate->add_option("--cpp", gen.cpp_dir, "Write <catalog>_errors.hpp/.cpp and errcat_runtime.hpp here");
  generate->add_option("--markdown", gen.markdown_dir, "Also write the Markdown reference here");
  generate->add_option("--html", gen.html_dir, "Also write the HTML reference site here");
  generate->add_option("--templates", gen.templates_dir,
                       "Folder whose <backend>/<name>.mustache files override the built-in templates");
  generate->add_option("--depfile", gen.depfile, "Write a Makefile-syntax list of every file read");
  generate->add_flag("--timings", gen.timings, "Print how long loading, rendering and writing took");
  generate->add_flag("--check", gen.check,
                     "Write nothing; exit 1 and name the files that are out of date");
  generate->add_option("paths", common.paths, "Catalog files or folders")->required();
  AddCommon(generate, common);

  std::string docs_format, docs_dir;
  CLI::App* docs = app.add_subcommand("docs", "Render catalogs as a Markdown reference or a static HTML site");
  docs->add_option("--format", docs_format, "markdown or html")
      ->required()
      ->check(CLI::IsMember({"markdown", "html"}));
  docs->add_option("-o,--output", docs_dir, "Folder to write into")->required();
  docs->add_option("--templates", gen.templates_dir,
                   "Folder whose <format>/<name>.mustache files override the built-in templates");
  docs->add_flag("--check", gen.check, "Write nothing; exit 1 and name the files that are out of date");
  docs->add_option("paths", common.paths, "Catalog files or folders")->required();
  AddCommon(docs, common);

  std::string diff_base, diff_head, diff_format = "text";
  std::vector<std::string> allow;
  CLI::App* diffcmd = app.add_subcommand("diff", "Compare two catalog sets and flag breaking changes");
  diffcmd->add_option("base", diff_base, "The base: a file or folder, git:REF (same paths as HEAD) or git:REF:PATH")
      ->required();
  diffcmd->add_option("head", diff_head, "The head: a file or folder, or git:REF[:PATH]")->required();
  diffcmd->add_option("--format", diff_format, "text, markdown (a pull-request comment), json or github")
      ->check(CLI::IsMember({"text", "markdown", "json", "github"}));
  diffcmd->add_option("--allow", allow, "Accept a breaking rule (repeatable), e.g. --allow error-removed");
  AddCommon(diffcmd, common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (check->parsed()) return RunCheck(common, werror, check_format, print_ids);
  if (diffcmd->parsed()) {
    for (const std::string& rule : allow) {
      const diag::Rule* r = diag::FindRule(rule);
      if (!r || r->kind != diag::RuleKind::kBreaking) {
        std::fprintf(stderr, "errcat diff: --allow %s: not a breaking rule\n", rule.c_str());
        return kExitUsage;
      }
    }
    return RunDiff(common, diff_base, diff_head, diff_format, allow);
  }
  if (explain->parsed()) return RunExplain(common, code);
  if (generate->parsed()) {
    if (gen.cpp_dir.empty() && gen.markdown_dir.empty() && gen.html_dir.empty()) {
      std::fprintf(stderr, "errcat generate: name at least one output: --cpp DIR, --markdown DIR or --html DIR\n");
      return kExitUsage;
    }
    return RunGenerate(common, gen);
  }
  if (docs->parsed()) {
    (docs_format == "markdown" ? gen.markdown_dir : gen.html_dir) = docs_dir;
    return RunGenerate(common, gen);
  }
  return kExitUsage;
}

}  // namespace errcat::cli
