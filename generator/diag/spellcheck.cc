#include "diag/spellcheck.h"

#include <algorithm>
#include <cctype>

namespace errcat::diag {

int EditDistance(std::string_view a, std::string_view b, int max_distance) {
  // Optimal string alignment distance: Levenshtein plus adjacent transpositions ("titel"),
  // case-insensitive. Three rolling rows; stops once every cell exceeds max_distance.
  const size_t n = b.size();
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(n)) > max_distance) return max_distance + 1;
  const auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  std::vector<int> before(n + 1), prev(n + 1), row(n + 1);
  for (size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (size_t j = 1; j <= n; ++j) {
      const int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j - 1] + 1, prev[j] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        row[j] = std::min(row[j], before[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return max_distance + 1;
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return std::min(prev[n], max_distance + 1);
}

std::string Spellcheck(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Allow about a third of the word to be wrong, at least one edit, at most three.
  const int max_distance = std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
  int best_distance = max_distance + 1;
  std::string_view best;
  for (std::string_view candidate : candidates) {
    const int distance = EditDistance(word, candidate, max_distance);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return std::string(best);
}

std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best = Spellcheck(word, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

}  // namespace errcat::diag
