#include "backends/base/templates.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace errcat::backends {
namespace {


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
  EXPECT_EQ(Render(text, View{{"x", true}}), "a\nb\nc\nd\n");
  EXPECT_EQ(Render(text, View{{"x", false}}), "a\nc\nnot\nd\n");
}

TEST(TemplateSet, BlankLinesInsideSectionsAreKept) {
  const std::string text = "t\n{{#d}}\n\nD\n{{/d}}\n\ne\n";
  EXPECT_EQ(Render(text, View{{"d", true}}), "t\n\nD\n\ne\n");
  EXPECT_EQ(Render(text, View{{"d", false}}), "t\n\ne\n");
}

TEST(TemplateSet, ValuesAreNotEscapedOrReinterpreted) {
  // View models escape for their target; the template engine adds nothing and never
  // interprets data as a template.
  EXPECT_EQ(Render("{{v}}|{{{v}}}\n", View{{"v", "<b>{{x}}</b>&"}}), "<b>{{x}}</b>&|<b>{{x}}</b>&\n");
}

std::string Compiled(const std::string& text, const View& view) {
  std::string error;
  auto t = Template::Compile(text, error);
  EXPECT_TRUE(t) << error;
  std::string out;
  if (t) t->Render(view, nullptr, out);
  return out;
}

TEST(Mustache, SectionsListsInvertedAndDottedNames) {
  View view{{"items", List{View{{"n", "a"}}, View{{"n", "b"}}}},
            {"empty", List{}},
            {"who", View{{"name", "Ada"}}},
            {"title", "T"}};
  EXPECT_EQ(Compiled("{{#items}}[{{n}}|{{title}}]{{/items}}", view), "[a|T][b|T]");
  EXPECT_EQ(Compiled("{{^empty}}none{{/empty}}{{#empty}}x{{/empty}}", view), "none");
  EXPECT_EQ(Compiled("{{who.name}} {{#who}}{{name}}{{/who}} {{missing.name}}.", view), "Ada Ada .");
  EXPECT_EQ(Compiled("{{! a comment }}{{{title}}}{{&title}}", view), "TT");
  EXPECT_EQ(Compiled("{{#items}}{{.}}{{/items}}", View{{"items", List{"x", "y"}}}), "xy");
}

TEST(Mustache, CompileErrorsNameTheLine) {
  std::string error;
  EXPECT_FALSE(Template::Compile("a\n{{#x}}\nb\n", error));
  EXPECT_EQ(error, "line 2: unclosed section 'x'");
  EXPECT_FALSE(Template::Compile("{{#x}}{{/y}}", error));
  EXPECT_EQ(error, "line 1: closing tag 'y' does not match section 'x'");
  EXPECT_FALSE(Template::Compile("x {{ y", error));
  EXPECT_EQ(error, "line 1: unclosed tag");
  EXPECT_FALSE(Template::Compile("{{=<% %>=}}", error));
}

TEST(Mustache, SharedViewsAreValues) {
  View a{{"k", "1"}};
  View b = a;
  b.set("k", "2");
  EXPECT_EQ(Compiled("{{k}}", a), "1");
  EXPECT_EQ(Compiled("{{k}}", b), "2");
}

TEST(Mustache, AddAppendsKeysAndCopiesSharedObjects) {
  View a = View::Object(2);
  a.add("x", "1").add("y", "2");
  View b = a;
  b.add("z", "3");  // b shares a's entries: add copies them first, as set does
  EXPECT_EQ(Compiled("{{x}}{{y}}{{z}}", a), "12");
  EXPECT_EQ(Compiled("{{x}}{{y}}{{z}}", b), "123");
}

TEST(TemplateSet, RenderingTwiceGivesTheSameText) {
  // The second render starts from the first one's size hint; the text must not change.
  testing::TempDir tmp;
  tmp.Write("t/x.mustache", "{{#items}}<{{.}}>{{/items}}");
  TemplateSet templates((tmp.path() / "t").string());
  diag::DiagnosticSink sink;
  const View big{{"items", List(1000, View("item"))}}, small{{"items", List{"a"}}};
  EXPECT_EQ(templates.Render("x.mustache", big, sink)->size(), 6000u);
  EXPECT_EQ(*templates.Render("x.mustache", small, sink), "<a>");
  EXPECT_EQ(templates.Render("x.mustache", big, sink)->size(), 6000u);
}

TEST(TemplateSet, PartialsComeFromTheSameFolder) {
  testing::TempDir tmp;
  tmp.Write("t/html/page.mustache", "{{> head}}body\n");
  tmp.Write("t/html/head.mustache", "<h1>{{title}}</h1>\n");
  TemplateSet templates((tmp.path() / "t").string());
  diag::DiagnosticSink sink;
  const View layout{{"title", "Hi"}};
  EXPECT_EQ(templates.Render("html/page.mustache", View::Object(), sink, &layout).value_or(""), "<h1>Hi</h1>\nbody\n");
  tmp.Write("t/html/broken.mustache", "{{> nope}}");
  EXPECT_FALSE(templates.Render("html/broken.mustache", View::Object(), sink));
  EXPECT_TRUE(sink.HasErrors());
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

  testing::TempDir tmp;
  tmp.Write("t/markdown/index.mustache", "overridden {{error_count}}\n");
  TemplateSet overridden((tmp.path() / "t").string());
  diag::DiagnosticSink clean;
  EXPECT_EQ(overridden.Render("markdown/index.mustache", View{{"error_count", "3"}}, clean).value_or(""), "overridden 3\n");
  // Files the override folder does not hold still come from the binary.
  EXPECT_TRUE(overridden.Load("markdown/catalog.mustache", clean));
  EXPECT_EQ(overridden.files_read().size(), 1u);
}

}  // namespace
}  // namespace errcat::backends
