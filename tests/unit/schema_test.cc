// docs/catalog.schema.json is what editors validate against; it must accept exactly the keys
// the loader accepts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "diag/rules.h"
#include "loader/limits.h"
#include "loader/translations.h"
#include "test_support.h"

namespace errcat {
namespace {

std::set<std::string> Keys(const nlohmann::json& properties) {
  std::set<std::string> keys;
  for (const auto& [key, value] : properties.items()) keys.insert(key);
  return keys;
}

std::set<std::string> Keys(const std::vector<std::string_view>& list) {
  return {list.begin(), list.end()};
}

TEST(JsonSchema, MatchesTheLoadersKeys) {
  const auto schema = nlohmann::json::parse(testing::ReadFile(testing::SourceDir() + "/docs/catalog.schema.json"));
  EXPECT_EQ(Keys(schema["properties"]), Keys(loader::CatalogKeys()));
  EXPECT_EQ(Keys(schema["definitions"]["error"]["properties"]), Keys(loader::ErrorKeys()));
  EXPECT_EQ(schema["required"], nlohmann::json({"catalog", "title"}));
  EXPECT_EQ(schema["definitions"]["error"]["required"], nlohmann::json({"code", "name", "summary", "message"}));
}

TEST(JsonSchema, TranslationSchemaMatchesTheLoadersKeys) {
  const auto schema = nlohmann::json::parse(
      testing::ReadFile(testing::SourceDir() + "/docs/translation.schema.json"));
  EXPECT_EQ(Keys(schema["properties"]), Keys(loader::TranslationKeys()));
  EXPECT_EQ(Keys(schema["definitions"]["error"]["properties"]),
            Keys(loader::TranslatedErrorKeys()));
  EXPECT_EQ(schema["required"], nlohmann::json({"translation", "locale"}));
}

// The Limits table of docs/catalog-format.md is the loader's table, row for row.
TEST(Docs, LimitsTableMatchesTheLoader) {
  const std::string format = testing::ReadFile(testing::SourceDir() + "/docs/catalog-format.md");
  const size_t section = format.find("\n## Limits\n");
  ASSERT_NE(section, std::string::npos);
  const std::string limits = format.substr(section, format.find("\n## ", section + 1) - section);
  std::set<std::pair<std::string, size_t>> documented, loader_limits;
  std::istringstream lines(limits);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("| `")) continue;
    std::string key = line.substr(2, line.find(" |", 2) - 2);
    std::erase(key, '`');
    const size_t number = line.find("| ", line.find(" |", 2) + 1) + 2;
    documented.emplace(key, std::stoul(line.substr(number)));
  }
  for (const loader::TextLimit& l : loader::TextLimits())
    loader_limits.emplace(std::string(l.key), l.max_bytes);
  loader_limits.emplace("code", 64);  // checked with the code's other rules (code-unsafe)
  EXPECT_EQ(documented, loader_limits);
}

TEST(JsonSchema, EveryCatalogAndTranslationPointsEditorsAtItsSchema) {
  int translations = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SourceDir() + "/catalog")) {
    const std::string text = testing::ReadFile(entry.path());
    const bool translation = text.find("\ntranslation: ") != std::string::npos;
    translations += translation;
    const std::string schema = translation ? "translation" : "catalog";
    EXPECT_TRUE(
        text.starts_with("# yaml-language-server: $schema=../docs/" + schema + ".schema.json\n"))
        << entry.path();
  }
  EXPECT_EQ(translations, 2);  // token.de.yaml, token.fr.yaml
}

}  // namespace
}  // namespace errcat

namespace errcat {
namespace {

TEST(Docs, EveryRuleIsDocumented) {
  const std::string review = testing::ReadFile(testing::SourceDir() + "/docs/review.md");
  const std::string format = testing::ReadFile(testing::SourceDir() + "/docs/catalog-format.md");
  for (const diag::Rule& r : diag::AllRules()) {
    const std::string id = "`" + std::string(r.id) + "`";
    const bool documented = r.kind == diag::RuleKind::kError ? format.find(id) != std::string::npos
                                                              : review.find(id) != std::string::npos;
    EXPECT_TRUE(documented) << "rule " << r.id << " is not documented in docs/";
  }
}

}  // namespace
}  // namespace errcat
