// Any bytes as a journal, analysed on a fixed day (a date far from "today" too, so the
// windows and per-day lists stay bounded).
#include "fuzz_output.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (fuzz::has_year_before_1900(text)) return 0;
    const auto out = twitchcheck::api::analyze(text, "2026-12-04");
    fuzz::check_json(out, "");
    return 0;
}
