#include "cli/commands.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>

#include "backends/base/driver.h"
#include "backends/base/output.h"
#include "diag/diagnostics.h"
#include "diag/formats.h"
#include "diag/rules.h"
#include "diag/spellcheck.h"
#include "diff/changelog.h"
#include "diff/diff.h"
#include "explain/explain.h"
#include "history/history.h"
#include "lint/lint.h"
#include "loader/loader.h"
#include "loader/source_spec.h"
#include "loader/translations.h"
#include "lock/lock.h"
#include "match/match.h"
#include "po/po.h"
#include "serve/server.h"
#include "util/keep_until_exit.h"
#include "util/text.h"

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
                  "Folder that generated files name catalogs relative to (default: the deepest "
                  "folder holding every input)");
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

// --- The commands: each declares its options and calls one function of the layers below. ---

struct CheckOptions {
  CommonOptions common;
  bool werror = false;
  bool print_ids = false;
  ReportFormat format = ReportFormat::kText;
  std::string lock;  // "" for the one beside the catalogs, if any
  bool lock_stale = false;
};

// "errcat lock PATHS...": what to run when the lock is stale.
std::string LockCommand(const std::vector<std::string>& paths) {
  std::string command = "errcat lock";
  for (const std::string& p : paths) command += " " + p;
  return command;
}

int RunCheck(const CheckOptions& o) {
  diag::DiagnosticSink sink;
  // The history: the lock beside the catalogs (or --lock), when there is one, read while the
  // catalogs load. Not for --print-catalog-ids: build systems ask for names,
  // errcat_add_catalog(LOCK) checks.
  std::optional<lock::BackgroundLock> pending;
  if (!o.print_ids)
    pending.emplace(o.lock.empty() ? lock::DefaultLockPath(o.common.paths) : o.lock,
                    !o.lock.empty());
  const model::CatalogSet* set =
      Keep(loader::LoadPaths(o.common.paths, LoaderOptions(o.common), sink));
  if (set) lint::LintSet(*set, sink);
  if (pending) {
    const lock::FoundLock found = pending->Take(sink);
    if (set && found.lock) {
      lock::Check(*found.lock, *set, {o.lock_stale, LockCommand(o.common.paths)}, sink);
    } else if (set && !found.exists && o.lock_stale) {
      sink.Error({found.path, 0, 0},
                 "no lock file beside the catalogs; run `" + LockCommand(o.common.paths) + "`",
                 "lock-stale");
    }
  }
  if (o.werror) sink.PromoteWarnings();
  const int code = Report(sink, o.common, o.format);
  if (o.print_ids) {
    // For build systems, which name outputs after the ids (errcat_add_catalog).
    if (code == kExitOk && set)
      for (const model::Catalog& c : set->catalogs()) std::printf("%s\n", c.id.c_str());
    return code;
  }
  if (code == kExitOk && set && o.format == ReportFormat::kText) {
    std::string coverage;
    for (const loader::LocaleCoverage& c : loader::MessageCoverage(*set))
      coverage += (coverage.empty() ? "; translations: " : ", ") + c.locale + ": " +
                  std::to_string(c.translated) + "/" + std::to_string(c.total) + " messages";
    std::fprintf(stderr, "ok: %zu catalog%s, %zu error code%s%s\n", set->catalogs().size(),
                 set->catalogs().size() == 1 ? "" : "s", set->error_count(),
                 set->error_count() == 1 ? "" : "s", coverage.c_str());
  }
  return code;
}

std::function<int()> DefineCheck(CLI::App& cmd) {
  auto o = std::make_shared<CheckOptions>();
  cmd.add_option("paths", o->common.paths, "Catalog files or folders")->required();
  cmd.add_flag("--werror", o->werror, "Treat warnings as errors");
  cmd.add_flag("--print-catalog-ids", o->print_ids,
               "Print the catalog ids of a valid set, one a line (for build systems)");
  cmd.add_option(
      "--lock", o->lock,
      "The lock file to check against (default: errcat.lock beside the catalogs, if any)");
  cmd.add_flag("--lock-stale", o->lock_stale,
               "Also fail on codes the lock does not hold yet (for CI)");
  cmd.add_option("--format", o->format,
                 "text (stderr), json, github (workflow annotations) or sarif (2.1.0)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ReportFormat>{{"text", ReportFormat::kText},
                                              {"json", ReportFormat::kJson},
                                              {"github", ReportFormat::kGithub},
                                              {"sarif", ReportFormat::kSarif}}));
  AddCommon(&cmd, o->common);
  return [o] { return RunCheck(*o); };
}

