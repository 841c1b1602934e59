// The journal's half of the api door: JSON text in, text out, nothing thrown.
#include "twitchcheck/api.hpp"
#include "twitchcheck/journal_report.hpp"

namespace twitchcheck::api {

Output analyze(std::string_view journal_json, std::string_view today) {
    return guarded([&] {
        const Journal journal = read_journal(journal_json);
        return to_text(analysis_json(twitchcheck::analyze(journal, read_today(today))));
    });
}

Output validate_journal(std::string_view journal_json) {
    return guarded([&] {
        read_journal(journal_json);
        return to_text(Json{{"ok", true}});
    });
}

Output upgrade_journal(std::string_view journal_json) {
    return guarded([&] { return to_text(read_journal(journal_json).document); });
}

Output report(std::string_view journal_json, std::string_view today, std::string_view format,
              std::string_view lang) {
    return guarded([&] {
        const Journal journal = read_journal(journal_json);
        return journal_report(journal, read_today(today), format, language(lang));
    });
}

}  // namespace twitchcheck::api
