// Runs a program directly (no shell, so arguments are never interpreted) and captures its
// output.
#pragma once

#include <string>
#include <vector>

namespace errcat::util {

struct ProcessResult {
  int exit_code = -1;  // -1: could not start
  std::string out;
  std::string err;
};

ProcessResult RunProcess(const std::vector<std::string>& argv);

}  // namespace errcat::util
