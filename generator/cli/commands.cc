#include "cli/commands.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (check->parsed()) return RunCheck(common, werror);
  if (explain->parsed()) return RunExplain(common, code);
  return kExitUsage;
}

}  // namespace errcat::cli
