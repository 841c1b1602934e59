// analyze(journal, today): the worked examples exactly, then each fact at its boundaries.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/calendar.hpp"

#include <string>
#include <vector>

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

// Builds journals for the cases below.
struct JournalBuilder {
    Json doc = Json{{"schema", "twitchcheck.journal/1"}, {"episodes", Json::array()}, {"days", Json::array()}};
    int next_id = 0;

    JournalBuilder& episode(const std::string& at, const std::string& region = "calf", const std::string& side = "left") {
        doc["episodes"].push_back(
            Json{{"id", "e" + std::to_string(next_id++)}, {"at", at}, {"region", region}, {"side", side}});
        return *this;
    }
    // `count` episodes at noon (UTC) on `date`.
    JournalBuilder& episodes_on(const std::string& date, int count, const std::string& region = "calf",
                                const std::string& side = "left") {
        for (int i = 0; i < count; ++i) episode(date + "T12:00:00Z", region, side);
        return *this;
    }
    JournalBuilder& day(Json fields) {
        doc["days"].push_back(std::move(fields));
        return *this;
    }
    JournalBuilder& plan(const std::string& started) {
        doc["plan"] = Json{{"started", started}};
        return *this;
    }
    Json facts(const std::string& today) const {
        const auto out = api::analyze(doc.dump(), today);
        REQUIRE_FALSE(out.error);
        return twitchcheck::parse_json(out.text);
    }
};

std::vector<std::string> keys_of(const Json& object) {
    std::vector<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
    return keys;
}

const std::vector<std::string> kFactKeys{"episodes_total", "first_date", "last_date", "active_days", "span_days",
                                         "duration_days", "per_day", "groups", "spreading", "persistent", "trend",
                                         "asymmetric", "time_of_day", "triggers", "suggested_assessment", "plan"};

std::string date_plus(const std::string& date, int days) {
    return twitchcheck::date_text(*twitchcheck::parse_date(date) + days);
}

}  // namespace


TEST_CASE("every worked example's analysis equals its expect exactly, key order and number text included") {
    const auto files = test_files::list(test_files::shared("journal-examples"), ".json");
    int examples = 0;
    for (const auto& file : files) {
        if (file.find("bad-journals") != std::string::npos) continue;
        CAPTURE(file);
        ++examples;
        const Json example = twitchcheck::parse_json(test_files::read(file));
        const auto out = api::analyze(example["journal"].dump(), example["today"].get<std::string>());
        REQUIRE_FALSE(out.error);
        const Json facts = twitchcheck::parse_json(out.text);
        CHECK(facts == example["expect"]);
        CHECK(keys_of(facts) == kFactKeys);
        CHECK(keys_of(facts) == keys_of(example["expect"]));
        // Byte for byte: the house writer on both sides (so 1.0 stays 1.0, key order kept).
        CHECK(out.text == twitchcheck::to_text(example["expect"]));
    }
    CHECK(examples >= 12);
}

TEST_CASE("an empty journal: nulls, no per_day, insufficient trend, plan null") {
    const Json facts = JournalBuilder{}.facts("2026-06-11");
    CHECK(facts.dump() ==
          R"({"episodes_total":0,"first_date":null,"last_date":null,"active_days":0,"span_days":null,"duration_days":null,)"
          R"("per_day":[],"groups":[],"spreading":false,"persistent":false,"trend":"insufficient","asymmetric":false,)"
          R"("time_of_day":{"night":0,"morning":0,"afternoon":0,"evening":0},"triggers":[],)"
          R"("suggested_assessment":{"schema":"twitchcheck.assessment/1","duration_days":0,"regions":[],)"
          R"("findings":{"spreading":false,"asymmetric":false,"worsening":false}},"plan":null})");
}

TEST_CASE("one episode: every fact") {
    JournalBuilder j;
    j.episode("2026-06-09T07:30:00+02:00", "eyelid", "right");
    CHECK(j.facts("2026-06-11").dump() ==
          R"({"episodes_total":1,"first_date":"2026-06-09","last_date":"2026-06-09","active_days":1,"span_days":1,)"
          R"("duration_days":2,"per_day":[{"date":"2026-06-09","count":1},{"date":"2026-06-10","count":0},)"
          R"({"date":"2026-06-11","count":0}],"groups":[{"group":"head","first_date":"2026-06-09"}],"spreading":false,)"
          R"("persistent":false,"trend":"insufficient","asymmetric":false,)"
          R"("time_of_day":{"night":0,"morning":1,"afternoon":0,"evening":0},"triggers":[],)"
          R"("suggested_assessment":{"schema":"twitchcheck.assessment/1","duration_days":2,)"
          R"("regions":[{"region":"eyelid","side":"right"}],)"
          R"("findings":{"spreading":false,"asymmetric":false,"worsening":false}},"plan":null})");
}

