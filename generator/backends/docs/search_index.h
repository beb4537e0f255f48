// The site's search and list data, in fragments a page loads only when it needs them (issue
// 17): no page loads any until the reader searches or filters, and a query loads a few small
// files however large the set. Every file is a script that hands its data to
// `ERRCAT_SEARCH_PART(name, data)`, so that pages load them from file:// as from a server.
//
//   search/manifest.js  the first term of each term fragment, the counts, the chunk size
//   search/t<N>.js      sorted terms with their postings: [[term, [ordinal*8 + field, ...]], ...]
//   search/fuzzy.js     the first key of each typo fragment
//   search/f<N>.js      typo keys (a code's or a name word's one-character deletions and itself)
//                       with the postings of the terms they come from
//   search/d<N>.js      the records of kDocChunk consecutive ordinals (list rows, search hits)
//   search/s<N>.js      one filter value's set of ordinals, a base64 bitmap (bit k = ordinal k)
//
// Ordinals number the live errors in catalog order, then the retired codes' tombstones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backends/docs/docs_view.h"
#include "model/catalog.h"
#include "model/history.h"

namespace errcat::backends::docs {

inline constexpr size_t kDocChunk = 8;       // records per d<N>.js: a hit costs ~3 KB to show
inline constexpr size_t kMaxPostings = 200;  // per term, the best fields first
inline constexpr size_t kFragmentBytes = 12 * 1024;

// Where a term was found, best first; a posting is ordinal * 8 + field.
enum class SearchField : uint8_t { kText = 2, kMessage = 3, kSummary = 4, kName = 5, kCode = 6 };

// Terms, each with a field, packed into one string: the term's bytes, the field as one byte,
// then '\0' (no term holds a '\0'). A vector of strings per error held ~200 MB at 100k errors
// until the index was built; this holds a quarter of that.
class PackedTerms {
 public:
  using value_type = std::pair<std::string_view, SearchField>;
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = PackedTerms::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;
    explicit const_iterator(const char* at) : at_(at) {}
    value_type operator*() const {
      const size_t size = std::char_traits<char>::length(at_);
      return {std::string_view(at_, size - 1), static_cast<SearchField>(at_[size - 1])};
    }
    const_iterator& operator++() {
      at_ += std::char_traits<char>::length(at_) + 1;
      return *this;
    }
    bool operator==(const const_iterator& other) const { return at_ == other.at_; }
    bool operator!=(const const_iterator& other) const { return at_ != other.at_; }

   private:
    const char* at_;
  };

  void push_back(std::string_view term, SearchField field) {
    bytes_.append(term);
    bytes_ += static_cast<char>(field);
    bytes_ += '\0';
  }
  void reserve(size_t bytes) { bytes_.reserve(bytes); }
  const_iterator begin() const { return const_iterator(bytes_.data()); }
  const_iterator end() const { return const_iterator(bytes_.data() + bytes_.size()); }
  bool empty() const { return bytes_.empty(); }
  void clear() { std::string().swap(bytes_); }  // frees the bytes too

 private:
  std::string bytes_;
};

// One error's (or tombstone's) part of the index: its record and its terms, each with the best
// field it was found in. Made on any thread, as the error's page is.
struct SearchDoc {
  std::string record;      // JSON: code, name, summary, url, catalog, ... (ErrorSearchJson)
  PackedTerms terms;       // sorted, one per term
  PackedTerms typo_terms;  // the code, the name's words
};
SearchDoc ErrorSearchDoc(const model::Catalog& c, const model::Error& e, const TextTarget& t);
SearchDoc RetiredSearchDoc(const model::CodeHistory& h, const TextTarget& t);

// The words of a text as the search box splits a query: runs of ASCII letters and digits and of
// any non-ASCII character, ASCII lower-cased; words of one character are left out.
std::vector<std::string> SearchWords(std::string_view text);
// A symbolic name's words: TokenExpiryTooFar -> token expiry too far; token_expired -> token
// expired.
std::vector<std::string> NameWords(std::string_view name);

// A filter value and the ordinals it holds, written as search/s<index>.js.
struct FilterSet {
  std::string key;    // catalog, severity, status, tag, deprecated
  std::string value;  // as the page's URL names it
  std::vector<uint32_t> ordinals;
};
std::vector<FilterSet> BuildFilterSets(const model::CatalogSet& set,
                                       const std::vector<const model::CodeHistory*>& retired);

struct SearchFile {
  std::string path;  // relative to the tree, search/...
  std::string text;
};
// Every search/ file of a tree, each handed to `emit` as soon as it is made (at 100k errors
// they are 100 MB, which is not held at once); `docs` in ordinal order (consumed). `stop`, when
// given, is asked now and then (on this thread): true abandons the files (false is returned).
bool SearchFiles(std::vector<SearchDoc> docs, size_t live_count,
                 const std::vector<FilterSet>& filters,
                 const std::function<void(SearchFile)>& emit,
                 const std::function<bool()>& stop = nullptr);

}  // namespace errcat::backends::docs
