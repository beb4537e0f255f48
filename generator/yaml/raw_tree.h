// Stage one of the front end: YAML text -> a positioned raw tree. Nothing here knows the
// catalog schema. Built from yaml-cpp's event stream (not YAML::Node) so that every node keeps
// its exact position, duplicate keys stay visible, quoted and plain scalars stay distinct, and
// aliases are shared instead of copied (an alias bomb costs nothing until someone walks it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"

namespace errcat::yaml {

enum class NodeKind : std::uint8_t { kNull, kScalar, kSequence, kMap };

struct Node;

// A map's entries, (key, value) pairs in file order with duplicates kept, over Node::children.
class Entries {
 public:
  using value_type = std::pair<const Node*, const Node*>;
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Entries::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;
    explicit iterator(const Node* const* at) : at_(at) {}
    value_type operator*() const { return {at_[0], at_[1]}; }
    iterator& operator++() {
      at_ += 2;
      return *this;
    }
    bool operator==(const iterator& other) const { return at_ == other.at_; }
    bool operator!=(const iterator& other) const { return at_ != other.at_; }

   private:
    const Node* const* at_;
  };
  Entries(const Node* const* data, size_t children) : data_(data), size_(children / 2) {}
  iterator begin() const { return iterator(data_); }
  iterator end() const { return iterator(data_ + 2 * size_); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  value_type operator[](size_t i) const { return {data_[2 * i], data_[2 * i + 1]}; }

 private:
  const Node* const* data_;
  size_t size_;
};

struct Node {
  NodeKind kind = NodeKind::kNull;
  bool quoted = false;  // scalar written in quotes or as a block: always a string
  int line = 0;         // 1-based
  int column = 0;       // 1-based
  int offset = 0;       // byte offset into Document::source
  std::string value;    // scalar text
  // A sequence's items, or a map's keys and values in turn: one list, since a node is never
  // both (a 100k-error set parses into millions of nodes, most of them scalars).
  std::vector<const Node*> children;

  const std::vector<const Node*>& items() const { return children; }             // a sequence's
  Entries entries() const { return Entries(children.data(), children.size()); }  // a map's
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
  bool anchored = false;   // has an anchor or an alias: a node may be reached twice
  size_t unreachable = 0;  // nodes of the arena no longer in the tree (Reparse left them)
};

// Parses one YAML document. Reports problems to `sink` and returns nullptr on failure. `file`
// is used only for diagnostics.
std::unique_ptr<Document> Parse(std::string file, std::string contents, diag::DiagnosticSink& sink,
                                const Limits& limits = {});

// Brings `doc`, the document last parsed from a file (null for none), up to date with the file's
// new `contents`, and says whether it parsed. The tree is then the one Parse(file, contents)
// gives, position for position; on errors (reported as Parse reports them) `doc` is left as it
// was. When the edit lies inside the items of a block sequence at the top of the document's
// map (a catalog's errors), only those items are parsed again: they replace the old ones, and
// the nodes after them move with the text, so that a save of one error in a 2,500-error file
// parses one error. Anything else, and every case where items parsed on their own might not
// read as they do in the whole text (an anchor, an edit of the indentation that ends the list,
// a quote left open), parses the whole text. `spliced`, if given, says which happened.
bool Reparse(std::unique_ptr<Document>& doc, std::string file, std::string contents,
             diag::DiagnosticSink& sink, const Limits& limits = {}, bool* spliced = nullptr);

const char* KindName(NodeKind kind);

// The tree below `node`, a node a line: kind, position, quoting and value, indented by depth.
// Two trees print the same exactly when they are the same (tests, and debugging).
std::string DebugString(const Node* node);

}  // namespace errcat::yaml