TEST_CASE("a span of exactly 14 days has a trend; 13 days is insufficient; persistent needs more than 14") {
    JournalBuilder j14;
    j14.episodes_on("2026-03-01", 1).episodes_on("2026-03-14", 1);
    Json f = j14.facts("2026-03-14");
    CHECK(f["span_days"] == 14);
    CHECK(f["trend"] == "stable");
    CHECK(f["persistent"] == false);

    JournalBuilder j13;
    j13.episodes_on("2026-03-02", 1).episodes_on("2026-03-14", 1);
    CHECK(j13.facts("2026-03-14")["trend"] == "insufficient");

    JournalBuilder j15;
    j15.episodes_on("2026-02-22", 1).episodes_on("2026-03-08", 1);
    f = j15.facts("2026-03-14");  // last_date = today-6: still persistent
    CHECK(f["span_days"] == 15);
    CHECK(f["persistent"] == true);
    CHECK(j15.facts("2026-03-15")["persistent"] == false);  // last_date = today-7
}

TEST_CASE("trend thresholds in integer form: rising 2L >= 3P and L-P >= 3, falling 100L <= 67P and P-L >= 3") {
    struct Row {
        int previous, last;
        const char* trend;
    };
    for (const Row& row : std::vector<Row>{{6, 9, "rising"}, {6, 8, "stable"}, {0, 3, "rising"}, {0, 2, "stable"},
                                            {4, 6, "stable"}, {9, 6, "falling"}, {10, 7, "stable"}, {3, 0, "falling"},
                                            {100, 67, "falling"}, {100, 68, "stable"}, {2, 0, "stable"}}) {
        CAPTURE(row.previous);
        CAPTURE(row.last);
        JournalBuilder j;
        // Today 2026-03-03: the last 7 days run 02-25 .. 03-03 across the end of February,
        // the 7 before 02-18 .. 02-24; one early episode makes the span long enough.
        j.episodes_on("2026-02-01", 1, "thigh").episodes_on("2026-02-18", row.previous).episodes_on("2026-02-25", row.last);
        CHECK(j.facts("2026-03-03")["trend"] == row.trend);
    }
}

TEST_CASE("7-day windows are whole local dates across month ends and DST changes") {
    JournalBuilder j;
    // Europe's spring change (2026-03-29): a 23-hour day still counts as one date.
    j.episode("2026-03-23T00:30:00+01:00")   // today-6: in the last 7 days
        .episode("2026-03-22T23:30:00+01:00")  // today-7: the week before
        .episode("2026-03-29T01:59:59+01:00")
        .episode("2026-03-29T03:00:00+02:00")
        .episode("2026-03-16T00:00:00+01:00")   // today-13: the week before
        .episode("2026-03-15T23:59:59+01:00")   // today-14: neither
        .episode("2026-03-01T12:00:00+01:00");
    const Json f = j.facts("2026-03-29");
    CHECK(f["per_day"].back() == Json{{"date", "2026-03-29"}, {"count", 2}});
    CHECK(f["per_day"].size() == 29);
    CHECK(f["trend"] == "stable");  // L = 3, P = 2
    // Autumn change (2026-10-25, a 25-hour day) with the plan's windows.
    JournalBuilder autumn;
    autumn.plan("2026-10-26")
        .episode("2026-10-25T02:30:00+02:00")
        .episode("2026-10-25T02:30:00+01:00")
        .episode("2026-10-19T00:00:00+02:00")
        .episode("2026-10-18T23:59:59+02:00");
    const Json plan = autumn.facts("2026-10-26")["plan"];
    CHECK(plan["baseline_rate"] == 3.0 / 7);  // 10-19 .. 10-25
    CHECK(plan["recent_rate"] == 2.0 / 7);    // 10-20 .. 10-26
}

