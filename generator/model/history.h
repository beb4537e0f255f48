// What is known of the past of a catalog set's codes, for the docs: when each code was issued,
// deprecated and retired, what each retired code was, and the release notes. Built from the
// lock and from past releases (history/history.h); the back ends only read it, and nothing
// else needs it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace errcat::model {

struct CodeHistory {
  std::string catalog, code;
  // For a retired code, what it was (the catalogs no longer say).
  std::string name, summary;
  std::int32_t value = 0;
  std::vector<std::string> params;  // parameter types in order
  bool retired = false;
  // The version or date it entered each state; "" when not known.
  std::string since, deprecated_in, retired_in;
  std::string replaced_by;
};

struct History {
  std::vector<CodeHistory> codes;  // sorted by code
  std::string release_notes_html;  // `errcat changelog --format html-fragment`; "" for none

  const CodeHistory* Find(std::string_view code) const;
  bool empty() const { return codes.empty() && release_notes_html.empty(); }
};

}  // namespace errcat::model
