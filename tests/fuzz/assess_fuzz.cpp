// Any bytes as an assessment: a result or an error document, never a crash.
#include "fuzz_output.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto out = twitchcheck::api::assess(text);
    fuzz::check_json(out, "twitchcheck.result/1");
    if (!out.error) fuzz::check_same(out, twitchcheck::api::assess(text));  // no state kept between calls
    return 0;
}
