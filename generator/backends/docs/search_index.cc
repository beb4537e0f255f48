#include "backends/docs/search_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "backends/docs/json_export.h"
#include "util/json_writer.h"

namespace errcat::backends::docs {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

using Terms = std::map<std::string, SearchField>;

void AddTerm(Terms& terms, std::string term, SearchField field) {
  if (term.size() < 2) return;
  auto [it, added] = terms.emplace(std::move(term), field);
  if (!added && field > it->second) it->second = field;
}

void AddWords(Terms& terms, std::string_view text, SearchField field) {
  for (std::string& w : SearchWords(text)) AddTerm(terms, std::move(w), field);
}

void AddName(Terms& terms, Terms& typo, std::string_view name) {
  std::vector<std::string> words = NameWords(name);
  std::string whole;
  for (const std::string& w : words) whole += w;
  for (std::string& w : words) {
    if (w.size() >= 4 && IsAscii(w)) AddTerm(typo, w, SearchField::kName);
    AddTerm(terms, std::move(w), SearchField::kName);
  }
  AddTerm(terms, std::move(whole), SearchField::kName);  // typed from its start: "tokenexp"
}

void AddCode(Terms& terms, Terms& typo, std::string_view code) {
  for (std::string& w : SearchWords(code)) {
    if (w.size() >= 4 && IsAscii(w)) AddTerm(typo, w, SearchField::kCode);
    AddTerm(terms, std::move(w), SearchField::kCode);
  }
}

SearchDoc Finish(std::string record, Terms terms, Terms typo) {
  SearchDoc doc;
  doc.record = std::move(record);
  const auto pack = [](const Terms& from, PackedTerms& to) {
    size_t bytes = 0;
    for (const auto& [term, field] : from) bytes += term.size() + 2;
    to.reserve(bytes);
    for (const auto& [term, field] : from) to.push_back(term, field);
  };
  pack(terms, doc.terms);
  pack(typo, doc.typo_terms);
  return doc;
}

using Postings = std::unordered_map<std::string, std::vector<uint32_t>>;

// The best fields first, then catalog order; kept in ordinal order for the page to intersect.
void Trim(std::vector<uint32_t>& postings) {
  if (postings.size() > kMaxPostings) {
    std::stable_sort(postings.begin(), postings.end(),
                     [](uint32_t a, uint32_t b) { return (a & 7) > (b & 7); });
    postings.resize(kMaxPostings);
    std::sort(postings.begin(), postings.end());
  }
}

std::string Part(std::string_view name, std::string_view json) {
  std::string text = "ERRCAT_SEARCH_PART(\"";
  text += name;
  text += "\",";
  text += json;
  text += ");\n";
  return text;
}

// Keys with their postings, given in key order, into fragments of about kFragmentBytes:
// `prefix`<N>.js, each handed to `emit` when full; Finish() gives the first key of each, for
// the manifest.
class FragmentWriter {
 public:
  FragmentWriter(std::string prefix, const std::function<void(SearchFile)>& emit)
      : prefix_(std::move(prefix)), emit_(emit) {}
  void Add(std::string_view key, const std::vector<uint32_t>& postings) {
    if (firsts_.empty() || bytes_ >= kFragmentBytes) {
      if (!firsts_.empty()) Flush();
      firsts_.emplace_back(key);
      j_.BeginArray();
      bytes_ = 0;
    }
    j_.BeginArray().String(key).BeginArray();
    for (uint32_t p : postings) j_.Int(p);
    j_.EndArray().EndArray();
    bytes_ += key.size() + 8 + postings.size() * 6;
  }
  std::vector<std::string> Finish() {
    if (!firsts_.empty()) Flush();
    return std::move(firsts_);
  }

