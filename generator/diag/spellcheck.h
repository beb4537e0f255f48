#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace errcat::diag {

// Edit distance ignoring case, counting insertions, deletions, substitutions and swaps of two
// adjacent characters (optimal string alignment), capped: returns max_distance + 1 as soon as
// it is exceeded.
int EditDistance(std::string_view a, std::string_view b, int max_distance);

// The closest candidate within a small edit distance, or "" (ninja's SpellcheckString).
std::string Spellcheck(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace errcat::diag
