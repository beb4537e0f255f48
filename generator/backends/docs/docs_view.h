// The view model shared by the Markdown and HTML references. The same structure feeds both
// template sets; only the TextTarget differs: how plain text is escaped and how catalog
// Markdown becomes output (passed through for Markdown, cmark in safe mode for HTML).
#pragma once

#include <functional>
#include <string>

#include "backends/base/mustache.h"
#include "model/catalog.h"

namespace errcat::backends::docs {

class TextTarget {
 public:
  virtual ~TextTarget() = default;
  virtual std::string Text(std::string_view text) const = 0;          // plain text
  virtual std::string Markdown(std::string_view markdown) const = 0;  // block Markdown
  virtual std::string InlineMarkdown(std::string_view markdown) const = 0;  // one paragraph, no <p>
  virtual std::string Code(std::string_view text) const = 0;          // inline code span
  // Page of an error / a catalog, relative to the site root.
  virtual std::string ErrorHref(const model::Catalog& c, const model::Error& e) const = 0;
  virtual std::string CatalogHref(const model::Catalog& c) const = 0;
};

class MarkdownTarget final : public TextTarget {
 public:
  std::string Text(std::string_view text) const override;
  std::string Markdown(std::string_view markdown) const override;
  std::string InlineMarkdown(std::string_view markdown) const override;
  std::string Code(std::string_view text) const override;
  std::string ErrorHref(const model::Catalog& c, const model::Error& e) const override;
  std::string CatalogHref(const model::Catalog& c) const override;
};

class HtmlTarget final : public TextTarget {
 public:
  std::string Text(std::string_view text) const override;
  std::string Markdown(std::string_view markdown) const override;
  std::string InlineMarkdown(std::string_view markdown) const override;
  std::string Code(std::string_view text) const override;
  std::string ErrorHref(const model::Catalog& c, const model::Error& e) const override;
  std::string CatalogHref(const model::Catalog& c) const override;
};

View ErrorView(const model::CatalogSet& set, const model::Catalog& c, const model::Error& e,
               const TextTarget& t);

// Every view of the reference, each error's built once and shared: the site (catalogs with
// their errors, a flat list of all errors, the filter choices present), each catalog, and each
// error, in the set's order.
struct DocsViews {
  View site;
  std::vector<View> catalogs;
  std::vector<std::vector<View>> errors;
};
DocsViews BuildViews(const model::CatalogSet& set, const TextTarget& t);

// The two halves of BuildViews. Every error's view into views.errors, on every core; `built`,
// when given, runs on the building thread (util::ParallelFor's worker index) as soon as an
// error's view is there, so its page can be rendered while other views are still being built.
void BuildErrorViews(const model::CatalogSet& set, const TextTarget& t, DocsViews& views,
                     const std::function<void(size_t catalog, size_t error, unsigned worker)>& built = {});
// The site and catalog views, over views.errors.
void AddListViews(const model::CatalogSet& set, const TextTarget& t, DocsViews& views);

}  // namespace errcat::backends::docs
