// Runs the C++ that errcat generated for catalog/, a hostile catalog and a large synthetic one,
// and checks every table entry against the catalog as the loader reads it.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <climits>
#include <map>
#include <system_error>
#include <vector>

#include "allocation_counter.h"
#include "backends/cpp/hash_table.h"
#include "data_source_login_errors.hpp"
#include "hostile_errors.hpp"
#include "invalid_token_errors.hpp"
#include "long_digits_errors.hpp"
#include "open_finance_errors.hpp"
#include "problem_check.h"
#include "short_digits_errors.hpp"
#include "synth00_errors.hpp"
#include "test_support.h"
#include "token_errors.hpp"

namespace {

namespace token = errcat::catalogs::token;
namespace hostile = errcat_test::hostile;
using errcat_runtime::ErrorInfo;
using errcat_runtime::ErrorList;
using token::TokenError;

// Every field of every generated ErrorInfo equals the model, byte for byte, and every code
// round-trips through code(), <enum>_from_code() and info().
template <typename Enum, typename FromCode>
void ExpectTablesMatchCatalog(const std::string& path, ErrorList list, FromCode from_code) {
  errcat::testing::Loaded loaded = errcat::testing::LoadPaths({path});
  ASSERT_TRUE(loaded.set) << loaded.Text();
  const errcat::model::Catalog& catalog = loaded.set->catalogs().at(0);
  ASSERT_EQ(list.size(), catalog.errors.size());
  for (size_t i = 0; i < list.size(); ++i) {
    const ErrorInfo& entry = list[i];
    const errcat::model::Error& e = catalog.errors[i];
    SCOPED_TRACE(e.code);
    EXPECT_EQ(entry.catalog, catalog.id);
    EXPECT_EQ(entry.code, e.code);
    EXPECT_EQ(entry.name, e.name);
    EXPECT_EQ(entry.value, e.value);
    EXPECT_EQ(entry.summary, e.summary);
    EXPECT_EQ(entry.message, e.message);
    EXPECT_EQ(entry.http_status, e.http_status);
    EXPECT_EQ(static_cast<int>(entry.severity), static_cast<int>(e.severity));
    EXPECT_EQ(entry.retriable, e.retriable.value_or(false));
    EXPECT_EQ(entry.deprecated, e.deprecated);
    EXPECT_EQ(entry.docs_url, catalog.docs_base_url.empty() ? "" : catalog.docs_base_url + e.code);
    ASSERT_EQ(entry.params.size(), e.params.size());
    for (size_t p = 0; p < e.params.size(); ++p) {
      EXPECT_EQ(entry.params[p].name, e.params[p].name);
      EXPECT_EQ(static_cast<int>(entry.params[p].type), static_cast<int>(e.params[p].type));
    }
    // '#' is never part of a code, so this is a miss that starts where the code's probe does not.
    EXPECT_FALSE(from_code(e.code + "#").has_value());
    // Same bytes, one longer or shorter: the stored length, not a terminator, decides.
    EXPECT_FALSE(from_code(e.code + std::string(1, '\0')).has_value());
    if (!catalog.Find(e.code.substr(0, e.code.size() - 1))) {
      EXPECT_FALSE(from_code(e.code.substr(0, e.code.size() - 1)).has_value());
    }
    const std::optional<Enum> found = from_code(e.code);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(static_cast<std::int32_t>(*found), e.value);
    EXPECT_EQ(code(*found), e.code);
    EXPECT_EQ(&info(*found), &entry);
  }
  // Every value from just below the smallest to just above the largest, and the extremes: an
  // error's value finds that error, any other finds none (the holes and ends of a table indexed
  // by value, the empty slots of a hash table).
  std::map<std::int32_t, const ErrorInfo*> by_value;
  for (const ErrorInfo& entry : list) by_value[entry.value] = &entry;
  std::vector<std::int64_t> probes = {INT32_MIN, INT32_MIN + 1, -1, 0, 1, INT32_MAX - 1, INT32_MAX};
  if (!by_value.empty()) {
    const std::int64_t low = by_value.begin()->first, high = by_value.rbegin()->first;
    for (std::int64_t v = low - 2; v <= high + 2 && v <= low + 200000; ++v) probes.push_back(v);
  }
  for (const std::int64_t v : probes) {
    if (v < INT32_MIN || v > INT32_MAX) continue;
    const auto value = static_cast<std::int32_t>(v);
    const auto it = by_value.find(value);
    const ErrorInfo& found = info(static_cast<Enum>(value));
    if (it != by_value.end()) {
      EXPECT_EQ(&found, it->second) << value;
    } else {
      EXPECT_EQ(found.code, "") << value;
    }
  }
}

std::string Catalog(const std::string& file) { return errcat::testing::SourceDir() + "/" + file; }

TEST(GeneratedCpp, TokenTablesMatchTheCatalog) {
  ExpectTablesMatchCatalog<TokenError>(Catalog("catalog/token.yaml"), token::all_token_errors(),
                                       token::token_error_from_code);
  EXPECT_EQ(token::kTokenErrorCount, 13u);
}

TEST(GeneratedCpp, OpenFinanceTablesMatchTheCatalog) {
  namespace of = errcat::catalogs::open_finance;
  ExpectTablesMatchCatalog<of::OpenFinanceError>(Catalog("catalog/open_finance.yaml"),
                                                 of::all_open_finance_errors(),
                                                 of::open_finance_error_from_code);
  EXPECT_EQ(static_cast<int>(of::OpenFinanceError::InvalidOrExpiredToken), 947);
  EXPECT_EQ(of::info(of::OpenFinanceError::InvalidOrExpiredToken).http_status, 500);
}

TEST(GeneratedCpp, HostileStringsRoundTripExactly) {
  ExpectTablesMatchCatalog<hostile::HostileError>(Catalog("tests/data/hostile/hostile.yaml"),
                                                  hostile::all_hostile_errors(),
                                                  hostile::hostile_error_from_code);
  const ErrorInfo& controls = hostile::info(hostile::HostileError::Controls);
  static constexpr char kControls[] = "Tab\there, bell\a, escape\x1b, NUL\0 inside";
  EXPECT_EQ(controls.summary, std::string_view(kControls, sizeof kControls - 1));  // NUL kept
  EXPECT_EQ(hostile::info(hostile::HostileError::Huge).message.size(), 4096u);     // the limit
  EXPECT_EQ(hostile::info(hostile::HostileError::Unicode).summary,
            "Caf\xC3\xA9 \xE2\x9C\x93 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80");
}

// Catalogs whose codes are a prefix and digits spelling the value take the digit path of
// _from_code (no hash): digits alone, zero-padded, one to three bytes, and codes longer than a
// slot holds.
TEST(GeneratedCpp, DigitPathCatalogsRoundTrip) {
  ExpectTablesMatchCatalog<short_digits::ShortDigitsError>(
      Catalog("tests/data/digits/short_digits.yaml"), short_digits::all_short_digits_errors(),
      short_digits::short_digits_error_from_code);
  ExpectTablesMatchCatalog<long_digits::LongDigitsError>(
      Catalog("tests/data/digits/long_digits.yaml"), long_digits::all_long_digits_errors(),
      long_digits::long_digits_error_from_code);
  // The digits spell a value whose slot holds another code: the compare says no.
  EXPECT_FALSE(short_digits::short_digits_error_from_code("13").has_value());  // the code is 013
  EXPECT_FALSE(short_digits::short_digits_error_from_code("00").has_value());
  EXPECT_FALSE(short_digits::short_digits_error_from_code("4").has_value());  // a hole
  EXPECT_FALSE(short_digits::short_digits_error_from_code("1a").has_value());
  EXPECT_FALSE(short_digits::short_digits_error_from_code("").has_value());
  EXPECT_FALSE(short_digits::short_digits_error_from_code("000000013").has_value());  // 9 digits
  EXPECT_EQ(short_digits::short_digits_error_from_code("0"), short_digits::ShortDigitsError::Fine);
  EXPECT_FALSE(std::error_code(short_digits::ShortDigitsError::Fine));
  EXPECT_FALSE(long_digits::long_digits_error_from_code("LONG_PREFIX4")
                   .has_value());  // the code is ...00000004
  EXPECT_FALSE(long_digits::long_digits_error_from_code("LONG_PREFIY1").has_value());
  EXPECT_FALSE(long_digits::long_digits_error_from_code("XLONG_PREFIX1").has_value());
  EXPECT_EQ(long_digits::long_digits_error_from_code("LONG_PREFIX00000004"),
            long_digits::LongDigitsError::Four);
}

// trailing_number against a plain loop, for every length 1 to 8 of digits at the end of codes
// of every length up to 20, and for bytes that are not digits (any number, never a crash).
TEST(GeneratedCpp, TrailingNumberReadsUpToEightDigits) {
  std::uint64_t state = 7;
  const auto next = [&] { return state = state * 6364136223846793005ull + 1442695040888963407ull; };
  for (std::size_t size = 1; size <= 20; ++size) {
    for (std::size_t n = 1; n <= std::min<std::size_t>(size, 8); ++n) {
      for (int round = 0; round < 50; ++round) {
        std::string code(size, 'P');
        std::uint32_t expected = 0;
        for (std::size_t i = size - n; i < size; ++i) {
          code[i] = static_cast<char>('0' + next() % 10);
          expected = expected * 10 + static_cast<std::uint32_t>(code[i] - '0');
        }
        ASSERT_EQ(errcat_runtime::trailing_number(code, n), expected) << code << " n=" << n;
      }
    }
  }
  EXPECT_EQ(errcat_runtime::trailing_number("TOK005", 3), 5u);
  EXPECT_EQ(errcat_runtime::trailing_number("99999999", 8), 99999999u);
  EXPECT_EQ(errcat_runtime::trailing_number("947", 3), 947u);
}

TEST(GeneratedCpp, SyntheticCatalogRoundTrips) {
  namespace synth = synth00;
  ExpectTablesMatchCatalog<synth::Synth00Error>(SYNTH_CATALOG, synth::all_synth00_errors(),
                                                synth::synth00_error_from_code);
  EXPECT_EQ(synth::kSynth00ErrorCount, static_cast<size_t>(SYNTH_ERRORS));
}

TEST(GeneratedCpp, LookupsAndInfoDoNotAllocate) {
  std::vector<std::string> hits, misses;
  for (const ErrorInfo& entry : synth00::all_synth00_errors()) {
    hits.emplace_back(entry.code);
    misses.push_back(std::string(entry.code) + "#");
  }
  const long before = AllocationCount();
  size_t found = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    const std::optional<synth00::Synth00Error> e = synth00::synth00_error_from_code(hits[i]);
    found += e.has_value() && !synth00::synth00_error_from_code(misses[i]).has_value() &&
             synth00::info(*e).code == hits[i] && synth00::code(*e) == hits[i];
  }
  EXPECT_EQ(AllocationCount() - before, 0);
  EXPECT_EQ(found, hits.size());
  // The counter does count: a heap string is two allocations (the object and its characters).
  auto probe = std::make_unique<std::string>(64, 'x');
  EXPECT_EQ(AllocationCount() - before, 2);
}

