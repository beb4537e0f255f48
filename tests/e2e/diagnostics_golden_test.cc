// Diagnostics goldens: every tests/diagnostics/NAME.yaml is checked by the real binary, run
// from tests/diagnostics so that paths are relative; its stderr and exit code must equal
// NAME.stderr. Refresh with `make goldens`.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace errcat {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/tests/diagnostics"))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class DiagnosticsGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DiagnosticsGolden, MatchesStderr) {
  const fs::path dir = testing::SourceDir() + "/tests/diagnostics";
  const std::string name = GetParam();
  auto r = testing::RunCommand("cd " + testing::ShellQuote(dir.string()) + " && " +
                        testing::ShellQuote(testing::ErrcatBinary()) + " check " + name + ".yaml");
  const std::string actual = r.err + "exit code: " + std::to_string(r.exit_code) + "\n";
  const std::string problem = testing::CompareGolden(dir / (name + ".stderr"), actual);
  EXPECT_EQ(problem, "");
  EXPECT_NE(r.exit_code, 0) << "a diagnostics case must fail";
}

INSTANTIATE_TEST_SUITE_P(Cases, DiagnosticsGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n) if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

}  // namespace
}  // namespace errcat
