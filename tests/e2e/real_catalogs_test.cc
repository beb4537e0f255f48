// The public catalogs of tests/real/ (gRPC, SQLite, libcurl, Linux errno), transcribed from
// upstream with their quirks, through every command of the real binary: nobody here designed
// them, so a rule that rejects one of them is a bug. Their generated C++ is compiled and
// round-tripped by real_catalogs_roundtrip and generated_cpp_compile_checks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ShellQuote;

std::string Errcat() { return testing::ErrcatCommand(); }
std::string Real() { return ShellQuote(testing::SourceDir() + "/tests/real"); }

TEST(RealCatalogs, CheckAcceptsEveryOneAsUpstreamDefinesIt) {
  auto r = RunCommand(Errcat() + " check --werror " + Real());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out + r.err, HasSubstr("ok: 4 catalogs, 359 error codes"));
  for (const char* file : {"curl.yaml", "grpc_status.yaml", "linux_errno.yaml", "sqlite.yaml"}) {
    auto one =
        RunCommand(Errcat() + " check " + ShellQuote(testing::SourceDir() + "/tests/real/" + file));
    EXPECT_EQ(one.exit_code, 0) << file << "\n" << one.err;
  }
}

TEST(RealCatalogs, ExplainFindsSuccessEntriesSentinelsAndExtendedCodes) {
  struct Case {
    const char* code;
    const char* expected;
  };
  for (const Case& c : {Case{"OK", "Not an error; returned on success."},
                        Case{"CURLE_OK", "No error"}, Case{"SQLITE_OK", "not an error"},
                        Case{"_DO_NOT_USE", "Force users to include a default branch"},
                        Case{"UNAUTHENTICATED", "401"}, Case{"SQLITE_IOERR_READ", "disk I/O error"},
                        Case{"SQLITE_ROW", "another row available"}, Case{"EAGAIN", "EWOULDBLOCK"},
                        Case{"CURLE_HTTP2", "CURLE_OBSOLETE16"}, Case{"CURL_LAST", "never use!"}}) {
    auto r = RunCommand(Errcat() + " explain " + c.code + " " + Real());
    EXPECT_EQ(r.exit_code, 0) << c.code << "\n" << r.err;
    EXPECT_THAT(r.out, HasSubstr(c.expected)) << c.code;
  }
  // A code in a hole is unknown, with a suggestion.
  auto miss = RunCommand(Errcat() + " explain CURLE_OK_ " + Real());
  EXPECT_EQ(miss.exit_code, 1);
  EXPECT_THAT(miss.err, HasSubstr("did you mean 'CURLE_OK'?"));
}

TEST(RealCatalogs, SiteListsEveryEntryAndEveryLinkResolves) {
  testing::TempDir tmp;
  const fs::path site = tmp.path() / "site";
  auto r =
      RunCommand(Errcat() + " docs --format html -o " + ShellQuote(site.string()) + " " + Real());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const testing::LinkCheck links = testing::CheckSiteLinks(site);
  EXPECT_EQ(links.problems, std::vector<std::string>{});
  EXPECT_EQ(links.pages, 359 + 4 + 2);  // an error page each, a catalog page each, index and 404
  for (const char* page :
       {"OK.html", "_DO_NOT_USE.html", "CURLE_OK.html", "SQLITE_OK.html", "EAGAIN.html"})
    EXPECT_TRUE(fs::exists(site / page)) << page;
  const std::string index = testing::ReadFile(site / "index.html");
  EXPECT_THAT(
      index,
      HasSubstr(
          "<option value=\"info\" data-set="));  // the severity filter has the success entries
  EXPECT_THAT(index, HasSubstr("<option value=\"warning\" data-set="));  // and SQLite's warnings
  EXPECT_THAT(testing::ReadFile(site / "OK.html"), HasSubstr("Not an error; returned on success."));

  const fs::path md = tmp.path() / "md";
  ASSERT_EQ(
      RunCommand(Errcat() + " docs --format markdown -o " + ShellQuote(md.string()) + " " + Real())
          .exit_code,
      0);
  EXPECT_THAT(testing::ReadFile(md / "sqlite.md"), HasSubstr("SQLITE_OK"));
}

// Two real versions of libcurl's list: 7.68.0 (2020) and the current one. Upstream renamed codes
// it stopped using (CURLE_LDAP_INVALID_URL became CURLE_OBSOLETE62), renamed a live one
// (TELNET_OPTION_SYNTAX to SETOPT_OPTION_SYNTAX), added codes, and moved the CURL_LAST sentinel.
TEST(RealCatalogs, DiffOfTwoUpstreamVersionsOfCurl) {
  const std::string old_curl =
      ShellQuote(testing::SourceDir() + "/tests/data/real-history/curl-7.68.0");
  const std::string new_curl = ShellQuote(testing::SourceDir() + "/tests/real/curl.yaml");
  auto r = RunCommand(Errcat() + " diff " + old_curl + " " + new_curl);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("CURLE_LDAP_INVALID_URL (LdapInvalidUrl) was removed"));
  EXPECT_THAT(r.out, HasSubstr("CURLE_TELNET_OPTION_SYNTAX (TelnetOptionSyntax) was removed"));
  EXPECT_THAT(r.out, HasSubstr("CURL_LAST: value changed from 96 to 102 [value-changed]"));
  EXPECT_THAT(r.out, HasSubstr("new error CURLE_ECH_REQUIRED (EchRequired) [error-added]"));
  EXPECT_THAT(r.out,
              HasSubstr("new error CURLE_SETOPT_OPTION_SYNTAX (SetoptOptionSyntax) [error-added]"));
  // Nothing breaks between a version and itself; the other direction breaks on the new codes'
  // removal.
  EXPECT_EQ(RunCommand(Errcat() + " diff " + new_curl + " " + new_curl).exit_code, 0);
  auto back = RunCommand(Errcat() + " diff " + new_curl + " " + old_curl);
  EXPECT_EQ(back.exit_code, 1);
  EXPECT_THAT(back.out, HasSubstr("CURLE_ECH_REQUIRED (EchRequired) was removed"));
}

}  // namespace
}  // namespace errcat