 private:
  void Flush() {
    j_.EndArray();
    const std::string name = prefix_ + std::to_string(firsts_.size() - 1);
    emit_({"search/" + name + ".js", Part(name, j_.Take())});
    j_ = util::JsonWriter();
  }
  std::string prefix_;
  const std::function<void(SearchFile)>& emit_;
  std::vector<std::string> firsts_;
  util::JsonWriter j_;
  size_t bytes_ = 0;
};

std::vector<std::string> WriteFragments(const Postings& postings, const std::string& prefix,
                                        const std::function<void(SearchFile)>& emit) {
  std::vector<const Postings::value_type*> sorted;
  sorted.reserve(postings.size());
  for (const auto& entry : postings) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  FragmentWriter fragments(prefix, emit);
  for (const auto* entry : sorted) fragments.Add(entry->first, entry->second);
  return fragments.Finish();
}

// Keys with one posting each, many times over, gathered flat and grouped by sorting: the typo
// keys, a million at 100k errors and most with one posting, held 150 MB as a hash map of
// strings to vectors and hold a fifth of that so.
class FlatPostings {
 public:
  void Add(std::string_view key, uint32_t posting) {
    entries_.push_back(
        {static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(key.size()), posting});
    bytes_.append(key);
  }
  // Each key once, in byte order, with its postings in order (trimmed, as Trim does).
  void Write(FragmentWriter& fragments) {
    const auto key = [&](const Entry& e) { return std::string_view(bytes_).substr(e.at, e.size); };
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
      const int order = key(a).compare(key(b));
      return order != 0 ? order < 0 : a.posting < b.posting;
    });
    std::vector<uint32_t> postings;
    for (size_t i = 0; i < entries_.size();) {
      const std::string_view k = key(entries_[i]);
      postings.clear();
      for (; i < entries_.size() && key(entries_[i]) == k; ++i)
        postings.push_back(entries_[i].posting);
      Trim(postings);
      fragments.Add(k, postings);
    }
  }

 private:
  struct Entry {
    uint32_t at, size, posting;
  };
  std::string bytes_;
  std::vector<Entry> entries_;
};

std::string Base64(const std::vector<uint8_t>& bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const uint32_t n = (uint32_t{bytes[i]} << 16) |
                       (i + 1 < bytes.size() ? uint32_t{bytes[i + 1]} << 8 : 0) |
                       (i + 2 < bytes.size() ? uint32_t{bytes[i + 2]} : 0);
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

}  // namespace

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsWordByte(static_cast<unsigned char>(c))) {
      word += Lower(c);
    } else if (!word.empty()) {
      if (word.size() >= 2) words.push_back(std::move(word));
      word.clear();
    }
  }
  if (word.size() >= 2) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> NameWords(std::string_view name) {
  // A word starts at an upper-case letter after a lower-case one or a digit, at the last
  // capital of a run followed by a lower-case letter (HTTPError -> http error), and after a
  // character that is no letter or digit.
  std::string spaced;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0) {
      const char prev = name[i - 1];
      const bool after_lower = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
      const bool ends_run = prev >= 'A' && prev <= 'Z' && i + 1 < name.size() &&
                            name[i + 1] >= 'a' && name[i + 1] <= 'z';
      if (after_lower || ends_run) spaced += ' ';
    }
    spaced += c;
  }
  return SearchWords(spaced);
}

SearchDoc ErrorSearchDoc(const model::Catalog& c, const model::Error& e, const TextTarget& t) {
  Terms terms, typo;
  AddCode(terms, typo, e.code);
  AddName(terms, typo, e.name);
  AddWords(terms, e.summary, SearchField::kSummary);
  for (const model::MessageSegment& s : model::OtherForms(e.segments))
    if (s.arg < 0) AddWords(terms, s.literal, SearchField::kMessage);
  AddWords(terms, e.description, SearchField::kText);
  for (const std::string& cause : e.causes) AddWords(terms, cause, SearchField::kText);
  for (const std::string& step : e.resolution) AddWords(terms, step, SearchField::kText);
  return Finish(ErrorSearchJson(c, e, t), std::move(terms), std::move(typo));
}

SearchDoc RetiredSearchDoc(const model::CodeHistory& h, const TextTarget& t) {
  Terms terms, typo;
  AddCode(terms, typo, h.code);
  AddName(terms, typo, h.name);
  return Finish(RetiredSearchJson(h, t), std::move(terms), std::move(typo));
}

std::vector<FilterSet> BuildFilterSets(const model::CatalogSet& set,
                                       const std::vector<const model::CodeHistory*>& retired) {
  std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> sets;
  uint32_t ordinal = 0;
  std::vector<uint32_t> deprecated;
  for (const model::Catalog& c : set.catalogs()) {
    sets[{"catalog", c.id}];  // an empty catalog still has its (empty) set
    for (const model::Error& e : c.errors) {
      sets[{"catalog", c.id}].push_back(ordinal);
      sets[{"severity", std::string(model::Name(e.severity))}].push_back(ordinal);
      if (e.http_status) sets[{"status", std::to_string(e.http_status)}].push_back(ordinal);
      for (const std::string& tag : std::set<std::string>(e.tags.begin(), e.tags.end()))
        sets[{"tag", tag}].push_back(ordinal);
      if (e.is_deprecated()) deprecated.push_back(ordinal);
      ++ordinal;
    }
  }
  for (const model::CodeHistory* h : retired) sets[{"catalog", h->catalog}].push_back(ordinal++);
  if (!deprecated.empty()) sets[{"deprecated", "1"}] = std::move(deprecated);
  // Catalogs in the set's order (as the index lists them), HTTP statuses by number, the rest
  // by name.
  std::vector<FilterSet> out;
  for (const model::Catalog& c : set.catalogs())
    out.push_back({"catalog", c.id, std::move(sets[{"catalog", c.id}])});
  for (const char* key : {"severity", "status", "tag", "deprecated"}) {
    std::vector<FilterSet> group;
    for (auto& [k, ordinals] : sets)
      if (k.first == key) group.push_back({k.first, k.second, std::move(ordinals)});
    if (std::string_view(key) == "status")
      std::sort(group.begin(), group.end(), [](const FilterSet& a, const FilterSet& b) {
        return std::stoi(a.value) < std::stoi(b.value);
      });
    for (FilterSet& f : group) out.push_back(std::move(f));
  }
  // A tombstone of a catalog no longer in the set: no filter names it.
  return out;
}