TEST(GeneratedCpp, UnknownCodesAndValues) {
  EXPECT_FALSE(token::token_error_from_code("TOK999"));
  EXPECT_FALSE(token::token_error_from_code(""));
  EXPECT_FALSE(token::token_error_from_code("tok005"));
  EXPECT_FALSE(token::token_error_from_code(std::string_view("TOK005\0", 7)));
  const auto bogus = static_cast<TokenError>(12345);
  EXPECT_EQ(token::code(bogus), "");
  EXPECT_EQ(token::info(bogus).code, "");
  EXPECT_EQ(std::error_code(bogus).message(), "unknown token error 12345");
}

TEST(GeneratedCpp, ErrorCodeIntegration) {
  static_assert(std::is_error_code_enum_v<TokenError>);
  std::error_code ec = TokenError::TokenExpiryTooFar;
  EXPECT_TRUE(ec);
  EXPECT_EQ(ec.value(), 5);
  EXPECT_STREQ(ec.category().name(), "token");
  EXPECT_EQ(ec.message(), "TOK005: Token expiry date exceeds the allowed limit");
  EXPECT_EQ(ec, token::make_error_code(TokenError::TokenExpiryTooFar));
  EXPECT_EQ(&ec.category(), &token::token_error_category());
  std::error_code other = errcat::catalogs::open_finance::OpenFinanceError::InvalidOrExpiredToken;
  EXPECT_NE(ec.category(), other.category());
  EXPECT_NE(ec, std::error_code(5, std::generic_category()));
}

