// Monotonic rules: for many generated assessments, a finding turned from no/unanswered to
// yes, a longer duration, or one more region never makes the level less urgent.
#include <doctest/doctest.h>

#include "twitchcheck/checker.hpp"

#include <random>

using twitchcheck::Json;

namespace {

Json random_assessment(std::mt19937& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    Json a{{"schema", "twitchcheck.assessment/1"}, {"duration_days", pick(60)}};
    if (pick(2)) a["lifestyle_changes_tried"] = pick(2) == 1;
    if (pick(2)) a["self_care_weeks"] = pick(8);
    const int improved = pick(3);
    if (improved < 2) a["improved"] = improved == 1;
    Json regions = Json::array();
    for (int i = pick(4); i > 0; --i)
        regions.push_back(Json{{"region", twitchcheck::kRegionNames[static_cast<std::size_t>(pick(14))]},
                               {"side", twitchcheck::kSideNames[static_cast<std::size_t>(pick(4))]}});
    a["regions"] = regions;
    Json findings = Json::object();
    for (auto name : twitchcheck::kFindingNames) {
        const int answer = pick(5);  // mostly no, sometimes yes, sometimes unanswered
        if (answer < 3) findings[std::string(name)] = false;
        else if (answer == 3) findings[std::string(name)] = true;
    }
    a["findings"] = findings;
    return a;
}

int urgency(const Json& a) {
    // Level values: smaller is more urgent.
    const auto& rules = twitchcheck::builtin_rules();
    return static_cast<int>(twitchcheck::evaluate(rules, twitchcheck::parse_assessment(a)).level);
}

}  // namespace

TEST_CASE("turning any finding to yes, raising duration_days or adding a region never lowers the level") {
    std::mt19937 rng(20261126);
    int checks = 0;
    for (int n = 0; n < 3000; ++n) {
        const Json a = random_assessment(rng);
        const int before = urgency(a);
        for (auto name : twitchcheck::kFindingNames) {
            if (a["findings"].value(std::string(name), false)) continue;
            Json more = a;
            more["findings"][std::string(name)] = true;
            CHECK_MESSAGE(urgency(more) <= before, a.dump() << " + " << name);
            ++checks;
        }
        for (int extra : {1, 7, 14, 400}) {
            Json longer = a;
            longer["duration_days"] = a["duration_days"].get<int>() + extra;
            CHECK_MESSAGE(urgency(longer) <= before, a.dump() << " + " << extra << " days");
            ++checks;
        }
        // Every region, on a random side: a new place, or one already there on another side.
        for (auto region : twitchcheck::kRegionNames) {
            Json more = a;
            more["regions"].push_back(Json{{"region", region},
                                           {"side", twitchcheck::kSideNames[static_cast<std::size_t>(rng() % 4)]}});
            CHECK_MESSAGE(urgency(more) <= before, a.dump() << " + " << region);
            ++checks;
        }
    }
    CHECK(checks > 90000);
}
