// yaml::Reparse must give exactly the tree (and the diagnostics) of a whole parse, whether it
// splices the edited items in or parses the whole text: checked on every catalog of the
// repository, the public ones and a synthetic one, under long runs of random edits, and on the
// edits that must not be spliced.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "test_support.h"
#include "yaml/raw_tree.h"

namespace errcat::yaml {
namespace {

namespace fs = std::filesystem;

std::string Diagnostics(const diag::DiagnosticSink& sink) {
  std::string text;
  for (const diag::Diagnostic& d : sink.Sorted()) text += diag::FormatText(d, false);
  return text;
}

// Reparses `doc` with `text` and checks it against a whole parse of `text`; returns whether
// it spliced.
bool ReparseAndCompare(std::unique_ptr<Document>& doc, const std::string& text,
                       const std::string& what) {
  diag::DiagnosticSink whole_sink;
  const std::unique_ptr<Document> whole = Parse("f.yaml", text, whole_sink);
  const std::string before = doc ? DebugString(doc->root) : "";
  const std::string before_source = doc ? doc->source : "";
  diag::DiagnosticSink sink;
  bool spliced = false;
  const bool ok = Reparse(doc, "f.yaml", text, sink, {}, &spliced);
  EXPECT_EQ(ok, whole != nullptr) << what << "\n" << text;
  EXPECT_EQ(Diagnostics(sink), Diagnostics(whole_sink)) << what;
  if (ok && whole) {
    EXPECT_EQ(DebugString(doc->root), DebugString(whole->root)) << what << "\n" << text;
    EXPECT_EQ(doc->source, whole->source) << what;
  } else if (!ok) {
    EXPECT_FALSE(spliced);
    // A failed reparse leaves the last good tree as it was, with its own text.
    EXPECT_EQ(doc ? DebugString(doc->root) : "", before) << what;
    EXPECT_EQ(doc ? doc->source : "", before_source) << what;
  }
  return spliced;
}

// Pieces of YAML an edit inserts, the awkward ones on purpose.
const char* const kSnippets[] = {"\n",
                                 " ",
                                 "  ",
                                 "    ",
                                 "- ",
                                 "\n  - code: NEW1\n    name: New\n",
                                 "\n- x\n",
                                 "\"",
                                 "'",
                                 "#",
                                 " # note",
                                 "&a ",
                                 "*a",
                                 ": ",
                                 "\t",
                                 "|\n",
                                 "|+\n      kept\n\n",
                                 ">-\n",
                                 "\n---\n",
                                 "\n...\n",
                                 "{",
                                 "}",
                                 "[",
                                 "]",
                                 "é",
                                 "€",
                                 "\r\n",
                                 "\nerrors:\n",
                                 "x",
                                 "? ",
                                 "!!str ",
                                 "\n  x: 1\n",
                                 "\nnext: 1\n",
                                 "\n    causes: [a, b]\n",
                                 "  - ",
                                 ",",
                                 "%",
                                 "@",
                                 "`",
                                 "\\"};

std::string RandomEdit(const std::string& text, std::mt19937& random) {
  std::uniform_int_distribution<size_t> at(0, text.size());
  std::uniform_int_distribution<int> kind(0, 5);
  std::string next = text;
  const size_t pos = at(random);
  switch (kind(random)) {
    case 0: {  // insert a snippet
      std::uniform_int_distribution<size_t> pick(0, std::size(kSnippets) - 1);
      next.insert(pos, kSnippets[pick(random)]);
      break;
    }
    case 1: {  // delete a few bytes
      std::uniform_int_distribution<size_t> length(1, 40);
      next.erase(pos, length(random));
      break;
    }
    case 2:  // what a writer does most: retype a word of a line
    case 3: {
      const size_t line = text.rfind('\n', pos == 0 ? 0 : pos - 1);
      const size_t start = line == std::string::npos ? 0 : line + 1;
      const size_t colon = text.find(": ", start);
      const size_t end = text.find('\n', start);
      if (colon != std::string::npos && colon < end) next.insert(colon + 2, "Edited ");
      break;
    }
    case 4: {  // duplicate a line
      const size_t line = text.rfind('\n', pos == 0 ? 0 : pos - 1);
      const size_t start = line == std::string::npos ? 0 : line + 1;
      size_t end = text.find('\n', start);
      end = end == std::string::npos ? text.size() : end + 1;
      next.insert(start, text.substr(start, end - start));
      break;
    }
    default: {  // remove a line
      const size_t line = text.rfind('\n', pos == 0 ? 0 : pos - 1);
      const size_t start = line == std::string::npos ? 0 : line + 1;
      size_t end = text.find('\n', start);
      end = end == std::string::npos ? text.size() : end + 1;
      next.erase(start, end - start);
      break;
    }
  }
  return next;
}

// Random edits one after the other on one document, each compared with a whole parse. A run
// goes back to the original text now and then, so that edits do not pile up into noise.
void RandomRuns(const std::string& original, const std::string& name, int edits, unsigned seed,
                int* spliced_count = nullptr) {
  std::mt19937 random(seed);
  std::unique_ptr<Document> doc;
  ReparseAndCompare(doc, original, name + ": first parse");
  std::string text = original;
  for (int i = 0; i < edits; ++i) {
    text = i % 8 == 7 ? original : RandomEdit(text, random);
    const bool spliced = ReparseAndCompare(doc, text, name + ": edit " + std::to_string(i));
    if (spliced_count) *spliced_count += spliced;
    if (::testing::Test::HasFailure()) return;
  }
}

std::vector<fs::path> YamlFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// ERRCAT_REPARSE_EDITS=N runs longer (scripts/fuzz.sh has a libFuzzer target for the same).
int EditsPerFile(int normal) {
  const char* edits = std::getenv("ERRCAT_REPARSE_EDITS");
  return edits ? std::atoi(edits) : normal;
}

TEST(Reparse, RandomEditsOfEveryRepositoryCatalogMatchAWholeParse) {
  int spliced = 0;
  for (const char* folder : {"catalog", "tests/real", "tests/data/hostile", "tests/data/l10n"}) {
    for (const fs::path& file : YamlFiles(fs::path(testing::SourceDir()) / folder)) {
      RandomRuns(testing::ReadFile(file), file.filename().string(), EditsPerFile(150),
                 static_cast<unsigned>(file.string().size()), &spliced);
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(spliced, 100);  // the splice is taken, not only the whole parse
}

TEST(Reparse, RandomEditsOfALargeSyntheticCatalogMatchAWholeParse) {
  int spliced = 0;
  RandomRuns(testing::ReadFile(SYNTH_CATALOG), "synth00.yaml", 12, 7, &spliced);
  EXPECT_GT(spliced, 5);
}

// A whole file to start from: a header, a list of items at indent 2, a key after the list.
const char* const kCatalog =
    "catalog: demo\n"
    "title: Demo\n"
    "errors:\n"
    "  - code: D1\n"
    "    summary: One\n"
    "    causes:\n"
    "      - first\n"
    "  - code: D2\n"
    "    summary: Two\n"
    "  - code: D3\n"
    "    summary: Three\n"
    "fields:\n"
    "  owner: {title: Team}\n";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

bool SplicesTo(const std::string& before, const std::string& after) {
  std::unique_ptr<Document> doc;
  ReparseAndCompare(doc, before, "first");
  return ReparseAndCompare(doc, after, after);
}

TEST(Reparse, AnEditInsideTheItemsSplicesAndMovesWhatFollows) {
  EXPECT_TRUE(SplicesTo(kCatalog, Replace(kCatalog, "summary: Two", "summary: Two, longer")));
  EXPECT_TRUE(
      SplicesTo(kCatalog, Replace(kCatalog, "summary: Two\n", "summary: |\n      a\n      b\n")));
  EXPECT_TRUE(SplicesTo(kCatalog, Replace(kCatalog, "    summary: One\n", "")));
  EXPECT_TRUE(SplicesTo(kCatalog, Replace(kCatalog, "  - code: D2\n    summary: Two\n", "")));
  EXPECT_TRUE(SplicesTo(kCatalog, Replace(kCatalog, "  - code: D3\n",
                                          "  - code: D25\n    summary: New\n  - code: D3\n")));
  EXPECT_TRUE(SplicesTo(kCatalog, Replace(kCatalog, "Three\n", "Three\n  - code: D4\n")));
  EXPECT_TRUE(
      SplicesTo(kCatalog, Replace(kCatalog, "      - first\n", "      - first\n      - second\n")));
  // Items at the indentation of their key.
  const std::string flush = "errors:\n- code: A\n  summary: a\n- code: B\n  summary: b\n";
  EXPECT_TRUE(SplicesTo(flush, Replace(flush, "summary: a", "summary: aa")));
  EXPECT_TRUE(SplicesTo(flush, flush + "- code: C\n"));
  // The last item of a file without a final newline (a block scalar's value depends on it):
  // the items alone end as the file does.
  const std::string unended = "errors:\n  - code: A\n  - summary: |\n      text";
  EXPECT_TRUE(SplicesTo(unended, unended + "s"));
  // Windows line ends.
  const std::string crlf = "errors:\r\n  - code: A\r\n    summary: a\r\n  - code: B\r\n";
  EXPECT_TRUE(SplicesTo(crlf, Replace(crlf, "summary: a", "summary: b\r\n    name: N")));
}

TEST(Reparse, EditsThatMightReadDifferentlyAloneParseTheWholeText) {
  // Outside the items: the header, the key after the list.
  EXPECT_FALSE(SplicesTo(kCatalog, Replace(kCatalog, "title: Demo", "title: Demo 2")));
  EXPECT_FALSE(SplicesTo(kCatalog, Replace(kCatalog, "owner: {title: Team}", "owner: {}")));
  // A line that ends the list in the whole text.
  EXPECT_FALSE(
      SplicesTo(kCatalog, Replace(kCatalog, "    summary: Two\n", "    summary: Two\nlate: 1\n")));
  // The "- " of the item the edit starts in, and its indentation.
  EXPECT_FALSE(SplicesTo(kCatalog, Replace(kCatalog, "  - code: D1", "  -  code: D1")));
  EXPECT_FALSE(SplicesTo(kCatalog, Replace(kCatalog, "  - code: D1", " - code: D1")));
  // A quote left open runs into the next item in the whole text: an error either way.
  EXPECT_FALSE(SplicesTo(kCatalog, Replace(kCatalog, "summary: Two", "summary: \"Two")));
  // Anchors and aliases share nodes.
  EXPECT_FALSE(SplicesTo(kCatalog, Replace(kCatalog, "summary: Two", "summary: &t Two")));
  const std::string anchored = Replace(kCatalog, "summary: One", "summary: &one One");
  EXPECT_FALSE(SplicesTo(anchored, Replace(anchored, "summary: Two", "summary: Deux")));
  // A second document, and removing every item (the list becomes null).
  EXPECT_FALSE(
      SplicesTo(kCatalog, Replace(kCatalog, "    summary: Two\n", "    summary: Two\n---\n")));
  EXPECT_FALSE(SplicesTo("errors:\n  - a\n", "errors:\n"));
}

TEST(Reparse, AFailedParseKeepsTheLastGoodTreeAndTheNextSaveStartsFromIt) {
  std::unique_ptr<Document> doc;
  ReparseAndCompare(doc, kCatalog, "first");
  const std::string good = DebugString(doc->root);
  const std::string broken = Replace(kCatalog, "summary: Two", "summary: [Two");
  ReparseAndCompare(doc, broken, "broken");  // checks the diagnostics and that doc is unchanged
  EXPECT_EQ(DebugString(doc->root), good);
  EXPECT_TRUE(ReparseAndCompare(doc, Replace(kCatalog, "summary: Two", "summary: Fixed"), "fixed"));
}

TEST(Reparse, ReplacedNodesAreCompactedByAWholeParse) {
  std::unique_ptr<Document> doc;
  ReparseAndCompare(doc, kCatalog, "first");
  int whole = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string text = Replace(kCatalog, "summary: Two", "summary: Two " + std::to_string(i));
    whole += !ReparseAndCompare(doc, text, "edit " + std::to_string(i));
    EXPECT_LE(doc->unreachable * 2, doc->arena.size() + 20);
  }
  EXPECT_GT(whole, 0);    // now and then the arena is rebuilt
  EXPECT_LT(whole, 100);  // but most saves splice
}

}  // namespace
}  // namespace errcat::yaml