TEST(GeneratedCpp, TypedFormatFillsPlaceholders) {
  EXPECT_EQ(token::format<TokenError::TokenExpiryTooFar>(48, "2026-12-01"),
            "The expiry date of the token request cannot be more than 48 hours in the future. "
            "Provided expiry date: 2026-12-01. Please adjust the expiry date accordingly.");
  EXPECT_EQ(token::format<TokenError::TokenIdNotFound>(std::string("t-1")),
            "Token with ID 't-1' was not found.");
  EXPECT_EQ(token::format<TokenError::InvalidCredentials>(),
            "The username or password you entered is incorrect. Please check your credentials and "
            "try again.");
  EXPECT_EQ(hostile::format<hostile::HostileError::Quotes>(std::string_view("x"), -3),
            "He said \"x\" \\ then {braces} and {-3} */ ?\?= end\\");
  EXPECT_EQ(hostile::format<hostile::HostileError::Controls>(true),
            "Line one\nline two\r\n\ttabbed \x01\x7f true");
  EXPECT_EQ(hostile::format<hostile::HostileError::Unicode>(2.5).substr(0, 9),
            "Bidi \xE2\x80\xAE"
            "e");
  EXPECT_EQ(hostile::format<hostile::HostileError::Out>("a", 1, 2u), "a 1 2");
}

