#include "backends/templates.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat::backends {
namespace {

using kainjow::mustache::object;

std::string Render(const std::string& text, const View& view) {
  testing::TempDir tmp;
  tmp.Write("t/x.mustache", text);
  TemplateSet templates((tmp.path() / "t").string());
  diag::DiagnosticSink sink;
  auto out = templates.Render("x.mustache", view, sink);
  EXPECT_FALSE(sink.HasErrors());
  return out.value_or("<failed>");
}

TEST(TemplateSet, StandaloneSectionLinesLeaveNoBlankLines) {
  const std::string text = "a\n{{#x}}\nb\n{{/x}}\nc\n  {{^x}}\nnot\n  {{/x}}\nd\n";
  EXPECT_EQ(Render(text, object{{"x", true}}), "a\nb\nc\nd\n");
  EXPECT_EQ(Render(text, object{{"x", false}}), "a\nc\nnot\nd\n");
}

TEST(TemplateSet, BlankLinesInsideSectionsAreKept) {
  const std::string text = "t\n{{#d}}\n\nD\n{{/d}}\n\ne\n";
  EXPECT_EQ(Render(text, object{{"d", true}}), "t\n\nD\n\ne\n");
  EXPECT_EQ(Render(text, object{{"d", false}}), "t\n\ne\n");
}

TEST(TemplateSet, ValuesAreNotEscapedOrReinterpreted) {
  // View models escape for their target; the template engine adds nothing and never
  // interprets data as a template.
  EXPECT_EQ(Render("{{v}}|{{{v}}}\n", object{{"v", "<b>{{x}}</b>&"}}), "<b>{{x}}</b>&|<b>{{x}}</b>&\n");
}

TEST(TemplateSet, BuiltInTemplatesExistAndOverridesWin) {
  TemplateSet builtin;
  diag::DiagnosticSink sink;
  EXPECT_TRUE(builtin.Load("cpp/header.mustache", sink));
  EXPECT_TRUE(builtin.Load("html/error.mustache", sink));
  EXPECT_TRUE(builtin.Load("markdown/catalog.mustache", sink));
  EXPECT_FALSE(builtin.Load("nope.mustache", sink));
  EXPECT_TRUE(sink.HasErrors());
  EXPECT_TRUE(EmbeddedAsset("assets/errcat.js"));
}

}  // namespace
}  // namespace errcat::backends
