// The generated match_message<E>(text): on hard cases of its own (tests/data/match), and against
// `errcat match`'s Matcher on every error of catalog/, of the public catalogs of tests/real/, of
// the hostile catalog and of a 3000-error synthetic one, each rendered with random typed
// arguments, bare, inside a log line, and cut short. The generated tables and the Matcher are
// built by the same match room; the runtime that walks the tables is separate code, and this
// is what holds them together.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "curl_errors.hpp"
#include "data_source_login_errors.hpp"
#include "grpc_status_errors.hpp"
#include "hostile_errors.hpp"
#include "invalid_token_errors.hpp"
#include "linux_errno_errors.hpp"
#include "match/match.h"
#include "match/message_index.h"
#include "match_errors.hpp"
#include "open_finance_errors.hpp"
#include "sqlite_errors.hpp"
#include "synth00_errors.hpp"
#include "test_support.h"
#include "token_errors.hpp"

namespace {

using errcat_test::match::MatchError;

TEST(MatchMessage, FindsTheErrorAndViewsItsArgumentsInTheText) {
  const std::string line = "2026-12-03T07:00:00Z WARN Token not found. Retry in 30 s. [svc]";
  const auto m = errcat_runtime::match_message<MatchError>(line);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::NotFoundRetry);  // more of its own text than MAT001
  EXPECT_FALSE(m->ambiguous);
  EXPECT_EQ(m->args[0], "30");
  EXPECT_EQ(m->args[0].data(), line.data() + line.find("30"));  // a view, not a copy
  EXPECT_EQ(line.substr(m->begin, m->end - m->begin), "Token not found. Retry in 30 s.");
  // Not an int: the prefix message is what fits.
  const auto prefix =
      errcat_runtime::match_message<MatchError>("Token not found. Retry in soon s.");
  ASSERT_TRUE(prefix.has_value());
  EXPECT_EQ(prefix->error, MatchError::NotFound);
  EXPECT_FALSE(errcat_runtime::match_message<MatchError>("Token was found.").has_value());
  EXPECT_FALSE(errcat_runtime::match_message<MatchError>("").has_value());
}

TEST(MatchMessage, AdjacentPlaceholdersAndIdenticalMessagesAreAmbiguous) {
  auto m = errcat_runtime::match_message<MatchError>("Codes 1234 rejected by the gateway");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::Pair);
  EXPECT_TRUE(m->ambiguous);  // 1|234, 12|34, 123|4
  m = errcat_runtime::match_message<MatchError>("Flag true12 rejected by the gateway");
  ASSERT_TRUE(m.has_value());
  EXPECT_FALSE(m->ambiguous);  // the types leave one split
  EXPECT_EQ(m->args[0], "true");
  EXPECT_EQ(m->args[1], "12");
  m = errcat_runtime::match_message<MatchError>("Connection to db1 was reset by the peer");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::Same1);  // tied with MAT009: catalog order, and said so
  EXPECT_TRUE(m->ambiguous);
  EXPECT_EQ(m->args[0], "db1");
}

TEST(MatchMessage, ShownTwiceMustAgreeAndArgumentsComeInDeclarationOrder) {
  auto m = errcat_runtime::match_message<MatchError>(
      "Quota q1 exceeded for tenant acme; quota q1 applies to every region");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::Twice);
  EXPECT_EQ(m->args[0], "q1");
  EXPECT_EQ(m->args[1], "acme");
  EXPECT_FALSE(errcat_runtime::match_message<MatchError>(
                   "Quota q1 exceeded for tenant acme; quota q2 applies to every region")
                   .has_value());
  m = errcat_runtime::match_message<MatchError>(
      "Upload of a.txt rejected by the storage backend after 3 attempts");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::Shown);
  EXPECT_EQ(m->args[0], "3");
  EXPECT_EQ(m->args[1], "a.txt");
  // Keyless and short-keyed messages are found too.
  m = errcat_runtime::match_message<MatchError>("at 12: 2.5");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::Short);
  m = errcat_runtime::match_message<MatchError>("Bad id 77");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->error, MatchError::ShortKey);
  EXPECT_EQ(m->args[0], "77");
}

// The generated runtime hashes a text's windows as errcat hashed the keys, on any bytes.
TEST(MatchMessage, GeneratorAndRuntimeHashWindowsAlike) {
  std::mt19937 random(5);
  for (int round = 0; round < 10000; ++round) {
    char window[16];
    for (char& c : window) c = static_cast<char>(random() % 256);
    ASSERT_EQ(errcat_runtime::detail::window_hash(window), errcat::match::WindowHash(window));
    ASSERT_EQ(errcat_runtime::detail::load_le64(window), errcat::match::LoadLittleEndian64(window));
  }
  EXPECT_EQ(errcat::match::LoadLittleEndian64("\x01\x02\x03\x04\x05\x06\x07\x08"),
            0x0807060504030201u);
}

