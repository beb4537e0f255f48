// Stage one of the front end: YAML text -> a positioned raw tree. Nothing here knows the
// catalog schema. Built from yaml-cpp's event stream (not YAML::Node) so that every node keeps
// its exact position, duplicate keys stay visible, quoted and plain scalars stay distinct, and
// aliases are shared instead of copied (an alias bomb costs nothing until someone walks it).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"

namespace errcat::yaml {

enum class NodeKind : std::uint8_t { kNull, kScalar, kSequence, kMap };

struct Node {
  NodeKind kind = NodeKind::kNull;
  bool quoted = false;  // scalar written in quotes or as a block: always a string
  int line = 0;         // 1-based
  int column = 0;       // 1-based
  int offset = 0;       // byte offset into Document::source
  std::string value;    // scalar text
  std::vector<const Node*> items;                             // sequence
  std::vector<std::pair<const Node*, const Node*>> entries;  // map, in file order, duplicates kept
};

struct Limits {
  std::int64_t max_file_bytes = 64ll << 20;
  // Nodes reachable through aliases, counted with repetition (billion-laughs guard).
  std::int64_t max_expanded_nodes = 1'000'000;
};

struct Document {
  std::string file;    // as reported in diagnostics
  std::string source;  // file contents (BOM removed)
  const Node* root = nullptr;
  std::deque<Node> arena;  // owns every node; deque keeps addresses stable
};

// Parses one YAML document. Reports problems to `sink` and returns nullptr on failure. `file`
// is used only for diagnostics.
std::unique_ptr<Document> Parse(std::string file, std::string contents, diag::DiagnosticSink& sink,
                                const Limits& limits = {});

const char* KindName(NodeKind kind);

}  // namespace errcat::yaml
