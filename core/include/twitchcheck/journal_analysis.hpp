// analyze(journal, today): the facts of journal.md's "Analysis", computed once from the
// compact model, then written as JSON in the contract's key order.
#pragma once

#include "twitchcheck/journal.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace twitchcheck {

enum class Trend { insufficient, rising, falling, stable };
inline constexpr std::array<std::string_view, 4> kTrendNames{"insufficient", "rising", "falling", "stable"};

enum class Factor { high_caffeine, short_sleep, high_stress, low_water, intense_exercise };
inline constexpr std::array<std::string_view, 5> kFactorNames{
    "high_caffeine", "short_sleep", "high_stress", "low_water", "intense_exercise"};

enum class Strength { likely, possible, none };
inline constexpr std::array<std::string_view, 3> kStrengthNames{"likely", "possible", "none"};

enum class TimeOfDay { night, morning, afternoon, evening };
inline constexpr std::array<std::string_view, 4> kTimeOfDayNames{"night", "morning", "afternoon", "evening"};

// One factor compared between days with it and days without (`a`, `b` raw counts).
struct FactorLink {
    Factor factor;
    int a, n_a, b, n_b;
    double rate_ratio, ci_low, ci_high;
    Strength strength;
};

struct PlanProgress {
    int days_since_start;  // d = today - started (negative before the start)
    int week;              // 1 + floor(d / 7)
    int caffeine, water, sleep, relaxation, tracking;  // days kept among today-6 .. today
    int baseline_count, recent_count;                   // episodes in the two 7-day windows
    double baseline_rate, recent_rate;
    std::optional<bool> improved;
};

struct Analysis {
    DayNumber today;
    int episodes_total = 0;
    std::optional<DayNumber> first_date, last_date;
    int active_days = 0;
    // per_day[i] is the count on first_date + i, up to today (empty when first_date > today).
    std::vector<int> per_day;
    std::array<std::optional<DayNumber>, kGroupNames.size()> group_first{};
    bool spreading = false, persistent = false, asymmetric = false;
    Trend trend = Trend::insufficient;
    int last_7 = 0, previous_7 = 0;  // episodes in today-6..today and today-13..today-7
    // Episodes per region and side, all dates (the report's body map).
    std::array<std::array<int, kSideNames.size()>, kRegionNames.size()> region_side{};
    std::array<int, kSideNames.size()> sides{};
    std::array<int, kTimeOfDayNames.size()> time_of_day{};
    std::vector<FactorLink> factors;  // strongest first
    std::vector<std::pair<Region, Side>> recent_regions;  // today-29 .. today, contract order
    std::optional<PlanProgress> plan;

    std::optional<int> span_days() const;
    std::optional<int> duration_days() const;
    // Episodes dated in [from, to] (both inclusive), by day number.
    int count_between(DayNumber from, DayNumber to) const;

    // Counts per date from the first to the last episode (not clipped to today).
    DayNumber counts_origin = 0;
    std::vector<int> prefix;  // prefix[i] = episodes dated before counts_origin + i
};

Analysis analyze(const Journal& journal, DayNumber today);
// The analysis facts document, keys in journal.md's order.
Json analysis_json(const Analysis& analysis);
// The `groups` list ({group, first_date} in checker.md's group order), shared by the
// analysis and the report.
Json groups_json(const Analysis& analysis);
// The `suggested_assessment` object alone (a twitchcheck.assessment/1 document).
Json suggested_assessment(const Analysis& analysis);

}  // namespace twitchcheck