// What match_message must say about `text`: what the Matcher ranks first, ambiguous also when
// the second ranks the same (the Matcher lists it; match_message returns one and flags it).
template <typename E>
void ExpectSameAsMatcher(const errcat::match::Matcher& matcher, const std::string& text,
                         int& agreed_on_a_match) {
  SCOPED_TRACE(text);
  const std::vector<errcat::match::Match> want = matcher.Find(text, 2);
  const auto got = errcat_runtime::match_message<E>(text);
  if (want.empty()) {
    EXPECT_FALSE(got.has_value()) << code(got->error);
    return;
  }
  ASSERT_TRUE(got.has_value()) << want[0].error->code;
  const auto arg_bytes = [](const errcat::match::Match& m) {
    size_t bytes = 0;
    for (const errcat::model::MessageSegment& s : m.error->segments)
      if (s.arg >= 0) bytes += m.args[static_cast<size_t>(s.arg)].value.size();
    return bytes;
  };
  const bool tie = want.size() > 1 && want[1].literal_bytes == want[0].literal_bytes &&
                   arg_bytes(want[1]) == arg_bytes(want[0]);
  EXPECT_EQ(code(got->error), want[0].error->code);
  EXPECT_EQ(got->begin, want[0].begin);
  EXPECT_EQ(got->end, want[0].end);
  EXPECT_EQ(got->ambiguous, want[0].ambiguous || tie);
  for (size_t k = 0; k < want[0].args.size(); ++k)
    EXPECT_EQ(got->args[k], want[0].args[k].value) << k;
  ++agreed_on_a_match;
}

template <typename E>
void ExpectAgreementOnEveryError(const std::string& path, int rounds) {
  const errcat::testing::Loaded loaded = errcat::testing::LoadPaths({path});
  ASSERT_TRUE(loaded.set) << loaded.Text();
  ASSERT_EQ(loaded.set->catalogs().size(), 1u);
  const errcat::match::Matcher matcher(*loaded.set);
  std::mt19937 random(20261203);
  int matched = 0, texts = 0, found_itself = 0;
  for (const errcat::model::Error& e : loaded.set->catalogs()[0].errors) {
    for (int round = 0; round < rounds; ++round) {
      const std::string message = errcat::testing::RenderWithRandomValues(e, random).message;
      const std::string line = "2026-12-03T07:00:00Z ERROR [svc] " + message + " (req 7)";
      const size_t cut = random() % (line.size() + 1);
      for (const std::string& text : {message, line, line.substr(0, cut), line.substr(cut)}) {
        ExpectSameAsMatcher<E>(matcher, text, matched);
        ++texts;
      }
      const auto m = errcat_runtime::match_message<E>(line);
      found_itself += m && (code(m->error) == e.code || info(m->error).message == e.message);
    }
  }
  // Most texts match, and most rendered errors are found as themselves or as an error with the
  // same message (errno's aliases, SQLite's extended codes).
  EXPECT_GT(matched, texts / 2) << path;
  EXPECT_GT(found_itself,
            static_cast<int>(loaded.set->catalogs()[0].errors.size()) * rounds * 3 / 4)
      << path;
}

std::string Source(const std::string& file) { return errcat::testing::SourceDir() + "/" + file; }

TEST(MatchMessage, AgreesWithErrcatMatchOnEveryErrorOfTheRealCatalogs) {
  ExpectAgreementOnEveryError<real::curl::CurlCode>(Source("tests/real/curl.yaml"), 5);
  ExpectAgreementOnEveryError<real::grpc::StatusCode>(Source("tests/real/grpc_status.yaml"), 5);
  ExpectAgreementOnEveryError<real::linux_errno::LinuxErrno>(Source("tests/real/linux_errno.yaml"),
                                                             5);
  ExpectAgreementOnEveryError<real::sqlite::SqliteResult>(Source("tests/real/sqlite.yaml"), 5);
}

TEST(MatchMessage, AgreesWithErrcatMatchOnEveryErrorOfThisRepository) {
  namespace c = errcat::catalogs;
  ExpectAgreementOnEveryError<c::token::TokenError>(Source("catalog/token.yaml"), 20);
  ExpectAgreementOnEveryError<c::open_finance::OpenFinanceError>(
      Source("catalog/open_finance.yaml"), 20);
  ExpectAgreementOnEveryError<c::data_source_login::DataSourceLoginError>(
      Source("catalog/data_source_login.yaml"), 20);
  ExpectAgreementOnEveryError<c::invalid_token::InvalidTokenError>(
      Source("catalog/invalid_token.yaml"), 20);
  ExpectAgreementOnEveryError<MatchError>(Source("tests/data/match/match.yaml"), 50);
}

TEST(MatchMessage, AgreesWithErrcatMatchOnHostileAndLargeCatalogs) {
  ExpectAgreementOnEveryError<errcat_test::hostile::HostileError>(
      Source("tests/data/hostile/hostile.yaml"), 20);
  ExpectAgreementOnEveryError<synth00::Synth00Error>(SYNTH_CATALOG, 1);
}

}  // namespace
