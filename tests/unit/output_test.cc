// OutputContext: files staged by its own thread while several rendering threads hand them over,
// moved into place only by Commit(), and nothing left behind when staging fails or is discarded.
#include "backends/base/output.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <optional>
#include <set>
#include <thread>

#include "test_support.h"

namespace errcat::backends {
namespace {

namespace fs = std::filesystem;
using errcat::testing::ReadFile;
using errcat::testing::TempDir;

std::string PageName(int thread, int i) {
  // Some files in subfolders, so staging creates folders from the staging thread too.
  return (i % 7 == 0 ? "sub" + std::to_string(i % 3) + "/" : std::string()) + "t" + std::to_string(thread) + "-" +
         std::to_string(i) + ".html";
}

std::string PageText(int thread, int i) { return std::string(100 + i % 50, static_cast<char>('a' + thread)) + "\n"; }

// Every name below `dir`, relative, sorted.
std::set<std::string> ListTree(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    names.insert(fs::relative(entry.path(), dir).generic_string());
  return names;
}

constexpr int kThreads = 4;
constexpr int kFilesPerThread = 400;  // more than the backlog, so writers wait on the stager

void WriteFromThreads(OutputContext& out, std::vector<diag::DiagnosticSink>& sinks) {
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kFilesPerThread; ++i) ASSERT_TRUE(out.Write(PageName(t, i), PageText(t, i), sinks[t]));
    });
  for (std::thread& thread : threads) thread.join();
}

TEST(OutputContext, ThreadsWriteIntoANewFolderThatAppearsOnlyAtCommit) {
  TempDir tmp;
  const fs::path site = tmp.path() / "site";
  std::vector<diag::DiagnosticSink> sinks(kThreads);
  diag::DiagnosticSink sink;
  {
    OutputContext out(OutputContext::Mode::kWrite, site);
    WriteFromThreads(out, sinks);
    ASSERT_TRUE(out.Flush(sink));
    EXPECT_FALSE(fs::exists(site)) << "nothing reaches the target before Commit";
    const OutputContext::CommitResult result = out.Commit(sink);
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.written.size(), static_cast<size_t>(kThreads * kFilesPerThread));
    EXPECT_TRUE(result.unchanged.empty());
  }
  EXPECT_EQ(sink.diagnostics().size(), 0u);
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kFilesPerThread; ++i) ASSERT_EQ(ReadFile(site / PageName(t, i)), PageText(t, i));
  std::set<std::string> top;
  for (const auto& entry : fs::directory_iterator(tmp.path())) top.insert(entry.path().filename().string());
  EXPECT_EQ(top, (std::set<std::string>{"site"})) << "no staging folder is left";
}

TEST(OutputContext, ExistingFolderKeepsUnchangedFilesAndReplacesTheOthers) {
  TempDir tmp;
  const fs::path site = tmp.path() / "site";
  tmp.Write("site/same.html", "same\n");
  tmp.Write("site/changed.html", "old\n");
  struct stat before {};
  ASSERT_EQ(::stat((site / "same.html").c_str(), &before), 0);

  diag::DiagnosticSink sink;
  OutputContext out(OutputContext::Mode::kWrite, site);
  ASSERT_TRUE(out.Write("same.html", "same\n", sink));
  ASSERT_TRUE(out.Write("changed.html", "new\n", sink));
  ASSERT_TRUE(out.Write("deep/new.html", "fresh\n", sink));
  ASSERT_TRUE(out.Flush(sink));
  EXPECT_EQ(ReadFile(site / "changed.html"), "old\n") << "replaced only at Commit";
  const OutputContext::CommitResult result = out.Commit(sink);
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.written, (std::vector<std::string>{"changed.html", "deep/new.html"}));
  EXPECT_EQ(result.unchanged, (std::vector<std::string>{"same.html"}));
  EXPECT_EQ(ReadFile(site / "changed.html"), "new\n");
  EXPECT_EQ(ReadFile(site / "deep/new.html"), "fresh\n");
  struct stat after {};
  ASSERT_EQ(::stat((site / "same.html").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino) << "an unchanged file is not rewritten";
  EXPECT_EQ(ListTree(site), (std::set<std::string>{"changed.html", "deep", "deep/new.html", "same.html"}));
}