bool SearchFiles(std::vector<SearchDoc> docs, size_t live_count,
                 const std::vector<FilterSet>& filters, const std::function<void(SearchFile)>& emit,
                 const std::function<bool()>& stop) {
  // Asked every few thousand documents: the postings of 100k errors take seconds.
  auto stopped = [&] { return stop && stop(); };
  constexpr size_t kAskEvery = 4096;
  // The terms' postings, then the typo keys' in a second pass: they are the largest things the
  // index holds (at 100k errors, a million typo keys), so never both at once.
  std::vector<std::string> term_firsts;
  {
    Postings postings;
    for (size_t ordinal = 0; ordinal < docs.size(); ++ordinal) {
      if (ordinal % kAskEvery == 0 && stopped()) return false;
      for (const auto [term, field] : docs[ordinal].terms)
        postings[std::string(term)].push_back(static_cast<uint32_t>(ordinal * 8) +
                                              static_cast<uint32_t>(field));
      docs[ordinal].terms.clear();
    }
    for (auto& [term, list] : postings) Trim(list);
    term_firsts = WriteFragments(postings, "t", emit);
  }
  std::vector<std::string> typo_firsts;
  {
    FlatPostings typos;
    for (size_t ordinal = 0; ordinal < docs.size(); ++ordinal) {
      if (ordinal % kAskEvery == 0 && stopped()) return false;
      // A typo key: the term and each of its one-character deletions, so that a query one edit
      // away (a letter missing, added, changed, or two swapped) shares a key with it.
      Terms keys;
      for (const auto [term, field] : docs[ordinal].typo_terms) {
        AddTerm(keys, std::string(term), field);
        for (size_t k = 0; k < term.size(); ++k)
          AddTerm(keys, std::string(term.substr(0, k)).append(term.substr(k + 1)), field);
      }
      for (const auto& [key, field] : keys)
        typos.Add(key, static_cast<uint32_t>(ordinal * 8) + static_cast<uint32_t>(field));
      docs[ordinal].typo_terms.clear();
    }
    if (stopped()) return false;
    FragmentWriter fragments("f", emit);
    typos.Write(fragments);
    typo_firsts = fragments.Finish();
  }
  if (stopped()) return false;

  for (size_t chunk = 0; chunk * kDocChunk < docs.size(); ++chunk) {
    util::JsonWriter j;
    j.BeginArray();
    for (size_t k = chunk * kDocChunk; k < std::min(docs.size(), (chunk + 1) * kDocChunk); ++k)
      j.Raw(std::exchange(docs[k].record, std::string()));
    j.EndArray();
    const std::string name = "d" + std::to_string(chunk);
    emit({"search/" + name + ".js", Part(name, j.Take())});
  }

  for (size_t i = 0; i < filters.size(); ++i) {
    std::vector<uint8_t> bits((docs.size() + 7) / 8);
    for (uint32_t o : filters[i].ordinals) bits[o / 8] |= static_cast<uint8_t>(1u << (o % 8));
    const std::string name = "s" + std::to_string(i);
    emit({"search/" + name + ".js", Part(name, "\"" + Base64(bits) + "\"")});
  }

  util::JsonWriter m;
  m.BeginObject();
  m.Key("format").Int(1);
  m.Key("live").Int(static_cast<int64_t>(live_count));
  m.Key("total").Int(static_cast<int64_t>(docs.size()));
  m.Key("chunk").Int(static_cast<int64_t>(kDocChunk));
  m.Key("terms").Strings(term_firsts);
  m.EndObject();
  emit({"search/manifest.js", Part("manifest", m.Take())});
  util::JsonWriter f;
  f.Strings(typo_firsts);
  emit({"search/fuzzy.js", Part("fuzzy", f.Take())});
  return true;
}

}  // namespace errcat::backends::docs
