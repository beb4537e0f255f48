#include "loader/source_spec.h"

#include "diag/rules.h"
#include "util/parallel.h"

namespace errcat::loader {
namespace {

struct SourceSpec {
  std::string ref;   // empty: the file system
  std::string path;  // empty with a ref: the path of a file-system side beside it
};

SourceSpec ParseSourceSpec(const std::string& spec) {
  if (!spec.starts_with("git:")) return {"", spec};
  const std::string rest = spec.substr(4);
  const size_t colon = rest.find(':');
  if (colon == std::string::npos) return {rest, ""};
  return {rest.substr(0, colon), rest.substr(colon + 1)};
}

std::optional<model::CatalogSet> LoadSide(const SourceSpec& side, const std::string& neighbour_path,
                                          const Options& options, diag::DiagnosticSink& sink) {
  if (side.ref.empty()) return LoadPaths({side.path}, options, sink);
  // git:REF alone reads the file-system side's path at REF (`errcat diff git:main catalog/`), or
  // with none the working directory at REF (`errcat changelog git:v1.2 git:v1.3`), as git would.
  const std::string path = !side.path.empty()        ? side.path
                           : !neighbour_path.empty() ? neighbour_path
                                                     : ".";
  std::vector<SourceFile> sources = ReadGitSources(side.ref, {path}, sink);
  if (sink.HasErrors()) return std::nullopt;
  return LoadSources(std::move(sources), options, sink);
}

}  // namespace

std::vector<std::string> ExpandReleaseRanges(const std::vector<std::string>& specs,
                                             diag::DiagnosticSink& sink) {
  std::vector<std::string> out;
  bool ok = true;
  for (const std::string& spec : specs) {
    const SourceSpec side = ParseSourceSpec(spec);
    const size_t dots = side.ref.find("..");  // never part of a git ref name
    if (dots == std::string::npos) {
      out.push_back(spec);
      continue;
    }
    const std::string suffix = side.path.empty() ? "" : ":" + side.path;
    const std::vector<std::string> refs =
        GitReleasesBetween(side.ref.substr(0, dots), side.ref.substr(dots + 2), sink);
    ok = ok && !refs.empty();
    for (const std::string& ref : refs) out.push_back("git:" + ref + suffix);
  }
  if (!ok) out.clear();
  return out;
}

std::string ReleaseLabel(const std::string& spec) {
  const SourceSpec side = ParseSourceSpec(spec);
  return side.ref.empty() ? spec : side.ref;
}

std::vector<std::optional<model::CatalogSet>> LoadSeries(const std::vector<std::string>& specs,
                                                         const Options& options,
                                                         diag::DiagnosticSink& sink,
                                                         const std::string& default_path) {
  std::vector<SourceSpec> sides;
  std::string neighbour_path;  // the first file-system side's path
  for (const std::string& spec : specs) {
    sides.push_back(ParseSourceSpec(spec));
    if (sides.back().ref.empty() && neighbour_path.empty()) neighbour_path = sides.back().path;
  }
  if (neighbour_path.empty()) neighbour_path = default_path;
  // Each side once, all at once (each also loads its files in parallel); one sink each, merged in
  // order.
  std::vector<std::optional<model::CatalogSet>> sets(sides.size());
  std::vector<diag::DiagnosticSink> sinks(sides.size());
  util::ParallelFor(sides.size(), [&](size_t i, unsigned) {
    sets[i] = LoadSide(sides[i], neighbour_path, options, sinks[i]);
  });
  for (const diag::DiagnosticSink& s : sinks) sink.Merge(s);
  return sets;
}

LoadedPair LoadPair(const std::string& base, const std::string& head, const Options& options,
                    diag::DiagnosticSink& sink) {
  std::vector<std::optional<model::CatalogSet>> sets = LoadSeries({base, head}, options, sink);
  return {std::move(sets[0]), std::move(sets[1])};
}

}  // namespace errcat::loader
