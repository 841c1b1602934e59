// Any bytes as a journal to import: {"ok": true} or an error document; a journal that
// validates must also analyse (validation is the whole gate before analysis).
#include "fuzz_output.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (fuzz::has_year_before_1900(text)) return 0;
    const auto out = twitchcheck::api::validate_journal(text);
    fuzz::check_json(out, "");
    if (!out.error) {
        if (out.text != "{\n  \"ok\": true\n}\n") fuzz::broken("validation answer is not {\"ok\": true}", out);
        const auto analysis = twitchcheck::api::analyze(text, "2026-12-04");
        if (analysis.error) fuzz::broken("a journal that validates fails analysis", analysis);
    }
    return 0;
}