TEST_CASE("an episode's date and hour are local to its own offset (+05:45, -03:30, 23:59 local)") {
    JournalBuilder j;
    j.episode("2026-11-20T23:59:00-03:30")   // 2026-11-21 in UTC, still the 20th here
        .episode("2026-11-21T00:10:00+05:45")  // 2026-11-20 in UTC, already the 21st here
        .episode("2026-11-21T05:59:59+05:45")
        .episode("2026-11-21T06:00:00-03:30")
        .episode("2026-11-21T11:59:59Z")
        .episode("2026-11-21T12:00:00+14:00")
        .episode("2026-11-21T17:59:59-12:00")
        .episode("2026-11-21T18:00:00+00:00");
    const Json f = j.facts("2026-11-21");
    CHECK(f["first_date"] == "2026-11-20");
    CHECK(f["per_day"] == Json::parse(R"([{"date": "2026-11-20", "count": 1}, {"date": "2026-11-21", "count": 7}])"));
    CHECK(f["time_of_day"] == Json::parse(R"({"night": 2, "morning": 2, "afternoon": 2, "evening": 2})"));
}

TEST_CASE("a leap day is a day of its own in per_day and windows") {
    JournalBuilder j;
    j.episodes_on("2024-02-28", 1).episodes_on("2024-02-29", 2).episodes_on("2024-03-01", 1);
    const Json f = j.facts("2024-03-01");
    CHECK(f["per_day"] == Json::parse(R"([{"date": "2024-02-28", "count": 1}, {"date": "2024-02-29", "count": 2},
                                           {"date": "2024-03-01", "count": 1}])"));
    CHECK(f["span_days"] == 3);
    CHECK(f["duration_days"] == 2);
}

TEST_CASE("spreading needs a second group first seen 7 or more days after the first episode") {
    JournalBuilder late6, late7, one_group;
    late6.episodes_on("2026-05-01", 1, "calf").episodes_on("2026-05-07", 1, "hand");
    late7.episodes_on("2026-05-01", 1, "calf").episodes_on("2026-05-08", 1, "hand").episodes_on("2026-05-09", 1, "eyelid");
    one_group.episodes_on("2026-05-01", 1, "calf").episodes_on("2026-05-20", 1, "thigh");
    CHECK(late6.facts("2026-05-20")["spreading"] == false);
    const Json f = late7.facts("2026-05-20");
    CHECK(f["spreading"] == true);
    CHECK(f["groups"] == Json::parse(R"([{"group": "head", "first_date": "2026-05-09"},
        {"group": "arms", "first_date": "2026-05-08"}, {"group": "legs", "first_date": "2026-05-01"}])"));
    CHECK(one_group.facts("2026-05-20")["spreading"] == false);
}

TEST_CASE("asymmetric: left+right >= 10 and 5*max >= 4*(left+right); both and midline do not count") {
    struct Row {
        int left, right, both;
        bool asymmetric;
    };
    for (const Row& row : std::vector<Row>{{8, 2, 0, true}, {2, 8, 0, true}, {7, 2, 9, false}, {11, 3, 0, false},
                                            {12, 3, 0, true}, {5, 5, 20, false}}) {
        CAPTURE(row.left);
        CAPTURE(row.right);
        JournalBuilder j;
        j.episodes_on("2026-05-01", row.left, "calf", "left")
            .episodes_on("2026-05-01", row.right, "calf", "right")
            .episodes_on("2026-05-01", row.both, "calf", "both");
        CHECK(j.facts("2026-05-02")["asymmetric"] == row.asymmetric);
    }
}

