// Templates and site assets compiled into the binary (cmake/EmbedFiles.cmake), so errcat runs
// from any folder; `--templates DIR` overrides them file by file.
#pragma once

#include <string_view>
#include <vector>

namespace errcat::backends {

struct EmbeddedFile {
  std::string_view name;  // relative to the repository's templates/ or site/ folder
  std::string_view contents;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

}  // namespace errcat::backends
