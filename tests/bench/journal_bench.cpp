// How long a journal takes to load (parse + validate) and to analyse, for a realistic
// generated journal of N episodes (N = 20,000 is about three years). Prints one line per N:
//   journal_bench native|wasm N=20000 days=1100 bytes=… parse_validate_ms=… analyze_ms=… report_json_ms=…
//     session_load_ms=… session_analyze_ms=… session_report_json_ms=… add_episode_us=…
//     change_episode_us=… document_ms=… csv_ms=… model_bytes_per_episode=…
// (medians). The session_ figures are the resident journal (api::JournalSession, what the
// module's JournalSession calls): load once, then one record at a time, and analysis from the
// resident model. Optional argv: the sizes to run, each N or N:DAYS (200000:1100 is the
// issue's 200,000 episodes over three years). Timing never fails anything.
#include "bench_support.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/journal_report.hpp"
#include "twitchcheck/journal_session.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using bench::kWhere;
using bench::median;

using twitchcheck::Json;

// A fixed-seed generator, so every run (native or wasm) measures the same journal.
struct Random {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// N episodes over `days` days (a three-year diary at N = 20,000 and 1,100 days), a day entry
// for every day, notes on one episode in eight, a plan and an assessment a month.
Json generate_journal(int n, int days, twitchcheck::DayNumber& today) {
    Random random{0x7c3f2026ULL + static_cast<std::uint64_t>(n)};
    const twitchcheck::DayNumber first = *twitchcheck::parse_date("2023-06-01");
    today = first + days - 1;
    const char* offsets[] = {"+01:00", "+02:00", "+01:00", "+02:00", "Z", "-05:00", "+05:45", "-03:30"};
    const char* notes[] = {"after 3 coffees", "during a long meeting", "woke up with it",
                           "left calf again, stronger than yesterday", "ran 10 km in the morning",
                           "eyelid, while reading on the screen", "=not a formula", "<b>not HTML</b>"};
    // Realistic spread: mostly calves and eyelids, then other regions.
    const int regions[] = {12, 12, 12, 0, 0, 0, 13, 11, 6, 1, 9, 3, 12, 0};
    Json episodes = Json::array();
    for (int i = 0; i < n; ++i) {
        // One draw per statement: the order of operands of + is unspecified, and gcc and
        // clang differ, which would make the native and wasm journals differ.
        const twitchcheck::DayNumber date = first + random.below(days);
        const int region = regions[random.below(14)];
        const int hour = random.below(24), minute = random.below(60), second = random.below(60);
        const char* offset = offsets[random.below(8)];
        const std::uint32_t suffix = random.next() % 100000;
        const int side = region == 2 || region == 7 ? 3 : random.below(3);
        Json e = Json::object();
        e["id"] = "ep-" + std::to_string(i) + "-" + std::to_string(suffix);
        e["at"] = twitchcheck::date_text(date) + "T" + two(hour) + ":" + two(minute) + ":" + two(second) + offset;
        e["region"] = twitchcheck::kRegionNames[static_cast<std::size_t>(region)];
        e["side"] = twitchcheck::kSideNames[static_cast<std::size_t>(side)];
        if (random.chance(70)) e["duration_s"] = 1 + random.below(120);
        if (random.chance(85)) e["intensity"] = 1 + random.below(5);
        if (random.chance(60)) {
            Json triggers = Json::array();
            for (int t = random.below(3); t >= 0; --t) triggers.push_back(twitchcheck::kTriggerNames[static_cast<std::size_t>(random.below(6))]);
            e["triggers"] = std::move(triggers);
        }
        if (random.below(8) == 0) e["note"] = notes[random.below(8)];
        episodes.push_back(std::move(e));
    }
    Json day_entries = Json::array();
    const char* exercise[] = {"none", "moderate", "intense"};
    for (int d = 0; d < days; ++d) {
        Json day = Json::object();
        day["date"] = twitchcheck::date_text(first + d);
        if (random.chance(90)) day["caffeine_mg"] = random.below(6) * 80;
        if (random.chance(80)) day["water_ml"] = 800 + random.below(14) * 150;
        if (random.chance(85)) day["sleep_h"] = 4.5 + random.below(10) * 0.5;
        if (random.chance(75)) day["stress"] = random.below(11);
        if (random.chance(60)) day["exercise"] = exercise[random.below(3)];
        if (random.chance(50)) day["relaxation_min"] = random.below(5) * 10;
        day_entries.push_back(std::move(day));
    }
    Json assessments = Json::array();
    for (int d = 20; d < days; d += 30) {
        Json input = Json::parse(R"({"schema": "twitchcheck.assessment/1", "lifestyle_changes_tried": true,
            "self_care_weeks": 2, "improved": null, "regions": [{"region": "calf", "side": "left"}],
            "findings": {"spreading": false, "muscle_wasting": false, "weakness": false, "asymmetric": false,
                         "worsening": false}, "triggers": ["caffeine", "stress"]})");
        input["duration_days"] = d;
        assessments.push_back(Json{{"at", twitchcheck::date_text(first + d) + "T09:00:00+01:00"},
                                   {"input", std::move(input)},
                                   {"level", "monitor"},
                                   {"rules_version", "2026.11.1"}});
    }
    return Json{{"schema", "twitchcheck.journal/1"},
                {"episodes", std::move(episodes)},
                {"days", std::move(day_entries)},
                {"plan", Json{{"started", twitchcheck::date_text(today - 40)}}},
                {"assessments", std::move(assessments)}};
}

