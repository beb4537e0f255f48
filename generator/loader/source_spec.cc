#include "loader/source_spec.h"

#include <thread>

#include "diag/rules.h"

namespace errcat::loader {
namespace {

struct SourceSpec {
  std::string ref;   // empty: the file system
  std::string path;  // empty with a ref: the other side's path
};

SourceSpec ParseSourceSpec(const std::string& spec) {
  if (!spec.starts_with("git:")) return {"", spec};
  const std::string rest = spec.substr(4);
  const size_t colon = rest.find(':');
  if (colon == std::string::npos) return {rest, ""};
  return {rest.substr(0, colon), rest.substr(colon + 1)};
}

std::optional<model::CatalogSet> LoadSide(const SourceSpec& side, const SourceSpec& other,
                                          const Options& options, diag::DiagnosticSink& sink) {
  if (side.ref.empty()) return LoadPaths({side.path}, options, sink);
  // git:REF alone reads the other side's path at REF: `errcat diff git:main catalog/`.
  const std::string path = !side.path.empty() ? side.path : other.ref.empty() ? other.path : "";
  if (path.empty()) {
    sink.Error({"git:" + side.ref, 0, 0}, "say which folder to read at the ref: git:REF:PATH",
               diag::kIoRule);
    return std::nullopt;
  }
  std::vector<SourceFile> sources = ReadGitSources(side.ref, {path}, sink);
  if (sink.HasErrors()) return std::nullopt;
  return LoadSources(std::move(sources), options, sink);
}

}  // namespace

LoadedPair LoadPair(const std::string& base, const std::string& head, const Options& options,
                    diag::DiagnosticSink& sink) {
  const SourceSpec base_spec = ParseSourceSpec(base), head_spec = ParseSourceSpec(head);
  diag::DiagnosticSink base_sink;
  LoadedPair pair;
  std::thread base_loader([&] { pair.base = LoadSide(base_spec, head_spec, options, base_sink); });
  pair.head = LoadSide(head_spec, base_spec, options, sink);
  base_loader.join();
  sink.Merge(base_sink);
  return pair;
}

}  // namespace errcat::loader
