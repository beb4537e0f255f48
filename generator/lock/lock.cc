#include "lock/lock.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "backends/base/output.h"  // WriteFileAtomically, the one atomic write
#include "diag/rules.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace errcat::lock {
namespace fs = std::filesystem;
namespace {

using model::Signature;
using util::Quoted;

const std::vector<model::EnumName<State>>& StateNames() {
  static const std::vector<model::EnumName<State>> kNames = {
      {"active", State::kActive}, {"deprecated", State::kDeprecated}, {"retired", State::kRetired}};
  return kNames;
}

std::string_view Name(State state) { return model::NameIn(StateNames(), state); }

std::string SignatureText(const std::vector<std::string>& types) {
  std::string s;
  for (const std::string& t : types) s += (s.empty() ? "" : ", ") + t;
  return "(" + s + ")";
}

// The error with `code` in catalog `c`, through the set's hash index (Catalog::Find scans).
const model::Error* FindIn(const model::CatalogSet& set, const model::Catalog& c,
                           std::string_view code) {
  const auto hit = set.FindCode(code);
  return hit && hit->catalog == &c ? hit->error : nullptr;
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

namespace {

// Reads a whole file into `text`; false if it cannot be opened.
bool Slurp(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = std::move(buffer).str();
  return true;
}

// The lock in `text`: parsed once as one JSON document. Entries get the line errcat writes each
// on; a file laid out otherwise (valid, but reformatted by hand) gets file-level positions.
std::optional<Lock> ParseLock(const std::string& path, const std::string& text,
                              diag::DiagnosticSink& sink) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const util::LineColumn lc = util::LineColumnAt(text, e.byte > 0 ? e.byte - 1 : 0);
    sink.Error({path, lc.line, lc.column}, "the lock file is not valid JSON", "lock-syntax");
    return std::nullopt;
  }
  if (!document.is_object() || document.value("errcat_lock", 0) != 1 ||
      !document.contains("codes") || !document["codes"].is_array()) {
    sink.Error({path, 1, 1},
               "not an errcat lock file of version 1 (\"errcat_lock\": 1, \"codes\": [...])",
               "lock-syntax");
    return std::nullopt;
  }
  std::vector<model::SourcePos> lines;  // where each entry starts, as errcat lays the file out
  std::istringstream stream(text);
  int number = 0;
  for (std::string line; std::getline(stream, line);) {
    ++number;
    const size_t start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 10, "{\"catalog\"") == 0)
      lines.push_back({number, static_cast<int>(start) + 1});
  }
  const nlohmann::json& codes = document["codes"];
  if (lines.size() != codes.size()) lines.assign(codes.size(), {0, 0});
  Lock lock;
  lock.path = path;
  const int errors_before = sink.error_count();
  for (size_t k = 0; k < codes.size(); ++k) {
    const nlohmann::json& j = codes[k];
    const diag::Location at{path, lines[k].line, lines[k].column};
    const auto text_of = [&](const char* key, bool required) -> std::string {
      if (j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
      if (required || j.contains(key))
        sink.Error(at, std::string("'") + key + "' must be a string", "type");
      return "";
    };
    if (!j.is_object()) {
      sink.Error(at, "each entry of 'codes' must be an object on one line", "type");
      continue;
    }
    Entry e;
    e.pos = {at.line, at.column};
    e.catalog = text_of("catalog", true);
    e.code = text_of("code", true);
    if (std::string reason = e.code.empty() ? "" : model::UnsafeCodeReason(e.code); !reason.empty())
      sink.Error(at, "code " + Quoted(e.code) + " " + reason + " (codes name files and URLs)",
                 "code-unsafe");
    e.name = text_of("name", true);
    if (!j.contains("value") || !j["value"].is_number_integer())
      sink.Error(at, "'value' must be an integer", "type");
    else
      e.value = j["value"].get<std::int32_t>();
    if (j.contains("params") && j["params"].is_array()) {
      for (const auto& p : j["params"])
        if (p.is_string()) e.params.push_back(p.get<std::string>());
    }
    const std::string state = text_of("state", true);
    if (const std::optional<State> value = model::ValueIn(StateNames(), state))
      e.state = *value;
    else
      sink.Error(at, "'state' must be one of active, deprecated, retired, not " + Quoted(state),
                 "type");
    e.active = text_of("active", false);
    e.deprecated = text_of("deprecated", false);
    e.retired = text_of("retired", false);
    e.replaced_by = text_of("replaced_by", false);
    lock.entries.push_back(std::move(e));
  }
  if (sink.error_count() != errors_before) return std::nullopt;
  std::sort(lock.entries.begin(), lock.entries.end(), Before);
  return lock;
}

}  // namespace

FoundLock ReadLockAt(const std::string& path, bool must_exist, diag::DiagnosticSink& sink) {
  FoundLock found;
  found.path = path;
  std::error_code ec;
  if (!must_exist && !fs::exists(path, ec)) return found;
  found.exists = true;
  if (!Slurp(path, found.text)) {
    sink.Error({path, 0, 0}, "cannot open the lock file", diag::kIoRule);
    return found;
  }
  found.lock = ParseLock(path, found.text, sink);
  return found;
}

std::optional<Lock> ReadLock(const std::string& path, diag::DiagnosticSink& sink) {
  return ReadLockAt(path, true, sink).lock;
}

FoundLock FindLock(const std::vector<std::string>& paths, const std::string& explicit_path,
                   diag::DiagnosticSink& sink) {
  return ReadLockAt(explicit_path.empty() ? DefaultLockPath(paths) : explicit_path,
                    !explicit_path.empty(), sink);
}

