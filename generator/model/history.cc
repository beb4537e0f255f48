#include "model/history.h"

#include <algorithm>

namespace errcat::model {

const CodeHistory* History::Find(std::string_view code) const {
  auto it = std::lower_bound(codes.begin(), codes.end(), code,
                             [](const CodeHistory& h, std::string_view c) { return h.code < c; });
  return it != codes.end() && it->code == code ? &*it : nullptr;
}

}  // namespace errcat::model
