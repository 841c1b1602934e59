// Any bytes as a sequence of resident-journal changes, one a line: the first byte picks the
// change (a addEpisode, c changeEpisode, x deleteEpisode, d putDay, y deleteDay, p setPlan,
// k addCheck, l load), the rest of the line is its argument. Every answer is {"ok": ...} or
// an error document; a refused change leaves the document's bytes alone; and at the end
// analyze and report from the resident journal equal the whole-document functions' on its
// document.
#include "fuzz_output.hpp"
#include "twitchcheck/journal_session.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (fuzz::has_year_before_1900(input)) return 0;
    twitchcheck::api::JournalSession session;
    std::size_t start = 0;
    while (start < input.size()) {
        std::size_t end = input.find('\n', start);
        if (end == std::string_view::npos) end = input.size();
        const std::string_view line = input.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        const std::string_view argument = line.substr(1);
        const std::string before = session.document().text;
        twitchcheck::api::Output out;
        switch (line[0]) {
            case 'a': out = session.add_episode(argument); break;
            case 'c': out = session.change_episode(argument); break;
            case 'x': out = session.delete_episode(argument); break;
            case 'd': out = session.put_day(argument); break;
            case 'y': out = session.delete_day(argument); break;
            case 'p': out = session.set_plan(argument); break;
            case 'k': out = session.add_check(argument); break;
            case 'l': out = session.load(argument); break;
            default: continue;
        }
        fuzz::check_json(out, "");
        if (out.error && session.document().text != before) fuzz::broken("a refused change changed the journal", out);
    }
    const std::string document = session.document().text;
    const auto valid = twitchcheck::api::validate_journal(document);
    if (valid.error) fuzz::broken("the resident journal's document does not validate", valid);
    fuzz::check_same(twitchcheck::api::analyze(document, "2026-12-04"), session.analyze("2026-12-04"));
    for (const char* format : {"json", "html", "csv"})
        fuzz::check_same(twitchcheck::api::report(document, "2026-12-04", format), session.report("2026-12-04", format));
    return 0;
}
