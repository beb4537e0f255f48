// util::JsonWriter must produce what nlohmann::json::dump produced before it (errors.json and
// the search index are goldens and public files), plus the web-safe escapes of '<', '>', '&'.
#include "util/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace errcat::util {
namespace {

using nlohmann::ordered_json;

std::string WebSafe(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : c == '&' ? "\\u0026" : std::string(1, c);
  return out;
}

// Writes `json` through JsonWriter, following its structure.
void Write(JsonWriter& w, const ordered_json& json) {
  if (json.is_object()) {
    w.BeginObject();
    for (const auto& [key, value] : json.items()) {
      w.Key(key);
      Write(w, value);
    }
    w.EndObject();
  } else if (json.is_array()) {
    w.BeginArray();
    for (const ordered_json& value : json) Write(w, value);
    w.EndArray();
  } else if (json.is_string()) {
    w.String(json.get<std::string>());
  } else if (json.is_boolean()) {
    w.Bool(json.get<bool>());
  } else {
    w.Int(json.get<int64_t>());
  }
}

TEST(JsonWriter, MatchesNlohmannDumpCompactAndIndented) {
  std::string every_byte;
  for (int c = 1; c < 128; ++c) every_byte += static_cast<char>(c);
  const ordered_json doc = {
      {"format", "x/1"},
      {"empty_list", ordered_json::array()},
      {"empty_object", ordered_json::object()},
      {"every_ascii_byte", every_byte},
      {"unicode", "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x94\x91"},
      {"script", "</script><b>&amp;"},
      {"key \"quoted\" <&>", true},
      {"numbers", {0, -1, 9223372036854775807LL, -9223372036854775807LL - 1}},
      {"nested", {{{"a", ordered_json::array({ordered_json::array(), ordered_json::object(), false})}}, "s"}},
  };
  for (int indent : {-1, 2, 4}) {
    JsonWriter w(indent);
    Write(w, doc);
    EXPECT_EQ(w.Take(), WebSafe(doc.dump(indent))) << "indent " << indent;
  }
}

// errors.json is joined from records written apart: a value written by a writer made for its
// depth and inserted with Raw() gives the same bytes as writing it in place.
TEST(JsonWriter, RawValuesWrittenForTheirDepthMatchWritingInPlace) {
  const ordered_json item = {{"code", "E1"},
                             {"params", {{{"name", "a"}}, ordered_json::object()}},
                             {"tags", ordered_json::array()}};
  const ordered_json doc = {
      {"catalogs", {{{"errors", {item, item}}}, {{"errors", ordered_json::array()}}}}};
  for (int indent : {-1, 2, 4}) {
    JsonWriter joined(indent);
    joined.BeginObject().Key("catalogs").BeginArray();
    for (const ordered_json& catalog : doc["catalogs"]) {
      joined.BeginObject().Key("errors").BeginArray();
      for (const ordered_json& error : catalog["errors"]) {
        JsonWriter part(indent, 4);  // document, catalogs, catalog, errors
        Write(part, error);
        joined.Raw(part.Take());
      }
      joined.EndArray().EndObject();
    }
    joined.EndArray().EndObject();
    EXPECT_EQ(joined.Take(), WebSafe(doc.dump(indent))) << "indent " << indent;
  }
}

TEST(JsonWriter, TopLevelScalarsAndEscapes) {
  JsonWriter w;
  w.String("a\"b\\c\n\x01\x1f<");
  EXPECT_EQ(w.Take(), "\"a\\\"b\\\\c\\n\\u0001\\u001f\\u003c\"");
  std::string out;
  AppendJsonString(out, "");
  EXPECT_EQ(out, "\"\"");
}

}  // namespace
}  // namespace errcat::util
