// From a rendered message back to the error: which errors' message templates could have printed
// a text (a log line, say), with the arguments each placeholder took. Text before and after the
// message (a timestamp, "Error: ") is allowed; a typed parameter matches only text of its type.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "match/message_index.h"
#include "model/catalog.h"

namespace errcat::match {

struct Argument {
  std::string name;
  model::ParamType type;
  std::string value;  // as it appears in the text
};

struct Match {
  const model::Catalog* catalog = nullptr;
  const model::Error* error = nullptr;
  size_t begin = 0, end = 0;  // the message's bytes in the text
  size_t literal_bytes = 0;   // the template's own text, matched: the more, the more specific
  std::vector<Argument> args;
  // Another split of the same text fits the template as well (`{0}{1}`, or a string parameter
  // that could end at either of two places).
  bool ambiguous = false;
};

// The errors of a set, ready to match many texts: each message's pieces, and one index over
// the messages' keys (match/message_index.h) that picks the candidates for a text in one pass,
// so a text costs one scan plus the few messages it could be, not one per error.
class Matcher {
 public:
  explicit Matcher(const model::CatalogSet& set);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;
  std::vector<Match> Find(std::string_view text, size_t limit = 10) const;

 private:
  MessageIndex index_;
};

// Every error whose message could have rendered `text`, best first: more of the template's own
// text matched first, then less text taken by placeholders, then catalog order. One match per
// error (its best split), at most `limit`.
std::vector<Match> MatchMessage(const model::CatalogSet& set, std::string_view text,
                                size_t limit = 10);

// Matches for the terminal, one a line: `TOK013  TokenIdNotFound  (token)  token_id = "a1b2"`.
std::string FormatText(const std::vector<Match>& matches);
// Matches as JSON: {"text": ..., "matches": [{code, catalog, name, begin, end, ambiguous,
// args: {name: value}}]}, numbers and bools as JSON values. `pretty`: indented; else one line.
std::string FormatJson(std::string_view text, const std::vector<Match>& matches, bool pretty);

// Every line of a log, each with its best match written through `write`: text
// ("NAME:LINE: TOK013 ...") or one JSON object a line. Lines end at '\n' (a '\r' before it is
// dropped).
struct LogSummary {
  size_t lines = 0, matched = 0;
};
LogSummary MatchLog(const model::CatalogSet& set, std::FILE* in, const std::string& name, bool json,
                    const std::function<void(const std::string&)>& write);

// Whether `text` is a value of `type` as the generated code prints it.
bool Fits(model::ParamType type, std::string_view text);

}  // namespace errcat::match