struct ExplainOptions {
  CommonOptions common;
  std::string code;
  std::string lang;  // "" for the catalog's own language
};

int RunExplain(const ExplainOptions& o) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set =
      loader::LoadPaths(o.common.paths, LoaderOptions(o.common), sink);
  if (!set) return Report(sink, o.common);
  Report(sink, o.common);  // warnings, if any
  auto hit = set->FindCode(o.code);
  explain::TerminalStyle style;
  style.color = UseColor(o.common.color, STDOUT_FILENO);
  if (!hit) {
    // A code the lock remembers: its tombstone, so old logs still get an answer.
    diag::DiagnosticSink lock_sink;  // the catalogs' warnings are already printed
    const lock::FoundLock found = lock::FindLock(o.common.paths, "", lock_sink);
    if (found.exists && !found.lock) return Report(lock_sink, o.common);
    if (const lock::Entry* entry = found.lock ? found.lock->Find(o.code) : nullptr;
        entry && entry->state == lock::State::kRetired) {
      std::fputs(explain::ExplainRetired(*entry, style).c_str(), stdout);
      return kExitOk;
    }
    std::fprintf(stderr, "error: no error code '%s' in the catalogs%s\n", o.code.c_str(),
                 diag::DidYouMean(o.code, set->AllCodes()).c_str());
    return kExitInvalid;
  }
  if (o.lang.empty()) {
    std::fputs(explain::ExplainError(*hit->catalog, *hit->error, style).c_str(), stdout);
    return kExitOk;
  }
  if (!util::IsLanguageTag(o.lang)) {
    std::fprintf(stderr, "error: --lang '%s' is not a BCP 47 language tag (de, de-AT, pt-BR)\n",
                 o.lang.c_str());
    return kExitInvalid;
  }
  // Each text in the reader's language where the translation has it, else the catalog's.
  const model::LocalizedError localized = model::Localize(*hit->catalog, *hit->error, o.lang);
  if (!localized.untranslated.empty()) {
    std::string texts;
    for (const std::string& t : localized.untranslated) texts += (texts.empty() ? "" : ", ") + t;
    std::fprintf(stderr, "note: %s of %s not translated into %s; shown in %s\n", texts.c_str(),
                 hit->error->code.c_str(), o.lang.c_str(), hit->catalog->locale.c_str());
  }
  std::fputs(explain::ExplainError(*hit->catalog, localized.error, style).c_str(), stdout);
  return kExitOk;
}

std::function<int()> DefineExplain(CLI::App& cmd) {
  auto o = std::make_shared<ExplainOptions>();
  cmd.add_option("code", o->code, "The error code, e.g. TOK005")->required();
  cmd.add_option("--lang", o->lang,
                 "Show the texts in this language (BCP 47: de, de-AT) where the catalog has a "
                 "translation; de-AT falls back to de, then to the catalog's own");
  cmd.add_option("paths", o->common.paths, "Catalog files or folders")->required();
  AddCommon(&cmd, o->common);
  return [o] { return RunExplain(*o); };
}

struct GenerateCommand {
  CommonOptions common;
  backends::GenerateOptions generate;
  bool timings = false;
  std::string lock;                    // for the site's history: "" for the one beside the catalogs
  std::vector<std::string> changelog;  // past releases, oldest first
};

