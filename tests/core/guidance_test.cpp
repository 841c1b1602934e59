// checker.md's promise "no answer is ever less urgent than any source advises": each
// finding of its table, alone, against the level its source's advice maps to (the source
// article, NICE NG42 1.1.2-1.1.4, the NHS page "Twitching eyes and muscles"), with the
// rule and source that carry it; and the harmless cases of those sources stay self-care.
#include <doctest/doctest.h>

#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"

#include <string>
#include <vector>

using twitchcheck::Json;

namespace {

// 3 days, one calf, every finding answered "no" but `yes`.
Json alone(std::initializer_list<const char*> yes) {
    Json a{{"schema", "twitchcheck.assessment/1"}, {"duration_days", 3}};
    a["regions"] = Json::array({Json{{"region", "calf"}, {"side", "left"}}});
    Json findings = Json::object();
    for (auto name : twitchcheck::kFindingNames) findings[std::string(name)] = false;
    for (auto name : yes) findings[name] = true;
    a["findings"] = findings;
    return a;
}

Json result_of(const Json& assessment) {
    const auto out = twitchcheck::api::assess(assessment.dump());
    REQUIRE_FALSE(out.error);
    return twitchcheck::parse_json(out.text);
}

struct Case {
    std::string what;  // the sign, as the source names it
    Json input;
    std::string level;   // the level the source's advice maps to (checker.md, Levels)
    std::string rule;    // the rule that gives it
    std::string source;  // that rule's source
};

}  // namespace

TEST_CASE("each finding of checker.md's table, alone, gives the level its source advises, from that source") {
    const std::string article_flags = "Red Flags That Require Medical Attention";
    const std::string checklist = "Checklist: When to Seek Immediate Medical Help";
    const std::string nhs = "NHS: Twitching eyes and muscles";
    Json tongue = alone({});
    tongue["regions"] = Json::array({Json{{"region", "tongue"}, {"side", "midline"}}});
    Json eyelid_and_calf = alone({});
    eyelid_and_calf["regions"] = Json::array({Json{{"region", "eyelid"}, {"side", "right"}},
                                              Json{{"region", "calf"}, {"side", "left"}}});
    Json three_weeks = alone({});
    three_weeks["duration_days"] = 21;
    const std::vector<Case> cases{
        // The article.
        {"twitching that spreads to new places", alone({"spreading"}), "prompt", "RF-SPREADING", article_flags},
        {"a muscle that looks smaller", alone({"muscle_wasting"}), "immediate", "RF-WASTING", article_flags},
        {"weak muscles (NHS: the area feels weak, see a GP)", alone({"weakness"}), "consult", "RF-WEAKNESS", checklist},
        {"weakness that gets worse", alone({"weakness_progressive"}), "prompt", "RF-PROGRESSIVE-WEAKNESS", article_flags},
        {"numbness or tingling", alone({"numbness_tingling"}), "urgent", "RF-SENSORY", article_flags},
        {"clumsy moves (NICE: falls, trips)", alone({"coordination_changes"}), "urgent", "RF-SENSORY", article_flags},
        {"slurred speech (NICE: speech problems)", alone({"slurred_speech"}), "urgent", "RF-BULBAR", checklist},
        {"trouble swallowing (NICE: swallowing problems)", alone({"swallowing_difficulty"}), "urgent", "RF-BULBAR", checklist},
        {"a nerve or muscle disease in the family", alone({"family_history"}), "monitor", "RF-FAMILY", checklist},
        {"a sudden droop, weak limb or speech (a possible stroke)", alone({"sudden_onset_neuro"}), "emergency",
         "SAFETY-SUDDEN", "general safety"},
        {"struggling to breathe right now", alone({"breathing_hard_now"}), "emergency", "SAFETY-BREATHING",
         "general safety"},
        // NICE NG42 1.1.2-1.1.3 (1.1.4: refer without delay).
        {"out of breath on effort or lying flat, morning headaches, sleepy by day", alone({"breathing_problems"}),
         "urgent", "RF-BREATHING", "NICE NG42 1.1.2"},
        {"hands that lose their skill, dropping things", alone({"function_loss"}), "prompt", "RF-FUNCTION",
         "NICE NG42 1.1.2"},
        {"twitching of the tongue", tongue, "prompt", "RF-TONGUE", "NICE NG42 1.1.2"},
        {"changes in behaviour, emotions out of control", alone({"behaviour_changes"}), "prompt", "RF-BEHAVIOUR",
         "NICE NG42 1.1.3"},
        // The NHS page: see a GP.
        {"a twitch that has lasted more than 2 weeks", three_weeks, "consult", "RF-PERSISTENT",
         article_flags + "; " + nhs},
        {"a twitch in more than one place", eyelid_and_calf, "consult", "RF-MANY-PLACES", nhs},
        {"the area feels stiff", alone({"stiffness"}), "consult", "RF-STIFFNESS", nhs},
        {"a prescribed medicine might be causing it", alone({"medicine_suspected"}), "consult", "RF-MEDICINE", nhs},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const Json result = result_of(c.input);
        CHECK(result["level"] == c.level);
        const Json& first = result["fired"][0];
        CHECK(first["id"] == c.rule);
        CHECK(first["level"] == c.level);
        CHECK(first["source"] == c.source);
    }
}

TEST_CASE("the findings that sources call common with harmless twitching do not raise the level alone") {
    // Asymmetric twitching matters with weakness (RF-ASYMMETRIC-WEAKNESS); worsening after
    // 2 weeks (RF-PERSISTENT-WORSENING); cramps never (the article and the NHS page agree).
    for (const char* finding : {"asymmetric", "worsening", "cramps"}) {
        CAPTURE(finding);
        CHECK(result_of(alone({finding}))["level"] == "self_care");
    }
}

TEST_CASE("the six harmless cases of the sources stay self-care") {
    auto harmless = [](int days, Json regions, Json triggers, std::initializer_list<const char*> yes) {
        Json a = alone(yes);
        a["duration_days"] = days;
        a["regions"] = std::move(regions);
        a["triggers"] = std::move(triggers);
        return a;
    };
    auto place = [](const char* region, const char* side) { return Json{{"region", region}, {"side", side}}; };
    const std::vector<std::pair<std::string, Json>> cases{
        {"an eyelid, after coffee and stress", harmless(4, Json::array({place("eyelid", "left")}), Json::array({"caffeine", "stress"}), {})},
        {"an eyelid, with poor sleep and screens", harmless(10, Json::array({place("eyelid", "right")}), Json::array({"poor_sleep", "fatigue"}), {})},
        {"cramps in the calf after a run", harmless(1, Json::array({place("calf", "right")}), Json::array({"intense_exercise", "dehydration"}), {"cramps"})},
        {"a thigh, when tired", harmless(6, Json::array({place("thigh", "left")}), Json::array({"fatigue"}), {})},
        {"both calves", harmless(7, Json::array({place("calf", "both")}), Json::array({"stress"}), {})},
        {"the left calf and the right calf", harmless(12, Json::array({place("calf", "left"), place("calf", "right")}), Json::array({"caffeine"}), {})},
    };
    for (const auto& one : cases) {
        CAPTURE(one.first);
        const Json result = result_of(one.second);
        CHECK(result["level"] == "self_care");
        CHECK(result["unanswered"] == Json::array());
    }
}