TEST_CASE("trigger statistics: hand-computed rate ratios, the 0.5 correction and the listing rule") {
    // Days with caffeine over 200 mg vs not; episodes counted on each day's date.
    auto caffeine_days = [](const std::vector<std::pair<int, int>>& days) {  // {caffeine_mg, episodes}
        JournalBuilder j;
        for (std::size_t i = 0; i < days.size(); ++i) {
            const std::string date = date_plus("2026-04-01", static_cast<int>(i));
            j.day(Json{{"date", date}, {"caffeine_mg", days[i].first}});
            j.episodes_on(date, days[i].second);
        }
        return j.facts("2026-04-30")["triggers"];
    };
    // a = 6 on 3 days, b = 1 on 3 days: ratio 6; ci95 exp(ln 6 -+ 1.96 sqrt(1/6 + 1)).
    CHECK(twitchcheck::to_text(caffeine_days({{300, 2}, {300, 2}, {300, 2}, {100, 1}, {200, 0}, {0, 0}})) ==
          twitchcheck::to_text(Json::parse(R"([{"factor": "high_caffeine", "a": 6, "n_a": 3, "b": 1, "n_b": 3,
              "rate_ratio": 6.0, "ci95": [0.7223232740897249, 49.83918044917958], "strength": "possible"}])")));
    // b = 0: 0.5 added to a and b for the ratio and interval; a and b stay raw.
    CHECK(twitchcheck::to_text(caffeine_days({{300, 2}, {300, 2}, {300, 1}, {100, 0}, {100, 0}, {100, 0}, {100, 0}})) ==
          twitchcheck::to_text(Json::parse(R"([{"factor": "high_caffeine", "a": 5, "n_a": 3, "b": 0, "n_b": 4,
              "rate_ratio": 14.666666666666666, "ci95": [0.8109616424586079, 265.25435957606396], "strength": "possible"}])")));
    // Lower bound above 1: likely.
    CHECK(twitchcheck::to_text(caffeine_days({{201, 3}, {400, 3}, {500, 3}, {2000, 3}, {0, 1}, {0, 1}, {0, 1}, {0, 0}, {0, 0}, {0, 0}})) ==
          twitchcheck::to_text(Json::parse(R"([{"factor": "high_caffeine", "a": 12, "n_a": 4, "b": 3, "n_b": 6,
              "rate_ratio": 6.0, "ci95": [1.6931401968974467, 21.262267629087845], "strength": "likely"}])")));
    // Exactly 1.5: possible (2*a*n_b >= 3*b*n_a, 18 >= 18).
    CHECK(caffeine_days({{300, 1}, {300, 1}, {300, 1}, {100, 1}, {100, 1}, {100, 0}})[0]["strength"] == "possible");
    // Below 1.5: listed with strength none (a + b >= 5).
    const Json none = caffeine_days({{300, 1}, {300, 1}, {300, 0}, {100, 1}, {100, 1}, {100, 1}});
    REQUIRE(none.size() == 1);
    CHECK(none[0]["strength"] == "none");
    CHECK(none[0]["rate_ratio"] == 0.6666666666666666);
    // Not listed: fewer than 3 days on a side, or fewer than 5 twitches.
    CHECK(caffeine_days({{300, 5}, {300, 5}, {100, 0}, {100, 0}, {100, 0}}).empty());
    CHECK(caffeine_days({{300, 2}, {300, 2}, {300, 2}, {100, 0}, {100, 0}}).empty());
    CHECK(caffeine_days({{300, 2}, {300, 1}, {300, 1}, {100, 0}, {100, 0}, {100, 0}}).empty());
}

TEST_CASE("trigger factors: their thresholds, missing fields left out, every day entry counted, order") {
    JournalBuilder j;
    // Same pattern for caffeine and stress (a tie: factor order), reversed for water.
    const std::vector<int> episodes{6, 6, 6, 1, 1, 1};
    for (int i = 0; i < 6; ++i) {
        const bool high = i < 3;
        const std::string date = date_plus("2025-01-01", i * 40);  // far apart, some after today
        j.day(Json{{"date", date},
                   {"caffeine_mg", high ? 201 : 200},
                   {"stress", high ? 7 : 6},
                   {"water_ml", high ? 2000 : 1999},
                   {"sleep_h", high ? 6.999 : 7},
                   {"exercise", high ? "intense" : "moderate"}});
        j.episodes_on(date, episodes[static_cast<std::size_t>(i)]);
    }
    j.day(Json{{"date", "2026-01-01"}});  // no fields: left out of every factor
    const Json triggers = j.facts("2025-03-01")["triggers"];
    std::vector<std::string> order;
    for (const auto& t : triggers) order.push_back(t["factor"]);
    CHECK(order == std::vector<std::string>{"high_caffeine", "short_sleep", "high_stress", "intense_exercise", "low_water"});
    CHECK(triggers[0]["strength"] == "likely");
    CHECK(triggers[0]["a"] == 18);
    CHECK(triggers[0]["n_a"] == 3);
    CHECK(triggers[4]["a"] == 3);  // low_water: the low-episode days have less water
    CHECK(triggers[4]["strength"] == "none");
}

