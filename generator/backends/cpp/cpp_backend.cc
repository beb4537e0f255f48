// C++ back end: <catalog>_errors.hpp/.cpp per catalog and the shared errcat_runtime.hpp.
// Builds a logic-free view model: names cased, every string escaped as a C++ literal (pure
// ASCII, so no bidirectional control can reach the source), numbers pre-formatted.
#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "backends/backend.h"
#include "backends/cpp/hash_table.h"
#include "match/message_index.h"
#include "plurals/plural_rules.h"
#include "util/parallel.h"
#include "util/text.h"

namespace errcat::backends {
namespace {

std::string Lit(std::string_view text) { return util::CppStringBody(text); }

// The runtime's enumerators are the format's names in PascalCase: int -> kInt, fatal -> kFatal.
std::string Enumerator(std::string_view format_name) { return "k" + util::PascalCase(format_name); }
std::string TypeEnumerator(model::ParamType type) { return Enumerator(model::Name(type)); }
std::string SeverityEnumerator(model::Severity severity) {
  return Enumerator(model::Name(severity));
}

// Items grouped into lines of `per_line`, joined by `separator`: {{#lines}}{{line}}{{/lines}}.
List Lines(size_t count, size_t per_line, const char* separator,
           const std::function<std::string(size_t)>& item) {
  List lines;
  std::string line;
  for (size_t i = 0; i < count; ++i) {
    line += item(i);
    if (i % per_line == per_line - 1 || i + 1 == count) {
      lines.push_back(View{{"line", std::move(line)}});
      line.clear();
    } else {
      line += separator;
    }
  }
  return lines;
}

// A C++ double literal for the N of an `=N` case (written as decimal digits).
std::string DoubleLiteral(std::string_view number) {
  std::string out(number);
  if (out.find('.') == std::string::npos) out += ".0";
  return out;
}

// kZero ... kOther: the runtime's PluralCategory enumerators are CLDR's names in PascalCase.
std::string CategoryEnumerator(std::string_view category) {
  return "::errcat_runtime::PluralCategory::" + Enumerator(category);
}

// The constant arrays of one message, appended to `arrays` in the order C++ needs them
// declared: each plural case's segments, each plural's cases, then the message's own segments,
// named `name`. Returns the number of the message's own segments.
size_t AddMessageArrays(const std::string& name, const std::vector<model::MessageSegment>& segments,
                        List& arrays) {
  const auto segment_line = [](const model::MessageSegment& s, const std::string& cases) {
    if (s.arg < 0)
      return "{\"" + Lit(s.literal) + "\", " + std::to_string(s.literal.size()) + ", -1, nullptr},";
    if (!s.is_plural()) return "{nullptr, 0, " + std::to_string(s.arg) + ", nullptr},";
    return "{nullptr, " + std::to_string(s.plural.size()) + ", " + std::to_string(s.arg) + ", " +
           cases + "},";
  };
  const auto add_array = [&](const char* type, std::string array, List lines) {
    arrays.push_back(View{{"type", type}, {"name", std::move(array)}, {"lines", std::move(lines)}});
  };
  List lines;
  size_t plurals = 0;
  for (const model::MessageSegment& s : segments) {
    std::string cases_name;
    if (s.is_plural()) {
      cases_name = name + "_p" + std::to_string(plurals++);
      List case_lines;
      for (size_t k = 0; k < s.plural.size(); ++k) {
        const model::PluralCase& pc = s.plural[k];
        const std::string case_name = cases_name + "_c" + std::to_string(k);
        const size_t count = AddMessageArrays(case_name, pc.segments, arrays);
        const bool exact = pc.selector[0] == '=';
        case_lines.push_back(
            View{{"line", std::string("{") + (exact ? "true, " : "false, ") +
                              CategoryEnumerator(exact ? "other" : pc.selector) + ", " +
                              (exact ? DoubleLiteral(pc.selector.substr(1)) : "0.0") + ", {" +
                              case_name + ", " + std::to_string(count) + "}},"}});
      }
      add_array("PluralCase", cases_name, std::move(case_lines));
    }
    lines.push_back(View{{"line", segment_line(s, cases_name)}});
  }
  lines.push_back(View{{"line", "{nullptr, 0, -1, nullptr},"}});  // keeps the array non-empty
  add_array("Segment", name, std::move(lines));
  return segments.size();
}

// One error in one language: `te` its translation (nullptr: the catalog's own texts), `language`
// the language's index (0: the catalog's own).
View ErrorView(const model::Catalog& c, const model::Error& e, const model::TranslatedError* te,
               size_t language, List& message_arrays) {
  const std::string& summary = te != nullptr && !te->summary.empty() ? te->summary : e.summary;
  const bool own_message = te == nullptr || te->message.empty();
  View v = View::Object(48);
  v.add("name", e.name);
  v.add("value", std::to_string(e.value));
  v.add("code_comment", util::CppCommentText(e.code));
  v.add("summary_comment", util::CppCommentText(summary));
  v.add("catalog_literal", Lit(c.id));
  v.add("code_literal", Lit(e.code));
  v.add("summary_literal", Lit(summary));
  v.add("message_literal", Lit(own_message ? e.message : te->message));
  v.add("http_status", std::to_string(e.http_status));
  v.add("severity_enumerator", SeverityEnumerator(e.severity));
  v.add("retriable", e.retriable.value_or(false) ? "true" : "false");
  v.add("deprecated_literal", Lit(e.deprecated));
  v.add("deprecated", e.is_deprecated());
  v.add("docs_url_literal", c.docs_base_url.empty() ? "" : Lit(c.docs_base_url + e.code));
  v.add("has_params", !e.params.empty());
  v.add("params_list", e.params.empty() ? std::string("{nullptr, 0}")
                                        : "{kParams_" + e.name + ", " + std::to_string(e.params.size()) + "}");

  List params;
  for (const model::Param& p : e.params)
    params.push_back(View{{"name", Lit(p.name)}, {"type_enumerator", TypeEnumerator(p.type)}});
  v.add("params", params);
  // The message's segments: a translation's own, or the catalog's (declared with language 0).
  const std::string array =
      "kSegments" + (own_message ? "" : std::to_string(language)) + "_" + e.name;
  const size_t count = own_message ? e.segments.size() : te->segments.size();
  if (language == 0 || !own_message)
    AddMessageArrays(array, own_message ? e.segments : te->segments, message_arrays);
  v.add("segments_array", array);
  v.add("segment_count", std::to_string(count));
  return v;
}

// The catalog's languages: its own (index 0) and each translation's (1...), each with its
// messages and infos (a text the translation leaves out is the catalog's) and its CLDR plural
// rules as C++ conditions.
void AddLanguages(const model::Catalog& c, const List& errors, View& v, List& message_arrays) {
  List languages, plural_functions;
  languages.push_back(View{{"index", "0"},
                           {"suffix", ""},
                           {"locale_comment", util::CppCommentText(c.locale)},
                           {"errors", errors}});
  std::vector<std::string> tags{c.locale};
  const auto plural_function = [&](size_t index, const std::string& locale) {
    List rules;
    if (const std::optional<plurals::LocaleRules> r = plurals::RulesFor(locale))
      for (const plurals::Rule& rule : r->rules)
        if (rule.category != "other")
          rules.push_back(View{{"condition", plurals::ConditionToCpp(rule.condition)},
                               {"category", CategoryEnumerator(rule.category)}});
    plural_functions.push_back(View{{"index", std::to_string(index)},
                                    {"locale_comment", util::CppCommentText(locale)},
                                    {"rules", std::move(rules)}});
  };
  plural_function(0, c.locale);
  for (size_t k = 0; k < c.translations.size(); ++k) {
    const model::Translation& t = c.translations[k];
    List translated;
    for (const model::Error& e : c.errors)
      translated.push_back(ErrorView(c, e, t.Find(e.code), k + 1, message_arrays));
    languages.push_back(View{{"index", std::to_string(k + 1)},
                             {"suffix", std::to_string(k + 1)},
                             {"translated", true},
                             {"locale_comment", util::CppCommentText(t.locale)},
                             {"errors", std::move(translated)}});
    plural_function(k + 1, t.locale);
    tags.push_back(t.locale);
  }
  v.add("languages", std::move(languages));
  v.add("plural_functions", std::move(plural_functions));
  v.add("language_count", std::to_string(tags.size()));
  v.add("locale_lines",
        Lines(tags.size(), 8, " ", [&](size_t i) { return "\"" + Lit(tags[i]) + "\"sv,"; }));
  v.add("language_lines", Lines(tags.size(), 1, " ", [&](size_t i) {
          const std::string k = i == 0 ? "" : std::to_string(i);
          return "{kMessages" + k + ", kInfos" + k + ", Plural" + std::to_string(i) + "},";
        }));
  v.add("source_locale_comment", util::CppCommentText(c.locale));
}

// The prefix shared by every code when each is that prefix and 1 to 8 digits that spell its
// value (TOK005 -> 5, 947 -> 947): the digits alone then find the error, and one compare
// confirms the code. Nothing otherwise.
std::optional<std::string> PrefixBeforeValueDigits(const model::Catalog& c) {
  if (c.errors.empty()) return std::nullopt;
  const std::string& first = c.errors.front().code;
  std::string prefix = first.substr(0, first.find_last_not_of("0123456789") + 1);
  for (const model::Error& e : c.errors) {
    const std::string_view code = e.code;
    if (!code.starts_with(prefix)) return std::nullopt;
    const std::string_view digits = code.substr(prefix.size());
    if (digits.empty() || digits.size() > 8 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos || e.value < 0)
      return std::nullopt;
    std::int64_t number = 0;
    for (char d : digits) number = number * 10 + (d - '0');
    if (number != e.value) return std::nullopt;
  }
  return prefix;
}

// Value -> error, and code -> error: the tables of the generated .cpp.
void AddLookupTables(const model::Catalog& c, View& v) {
  v.add("slot_type", c.errors.size() < 0xFFFF ? "std::uint16_t" : "std::uint32_t");
  // Value -> error: most catalogs number their errors 1..N or close to it. When a table indexed
  // by value is no larger than the hash table, info(e) is one load from it and touches no
  // ErrorInfo; otherwise a hash table.
  const auto& errs = c.errors;
  std::int64_t min_value = 0, max_value = -1;
  if (!errs.empty()) {
    const auto [low, high] = std::minmax_element(
        errs.begin(), errs.end(),
        [](const model::Error& a, const model::Error& b) { return a.value < b.value; });
    min_value = low->value;
    max_value = high->value;
  }
  const std::int64_t value_range = max_value - min_value + 1;
  const bool value_direct =
      !errs.empty() && value_range <= static_cast<std::int64_t>(cpp::HashTableSize(errs.size()));
  // Index + 1 of the error of each value from min_value on (0: a hole), when dense enough; the
  // value table and the digit path's code table are both laid out by it.
  std::vector<std::uint32_t> index_by_value;
  if (value_direct) {
    index_by_value.assign(static_cast<size_t>(value_range), 0);
    for (size_t i = 0; i < errs.size(); ++i)
      index_by_value[static_cast<size_t>(errs[i].value - min_value)] =
          static_cast<std::uint32_t>(i + 1);
    v.add("value_direct", true);
    v.add("value_min", std::to_string(min_value));
    v.add("value_max", std::to_string(max_value));
    v.add("value_slot_lines", Lines(index_by_value.size(), 16, " ", [&](size_t i) {
            return std::to_string(index_by_value[i]) + ",";
          }));
  } else {
    const cpp::HashTable values = cpp::BuildHashTable(
        errs.size(),
        [&](size_t i, std::uint32_t seed) { return cpp::HashValue(errs[i].value, seed); });
    v.add("value_direct", false);
    v.add("value_seed", std::to_string(values.seed) + "u");
    v.add("value_mask", std::to_string(values.mask) + "u");
    v.add("value_max_probe", std::to_string(values.max_probe));
    v.add("value_slot_lines", Lines(values.slots.size(), 16, " ", [&](size_t i) {
            return std::to_string(values.slots[i]) + ",";
          }));
  }
  // Slots {value, length, code} (2 to a line): codes of up to 10 bytes inline (and a NUL), longer
  // ones in a pool of their own (8 to a line), their slot holding the offset there as 4
  // little-endian bytes. Codes are [A-Za-z0-9._-]: nothing to escape.
  constexpr size_t kInlineCode = 10;
  std::vector<std::uint32_t> offsets(errs.size(), 0);
  std::vector<size_t> long_codes;
  std::uint32_t pool_size = 0;
  for (size_t i = 0; i < errs.size(); ++i) {
    if (errs[i].code.size() <= kInlineCode) continue;
    offsets[i] = pool_size;
    pool_size += static_cast<std::uint32_t>(errs[i].code.size());
    long_codes.push_back(i);
  }
  v.add("long_code_lines", Lines((long_codes.size() + 7) / 8, 1, "", [&](size_t line) {
          std::string codes;
          for (size_t i = line * 8; i < std::min(long_codes.size(), line * 8 + 8); ++i)
            codes += errs[long_codes[i]].code;
          return Lit(codes);
        }));
  // index + 1 of an error, or 0 for an empty slot.
  const auto slot_literal = [&](std::uint32_t index) -> std::string {
    if (index == 0) return "{0, 0u, \"\"},";
    const model::Error& e = errs[index - 1];
    std::string code;
    if (e.code.size() <= kInlineCode) {
      code = Lit(e.code);
    } else {
      // Octal escapes: unlike \x, they never run on into a next character.
      for (int byte = 0; byte < 4; ++byte) {
        const unsigned b = (offsets[index - 1] >> (8 * byte)) & 0xFFu;
        code += '\\';
        code += static_cast<char>('0' + (b >> 6));
        code += static_cast<char>('0' + ((b >> 3) & 7));
        code += static_cast<char>('0' + (b & 7));
      }
    }
    return "{" + std::to_string(e.value) + ", " + std::to_string(e.code.size()) + "u, \"" + code +
           "\"},";
  };
  const std::optional<std::string> prefix =
      value_direct ? PrefixBeforeValueDigits(c) : std::nullopt;
  if (prefix) {
    // Every code is one prefix and up to 8 digits that spell its value: a lookup reads the
    // digits and indexes a table of slots by value, with one compare and no hash.
    v.add("code_digits", true);
    v.add("code_prefix_length", std::to_string(prefix->size()));
    v.add("code_prefix_comment", util::CppCommentText(*prefix));
    const bool fixed = std::all_of(errs.begin(), errs.end(), [&](const model::Error& e) {
      return e.code.size() == errs.front().code.size();
    });
    v.add("code_fixed_length", std::to_string(fixed ? errs.front().code.size() : 0));
    v.add("code_slot_lines", Lines(index_by_value.size(), 2, " ",
                                   [&](size_t i) { return slot_literal(index_by_value[i]); }));
    return;
  }
  const cpp::HashTable codes = cpp::BuildHashTable(
      errs.size(), [&](size_t i, std::uint32_t seed) { return cpp::HashCode(errs[i].code, seed); });
  v.add("code_digits", false);
  v.add("code_seed", std::to_string(codes.seed) + "u");
  v.add("code_mask", std::to_string(codes.mask) + "u");
  v.add("code_max_probe", std::to_string(codes.max_probe));
  v.add("code_slot_lines",
        Lines(codes.slots.size(), 2, " ", [&](size_t i) { return slot_literal(codes.slots[i]); }));
  // Each code's hash under the table's seed gives its tag.
  std::vector<std::uint32_t> code_hashes(errs.size());
  for (size_t i = 0; i < errs.size(); ++i) code_hashes[i] = cpp::HashCode(errs[i].code, codes.seed);
  // One tag per slot, then the first 8 again (modulo the size, for tables under 8 slots), so a
  // group of 8 starting at any slot is one load.
  v.add("code_tag_lines", Lines(codes.slots.size() + 8, 16, "", [&](size_t i) {
          const std::uint32_t index = codes.slots[i % codes.slots.size()];
          return std::to_string(index == 0 ? 0 : cpp::CodeTag(code_hashes[index - 1])) + ",";
        }));
}

// The tables of match_message: the message index of the catalog (built by the match room,
// match/message_index.h, and walked by errcat_runtime::detail::match_runtime), and the buffer
// sizes it needs.
void AddMatchTables(const model::Catalog& c, View& v, List& message_arrays) {
  const match::MessageIndex index = match::BuildMessageIndex({&c}, match::kDenseEdgesForGenerated);
  const match::WindowTable& w = index.windows;
  const match::Automaton& a = index.automaton;
  const auto numbers = [](const std::vector<std::uint32_t>& list) {
    return Lines(list.size() + 1, 16, " ", [&](size_t i) {
      return (i < list.size() ? std::to_string(list[i]) : std::string("0")) + ",";  // 0: a sentinel
    });
  };
  const auto words = [](const std::vector<std::uint64_t>& list) {
    return Lines(list.size() + 1, 4, " ", [&](size_t i) {
      const std::uint64_t word = i < list.size() ? list[i] : 0;
      std::string hex = "0x0000000000000000u,";
      for (int d = 0; d < 16; ++d) hex[17 - d] = "0123456789abcdef"[(word >> (4 * d)) & 0xF];
      return hex;
    });
  };
  // An entry as the runtime numbers it: its error's index in the catalog (kInfos), or for a
  // plural form the error count + its index in kMatchForms.
  std::vector<std::uint32_t> runtime_entry(index.entries.size());
  List forms;
  for (std::uint32_t k = 0; k < index.entries.size(); ++k) {
    const match::MessageIndex::Entry& entry = index.entries[k];
    const auto error = static_cast<std::uint32_t>(entry.error - c.errors.data());
    if (!entry.plural_form) {
      runtime_entry[k] = error;
      continue;
    }
    const std::string form = std::to_string(forms.size());
    runtime_entry[k] = static_cast<std::uint32_t>(c.errors.size() + forms.size());
    std::vector<model::MessageSegment> segments;
    const match::Pattern& p = entry.pattern;
    for (size_t piece = 0; piece < p.lit.size(); ++piece) {
      if (!p.lit[piece].empty()) segments.push_back({p.lit[piece], -1, {}, {}});
      if (piece < p.arg.size()) segments.push_back({"", p.arg[piece], {}, {}});
    }
    AddMessageArrays("kFormSegments" + form, segments, message_arrays);
    std::string fixed;
    for (const auto& [arg, number] : p.fixed)
      fixed += "{" + std::to_string(arg) + ", \"" + Lit(number) + "\"sv}, ";
    forms.push_back(View{{"index", form},
                         {"error", std::to_string(error)},
                         {"segment_count", std::to_string(segments.size())},
                         {"fixed", fixed},
                         {"fixed_count", std::to_string(p.fixed.size())}});
  }
  v.add("match_forms", forms);
  v.add("match_form_count", std::to_string(forms.size()));
  const auto error_index = [&](std::uint32_t entry) { return runtime_entry[entry]; };
  std::vector<std::uint32_t> window_errors, short_errors, always;
  for (std::uint32_t entry : w.values) window_errors.push_back(error_index(entry));
  for (std::uint32_t key : a.outputs) short_errors.push_back(error_index(index.short_keys[key]));
  for (std::uint32_t entry : index.always) always.push_back(error_index(entry));
  v.add("match_window_keys", std::to_string(w.key_count()));
  v.add("match_filter_shift", std::to_string(w.filter_shift));
  v.add("match_slot_mask", std::to_string(w.slot_mask));
  v.add("match_filter_lines", words(w.filter));
  v.add("match_slot_lines", numbers(w.slots));
  v.add("match_key_word_lines", words(w.key_words));
  v.add("match_first_window_error_lines", numbers(w.first_value));
  v.add("match_window_error_lines", numbers(window_errors));
  v.add("match_short_keys", std::to_string(index.short_keys.size()));
  v.add("match_states", std::to_string(a.state_count));
  v.add("match_dense_count", std::to_string(a.dense_count()));
  v.add("match_dense_words", std::to_string(a.dense_words));
  // No short keys: the runtime never walks the automaton, so its root row is left out.
  v.add("match_table_lines",
        numbers(index.short_keys.empty() ? std::vector<std::uint32_t>{} : a.table));
  v.add("match_first_output_lines", numbers(a.first_output));
  v.add("match_output_lines", numbers(short_errors));
  v.add("match_always_lines", numbers(always));
  v.add("match_always_count", std::to_string(always.size()));
  size_t placeholders = 0, params = 0;
  for (const model::Error& e : c.errors) params = std::max(params, e.params.size());
  for (const match::MessageIndex::Entry& entry : index.entries)
    placeholders = std::max(placeholders, entry.pattern.arg.size());
  v.add("max_placeholders", std::to_string(placeholders));
  v.add("max_params", std::to_string(params));
}

View CatalogView(const model::Catalog& c) {
  View v = View::Object(48);
  const std::string enum_snake = util::SnakeCase(c.cpp_enum);
  v.add("source_path", util::CppCommentText(c.display_path));
  v.add("header_name", c.id + "_errors.hpp");
  // Namespace and id in the guard keep two catalogs apart; "::" becomes one '_' because
  // identifiers with "__" are reserved.
  std::string guard = "ERRCAT_GENERATED_";
  for (char ch : c.cpp_namespace + ":" + c.id) {
    if (ch == ':') {
      if (guard.back() != '_') guard += '_';
    } else {
      guard += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
  }
  v.add("include_guard", guard + "_ERRORS_HPP_");
  v.add("namespace", c.cpp_namespace);
  v.add("qualified_enum", "::" + c.cpp_namespace + "::" + c.cpp_enum);
  v.add("enum", c.cpp_enum);
  v.add("enum_snake", enum_snake);
  v.add("problem_type_base_literal", Lit(c.problem_type_base));
  v.add("title_comment", util::CppCommentText(c.title));
  v.add("catalog_literal", Lit(c.id));
  v.add("count", std::to_string(c.errors.size()));
  v.add("example_code_literal",
        util::CppCommentText(c.errors.empty() ? "" : c.errors.front().code));

  List errors, message_arrays;
  for (const model::Error& e : c.errors)
    errors.push_back(ErrorView(c, e, nullptr, 0, message_arrays));
  v.add("errors", errors);
  AddLanguages(c, errors, v, message_arrays);
  AddLookupTables(c, v);
  AddMatchTables(c, v, message_arrays);
  v.add("message_arrays", std::move(message_arrays));

  // The compile-time check tables of format<E>: distinct parameter names (sorted), each error's
  // {value, first, count} sorted by value, and {type, name} per parameter in catalog order.
  const auto& errs = c.errors;
  std::map<std::string, size_t> names;
  for (const model::Error& e : errs)
    for (const model::Param& p : e.params) names.emplace(p.name, 0);
  List param_names;
  for (auto& [name, index] : names) {
    index = param_names.size();
    param_names.push_back(View{{"name", name}, {"index", std::to_string(index)}});
  }
  v.add("param_names", std::move(param_names));
  std::vector<std::string> param_entries;
  std::vector<std::pair<std::int32_t, std::string>> signatures;
  for (const model::Error& e : errs) {
    signatures.emplace_back(e.value, "{" + std::to_string(e.value) + ", " + std::to_string(param_entries.size()) +
                                         "u, " + std::to_string(e.params.size()) + "u},");
    for (const model::Param& p : e.params)
      param_entries.push_back("{ParamType::" + TypeEnumerator(p.type) + ", " + std::to_string(names[p.name]) + "u},");
  }
  std::sort(signatures.begin(), signatures.end());
  v.add("signature_lines", Lines(signatures.size(), 4, " ", [&](size_t i) { return signatures[i].second; }));
  v.add("param_lines",
        Lines(param_entries.size(), 4, " ", [&](size_t i) { return param_entries[i]; }));
  return v;
}

class CppBackend final : public Backend {
 public:
  std::string_view name() const override { return "cpp"; }
  std::vector<std::string> owned_extensions() const override { return {".hpp", ".cpp"}; }

  bool Generate(const model::CatalogSet& set, TemplateSet& templates, OutputContext& out,
                diag::DiagnosticSink& sink) const override {
    auto runtime = templates.Render("cpp/runtime.mustache", View::Object(), sink);
    if (!runtime || !out.Write("errcat_runtime.hpp", std::move(*runtime), sink)) return false;
    // Catalogs are independent: rendered on every core, written as each is done.
    std::vector<diag::DiagnosticSink> sinks(util::WorkerCount());
    std::atomic<bool> failed{false};
    util::ParallelFor(set.catalogs().size(), [&](size_t i, unsigned w) {
      if (failed) return;
      const model::Catalog& c = set.catalogs()[i];
      const View view = CatalogView(c);
      auto header = templates.Render("cpp/header.mustache", view, sinks[w]);
      auto source = templates.Render("cpp/source.mustache", view, sinks[w]);
      if (!header || !source || !out.Write(c.id + "_errors.hpp", std::move(*header), sinks[w]) ||
          !out.Write(c.id + "_errors.cpp", std::move(*source), sinks[w]))
        failed = true;
    });
    for (const diag::DiagnosticSink& s : sinks) sink.Merge(s);
    if (failed) return false;
    return true;
  }
};

}  // namespace

std::unique_ptr<Backend> MakeCppBackend() { return std::make_unique<CppBackend>(); }

}  // namespace errcat::backends
