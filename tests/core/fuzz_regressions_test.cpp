// Bugs found by the quality checks (issue 7: fuzzing, sanitizers, the differential test),
// each kept as a test. This file runs natively and inside wasm, so a value checked here
// is checked in both doors.
#include <doctest/doctest.h>

#include "twitchcheck/api.hpp"
#include "twitchcheck/portable_math.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

// Reference values: the correctly rounded result, computed with Python's decimal module
// at 60 digits (float(Decimal(x).ln()), float(Decimal(x).exp())).
const std::vector<std::pair<double, double>> kLogCases{
    {0.7475, -0.29102097371729546}, {1e-05, -11.512925464970229}, {0.5, -0.6931471805599453},
    {3.0, 1.0986122886681098}, {1.0000001, 9.999999505838704e-08}, {123456.789, 11.723646487185881},
    {5.154415118725233, 1.6398536520067881}, {28.448376817798746, 3.348091105088775},
    {2.900970016310452, 1.065045169446575}, {7.25e-200, -458.53601712994254}, {9.5e+250, 577.897565047118},
    {2.5673939442583766e-05, -10.570034110010258}, {7.978906447447088e-10, -20.949049564529886},
    {8570.388836571694, 9.056068382391224}, {7.222479507072683e-12, -25.653822799947434},
    {8.609965043141306, 2.152920258401352}, {0.0003163488539060486, -8.058664985244867},
};
const std::vector<std::pair<double, double>> kExpCases{
    {-0.3085, 0.7345479521991701}, {0.30836, 1.3611909294771734}, {1.0, 2.718281828459045},
    {-1.0, 0.36787944117144233}, {0.5, 1.6487212707001282}, {1e-10, 1.0000000001}, {-1e-10, 0.9999999999},
    {30.25, 13721704977464.906}, {-30.25, 7.287724095819692e-14}, {100.0, 2.6881171418161356e+43},
    {-600.5, 1.6075467697937942e-261}, {650.0, 1.956199921370272e+282}, {0.6931471805599453, 2.0},
    {2.5e-05, 1.0000250003125026}, {-35.36008601802345, 4.3985523256180023e-16},
    {0.5948586551536224, 1.8127747004896075}, {-37.00034732464121, 8.530084402669e-17},
    {-5.308345307009134, 0.004950110858433756}, {-34.411566114030485, 1.1356557993761017e-15},
    {-32.742958932490794, 6.0243974279693295e-15},
};

}  // namespace

TEST_CASE("portable log is correctly rounded, natively and in wasm alike") {
    for (const auto& c : kLogCases) {  // no structured binding: clang 14 cannot capture one in CAPTURE
        CAPTURE(c.first);
        CHECK(twitchcheck::portable::log(c.first) == c.second);
    }
    CHECK(twitchcheck::portable::log(1.0) == 0.0);
}

TEST_CASE("portable exp is correctly rounded, natively and in wasm alike") {
    for (const auto& c : kExpCases) {  // no structured binding: clang 14 cannot capture one in CAPTURE
        CAPTURE(c.first);
        CHECK(twitchcheck::portable::exp(c.first) == c.second);
    }
    CHECK(twitchcheck::portable::exp(0.0) == 1.0);
}

// Differential test, journal #142: natively (glibc) the upper ci95 bound of high_caffeine
// was 1.3610189344606936, in wasm (musl) 1.3610189344606933. The correctly rounded value
// is ...936. Counts a=23 on n_a=20 high-caffeine days, b=20 on n_b=13 other days.
TEST_CASE("a trigger's ci95 is the same correctly rounded value in both doors (a=23 n_a=20 b=20 n_b=13)") {
    nlohmann::json journal{{"schema", "twitchcheck.journal/1"}, {"episodes", nlohmann::json::array()},
                           {"days", nlohmann::json::array()}};
    int id = 0;
    auto day = [&](const std::string& date, int caffeine, int episodes) {
        journal["days"].push_back({{"date", date}, {"caffeine_mg", caffeine}});
        for (int e = 0; e < episodes; ++e)
            journal["episodes"].push_back({{"id", "e" + std::to_string(id++)}, {"at", date + "T10:00:00Z"},
                                           {"region", "calf"}, {"side", "left"}});
    };
    auto two_digits = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    // October 1-20: high caffeine, 23 episodes (3 days with 2). November 1-13: 20 episodes (7 days with 2).
    for (int d = 1; d <= 20; ++d) day("2026-10-" + two_digits(d), 300, d <= 3 ? 2 : 1);
    for (int d = 1; d <= 13; ++d) day("2026-11-" + two_digits(d), 100, d <= 7 ? 2 : 1);
    const auto out = twitchcheck::api::analyze(journal.dump(), "2026-11-20");
    REQUIRE_FALSE(out.error);
    const auto analysis = nlohmann::json::parse(out.text);
    const auto& caffeine = analysis["triggers"][0];
    REQUIRE(caffeine["factor"] == "high_caffeine");
    CHECK(caffeine["a"] == 23);
    CHECK(caffeine["n_a"] == 20);
    CHECK(caffeine["b"] == 20);
    CHECK(caffeine["n_b"] == 13);
    CHECK(caffeine["rate_ratio"].get<double>() == 0.7475);
    CHECK(caffeine["ci95"][0].get<double>() == 0.4105425985285123);
    CHECK(caffeine["ci95"][1].get<double>() == 1.3610189344606936);
    CHECK(out.text.find("1.3610189344606936") != std::string::npos);
}
