// Writes a deterministic synthetic catalog set for tests and benchmarks:
//   make_catalog --errors 10000 --files 4 --out DIR [--name synth] [--value-offset 0]
//                [--log LINES --log-out FILE] [--translations N]
// Files DIR/synth00.yaml ... hold catalogs synth00 ... (NAME00 ...) with realistic text: messages
// with 0-3 typed, documented placeholders, Markdown descriptions, causes and resolution steps;
// lint-clean, as a maintained catalog is. Same arguments, same bytes. --log also writes a log
// of LINES lines for `errcat match --file` and match_message: three in four are an error's
// message rendered with random arguments of its parameters' types, after a timestamp and a
// level; the fourth is a line no message fits.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view kWords[] = {
    "token",   "request", "account",  "session", "payment", "invoice", "customer", "order",
    "refresh", "expired", "invalid",  "missing", "limit",   "quota",   "device",   "profile",
    "upload",  "export",  "download", "report",  "webhook", "signature", "scope",  "tenant",
    "region",  "backup",  "archive",  "channel", "message", "setting", "policy",   "record"};
constexpr std::string_view kTypes[] = {"int", "string", "uint", "double", "bool", "string"};

// A small deterministic generator (SplitMix64), so output never depends on the platform.
struct Random {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::string_view Word() { return kWords[Next() % std::size(kWords)]; }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
};

std::string Capitalized(std::string_view w) {
  std::string s(w);
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Sentence(Random& r, int words) {
  std::string s = Capitalized(r.Word());
  for (int i = 1; i < words; ++i) s += " " + std::string(r.Word());
  return s + ".";
}

// A message as written to the catalog, kept to render it into the log.
struct Message {
  std::vector<std::string> pieces;  // literal text around the placeholders
  std::vector<std::string> types;   // of each placeholder, in order
};

std::string Value(Random& r, std::string_view type) {
  if (type == "int") return std::to_string(static_cast<long>(r.Below(20000)) - 10000);
  if (type == "uint") return std::to_string(r.Below(100000));
  if (type == "double") return std::to_string(r.Below(1000)) + "." + std::to_string(1 + r.Below(9));
  if (type == "bool") return r.Below(2) ? "true" : "false";
  return "abc" + std::to_string(r.Below(1000));
}

constexpr const char* kLocales[] = {"de", "fr", "pl"};

bool WriteLog(const std::vector<Message>& messages, long lines, const std::string& path) {
  std::ofstream log(path, std::ios::binary);
  Random r{7};
  for (long i = 0; i < lines; ++i) {
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "2026-12-02T%02ld:%02ld:%02ld.%03ldZ ", i / 3600000 % 24,
                  i / 60000 % 60, i / 1000 % 60, i % 1000);
    if (i % 4 == 0) {
      log << stamp << "INFO request served in " << r.Below(100) << " ms\n";
      continue;
    }
    const Message& m = messages[static_cast<size_t>(r.Below(static_cast<int>(messages.size())))];
    log << stamp << "ERROR [svc] " << m.pieces[0];
    for (size_t p = 0; p < m.types.size(); ++p) log << Value(r, m.types[p]) << m.pieces[p + 1];
    log << "\n";
  }
  return static_cast<bool>(log);
}

}  // namespace