template <class Body>
double milliseconds(Body&& body) {
    const auto start = std::chrono::steady_clock::now();
    body();
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    return took.count();
}

// The resident journal on the same text: load, analysis and exports from the model, and
// single-record changes at this size (each added episode is deleted again, untimed, so
// every add meets a journal of N episodes).
void resident_figures(const std::string& text, twitchcheck::DayNumber today_day, int runs, std::size_t& sink) {
    const std::string today = twitchcheck::date_text(today_day);
    std::vector<double> load, analysis, report, document, csv, add, change;
    std::size_t model_bytes = 0;  // the resident model's heap: the document tree, the facts, the indexes
    twitchcheck::api::JournalSession session;
    for (int run = 0; run < runs; ++run) {
        session = twitchcheck::api::JournalSession();
        const std::size_t before = bench::heap_in_use();
        load.push_back(milliseconds([&] { sink += session.load(text).text.size(); }));
        model_bytes = bench::heap_in_use() - before;
    }
    for (int run = 0; run < runs; ++run) {
        analysis.push_back(milliseconds([&] { sink += session.analyze(today).text.size(); }));
        report.push_back(milliseconds([&] { sink += session.report(today, "json").text.size(); }));
    }
    for (int run = 0; run < std::min(runs, 3); ++run) {
        document.push_back(milliseconds([&] { sink += session.document().text.size(); }));
        csv.push_back(milliseconds([&] { sink += session.report(today, "csv").text.size(); }));
    }
    const std::string at = today + "T08:15:00+01:00";
    for (int k = 0; k < 300; ++k) {
        const std::string id = "bench-" + std::to_string(k);
        const std::string episode = R"({"id": ")" + id + R"(", "at": ")" + at +
                                    R"(", "region": "calf", "side": "left", "duration_s": 20, "intensity": 2, "triggers": ["caffeine"]})";
        const std::string changed = R"({"id": ")" + id + R"(", "at": ")" + at +
                                    R"(", "region": "calf", "side": "right", "duration_s": 25, "intensity": 3, "note": "stronger"})";
        add.push_back(1000 * milliseconds([&] { sink += session.add_episode(episode).text.size(); }));
        change.push_back(1000 * milliseconds([&] { sink += session.change_episode(changed).text.size(); }));
        sink += session.delete_episode(id).text.size();
    }
    std::printf(" session_load_ms=%.2f session_analyze_ms=%.3f session_report_json_ms=%.3f add_episode_us=%.1f"
                " change_episode_us=%.1f document_ms=%.2f csv_ms=%.2f model_bytes_per_episode=%.0f\n",
                median(load), median(analysis), median(report), median(add), median(change), median(document),
                median(csv), static_cast<double>(model_bytes) / static_cast<double>(session.resident().journal().episodes.size()));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    // N, or N:DAYS for a journal of N episodes over DAYS days (default: N * 1100 / 20000).
    std::vector<std::pair<int, int>> sizes;
    for (const char* size : {"5000", "20000", "80000"}) sizes.emplace_back(std::atoi(size), 0);
    if (argc > 1) {
        sizes.clear();
        for (int i = 1; i < argc; ++i) {
            const char* days = std::strchr(argv[i], ':');
            sizes.emplace_back(std::atoi(argv[i]), days ? std::atoi(days + 1) : 0);
        }
    }
    std::size_t sink = 0;
    for (auto [n, days] : sizes) {
        if (days <= 0) days = std::max(30, n * 1100 / 20000);
        twitchcheck::DayNumber today = 0;
        const std::string text = generate_journal(n, days, today).dump();
        const int runs = n > 40000 ? 5 : 9;
        std::vector<double> load, analysis, report;
        for (int run = 0; run < runs; ++run) {
            twitchcheck::Journal journal;
            load.push_back(milliseconds([&] { journal = twitchcheck::read_journal(text); }));
            analysis.push_back(milliseconds([&] {
                sink += twitchcheck::to_text(twitchcheck::analysis_json(twitchcheck::analyze(journal, today))).size();
            }));
            report.push_back(milliseconds([&] { sink += twitchcheck::journal_report(journal, today, "json", twitchcheck::language("en")).size(); }));
        }
        std::printf("journal_bench %s N=%d days=%d bytes=%zu parse_validate_ms=%.2f analyze_ms=%.3f report_json_ms=%.3f",
                    kWhere, n, days, text.size(), median(load), median(analysis), median(report));
        resident_figures(text, today, runs, sink);
    }
    // Keeps the work from being optimised away; never true in practice.
    if (sink == 42) std::puts("");
    return 0;
}