TEST_CASE("plan: week, adherence of the last 7 days, rates, improved from day 21 with a baseline") {
    JournalBuilder j;
    j.plan("2026-03-01").episodes_on("2026-02-25", 10);  // baseline window 02-22 .. 02-28
    j.day(Json{{"date", "2026-03-16"}, {"caffeine_mg", 200}, {"water_ml", 2000}, {"sleep_h", 7}, {"relaxation_min", 10}});
    j.day(Json{{"date", "2026-03-17"}, {"caffeine_mg", 201}, {"water_ml", 1999}, {"sleep_h", 9.5}, {"relaxation_min", 9}});
    j.day(Json{{"date", "2026-03-18"}, {"sleep_h", 9}});
    j.day(Json{{"date", "2026-03-15"}, {"caffeine_mg", 0}});  // today-7: outside the window
    j.episodes_on("2026-03-20", 7);                             // tracked by an episode only
    j.episodes_on("2026-03-21", 0);
    Json plan = j.facts("2026-03-22")["plan"];  // d = 21
    CHECK(twitchcheck::to_text(plan) == twitchcheck::to_text(Json::parse(R"({"week": 4,
        "adherence": {"caffeine": 1, "water": 1, "sleep": 2, "relaxation": 1, "tracking": 4},
        "baseline_rate": 1.4285714285714286, "recent_rate": 1.0, "improved": true})")));
    CHECK(j.facts("2026-03-21")["plan"]["improved"] == nullptr);  // d = 20
    j.episodes_on("2026-03-22", 1);                               // R = 8 > 0.7 * 10
    CHECK(j.facts("2026-03-22")["plan"]["improved"] == false);
    const Json suggested = j.facts("2026-03-22")["suggested_assessment"];
    CHECK(suggested["self_care_weeks"] == 3);
    CHECK(suggested["improved"] == false);

    JournalBuilder no_baseline;
    no_baseline.plan("2026-03-01").episodes_on("2026-03-20", 1);
    CHECK(no_baseline.facts("2026-03-30")["plan"]["improved"] == nullptr);
    CHECK(no_baseline.facts("2026-03-07")["plan"]["week"] == 1);
    CHECK(no_baseline.facts("2026-03-08")["plan"]["week"] == 2);
    CHECK(no_baseline.facts("2026-02-28")["plan"]["week"] == 0);  // 1 + floor(-1 / 7)
    CHECK(no_baseline.facts("2026-02-28")["suggested_assessment"]["self_care_weeks"] == 0);

    JournalBuilder empty_plan;
    empty_plan.doc["plan"] = Json::object();
    CHECK(empty_plan.facts("2026-03-07")["plan"] == nullptr);
    CHECK_FALSE(empty_plan.facts("2026-03-07")["suggested_assessment"].contains("self_care_weeks"));
}

TEST_CASE("suggested assessment: regions of the last 30 days in region then side order") {
    JournalBuilder j;
    j.episodes_on("2026-04-01", 1, "foot", "midline")  // today-30: left out
        .episodes_on("2026-04-02", 1, "calf", "both")
        .episodes_on("2026-04-20", 2, "calf", "right")
        .episodes_on("2026-04-25", 1, "calf", "left")
        .episodes_on("2026-04-30", 1, "eyelid", "right")
        .episodes_on("2026-05-02", 1, "face", "left");  // after today
    const Json s = j.facts("2026-05-01")["suggested_assessment"];
    CHECK(s["duration_days"] == 30);
    CHECK(s["regions"] == Json::parse(R"([{"region": "eyelid", "side": "right"}, {"region": "calf", "side": "left"},
        {"region": "calf", "side": "right"}, {"region": "calf", "side": "both"}])"));
}

TEST_CASE("episodes only after today: per_day is empty, duration_days negative, suggested 0") {
    JournalBuilder j;
    j.episodes_on("2026-05-10", 1);
    const Json f = j.facts("2026-05-01");
    CHECK(f["per_day"] == Json::array());
    CHECK(f["duration_days"] == -9);
    CHECK(f["suggested_assessment"]["duration_days"] == 0);
}
