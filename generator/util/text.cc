#include "util/text.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <cstdio>

namespace errcat::util {

Utf8Problem FindUtf8Problem(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  auto fail = [&](const char* what) {
    return Utf8Problem{static_cast<long>(i), what};
  };
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "control character U+%04X is not allowed in YAML", c);
        return {static_cast<long>(i), buf};
      }
      ++i;
      continue;
    }
    int len = 0;
    unsigned cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return fail("invalid UTF-8 byte");
    }
    if (i + len > n) return fail("truncated UTF-8 sequence");
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return fail("invalid UTF-8 sequence");
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return fail("overlong or out-of-range UTF-8 sequence");
    if (cp >= 0xD800 && cp <= 0xDFFF) return fail("UTF-8 encoded surrogate");
    i += len;
  }
  return {};
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn lc;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

namespace {
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLower(c) || IsUpper(c) || IsDigit(c); }
}  // namespace

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(IsLower(s[0]) || IsUpper(s[0]) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlnum(c) || c == '_'; });
}

bool IsPascalCase(std::string_view s) {
  return !s.empty() && IsUpper(s[0]) && std::all_of(s.begin(), s.end(), IsAlnum);
}

bool IsSnakeCase(std::string_view s) {
  return !s.empty() && IsLower(s[0]) &&
         std::all_of(s.begin(), s.end(), [](char c) { return IsLower(c) || IsDigit(c) || c == '_'; });
}

bool IsReservedCppWord(std::string_view s) {
  static constexpr std::string_view kKeywords[] = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
      "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
      "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "final", "override",
      "import", "module", "std"};
  return std::find(std::begin(kKeywords), std::end(kKeywords), s) != std::end(kKeywords);
}

bool IsCommonMacro(std::string_view s) {
  // Macros from C, POSIX and Windows headers that would silently rewrite an enumerator.
  static constexpr std::string_view kMacros[] = {
      "EOF", "NULL", "errno", "DOMAIN", "OVERFLOW", "UNDERFLOW", "TRUE", "FALSE", "ERROR",
      "DELETE", "IN", "OUT", "OPTIONAL", "CONST", "VOID", "BOOL", "INFINITY", "NAN", "EDOM",
      "ERANGE", "EILSEQ", "EINVAL", "ENOENT", "EACCES", "EPERM", "EAGAIN", "ETIMEDOUT",
      "SIG_ERR", "BUFSIZ", "FILENAME_MAX", "assert", "min", "max", "stdin", "stdout", "stderr",
      "TLOSS", "PLOSS", "SING", "NO_ERROR"};
  return std::find(std::begin(kMacros), std::end(kMacros), s) != std::end(kMacros);
}

std::string PascalCase(std::string_view snake) {
  std::string out;
  bool upper = true;
  for (char c : snake) {
    if (c == '_' || c == '-') {
      upper = true;
      continue;
    }
    out += upper && IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string SnakeCase(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsUpper(c)) {
      // Start a word at an upper-case letter after a lower-case one or a digit, or at the
      // last capital of an acronym ("HTTPError" -> "http_error").
      const bool after_lower = i > 0 && (IsLower(s[i - 1]) || IsDigit(s[i - 1]));
      const bool acronym_end = i > 0 && IsUpper(s[i - 1]) && i + 1 < s.size() && IsLower(s[i + 1]);
      if (!out.empty() && out.back() != '_' && (after_lower || acronym_end)) out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::string UpperSnakeCase(std::string_view pascal) {
  std::string out = SnakeCase(pascal);
  for (char& c : out)
    if (IsLower(c)) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string CppStringBody(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  char prev = 0;
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '?':
        // "??=" would be a trigraph before C++17; escape every '?' that follows another.
        out += prev == '?' ? "\\?" : "?";
        break;
      default:
        if (c < 0x20 || c >= 0x7F) {
          // Octal escapes take at most three digits, so the next character cannot extend
          // them (hex escapes would swallow a following [0-9a-f]).
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
    prev = static_cast<char>(c);
  }
  return out;
}

std::string CppCommentText(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c >= 0x7F) {
      out += '?';
    } else if (c == '\\') {
      out += '/';  // a trailing backslash would splice the next line into the comment
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::optional<std::int64_t> TrailingNumber(std::string_view code) {
  size_t start = code.size();
  while (start > 0 && code[start - 1] >= '0' && code[start - 1] <= '9') --start;
  const std::string_view digits = code.substr(start);
  if (digits.empty() || digits.size() > 10) return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

size_t Utf8Length(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool IsLanguageTag(std::string_view s) {
  size_t first = 0;
  for (size_t start = 0; start <= s.size();) {
    size_t end = s.find('-', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view part = s.substr(start, end - start);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && (start == 0 || c < '0' || c > '9')) return false;
    }
    if (start == 0) first = part.size();
    start = end + 1;
  }
  return first >= 2;
}

}  // namespace errcat::util