// The site's history options, shared by `generate --html` and `docs --format html`.
void AddHistoryOptions(CLI::App& cmd, GenerateCommand& o) {
  cmd.add_option("--lock", o.lock,
                 "The lock file whose retired codes get tombstone pages on the site (default: "
                 "errcat.lock beside the catalogs, if any)");
  cmd.add_option("--changelog", o.changelog,
                 "Past releases, oldest first (repeatable; git:REF[:PATH], a range "
                 "git:FROM..TO, or a folder): the site gets changes.html and shows since / "
                 "deprecated in");
}

// Loads once, then runs the requested back ends together; shared by `generate` and `docs`.
int RunGenerate(const GenerateCommand& o) {
  diag::DiagnosticSink sink;
  const auto load_start = std::chrono::steady_clock::now();
  const model::CatalogSet* set =
      Keep(loader::LoadPaths(o.common.paths, LoaderOptions(o.common), sink));
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  if (!set) return Report(sink, o.common);  // a catalog with errors writes nothing

  backends::GenerateOptions generate = o.generate;
  std::optional<model::History> history;
  if (!generate.html_dir.empty()) {
    history =
        history::Load(*set, {o.common.paths, o.lock, o.changelog, LoaderOptions(o.common)}, sink);
    if (!history) return Report(sink, o.common);
    generate.history = &*history;
  }
  const std::vector<backends::GenerateReport> reports = backends::Generate(*set, generate, sink);
  if (o.timings) {
    // Load = read + parse + validate (files in parallel); back ends render in parallel, staging
    // each file on disk as it is rendered; commit moves the staged files into place.
    std::fprintf(stderr, "errcat: timings: load %.3f s (%zu errors)", load_seconds, set->error_count());
    for (const backends::GenerateReport& r : reports)
      std::fprintf(stderr, "; %s render+stage %.3f s, commit %.3f s",
                   std::string(r.backend).c_str(), r.result.render_seconds, r.result.write_seconds);
    std::fprintf(stderr, "\n");
  }
  const int code = Report(sink, o.common);
  if (code != kExitOk) return code;
  size_t stale = 0;
  for (const backends::GenerateReport& r : reports) {
    if (!r.result.ok) return kExitUsage;
    if (o.generate.check) {
      for (const std::string& file : r.result.stale)
        std::fprintf(stderr, "%s/%s: stale; regenerate it\n", r.out_dir.c_str(), file.c_str());
      stale += r.result.stale.size();
    } else {
      std::fprintf(stderr, "errcat: %s: %zu file%s written, %zu unchanged in %s\n",
                   std::string(r.backend).c_str(), r.result.written.size(),
                   r.result.written.size() == 1 ? "" : "s", r.result.unchanged.size(),
                   r.out_dir.c_str());
    }
  }
  if (stale > 0) {
    std::fprintf(stderr, "%zu generated file%s out of date\n", stale, stale == 1 ? "" : "s");
    return kExitInvalid;
  }
  return kExitOk;
}

std::function<int()> DefineGenerate(CLI::App& cmd) {
  auto o = std::make_shared<GenerateCommand>();
  backends::GenerateOptions& g = o->generate;
  cmd.add_option("--cpp", g.cpp_dir, "Write <catalog>_errors.hpp/.cpp and errcat_runtime.hpp here");
  cmd.add_option("--markdown", g.markdown_dir, "Write the Markdown reference here");
  cmd.add_option("--html", g.html_dir, "Write the HTML reference site here");
  cmd.add_option("--openapi", g.openapi_file,
                 "Write an OpenAPI 3.1 fragment of the errors to this file (.json, else YAML)");
  cmd.add_option("--templates", g.templates_dir,
                 "Folder whose <backend>/<name>.mustache files override the built-in templates");
  cmd.add_option("--depfile", g.depfile, "Write a Makefile-syntax list of every file read");
  cmd.add_flag("--timings", o->timings, "Print how long loading, rendering and writing took");
  cmd.add_flag("--check", g.check, "Write nothing; exit 1 and name the files that are out of date");
  AddHistoryOptions(cmd, *o);
  cmd.add_option("paths", o->common.paths, "Catalog files or folders")->required();
  AddCommon(&cmd, o->common);
  return [o] {
    if (o->generate.cpp_dir.empty() && o->generate.markdown_dir.empty() &&
        o->generate.html_dir.empty() && o->generate.openapi_file.empty()) {
      std::fprintf(
          stderr,
          "errcat generate: name at least one output: --cpp DIR, --markdown DIR, --html DIR or "
          "--openapi FILE\n");
      return kExitUsage;
    }
    return RunGenerate(*o);
  };
}

