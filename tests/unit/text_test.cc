#include "util/text.h"

#include <gtest/gtest.h>

namespace errcat::util {
namespace {

TEST(SnakeCase, FollowsTheGeneratedApiContract) {
  EXPECT_EQ(SnakeCase("TokenError"), "token_error");
  EXPECT_EQ(SnakeCase("HTTPError"), "http_error");
  EXPECT_EQ(SnakeCase("Synth00Error"), "synth00_error");
  EXPECT_EQ(SnakeCase("OpenFinanceError"), "open_finance_error");
  EXPECT_EQ(SnakeCase("A"), "a");
}

TEST(LanguageTag, TakesBcp47ShapesOnly) {
  for (const char* tag : {"en", "de-AT", "zh-Hant-TW", "pt-BR", "sr-Latn", "es-419", "ast"})
    EXPECT_TRUE(IsLanguageTag(tag)) << tag;
  for (const char* tag : {"", "e", "de_DE", "de-", "-de", "de--AT", "1de", "de-toolongsubtag", "de AT"})
    EXPECT_FALSE(IsLanguageTag(tag)) << tag;
}

TEST(PascalCase, JoinsSnakeWords) {
  EXPECT_EQ(PascalCase("token"), "Token");
  EXPECT_EQ(PascalCase("data_source_login"), "DataSourceLogin");
  EXPECT_EQ(UpperSnakeCase("TokenExpiryTooFar"), "TOKEN_EXPIRY_TOO_FAR");
}

TEST(Identifiers, RecogniseKeywordsAndMacros) {
  EXPECT_TRUE(IsReservedCppWord("class"));
  EXPECT_TRUE(IsReservedCppWord("co_await"));
  EXPECT_FALSE(IsReservedCppWord("Class"));
  EXPECT_TRUE(IsCommonMacro("EOF"));
  EXPECT_TRUE(IsCommonMacro("errno"));
  EXPECT_TRUE(IsCommonMacro("DOMAIN"));
  EXPECT_FALSE(IsCommonMacro("Eof"));
  EXPECT_TRUE(IsPascalCase("TokenExpired"));
  EXPECT_FALSE(IsPascalCase("tokenExpired"));
  EXPECT_FALSE(IsPascalCase("Token_Expired"));
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(FindUtf8Problem("plain ascii\n\ttab").offset, -1);
  EXPECT_EQ(FindUtf8Problem("caf\xC3\xA9 \xE2\x9C\x93").offset, -1);
  EXPECT_EQ(FindUtf8Problem("ab\xFF").offset, 2);
  EXPECT_EQ(FindUtf8Problem("ab\xC3").offset, 2);             // truncated
  EXPECT_EQ(FindUtf8Problem("\xC0\xAF").offset, 0);            // overlong
  EXPECT_EQ(FindUtf8Problem("x\xED\xA0\x80").offset, 1);       // surrogate
  EXPECT_EQ(FindUtf8Problem(std::string("a\0b", 3)).offset, 1);  // NUL
  EXPECT_EQ(FindUtf8Problem("a\x1b[31m").offset, 1);           // ESC
}

TEST(LineColumn, CountsFromOne) {
  const LineColumn lc = LineColumnAt("ab\ncd", 4);
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.column, 2);
}

TEST(CppStringBody, ProducesPrintableAsciiThatRoundTrips) {
  EXPECT_EQ(CppStringBody("a\"b\\c"), "a\\\"b\\\\c");
  EXPECT_EQ(CppStringBody("?\?="), "?\\?=");
  EXPECT_EQ(CppStringBody("line\nnext"), "line\\nnext");
  EXPECT_EQ(CppStringBody("\xC3\xA9" "1"), "\\303\\2511");  // octal cannot swallow the '1'
  EXPECT_EQ(CppStringBody("\xE2\x80\xAE"), "\\342\\200\\256");  // RLO never appears raw
}

TEST(CppCommentText, CannotEndOrSpliceAComment) {
  EXPECT_EQ(CppCommentText("a\nb\\"), "a b/");
  EXPECT_EQ(CppCommentText("\xE2\x80\xAE"), "???");
}

TEST(HtmlEscape, EscapesTheFiveCharacters) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

}  // namespace
}  // namespace errcat::util
