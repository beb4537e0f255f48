// The C++ generated from the public catalogs of tests/real/, round-tripped: every code to its
// enumerator and back, its std::error_code (a success entry valued 0 tests false, every other
// entry true), its category message, and lookups that must miss. A plain program (no test
// framework) so that compile_checks.sh builds and runs it with every compiler and standard.
#include <cstdio>
#include <string>
#include <system_error>

#include "curl_errors.hpp"
#include "grpc_status_errors.hpp"
#include "linux_errno_errors.hpp"
#include "problem_check.h"
#include "sqlite_errors.hpp"

namespace {

int failures = 0;

// Each catalog's info(e), found by argument-dependent lookup (the loop variable is called info).
template <typename E>
decltype(auto) info_of(E e) {
  return info(e);
}

void Expect(bool ok, const char* what, std::string_view code) {
  if (ok) return;
  ++failures;
  std::fprintf(stderr, "FAIL: %s: %.*s\n", what, static_cast<int>(code.size()), code.data());
}

template <typename Enum, typename List, typename FromCode>
std::size_t RoundTrip(List all, FromCode from_code, std::string_view category) {
  std::size_t successes = 0;
  for (const auto& info : all) {
    const std::optional<Enum> e = from_code(info.code);
    Expect(e.has_value(), "from_code misses its own code", info.code);
    if (!e) continue;
    Expect(static_cast<std::int32_t>(*e) == info.value, "from_code gives another value", info.code);
    Expect(code(*e) == info.code, "code(e) differs", info.code);
    Expect(info_of(*e).value == info.value, "info(e) differs", info.code);
    const std::error_code ec = *e;
    Expect(static_cast<bool>(ec) == (info.value != 0), "error_code truth is not value != 0",
           info.code);
    Expect(ec.category().name() == category, "category name", info.code);
    Expect(ec.message().find(std::string(info.code)) == 0, "message does not start with the code",
           info.code);
    if (info.value == 0) ++successes;
    // Near misses (a byte more, a byte less, another case) find nothing, or exactly that code
    // when it is one too (EBADFD less a byte is EBADF).
    std::string lower(info.code);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const std::string& near :
         {std::string(info.code) + "X", std::string(info.code.substr(0, info.code.size() - 1)),
          lower}) {
      if (near == info.code) continue;
      const std::optional<Enum> hit = from_code(near);
      Expect(!hit || code(*hit) == near, "a near miss found another code", near);
    }
  }
  Expect(!from_code(""), "empty code found", category);
  return successes;
}

}  // namespace

int main() {
  namespace curl = real::curl;
  namespace grpc = real::grpc;
  namespace linux_errno = real::linux_errno;
  namespace sqlite = real::sqlite;
  std::size_t ok = 0;
  ok += RoundTrip<curl::CurlCode>(curl::all_curl_codes(), curl::curl_code_from_code, "curl");
  ok += RoundTrip<grpc::StatusCode>(grpc::all_status_codes(), grpc::status_code_from_code,
                                    "grpc_status");
  ok += RoundTrip<linux_errno::LinuxErrno>(linux_errno::all_linux_errnos(),
                                           linux_errno::linux_errno_from_code, "linux_errno");
  ok += RoundTrip<sqlite::SqliteResult>(sqlite::all_sqlite_results(),
                                        sqlite::sqlite_result_from_code, "sqlite");

  // The success entries: gRPC OK, CURLE_OK, SQLITE_OK (errno has none).
  Expect(ok == 3, "expected three success entries", "");
  const std::error_code grpc_ok = grpc::StatusCode::Ok;
  Expect(!grpc_ok && grpc_ok.value() == 0, "gRPC OK is not success", "OK");
  Expect(grpc::status_code_from_code("OK") == grpc::StatusCode::Ok, "from_code(OK)", "OK");
  Expect(grpc::info(grpc::StatusCode::Unauthenticated).value == 16, "UNAUTHENTICATED is 16",
         "UNAUTHENTICATED");
  Expect(grpc::info(grpc::status_code_from_code("_DO_NOT_USE").value()).value == -1,
         "the sentinel is -1", "_DO_NOT_USE");
  Expect(grpc::format<grpc::StatusCode::Ok>() == "Not an error; returned on success.", "format<Ok>",
         "OK");
  Expect(curl::code(curl::curl_code_from_code("CURLE_OK").value()) == "CURLE_OK", "CURLE_OK",
         "CURLE_OK");
  Expect(sqlite::info(sqlite::SqliteResult::IoerrRead).value == (10 | (1 << 8)),
         "SQLITE_IOERR_READ", "SQLITE_IOERR_READ");
  Expect(!std::error_code(sqlite::SqliteResult::Ok), "SQLITE_OK is not success", "SQLITE_OK");
  Expect(static_cast<bool>(std::error_code(sqlite::SqliteResult::Row)),
         "SQLITE_ROW (100) is an error_code", "SQLITE_ROW");
  Expect(linux_errno::info(linux_errno::LinuxErrno::TryAgain).code == "EAGAIN", "EAGAIN", "EAGAIN");
  // Values in the holes are no one's: errno 41 and 58, CURLcode past CURL_LAST.
  Expect(linux_errno::info(static_cast<linux_errno::LinuxErrno>(41)).code.empty(),
         "errno 41 is a hole", "41");
  Expect(curl::info(static_cast<curl::CurlCode>(103)).code.empty(),
         "CURLcode 103 is past CURL_LAST", "103");

  // RFC 9457 problem+json of every code, parsed back by nlohmann-json.
  for (const std::vector<std::string>& wrong :
       {errcat_test::CheckProblems<curl::CurlCode>(curl::all_curl_codes(),
                                                   curl::kCurlCodeProblemTypeBase),
        errcat_test::CheckProblems<grpc::StatusCode>(grpc::all_status_codes(),
                                                     grpc::kStatusCodeProblemTypeBase),
        errcat_test::CheckProblems<linux_errno::LinuxErrno>(
            linux_errno::all_linux_errnos(), linux_errno::kLinuxErrnoProblemTypeBase),
        errcat_test::CheckProblems<sqlite::SqliteResult>(sqlite::all_sqlite_results(),
                                                         sqlite::kSqliteResultProblemTypeBase)}) {
    for (const std::string& w : wrong) Expect(false, "problem+json", w);
  }

  if (failures != 0) {
    std::fprintf(stderr, "%d failures\n", failures);
    return 1;
  }
  std::printf("round-tripped %zu codes of 4 public catalogs; 3 success entries\n",
              curl::all_curl_codes().size() + grpc::all_status_codes().size() +
                  linux_errno::all_linux_errnos().size() + sqlite::all_sqlite_results().size());
  return 0;
}