struct DocsCommand {
  GenerateCommand generate;
  std::string format, dir;
};

std::function<int()> DefineDocs(CLI::App& cmd) {
  auto o = std::make_shared<DocsCommand>();
  cmd.add_option("--format", o->format, "markdown or html")
      ->required()
      ->check(CLI::IsMember({"markdown", "html"}));
  cmd.add_option("-o,--output", o->dir, "Folder to write into")->required();
  cmd.add_option("--templates", o->generate.generate.templates_dir,
                 "Folder whose <format>/<name>.mustache files override the built-in templates");
  cmd.add_flag("--check", o->generate.generate.check,
               "Write nothing; exit 1 and name the files that are out of date");
  AddHistoryOptions(cmd, o->generate);
  cmd.add_option("paths", o->generate.common.paths, "Catalog files or folders")->required();
  AddCommon(&cmd, o->generate.common);
  return [o] {
    (o->format == "markdown" ? o->generate.generate.markdown_dir : o->generate.generate.html_dir) =
        o->dir;
    return RunGenerate(o->generate);
  };
}

struct DiffCommand {
  CommonOptions common;
  std::string base, head, format = "text";
  std::vector<std::string> allow;
};

int RunDiff(const DiffCommand& o) {
  for (const std::string& rule : o.allow) {
    const diag::Rule* r = diag::FindRule(rule);
    if (!r || r->kind != diag::RuleKind::kBreaking) {
      std::fprintf(stderr, "errcat diff: --allow %s: not a breaking rule\n", rule.c_str());
      return kExitUsage;
    }
  }
  diag::DiagnosticSink sink;
  const loader::LoadedPair sets = loader::LoadPair(o.base, o.head, LoaderOptions(o.common), sink);
  if (!sets.base || !sets.head || sink.HasErrors()) {
    Report(sink, o.common);
    std::fprintf(stderr, "errcat diff: cannot compare: %s did not load\n",
                 !sets.base ? o.base.c_str() : o.head.c_str());
    return kExitUsage;  // a load error is not a verdict on the change
  }
  diff::DiffOptions options;
  options.allowed.insert(o.allow.begin(), o.allow.end());
  const diff::DiffResult result = diff::Diff(*sets.base, *sets.head, options);
  const std::string text = o.format == "markdown" ? diff::FormatMarkdown(result)
                           : o.format == "json"   ? diff::FormatJson(result)
                           : o.format == "github" ? diff::FormatGithub(result)
                           : o.format == "sarif"  ? diff::FormatSarif(result, ERRCAT_VERSION)
                                                  : diff::FormatText(result);
  std::fputs(text.c_str(), stdout);
  return result.breaking() ? kExitInvalid : kExitOk;
}

std::function<int()> DefineDiff(CLI::App& cmd) {
  auto o = std::make_shared<DiffCommand>();
  cmd.add_option("base", o->base,
                 "The base: a file or folder, git:REF (same paths as HEAD) or git:REF:PATH")
      ->required();
  cmd.add_option("head", o->head, "The head: a file or folder, or git:REF[:PATH]")->required();
  cmd.add_option("--format", o->format,
                 "text, markdown (a pull-request comment), json, github or sarif (2.1.0)")
      ->check(CLI::IsMember({"text", "markdown", "json", "github", "sarif"}));
  cmd.add_option("--allow", o->allow,
                 "Accept a breaking rule (repeatable), e.g. --allow error-removed");
  AddCommon(&cmd, o->common);
  return [o] { return RunDiff(*o); };
}

struct ChangelogCommand {
  CommonOptions common;
  std::vector<std::string> releases;  // oldest first: a file or folder, or git:REF[:PATH] each
  std::string format = "markdown";
};

