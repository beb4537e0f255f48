#include "cli/commands.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "backends/backend.h"
#include "backends/driver.h"
#include "backends/terminal/explain.h"
#include "diag/diagnostics.h"
#include "diag/spellcheck.h"
#include "loader/loader.h"

#ifndef ERRCAT_VERSION
#define ERRCAT_VERSION "0.0.0"
#endif

namespace errcat::cli {
namespace {

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
                  "Folder that generated files name catalogs relative to (default: current directory)");
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

// Prints diagnostics sorted, then a count line when there were any. Returns the exit code.
int Report(const diag::DiagnosticSink& sink, const CommonOptions& common) {
  const bool color = UseColor(common.color, STDERR_FILENO);
  bool io_error = false;
  for (const diag::Diagnostic& d : sink.Sorted()) {
    std::fputs(diag::FormatText(d, color).c_str(), stderr);
    if (d.severity == diag::Severity::kError && d.rule == loader::kIoRule) io_error = true;
  }
  if (sink.error_count() + sink.warning_count() > 0) {
    std::fprintf(stderr, "%d error%s, %d warning%s\n", sink.error_count(),
                 sink.error_count() == 1 ? "" : "s", sink.warning_count(),
                 sink.warning_count() == 1 ? "" : "s");
  }
  if (io_error) return kExitUsage;
  return sink.HasErrors() ? kExitInvalid : kExitOk;
}

int RunCheck(const CommonOptions& common, bool werror) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set = loader::LoadPaths(common.paths, LoaderOptions(common), sink);
  if (werror) sink.PromoteWarnings();
  const int code = Report(sink, common);
  if (code == kExitOk && set) {
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
  std::string cpp_dir;
  std::string templates_dir;
  std::string depfile;
  bool check = false;
};

// Loads, then runs one back end; shared by `generate` and `docs`.
int RunGenerate(const CommonOptions& common, const backends::Backend& backend,
                const std::string& out_dir, const GenerateOptions& options,
                const std::vector<std::string>& owned_extensions) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set = loader::LoadPaths(common.paths, LoaderOptions(common), sink);
  if (!set) return Report(sink, common);  // a catalog with errors writes nothing

  backends::RunOptions run;
  run.out_dir = out_dir;
  run.templates_dir = options.templates_dir;
  run.check = options.check;
  run.depfile = options.depfile;
  run.owned_extensions = owned_extensions;
  for (const model::Catalog& c : set->catalogs()) run.inputs.push_back(c.path);
  backends::RunResult result = backends::RunBackend(backend, *set, run, sink);
  const int code = Report(sink, common);
  if (code != kExitOk || !result.ok) return code != kExitOk ? code : kExitUsage;
  if (options.check) {
    for (const std::string& file : result.stale)
      std::fprintf(stderr, "%s/%s: stale; regenerate it\n", out_dir.c_str(), file.c_str());
    if (!result.stale.empty()) {
      std::fprintf(stderr, "%zu generated file%s out of date in %s\n", result.stale.size(),
                   result.stale.size() == 1 ? "" : "s", out_dir.c_str());
      return kExitInvalid;
    }
    return kExitOk;
  }
  std::fprintf(stderr, "errcat: %s: %zu file%s written, %zu unchanged in %s\n",
               std::string(backend.name()).c_str(), result.written.size(),
               result.written.size() == 1 ? "" : "s", result.unchanged.size(), out_dir.c_str());
  return kExitOk;
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"errcat: YAML error catalogs to C++ code, docs and review reports", "errcat"};
  app.set_version_flag("--version", std::string("errcat ") + ERRCAT_VERSION);
  app.require_subcommand(1);

  CommonOptions common;
  bool werror = false;
  std::string code;

  CLI::App* check = app.add_subcommand("check", "Validate catalogs and report every problem");
  check->add_option("paths", common.paths, "Catalog files or folders")->required();
  check->add_flag("--werror", werror, "Treat warnings as errors");
  AddCommon(check, common);

  CLI::App* explain = app.add_subcommand("explain", "Explain one error code, like rustc --explain");
  explain->add_option("code", code, "The error code, e.g. TOK005")->required();
  explain->add_option("paths", common.paths, "Catalog files or folders")->required();
  AddCommon(explain, common);

  GenerateOptions gen;
  CLI::App* generate = app.add_subcommand("generate", "Generate C++ code from catalogs");
  generate->add_option("--cpp", gen.cpp_dir, "Write <catalog>_errors.hpp/.cpp and errcat_runtime.hpp here")
      ->required();
  generate->add_option("--templates", gen.templates_dir,
                       "Folder whose <backend>/<name>.mustache files override the built-in templates");
  generate->add_option("--depfile", gen.depfile, "Write a Makefile-syntax list of every file read");
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (check->parsed()) return RunCheck(common, werror);
  if (explain->parsed()) return RunExplain(common, code);
  if (generate->parsed())
    return RunGenerate(common, *backends::MakeCppBackend(), gen.cpp_dir, gen, {".hpp", ".cpp"});
  if (docs->parsed()) {
    if (docs_format == "markdown")
      return RunGenerate(common, *backends::MakeMarkdownBackend(), docs_dir, gen, {".md"});
    return RunGenerate(common, *backends::MakeHtmlBackend(), docs_dir, gen, {".html", ".json", ".js", ".css", ".xml"});
  }
  return kExitUsage;
}

}  // namespace errcat::cli