TEST(GeneratedCpp, RuntimeFormatChecksCountAndType) {
  EXPECT_EQ(token::format(TokenError::TokenExpiryTooFar, 48, "2026-12-01"),
            token::format<TokenError::TokenExpiryTooFar>(48, "2026-12-01"));
  EXPECT_EQ(hostile::format(hostile::HostileError::Huge, 7u),
            hostile::format<hostile::HostileError::Huge>(7u));
  EXPECT_THROW(token::format(TokenError::TokenExpiryTooFar, 48), errcat_runtime::format_error);
  EXPECT_THROW(token::format(TokenError::TokenExpiryTooFar, "48", "x"), std::invalid_argument);
  EXPECT_THROW(token::format(TokenError::InvalidCredentials, 1), std::exception);
  try {
    token::format(TokenError::TokenExpiryTooFar, 48);
    FAIL() << "no exception";
  } catch (const errcat_runtime::format_error& e) {
    EXPECT_STREQ(e.what(), "TOK005 (TokenExpiryTooFar): takes 2 arguments, got 1");
  }
}

// RFC 9457: every error of every catalog compiled here, rendered as problem+json with typed
// arguments and parsed back by nlohmann-json, says what the catalog says.
TEST(GeneratedCpp, ProblemJsonOfEveryErrorParsesBackToTheCatalog) {
  namespace c = errcat::catalogs;
  using std::vector, std::string;
  EXPECT_EQ(errcat_test::CheckProblems<TokenError>(token::all_token_errors(),
                                                   token::kTokenErrorProblemTypeBase),
            vector<string>{});
  EXPECT_EQ(errcat_test::CheckProblems<c::open_finance::OpenFinanceError>(
                c::open_finance::all_open_finance_errors(), ""),
            vector<string>{});
  EXPECT_EQ(errcat_test::CheckProblems<c::data_source_login::DataSourceLoginError>(
                c::data_source_login::all_data_source_login_errors(), ""),
            vector<string>{});
  EXPECT_EQ(errcat_test::CheckProblems<c::invalid_token::InvalidTokenError>(
                c::invalid_token::all_invalid_token_errors(), ""),
            vector<string>{});
  EXPECT_EQ(errcat_test::CheckProblems<hostile::HostileError>(hostile::all_hostile_errors(), ""),
            vector<string>{});
  EXPECT_EQ(
      errcat_test::CheckProblems<short_digits::ShortDigitsError>(
          short_digits::all_short_digits_errors(), short_digits::kShortDigitsErrorProblemTypeBase),
      vector<string>{});
  EXPECT_EQ(errcat_test::CheckProblems<long_digits::LongDigitsError>(
                long_digits::all_long_digits_errors(), ""),
            vector<string>{});
  EXPECT_EQ(errcat_test::CheckProblems<synth00::Synth00Error>(synth00::all_synth00_errors(), ""),
            vector<string>{});
}

