#include "lock/lock.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "backends/base/output.h"  // WriteFileAtomically, the one atomic write
#include "diag/rules.h"
#include "loader/readers.h"
#include "util/text.h"
#include "yaml/raw_tree.h"

namespace errcat::lock {
namespace fs = std::filesystem;
namespace {

using loader::readers::Context;
using loader::readers::ExpectKind;
using loader::readers::Integer;
using loader::readers::IsNull;
using loader::readers::MapReader;
using loader::readers::OneOf;
using loader::readers::Text;
using util::Quoted;

const std::vector<model::EnumName<State>>& StateNames() {
  static const std::vector<model::EnumName<State>> kNames = {
      {"active", State::kActive}, {"deprecated", State::kDeprecated}, {"retired", State::kRetired}};
  return kNames;
}

std::string_view Name(State state) {
  for (const auto& n : StateNames())
    if (n.value == state) return n.name;
  return "active";
}

std::vector<std::string> Signature(const model::Error& e) {
  std::vector<std::string> types;
  for (const model::Param& p : e.params) types.emplace_back(model::Name(p.type));
  return types;
}

std::string SignatureText(const std::vector<std::string>& types) {
  std::string s;
  for (const std::string& t : types) s += (s.empty() ? "" : ", ") + t;
  return "(" + s + ")";
}

// A double-quoted YAML scalar (the lock holds codes, names and stamps: plain text).
std::string Scalar(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool Before(const Entry& a, const Entry& b) {
  return std::tie(a.catalog, a.code) < std::tie(b.catalog, b.code);
}

std::string Describe(const Entry& e) {
  std::string text = Quoted(e.code) + " (" + e.name + SignatureText(e.params) + ", value " +
                     std::to_string(e.value);
  if (e.state == State::kRetired)
    text += ", retired" + (e.retired.empty() ? "" : " in " + e.retired);
  return text + ")";
}

}  // namespace

std::string DefaultLockPath(const std::vector<std::string>& paths) {
  if (paths.empty()) return kLockFileName;
  std::error_code ec;
  const fs::path first(paths.front());
  const fs::path folder = fs::is_directory(first, ec) ? first : first.parent_path();
  return (folder / kLockFileName).generic_string();
}

std::optional<Lock> ReadLock(const std::string& path, diag::DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.Error({path, 0, 0}, "cannot open the lock file", diag::kIoRule);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::unique_ptr<yaml::Document> doc = yaml::Parse(path, text.str(), sink);
  if (!doc) return std::nullopt;
  const Context ctx{*doc, sink};
  if (!ExpectKind(ctx, doc->root, yaml::NodeKind::kMap, "a lock file")) return std::nullopt;
  const int errors_before = sink.error_count();
  MapReader top(ctx, doc->root, "the lock file", {"lock", "codes"});
  if (const yaml::Node* version = top.Require("lock")) {
    if (auto v = Integer(ctx, version, "'lock'"); v && *v != 1)
      ctx.Error(version, "this errcat reads lock files of version 1, not " + std::to_string(*v),
                "type");
  }
  Lock lock;
  lock.path = path;
  const yaml::Node* codes = top.Get("codes");
  if (!IsNull(codes) && ExpectKind(ctx, codes, yaml::NodeKind::kSequence, "'codes'")) {
    for (const yaml::Node* item : codes->items) {
      if (!ExpectKind(ctx, item, yaml::NodeKind::kMap, "each entry of 'codes'")) continue;
      MapReader map(ctx, item, "a lock entry",
                    {"catalog", "code", "value", "name", "params", "state", "active", "deprecated",
                     "retired"});
      Entry e;
      e.pos = {item->line, item->column};
      for (const char* key : {"catalog", "code", "name"}) {
        const yaml::Node* node = map.Require(key);
        std::string value = node ? Text(ctx, node, key).value_or("") : "";
        (std::string_view(key) == "catalog" ? e.catalog
         : std::string_view(key) == "code"  ? e.code
                                            : e.name) = value;
      }
      if (const yaml::Node* value = map.Require("value"))
        if (auto v = Integer(ctx, value, "'value'")) e.value = static_cast<std::int32_t>(*v);
      if (const yaml::Node* params = map.Get("params"); !IsNull(params))
        if (ExpectKind(ctx, params, yaml::NodeKind::kSequence, "'params'"))
          for (const yaml::Node* p : params->items)
            e.params.push_back(Text(ctx, p, "'params' items").value_or(""));
      if (const yaml::Node* state = map.Require("state"))
        e.state = OneOf(ctx, state, "'state'", StateNames(), "type").value_or(State::kActive);
      e.active = Text(ctx, map.Get("active"), "'active'").value_or("");
      e.deprecated = Text(ctx, map.Get("deprecated"), "'deprecated'").value_or("");
      e.retired = Text(ctx, map.Get("retired"), "'retired'").value_or("");
      lock.entries.push_back(std::move(e));
    }
  }
  if (sink.error_count() != errors_before) return std::nullopt;
  std::sort(lock.entries.begin(), lock.entries.end(), Before);
  return lock;
}

Lock Update(const Lock& lock, const model::CatalogSet& set, const std::string& stamp) {
  Lock next = lock;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (size_t i = 0; i < next.entries.size(); ++i)
    index[{next.entries[i].catalog, next.entries[i].code}] = i;
  for (const model::Catalog& c : set.catalogs()) {
    for (const model::Error& e : c.errors) {
      auto it = index.find({c.id, e.code});
      if (it == index.end()) {
        Entry entry{c.id, e.code, e.value, e.name, Signature(e), State::kActive, stamp, "", "", {}};
        if (e.is_deprecated()) {
          entry.state = State::kDeprecated;
          entry.deprecated = stamp;
        }
        index[{c.id, e.code}] = next.entries.size();
        next.entries.push_back(std::move(entry));
      } else if (Entry& entry = next.entries[it->second];
                 entry.state == State::kActive && e.is_deprecated()) {
        entry.state = State::kDeprecated;
        entry.deprecated = stamp;
      }
    }
  }
  // A locked code that its catalog now reserves is retired; one merely gone stays as it was, and
  // Check reports it until it is reserved.
  for (Entry& entry : next.entries) {
    if (entry.state == State::kRetired) continue;
    const model::Catalog* c = set.FindCatalog(entry.catalog);
    if (c && !c->Find(entry.code) &&
        std::find(c->reserved.begin(), c->reserved.end(), entry.code) != c->reserved.end()) {
      entry.state = State::kRetired;
      entry.retired = stamp;
    }
  }
  std::sort(next.entries.begin(), next.entries.end(), Before);
  return next;
}

std::string Render(const Lock& lock) {
  std::string out =
      "# errcat.lock: every code these catalogs ever issued, with the version or date it entered "
      "each\n"
      "# state. Written by `errcat lock`, which only adds entries and advances their state; keep "
      "it\n"
      "# beside the catalogs and commit it with them.\n"
      "lock: 1\n"
      "codes:\n";
  for (const Entry& e : lock.entries) {
    out += "  - {catalog: " + e.catalog + ", code: " + Scalar(e.code) +
           ", value: " + std::to_string(e.value) + ", name: " + e.name + ", params: [";
    for (size_t i = 0; i < e.params.size(); ++i) out += (i ? ", " : "") + e.params[i];
    out += "], state: " + std::string(Name(e.state)) + ", active: " + Scalar(e.active);
    if (!e.deprecated.empty()) out += ", deprecated: " + Scalar(e.deprecated);
    if (!e.retired.empty()) out += ", retired: " + Scalar(e.retired);
    out += "}\n";
  }
  return out;
}

void Check(const Lock& lock, const model::CatalogSet& set, const CheckOptions& options,
           diag::DiagnosticSink& sink) {
  const auto at = [](const model::Catalog& c, model::SourcePos pos) {
    return diag::Location{c.path, pos.line, pos.column};
  };
  const auto locked_here = [&](const Entry& e) {
    sink.Note({lock.path, e.pos.line, e.pos.column}, "locked here: " + Describe(e));
  };
  std::map<std::pair<std::string, std::string>, const Entry*> locked;
  std::map<std::string, bool> missing_catalog_reported;
  for (const Entry& entry : lock.entries) {
    locked[{entry.catalog, entry.code}] = &entry;
    const model::Catalog* c = set.FindCatalog(entry.catalog);
    if (c == nullptr) {
      if (entry.state != State::kRetired && !missing_catalog_reported[entry.catalog]) {
        missing_catalog_reported[entry.catalog] = true;
        sink.Error({lock.path, entry.pos.line, entry.pos.column},
                   "catalog " + Quoted(entry.catalog) +
                       " holds locked codes but is not in the catalog set",
                   "lock-removed");
      }
      continue;
    }
    const model::Error* same = c->Find(entry.code);
    if (entry.state == State::kRetired) {
      if (same) {
        sink.Error(at(*c, same->PosOf("code")),
                   "code " + Quoted(entry.code) + " was retired and is issued again, for " +
                       same->name + SignatureText(Signature(*same)) +
                       "; clients that stored it read the old meaning",
                   "lock-reused");
        locked_here(entry);
      }
    } else if (!same) {
      if (std::find(c->reserved.begin(), c->reserved.end(), entry.code) == c->reserved.end()) {
        sink.Error({c->path, 0, 0},
                   "locked code " + Quoted(entry.code) + " (" + entry.name +
                       ") was removed; keep it, deprecate it, or add it to 'reserved' to retire it",
                   "lock-removed");
        locked_here(entry);
      }
    } else if (same->name != entry.name) {
      sink.Error(at(*c, same->PosOf("code")),
                 "code " + Quoted(entry.code) + " now names another error: " + same->name +
                     SignatureText(Signature(*same)) + " instead of the locked " + entry.name +
                     SignatureText(entry.params),
                 "lock-reused");
      locked_here(entry);
    } else if (Signature(*same) != entry.params) {
      sink.Error(
          at(*c, same->PosOf("params").line ? same->PosOf("params") : same->PosOf("message")),
          "the parameters of " + Quoted(entry.code) + " changed from " +
              SignatureText(entry.params) + " to " + SignatureText(Signature(*same)) +
              "; a new signature needs a new code",
          "lock-signature");
      locked_here(entry);
    }
    // The locked value and name belong to the locked code, whatever its state.
    for (const model::Error& e : c->errors) {
      if (e.code == entry.code) continue;
      if (e.value == entry.value) {
        sink.Error(at(*c, e.PosOf("value")),
                   "value " + std::to_string(e.value) + " of " + Quoted(e.code) +
                       " belongs to locked code " + Quoted(entry.code),
                   "lock-reused");
        locked_here(entry);
      }
      if (e.name == entry.name) {
        sink.Error(at(*c, e.PosOf("name")),
                   "name " + e.name + " of " + Quoted(e.code) + " belongs to locked code " +
                       Quoted(entry.code),
                   "lock-reused");
        locked_here(entry);
      }
    }
  }
  if (!options.stale) return;
  for (const model::Catalog& c : set.catalogs()) {
    for (const model::Error& e : c.errors) {
      if (locked.count({c.id, e.code})) continue;
      sink.Error(at(c, e.PosOf("code")),
                 Quoted(e.code) + " is not in " + lock.path + "; run `" + options.update_command +
                     "` and commit it",
                 "lock-stale");
    }
  }
}

UpdateResult UpdateLockFile(const model::CatalogSet& set, const std::string& path,
                            const std::string& stamp, diag::DiagnosticSink& sink) {
  UpdateResult result;
  std::error_code ec;
  Lock old;
  old.path = path;
  if (fs::exists(path, ec)) {
    std::optional<Lock> read = ReadLock(path, sink);
    if (!read) return result;
    old = std::move(*read);
  }
  Check(old, set, {}, sink);
  if (sink.HasErrors()) return result;  // a lock is never rewritten to hide a reuse
  const Lock next = Update(old, set, stamp);
  std::map<std::pair<std::string, std::string>, State> before;
  for (const Entry& e : old.entries) before[{e.catalog, e.code}] = e.state;
  for (const Entry& e : next.entries) {
    auto it = before.find({e.catalog, e.code});
    if (it == before.end())
      ++result.added;
    else if (it->second != e.state)
      ++result.advanced;
  }
  result.total = static_cast<int>(next.entries.size());
  const std::string text = Render(next);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream current;
  if (in) current << in.rdbuf();
  result.changed = !in || current.str() != text;
  if (result.changed) {
    if (std::string error = backends::WriteFileAtomically(path, text); !error.empty()) {
      sink.Error({path, 0, 0}, error, diag::kIoRule);
      return result;
    }
  }
  result.ok = true;
  return result;
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

}  // namespace errcat::lock
