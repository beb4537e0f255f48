#include "match/match.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <tuple>

#include "util/parallel.h"

namespace errcat::match {
namespace {

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ASCII only, whatever the locale (as the generated match_message does).
bool AsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool AsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Whether a character can be part of a printed number or bool.
bool NumberChar(char c) { return AsciiAlnum(c) || c == '-' || c == '+' || c == '.'; }

// Every way the pattern fits the text, up to a bound: the split search is exponential in the
// worst case (string placeholders next to each other), and a log line is not worth that.
class Splitter {
 public:
  Splitter(const model::Error& e, const Pattern& p, std::string_view text)
      : e_(e), p_(p), text_(text) {}

  void Run() {
    const std::string& first = p_.lit[0];
    if (!first.empty()) {
      for (size_t s = text_.find(first); s != std::string_view::npos && Budget();
           s = text_.find(first, s + 1)) {
        begin_ = s;
        Solve(0, s + first.size());
      }
      return;
    }
    if (p_.arg.empty()) return;  // an empty message matches nothing
    // A message that starts with a placeholder: its value starts at a word's start, not on a
    // space, and is not empty (else every text would fit it from before its own words).
    for (size_t s = 0; s < text_.size() && Budget(); ++s) {
      if (AsciiSpace(text_[s])) continue;
      if (s > 0 && AsciiAlnum(text_[s - 1]) && AsciiAlnum(text_[s])) continue;
      begin_ = s;
      Solve(0, s);
    }
  }

  struct Split {
    size_t begin, end, arg_bytes;
    std::vector<std::string_view> values;
  };
  std::vector<Split> splits;

 private:
  bool Budget() { return ++steps_ < 4096 && splits.size() < 64; }
  model::ParamType TypeOf(size_t i) const { return e_.params[static_cast<size_t>(p_.arg[i])].type; }
  bool Numeric(size_t i) const { return TypeOf(i) != model::ParamType::kString; }

  // Right after piece i, at `pos`.
  void Solve(size_t i, size_t pos) {
    if (!Budget()) return;
    if (i == p_.arg.size()) {
      // A parameter shown twice took the same text both times.
      for (size_t a = 0; a < values_.size(); ++a)
        for (size_t b = a + 1; b < values_.size(); ++b)
          if (p_.arg[a] == p_.arg[b] && values_[a] != values_[b]) return;
      size_t bytes = 0;
      for (std::string_view v : values_) bytes += v.size();
      splits.push_back({begin_, pos, bytes, values_});
      return;
    }
    const std::string& next = p_.lit[i + 1];
    const model::ParamType type = TypeOf(i);
    const auto take = [&](size_t q, size_t after) {
      if (i == 0 && p_.lit[0].empty() && q == pos) return;  // see Run()
      values_.push_back(text_.substr(pos, q - pos));
      Solve(i + 1, after);
      values_.pop_back();
    };
    if (!next.empty()) {
      for (size_t q = text_.find(next, pos); q != std::string_view::npos && Budget();
           q = text_.find(next, q + 1)) {
        const std::string_view v = text_.substr(pos, q - pos);
        if (Fits(type, v)) take(q, q + next.size());
        // A longer value of a typed parameter only takes in more text that cannot be one.
        else if (Numeric(i) &&
                 std::any_of(v.begin(), v.end(), [](char c) { return !NumberChar(c); }))
          break;
      }
      return;
    }
    if (i + 1 == p_.arg.size()) {
      // The message ends with this placeholder: a typed value as long as it fits, a string to
      // the end of the text.
      if (!Numeric(i)) return take(text_.size(), text_.size());
      size_t best = std::string_view::npos;
      for (size_t q = pos + 1; q <= text_.size() && q - pos <= 64; ++q)
        if (Fits(type, text_.substr(pos, q - pos))) best = q;
      if (best != std::string_view::npos) take(best, best);
      return;
    }
    // Placeholders next to each other: every split point where the value fits.
    for (size_t q = pos; q <= text_.size() && Budget(); ++q)
      if (Fits(type, text_.substr(pos, q - pos))) take(q, q);
  }

