#include "explain/explain.h"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "util/text.h"

namespace errcat::explain {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kItalic = "\033[3m";
constexpr const char* kUnderline = "\033[4m";
constexpr const char* kCyan = "\033[36m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kReset = "\033[0m";

// Catalog text may carry escape characters through YAML's "\e"; a terminal must never see them.
std::string Printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text)
    out += (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ? '?' : static_cast<char>(c);
  return out;
}

// Code points, not counting colour escapes (ESC ... m).
size_t VisibleWidth(std::string_view s) {
  size_t width = 0;
  while (!s.empty()) {
    const size_t escape = s.find('\033');
    width += util::Utf8Length(s.substr(0, escape));
    if (escape == std::string_view::npos) break;
    const size_t end = s.find('m', escape);
    s.remove_prefix(end == std::string_view::npos ? s.size() : end + 1);
  }
  return width;
}

// Greedy word wrap of styled text; words are never split.
std::string Wrap(std::string_view text, int width, const std::string& first_prefix,
                 const std::string& prefix) {
  std::string out, line = first_prefix;
  size_t line_width = VisibleWidth(first_prefix);
  const size_t prefix_width = VisibleWidth(prefix);
  bool line_has_word = false;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {  // hard break
      out += line + "\n";
      line = prefix;
      line_width = prefix_width;
      line_has_word = false;
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    std::string_view word = text.substr(i, j - i);
    const size_t w = VisibleWidth(word);
    if (line_has_word && line_width + 1 + w > static_cast<size_t>(width)) {
      out += line + "\n";
      line = prefix;
      line_width = prefix_width;
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += w;
    line_has_word = true;
    i = j;
  }
  out += line + "\n";
  return out;
}

class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(const TerminalStyle& style) : style_(style) {}

  std::string Render(const std::string& markdown, const std::string& first,
                     const std::string& rest) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
    Blocks(doc.get(), first, rest);
    while (out_.ends_with("\n\n")) out_.pop_back();
    return out_;
  }

 private:
  std::string Style(const char* code) const { return style_.color ? code : ""; }

  void Inlines(cmark_node* node, std::string& text) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          text += Printable(cmark_node_get_literal(child));
          break;
        case CMARK_NODE_SOFTBREAK:
          text += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          text += '\n';
          break;
        case CMARK_NODE_CODE:
          text +=
              Style(kCyan) + "`" + Printable(cmark_node_get_literal(child)) + "`" + Style(kReset);
          break;
        case CMARK_NODE_EMPH:
          text += Style(kItalic);
          Inlines(child, text);
          text += Style(kReset);
          break;
        case CMARK_NODE_STRONG:
          text += Style(kBold);
          Inlines(child, text);
          text += Style(kReset);
          break;
        case CMARK_NODE_LINK: {
          std::string label;
          Inlines(child, label);
          const std::string url = Printable(cmark_node_get_url(child));
          text += Style(kUnderline) + label + Style(kReset);
          if (!url.empty() && url != label) text += " <" + url + ">";
          break;
        }
        case CMARK_NODE_IMAGE:
          text += "[image: ";
          Inlines(child, text);
          text += "]";
          break;
        default:
          Inlines(child, text);
      }
    }
  }

  void Blocks(cmark_node* node, const std::string& first, const std::string& rest) {
    bool first_block = true;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      const std::string& lead = first_block ? first : rest;
      first_block = false;
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING: {
          std::string text;
          if (cmark_node_get_type(child) == CMARK_NODE_HEADING) text += Style(kBold);
          Inlines(child, text);
          if (cmark_node_get_type(child) == CMARK_NODE_HEADING) text += Style(kReset);
          out_ += Wrap(text, style_.width, lead, rest);
          if (cmark_node_next(child) || cmark_node_get_type(node) == CMARK_NODE_DOCUMENT)
            out_ += "\n";
          break;
        }
        case CMARK_NODE_LIST: {
          const bool ordered = cmark_node_get_list_type(child) == CMARK_ORDERED_LIST;
          int number = cmark_node_get_list_start(child);
          bool first_item = true;
          for (cmark_node* item = cmark_node_first_child(child); item;
               item = cmark_node_next(item)) {
            const std::string bullet = ordered ? std::to_string(number++) + ". " : "- ";
            Blocks(item, (first_item ? lead : rest) + bullet,
                   rest + std::string(bullet.size(), ' '));
            first_item = false;
            while (out_.ends_with("\n\n")) out_.pop_back();
          }
          out_ += "\n";
          break;
        }
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK: {
          std::string literal = Printable(cmark_node_get_literal(child));
          size_t start = 0;
          while (start < literal.size()) {
            size_t end = literal.find('\n', start);
            if (end == std::string::npos) end = literal.size();
            out_ += rest + "    " + Style(kCyan) + literal.substr(start, end - start) +
                    Style(kReset) + "\n";
            start = end + 1;
          }
          out_ += "\n";
          break;
        }
        case CMARK_NODE_BLOCK_QUOTE:
          Blocks(child, lead + "| ", rest + "| ");
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          out_ += rest + "----\n\n";
          break;
        default:
          Blocks(child, lead, rest);
      }
    }
  }

  const TerminalStyle& style_;
  std::string out_;
};

std::string Heading(const TerminalStyle& style, std::string_view title) {
  return (style.color ? std::string(kBold) : "") + std::string(title) +
         (style.color ? kReset : "") + "\n";
}

}  // namespace

