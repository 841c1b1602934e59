// Any bytes as a journal, exported: the first byte picks json, html, csv or fhir, the rest
// is the journal. JSON reports must be twitchcheck.report/1, FHIR a Bundle; html and csv
// must not be empty.
#include "fuzz_output.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr std::string_view kFormats[] = {"json", "html", "csv", "fhir"};
    const std::string_view format = kFormats[data[0] % 4];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (fuzz::has_year_before_1900(text)) return 0;
    const auto out = twitchcheck::api::report(text, "2026-12-04", format);
    if (out.error) {
        fuzz::check_error(out);
    } else if (format == "json") {
        fuzz::check_json(out, "twitchcheck.report/1");
    } else if (format == "fhir") {
        if (out.text.rfind("{\n  \"resourceType\": \"Bundle\",", 0) != 0) fuzz::broken("not a FHIR Bundle", out);
    } else if (out.text.empty()) {
        fuzz::broken("empty html/csv export", out);
    }
    return 0;
}
