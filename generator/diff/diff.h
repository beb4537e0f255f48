// errcat diff: what changed between two catalog sets for the people who use those errors.
// Errors are matched by code within their catalog; every change carries a stable rule id
// (diag/rules.cc), and breaking changes fail the review unless allowed.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/rules.h"
#include "model/catalog.h"

namespace errcat::diff {

// One change: a diagnostic (its rule, its sentence, where it is: the HEAD location when the
// thing exists there, else the BASE one; severity error for a breaking change, warning for a
// notable one), and what changed.
struct Change {
  diag::Diagnostic diagnostic;
  std::string catalog;  // catalog id
  std::string code;     // empty for catalog-level changes
  std::string field;    // what changed: "message", "value", ... (empty: the whole error)
  std::string before;
  std::string after;

  bool breaking() const { return diagnostic.severity == diag::Severity::kError; }
  const std::string& rule() const { return diagnostic.rule; }
};

struct DiffResult {
  std::vector<Change> changes;  // breaking first, then by catalog, code, rule
  int added = 0, removed = 0, changed = 0, deprecated = 0;  // errors
  bool breaking() const;
};

struct DiffOptions {
  std::set<std::string> allowed;  // breaking rules accepted (reported as notable)
};

DiffResult Diff(const model::CatalogSet& base, const model::CatalogSet& head, const DiffOptions& options);

// Reports. Text, GitHub and SARIF are diag/formats' renderings of the changes' diagnostics;
// Markdown and JSON also show what changed.
std::string FormatText(const DiffResult& result);
std::string FormatMarkdown(const DiffResult& result);
std::string FormatJson(const DiffResult& result);
std::string FormatGithub(const DiffResult& result);
std::string FormatSarif(const DiffResult& result, std::string_view tool_version);

// Word-level difference of two texts as Markdown-safe HTML: <del>removed</del> <ins>added</ins>.
std::string WordDiffHtml(std::string_view before, std::string_view after);

}  // namespace errcat::diff
