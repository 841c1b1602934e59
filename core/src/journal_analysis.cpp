// journal.md "Analysis" and "Precise definitions": every threshold is compared in its
// integer form, numbers stay unrounded.
#include "twitchcheck/journal_analysis.hpp"
#include "twitchcheck/portable_math.hpp"

#include <algorithm>
#include <cmath>

namespace twitchcheck {

namespace {

std::size_t at(auto e) { return static_cast<std::size_t>(e); }

TimeOfDay time_of_day(int hour) {
    if (hour < 6) return TimeOfDay::night;
    if (hour < 12) return TimeOfDay::morning;
    if (hour < 18) return TimeOfDay::afternoon;
    return TimeOfDay::evening;
}

// Whether `day` has `factor`; nullopt when the field it depends on was left out.
std::optional<bool> has_factor(const DayEntry& day, Factor factor) {
    switch (factor) {
        case Factor::high_caffeine:
            if (day.caffeine_mg == DayEntry::kMissing) return std::nullopt;
            return day.caffeine_mg > 200;
        case Factor::short_sleep:
            if (std::isnan(day.sleep_h)) return std::nullopt;
            return day.sleep_h < 7;
        case Factor::high_stress:
            if (day.stress == DayEntry::kMissing) return std::nullopt;
            return day.stress >= 7;
        case Factor::low_water:
            if (day.water_ml == DayEntry::kMissing) return std::nullopt;
            return day.water_ml < 2000;
        case Factor::intense_exercise:
            if (!day.exercise) return std::nullopt;
            return *day.exercise == Exercise::intense;
    }
    return std::nullopt;
}

std::optional<FactorLink> link(const Analysis& analysis, const std::vector<DayEntry>& days, Factor factor) {
    FactorLink out{factor, 0, 0, 0, 0, 0, 0, 0, Strength::none};
    for (const DayEntry& day : days) {
        auto with = has_factor(day, factor);
        if (!with) continue;
        const int count = analysis.count_between(day.date, day.date);
        if (*with) {
            out.a += count;
            ++out.n_a;
        } else {
            out.b += count;
            ++out.n_b;
        }
    }
    if (out.n_a < 3 || out.n_b < 3 || out.a + out.b < 5) return std::nullopt;
    double a = out.a, b = out.b;
    if (out.a == 0 || out.b == 0) {
        a += 0.5;
        b += 0.5;
    }
    const double n_a = out.n_a, n_b = out.n_b;
    // One division (a·n_b)/(b·n_a): the reference values are computed this way.
    out.rate_ratio = (a * n_b) / (b * n_a);
    const double spread = 1.96 * std::sqrt(1 / a + 1 / b);
    // portable:: (correctly rounded), not std::: glibc and Emscripten's musl differ in the last bit.
    out.ci_low = portable::exp(portable::log(out.rate_ratio) - spread);
    out.ci_high = portable::exp(portable::log(out.rate_ratio) + spread);
    // Halves times whole numbers are exact in double, so this integer form is exact.
    if (out.ci_low > 1)
        out.strength = Strength::likely;
    else if (2 * a * n_b >= 3 * b * n_a)
        out.strength = Strength::possible;
    return out;
}

PlanProgress plan_progress(const Analysis& analysis, const Journal& journal, DayNumber started) {
    const DayNumber today = analysis.today;
    PlanProgress plan{};
    plan.days_since_start = today - started;
    plan.week = 1 + floor_div(plan.days_since_start, 7);
    std::array<bool, 7> tracked{};
    for (const DayEntry& day : journal.days) {
        if (day.date < today - 6 || day.date > today) continue;
        tracked[at(day.date - (today - 6))] = true;
        plan.caffeine += day.caffeine_mg != DayEntry::kMissing && day.caffeine_mg <= 200;
        plan.water += day.water_ml >= 2000;
        plan.sleep += day.sleep_h >= 7 && day.sleep_h <= 9;  // false for NaN (missing)
        plan.relaxation += day.relaxation_min >= 10;
    }
    for (int i = 0; i < 7; ++i)
        plan.tracking += tracked[at(i)] || analysis.count_between(today - 6 + i, today - 6 + i) > 0;
    plan.baseline_count = analysis.count_between(started - 7, started - 1);
    plan.recent_count = analysis.count_between(today - 6, today);
    plan.baseline_rate = plan.baseline_count / 7.0;
    plan.recent_rate = plan.recent_count / 7.0;
    if (plan.days_since_start >= 21 && plan.baseline_count >= 1)
        plan.improved = 10 * plan.recent_count <= 7 * plan.baseline_count;
    return plan;
}

Json date_or_null(const std::optional<DayNumber>& day) { return day ? Json(date_text(*day)) : Json(nullptr); }

}  // namespace

std::optional<int> Analysis::span_days() const {
    if (!first_date) return std::nullopt;
    return *last_date - *first_date + 1;
}

std::optional<int> Analysis::duration_days() const {
    if (!first_date) return std::nullopt;
    return today - *first_date;
}

int Analysis::count_between(DayNumber from, DayNumber to) const {
    if (prefix.empty()) return 0;
    const DayNumber last = counts_origin + static_cast<DayNumber>(prefix.size()) - 2;
    from = std::max(from, counts_origin);
    to = std::min(to, last);
    if (from > to) return 0;
    return prefix[at(to - counts_origin + 1)] - prefix[at(from - counts_origin)];
}

Analysis analyze(const Journal& journal, DayNumber today) {
    Analysis out;
    out.today = today;
    out.episodes_total = static_cast<int>(journal.episodes.size());

    if (!journal.episodes.empty()) {
        DayNumber first = journal.episodes.front().at.date, last = first;
        for (const Episode& e : journal.episodes) {
            first = std::min(first, e.at.date);
            last = std::max(last, e.at.date);
        }
        out.first_date = first;
        out.last_date = last;
        out.counts_origin = first;
        std::vector<int> counts(at(last - first + 1), 0);
        for (const Episode& e : journal.episodes) {
            ++counts[at(e.at.date - first)];
            auto& group_first = out.group_first[at(group_of(e.region))];
            if (!group_first || e.at.date < *group_first) group_first = e.at.date;
            ++out.region_side[at(e.region)][at(e.side)];
            ++out.sides[at(e.side)];
            ++out.time_of_day[at(time_of_day(e.at.hour()))];
        }
        out.prefix.resize(counts.size() + 1);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            out.prefix[i + 1] = out.prefix[i] + counts[i];
            out.active_days += counts[i] > 0;
        }
        if (first <= today) {
            out.per_day.resize(at(today - first + 1), 0);
            const std::size_t shared = std::min(out.per_day.size(), counts.size());
            std::copy_n(counts.begin(), shared, out.per_day.begin());
        }
    }

