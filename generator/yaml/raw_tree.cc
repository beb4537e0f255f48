#include "yaml/raw_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>


#include "util/json_writer.h"
#include "util/text.h"
#include "yaml/tree_builder.h"

namespace errcat::yaml {
namespace {

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

namespace {

void AppendDebug(const Node* node, int depth, std::string& out) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += KindName(node->kind);
  out += " " + std::to_string(node->line) + ":" + std::to_string(node->column) + "@" +
         std::to_string(node->offset);
  if (node->kind == NodeKind::kScalar) {
    out += node->quoted ? " quoted " : " plain ";
    util::AppendJsonString(out, node->value);  // one line, whatever the value holds
  }
  out += '\n';
  for (const Node* child : node->children) AppendDebug(child, depth + 1, out);
}

}  // namespace

std::string DebugString(const Node* node) {
  std::string out;
  if (node != nullptr) AppendDebug(node, 0, out);
  return out;
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

  // The document's own bytes, not a copy (std::istringstream would copy 25 MB of a large file).
  internal::TextStream stream(doc->source);
  internal::TreeBuilder builder(doc->arena, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      sink.Error({doc->file, 0, 0}, "file is empty: it holds no YAML document", "file-empty");
      return nullptr;
    }
    doc->root = builder.root();
    doc->anchored = builder.anchored();
    // A second document would be silently ignored by a reader; say so instead.
    std::deque<Node> scratch;
    internal::TreeBuilder extra(scratch, limits);
    if (parser.HandleNextDocument(extra)) {
      const Node* second = extra.root();
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
  } catch (const internal::AliasLimitExceeded&) {
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
