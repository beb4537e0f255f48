#include "match/match.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <stdio.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <tuple>

#include "util/parallel.h"

namespace errcat::match {
namespace {

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether a character can be part of a printed number or bool.
bool NumberChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
}

// A message as literal pieces around its placeholders: lit[0] P0 lit[1] ... P(k-1) lit[k];
// adjacent placeholders have an empty piece between them.
struct Pattern {
  std::vector<std::string> lit;
  std::vector<int> arg;  // the parameter each placeholder shows
  size_t literal_bytes = 0;
  size_t anchor = 0;  // the longest piece: a text without it cannot match
};

Pattern PatternOf(const model::Error& e) {
  Pattern p;
  p.lit.emplace_back();
  for (const model::MessageSegment& s : e.segments) {
    if (s.arg < 0) {
      p.lit.back() += s.literal;
    } else {
      p.arg.push_back(s.arg);
      p.lit.emplace_back();
    }
  }
  for (size_t i = 0; i < p.lit.size(); ++i) {
    p.literal_bytes += p.lit[i].size();
    if (p.lit[i].size() > p.lit[p.anchor].size()) p.anchor = i;
  }
  return p;
}

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
      if (std::isspace(static_cast<unsigned char>(text_[s]))) continue;
      if (s > 0 && std::isalnum(static_cast<unsigned char>(text_[s - 1])) &&
          std::isalnum(static_cast<unsigned char>(text_[s])))
        continue;
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

struct Matcher::Entry {
  const model::Catalog* catalog;
  const model::Error* error;
  Pattern pattern;
};

Matcher::Matcher(const model::CatalogSet& set) {
  RE2::Options options;
  options.set_max_mem(int64_t{1} << 30);  // one DFA over every anchor: 10k messages fit easily
  options.set_log_errors(false);
  anchors_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const model::Catalog& c : set.catalogs()) {
    for (const model::Error& e : c.errors) {
      Pattern p = PatternOf(e);
      if (p.literal_bytes == 0 && p.arg.size() <= 1 &&
          (p.arg.empty() ||
           e.params[static_cast<size_t>(p.arg[0])].type == model::ParamType::kString))
        continue;  // "{0}" alone matches every text and says nothing
      const std::string& anchor = p.lit[p.anchor];
      const size_t index = entries_.size();
      entries_.push_back(std::make_unique<Entry>(Entry{&c, &e, std::move(p)}));
      // An anchor too short to filter by, and one the set would not take, is tried every time.
      if (anchor.size() < 3 || anchors_->Add(RE2::QuoteMeta(anchor), nullptr) < 0) {
        always_.push_back(index);
        continue;
      }
      by_anchor_.push_back(index);
    }
  }
  if (!anchors_->Compile()) {  // out of memory: every entry is tried
    always_.clear();
    for (size_t i = 0; i < entries_.size(); ++i) always_.push_back(i);
    by_anchor_.clear();
    anchors_.reset();
  }
}

Matcher::~Matcher() = default;

std::vector<Match> Matcher::Find(std::string_view text, size_t limit) const {
  // The candidates: the errors whose longest literal piece is in the text, found by one pass
  // of RE2's DFA over every anchor at once, and the few whose anchor is too short to tell.
  std::vector<size_t> candidates;
  for (size_t index : always_)
    if (const Pattern& p = entries_[index]->pattern;
        text.find(p.lit[p.anchor]) != std::string_view::npos)
      candidates.push_back(index);
  if (anchors_) {
    std::vector<int> hits;
    anchors_->Match(re2::StringPiece(text.data(), text.size()), &hits);
    for (int h : hits) candidates.push_back(by_anchor_[static_cast<size_t>(h)]);
  }
  std::sort(candidates.begin(), candidates.end());  // catalog order
  struct Ranked {
    Match match;
    size_t arg_bytes, order;
  };
  std::vector<Ranked> ranked;
  for (size_t index : candidates) {
    const Entry& entry = *entries_[index];
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
  // Lines are independent: each chunk is matched on every core, then written in order.
  constexpr size_t kChunk = 16384;
  std::vector<std::string> lines, out;
  char* buffer = nullptr;
  size_t capacity = 0;
  for (bool done = false; !done;) {
    lines.clear();
    while (lines.size() < kChunk) {
      const ssize_t n = ::getline(&buffer, &capacity, in);
      if (n < 0) {
        done = true;
        break;
      }
      std::string line(buffer, static_cast<size_t>(n));
      if (!line.empty() && line.back() == '\n') line.pop_back();
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
    }
    out.assign(lines.size(), std::string());
    const size_t first = summary.lines;
    util::ParallelFor(lines.size(), [&](size_t i, unsigned) {
      const std::vector<Match> best = matcher.Find(lines[i], 1);
      if (best.empty()) return;
      out[i] = json ? FormatJson(lines[i], best, false)
                    : name + ":" + std::to_string(first + i + 1) + ": " + FormatText(best);
    });
    summary.lines += lines.size();
    for (const std::string& text : out) {
      if (text.empty()) continue;
      ++summary.matched;
      write(text);
    }
  }
  std::free(buffer);
  return summary;
}

}  // namespace errcat::match
