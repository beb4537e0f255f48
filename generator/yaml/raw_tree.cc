#include "yaml/raw_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <sstream>
#include <streambuf>
#include <unordered_map>

#include "util/text.h"

namespace errcat::yaml {
namespace {

class AliasLimitExceeded {};

// Receives yaml-cpp events and builds Nodes in the document's arena.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(Document& doc, const Limits& limits) : doc_(doc), limits_(limits) {}

  YAML::Mark alias_mark() const { return alias_mark_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node& node = New(NodeKind::kNull, mark);
    Attach(&node, anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
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
    std::int64_t size;              // nodes in this subtree, aliases expanded
    const Node* pending_key = nullptr;
  };

  Node& New(NodeKind kind, const YAML::Mark& mark) {
    Node& node = doc_.arena.emplace_back();
    node.kind = kind;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    node.offset = mark.pos;
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
    if (anchor != 0) anchors_[anchor] = {node, size};
    if (stack_.empty()) {
      if (doc_.root == nullptr) doc_.root = node;
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

  Document& doc_;
  const Limits& limits_;
  std::vector<Open_> stack_;
  std::unordered_map<YAML::anchor_t, std::pair<const Node*, std::int64_t>> anchors_;
  std::int64_t expanded_ = 0;
  YAML::Mark alias_mark_;
};

// yaml-cpp's own messages are lower-case fragments ("illegal map value"); keep them, since
// they are what YAML users search for.
diag::Location At(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

// Checks that `text` is UTF-8 without control characters YAML forbids; reports the first
// offending byte with its line and column.
bool CheckEncoding(const std::string& file, const std::string& text, diag::DiagnosticSink& sink) {
  const util::Utf8Problem problem = util::FindUtf8Problem(text);
  if (problem.offset < 0) return true;
  const util::LineColumn lc = util::LineColumnAt(text, static_cast<size_t>(problem.offset));
  sink.Error({file, lc.line, lc.column}, problem.what, "encoding");
  return false;
}

}  // namespace

const char* KindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kScalar:
      return "scalar";
    case NodeKind::kSequence:
      return "list";
    case NodeKind::kMap:
      return "mapping";
  }
  return "node";
}

std::unique_ptr<Document> Parse(std::string file, std::string contents, diag::DiagnosticSink& sink,
                                const Limits& limits) {
  auto doc = std::make_unique<Document>();
  doc->file = std::move(file);
  if (static_cast<std::int64_t>(contents.size()) > limits.max_file_bytes) {
    sink.Error({doc->file, 0, 0},
               "file is " + std::to_string(contents.size()) + " bytes; the limit is " +
                   std::to_string(limits.max_file_bytes) + " bytes per catalog file",
               "file-too-large");
    return nullptr;
  }
  if (contents.starts_with("\xEF\xBB\xBF")) contents.erase(0, 3);
  doc->source = std::move(contents);
  if (!CheckEncoding(doc->file, doc->source, sink)) return nullptr;

  // yaml-cpp reads an istream; this one reads the document's own bytes rather than a copy
  // (std::istringstream copies them: 25 MB more per file being parsed).
  struct ViewBuffer : std::streambuf {
    explicit ViewBuffer(std::string& text) {
      setg(text.data(), text.data(), text.data() + text.size());
    }
  } buffer(doc->source);
  std::istream stream(&buffer);
  TreeBuilder builder(*doc, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      sink.Error({doc->file, 0, 0}, "file is empty: it holds no YAML document", "file-empty");
      return nullptr;
    }
    // A second document would be silently ignored by a reader; say so instead.
    Document scratch;
    TreeBuilder extra(scratch, limits);
    if (parser.HandleNextDocument(extra)) {
      const Node* second = scratch.root;
      sink.Error({doc->file, second ? second->line : 0, second ? second->column : 0},
                 "a catalog file holds one YAML document; found a second one", "yaml-syntax");
      return nullptr;
    }
  } catch (const YAML::DeepRecursion& e) {
    sink.Error(At(doc->file, e.mark),
               "nesting deeper than " + std::to_string(e.depth()) + " levels", "yaml-nesting");
    return nullptr;
  } catch (const YAML::Exception& e) {
    sink.Error(At(doc->file, e.mark), e.msg, "yaml-syntax");
    return nullptr;
  } catch (const AliasLimitExceeded&) {
    sink.Error(At(doc->file, builder.alias_mark()),
               "aliases expand to more than " + std::to_string(limits.max_expanded_nodes) +
                   " nodes (an alias bomb?)",
               "yaml-alias");
    return nullptr;
  }
  if (doc->root == nullptr || doc->root->kind == NodeKind::kNull) {
    sink.Error({doc->file, 0, 0}, "file is empty: it holds no YAML document", "file-empty");
    return nullptr;
  }
  return doc;
}

}  // namespace errcat::yaml