int main(int argc, char** argv) {
  long errors = 1000, files = 1, value_offset = 0, log_lines = 0, translations = 0;
  // No default folder: a stray run (`make_catalog --help`) must not write catalogs into the
  // working directory, which is how benchmark catalogs got committed at the repository's root.
  std::string out, name = "synth", log_out;
  for (int i = 1; i < argc; i += 2) {
    // A flag without its value reads as an unknown one: the usage.
    const std::string_view flag = i + 1 < argc ? argv[i] : "";
    if (flag == "--errors") errors = std::atol(argv[i + 1]);
    else if (flag == "--files") files = std::atol(argv[i + 1]);
    else if (flag == "--out") out = argv[i + 1];
    else if (flag == "--name")
      name = argv[i + 1];
    // Values = the codes' digits + K: K != 0 gives codes whose digits do not spell their value.
    else if (flag == "--value-offset")
      value_offset = std::atol(argv[i + 1]);
    else if (flag == "--log")
      log_lines = std::atol(argv[i + 1]);
    else if (flag == "--translations")
      translations = std::atol(argv[i + 1]);
    else if (flag == "--log-out")
      log_out = argv[i + 1];
    else {
      std::fprintf(
          stderr,
          "usage: make_catalog --errors N --files F --out DIR [--name ID] [--value-offset K] "
          "[--log LINES --log-out FILE] [--translations 0..3]\n");
      return 2;
    }
  }
  if (out.empty() || errors < 1 || files < 1 || files > 100 || value_offset < 0 || name.empty() || log_lines < 0 ||
      translations < 0 || translations > 3 ||
      (log_lines > 0) != !log_out.empty()) {
    std::fprintf(stderr,
                 "make_catalog: need --out, --errors >= 1, 1 <= --files <= 100, "
                 "--value-offset >= 0, and --log with --log-out\n");
    return 2;
  }
  std::filesystem::create_directories(out);
  Random r{42};
  long next = 1;
  std::vector<Message> messages;
  for (long f = 0; f < files; ++f) {
    char id[64];
    std::snprintf(id, sizeof id, "%.40s%02ld", name.c_str(), f);
    std::ofstream yaml(std::filesystem::path(out) / (std::string(id) + ".yaml"), std::ios::binary);
    // --translations: each file's summaries and messages in up to three more locales (the
    // source's text marked with the locale, the same placeholders), beside it as <id>.<locale>.yaml.
    std::vector<std::ofstream> translated;
    for (long t = 0; t < translations; ++t) {
      translated.emplace_back(std::filesystem::path(out) / (std::string(id) + "." + kLocales[t] + ".yaml"),
                              std::ios::binary);
      translated.back() << "translation: " << id << "\nlocale: " << kLocales[t] << "\nerrors:\n";
    }
    const auto translate = [&](const char* code, const std::string& summary, const std::string& message) {
      for (long t = 0; t < translations; ++t)
        translated[static_cast<size_t>(t)] << "  " << code << ":\n    summary: \"[" << kLocales[t] << "] " << summary
                                           << "\"\n    message: \"[" << kLocales[t] << "] " << message << "\"\n";
    };
    const long count = errors / files + (f < errors % files ? 1 : 0);
    yaml << "catalog: " << id << "\ntitle: Synthetic catalog " << f
         << "\ndescription: Generated by `make_catalog` for tests and benchmarks.\n"
         << "code_pattern: \"SYN[0-9]{7}\"\n"
         << "docs: {base_url: \"https://docs.example.com/errors/\"}\n"
         << "fields:\n  owner: {title: Owning team}\n"
         << "errors:\n";
    for (long i = 0; i < count; ++i, ++next) {
      char code[32];
      std::snprintf(code, sizeof code, "SYN%07ld", next);
      const std::string value =
          value_offset == 0 ? "" : "    value: " + std::to_string(next + value_offset) + "\n";
      if (next == 1) {
        // A fixed first error, so benchmarks can call format<E> with known argument types.
        yaml << "  - code: " << code << "\n"
             << value << "    name: BenchProbe\n    summary: Benchmark probe.\n"
             << "    message: \"The token {0} expired {1} hours ago; the limit is {2} hours.\"\n"
             << "    params:\n"
             << "      - {name: token, type: string, description: The token that expired.}\n"
             << "      - {name: hours, type: int, description: Hours since it expired.}\n"
             << "      - {name: limit, type: int, description: The token lifetime in hours.}\n"
             << "    causes: [Benchmarks.]\n    resolution: [None.]\n";
        messages.push_back({{"The token ", " expired ", " hours ago; the limit is ", " hours."},
                            {"string", "int", "int"}});
        translate(code, "Benchmark probe.", "The token {0} expired {1} hours ago; the limit is {2} hours.");
        continue;
      }
      const int params = r.Below(4);
      std::string message = Sentence(r, 4 + r.Below(6));
      message.pop_back();
      Message kept{{message}, {}};
      for (int p = 0; p < params; ++p) {
        const std::string word = " " + std::string(r.Word()) + " ";
        message += word + "{" + std::to_string(p) + "}";
        kept.pieces.back() += word;
        kept.pieces.emplace_back();
      }
      const std::string tail =
          ". Please " + std::string(r.Word()) + " the " + std::string(r.Word()) + " and retry.";
      message += tail;
      kept.pieces.back() += tail;
      // In the order the random words were always drawn: the catalog's bytes stay.
      const std::string first = Capitalized(r.Word());
      const std::string second = Capitalized(r.Word());
      const std::string summary = Sentence(r, 5 + r.Below(4));
      yaml << "  - code: " << code << "\n"
           << value << "    name: " << first << second << next << "\n"
           << "    summary: " << summary << "\n"
           << "    message: \"" << message << "\"\n";
      translate(code, summary, message);
      if (params > 0) {
        yaml << "    params:\n";
        for (int p = 0; p < params; ++p) {
          const std::string_view word = r.Word();  // in this order: the catalog's bytes stay
          const std::string_view type = kTypes[r.Below(6)];
          kept.types.emplace_back(type);
          yaml << "      - {name: " << word << "_" << p << ", type: " << type
               << ", description: " << Sentence(r, 4 + r.Below(4)) << "}\n";
        }
      }
      messages.push_back(std::move(kept));
      yaml << "    description: |-\n      The **" << r.Word() << "** in `" << r.Word() << "` could not be "
           << r.Word() << "ed. " << Sentence(r, 12) << "\n      See [the guide](https://docs.example.com/"
           << r.Word() << ") for details.\n"
           << "    causes:\n      - " << Sentence(r, 8) << "\n      - " << Sentence(r, 10) << "\n"
           << "    resolution:\n      - " << Sentence(r, 6) << "\n      - " << Sentence(r, 9) << "\n";
      if (r.Below(2)) yaml << "      - Contact support with the `" << code << "` code.\n";
      yaml << "    http_status: " << (400 + r.Below(100)) << "\n"
           << "    retriable: " << (r.Below(2) ? "true" : "false") << "\n"
           << "    fields: {owner: team-" << r.Word() << "}\n";
    }
    for (const std::ofstream& t : translated) yaml.setstate(t.rdstate());
    if (!yaml) {
      std::fprintf(stderr, "make_catalog: cannot write %s\n", id);
      return 1;
    }
  }
  if (log_lines > 0 && !WriteLog(messages, log_lines, log_out)) {
    std::fprintf(stderr, "make_catalog: cannot write %s\n", log_out.c_str());
    return 1;
  }
  return 0;
}