TEST(GeneratedCpp, ProblemJsonIsExactAndTypedLikeFormat) {
  const errcat_runtime::Problem p =
      token::problem<TokenError::TokenIdNotFound>(std::string("a1b2"));
  // The catalog has no docs.base_url: type is about:blank, as RFC 9457 says.
  EXPECT_EQ(
      to_json(p, "/tokens/a1b2"),
      "{\"type\":\"about:blank\",\"title\":\"" +
          std::string(info(TokenError::TokenIdNotFound).summary) +
          "\",\"detail\":\"Token with ID 'a1b2' was not found.\",\"instance\":\"/tokens/a1b2\","
          "\"code\":\"TOK013\",\"params\":{\"token_id\":\"a1b2\"}}");
  const errcat_runtime::Problem runtime = token::problem(TokenError::TokenIdNotFound, "a1b2");
  EXPECT_EQ(to_json(runtime), to_json(p));
  EXPECT_THROW(token::problem(TokenError::TokenIdNotFound, 5), errcat_runtime::format_error);
  // A tag: URI from docs.problem_type_base; a success entry valued 0 has its problem too.
  EXPECT_EQ(short_digits::problem<short_digits::ShortDigitsError::Fine>().type,
            "tag:errcat.test,2026:digits/0");
  // Numbers stay numbers; a value JSON cannot hold is null rather than invalid JSON.
  const auto numbers = hostile::problem<hostile::HostileError::Out>("a", -1, 2u);
  EXPECT_NE(to_json(numbers).find("\"params\":{"), std::string::npos);
  const auto unicode =
      nlohmann::json::parse(to_json(hostile::problem<hostile::HostileError::Unicode>(1.0 / 0.0)));
  EXPECT_TRUE(unicode["params"].begin()->is_null());
}

// The site's example body of an error page is what the runtime writes for the same values.
TEST(GeneratedCpp, TheSitesProblemExampleIsWhatTheRuntimeWrites) {
  std::string page =
      errcat::testing::ReadFile(errcat::testing::SourceDir() + "/tests/goldens/html/TOK005.html");
  const size_t start = page.find("<pre class=\"problem-json\"><code>");
  ASSERT_NE(start, std::string::npos);
  std::string example = page.substr(start + 32, page.find("</code>", start) - start - 32);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#39;", "'"}, {"&amp;", "&"}})
    for (size_t at = 0; (at = example.find(from, at)) != std::string::npos; at += to.size())
      example.replace(at, from.size(), to);
  const auto runtime = token::problem<TokenError::TokenExpiryTooFar>(42, "example-provided_expiry");
  EXPECT_EQ(nlohmann::ordered_json::parse(example),
            nlohmann::ordered_json::parse(to_json(runtime)));
}

