// `errcat match` through the real binary: a pasted log line, JSON, and a whole log file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace errcat {
namespace {
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

std::string Match(const std::string& args) {
  return testing::ErrcatCommand() + " match " + args + " " +
         ShellQuote(testing::SourceDir() + "/catalog");
}

TEST(MatchCli, ALogLineGivesTheErrorAndItsArguments) {
  auto r = RunCommand(
      Match("\"2026-12-02 10:00:00 ERROR Token with ID 'a1b2' was not found. (req 7)\""));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "TOK013  TokenIdNotFound  (token)  token_id = \"a1b2\"\n");
  auto none = RunCommand(Match("\"nothing like any message\""));
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "");
  EXPECT_THAT(none.err, HasSubstr("no error's message fits the text"));
}

TEST(MatchCli, JsonHasTypedArguments) {
  auto r = RunCommand(
      Match("--format json \"Error: The expiry date of the token request cannot be more than 48 "
            "hours in the future. "
            "Provided expiry date: 2026-12-01. Please adjust the expiry date accordingly.\""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j["matches"].size(), 1u);
  const auto& best = j["matches"][0];
  EXPECT_EQ(best["code"], "TOK005");
  EXPECT_EQ(best["begin"], 7);
  EXPECT_EQ(best["args"]["max_hours"], 48);  // an int, not the text "48"
  EXPECT_EQ(best["args"]["provided_expiry"], "2026-12-01");
  EXPECT_EQ(best["ambiguous"], false);
}

TEST(MatchCli, EveryLineOfALog) {
  testing::TempDir tmp;
  const auto log = tmp.Write("app.log",
                             "10:00 start\n"
                             "10:01 Token with ID 'x9' was not found.\n"
                             "10:02 Failed to export token for download Id d-17\r\n"
                             "10:03 done\n");
  auto r = RunCommand(Match("--file " + ShellQuote(log.string())));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("app.log:2: TOK013  TokenIdNotFound  (token)  token_id = \"x9\"\n"));
  EXPECT_THAT(r.out,
              HasSubstr("app.log:3: TOK003  TokenExportFailed  (token)  download_id = \"d-17\"\n"));
  EXPECT_THAT(r.err, HasSubstr("2 of 4 lines matched an error"));
  auto jsonl = RunCommand(Match("--format json --file - < " + ShellQuote(log.string())));
  EXPECT_EQ(std::count(jsonl.out.begin(), jsonl.out.end(), '\n'), 2);
  EXPECT_EQ(nlohmann::json::parse(jsonl.out.substr(0, jsonl.out.find('\n')))["matches"][0]["code"],
            "TOK013");
  EXPECT_EQ(RunCommand(Match("--file /no/such.log")).exit_code, 2);
}

// Lines are matched in chunks on every core; the output keeps the log's order.
TEST(MatchCli, ALongLogKeepsItsOrderAcrossChunks) {
  testing::TempDir tmp;
  std::string log;
  for (int i = 1; i <= 40000; ++i)
    log += i % 3 == 0 ? "noise " + std::to_string(i) + "\n"
                      : "Token with ID 't" + std::to_string(i) + "' was not found.\n";
  const auto path = tmp.Write("long.log", log);
  auto r = RunCommand(Match("--file " + ShellQuote(path.string())));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("26667 of 40000 lines matched an error"));
  size_t at = 0;
  int expected = 1;
  for (size_t end; (end = r.out.find('\n', at)) != std::string::npos; at = end + 1, ++expected) {
    if (expected % 3 == 0) ++expected;
    const std::string want = path.string() + ":" + std::to_string(expected) +
                             ": TOK013  TokenIdNotFound  (token)  token_id = \"t" +
                             std::to_string(expected) + "\"";
    ASSERT_EQ(r.out.substr(at, end - at), want);
  }
  EXPECT_EQ(expected, 40001);
}

}  // namespace
}  // namespace errcat
