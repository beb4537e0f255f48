// Typed readers of the positioned YAML tree: a mapping with allowed keys, text, integers,
// booleans, lists and enums. Each reports a wrong kind or value at its node (with "did you
// mean") and returns nothing; the catalog reader builds on them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/spellcheck.h"
#include "model/catalog.h"
#include "util/text.h"
#include "yaml/raw_tree.h"

namespace errcat::loader::readers {

// Everything a reader needs to report a problem at a node.
struct Context {
  const yaml::Document& doc;
  diag::DiagnosticSink& sink;

  diag::Location Loc(const yaml::Node* node) const {
    return node ? diag::Location{doc.file, node->line, node->column}
                : diag::Location{doc.file, 0, 0};
  }
  void Error(const yaml::Node* node, std::string message, std::string rule) const {
    sink.Error(Loc(node), std::move(message), std::move(rule));
  }
};

bool IsNull(const yaml::Node* node);
// Reports "X must be a mapping/list/single value, not a ..." unless `node` is of `kind`.
bool ExpectKind(const Context& ctx, const yaml::Node* node, yaml::NodeKind kind,
                std::string_view what);
// Any scalar is text (YAML would otherwise turn `since: 2.3` into a number behind the user's
// back). Null reads as empty.
std::optional<std::string> Text(const Context& ctx, const yaml::Node* node, std::string_view what);
// A plain (unquoted) decimal integer.
std::optional<std::int64_t> Integer(const Context& ctx, const yaml::Node* node,
                                    std::string_view what);
// true/false only; YAML 1.1's yes/no/on/off get a hint.
std::optional<bool> Boolean(const Context& ctx, const yaml::Node* node, std::string_view what);
// A list of text items; a missing key gives an empty list.
std::vector<std::string> TextList(const Context& ctx, const yaml::Node* node,
                                  std::string_view what);
// The location of a byte inside a scalar's value: exact when the scalar is written verbatim.
diag::Location LocInScalar(const Context& ctx, const yaml::Node* node, size_t offset_in_value);

// A mapping with a fixed set of allowed keys (empty: any key). Construction reports duplicate
// and unknown keys.
class MapReader {
 public:
  MapReader(const Context& ctx, const yaml::Node* map, std::string_view what,
            std::vector<std::string_view> allowed)
      : ctx_(ctx), map_(map), what_(what) {
    for (const auto& [key, value] : map->entries()) {
      if (key->kind != yaml::NodeKind::kScalar) {
        ctx.Error(key, "keys in " + what_ + " must be plain names", "type");
        continue;
      }
      auto [it, inserted] = index_.try_emplace(key->value, std::pair{key, value});
      if (!inserted) {
        ctx.Error(key, "duplicate key " + util::Quoted(key->value) + " in " + what_,
                  "duplicate-key");
        ctx.sink.Note(ctx.Loc(it->second.first), "first defined here");
        continue;
      }
      if (!allowed.empty() &&
          std::find(allowed.begin(), allowed.end(), key->value) == allowed.end()) {
        ctx.Error(key,
                  "unknown key " + util::Quoted(key->value) + " in " + what_ +
                      diag::DidYouMean(key->value, allowed),
                  "unknown-key");
      }
    }
  }

  const yaml::Node* Get(std::string_view key) const {
    auto it = index_.find(std::string(key));
    return it == index_.end() ? nullptr : it->second.second;
  }

  // Reports a missing key at the mapping itself. A present key with an empty value also counts
  // as missing.
  const yaml::Node* Require(std::string_view key) const {
    const yaml::Node* node = Get(key);
    if (node != nullptr && node->kind == yaml::NodeKind::kNull) {
      // `name: NULL` or `code: ~` is YAML's null, not the text; say so instead of "missing".
      const std::string_view rest =
          std::string_view(ctx_.doc.source).substr(static_cast<size_t>(node->offset));
      for (std::string_view word : {"null", "Null", "NULL", "~"}) {
        if (rest.starts_with(word)) {
          ctx_.Error(node,
                     what_ + ": '" + std::string(key) + "' is " + std::string(word) +
                         ", which YAML reads as no value; quote it (\"" + std::string(word) +
                         "\") if you mean the text",
                     "missing-key");
          return nullptr;
        }
      }
    }
    if (node == nullptr || node->kind == yaml::NodeKind::kNull ||
        (node->kind == yaml::NodeKind::kScalar && node->value.empty() && !node->quoted)) {
      const auto it = index_.find(std::string(key));
      ctx_.Error(it == index_.end() ? map_ : it->second.first,
                 what_ + " is missing required key " + util::Quoted(key), "missing-key");
      return nullptr;
    }
    return node;
  }

  void Each(const std::function<void(const yaml::Node* key, const yaml::Node* value)>& fn) const {
    for (const auto& [key, value] : map_->entries())
      if (key->kind == yaml::NodeKind::kScalar) fn(key, value);
  }

 private:
  const Context& ctx_;
  const yaml::Node* map_;
  std::string what_;
  std::unordered_map<std::string, std::pair<const yaml::Node*, const yaml::Node*>> index_;
};

// One of an enum's names (model::ParamTypeNames() and the like), with "did you mean".
template <typename Enum>
std::optional<Enum> OneOf(const Context& ctx, const yaml::Node* node, std::string_view what,
                          const std::vector<model::EnumName<Enum>>& choices,
                          std::string_view rule) {
  auto text = Text(ctx, node, what);
  if (!text) return std::nullopt;
  std::vector<std::string_view> names;
  for (const auto& [name, value] : choices) {
    if (*text == name) return value;
    names.push_back(name);
  }
  std::string list;
  for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  ctx.Error(node,
            std::string(what) + " must be one of " + list + ", not " + util::Quoted(*text) +
                diag::DidYouMean(*text, names),
            std::string(rule));
  return std::nullopt;
}

}  // namespace errcat::loader::readers
