#include "diag/spellcheck.h"

#include <algorithm>
#include <cctype>

namespace errcat::diag {

int EditDistance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(b.size());
  if (std::abs(static_cast<int>(a.size()) - n) > max_distance) return max_distance + 1;
  std::vector<int> row(n + 1);
  for (int j = 0; j <= n; ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (int j = 1; j <= n; ++j) {
      const int above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j - 1] + 1, above + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return max_distance + 1;
  }
  return std::min(row[n], max_distance + 1);
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
