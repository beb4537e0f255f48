#include "loader/readers.h"

#include <algorithm>
#include <charconv>

namespace errcat::loader::readers {

using util::Quoted;
using yaml::Node;
using yaml::NodeKind;

bool IsNull(const Node* node) { return node == nullptr || node->kind == NodeKind::kNull; }

bool ExpectKind(const Context& ctx, const Node* node, NodeKind kind, std::string_view what) {
  if (node->kind == kind) return true;
  const char* expected = kind == NodeKind::kMap        ? "a mapping"
                         : kind == NodeKind::kSequence ? "a list"
                                                       : "a single value";
  ctx.Error(node,
            std::string(what) + " must be " + expected + ", not a " + yaml::KindName(node->kind),
            "type");
  return false;
}

std::optional<std::string> Text(const Context& ctx, const Node* node, std::string_view what) {
  if (IsNull(node)) return std::string();
  if (!ExpectKind(ctx, node, NodeKind::kScalar, what)) return std::nullopt;
  return node->value;
}

bool IsPlainInteger(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::int64_t> Integer(const Context& ctx, const Node* node, std::string_view what) {
  if (!ExpectKind(ctx, node, NodeKind::kScalar, what)) return std::nullopt;
  std::string_view s = node->value;
  if (node->quoted || !IsPlainInteger(s)) {
    ctx.Error(node, std::string(what) + " must be an integer, not " + Quoted(s), "type");
    return std::nullopt;
  }
  if (s[0] == '+') s.remove_prefix(1);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    ctx.Error(node, std::string(what) + " is out of range: " + Quoted(s), "type");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Boolean(const Context& ctx, const Node* node, std::string_view what) {
  if (!ExpectKind(ctx, node, NodeKind::kScalar, what)) return std::nullopt;
  const std::string& s = node->value;
  if (!node->quoted) {
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  std::string hint;
  if (s == "yes" || s == "Yes" || s == "on" || s == "y") hint = "; write true";
  if (s == "no" || s == "No" || s == "off" || s == "n") hint = "; write false";
  ctx.Error(node, std::string(what) + " must be true or false, not " + Quoted(s) + hint, "type");
  return std::nullopt;
}

std::vector<std::string> TextList(const Context& ctx, const Node* node, std::string_view what) {
  std::vector<std::string> out;
  if (IsNull(node) || !ExpectKind(ctx, node, NodeKind::kSequence, what)) return out;
  for (const Node* item : node->items()) {
    if (auto text = Text(ctx, item, std::string(what) + " items"); text) {
      if (IsNull(item) || text->empty()) {
        ctx.Error(item, std::string(what) + " has an empty item", "type");
        continue;
      }
      out.push_back(std::move(*text));
    }
  }
  return out;
}

// Exact when the scalar is written verbatim (no escapes, one line); otherwise the scalar's own
// position is the best we can say.
diag::Location LocInScalar(const Context& ctx, const Node* node, size_t offset_in_value) {
  const size_t quote = node->quoted ? 1 : 0;
  const size_t start = static_cast<size_t>(node->offset) + quote;
  const std::string& src = ctx.doc.source;
  if (start + node->value.size() <= src.size() &&
      src.compare(start, node->value.size(), node->value) == 0) {
    util::LineColumn lc = util::LineColumnAt(src, start + offset_in_value);
    return {ctx.doc.file, lc.line, lc.column};
  }
  return ctx.Loc(node);
}

}  // namespace errcat::loader::readers
