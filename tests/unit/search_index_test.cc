// The site's fragmented search data (backends/docs/search_index.h), read back as the page reads
// it: every term of every error is in the fragment the manifest points to, with its ordinal and
// best field; fragments stay small; the typo keys meet a query one edit away; the filter
// bitmaps hold exactly their ordinals.
#include "backends/docs/search_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace errcat::backends::docs {
namespace {

using ::testing::ElementsAre;

// ERRCAT_SEARCH_PART("name", data);\n -> data
nlohmann::json PartData(const SearchFile& f) {
  const std::string& t = f.text;
  EXPECT_TRUE(t.starts_with("ERRCAT_SEARCH_PART(\"")) << f.path;
  const size_t comma = t.find("\",");
  EXPECT_TRUE(t.ends_with(");\n")) << f.path;
  return nlohmann::json::parse(t.substr(comma + 2, t.size() - comma - 2 - 3));
}

std::map<std::string, nlohmann::json> ByName(const std::vector<SearchFile>& files) {
  std::map<std::string, nlohmann::json> out;
  for (const SearchFile& f : files) out[f.path] = PartData(f);
  return out;
}

// The fragment a key's lookup loads: the last whose first key is not after it (errcat.js).
size_t FragmentOf(const std::vector<std::string>& firsts, const std::string& key) {
  size_t found = 0;
  for (size_t i = 0; i < firsts.size(); ++i)
    if (firsts[i] <= key) found = i;
  return found;
}

std::vector<uint32_t> Lookup(const std::map<std::string, nlohmann::json>& files,
                             const std::vector<std::string>& firsts, const char* prefix,
                             const std::string& key) {
  const auto& fragment =
      files.at("search/" + std::string(prefix) + std::to_string(FragmentOf(firsts, key)) + ".js");
  for (const auto& entry : fragment)
    if (entry[0] == key) return entry[1].get<std::vector<uint32_t>>();
  return {};
}

TEST(SearchIndex, WordsAsTheSearchBoxSplitsThem) {
  EXPECT_THAT(SearchWords("Token 'a1b2' expired: 48h, x; Größe-OK"),
              ElementsAre("token", "a1b2", "expired", "48h", "größe", "ok"));
  EXPECT_THAT(NameWords("TokenExpiryTooFar"), ElementsAre("token", "expiry", "too", "far"));
  EXPECT_THAT(NameWords("HTTPErrorV2"), ElementsAre("http", "error", "v2"));
  EXPECT_THAT(NameWords("CURLE_OK"), ElementsAre("curle", "ok"));
  EXPECT_THAT(NameWords("token_expired"), ElementsAre("token", "expired"));
}

TEST(SearchIndex, EachTermKeepsTheBestFieldItWasFoundIn) {
  testing::Loaded loaded = testing::LoadYaml(
      "catalog: t\ntitle: T\nerrors:\n"
      "  - code: TOK005\n    name: TokenExpiryTooFar\n    summary: Expiry too far\n"
      "    message: \"The token expiry of {0} hours is over the limit\"\n"
      "    params: [{name: hours, type: int}]\n"
      "    causes: [A clock skew of the client.]\n    resolution: [Fix the limit.]\n");
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const model::Catalog& c = loaded.set->catalogs()[0];
  const SearchDoc doc = ErrorSearchDoc(c, c.errors[0], HtmlTarget());
  std::map<std::string, SearchField> fields(doc.terms.begin(), doc.terms.end());
  EXPECT_EQ(fields["tok005"], SearchField::kCode);
  EXPECT_EQ(fields["tokenexpirytoofar"], SearchField::kName);
  EXPECT_EQ(fields["token"], SearchField::kName);     // also in the message
  EXPECT_EQ(fields["far"], SearchField::kName);       // also in the summary
  EXPECT_EQ(fields["limit"], SearchField::kMessage);  // also in the resolution
  EXPECT_EQ(fields["hours"], SearchField::kMessage);
  EXPECT_EQ(fields["skew"], SearchField::kText);
  EXPECT_FALSE(fields.count("a"));  // one-letter words are left out
  std::vector<std::string> typo;
  for (const auto [term, field] : doc.typo_terms) typo.emplace_back(term);
  EXPECT_THAT(typo, ElementsAre("expiry", "tok005", "token"));  // 4+ letters: codes, name words
}

// A set of `n` errors whose summaries share words, so that some terms have long postings.
std::string Catalog(int n) {
  std::string yaml = "catalog: big\ntitle: Big\nerrors:\n";
  for (int i = 0; i < n; ++i) {
    const std::string code = "E" + std::to_string(10000 + i);
    yaml += "  - code: " + code + "\n    name: WidgetBroken" + std::to_string(i) + "\n" +
            "    summary: Widget number " + std::to_string(i) + " is broken\n" +
            "    message: \"Widget failed\"\n" +
            "    severity: " + (i % 3 == 0 ? "warning" : "error") +
            "\n    http_status: " + (i % 2 ? "404" : "500") + "\n" +
            (i % 7 == 0 ? "    tags: [legacy, io]\n" : "");
  }
  return yaml;
}

// Every search file, collected.
std::vector<SearchFile> Collected(std::vector<SearchDoc> docs, size_t live_count,
                                  const std::vector<FilterSet>& filters) {
  std::vector<SearchFile> files;
  SearchFiles(std::move(docs), live_count, filters,
              [&](SearchFile f) { files.push_back(std::move(f)); });
  return files;
}

std::vector<SearchDoc> DocsOf(const model::Catalog& c) {
  std::vector<SearchDoc> docs;
  for (const model::Error& e : c.errors) docs.push_back(ErrorSearchDoc(c, e, HtmlTarget()));
  return docs;
}

TEST(SearchIndex, EveryTermIsFoundWhereTheManifestPointsInSmallFragments) {
  testing::Loaded loaded = testing::LoadYaml(Catalog(3000));
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const model::Catalog& c = loaded.set->catalogs()[0];
  std::vector<SearchDoc> docs = DocsOf(c);
  std::vector<std::vector<std::pair<std::string, SearchField>>> terms;
  for (const SearchDoc& d : docs) terms.emplace_back(d.terms.begin(), d.terms.end());
  const std::vector<FilterSet> filters = BuildFilterSets(*loaded.set, {});
  const std::vector<SearchFile> list = Collected(std::move(docs), c.errors.size(), filters);
  const auto files = ByName(list);

  const nlohmann::json& manifest = files.at("search/manifest.js");
  EXPECT_EQ(manifest["live"], 3000);
  EXPECT_EQ(manifest["chunk"], kDocChunk);
  const auto firsts = manifest["terms"].get<std::vector<std::string>>();
  ASSERT_GT(firsts.size(), 5u);
  EXPECT_TRUE(std::is_sorted(firsts.begin(), firsts.end()));
  for (const SearchFile& f : list) {
    if (f.path.starts_with("search/t") || f.path.starts_with("search/f")) {
      EXPECT_LT(f.text.size(), kFragmentBytes + 2048) << f.path;
    }
  }

  // Every error's every term: in its fragment, with the error's ordinal and field, unless the
  // term's postings were cut to the best kMaxPostings.
  size_t checked = 0;
  for (uint32_t o = 0; o < terms.size(); o += 37) {
    for (const auto& [term, field] : terms[o]) {
      const std::vector<uint32_t> postings = Lookup(files, firsts, "t", term);
      ASSERT_FALSE(postings.empty()) << term;
      EXPECT_TRUE(std::is_sorted(postings.begin(), postings.end())) << term;
      if (postings.size() < kMaxPostings) {
        EXPECT_NE(std::find(postings.begin(), postings.end(), o * 8 + static_cast<uint32_t>(field)),
                  postings.end())
            << term << " " << o;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 200u);
  // "widget" is in all 3000 names: cut to the best kMaxPostings, all of them name hits.
  const std::vector<uint32_t> widget = Lookup(files, firsts, "t", "widget");
  ASSERT_EQ(widget.size(), kMaxPostings);
  for (uint32_t p : widget) EXPECT_EQ(p & 7, static_cast<uint32_t>(SearchField::kName));
  // "number" only in summaries.
  for (uint32_t p : Lookup(files, firsts, "t", "number"))
    EXPECT_EQ(p & 7, static_cast<uint32_t>(SearchField::kSummary));

  // Records: ordinal k is record k % chunk of d<k / chunk>.
  EXPECT_EQ(files.at("search/d0.js")[0]["code"], "E10000");
  EXPECT_EQ(
      files.at("search/d" + std::to_string(2999 / kDocChunk) + ".js")[2999 % kDocChunk]["code"],
      "E12999");
}

TEST(SearchIndex, TypoKeysMeetAQueryOneEditAway) {
  testing::Loaded loaded = testing::LoadYaml(Catalog(50));
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const model::Catalog& c = loaded.set->catalogs()[0];
  const auto files = ByName(Collected(DocsOf(c), c.errors.size(), {}));
  const auto firsts = files.at("search/fuzzy.js").get<std::vector<std::string>>();
  // What errcat.js looks up for a query word: it and its one-character deletions.
  auto query = [&](const std::string& word) {
    std::set<uint32_t> found;
    std::vector<std::string> keys{word};
    for (size_t k = 0; k < word.size(); ++k) keys.push_back(word.substr(0, k) + word.substr(k + 1));
    for (const std::string& key : keys)
      for (uint32_t p : Lookup(files, firsts, "f", key)) found.insert(p);
    return found;
  };
  const uint32_t e10007 = 7 * 8 + static_cast<uint32_t>(SearchField::kCode);
  EXPECT_TRUE(query("e10007").count(e10007));   // exact
  EXPECT_TRUE(query("e1007").count(e10007));    // a character missing
  EXPECT_TRUE(query("e100007").count(e10007));  // one added
  EXPECT_TRUE(query("e10008").count(e10007));   // one changed
  EXPECT_TRUE(query("e01007").count(e10007));   // two swapped
  EXPECT_FALSE(query("e1099").count(e10007));   // two edits
  EXPECT_FALSE(query("widgte").empty());        // a name's word
}

TEST(SearchIndex, FilterBitmapsHoldExactlyTheirOrdinals) {
  testing::Loaded loaded = testing::LoadYaml(Catalog(100));
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const std::vector<FilterSet> filters = BuildFilterSets(*loaded.set, {});
  std::vector<std::string> names;
  for (const FilterSet& f : filters) names.push_back(f.key + "=" + f.value);
  EXPECT_THAT(names, ElementsAre("catalog=big", "severity=error", "severity=warning", "status=404",
                                 "status=500", "tag=io", "tag=legacy"));
  const model::Catalog& c = loaded.set->catalogs()[0];
  const auto files = ByName(Collected(DocsOf(c), c.errors.size(), filters));
  for (size_t i = 0; i < filters.size(); ++i) {
    const std::string b64 = files.at("search/s" + std::to_string(i) + ".js").get<std::string>();
    // Base64 back to bits.
    std::string bits;
    uint32_t acc = 0;
    int n = 0;
    for (char ch : b64) {
      if (ch == '=') break;
      const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      acc = (acc << 6) | static_cast<uint32_t>(std::strchr(digits, ch) - digits);
      if ((n += 6) >= 8) bits += static_cast<char>((acc >> (n -= 8)) & 0xff);
    }
    ASSERT_EQ(bits.size(), (100 + 7) / 8u) << names[i];
    std::vector<uint32_t> ordinals;
    for (uint32_t o = 0; o < 100; ++o)
      if ((static_cast<unsigned char>(bits[o / 8]) >> (o % 8)) & 1) ordinals.push_back(o);
    EXPECT_EQ(ordinals, filters[i].ordinals) << names[i];
  }
  EXPECT_EQ(filters[3].ordinals.size(), 50u);  // status 404: the odd ones
  EXPECT_EQ(filters[5].ordinals.size(), 15u);  // tag io: every 7th of 100
}

}  // namespace
}  // namespace errcat::backends::docs