  const model::Error& e_;
  const Pattern& p_;
  std::string_view text_;
  size_t begin_ = 0, steps_ = 0;
  std::vector<std::string_view> values_;
};

}  // namespace

bool Fits(model::ParamType type, std::string_view s) {
  switch (type) {
    case model::ParamType::kString:
      return true;
    case model::ParamType::kBool:
      return s == "true" || s == "false";
    case model::ParamType::kUint:
      return Digits(s);
    case model::ParamType::kInt:
      return Digits(s.substr(!s.empty() && s.front() == '-' ? 1 : 0));
    case model::ParamType::kDouble: {
      // What fmt's "{}" prints: [-]digits[.digits][e[+-]digits], inf, nan.
      if (!s.empty() && s.front() == '-') s.remove_prefix(1);
      if (s == "inf" || s == "nan") return true;
      const size_t e = s.find_first_of("eE");
      std::string_view mantissa = s.substr(0, e);
      if (e != std::string_view::npos) {
        std::string_view exponent = s.substr(e + 1);
        if (!exponent.empty() && (exponent.front() == '+' || exponent.front() == '-'))
          exponent.remove_prefix(1);
        if (!Digits(exponent)) return false;
      }
      const size_t dot = mantissa.find('.');
      if (dot == std::string_view::npos) return Digits(mantissa);
      return Digits(mantissa.substr(0, dot)) &&
             (dot + 1 == mantissa.size() || Digits(mantissa.substr(dot + 1)));
    }
  }
  return false;
}

Matcher::Matcher(const model::CatalogSet& set) {
  std::vector<const model::Catalog*> catalogs;
  for (const model::Catalog& c : set.catalogs()) catalogs.push_back(&c);
  index_ = BuildMessageIndex(catalogs, kDenseEdgesForErrcat);
}

Matcher::~Matcher() = default;

std::vector<Match> Matcher::Find(std::string_view text, size_t limit) const {
  // The candidates: the errors whose key is in the text, found by one pass of the index over
  // every key at once, and the few without a key.
  std::vector<std::uint32_t> candidates = index_.always;
  index_.Candidates(text, [&](std::uint32_t entry) { candidates.push_back(entry); });
  std::sort(candidates.begin(), candidates.end());  // catalog order
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  struct Ranked {
    Match match;
    size_t arg_bytes, order;
  };
  std::vector<Ranked> ranked;
  for (size_t index : candidates) {
    const MessageIndex::Entry& entry = index_.entries[index];
    const model::Error& e = *entry.error;
    const Pattern& p = entry.pattern;
    Splitter splitter(e, p, text);
    splitter.Run();
    if (splitter.splits.empty()) continue;
    // The best split: the least text in placeholders, then the earliest.
    auto best = std::min_element(
        splitter.splits.begin(), splitter.splits.end(), [](const auto& a, const auto& b) {
          return std::tie(a.arg_bytes, a.begin) < std::tie(b.arg_bytes, b.begin);
        });
    Match m;
    m.catalog = entry.catalog;
    m.error = &e;
    m.begin = best->begin;
    m.end = best->end;
    m.literal_bytes = p.literal_bytes;
    // A message that starts with a string placeholder cannot say where the string begins.
    const bool open_start = p.lit[0].empty() && e.params[static_cast<size_t>(p.arg[0])].type ==
                                                    model::ParamType::kString;
    for (const auto& s : splitter.splits)
      if (&s != &*best && s.values != best->values &&
          (s.arg_bytes == best->arg_bytes || (open_start && s.begin != best->begin)))
        m.ambiguous = true;
    // Each parameter once, in declaration order (a placeholder may show one twice).
    for (size_t k = 0; k < e.params.size(); ++k) {
      const auto shown = std::find(p.arg.begin(), p.arg.end(), static_cast<int>(k));
      std::string value =
          shown == p.arg.end()
              ? ""
              : std::string(best->values[static_cast<size_t>(shown - p.arg.begin())]);
      for (const auto& [arg, number] : p.fixed)
        if (arg == static_cast<int>(k) && shown == p.arg.end()) value = number;
      m.args.push_back({e.params[k].name, e.params[k].type, std::move(value)});
    }
    ranked.push_back({std::move(m), best->arg_bytes, index});
  }
  // More of the template's own text first, then less text in placeholders, then catalog order.
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return std::make_tuple(b.match.literal_bytes, a.arg_bytes, a.order) <
           std::make_tuple(a.match.literal_bytes, b.arg_bytes, b.order);
  });
  std::vector<Match> sorted;
  for (Ranked& r : ranked) {
    if (sorted.size() == limit) break;
    // An error's plural forms are entries of their own: its best form stands for it.
    if (index_.entries[r.order].plural_form &&
        std::any_of(sorted.begin(), sorted.end(),
                    [&](const Match& m) { return m.error == r.match.error; }))
      continue;
    sorted.push_back(std::move(r.match));
  }
  return sorted;
}

