// The catalogs in catalog/ transcribe the seed documents in tests/seeds/. These tests parse
// the seeds themselves and check every error they describe against the loaded catalogs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "test_support.h"

namespace errcat {
namespace {

using ::testing::HasSubstr;

// Collapses runs of white space and normalises typographic apostrophes, so that line wrapping
// in YAML and the seeds' typography do not count as differences.
std::string Norm(std::string s) {
  for (size_t pos; (pos = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(pos, 3, "'");
  for (size_t pos; (pos = s.find("\xC2\xA0")) != std::string::npos;) s.replace(pos, 2, " ");
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Seed(const std::string& name) {
  return testing::ReadFile(testing::SourceDir() + "/tests/seeds/" + name);
}

class SeedCatalogs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = new testing::Loaded(testing::LoadPaths({testing::SourceDir() + "/catalog"}));
  }
  static void TearDownTestSuite() { delete loaded_; }

  const model::Error& Get(const std::string& code) {
    auto hit = loaded_->set->FindCode(code);
    if (!hit) throw std::runtime_error("code " + code + " is not in catalog/");
    return *hit->error;
  }
  void SetUp() override { ASSERT_TRUE(loaded_->set) << loaded_->Text(); }

  static testing::Loaded* loaded_;
};
testing::Loaded* SeedCatalogs::loaded_ = nullptr;

TEST_F(SeedCatalogs, CatalogFolderIsValidWithoutWarnings) {
  EXPECT_EQ(loaded_->sink.error_count(), 0) << loaded_->Text();
  EXPECT_EQ(loaded_->sink.warning_count(), 0) << loaded_->Text();
  EXPECT_EQ(loaded_->set->catalogs().size(), 4u);
}

TEST_F(SeedCatalogs, RealContentSpotChecks) {
  const model::Error& tok005 = Get("TOK005");
  ASSERT_EQ(tok005.params.size(), 2u);
  EXPECT_EQ(tok005.params[0].name, "max_hours");
  EXPECT_EQ(tok005.params[0].type, model::ParamType::kInt);
  EXPECT_EQ(tok005.params[1].type, model::ParamType::kString);
  EXPECT_EQ(tok005.value, 5);
  EXPECT_EQ(Get("947").http_status, 500);
  EXPECT_EQ(Get("947").retriable, true);
  EXPECT_EQ(Get("4034").http_status, 400);
  EXPECT_EQ(Get("4034").retriable, false);
  EXPECT_EQ(Get("4034").value, 4034);
  const model::Error& tok013 = Get("TOK013");
  EXPECT_EQ(tok013.message, "Token with ID '{0}' was not found.");
  ASSERT_EQ(tok013.params.size(), 1u);
}

// Seed 001: "Token Related Messages" with an overview table and a details section per code.
TEST_F(SeedCatalogs, EveryTokenErrorMatchesTheSeed) {
  const std::vector<std::string> lines = Lines(Seed("001_4d6f603141c96341.txt"));
  const std::regex code_line("^TOK[0-9]{3}$");
  int checked = 0;
  size_t details = 0;
  while (details < lines.size() && lines[details] != "Error Code Details") ++details;
  ASSERT_LT(details, lines.size());
  for (size_t i = details; i < lines.size(); ++i) {
    if (!std::regex_match(lines[i], code_line)) continue;
    const std::string code = lines[i];
    SCOPED_TRACE(code);
    const model::Error& e = Get(code);
    std::string section, message, description;
    std::vector<std::string> causes, steps;
    for (size_t j = i + 1; j < lines.size() && !std::regex_match(lines[j], code_line); ++j) {
      const std::string& l = lines[j];
      if (l == "Message" || l == "Description" || l == "Root Cause" || l == "Resolution") {
        section = l;
      } else if (!Norm(l).empty()) {
        if (section == "Message" && message.empty()) message = Norm(l);
        if (section == "Description" && description.empty()) description = Norm(l);
        if (section == "Root Cause") causes.push_back(Norm(l.substr(l.find("\xE2\x80\xA2") + 3)));
        if (section == "Resolution") steps.push_back(Norm(l.substr(l.find(". ") + 2)));
      }
    }
    // A plural refines the seed's text: its `other` case is the seed's ("{0} minutes").
    std::string other_form;
    for (const model::MessageSegment& s : model::OtherForms(e.segments))
      other_form += s.arg < 0 ? s.literal : "{" + std::to_string(s.arg) + "}";
    EXPECT_EQ(Norm(other_form), message);
    EXPECT_EQ(Norm(e.description), description);
    std::vector<std::string> got_causes, got_steps;
    for (const auto& c : e.causes) got_causes.push_back(Norm(c));
    for (const auto& s : e.resolution) got_steps.push_back(Norm(s));
    EXPECT_EQ(got_causes, causes);
    EXPECT_EQ(got_steps, steps);
    // The overview row is code + message + summary run together.
    const std::string row = code + message + e.summary;
    EXPECT_NE(std::find(lines.begin(), lines.end(), row), lines.end()) << "no overview row " << row;
    ++checked;
  }
  EXPECT_EQ(checked, 13);
}

// Seed 000: two Markdown tables, one per code.
TEST_F(SeedCatalogs, EveryOpenFinanceErrorMatchesTheSeedTables) {
  const std::vector<std::string> lines = Lines(Seed("000_44ece7994f49b31c.txt"));
  const std::regex heading("^## ([0-9]+) .*");
  const std::regex row("^\\| \\*\\*([^*]+)\\*\\* *\\| (.*)\\|$");
  std::smatch m;
  int rows_checked = 0, codes = 0;
  std::string code;
  for (const std::string& line : lines) {
    if (std::regex_match(line, m, heading)) {
      code = m[1];
      ++codes;
      continue;
    }
    if (code.empty() || !std::regex_match(line, m, row)) continue;
    const std::string title = m[1], value = Norm(m[2]);
    SCOPED_TRACE(code + " / " + title);
    const model::Error& e = Get(code);
    const auto field = [&](const char* id) {
      const model::FieldValue* f = e.Field(id);
      return f ? Norm(f->text) : std::string();
    };
    if (title == "Aggregation Status Code") EXPECT_EQ(e.code, value);
    else if (title == "Remediation Category") EXPECT_EQ(field("remediation_category"), value);
    else if (title == "HTTP Status") EXPECT_EQ(std::to_string(e.http_status), value);
    else if (title == "Data Connect Alert") EXPECT_EQ(field("data_connect_alert"), value);
    else if (title == "Error Message") EXPECT_EQ(Norm(e.message), value);
    else if (title == "Common Causes") EXPECT_EQ(Norm(e.causes.at(0)), value);
    else if (title == "Troubleshooting Steps") EXPECT_EQ(Norm(e.resolution.at(0)), value);
    else if (title == "Data Connect Fix Eligible") EXPECT_EQ(field("data_connect_fix_eligible"), value);
    else if (title == "Retriable by End User") {
      EXPECT_EQ(field("retriable_by_end_user"), value);
      EXPECT_EQ(e.retriable, value.starts_with("Yes"));
    } else if (title == "Access to Latest Data") EXPECT_EQ(field("access_to_latest_data"), value);
    else ADD_FAILURE() << "seed row not mapped to the catalog: " << title;
    ++rows_checked;
  }
  EXPECT_EQ(codes, 2);
  EXPECT_EQ(rows_checked, 10 + 9);
}

// Seed 002: example messages, reasons and instructions of the connector guide.
TEST_F(SeedCatalogs, EveryLoginErrorMessageMatchesTheGuide) {
  const std::vector<std::string> lines = Lines(Seed("002_7c8cff60bc82395f.txt"));
  const std::string bullet = "\xE2\x80\xA2";
  std::vector<std::string> examples, reasons, steps;
  std::string part = "intro";
  for (const std::string& line : lines) {
    if (line.starts_with("Examples of the error messages")) part = "examples";
    if (line.starts_with("Here are the reasons")) part = "reasons";
    if (line.starts_with("Instructions")) part = "steps";
    const size_t b = line.find(bullet);
    if (b != std::string::npos && part == "examples") examples.push_back(Norm(line.substr(b + 3)));
    if (b != std::string::npos && part == "reasons") reasons.push_back(Norm(line.substr(b + 3)));
    if (part == "steps" && std::regex_search(line, std::regex("^\\s+[0-9]+\\. ")))
      steps.push_back(Norm(line.substr(line.find(". ") + 2)));
  }
  ASSERT_EQ(examples.size(), 7u);
  ASSERT_EQ(reasons.size(), 7u);
  ASSERT_EQ(steps.size(), 3u);
  const model::Catalog* catalog = loaded_->set->FindCatalog("data_source_login");
  ASSERT_NE(catalog, nullptr);
  ASSERT_EQ(catalog->errors.size(), examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    const model::Error& e = catalog->errors[i];
    SCOPED_TRACE(e.code);
    std::string expected = examples[i];
    for (size_t pos; (pos = expected.find("[Data source]")) != std::string::npos;)
      expected.replace(pos, 13, "{0}");
    EXPECT_EQ(Norm(e.message), expected);
    std::vector<std::string> got;
    for (const auto& c : e.causes) got.push_back(Norm(c));
    EXPECT_EQ(got, reasons);
    ASSERT_EQ(e.resolution.size(), steps.size());
    for (size_t s = 0; s < steps.size(); ++s)  // the seed's last step ends in a cut-off link list
      EXPECT_TRUE(steps[s].starts_with(Norm(e.resolution[s]))) << steps[s];
  }
}

// Seed 003: the four causes of an "Invalid Token" error, one error each.
TEST_F(SeedCatalogs, InvalidTokenArticleCausesAreErrors) {
  const std::vector<std::string> lines = Lines(Seed("003_cf369c8b865abaa1.txt"));
  const std::vector<std::pair<std::string, std::string>> sections = {
      {"Token Expiration", "ITK001"},
      {"Input Errors", "ITK002"},
      {"Incorrect Permissions or Scopes", "ITK003"},
      {"Security Measures and Token Revocation", "ITK004"}};
  for (const auto& [title, code] : sections) {
    SCOPED_TRACE(title);
    auto it = std::find(lines.begin(), lines.end(), title);
    ASSERT_NE(it, lines.end());
    ++it;
    while (it != lines.end() && Norm(*it).empty()) ++it;
    ASSERT_NE(it, lines.end());
    EXPECT_THAT(Norm(Get(code).description), HasSubstr(Norm(*it)));
  }
}

}  // namespace
}  // namespace errcat
