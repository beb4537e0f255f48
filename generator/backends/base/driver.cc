#include "backends/base/driver.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "diag/rules.h"

namespace errcat::backends {
namespace fs = std::filesystem;

namespace {

struct RunOptions {
  std::string out_dir;
  std::string templates_dir;        // overrides; "" for the built-in templates
  bool check = false;               // compare instead of write
  std::string depfile;              // write a depfile listing every input read
  std::vector<std::string> inputs;  // catalog files read (for the depfile)
};

struct Rendered {
  explicit Rendered(const RunOptions& options)
      : templates(options.templates_dir),
        out(options.check ? OutputContext::Mode::kCheck : OutputContext::Mode::kWrite,
            options.out_dir) {}
  TemplateSet templates;
  OutputContext out;
  diag::DiagnosticSink sink;
  bool ok = false;
  double seconds = 0;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Writes or compares what one back end rendered.
RunResult Finish(const Backend& backend, Rendered& rendered, const RunOptions& options,
                 diag::DiagnosticSink& sink) {
  RunResult result;
  OutputContext& out = rendered.out;
  TemplateSet& templates = rendered.templates;

  if (options.check) {
    result.stale = out.Stale(backend.owned_extensions());
    result.ok = true;
    return result;
  }
  OutputContext::CommitResult commit = out.Commit(sink);
  result.written = std::move(commit.written);
  result.unchanged = std::move(commit.unchanged);
  if (!commit.ok) return result;

  if (!options.depfile.empty() && out.file_count() != 0) {
    std::vector<std::string> deps;
    std::error_code ec;
    for (const std::string& input : options.inputs)
      deps.push_back(fs::absolute(input, ec).string());
    for (const std::string& t : templates.files_read())
      deps.push_back(fs::absolute(t, ec).string());
    const std::string target = fs::absolute(fs::path(options.out_dir) / out.primary(), ec).string();
    if (std::string error = WriteFileAtomically(options.depfile, DepfileText(target, deps));
        !error.empty()) {
      sink.Error({options.depfile, 0, 0}, error, diag::kIoRule);
      return result;
    }
  }
  result.ok = true;
  return result;
}

struct BackendRun {
  const Backend* backend;
  RunOptions options;
};

std::vector<RunResult> RunBackends(const std::vector<BackendRun>& runs,
                                   const model::CatalogSet& set, diag::DiagnosticSink& sink) {
  std::vector<std::unique_ptr<Rendered>> rendered;
  for (const BackendRun& run : runs) rendered.push_back(std::make_unique<Rendered>(run.options));
  auto render = [&](size_t i) {
    const auto start = std::chrono::steady_clock::now();
    Rendered& r = *rendered[i];
    // Flush even when Generate failed: a file the staging thread could not write is what made
    // it fail, and Flush reports it.
    const bool generated = runs[i].backend->Generate(set, r.templates, r.out, r.sink);
    r.ok = r.out.Flush(r.sink) && generated;
    r.seconds = SecondsSince(start);
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < runs.size(); ++i) threads.emplace_back(render, i);
  if (!runs.empty()) render(0);
  for (std::thread& t : threads) t.join();

  std::vector<RunResult> results(runs.size());
  bool all_ok = true;
  for (const auto& r : rendered) {
    sink.Merge(r->sink);
    all_ok &= r->ok;
  }
  if (!all_ok) return results;  // ~OutputContext discards what was staged: nothing is written
  for (size_t i = 0; i < runs.size(); ++i) {
    const auto start = std::chrono::steady_clock::now();
    results[i] = Finish(*runs[i].backend, *rendered[i], runs[i].options, sink);
    results[i].render_seconds = rendered[i]->seconds;
    results[i].write_seconds = SecondsSince(start);
  }
  return results;
}

}  // namespace

std::vector<GenerateReport> Generate(const model::CatalogSet& set, const GenerateOptions& options,
                                     diag::DiagnosticSink& sink) {
  const std::unique_ptr<Backend> cpp = MakeCppBackend(), markdown = MakeMarkdownBackend(),
                                 html = MakeHtmlBackend(options.history);
  const std::filesystem::path openapi_path(options.openapi_file);
  const std::unique_ptr<Backend> openapi = MakeOpenApiBackend(openapi_path.filename().string());
  const std::string openapi_dir = options.openapi_file.empty() ? ""
                                  : openapi_path.has_parent_path()
                                      ? openapi_path.parent_path().string()
                                      : ".";
  std::vector<BackendRun> runs;
  for (const auto& [backend, dir] :
       {std::pair{cpp.get(), &options.cpp_dir}, std::pair{markdown.get(), &options.markdown_dir},
        std::pair{html.get(), &options.html_dir}, std::pair{openapi.get(), &openapi_dir}}) {
    if (dir->empty()) continue;
    RunOptions run;
    run.out_dir = *dir;
    run.templates_dir = options.templates_dir;
    run.check = options.check;
    run.depfile =
        runs.empty() ? options.depfile : "";  // the first back end's main file is its target
    for (const model::Catalog& c : set.catalogs()) run.inputs.push_back(c.path);
    runs.push_back({backend, std::move(run)});
  }
  std::vector<RunResult> results = RunBackends(runs, set, sink);
  std::vector<GenerateReport> reports;
  for (size_t i = 0; i < runs.size(); ++i)
    reports.push_back({runs[i].backend->name(), runs[i].options.out_dir, std::move(results[i])});
  return reports;
}

}  // namespace errcat::backends