std::string MarkdownToTerminal(const std::string& markdown, const TerminalStyle& style,
                               const std::string& first_prefix, const std::string& rest_prefix) {
  return MarkdownRenderer(style).Render(markdown, first_prefix, rest_prefix);
}

std::string ExplainRetired(const lock::Entry& entry, const TerminalStyle& style) {
  const auto styled = [&](const char* code, const std::string& text) {
    return style.color ? code + text + kReset : text;
  };
  std::string params;
  for (const std::string& type : entry.params) params += (params.empty() ? "" : ", ") + type;
  std::string out = styled(kBold, Printable(entry.code)) + "  " + styled(kDim, "(" + Printable(entry.catalog) + ")") + "\n";
  out += styled(kYellow, "Retired" + (entry.retired.empty() ? std::string() : " in " + Printable(entry.retired))) +
         ": this code is no longer issued, and never will be again.\n\n";
  out += "It was " + Printable(entry.name) + "(" + Printable(params) + "), value " + std::to_string(entry.value) +
         ", issued" + (entry.active.empty() ? std::string() : " in " + Printable(entry.active)) +
         (entry.deprecated.empty() ? std::string() : " and deprecated in " + Printable(entry.deprecated)) + ".\n";
  if (!entry.replaced_by.empty())
    out += "See " + styled(kBold, Printable(entry.replaced_by)) + ".\n";
  return out;
}

std::string ExplainError(const model::Catalog& catalog, const model::Error& e,
                         const TerminalStyle& style) {
  const auto styled = [&](const char* code, const std::string& text) {
    return style.color ? code + text + kReset : text;
  };
  std::string out;
  out += styled(kBold, Printable(e.code)) + "  " + Printable(e.name) + "  " +
         styled(kDim, "(" + Printable(catalog.id) + ": " + Printable(catalog.title) + ")") + "\n";
  out += Printable(e.summary) + "\n";
  if (e.is_deprecated()) {
    out += "\n" + styled(kYellow, "Deprecated: " + Printable(e.deprecated));
    if (!e.replaced_by.empty()) out += styled(kYellow, " Replaced by " + e.replaced_by + ".");
    out += "\n";
  }

  out += "\n" + Heading(style, "Message");
  std::string message;  // a plural shows its `other` case
  for (const model::MessageSegment& s : model::OtherForms(e.segments)) {
    if (s.arg < 0) {
      message += Printable(s.literal);
    } else {
      const model::Param& p = e.params[static_cast<size_t>(s.arg)];
      message += styled(kCyan, "{" + p.name + "}");
    }
  }
  out += Wrap(message, style.width, "  ", "  ");
  if (!e.params.empty()) {
    out += "\n  Parameters:\n";
    for (size_t i = 0; i < e.params.size(); ++i) {
      const model::Param& p = e.params[i];
      out += "    {" + std::to_string(i) + "} " + styled(kCyan, p.name) + ": " +
             std::string(model::Name(p.type));
      if (!p.description.empty()) out += " - " + Printable(p.description);
      out += "\n";
    }
  }

  std::string facts = "severity " + std::string(model::Name(e.severity));
  if (e.http_status) facts += ", HTTP " + std::to_string(e.http_status);
  if (e.retriable) facts += *e.retriable ? ", retriable" : ", not retriable";
  if (!e.since.empty()) facts += ", since " + Printable(e.since);
  out += "\n  " + facts + "\n";

  if (!e.description.empty()) {
    out += "\n" + Heading(style, "Description");
    out += MarkdownToTerminal(e.description, style, "  ", "  ");
  }
  if (!e.causes.empty()) {
    out += "\n" + Heading(style, "Causes");
    for (const std::string& cause : e.causes)
      out += MarkdownToTerminal(cause, style, "  - ", "    ");
  }
  if (!e.resolution.empty()) {
    out += "\n" + Heading(style, "Resolution");
    for (size_t i = 0; i < e.resolution.size(); ++i) {
      const std::string number = "  " + std::to_string(i + 1) + ". ";
      out += MarkdownToTerminal(e.resolution[i], style, number, std::string(number.size(), ' '));
    }
  }
  if (!e.fields.empty()) {
    out += "\n" + Heading(style, "Details");
    for (const model::FieldValue& f : e.fields) {
      const model::FieldDef* def = catalog.Field(f.id);
      const std::string title = def ? Printable(def->title) : f.id;
      if (def && def->type == model::FieldType::kMarkdown) {
        out += "  " + styled(kBold, title + ":") + "\n" +
               MarkdownToTerminal(f.text, style, "    ", "    ");
      } else {
        out +=
            Wrap(styled(kBold, title + ":") + " " + Printable(f.text), style.width, "  ", "    ");
      }
    }
  }
  std::vector<std::string> related = e.see_also;
  if (!e.replaced_by.empty() &&
      std::find(related.begin(), related.end(), e.replaced_by) == related.end())
    related.insert(related.begin(), e.replaced_by);
  if (!related.empty() || !e.tags.empty()) out += "\n";
  if (!related.empty()) {
    std::string list;
    for (const std::string& code : related) list += (list.empty() ? "" : ", ") + Printable(code);
    out += "See also: " + list + "\n";
  }
  if (!e.tags.empty()) {
    std::string list;
    for (const std::string& tag : e.tags) list += (list.empty() ? "" : ", ") + Printable(tag);
    out += "Tags: " + list + "\n";
  }
  if (!catalog.docs_base_url.empty())
    out += "Docs: " + Printable(catalog.docs_base_url + e.code) + "\n";
  return out;
}

}  // namespace errcat::explain