std::vector<Match> MatchMessage(const model::CatalogSet& set, std::string_view text, size_t limit) {
  return Matcher(set).Find(text, limit);
}

namespace {

nlohmann::ordered_json ValueJson(const Argument& a) {
  try {
    switch (a.type) {
      case model::ParamType::kString:
        break;
      case model::ParamType::kBool:
        return a.value == "true";
      case model::ParamType::kUint:
        return std::stoull(a.value);
      case model::ParamType::kInt:
        return std::stoll(a.value);
      case model::ParamType::kDouble:
        if (a.value.find_first_of("in") == std::string::npos) return std::stod(a.value);
        break;  // inf, nan: not JSON numbers
    }
  } catch (const std::exception&) {  // out of range: the text as it is
  }
  return a.value;
}

std::string Quote(const std::string& value) {
  return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string FormatText(const std::vector<Match>& matches) {
  std::string out;
  for (const Match& m : matches) {
    out += m.error->code + "  " + m.error->name + "  (" + m.catalog->id + ")";
    for (size_t k = 0; k < m.args.size(); ++k) {
      const Argument& a = m.args[k];
      out += (k == 0 ? "  " : ", ") + a.name + " = " +
             (a.type == model::ParamType::kString ? Quote(a.value) : a.value);
    }
    if (m.ambiguous) out += "  [ambiguous: another split of the text fits as well]";
    out += "\n";
  }
  return out;
}

std::string FormatJson(std::string_view text, const std::vector<Match>& matches, bool pretty) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Match& m : matches) {
    nlohmann::ordered_json args = nlohmann::ordered_json::object();
    for (const Argument& a : m.args) args[a.name] = ValueJson(a);
    list.push_back({{"code", m.error->code},
                    {"catalog", m.catalog->id},
                    {"name", m.error->name},
                    {"begin", m.begin},
                    {"end", m.end},
                    {"ambiguous", m.ambiguous},
                    {"args", std::move(args)}});
  }
  const nlohmann::ordered_json j = {{"text", std::string(text)}, {"matches", std::move(list)}};
  return j.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

LogSummary MatchLog(const model::CatalogSet& set, std::FILE* in, const std::string& name, bool json,
                    const std::function<void(const std::string&)>& write) {
  const Matcher matcher(set);
  LogSummary summary;
  // The log is read in blocks; a block's lines are independent, so they are matched in slices
  // on every core, each slice writing its own text, and the slices are written in order.
  constexpr size_t kBlock = size_t{4} << 20, kSlices = 64;
  std::string block, carry;
  std::vector<std::string_view> lines;
  std::vector<std::string> out(kSlices);
  std::vector<size_t> matched(kSlices);
  for (bool done = false; !done;) {
    block.swap(carry);
    carry.clear();
    const size_t kept = block.size();
    block.resize(kept + kBlock);
    const size_t n = std::fread(block.data() + kept, 1, kBlock, in);
    block.resize(kept + n);
    done = n == 0;
    // A line cut by the block's end waits for the next block (or is the last line).
    const size_t end = done ? block.size() : block.rfind('\n') + 1;
    if (!done && end == 0) {  // one line longer than a block: read on
      carry.swap(block);
      continue;
    }
    carry.assign(block, end, std::string::npos);
    lines.clear();
    for (size_t at = 0; at < end;) {
      size_t stop = block.find('\n', at);
      if (stop == std::string::npos || stop > end) stop = end;
      std::string_view line(block.data() + at, stop - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back(line);
      at = stop + 1;
    }
    const size_t first = summary.lines;
    util::ParallelFor(kSlices, [&](size_t slice, unsigned) {
      out[slice].clear();
      matched[slice] = 0;
      for (size_t i = lines.size() * slice / kSlices; i < lines.size() * (slice + 1) / kSlices;
           ++i) {
        const std::vector<Match> best = matcher.Find(lines[i], 1);
        if (best.empty()) continue;
        ++matched[slice];
        if (json) {
          out[slice] += FormatJson(lines[i], best, false);
        } else {
          out[slice] += name + ":" + std::to_string(first + i + 1) + ": " + FormatText(best);
        }
      }
    });
    summary.lines += lines.size();
    for (size_t slice = 0; slice < kSlices; ++slice) {
      summary.matched += matched[slice];
      if (!out[slice].empty()) write(out[slice]);
    }
  }
  return summary;
}

}  // namespace errcat::match
