// Reading assessments: defaults, and every class of bad input named by its JSON path.
#include <doctest/doctest.h>

#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"

using twitchcheck::Json;

namespace {

// The error an assessment text gets from the api: {path, message}; fails if it succeeds.
std::pair<std::string, std::string> error_of(const std::string& text) {
    const auto out = twitchcheck::api::assess(text);
    REQUIRE(out.error.has_value());
    const Json doc = twitchcheck::parse_json(out.text);
    CHECK(doc["schema"] == "twitchcheck.error/1");
    CHECK(doc["error"]["path"] == out.error->path);
    CHECK(doc["error"]["message"] == out.error->message);
    return {out.error->path, out.error->message};
}

std::string with(const std::string& fields) {
    return R"({"schema": "twitchcheck.assessment/1", "duration_days": 3)" + (fields.empty() ? "" : ", " + fields) + "}";
}

}  // namespace

TEST_CASE("left-out fields take the documented defaults") {
    const auto a = twitchcheck::parse_assessment(twitchcheck::parse_json(with("")));
    CHECK(a.duration_days == 3);
    CHECK(a.lifestyle_changes_tried == false);
    CHECK(a.self_care_weeks == 0);
    CHECK_FALSE(a.improved.has_value());
    CHECK(a.regions.empty());
    CHECK(a.triggers.empty());
    for (const auto& f : a.findings) CHECK_FALSE(f.has_value());
}