    int groups = 0;
    bool late_group = false;
    for (const auto& group_first : out.group_first) {
        if (!group_first) continue;
        ++groups;
        late_group = late_group || *group_first >= *out.first_date + 7;
    }
    out.spreading = groups >= 2 && late_group;

    out.last_7 = out.count_between(today - 6, today);
    out.previous_7 = out.count_between(today - 13, today - 7);
    if (out.first_date) {
        const int span = *out.span_days();
        out.persistent = span > 14 && *out.last_date >= today - 6;
        if (span >= 14) {
            const int l = out.last_7, p = out.previous_7;
            if (2 * l >= 3 * p && l - p >= 3)
                out.trend = Trend::rising;
            else if (100 * l <= 67 * p && p - l >= 3)
                out.trend = Trend::falling;
            else
                out.trend = Trend::stable;
        }
    }

    const int left = out.sides[at(Side::left)], right = out.sides[at(Side::right)];
    out.asymmetric = left + right >= 10 && 5 * std::max(left, right) >= 4 * (left + right);

    for (std::size_t f = 0; f < kFactorNames.size(); ++f)
        if (auto found = link(out, journal.days, static_cast<Factor>(f))) out.factors.push_back(*found);
    std::stable_sort(out.factors.begin(), out.factors.end(), [](const FactorLink& x, const FactorLink& y) {
        if (x.strength != y.strength) return x.strength < y.strength;
        return x.rate_ratio > y.rate_ratio;
    });

    std::array<std::array<bool, kSideNames.size()>, kRegionNames.size()> recent{};
    for (const Episode& e : journal.episodes)
        if (e.at.date >= today - 29 && e.at.date <= today) recent[at(e.region)][at(e.side)] = true;
    for (std::size_t r = 0; r < recent.size(); ++r)
        for (std::size_t s = 0; s < recent[r].size(); ++s)
            if (recent[r][s]) out.recent_regions.emplace_back(static_cast<Region>(r), static_cast<Side>(s));

