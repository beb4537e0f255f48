#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace errcat::diag {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

void DiagnosticSink::Error(Location location, std::string message, std::string rule) {
  Add({Severity::kError, std::move(location), std::move(message), std::move(rule), {}});
}

void DiagnosticSink::Warning(Location location, std::string message, std::string rule) {
  Add({Severity::kWarning, std::move(location), std::move(message), std::move(rule), {}});
}

void DiagnosticSink::Note(Location location, std::string message) {
  if (diagnostics_.empty()) return;
  diagnostics_.back().notes.push_back(
      {Severity::kNote, std::move(location), std::move(message), "", {}});
}

void DiagnosticSink::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  if (diagnostic.severity == Severity::kWarning) ++warning_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::Merge(const DiagnosticSink& other) {
  for (const Diagnostic& d : other.diagnostics_) Add(d);
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  std::vector<Diagnostic> sorted = diagnostics_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  return sorted;
}

void DiagnosticSink::PromoteWarnings() {
  for (Diagnostic& d : diagnostics_) {
    if (d.severity == Severity::kWarning) {
      d.severity = Severity::kError;
      --warning_count_;
      ++error_count_;
    }
  }
}

namespace {

void AppendOne(std::string& out, const Diagnostic& d, bool color, std::string_view label) {
  const Location& loc = d.location;
  if (color) out += "\033[1m";
  if (!loc.file.empty()) {
    out += loc.file;
    if (loc.line > 0) {
      out += ':' + std::to_string(loc.line);
      if (loc.column > 0) out += ':' + std::to_string(loc.column);
    }
    out += ": ";
  }
  if (color) {
    out += d.severity == Severity::kError     ? "\033[31m"
           : d.severity == Severity::kWarning ? "\033[35m"
                                              : "\033[36m";
  }
  out += label.empty() ? SeverityName(d.severity) : label;
  out += ": ";
  if (color) out += "\033[0m";
  out += d.message;
  if (!d.rule.empty()) out += " [" + d.rule + "]";
  out += '\n';
}

}  // namespace

std::string FormatText(const Diagnostic& diagnostic, bool color, std::string_view label) {
  std::string out;
  AppendOne(out, diagnostic, color, label);
  for (const Diagnostic& note : diagnostic.notes) AppendOne(out, note, color, {});
  return out;
}

}  // namespace errcat::diag