// A file streamed in pieces (errors.json): its bytes are theirs in order, and it compares with a
// file on disk across the pieces' seams and the blocks it is read in.
bool WritePieces(OutputContext& out, const std::string& path,
                 const std::vector<std::string>& pieces, diag::DiagnosticSink& sink) {
  std::optional<OutputContext::Stream> stream = out.Open(path, sink);
  if (!stream) return false;
  for (const std::string& piece : pieces) stream->Append(piece);
  return stream->Close(sink);
}

TEST(OutputContext, AStreamedFileIsItsPiecesInOrder) {
  std::string big;
  for (int i = 0; big.size() < 200'000; ++i) big += "line " + std::to_string(i) + "\n";
  const auto split = [&](std::vector<size_t> cuts) {
    std::vector<std::string> pieces;
    size_t from = 0;
    for (size_t cut : cuts) {
      pieces.push_back(big.substr(from, cut - from));
      from = cut;
    }
    pieces.push_back(big.substr(from));
    return pieces;
  };
  TempDir tmp;
  const fs::path site = tmp.path() / "site";
  tmp.Write("site/same.json", big);
  std::string one_off = big;
  one_off.back() = '!';
  tmp.Write("site/last-byte.json", one_off);
  tmp.Write("site/shorter.json", big.substr(0, big.size() - 1));
  tmp.Write("site/longer.json", big + "x");

  diag::DiagnosticSink sink;
  {
    OutputContext check(OutputContext::Mode::kCheck, site);
    ASSERT_TRUE(WritePieces(check, "same.json", split({0, 1, 65536, 65536, 100'001}), sink));
    ASSERT_TRUE(WritePieces(check, "last-byte.json", split({big.size() - 1}), sink));
    ASSERT_TRUE(WritePieces(check, "shorter.json", split({7}), sink));
    ASSERT_TRUE(WritePieces(check, "longer.json", split({}), sink));
    EXPECT_EQ(check.Stale({}),
              (std::vector<std::string>{"last-byte.json", "longer.json", "shorter.json"}));
  }
  OutputContext out(OutputContext::Mode::kWrite, site);
  ASSERT_TRUE(WritePieces(out, "same.json", split({3, 65539, 131072}), sink));
  ASSERT_TRUE(WritePieces(out, "last-byte.json", split({65536, big.size()}), sink));
  ASSERT_TRUE(WritePieces(out, "shorter.json", split({1}), sink));
  ASSERT_TRUE(WritePieces(out, "longer.json", split({}), sink));
  ASSERT_TRUE(WritePieces(out, "empty.json", std::vector<std::string>{"", ""}, sink));
  const OutputContext::CommitResult result = out.Commit(sink);
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.unchanged, (std::vector<std::string>{"same.json"}));
  EXPECT_EQ(result.written, (std::vector<std::string>{"empty.json", "last-byte.json", "longer.json",
                                                      "shorter.json"}));
  for (const char* name : {"same.json", "last-byte.json", "shorter.json", "longer.json"})
    EXPECT_EQ(ReadFile(site / name), big) << name;
  EXPECT_EQ(ReadFile(site / "empty.json"), "");

  OutputContext buffer;
  ASSERT_TRUE(WritePieces(buffer, "a.json", split({10, 70'000}), sink));
  EXPECT_EQ(buffer.files().at("a.json"), big);
  EXPECT_EQ(sink.diagnostics().size(), 0u);
}

// A file written a piece at a time (errors.json): written only once closed, in every mode; an
// unchanged one is left alone; one never closed leaves nothing behind.
TEST(OutputContext, AStreamedFileCountsOnlyOnceClosed) {
  std::string big;
  for (int i = 0; big.size() < 150'000; ++i) big += "row " + std::to_string(i) + "\n";
  const auto stream = [&](OutputContext& out, const std::string& path, const std::string& text,
                          diag::DiagnosticSink& sink) {
    std::optional<OutputContext::Stream> s = out.Open(path, sink);
    if (!s) return false;
    for (size_t at = 0; at < text.size(); at += 40'000)
      s->Append(std::string_view(text).substr(at, 40'000));
    return s->Close(sink);
  };
  TempDir tmp;
  diag::DiagnosticSink sink;
  const fs::path fresh = tmp.path() / "fresh";
  {
    OutputContext out(OutputContext::Mode::kWrite, fresh);
    ASSERT_TRUE(stream(out, "deep/errors.json", big, sink));
    {
      std::optional<OutputContext::Stream> dropped = out.Open("dropped.json", sink);
      ASSERT_TRUE(dropped);
      dropped->Append("never closed");
    }
    EXPECT_FALSE(out.Open("deep/errors.json", sink)) << "a path streamed twice";
    EXPECT_FALSE(fs::exists(fresh)) << "nothing reaches the target before Commit";
    const OutputContext::CommitResult result = out.Commit(sink);
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.written, (std::vector<std::string>{"deep/errors.json"}));
  }
  EXPECT_EQ(ReadFile(fresh / "deep/errors.json"), big);
  EXPECT_EQ(ListTree(fresh), (std::set<std::string>{"deep", "deep/errors.json"}));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_NE(sink.diagnostics()[0].message.find("generated twice"), std::string::npos);

  // Into the folder that now exists: the same bytes are left alone, others replace the file.
  diag::DiagnosticSink again;
  struct stat before {};
  ASSERT_EQ(::stat((fresh / "deep/errors.json").c_str(), &before), 0);
  {
    OutputContext out(OutputContext::Mode::kWrite, fresh);
    ASSERT_TRUE(stream(out, "deep/errors.json", big, again));
    ASSERT_TRUE(stream(out, "other.json", big + "more", again));
    const OutputContext::CommitResult result = out.Commit(again);
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.unchanged, (std::vector<std::string>{"deep/errors.json"}));
    EXPECT_EQ(result.written, (std::vector<std::string>{"other.json"}));
  }
  struct stat after {};
  ASSERT_EQ(::stat((fresh / "deep/errors.json").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino) << "an unchanged file is not rewritten";
  EXPECT_EQ(ReadFile(fresh / "other.json"), big + "more");
  {
    OutputContext out(OutputContext::Mode::kWrite, fresh);
    ASSERT_TRUE(stream(out, "deep/errors.json", big + "!", again));
    out.Discard();
  }
  EXPECT_EQ(ReadFile(fresh / "deep/errors.json"), big) << "discarded";
  EXPECT_EQ(ListTree(fresh), (std::set<std::string>{"deep", "deep/errors.json", "other.json"}))
      << "no temporary is left";

  OutputContext check(OutputContext::Mode::kCheck, fresh);
  ASSERT_TRUE(stream(check, "deep/errors.json", big, again));
  ASSERT_TRUE(stream(check, "other.json", big, again));
  EXPECT_EQ(check.Stale({}), (std::vector<std::string>{"other.json"}));
  OutputContext buffer;
  ASSERT_TRUE(stream(buffer, "errors.json", big, again));
  EXPECT_EQ(buffer.files().at("errors.json"), big);
  EXPECT_EQ(again.diagnostics().size(), 0u);
}

TEST(OutputContext, AStagingFailureStopsWritersAndFlushReportsIt) {
  TempDir tmp;
  const fs::path site = tmp.path() / "site";
  tmp.Write("site/keep.html", "keep\n");
  tmp.Write("site/blocked", "a file where a folder is needed\n");
  const std::set<std::string> tree_before = ListTree(site);

  diag::DiagnosticSink sink;
  {
    OutputContext out(OutputContext::Mode::kWrite, site);
    ASSERT_TRUE(out.Write("keep.html", "changed\n", sink));
    out.Write("blocked/page.html", "x", sink);  // accepted: staged later, by the staging thread
    bool refused = false;
    for (int i = 0; i < 10000 && !refused; ++i) refused = !out.Write("later" + std::to_string(i) + ".html", "y", sink);
    EXPECT_TRUE(refused) << "once staging failed, writers are told to stop";
    EXPECT_FALSE(out.Flush(sink));
  }  // destroyed without Commit: everything staged is removed
  ASSERT_TRUE(sink.HasErrors());
  EXPECT_NE(sink.diagnostics().front().location.file.find("blocked/page.html"), std::string::npos);
  EXPECT_EQ(sink.diagnostics().front().rule, "io");
  EXPECT_EQ(ListTree(site), tree_before) << "no temporary file or folder is left";
  EXPECT_EQ(ReadFile(site / "keep.html"), "keep\n");
}

TEST(OutputContext, DiscardRemovesEverythingStaged) {
  TempDir tmp;
  std::vector<diag::DiagnosticSink> sinks(kThreads);
  {
    OutputContext out(OutputContext::Mode::kWrite, tmp.path() / "site");
    WriteFromThreads(out, sinks);
    out.Discard();
  }
  EXPECT_TRUE(ListTree(tmp.path()).empty());
}

}  // namespace
}  // namespace errcat::backends
