// Reparse: a save that edits some items of a block sequence at the top of the document (a
// catalog's errors) parses those items alone and splices them into the last tree. yaml-cpp
// parses a catalog at ~10 MB/s, so a 2.5 MB file costs ~250 ms to parse whole on a slow host and
// ~0.1 ms for the item that changed.
//
// The items' text, cut at line starts, is parsed as a document of its own. That reads as it does
// inside the whole text when: the cut falls at the "- " of an item at the list's indentation on
// both sides, every line between is inside the list (more indented, or the next "- "), the text
// parses alone as one list at that indentation, and nothing is shared (no anchor or alias, in
// the old tree or the new items). Anything else parses the whole text.
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <utility>

#include "util/text.h"
#include "yaml/raw_tree.h"
#include "yaml/tree_builder.h"

namespace errcat::yaml {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// yaml-cpp's depth limit counts the levels above the items too: deeper items parse whole.
constexpr int kMaxItemDepth = 64;

// The offset of the start of the line holding `offset`.
size_t LineStart(std::string_view text, size_t offset) {
  if (offset == 0) return 0;
  const size_t newline = text.rfind('\n', offset - 1);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

// The indentation of the "- " before an item that starts at `offset` on its line (spaces, '-',
// spaces, then the item), or -1 when the line does not start so.
int Indicator(std::string_view text, size_t offset) {
  const size_t start = LineStart(text, offset);
  const std::string_view before = text.substr(start, offset - start);
  const size_t dash = before.find_first_not_of(' ');
  if (dash == std::string_view::npos || before[dash] != '-' || dash + 1 >= before.size() ||
      before.find_first_not_of(' ', dash + 1) != std::string_view::npos)
    return -1;
  return static_cast<int>(dash);
}

// Whether every line of `items` stays inside a list whose "- " is indented `indent`: blank and
// comment lines, lines indented deeper, and the next item's "- ". A line indented less would end
// the list in the whole text, but not in the items alone.
bool LinesStayInList(std::string_view items, size_t indent) {
  for (size_t at = 0; at < items.size();) {
    size_t end = items.find('\n', at);
    if (end == std::string_view::npos) end = items.size();
    std::string_view line = items.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t spaces = std::min(line.find_first_not_of(' '), line.size());
    if (spaces == line.size() || line[spaces] == '#') continue;
    if (line[spaces] == '\t') return false;
    if (spaces > indent) continue;
    const bool next_item = spaces == indent && line[spaces] == '-' &&
                           (spaces + 1 == line.size() || line[spaces + 1] == ' ');
    if (!next_item) return false;
  }
  return true;
}

int Depth(const Node* node) {
  int deepest = 0;
  for (const Node* child : node->children) deepest = std::max(deepest, Depth(child));
  return deepest + 1;
}

size_t CountNodes(const Node* node) {
  size_t count = 1;
  for (const Node* child : node->children) count += CountNodes(child);
  return count;
}

// Moves a subtree that the edit did not touch to where its text now is. Without anchors every
// node has one parent, so no node moves twice. The nodes are the document's own (its arena).
void Shift(const Node* node, int lines, int bytes) {
  Node& n = const_cast<Node&>(*node);
  n.line += lines;
  n.offset += bytes;
  for (const Node* child : node->children) Shift(child, lines, bytes);
}

// Replaces, in `doc`, the items of a top-level list that the edit from doc.source to `text`
// touched by the same items parsed from `text`. False, with `doc` as it was, when the edit is
// anywhere else or the items might not read alone as they do in the whole text.
bool Splice(Document& doc, std::string_view text, const Limits& limits) {
  const std::string_view old = doc.source;
  if (doc.anchored || doc.root == nullptr || doc.root->kind != NodeKind::kMap) return false;
  // The nodes replaced so far stay in the arena; past half of it, a whole parse compacts it.
  if (doc.unreachable * 2 > doc.arena.size()) return false;

  // The edit: [begin, old_end) of the old text is [begin, new_end) of the new one.
  const size_t common = std::min(old.size(), text.size());
  const size_t begin = static_cast<size_t>(
      std::mismatch(old.begin(), old.begin() + common, text.begin()).first - old.begin());
  size_t suffix = 0;
  while (suffix < common - begin && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
    ++suffix;
  const size_t old_end = old.size() - suffix, new_end = text.size() - suffix;
  if (begin == old.size() && begin == text.size()) return true;  // the same text

  // The list whose items hold the edit.
  const Entries entries = doc.root->entries();
  for (size_t k = 0; k < entries.size(); ++k) {
    const Node* list = entries[k].second;
    if (list->kind != NodeKind::kSequence || list->children.empty()) continue;
    const std::vector<const Node*>& items = list->children;
    const size_t list_end =
        k + 1 < entries.size() ? LineStart(old, entries[k + 1].first->offset) : old.size();
    if (begin < static_cast<size_t>(items.front()->offset) || old_end > list_end) continue;

    // Items [first, last) hold the edit: the first starts before it (its "- " unchanged), the
    // next one after it.
    const auto after = std::upper_bound(
        items.begin(), items.end(), begin,
        [](size_t at, const Node* n) { return at < static_cast<size_t>(n->offset); });
    const size_t first = static_cast<size_t>(after - items.begin()) - 1;
    const int indent = Indicator(old, items[first]->offset);
    if (indent < 0) return false;
    size_t last = first + 1;
    while (last < items.size() && LineStart(old, items[last]->offset) < old_end) ++last;
    if (last < items.size() && Indicator(old, items[last]->offset) != indent) return false;
    const size_t cut_begin = LineStart(old, items[first]->offset);
    const size_t cut_end = last < items.size() ? LineStart(old, items[last]->offset) : list_end;
    const std::string_view cut =
        text.substr(cut_begin, cut_end + text.size() - old.size() - cut_begin);
    if (!LinesStayInList(cut, static_cast<size_t>(indent))) return false;

    // The items parsed in a document that stands for their place in the whole text: a key
    // for the list's own, the items, and the line that follows them there (the next item's
    // first line, or the next key's; nothing at the end of the file). yaml-cpp is lax, and
    // what ends an item can decide how it reads: a quote left open, or a key without ':'
    // before a line with one. The nodes go into the arena, taken back off it on failure.
    const int bytes = static_cast<int>(text.size()) - static_cast<int>(old.size());
    const size_t next_line = cut_begin + cut.size();  // in `text`
    const size_t next_end = std::min(text.find('\n', next_line), text.size() - 1) + 1;
    std::string alone = "k:\n";
    alone.append(cut).append(text.substr(next_line, next_end - next_line));
    const size_t arena_size = doc.arena.size();
    auto fail = [&] {
      doc.arena.resize(arena_size);
      return false;
    };
    if (doc.root->column != 1) return false;
    internal::TextStream stream(alone);
    internal::TreeBuilder builder(doc.arena, limits,
                                  {items[first]->line - 2, static_cast<int>(cut_begin) - 3});
    try {
      YAML::Parser parser(stream);
      parser.HandleNextDocument(builder);
      std::deque<Node> scratch;
      internal::TreeBuilder extra(scratch, limits);
      if (parser.HandleNextDocument(extra)) return fail();
    } catch (const YAML::Exception&) {
      return fail();
    } catch (const internal::AliasLimitExceeded&) {
      return fail();
    }
    // It must read as the same map and list, with what follows where it is in the whole text.
    const Node* root = builder.root();
    if (root == nullptr || builder.anchored() || root->kind != NodeKind::kMap) return fail();
    const Entries parsed_entries = root->entries();
    const bool next_is_key = last == items.size() && k + 1 < entries.size();
    if (parsed_entries.size() != (next_is_key ? 2u : 1u)) return fail();
    if (next_is_key && parsed_entries[1].first->offset != entries[k + 1].first->offset + bytes)
      return fail();
    const Node* parsed = parsed_entries[0].second;
    if (parsed->kind != NodeKind::kSequence || parsed->column != indent + 1 ||
        Depth(parsed) > kMaxItemDepth)
      return fail();
    std::vector<const Node*> fresh = parsed->children;
    if (last < items.size()) {
      if (fresh.empty() || fresh.back()->offset != items[last]->offset + bytes) return fail();
      fresh.pop_back();
    }
    for (const Node* item : fresh)
      if (Indicator(text, item->offset) != indent) return fail();
    // A list left empty reads as null, not as a list.
    if (fresh.empty() && last - first == items.size()) return fail();

    // Fits: the old items go, the new ones take their place, what follows moves with the text.
    // Unreachable from now on: the old items, and what was parsed but for the new ones.
    size_t gone = doc.arena.size() - arena_size;
    for (const Node* item : fresh) gone -= CountNodes(item);
    for (size_t i = first; i < last; ++i) gone += CountNodes(items[i]);
    doc.unreachable += gone;
    const int lines =
        static_cast<int>(std::count(text.begin() + begin, text.begin() + new_end, '\n') -
                         std::count(old.begin() + begin, old.begin() + old_end, '\n'));
    if (bytes != 0 || lines != 0) {
      for (size_t i = last; i < items.size(); ++i) Shift(items[i], lines, bytes);
      for (size_t j = k + 1; j < entries.size(); ++j) {
        Shift(entries[j].first, lines, bytes);
        Shift(entries[j].second, lines, bytes);
      }
    }
    std::vector<const Node*>& children = const_cast<Node&>(*list).children;
    children.erase(children.begin() + static_cast<std::ptrdiff_t>(first),
                   children.begin() + static_cast<std::ptrdiff_t>(last));
    children.insert(children.begin() + static_cast<std::ptrdiff_t>(first), fresh.begin(),
                    fresh.end());
    return true;
  }
  return false;
}

}  // namespace

bool Reparse(std::unique_ptr<Document>& doc, std::string file, std::string contents,
             diag::DiagnosticSink& sink, const Limits& limits, bool* spliced) {
  if (spliced) *spliced = false;
  std::string_view text = contents;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  // What Parse checks before it parses, so that a splice is only tried where it would pass.
  const bool checks_pass = static_cast<std::int64_t>(contents.size()) <= limits.max_file_bytes &&
                           util::FindUtf8Problem(text).offset < 0;
  if (doc && doc->file == file && checks_pass && Splice(*doc, text, limits)) {
    contents.erase(0, contents.size() - text.size());
    doc->source = std::move(contents);
    if (spliced) *spliced = true;
    return true;
  }
  std::unique_ptr<Document> parsed = Parse(std::move(file), std::move(contents), sink, limits);
  if (!parsed) return false;
  doc = std::move(parsed);
  return true;
}

}  // namespace errcat::yaml
