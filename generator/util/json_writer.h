// Streams JSON text into a string, for the large documents errcat emits (errors.json, the
// search index): no intermediate tree. Output matches nlohmann::json::dump(indent) byte for
// byte, except that '<', '>' and '&' are written as \u escapes so that the text is also safe
// inside HTML (<script>) and never closes a tag.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace errcat::util {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = -1) : indent_(indent) {}  // -1: compact
  // A writer for a value that another writer will insert with Raw() at nesting depth `depth`:
  // its line breaks are indented as they would be there.
  JsonWriter(int indent, size_t depth) : indent_(indent), base_depth_(depth) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Strings(const std::vector<std::string>& values);  // an array of strings
  JsonWriter& Raw(std::string_view json);                       // a value written by another writer

  void Reserve(size_t bytes) { text_.reserve(bytes); }
  std::string Take() { return std::move(text_); }
  // The text written so far, leaving the writer where it is: a document too large for one
  // string is taken in pieces, and the next piece goes on from the same place.
  std::string TakeSoFar() {
    std::string so_far;
    so_far.swap(text_);
    return so_far;
  }
  size_t size() const { return text_.size(); }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  void Newline(size_t depth);

  int indent_;
  size_t base_depth_ = 0;
  std::string text_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// Appends `value` as a JSON string literal (quotes included), web-safe as above.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace errcat::util
