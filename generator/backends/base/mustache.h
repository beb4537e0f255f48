// A small Mustache engine for errcat's templates: compiled once, rendered many times.
//
// Supported: {{name}}, {{{name}}} and {{&name}} (all unescaped: view models carry text already
// escaped for their target; docs/templates.md gives the rule to override authors), dotted names,
// {{#section}}, {{^inverted}}, {{! comments }},
// {{> partial}}, and the spec's standalone-line rule. Not supported (reported when compiling):
// set-delimiter tags. Falsy: null, false, "", an empty list.
//
// Views are immutable trees with shared nodes, so one error's view can appear in the index,
// its catalog's page and its own page without being copied.
#pragma once

#include <atomic>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace errcat::backends {

class View;
using List = std::vector<View>;

class View {
 public:
  using Entries = std::vector<std::pair<std::string, View>>;

  View() = default;  // null
  View(bool value) : value_(value) {}
  View(std::string value) : value_(std::make_shared<const std::string>(std::move(value))) {}
  View(const char* value) : View(std::string(value)) {}
  View(List items) : value_(std::make_shared<const List>(std::move(items))) {}
  // An object: View{{"key", value}, ...}.
  View(std::initializer_list<std::pair<std::string, View>> entries);
  static View Object() { return View(std::make_shared<Entries>()); }
  // An empty object with room for `capacity` keys.
  static View Object(size_t capacity);

  // Adds or replaces a key of an object (only while building it).
  void set(std::string key, View value);
  // Adds a key the object does not have yet, without looking for it: for view builders that
  // set each key once (checked in debug builds).
  View& add(std::string key, View value);

  bool IsFalsy() const;
  const std::string* AsString() const;
  const List* AsList() const;
  const View* Find(std::string_view key) const;  // objects only

 private:
  explicit View(std::shared_ptr<Entries> entries) : value_(std::move(entries)) {}
  std::variant<std::monostate, bool, std::shared_ptr<const std::string>,
               std::shared_ptr<const List>, std::shared_ptr<Entries>>
      value_;
};

class Template {
 public:
  // Returns the compiled template, or nullopt with `error` set ("line 3: unclosed section 'x'").
  static std::optional<Template> Compile(std::string_view text, std::string& error);

  // Partials are looked up by name when first rendered; nullptr renders nothing.
  using PartialLookup = std::function<const Template*(const std::string& name)>;
  // `outer`, when given, is a context below `view`: names not found in `view` are looked up
  // there (a page layout's title and root around a shared error view).
  void Render(const View& view, const PartialLookup& partials, std::string& out,
              const View* outer = nullptr) const;

  struct Node;
  const std::vector<Node>& nodes() const { return *nodes_; }

  // The largest output rendered so far, so the next render allocates its string once.
  size_t size_hint() const { return size_hint_->load(std::memory_order_relaxed); }
  void note_size(size_t size) const;

 private:
  std::shared_ptr<const std::vector<Node>> nodes_;
  std::shared_ptr<std::atomic<size_t>> size_hint_ = std::make_shared<std::atomic<size_t>>(0);
};

struct Template::Node {
  enum class Kind { kText, kVariable, kSection, kInverted, kPartial } kind = Kind::kText;
  std::string text;               // literal text, or the partial's name
  std::vector<std::string> path;  // dotted name, split; {"."} for the current item
  std::vector<Node> children;     // sections
};

}  // namespace errcat::backends