TEST(GeneratedCpp, ProblemJsonOfHostileTextIsValidJson) {
  // Control characters, quotes and ill-formed UTF-8 (a lone continuation byte, a truncated
  // sequence, an overlong encoding, a surrogate): valid JSON, each bad byte as U+FFFD.
  const std::string hostile_text =
      std::string("a\"\\\x00\x1f\x7f", 7) + "\x80 \xE2\x82 \xC0\xAF \xED\xA0\x80 ok";
  const auto p = token::problem<TokenError::TokenIdNotFound>(hostile_text);
  const std::string json = to_json(p, "\x01\xff");
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(json)) << json;
  const std::string value = j["params"]["token_id"];
  EXPECT_EQ(value, std::string("a\"\\\x00\x1f\x7f", 7) +
                       "\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
                       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok");
  EXPECT_EQ(j["instance"], "\x01\xEF\xBF\xBD");
  EXPECT_NE(json.find("\\u0000\\u001f"), std::string::npos);
}

TEST(GeneratedCpp, ToJsonAllocatesOnlyItsResult) {
  const auto p = token::problem<TokenError::TokenExpiryTooFar>(48, "2026-12-01\n\"quoted\"");
  const long before = AllocationCount();
  const std::string json = to_json(p, "/x");
  EXPECT_EQ(AllocationCount() - before, 1);
  EXPECT_EQ(json.capacity(), json.size());
}

TEST(GeneratedCpp, FmtFormatterPrintsTheCode) {
  EXPECT_EQ(fmt::format("{}", TokenError::TokenExpiryTooFar), "TOK005");
  EXPECT_EQ(fmt::format("[{:>8}]", TokenError::TokenInUse), "[  TOK011]");
}

// The probe behind every <enum>_from_code, on hand-built tag arrays: generated tables keep
// probe chains short, so chains across groups of 8, wrap-around and tag collisions are built here.
TEST(GeneratedCpp, ProbeTagsWalksChainsAcrossGroupsAndStopsAtAnEmptySlot) {
  using errcat_runtime::kNoSlot;
  using errcat_runtime::probe_tags;
  const auto hash_for = [](std::uint32_t home, std::uint32_t tag_bits) {
    return (tag_bits << 25) | home;
  };
  const std::uint32_t hash = hash_for(14, 0x55);
  const std::uint8_t tag = errcat_runtime::code_tag(hash);
  ASSERT_EQ(tag, 0x80 | 0x55);

  // 16 slots: a run of used slots from the home slot 14 around the end to slot 8; slot 9 empty.
  // Slots 15, 3 and 8 carry the key's tag; only slot 8 holds the key.
  std::vector<std::uint8_t> tags(16 + 8, 0);
  for (std::uint32_t s : {14u, 15u, 0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u}) tags[s] = 0x81;
  for (std::uint32_t s : {15u, 3u, 8u}) tags[s] = tag;
  tags[12] = tag;  // past the empty slot: never reached
  for (size_t i = 0; i < 8; ++i) tags[16 + i] = tags[i];
  std::vector<std::uint32_t> asked;
  EXPECT_EQ(probe_tags(tags.data(), 15, hash,
                       [&](std::uint32_t s) {
                         asked.push_back(s);
                         return s == 8;
                       }),
            8u);
  EXPECT_EQ(asked, (std::vector<std::uint32_t>{15, 3, 8}));  // only slots with the tag are compared

  asked.clear();
  EXPECT_EQ(probe_tags(tags.data(), 15, hash,
                       [&](std::uint32_t s) {
                         asked.push_back(s);
                         return false;
                       }),
            kNoSlot);
  EXPECT_EQ(asked, (std::vector<std::uint32_t>{15, 3, 8}));  // a miss stops at slot 9

  // A key past an empty slot is not found: linear probing never puts it there.
  EXPECT_EQ(probe_tags(tags.data(), 15, hash, [](std::uint32_t s) { return s == 12; }), kNoSlot);
  // Every tag byte but 0 is "used": an empty home slot ends the probe at once.
  EXPECT_EQ(probe_tags(tags.data(), 15, hash_for(10, 0x55), [](std::uint32_t) { return true; }),
            kNoSlot);

  // A table of two slots (its 8 mirrored tags repeat it four times): found, and a miss ends.
  const std::uint32_t small_hash = hash_for(1, 0x2A);
  const std::uint8_t t = errcat_runtime::code_tag(small_hash);
  const std::uint8_t small[2 + 8] = {0, t, 0, t, 0, t, 0, t, 0, t};
  EXPECT_EQ(probe_tags(small, 1, small_hash, [](std::uint32_t s) { return s == 1; }), 1u);
  EXPECT_EQ(probe_tags(small, 1, small_hash, [](std::uint32_t) { return false; }), kNoSlot);
}

