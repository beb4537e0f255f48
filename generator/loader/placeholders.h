// The message template language: `{N}` is placeholder N (decimal, no sign, no spaces),
// `{{` and `}}` are literal braces. Nothing else is special.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace errcat::loader {

struct PlaceholderProblem {
  size_t offset = 0;  // byte offset into the message
  std::string message;
  std::string rule;
};

struct ParsedMessage {
  std::vector<model::MessageSegment> segments;
  int arity = 0;  // 1 + highest placeholder index, 0 if none
  std::vector<PlaceholderProblem> problems;
};

// Never throws; every problem is reported with its offset. Also checks that the indices used
// are exactly 0..arity-1 (a gap such as `{1}` without `{0}` is an error).
ParsedMessage ParseMessage(std::string_view message);

}  // namespace errcat::loader
