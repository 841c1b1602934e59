// Any bytes as a rule file (`twitchcheck rules --check`): loaded and its examples run, or
// refused with an error document; never a crash or a half-loaded rule set.
#include "fuzz_output.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto out = twitchcheck::api::check_rules(text);
    fuzz::check_json(out, "");
    return 0;
}
