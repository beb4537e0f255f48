// Diagnostics are data: every layer reports into a DiagnosticSink and keeps going, so one run
// shows every independent problem (like protobuf's MultiFileErrorCollector).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace errcat::diag {

// 1-based line and column; 0 means "unknown" (the whole file).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity : std::uint8_t { kNote, kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  Location location;
  std::string message;
  std::string rule;  // stable id printed as [rule]; empty for I/O problems
  std::vector<Diagnostic> notes;  // secondary places ("previous definition is here")
};

std::string_view SeverityName(Severity severity);

class DiagnosticSink {
 public:
  void Error(Location location, std::string message, std::string rule);
  void Warning(Location location, std::string message, std::string rule);
  // Adds a note to the last reported diagnostic.
  void Note(Location location, std::string message);
  void Add(Diagnostic diagnostic);
  // Appends everything `other` holds, in its order (per-thread and per-file sinks into one).
  void Merge(const DiagnosticSink& other);

  bool HasErrors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const { return warning_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  // Sorted by file, line, column, then report order: output must not depend on the order
  // in which files were loaded.
  std::vector<Diagnostic> Sorted() const;

  // Turns every warning into an error (--werror).
  void PromoteWarnings();

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
  int warning_count_ = 0;
};

// `file:line:col: error: text [rule]`, one line per diagnostic, notes after it. `label`, when
// given, is printed instead of the severity (errcat diff says "breaking" and "notable").
std::string FormatText(const Diagnostic& diagnostic, bool color, std::string_view label = {});

}  // namespace errcat::diag
