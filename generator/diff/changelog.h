// `errcat changelog`: release notes for the people who call the API, from the same comparison
// as `errcat diff` (no second one): errors added, deprecated (with what replaces them), retired,
// and changed in what a client sees (message, parameters, HTTP status, retriable), each linked
// to its docs page when the catalog has `docs.base_url`.
#pragma once

#include <string>
#include <string_view>

#include "diff/diff.h"
#include "model/catalog.h"

namespace errcat::diff {

struct ChangelogOptions {
  std::string base_label, head_label;  // as given: "git:v1.2", "catalog/"
};

std::string ChangelogMarkdown(const DiffResult& result, const model::CatalogSet& base,
                              const model::CatalogSet& head, const ChangelogOptions& options);
std::string ChangelogJson(const DiffResult& result, const model::CatalogSet& base,
                          const model::CatalogSet& head, const ChangelogOptions& options);
// A <section> to paste into a release page: every text HTML-escaped, no scripts, no styles.
std::string ChangelogHtml(const DiffResult& result, const model::CatalogSet& base,
                          const model::CatalogSet& head, const ChangelogOptions& options);

}  // namespace errcat::diff
