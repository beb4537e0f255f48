// The view model shared by the Markdown and HTML references. The same structure feeds both
// template sets; only the TextTarget differs: how plain text is escaped and how catalog
// Markdown becomes output (passed through for Markdown, cmark in safe mode for HTML).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "backends/base/mustache.h"
#include "model/catalog.h"
#include "model/history.h"

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
  // The page of a code that is no longer issued (a tombstone, at the code's old address).
  virtual std::string RetiredHref(std::string_view code) const { return std::string(code); }
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
  std::string RetiredHref(std::string_view code) const override;
};

View ErrorView(const model::CatalogSet& set, const model::Catalog& c, const model::Error& e,
               const TextTarget& t);

// What the history adds to an error's view: "since" (the catalog's own `since` first), and the
// release it was deprecated in.
void AddHistory(View& error_view, const model::Error& e, const model::CodeHistory& h,
                const TextTarget& t);

// What a page of a localized tree says an error lacks: `untranslated` (the texts that fall
// back, "description, causes") and `untranslated_lang`; nothing when it lacks none.
void MarkUntranslated(View& error_view, const std::vector<std::string>& texts,
                      std::string_view lang, const TextTarget& t);

// The view of a retired code's tombstone page: what it was, when it was issued, deprecated and
// retired, and what replaced it (linked when that code is in `set`).
View RetiredView(const model::CatalogSet& set, const model::CodeHistory& h, const TextTarget& t);

// Every view of the reference, each error's built once and shared: the site (catalogs with
// their errors, a flat list of all errors), each catalog, and each error, in the set's order.
struct DocsViews {
  View site;
  std::vector<View> catalogs;
  std::vector<std::vector<View>> errors;
};
DocsViews BuildViews(const model::CatalogSet& set, const TextTarget& t);

// The two halves of BuildViews. Every error's view into views.errors, on every core; `built`,
// when given, runs on the building thread (util::ParallelFor's worker index) as soon as an
// error's view is there, so its page can be rendered while other views are still being built.
// With `wanted`, only the views it names are built (the others stay empty).
void BuildErrorViews(
    const model::CatalogSet& set, const TextTarget& t, DocsViews& views,
    const std::function<void(size_t catalog, size_t error, unsigned worker)>& built = {},
    const std::function<bool(size_t catalog, size_t error)>& wanted = {});
// The site and catalog views, over views.errors; with `retired`, the tombstones' views too (the
// site's list and each catalog's). With `list_rows`, the site's list and each catalog's hold
// only their first rows (the HTML pages load the rest from the search data), so only those
// errors' views need to be kept in views.errors.
void AddListViews(const model::CatalogSet& set, const TextTarget& t, DocsViews& views,
                  const std::vector<View>& retired = {}, size_t list_rows = SIZE_MAX);

}  // namespace errcat::backends::docs
