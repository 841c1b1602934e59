// A validated journal kept in memory between changes, taking one record at a time
// (docs/storage.md, "The resident journal"). Each change validates only its record, with the
// validator whole-document validation uses for that kind of record, so the rules, messages
// and JSON paths are the same (`episodes[20012].duration_s: ...`). Analysis and exports read
// the resident model through the same functions the whole-document doors use.
#pragma once

#include "twitchcheck/journal.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace twitchcheck {

class ResidentJournal {
public:
    // An empty journal: {"schema": "twitchcheck.journal/1", "episodes": [], "days": []}.
    ResidentJournal();

    // Every change below throws InputError (path and message as in a document) and then
    // leaves the journal exactly as it was. Record arguments are JSON text.

    // Replaces the whole journal by a document, validated as read_journal does.
    void load(std::string_view document_text);
    // Appends an episode, read as `episodes[N]` (N = the current count); returns N.
    std::size_t add_episode(std::string_view episode_text);
    // Replaces the episode with the same id, in its place; returns its index.
    std::size_t change_episode(std::string_view episode_text);
    // Removes the episode with this id; returns the index it had.
    std::size_t delete_episode(std::string_view id);
    // Replaces the day with the same date in its place, or appends it; returns its index.
    std::size_t put_day(std::string_view day_text);
    // Removes the day with this date (YYYY-MM-DD); returns the index it had.
    std::size_t delete_day(std::string_view date);
    // Sets the `plan` object (`{}`: no plan).
    void set_plan(std::string_view plan_text);
    // Appends an `assessments` entry; returns its index.
    std::size_t add_check(std::string_view check_text);

    const Journal& journal() const { return journal_; }

private:
    void index_records();

    Journal journal_;
    std::unordered_map<std::string, std::size_t> episode_at_;  // id -> index in document order
    std::unordered_map<DayNumber, std::size_t> day_at_;        // date -> index
};

}  // namespace twitchcheck
