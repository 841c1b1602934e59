// The twitch journal (journal.md): the `twitchcheck.journal/1` document, its validation
// and migrations, and the compact model that analysis and exports work from.
#pragma once

#include "twitchcheck/calendar.hpp"
#include "twitchcheck/json_text.hpp"
#include "twitchcheck/vocabulary.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace twitchcheck {

inline constexpr int kJournalVersion = 1;
inline constexpr std::string_view kJournalSchemaPrefix = "twitchcheck.journal/";
// An assessment's stored `input` may nest this deep (the input object itself is level 1).
inline constexpr int kMaxInputDepth = 64;

enum class Exercise : std::int8_t { none, moderate, intense };
inline constexpr std::array<std::string_view, 3> kExerciseNames{"none", "moderate", "intense"};

// One twitch. Text fields (id, at, note, triggers) stay in Journal::document.
struct Episode {
    LocalMoment at;
    Region region;
    Side side;
};

// One `days` entry; a field that was left out holds kMissing (NaN for sleep_h).
struct DayEntry {
    static constexpr std::int32_t kMissing = -1;
    DayNumber date;
    std::int32_t caffeine_mg = kMissing;
    std::int32_t water_ml = kMissing;
    std::int32_t stress = kMissing;
    std::int32_t relaxation_min = kMissing;
    double sleep_h = std::nan("");
    std::optional<Exercise> exercise;
};

struct StoredAssessment {
    LocalMoment at;
    std::size_t index;  // into document["assessments"]
    Level level;
};

// A validated journal: the document exactly as imported (the backup export) and the
// facts parsed out of it once.
struct Journal {
    Json document;
    std::vector<Episode> episodes;  // document order
    std::vector<DayEntry> days;     // document order
    std::optional<DayNumber> plan_started;
    std::vector<StoredAssessment> assessments;  // document order
};

// Validates a current-version document; throws InputError naming the first problem in
// journal.md's order. Older versions are migrated first; newer ones are refused.
Journal load_journal(Json document);
// parse_json + load_journal.
Journal read_journal(std::string_view text);

// `today` as given to analyze/report: a real YYYY-MM-DD date, else InputError at `today`.
DayNumber read_today(std::string_view today);

// The version N of a `twitchcheck.journal/N` schema string, or nullopt for anything else.
std::optional<int> journal_version(std::string_view schema);

// Migrations (journal_migrations.cpp): brings a document of version `from` up to
// kJournalVersion, one numbered step at a time. Keys a step does not know are kept.
Json migrate_journal(Json document, int from);

// The index of the latest assessment (by instant, ties by array order), or nullopt.
std::optional<std::size_t> latest_assessment(const Journal& journal);

}  // namespace twitchcheck
