// What the benchmark programs share: where they run, and the median of their samples.
#pragma once

#include <algorithm>
#include <vector>

namespace bench {

#ifdef __EMSCRIPTEN__
inline constexpr const char* kWhere = "wasm";
#else
inline constexpr const char* kWhere = "native";
#endif

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace bench
