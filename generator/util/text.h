// Small text helpers shared by every layer. No dependencies beyond the standard library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace errcat::util {

struct Utf8Problem {
  long offset = -1;  // -1: none
  std::string what;
};

// The first byte that is not valid UTF-8, or a control character YAML does not allow
// (anything below U+0020 except tab, LF and CR, and DEL).
Utf8Problem FindUtf8Problem(std::string_view text);

struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

bool IsIdentifier(std::string_view s);      // [A-Za-z_][A-Za-z0-9_]*
bool IsPascalCase(std::string_view s);      // [A-Z][A-Za-z0-9]*
bool IsSnakeCase(std::string_view s);       // [a-z][a-z0-9_]*
// C++ keywords, the identifiers with special meaning (final, override, import, module) and
// `std`: none may name a namespace, an enumerator or a parameter of generated code.
bool IsReservedCppWord(std::string_view s);
// A well-formed BCP 47 language tag as far as its shape goes: a 2-8 letter language, then
// subtags of 1-8 letters or digits, joined by '-' ("de", "de-AT", "zh-Hant-TW").
bool IsLanguageTag(std::string_view s);
bool IsCommonMacro(std::string_view s);     // EOF, NULL, errno, DOMAIN, ...

// "token_error" -> "TokenError"
std::string PascalCase(std::string_view snake);
// "TokenError" -> "token_error", "HTTPError" -> "http_error", "Synth00Error" -> "synth00_error"
std::string SnakeCase(std::string_view pascal);
// "TokenError" -> "TOKEN_ERROR"
std::string UpperSnakeCase(std::string_view pascal);

// Body of a C++ string literal (no quotes) that is pure printable ASCII: every other byte is
// escaped, and characters that could form trigraphs or end a comment are broken up.
std::string CppStringBody(std::string_view text);
// Text that is safe inside a C++ // comment: printable ASCII only, one line.
std::string CppCommentText(std::string_view text);

std::string HtmlEscape(std::string_view text);

// "'text'": how diagnostics quote names and values.
std::string Quoted(std::string_view s);

// The decimal digits ending a code, as a number: "TOK005" -> 5, "947" -> 947; nothing when the
// code does not end in digits or they do not fit in 10 digits.
std::optional<std::int64_t> TrailingNumber(std::string_view code);

// The number of code points of UTF-8 text (bytes that do not continue a sequence).
size_t Utf8Length(std::string_view text);

}  // namespace errcat::util