int RunChangelog(const ChangelogCommand& o) {
  diag::DiagnosticSink sink;
  const std::vector<std::string> specs = loader::ExpandReleaseRanges(o.releases, sink);
  if (sink.HasErrors()) return Report(sink, o.common);
  if (specs.size() < 2) {
    std::fprintf(
        stderr,
        "errcat changelog: give two releases or more, oldest first, or a range git:FROM..TO\n");
    return kExitUsage;
  }
  const std::vector<std::optional<model::CatalogSet>> sets =
      loader::LoadSeries(specs, LoaderOptions(o.common), sink);
  std::vector<diff::Release> releases;
  for (size_t i = 0; i < sets.size(); ++i) {
    if (!sets[i]) {  // a set with errors does not load
      Report(sink, o.common);
      std::fprintf(stderr, "errcat changelog: %s did not load\n", specs[i].c_str());
      return kExitUsage;
    }
    releases.push_back({&*sets[i], loader::ReleaseLabel(specs[i])});
  }
  const diff::ChangelogFormat format = o.format == "json" ? diff::ChangelogFormat::kJson
                                       : o.format == "html-fragment"
                                           ? diff::ChangelogFormat::kHtmlFragment
                                           : diff::ChangelogFormat::kMarkdown;
  std::fputs(diff::Changelog(releases, format).c_str(), stdout);
  return kExitOk;
}

std::function<int()> DefineChangelog(CLI::App& cmd) {
  auto o = std::make_shared<ChangelogCommand>();
  cmd.add_option(
         "releases", o->releases,
         "Two releases or more, oldest first, each a file or folder or git:REF[:PATH], or a "
         "range git:FROM..TO[:PATH] (FROM, every tag between, TO): one section per "
         "release, newest first")
      ->required();
  cmd.add_option("--format", o->format, "markdown (default), json or html-fragment")
      ->check(CLI::IsMember({"markdown", "json", "html-fragment"}));
  AddCommon(&cmd, o->common);
  return [o] { return RunChangelog(*o); };
}

struct LockCommandOptions {
  CommonOptions common;
  std::string output;  // "" for errcat.lock beside the catalogs
  std::string version;
};

int RunLock(const LockCommandOptions& o) {
  diag::DiagnosticSink sink;
  const std::string path = o.output.empty() ? lock::DefaultLockPath(o.common.paths) : o.output;
  lock::BackgroundLock pending(path, false);  // read while the catalogs load
  const model::CatalogSet* set =
      Keep(loader::LoadPaths(o.common.paths, LoaderOptions(o.common), sink));
  lock::FoundLock found = pending.Take(sink);
  if (!set) return Report(sink, o.common);
  const lock::UpdateResult result = lock::UpdateLockFile(
      *set, std::move(found), o.version.empty() ? lock::Today() : o.version, sink);
  const int code = Report(sink, o.common);
  if (code != kExitOk || !result.ok) return code != kExitOk ? code : kExitUsage;
  std::fprintf(stderr, "errcat: lock: %d code%s, %d added, %d advanced; %s %s\n", result.total,
               result.total == 1 ? "" : "s", result.added, result.advanced, path.c_str(),
               result.changed ? "written" : "unchanged");
  return kExitOk;
}

std::function<int()> DefineLock(CLI::App& cmd) {
  auto o = std::make_shared<LockCommandOptions>();
  cmd.add_option("paths", o->common.paths, "Catalog files or folders")->required();
  cmd.add_option("-o,--output", o->output,
                 "The lock file (default: errcat.lock beside the catalogs)");
  cmd.add_option("--version", o->version,
                 "What to stamp new entries and state changes with (default: today's date)");
  AddCommon(&cmd, o->common);
  return [o] { return RunLock(*o); };
}

struct MatchCommand {
  CommonOptions common;
  std::vector<std::string> args;  // TEXT PATHS..., or PATHS... with --file
  std::string file, format = "text";
};

