// `errcat explain`: one error rendered for a terminal, like `rustc --explain`.
#pragma once

#include <string>

#include "lock/lock.h"
#include "model/catalog.h"

namespace errcat::explain {

struct TerminalStyle {
  bool color = false;
  int width = 80;
};

std::string ExplainError(const model::Catalog& catalog, const model::Error& error,
                         const TerminalStyle& style);

// A retired code's tombstone, from the lock: what it meant, when it was retired, that it is
// never issued again. Old logs and bookmarks still get an answer.
std::string ExplainRetired(const lock::Entry& entry, const TerminalStyle& style);

// Markdown -> wrapped terminal text (cmark AST walk). The first line starts with
// `first_prefix`, later ones with `rest_prefix` (a list bullet and its hanging indent).
std::string MarkdownToTerminal(const std::string& markdown, const TerminalStyle& style,
                               const std::string& first_prefix, const std::string& rest_prefix);

}  // namespace errcat::explain
