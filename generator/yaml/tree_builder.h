// Inside the YAML layer: yaml-cpp's events -> positioned Nodes (raw_tree.h). Shared by Parse,
// which builds a whole document, and Reparse, which builds the items of a sequence from a slice
// of the text and splices them into a document.
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "yaml/raw_tree.h"

namespace errcat::yaml::internal {

class AliasLimitExceeded {};

// Where the parsed text starts in its file, at the start of a line: yaml-cpp's marks count from
// the start of the text it is given.
struct Origin {
  int line = 0;    // lines before the text
  int offset = 0;  // bytes before the text
};

// Receives yaml-cpp events and builds Nodes in `arena`; root() is the document's node.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::deque<Node>& arena, const Limits& limits, Origin origin = {})
      : arena_(arena), limits_(limits), origin_(origin) {}

  const Node* root() const { return root_; }
  // Whether the text has an anchor or an alias: its nodes may then be shared.
  bool anchored() const { return anchored_; }
  YAML::Mark alias_mark() const { return alias_mark_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node& node = New(NodeKind::kNull, mark);
    Attach(&node, anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    anchored_ = true;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return;  // yaml-cpp reports unknown anchors itself
    expanded_ += it->second.second;
    if (expanded_ > limits_.max_expanded_nodes) {
      alias_mark_ = mark;
      throw AliasLimitExceeded{};
    }
    Attach(it->second.first, 0, it->second.second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node& node = New(NodeKind::kScalar, mark);
    node.value = value;
    // yaml-cpp tags non-plain scalars (quoted, literal, folded) "!" and plain ones "?".
    node.quoted = tag == "!";
    Attach(&node, anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(New(NodeKind::kSequence, mark), anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(New(NodeKind::kMap, mark), anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Open_ {
    Node* node;
    YAML::anchor_t anchor;
    std::int64_t size;  // nodes in this subtree, aliases expanded
    const Node* pending_key = nullptr;
  };

  Node& New(NodeKind kind, const YAML::Mark& mark) {
    Node& node = arena_.emplace_back();
    node.kind = kind;
    node.line = origin_.line + mark.line + 1;
    node.column = mark.column + 1;
    node.offset = origin_.offset + mark.pos;
    return node;
  }

  void Open(Node& node, YAML::anchor_t anchor) { stack_.push_back({&node, anchor, 1}); }

  void Close() {
    Open_ done = stack_.back();
    stack_.pop_back();
    Attach(done.node, done.anchor, done.size);
  }

  // Adds a finished node (of `size` expanded nodes) to its parent, or makes it the root.
  void Attach(const Node* node, YAML::anchor_t anchor, std::int64_t size) {
    if (anchor != 0) {
      anchored_ = true;
      anchors_[anchor] = {node, size};
    }
    if (stack_.empty()) {
      if (root_ == nullptr) root_ = node;
      return;
    }
    Open_& parent = stack_.back();
    parent.size = std::min<std::int64_t>(parent.size + size, limits_.max_expanded_nodes + 1);
    if (parent.node->kind == NodeKind::kSequence) {
      parent.node->children.push_back(node);
    } else if (parent.pending_key == nullptr) {
      parent.pending_key = node;
    } else {
      parent.node->children.push_back(parent.pending_key);
      parent.node->children.push_back(node);
      parent.pending_key = nullptr;
    }
  }

  std::deque<Node>& arena_;
  const Limits& limits_;
  const Origin origin_;
  const Node* root_ = nullptr;
  std::vector<Open_> stack_;
  std::unordered_map<YAML::anchor_t, std::pair<const Node*, std::int64_t>> anchors_;
  std::int64_t expanded_ = 0;
  bool anchored_ = false;
  YAML::Mark alias_mark_;
};

// yaml-cpp reads an istream: this one reads bytes in place (the parser only reads them).
class TextStream : private std::streambuf, public std::istream {
 public:
  explicit TextStream(std::string_view text) : std::istream(this) {
    char* data = const_cast<char*>(text.data());
    setg(data, data, data + text.size());
  }
};

}  // namespace errcat::yaml::internal