int RunMatch(const MatchCommand& o) {
  std::vector<std::string> paths = o.args;
  std::string text;
  if (o.file.empty()) {
    if (paths.size() < 2) {
      std::fprintf(
          stderr,
          "errcat match: give the text, then the catalogs: errcat match \"TEXT\" PATHS...\n");
      return kExitUsage;
    }
    text = paths.front();
    paths.erase(paths.begin());
  }
  CommonOptions common = o.common;
  common.paths = paths;
  diag::DiagnosticSink sink;
  const model::CatalogSet* set = Keep(loader::LoadPaths(paths, LoaderOptions(common), sink));
  if (!set) return Report(sink, common);
  Report(sink, common);  // warnings, if any
  const bool json = o.format == "json";
  if (o.file.empty()) {
    const std::vector<match::Match> matches = match::MatchMessage(*set, text);
    std::fputs((json ? match::FormatJson(text, matches, true) : match::FormatText(matches)).c_str(),
               stdout);
    if (matches.empty() && !json)
      std::fprintf(stderr, "errcat match: no error's message fits the text\n");
    return matches.empty() ? kExitInvalid : kExitOk;
  }
  // A log: each line's best match (JSON: one object a line).
  std::FILE* in = o.file == "-" ? stdin : std::fopen(o.file.c_str(), "rb");
  if (!in) {
    std::fprintf(stderr, "%s: error: cannot open the log file [io]\n", o.file.c_str());
    return kExitUsage;
  }
  const match::LogSummary summary = match::MatchLog(
      *set, in, o.file, json, [](const std::string& text) { std::fputs(text.c_str(), stdout); });
  if (in != stdin) std::fclose(in);
  std::fprintf(stderr, "errcat match: %zu of %zu lines matched an error\n", summary.matched,
               summary.lines);
  return summary.matched > 0 ? kExitOk : kExitInvalid;
}

std::function<int()> DefineMatch(CLI::App& cmd) {
  auto o = std::make_shared<MatchCommand>();
  cmd.add_option("args", o->args,
                 "The rendered message (a log line will do), then the catalog files or folders")
      ->required();
  cmd.add_option(
      "--file", o->file,
      "Match every line of this log instead (- for stdin); then all arguments are catalogs");
  cmd.add_option("--format", o->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddCommon(&cmd, o->common);
  return [o] { return RunMatch(*o); };
}

struct PoCommand {
  CommonOptions common;
  std::string locale, catalog, output, po_file;
};

int RunPoExport(const PoCommand& o) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set =
      loader::LoadPaths(o.common.paths, LoaderOptions(o.common), sink);
  if (!set) return Report(sink, o.common);
  std::optional<std::string> text = po::ExportFor(*set, o.catalog, o.locale, sink);
  if (!text) return Report(sink, o.common);
  if (o.output.empty() || o.output == "-") {
    std::fputs(text->c_str(), stdout);
  } else if (std::string error = backends::WriteFileAtomically(o.output, *text); !error.empty()) {
    sink.Error({o.output, 0, 0}, error, "io");
    return Report(sink, o.common);
  }
  return kExitOk;
}

int RunPoImport(const PoCommand& o) {
  diag::DiagnosticSink sink;
  std::optional<model::CatalogSet> set =
      loader::LoadPaths(o.common.paths, LoaderOptions(o.common), sink);
  if (!set) return Report(sink, o.common);
  const std::optional<std::string> written = po::ImportFile(*set, o.po_file, o.output, sink);
  Report(sink, o.common);  // warnings, if any
  if (!written) return sink.HasErrors() ? kExitInvalid : kExitUsage;
  std::fprintf(stderr, "errcat po: wrote %s\n", written->c_str());
  return kExitOk;
}