// The lookup behind info() for catalogs with dense values, on a hand-built table: the ends,
// the holes and values whose offset from the minimum overflows 32 bits.
TEST(GeneratedCpp, IndexByValueFindsOnlyTheValuesInTheTable) {
  using errcat_runtime::index_by_value;
  constexpr std::uint16_t table[] = {1, 0, 2, 3};  // values -1, 1 and 2; 0 is a hole
  EXPECT_EQ(index_by_value(table, -1, -1), 1u);
  EXPECT_EQ(index_by_value(table, -1, 0), 0u);
  EXPECT_EQ(index_by_value(table, -1, 1), 2u);
  EXPECT_EQ(index_by_value(table, -1, 2), 3u);
  EXPECT_EQ(index_by_value(table, -1, -2), 0u);
  EXPECT_EQ(index_by_value(table, -1, 3), 0u);
  EXPECT_EQ(index_by_value(table, -1, INT32_MIN), 0u);
  EXPECT_EQ(index_by_value(table, -1, INT32_MAX), 0u);
  constexpr std::uint32_t top[] = {7};  // the largest value alone
  EXPECT_EQ(index_by_value(top, INT32_MAX, INT32_MAX), 7u);
  EXPECT_EQ(index_by_value(top, INT32_MAX, INT32_MIN), 0u);
  static_assert(index_by_value(table, -1, 2) == 3, "usable in constant expressions");
}

TEST(GeneratedCpp, GeneratorAndRuntimeHashesAgree) {
  // Every branch of the hash: 0, 1-3, 4-7, 8-16 bytes, and longer (a word per round).
  const std::string long_code = "A-very.long_code-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789";
  std::vector<std::string> codes = {"TOK005", "947", "SYN0000001"};
  for (size_t n = 0; n <= long_code.size(); ++n) codes.push_back(long_code.substr(0, n));
  for (const std::string& code : codes) {
    for (std::uint32_t seed : {0u, 7u, 15u}) {
      const std::uint32_t hash = errcat_runtime::hash_code(code, seed);
      EXPECT_EQ(hash, errcat::backends::cpp::HashCode(code, seed));
      EXPECT_EQ(errcat_runtime::code_tag(hash), errcat::backends::cpp::CodeTag(hash));
      EXPECT_GE(errcat_runtime::code_tag(hash), 0x80);  // never 0, the empty slot's tag
    }
  }
  for (std::int32_t v : {0, 1, -1, 947, 2147483647}) {
    EXPECT_EQ(errcat_runtime::hash_value(v, 3), errcat::backends::cpp::HashValue(v, 3));
  }
}

}  // namespace
