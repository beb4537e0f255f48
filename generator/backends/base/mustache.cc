#include "backends/base/mustache.h"

#include <cassert>

namespace errcat::backends {

// --- View ------------------------------------------------------------------------------------

View::View(std::initializer_list<std::pair<std::string, View>> entries)
    : value_(std::make_shared<Entries>(entries)) {}

void View::set(std::string key, View value) {
  auto* entries = std::get_if<std::shared_ptr<Entries>>(&value_);
  if (!entries) {
    value_ = std::make_shared<Entries>();
    entries = std::get_if<std::shared_ptr<Entries>>(&value_);
  } else if (entries->use_count() > 1) {
    *entries = std::make_shared<Entries>(**entries);  // copy on write: views behave as values
  }
  for (auto& [k, v] : **entries) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  (*entries)->emplace_back(std::move(key), std::move(value));
}

View View::Object(size_t capacity) {
  auto entries = std::make_shared<Entries>();
  entries->reserve(capacity);
  return View(std::move(entries));
}

View& View::add(std::string key, View value) {
  assert(Find(key) == nullptr);
  auto* entries = std::get_if<std::shared_ptr<Entries>>(&value_);
  if (!entries || entries->use_count() > 1) {
    set(std::move(key), std::move(value));
    return *this;
  }
  (*entries)->emplace_back(std::move(key), std::move(value));
  return *this;
}

bool View::IsFalsy() const {
  if (std::holds_alternative<std::monostate>(value_)) return true;
  if (const bool* b = std::get_if<bool>(&value_)) return !*b;
  if (const std::string* s = AsString()) return s->empty();
  if (const List* l = AsList()) return l->empty();
  return false;
}

const std::string* View::AsString() const {
  const auto* s = std::get_if<std::shared_ptr<const std::string>>(&value_);
  return s ? s->get() : nullptr;
}

const List* View::AsList() const {
  const auto* l = std::get_if<std::shared_ptr<const List>>(&value_);
  return l ? l->get() : nullptr;
}

const View* View::Find(std::string_view key) const {
  const auto* entries = std::get_if<std::shared_ptr<Entries>>(&value_);
  if (!entries) return nullptr;
  for (const auto& [k, v] : **entries)
    if (k == key) return &v;
  return nullptr;
}

// --- Compiling ---------------------------------------------------------------------------------

namespace {

using Node = Template::Node;

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitPath(std::string_view name) {
  if (name == ".") return {"."};
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    parts.emplace_back(name.substr(start, dot == std::string_view::npos ? name.npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

int LineAt(std::string_view text, size_t pos) {
  int line = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

std::optional<Template> Template::Compile(std::string_view text, std::string& error) {
  // A stack of node lists: the top is where new nodes go; sections push their children.
  std::vector<Node> root;
  std::vector<std::vector<Node>*> stack = {&root};
  std::vector<std::pair<std::string, size_t>> open;  // section names and positions
  auto fail = [&](size_t pos, const std::string& what) {
    error = "line " + std::to_string(LineAt(text, pos)) + ": " + what;
    return std::nullopt;
  };
  auto add_text = [&](std::string_view t) {
    if (t.empty()) return;
    std::vector<Node>& nodes = *stack.back();
    if (!nodes.empty() && nodes.back().kind == Node::Kind::kText) {
      nodes.back().text += t;
    } else {
      nodes.push_back({Node::Kind::kText, std::string(t), {}, {}});
    }
  };

  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open_at = text.find("{{", pos);
    if (open_at == std::string_view::npos) {
      add_text(text.substr(pos));
      break;
    }
    const bool triple = text.compare(open_at, 3, "{{{") == 0;
    const size_t close_at = text.find(triple ? "}}}" : "}}", open_at + (triple ? 3 : 2));
    if (close_at == std::string_view::npos) return fail(open_at, "unclosed tag");
    const size_t tag_end = close_at + (triple ? 3 : 2);
    std::string_view inner =
        text.substr(open_at + (triple ? 3 : 2), close_at - open_at - (triple ? 3 : 2));
    const char sigil = triple ? '{' : (inner.empty() ? '\0' : inner.front());
    const bool structural =
        sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' || sigil == '>';
    if (!triple && (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' || sigil == '>' ||
                    sigil == '&' || sigil == '='))
      inner.remove_prefix(1);
    const std::string_view name = TrimSpaces(inner);

    // Standalone: only white space between the line's start and the tag and between the tag and
    // the line's end. Such a line leaves no trace in the output.
    size_t line_start = open_at;
    while (line_start > 0 && (text[line_start - 1] == ' ' || text[line_start - 1] == '\t'))
      --line_start;
    size_t line_end = tag_end;
    while (line_end < text.size() &&
           (text[line_end] == ' ' || text[line_end] == '\t' || text[line_end] == '\r'))
      ++line_end;
    const bool at_line_start = line_start == 0 || text[line_start - 1] == '\n';
    const bool at_line_end = line_end == text.size() || text[line_end] == '\n';
    const bool standalone = structural && at_line_start && at_line_end;

    add_text(text.substr(pos, (standalone ? line_start : open_at) - pos));
    pos = standalone ? std::min(text.size(), line_end + 1) : tag_end;

    if (sigil == '=') return fail(open_at, "set-delimiter tags are not supported");
    if (sigil == '!') continue;
    if (name.empty()) return fail(open_at, "empty tag");
    switch (sigil) {
      case '#':
      case '^': {
        stack.back()->push_back(
            {sigil == '#' ? Node::Kind::kSection : Node::Kind::kInverted, "", SplitPath(name), {}});
        stack.push_back(&stack.back()->back().children);
        open.emplace_back(std::string(name), open_at);
        break;
      }
      case '/': {
        if (open.empty())
          return fail(open_at, "closing tag '" + std::string(name) + "' without a section");
        if (open.back().first != name)
          return fail(open_at, "closing tag '" + std::string(name) + "' does not match section '" +
                                   open.back().first + "'");
        open.pop_back();
        stack.pop_back();
        break;
      }
      case '>':
        stack.back()->push_back({Node::Kind::kPartial, std::string(name), {}, {}});
        break;
      default:
        stack.back()->push_back({Node::Kind::kVariable, "", SplitPath(name), {}});
    }
  }
  if (!open.empty())
    return fail(open.back().second, "unclosed section '" + open.back().first + "'");
  Template t;
  t.nodes_ = std::make_shared<const std::vector<Node>>(std::move(root));
  return t;
}

// --- Rendering ---------------------------------------------------------------------------------

namespace {

class Renderer {
 public:
  Renderer(const Template::PartialLookup& partials, std::string& out)
      : partials_(partials), out_(out) {}

  void Render(const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      switch (node.kind) {
        case Node::Kind::kText:
          out_ += node.text;
          break;
        case Node::Kind::kVariable:
          if (const View* v = Lookup(node.path))
            if (const std::string* s = v->AsString()) out_ += *s;
          break;
        case Node::Kind::kSection: {
          const View* v = Lookup(node.path);
          if (!v || v->IsFalsy()) break;
          if (const List* items = v->AsList()) {
            for (const View& item : *items) {
              stack_.push_back(&item);
              Render(node.children);
              stack_.pop_back();
            }
          } else {
            stack_.push_back(v);
            Render(node.children);
            stack_.pop_back();
          }
          break;
        }
        case Node::Kind::kInverted: {
          const View* v = Lookup(node.path);
          if (!v || v->IsFalsy()) Render(node.children);
          break;
        }
        case Node::Kind::kPartial:
          if (depth_ > 32) break;  // a partial that includes itself
          if (const Template* partial = partials_ ? partials_(node.text) : nullptr) {
            ++depth_;
            Render(partial->nodes());  // same context stack, as the spec has it
            --depth_;
          }
          break;
      }
    }
  }

  std::vector<const View*> stack_;

 private:
  const View* Lookup(const std::vector<std::string>& path) const {
    if (path.size() == 1 && path[0] == ".") return stack_.back();
    const View* found = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend() && !found; ++it)
      found = (*it)->Find(path[0]);
    for (size_t i = 1; found && i < path.size(); ++i) found = found->Find(path[i]);
    return found;
  }

  const Template::PartialLookup& partials_;
  std::string& out_;
  int depth_ = 0;
};

}  // namespace

void Template::note_size(size_t size) const {
  size_t seen = size_hint_->load(std::memory_order_relaxed);
  while (size > seen && !size_hint_->compare_exchange_weak(seen, size, std::memory_order_relaxed)) {
  }
}

void Template::Render(const View& view, const PartialLookup& partials, std::string& out,
                      const View* outer) const {
  Renderer renderer(partials, out);
  if (outer) renderer.stack_.push_back(outer);
  renderer.stack_.push_back(&view);
  renderer.Render(*nodes_);
}

}  // namespace errcat::backends
