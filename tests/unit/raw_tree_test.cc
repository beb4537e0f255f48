#include "yaml/raw_tree.h"

#include <gtest/gtest.h>

namespace errcat::yaml {
namespace {

TEST(RawTree, KeepsPositionsDuplicatesAndQuoting) {
  diag::DiagnosticSink sink;
  auto doc = Parse("f.yaml", "a: 1\na: \"2\"\nb: [x, y]\n", sink);
  ASSERT_TRUE(doc) << sink.diagnostics().size();
  const Node* root = doc->root;
  ASSERT_EQ(root->kind, NodeKind::kMap);
  ASSERT_EQ(root->entries().size(), 3u);  // the duplicate 'a' is kept
  EXPECT_EQ(root->entries()[1].first->line, 2);
  EXPECT_EQ(root->entries()[1].second->column, 4);
  EXPECT_FALSE(root->entries()[0].second->quoted);
  EXPECT_TRUE(root->entries()[1].second->quoted);
  EXPECT_EQ(root->entries()[2].second->items().size(), 2u);
}

TEST(RawTree, AliasesAreSharedNotCopied) {
  diag::DiagnosticSink sink;
  auto doc = Parse("f.yaml", "a: &x [1, 2]\nb: *x\n", sink);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root->entries()[0].second, doc->root->entries()[1].second);
}

TEST(RawTree, AliasBombIsStoppedWithAPosition) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + prev;
    bomb += "]\n";
  }
  diag::DiagnosticSink sink;
  EXPECT_FALSE(Parse("bomb.yaml", bomb, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].rule, "yaml-alias");
  EXPECT_GT(sink.diagnostics()[0].location.line, 1);
}

TEST(RawTree, DeepNestingIsAnErrorNotACrash) {
  diag::DiagnosticSink sink;
  EXPECT_FALSE(Parse("deep.yaml", std::string(100000, '['), sink));
  ASSERT_FALSE(sink.diagnostics().empty());
  EXPECT_EQ(sink.diagnostics()[0].rule, "yaml-nesting");
}

TEST(RawTree, SyntaxErrorsCarryYamlCppPositions) {
  diag::DiagnosticSink sink;
  EXPECT_FALSE(Parse("bad.yaml", "a: [1, 2\n", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].rule, "yaml-syntax");
  EXPECT_EQ(sink.diagnostics()[0].location.line, 2);
  EXPECT_EQ(sink.diagnostics()[0].location.column, 1);
}

TEST(RawTree, EncodingProblemsAreLocated) {
  diag::DiagnosticSink sink;
  EXPECT_FALSE(Parse("enc.yaml", "a: 1\nb: caf\xE9\n", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].rule, "encoding");
  EXPECT_EQ(sink.diagnostics()[0].location.line, 2);
  EXPECT_EQ(sink.diagnostics()[0].location.column, 7);
}

TEST(RawTree, BomAndCrlfAreAccepted) {
  diag::DiagnosticSink sink;
  auto doc = Parse("bom.yaml", "\xEF\xBB\xBF" "a: 1\r\nb: 2\r\n", sink);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root->entries().size(), 2u);
  EXPECT_EQ(doc->root->entries()[1].second->value, "2");
}

TEST(RawTree, EmptyAndOversizedFiles) {
  diag::DiagnosticSink sink;
  EXPECT_FALSE(Parse("empty.yaml", "", sink));
  EXPECT_FALSE(Parse("comment.yaml", "# nothing\n", sink));
  Limits small;
  small.max_file_bytes = 10;
  EXPECT_FALSE(Parse("big.yaml", std::string(11, 'a'), sink, small));
  ASSERT_EQ(sink.diagnostics().size(), 3u);
  EXPECT_EQ(sink.diagnostics()[0].rule, "file-empty");
  EXPECT_EQ(sink.diagnostics()[1].rule, "file-empty");
  EXPECT_EQ(sink.diagnostics()[2].rule, "file-too-large");
}

TEST(RawTree, SecondDocumentIsRejected) {
  diag::DiagnosticSink sink;
  EXPECT_FALSE(Parse("two.yaml", "a: 1\n---\nb: 2\n", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].location.line, 3);
}

}  // namespace
}  // namespace errcat::yaml