    if (journal.plan_started) out.plan = plan_progress(out, journal, *journal.plan_started);
    return out;
}

Json suggested_assessment(const Analysis& a) {
    Json out = Json::object();
    out["schema"] = "twitchcheck.assessment/1";
    out["duration_days"] = a.first_date ? std::max(0, *a.duration_days()) : 0;
    if (a.plan) {
        // Completed weeks cannot be negative, even for a plan that starts after today.
        out["self_care_weeks"] = std::max(0, floor_div(a.plan->days_since_start, 7));
        out["improved"] = a.plan->improved ? Json(*a.plan->improved) : Json(nullptr);
    }
    Json regions = Json::array();
    for (const auto& [region, side] : a.recent_regions)
        regions.push_back(Json{{"region", to_string(region)}, {"side", to_string(side)}});
    out["regions"] = std::move(regions);
    out["findings"] = Json{{"spreading", a.spreading},
                           {"asymmetric", a.asymmetric},
                           {"worsening", a.trend == Trend::rising}};
    return out;
}

Json groups_json(const Analysis& a) {
    Json groups = Json::array();
    for (std::size_t g = 0; g < a.group_first.size(); ++g)
        if (a.group_first[g])
            groups.push_back(Json{{"group", kGroupNames[g]}, {"first_date", date_text(*a.group_first[g])}});
    return groups;
}

Json analysis_json(const Analysis& a) {
    Json out = Json::object();
    out["episodes_total"] = a.episodes_total;
    out["first_date"] = date_or_null(a.first_date);
    out["last_date"] = date_or_null(a.last_date);
    out["active_days"] = a.active_days;
    out["span_days"] = a.span_days() ? Json(*a.span_days()) : Json(nullptr);
    out["duration_days"] = a.duration_days() ? Json(*a.duration_days()) : Json(nullptr);

    Json per_day = Json::array();
    per_day.get_ref<Json::array_t&>().reserve(a.per_day.size());
    for (std::size_t i = 0; i < a.per_day.size(); ++i) {
        Json item = Json::object();
        item["date"] = date_text(*a.first_date + static_cast<DayNumber>(i));
        item["count"] = a.per_day[i];
        per_day.push_back(std::move(item));
    }
    out["per_day"] = std::move(per_day);

    out["groups"] = groups_json(a);
    out["spreading"] = a.spreading;
    out["persistent"] = a.persistent;
    out["trend"] = kTrendNames[at(a.trend)];
    out["asymmetric"] = a.asymmetric;

    Json times = Json::object();
    for (std::size_t t = 0; t < kTimeOfDayNames.size(); ++t) times[std::string(kTimeOfDayNames[t])] = a.time_of_day[t];
    out["time_of_day"] = std::move(times);

    Json factors = Json::array();
    for (const FactorLink& f : a.factors) {
        Json item = Json::object();
        item["factor"] = kFactorNames[at(f.factor)];
        item["a"] = f.a;
        item["n_a"] = f.n_a;
        item["b"] = f.b;
        item["n_b"] = f.n_b;
        item["rate_ratio"] = f.rate_ratio;
        item["ci95"] = Json::array({f.ci_low, f.ci_high});
        item["strength"] = kStrengthNames[at(f.strength)];
        factors.push_back(std::move(item));
    }
    out["triggers"] = std::move(factors);
    out["suggested_assessment"] = suggested_assessment(a);

    if (a.plan) {
        const PlanProgress& p = *a.plan;
        Json plan = Json::object();
        plan["week"] = p.week;
        plan["adherence"] = Json{{"caffeine", p.caffeine}, {"water", p.water}, {"sleep", p.sleep},
                                 {"relaxation", p.relaxation}, {"tracking", p.tracking}};
        plan["baseline_rate"] = p.baseline_rate;
        plan["recent_rate"] = p.recent_rate;
        plan["improved"] = p.improved ? Json(*p.improved) : Json(nullptr);
        out["plan"] = std::move(plan);
    } else {
        out["plan"] = nullptr;
    }
    return out;
}

}  // namespace twitchcheck