std::function<int()> DefinePo(CLI::App& cmd) {
  auto o = std::make_shared<PoCommand>();
  cmd.require_subcommand(1);
  CLI::App* ex =
      cmd.add_subcommand("export", "Write one catalog's texts in a locale as a gettext PO file");
  ex->add_option("--locale", o->locale, "The translation's locale (BCP 47: de, de-AT)")->required();
  ex->add_option("--catalog", o->catalog, "The catalog, when the files hold several");
  ex->add_option("-o,--output", o->output, "The PO file (default: stdout)");
  ex->add_option("paths", o->common.paths, "Catalog files or folders")->required();
  AddCommon(ex, o->common);
  CLI::App* im = cmd.add_subcommand(
      "import", "Write the translation a PO file gives (checked; what it does not touch stays)");
  im->add_option("po_file", o->po_file, "The PO file")->required();
  im->add_option("paths", o->common.paths, "Catalog files or folders (its catalog among them)")
      ->required();
  im->add_option("-o,--output", o->output,
                 "The translation file (default: the set's translation into that locale, else "
                 "<catalog>.<locale>.yaml beside the catalog)");
  AddCommon(im, o->common);
  return [o, ex] { return ex->parsed() ? RunPoExport(*o) : RunPoImport(*o); };
}

std::function<int()> DefineServe(CLI::App& cmd) {
  auto o = std::make_shared<serve::ServeOptions>();
  auto common = std::make_shared<CommonOptions>();
  cmd.add_option("--port", o->port, "Port to listen on (0: any free port, printed)")
      ->check(CLI::Range(0, 65535));
  cmd.add_option("--host", o->host,
                 "Address to listen on (default 127.0.0.1: only this machine can connect)");
  cmd.add_flag("--open", o->open, "Open the site in the desktop's browser");
  cmd.add_option("--lock", o->site.lock,
                 "The lock file whose retired codes get tombstone pages (default: errcat.lock "
                 "beside the catalogs, if any)");
  cmd.add_option("--templates", o->site.templates_dir,
                 "Folder whose html/<name>.mustache files override the built-in templates");
  cmd.add_option("paths", common->paths, "Catalog files or folders")->required();
  AddCommon(&cmd, *common);
  return [o, common] {
    o->site.paths = common->paths;
    o->site.loader = LoaderOptions(*common);
    return serve::Serve(*o);
  };
}

// The command table, as ninja's tools: a name, a line of help, and what declares and runs it.
struct Command {
  const char* name;
  const char* help;
  std::function<int()> (*define)(CLI::App&);
  bool long_lived = false;  // runs until stopped, rebuilding as files change
};

constexpr Command kCommands[] = {
    {"check", "Validate catalogs and report every problem", DefineCheck},
    {"explain", "Explain one error code, like rustc --explain", DefineExplain},
    {"generate", "Generate C++ code, the Markdown reference and/or the HTML site from catalogs",
     DefineGenerate},
    {"docs", "Render catalogs as a Markdown reference or a static HTML site", DefineDocs},
    {"serve", "Serve the HTML site on this machine, rebuilt and reloaded as the catalogs are saved",
     DefineServe, /*long_lived=*/true},
    {"diff", "Compare two catalog sets and flag breaking changes", DefineDiff},
    {"changelog", "Release notes of the errors between two catalog sets, for API users",
     DefineChangelog},
    {"match", "Which error printed this message, with the arguments it took (a log line will do)",
     DefineMatch},
    {"lock", "Record every code the catalogs issue in errcat.lock (only adds and advances)",
     DefineLock},
    {"po", "Export a catalog's texts to a gettext PO file for translators, or import one",
     DefinePo},
};

}  // namespace

int Run(int argc, char** argv, const Allocator& allocator) {
  CLI::App app{"errcat: YAML error catalogs to C++ code, docs and review reports", "errcat"};
  app.set_version_flag("--version",
                       std::string("errcat ") + ERRCAT_VERSION + " (" + allocator.name + ")");
  app.require_subcommand(1);
  struct Defined {
    CLI::App* app;
    std::function<int()> run;
    bool long_lived;
  };
  std::vector<Defined> commands;
  for (const Command& c : kCommands) {
    CLI::App* cmd = app.add_subcommand(c.name, c.help);
    commands.push_back({cmd, c.define(*cmd), c.long_lived});
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  for (const Defined& c : commands) {
    if (!c.app->parsed()) continue;
    if (c.long_lived && allocator.keep_freed_memory) allocator.keep_freed_memory();
    return c.run();
  }
  return kExitUsage;
}

}  // namespace errcat::cli
