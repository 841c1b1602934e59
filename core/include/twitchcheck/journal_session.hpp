// The resident journal's door (docs/storage.md, "The resident journal"): JSON text in, JSON
// text out, nothing thrown, as api.hpp's functions. The module binds it as JournalSession.
#pragma once

#include "twitchcheck/api.hpp"
#include "twitchcheck/resident_journal.hpp"

#include <string_view>

namespace twitchcheck::api {

// Each change answers {"ok": true} (with "index", the record's place, for record changes)
// or the twitchcheck.error/1 document, and changes nothing when it fails.
class JournalSession {
public:
    Output load(std::string_view document);
    Output add_episode(std::string_view episode);
    Output change_episode(std::string_view episode);
    Output delete_episode(std::string_view id);
    Output put_day(std::string_view day);
    Output delete_day(std::string_view date);
    Output set_plan(std::string_view plan);
    Output add_check(std::string_view check);

    // The same bytes as api::analyze / api::report on document()'s text (`lang` as there).
    Output analyze(std::string_view today) const;
    Output report(std::string_view today, std::string_view format, std::string_view lang = {}) const;
    // The journal as house JSON text (the JSON backup).
    Output document() const;
    // {"episodes": N, "days": N, "assessments": N}
    Output counts() const;

    const ResidentJournal& resident() const { return journal_; }

private:
    ResidentJournal journal_;
};

}  // namespace twitchcheck::api
