// `errcat changelog`: release notes for the people who call the API, from the same comparison
// as `errcat diff` (no second one): errors added, deprecated (with what replaces them), retired,
// and changed in what a client sees (message, parameters, HTTP status, retriable), each linked
// to its docs page when the catalog has `docs.base_url`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diff/diff.h"
#include "model/catalog.h"

namespace errcat::diff {

struct ChangelogOptions {
  std::string base_label, head_label;  // as given: "git:v1.2", "catalog/"
};

// One release: its catalog set and how it was named ("git:v1.2:catalog").
struct Release {
  const model::CatalogSet* set;
  std::string label;
};

enum class ChangelogFormat {
  kMarkdown,
  kJson,          // two releases: one object; more: a list of them
  kHtmlFragment,  // a <section> per release to paste into a page: every text escaped, no scripts
};

// The notes of each release against the one before it, newest first. `releases` is oldest
// first, two or more.
std::string Changelog(const std::vector<Release>& releases, ChangelogFormat format);

}  // namespace errcat::diff
