// What the benchmark programs share: where they run, the median of their samples, and
// the heap in use.
#pragma once

#include <algorithm>
#include <cstddef>
#include <malloc.h>
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

// Bytes the allocator has handed out and not yet taken back.
inline std::size_t heap_in_use() {
#ifdef __EMSCRIPTEN__
    return static_cast<std::size_t>(mallinfo().uordblks);
#else
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
#endif
}

}  // namespace bench