TEST_CASE("every field is read with its value") {
    const auto a = twitchcheck::parse_assessment(twitchcheck::parse_json(with(
        R"("lifestyle_changes_tried": true, "self_care_weeks": 520, "improved": true,
           "regions": [{"region": "foot", "side": "midline"}], "findings": {"cramps": false, "weakness": true},
           "triggers": ["poor_sleep"])")));
    CHECK(a.lifestyle_changes_tried);
    CHECK(a.self_care_weeks == 520);
    CHECK(a.improved == true);
    REQUIRE(a.regions.size() == 1);
    CHECK(a.regions[0].region == twitchcheck::Region::foot);
    CHECK(a.regions[0].side == twitchcheck::Side::midline);
    CHECK(a.findings[11] == false);
    CHECK(a.findings[2] == true);
    CHECK(a.triggers == std::vector<twitchcheck::Trigger>{twitchcheck::Trigger::poor_sleep});
    // The six findings added with NICE NG42 and the NHS page, in the contract's order.
    const auto b = twitchcheck::parse_assessment(twitchcheck::parse_json(with(
        R"("findings": {"medicine_suspected": true, "stiffness": false, "behaviour_changes": true,
                        "function_loss": false, "breathing_problems": true, "breathing_hard_now": false})")));
    CHECK(b.findings[13] == false);
    CHECK(b.findings[14] == true);
    CHECK(b.findings[15] == false);
    CHECK(b.findings[16] == true);
    CHECK(b.findings[17] == false);
    CHECK(b.findings[18] == true);
    CHECK_FALSE(b.findings[12].has_value());
    CHECK(twitchcheck::parse_assessment(twitchcheck::parse_json(with(R"("improved": null)"))).improved == std::nullopt);
}

TEST_CASE("bad assessments are refused with the JSON path of the problem") {
    struct Case {
        std::string text, path, message;
    };
    const std::vector<Case> cases{
        {"not json", "", "this is not valid JSON text"},
        {"", "", "this is not valid JSON text"},
        {"[1, 2]", "", "expected an assessment object"},
        {R"({"duration_days": 3})", "schema", "is required"},
        {R"({"schema": "twitchcheck.assessment/2", "duration_days": 3})", "schema", "expected \"twitchcheck.assessment/1\""},
        {R"({"schema": "twitchcheck.assessment/1"})", "duration_days", "is required"},
        {R"({"schema": "twitchcheck.assessment/1", "duration_days": "3"})", "duration_days", "must be a whole number from 0 to 36500"},
        {R"({"schema": "twitchcheck.assessment/1", "duration_days": 3.0})", "duration_days", "must be a whole number from 0 to 36500"},
        {R"({"schema": "twitchcheck.assessment/1", "duration_days": -1})", "duration_days", "must be a whole number from 0 to 36500"},
        {R"({"schema": "twitchcheck.assessment/1", "duration_days": 36501})", "duration_days", "must be a whole number from 0 to 36500"},
        {R"({"schema": "twitchcheck.assessment/1", "duration_days": 18446744073709551615})", "duration_days", "must be a whole number from 0 to 36500"},
        {with(R"("lifestyle_changes_tried": "yes")"), "lifestyle_changes_tried", "expected true or false"},
        {with(R"("lifestyle_changes_tried": null)"), "lifestyle_changes_tried", "expected true or false"},
        {with(R"("self_care_weeks": 521)"), "self_care_weeks", "must be a whole number from 0 to 520"},
        {with(R"("improved": 0)"), "improved", "expected true, false or null"},
        {with(R"("regions": {"region": "calf"})"), "regions", "expected a list of body regions"},
        {with(R"("regions": ["calf"])"), "regions[0]", "expected an object with a region and a side"},
        {with(R"("regions": [{"region": "calf", "side": "left"}, {"region": "knee", "side": "left"}])"), "regions[1].region",
         "expected a known body region: eyelid, face, tongue, shoulder, upper_arm, forearm, hand, neck, chest, back, abdomen, thigh, calf or foot"},
        {with(R"("regions": [{"region": "calf", "side": "up"}])"), "regions[0].side", "expected a known side: left, right, both or midline"},
        {with(R"("regions": [{"region": "calf"}])"), "regions[0].side", "is required"},
        {with(R"("regions": [{"region": "calf", "side": "left", "note": "x"}])"), "regions[0].note", "unknown field"},
        {with(R"("findings": {"weakness": "no"})"), "findings.weakness", "expected true or false"},
        {with(R"("findings": {"weakness": null})"), "findings.weakness", "expected true or false"},
        {with(R"("findings": {"fever": true})"), "findings.fever",
         "unknown finding; expected one of spreading, muscle_wasting, weakness, weakness_progressive, asymmetric, numbness_tingling, coordination_changes, slurred_speech, swallowing_difficulty, family_history, worsening, cramps, sudden_onset_neuro, breathing_hard_now, breathing_problems, function_loss, behaviour_changes, stiffness or medicine_suspected"},
        {with(R"("findings": {"stiffness": 1})"), "findings.stiffness", "expected true or false"},
        {with(R"("findings": {"breathing_hard_now": "not sure"})"), "findings.breathing_hard_now", "expected true or false"},
        {with(R"("findings": [])"), "findings", "expected an object of yes/no answers"},
        {with(R"("triggers": ["coffee"])"), "triggers[0]",
         "expected a known trigger: caffeine, stress, fatigue, dehydration, intense_exercise or poor_sleep"},
        {with(R"("triggers": "caffeine")"), "triggers", "expected a list of triggers"},
        {with(R"("age": 40)"), "age", "unknown field"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto [path, message] = error_of(c.text);
        CHECK(path == c.path);
        CHECK(message == c.message);
    }
}

TEST_CASE("arrays nested 100,000 levels deep are refused and the next call still works") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(error_of(deep) == std::pair<std::string, std::string>{"", "expected an assessment object"});
    CHECK(error_of(with(R"("regions": )" + deep)) ==
          std::pair<std::string, std::string>{"regions[0]", "expected an object with a region and a side"});
    CHECK(error_of(with(R"("findings": {"weakness": )" + deep + "}")) ==
          std::pair<std::string, std::string>{"findings.weakness", "expected true or false"});
    const auto next = twitchcheck::api::assess(with(""));
    REQUIRE_FALSE(next.error);
    CHECK(twitchcheck::parse_json(next.text)["level"] == "self_care");
}

TEST_CASE("a 10 MB string is refused without echoing it and the next call still works") {
    const std::string big(10 * 1024 * 1024, 'x');
    const auto [path, message] = error_of(R"({"schema": ")" + big + R"(", "duration_days": 3})");
    CHECK(path == "schema");
    CHECK(message.size() < 100);
    CHECK(error_of(with(R"("triggers": [")" + big + R"("])")).first == "triggers[0]");
    CHECK_FALSE(twitchcheck::api::assess(with("")).error);
}

TEST_CASE("a deep value followed by more keys is refused without copying it recursively") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(error_of(R"({"schema": "twitchcheck.assessment/1", "duration_days": 3, "regions": )" + deep +
                   R"(, "a": 1, "b": 2, "c": 3, "d": 4})") ==
          std::pair<std::string, std::string>{"regions[0]", "expected an object with a region and a side"});
    CHECK(error_of(R"({"x": )" + deep + R"(, "a": 1, "b": 2, "c": 3})") ==
          std::pair<std::string, std::string>{"schema", "is required"});
}