BackgroundLock::BackgroundLock(const std::string& path, bool must_exist)
    : found_(std::async(std::launch::async,
                        [this, path, must_exist] { return ReadLockAt(path, must_exist, sink_); })) {
}

FoundLock BackgroundLock::Take(diag::DiagnosticSink& sink) {
  FoundLock found = found_.get();
  sink.Merge(sink_);
  return found;
}

const Entry* Lock::Find(std::string_view code) const {
  for (const Entry& e : entries)
    if (e.code == code) return &e;
  return nullptr;
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
        Entry entry{c.id, e.code, e.value, e.name, Signature(e), State::kActive, stamp,
                    "",   "",     "",      {}};
        if (e.is_deprecated()) {
          entry.state = State::kDeprecated;
          entry.deprecated = stamp;
        }
        entry.replaced_by = e.replaced_by;
        index[{c.id, e.code}] = next.entries.size();
        next.entries.push_back(std::move(entry));
        continue;
      }
      Entry& entry = next.entries[it->second];
      if (entry.state == State::kActive && e.is_deprecated()) {
        entry.state = State::kDeprecated;
        entry.deprecated = stamp;
      }
      // The replacement, so a retired code's tombstone can point to it after the code is gone.
      if (entry.state != State::kRetired && entry.replaced_by.empty())
        entry.replaced_by = e.replaced_by;
    }
  }
  // A locked code that its catalog now reserves is retired; one merely gone stays as it was, and
  // Check reports it until it is reserved.
  for (Entry& entry : next.entries) {
    if (entry.state == State::kRetired) continue;
    const model::Catalog* c = set.FindCatalog(entry.catalog);
    if (c && !FindIn(set, *c, entry.code) &&
        std::find(c->reserved.begin(), c->reserved.end(), entry.code) != c->reserved.end()) {
      entry.state = State::kRetired;
      entry.retired = stamp;
    }
  }
  std::sort(next.entries.begin(), next.entries.end(), Before);
  return next;
}

std::string Render(const Lock& lock) {
  // One JSON document, one entry a line: a pull request's diff of it shows each code that moved.
  std::string out =
      "{\"errcat_lock\": 1, \"about\": \"Every code these catalogs ever issued, with the version "
      "or "
      "date it entered each state. Written by errcat lock, which only adds entries and advances "
      "their state; commit it beside the catalogs.\", \"codes\": [\n";
  out.reserve(out.size() + lock.entries.size() * 160);
  for (size_t i = 0; i < lock.entries.size(); ++i) {
    const Entry& e = lock.entries[i];
    util::JsonWriter j;  // streamed, not a tree per entry
    j.BeginObject();
    j.Key("catalog").String(e.catalog).Key("code").String(e.code).Key("value").Int(e.value);
    j.Key("name").String(e.name).Key("params").Strings(e.params).Key("state").String(Name(e.state));
    j.Key("active").String(e.active);
    if (!e.deprecated.empty()) j.Key("deprecated").String(e.deprecated);
    if (!e.retired.empty()) j.Key("retired").String(e.retired);
    if (!e.replaced_by.empty()) j.Key("replaced_by").String(e.replaced_by);
    j.EndObject();
    out += j.Take();
    out += i + 1 < lock.entries.size() ? ",\n" : "\n";
  }
  return out + "]}\n";
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
  // Each catalog's errors by value and by name, built when first needed.
  struct CatalogIndex {
    std::unordered_map<std::int32_t, const model::Error*> by_value;
    std::unordered_map<std::string_view, const model::Error*> by_name;
  };
  std::unordered_map<const model::Catalog*, CatalogIndex> indexes;
  const auto IndexOf = [&](const model::Catalog& c) -> const CatalogIndex& {
    auto [it, inserted] = indexes.try_emplace(&c);
    if (inserted) {
      for (const model::Error& e : c.errors) {
        it->second.by_value.emplace(e.value, &e);
        it->second.by_name.emplace(e.name, &e);
      }
    }
    return it->second;
  };
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
    const model::Error* same = FindIn(set, *c, entry.code);
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
    const CatalogIndex& index = IndexOf(*c);
    if (auto it = index.by_value.find(entry.value);
        it != index.by_value.end() && it->second->code != entry.code) {
      const model::Error& e = *it->second;
      sink.Error(at(*c, e.PosOf("value")),
                 "value " + std::to_string(e.value) + " of " + Quoted(e.code) +
                     " belongs to locked code " + Quoted(entry.code),
                 "lock-reused");
      locked_here(entry);
    }
    if (auto it = index.by_name.find(entry.name);
        it != index.by_name.end() && it->second->code != entry.code) {
      const model::Error& e = *it->second;
      sink.Error(at(*c, e.PosOf("name")),
                 "name " + e.name + " of " + Quoted(e.code) + " belongs to locked code " +
                     Quoted(entry.code),
                 "lock-reused");
      locked_here(entry);
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

UpdateResult UpdateLockFile(const model::CatalogSet& set, FoundLock found, const std::string& stamp,
                            diag::DiagnosticSink& sink) {
  UpdateResult result;
  const std::string& path = found.path;
  Lock old;
  old.path = path;
  // The file as it is: read once, parsed, and compared with the update.
  const bool exists = found.exists;
  const std::string& current = found.text;
  if (exists) {
    if (!found.lock) return result;  // reported when it was read
    old = std::move(*found.lock);
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
  result.changed = !exists || current != text;
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
