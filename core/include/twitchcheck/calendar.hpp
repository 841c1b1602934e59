// Dates as day numbers and the journal's timestamps, parsed once so analysis only
// compares integers. Proleptic Gregorian calendar; day 0 is 1970-01-01.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twitchcheck {

using DayNumber = std::int32_t;

// Days since 1970-01-01 of a real calendar date (month 1-12, day valid for its month).
DayNumber day_number(int year, int month, int day);

// `YYYY-MM-DD` exactly (a real date, year 0001-9999), or nullopt.
std::optional<DayNumber> parse_date(std::string_view text);

// The `YYYY-MM-DD` text of a day number.
std::string date_text(DayNumber day);

struct CivilDate {
    int year, month, day;  // month 1-12
};
CivilDate civil_date(DayNumber day);
// 0 for Monday up to 6 for Sunday (ISO 8601 order).
int weekday(DayNumber day);

// Floor division, so weeks and windows also work before a start date.
constexpr std::int32_t floor_div(std::int32_t a, std::int32_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// A moment as written in the journal: local date and time plus the UTC offset it was
// written with (journal.md: an episode's date is its date in its own offset).
struct LocalMoment {
    DayNumber date;
    std::int32_t second_of_day;   // local, 0..86399
    std::int16_t offset_minutes;  // -840..840
    // Seconds since the epoch in UTC: orders moments written in different offsets.
    std::int64_t instant() const {
        return std::int64_t{date} * 86400 + second_of_day - std::int64_t{offset_minutes} * 60;
    }
    int hour() const { return second_of_day / 3600; }
};

// `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM` (offset at most 14:00), or nullopt.
std::optional<LocalMoment> parse_moment(std::string_view text);

}  // namespace twitchcheck
