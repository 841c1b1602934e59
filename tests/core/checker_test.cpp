// The rule engine with the built-in rules: each rule, ordering, unanswered, advice.
#include <doctest/doctest.h>

#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"

using twitchcheck::Json;

namespace {

Json base(int days) {
    return Json{{"schema", "twitchcheck.assessment/1"}, {"duration_days", days}};
}

// Every finding answered "no", then the given ones "yes".
Json answered(int days, std::initializer_list<const char*> yes) {
    Json a = base(days);
    Json findings = Json::object();
    for (auto name : twitchcheck::kFindingNames) findings[std::string(name)] = false;
    for (auto name : yes) findings[name] = true;
    a["findings"] = findings;
    return a;
}

std::vector<std::string> fired_ids(const Json& result) {
    std::vector<std::string> ids;
    for (const auto& f : result["fired"]) ids.push_back(f["id"].get<std::string>());
    return ids;
}

const Json& fired(const Json& result, const std::string& id) {
    for (const auto& f : result["fired"])
        if (f["id"] == id) return f;
    throw std::runtime_error("rule did not fire: " + id);
}

Json regions(std::initializer_list<std::pair<const char*, const char*>> list) {
    Json out = Json::array();
    for (auto [r, s] : list) out.push_back(Json{{"region", r}, {"side", s}});
    return out;
}

}  // namespace

TEST_CASE("each rule fires on its own condition and gives its level") {
    struct Row {
        const char* rule;
        Json input;
        const char* level;
        std::vector<std::string> because;
    };
    Json eyelid_short = answered(3, {});
    eyelid_short["regions"] = regions({{"eyelid", "left"}});
    Json eyelid_long = answered(15, {});
    eyelid_long["regions"] = regions({{"eyelid", "both"}});
    Json eyelid_face = answered(2, {});
    eyelid_face["regions"] = regions({{"eyelid", "left"}, {"face", "right"}});
    Json plan = answered(5, {});
    plan["self_care_weeks"] = 3;
    plan["improved"] = false;
    Json tongue = answered(3, {});
    tongue["regions"] = regions({{"tongue", "midline"}});
    Json two_places = answered(3, {});
    two_places["regions"] = regions({{"calf", "left"}, {"hand", "right"}});
    const std::vector<Row> rows{
        {"SAFETY-SUDDEN", answered(0, {"sudden_onset_neuro"}), "emergency", {"sudden_onset_neuro"}},
        {"SAFETY-BREATHING", answered(0, {"breathing_hard_now"}), "emergency", {"breathing_hard_now"}},
        {"RF-BREATHING", answered(3, {"breathing_problems"}), "urgent", {"breathing_problems"}},
        {"RF-FUNCTION", answered(3, {"function_loss"}), "prompt", {"function_loss"}},
        {"RF-TONGUE", tongue, "prompt", {"regions include tongue"}},
        {"RF-BEHAVIOUR", answered(3, {"behaviour_changes"}), "prompt", {"behaviour_changes"}},
        {"RF-MANY-PLACES", two_places, "consult", {"distinct_regions >= 2"}},
        {"RF-STIFFNESS", answered(3, {"stiffness"}), "consult", {"stiffness"}},
        {"RF-MEDICINE", answered(3, {"medicine_suspected"}), "consult", {"medicine_suspected"}},
        {"RF-WASTING", answered(3, {"muscle_wasting"}), "immediate", {"muscle_wasting"}},
        {"RF-SENSORY", answered(3, {"numbness_tingling"}), "urgent", {"numbness_tingling"}},
        {"RF-SENSORY", answered(3, {"coordination_changes"}), "urgent", {"coordination_changes"}},
        {"RF-BULBAR", answered(3, {"slurred_speech"}), "urgent", {"slurred_speech"}},
        {"RF-BULBAR", answered(3, {"swallowing_difficulty"}), "urgent", {"swallowing_difficulty"}},
        {"CL-TWO-OR-MORE", answered(3, {"spreading", "family_history"}), "prompt", {"CL-SPREAD", "CL-FAMILY"}},
        {"RF-SPREADING", answered(3, {"spreading"}), "prompt", {"spreading"}},
        {"RF-PROGRESSIVE-WEAKNESS", answered(3, {"weakness_progressive"}), "prompt", {"weakness_progressive"}},
        {"RF-ASYMMETRIC-WEAKNESS", answered(3, {"asymmetric", "weakness"}), "prompt", {"asymmetric", "weakness"}},
        {"RF-WEAKNESS", answered(3, {"weakness"}), "consult", {"weakness"}},
        {"RF-PERSISTENT-WORSENING", answered(15, {"worsening"}), "consult", {"duration_days > 14", "worsening"}},
        {"PLAN-NO-IMPROVEMENT", plan, "consult", {"self_care_weeks >= 3", "improved == false"}},
        {"EYELID-PERSISTENT", eyelid_long, "consult", {"regions: eyelid only", "duration_days > 14"}},
        {"EYELID-FACIAL", eyelid_face, "consult", {"regions include eyelid", "regions include face"}},
        {"RF-PERSISTENT", answered(15, {}), "consult", {"duration_days > 14"}},
        {"RF-FAMILY", answered(3, {"family_history"}), "monitor", {"family_history"}},
        {"EYELID-BENIGN", eyelid_short, "self_care", {"regions: eyelid only", "duration_days <= 14"}},
        {"SELF-CARE", answered(3, {}), "self_care", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.rule);
        const Json result = twitchcheck::check(row.input);
        const Json& f = fired(result, row.rule);
        CHECK(f["level"] == row.level);
        CHECK(result["level"] == row.level);
        CHECK(f["because"].get<std::vector<std::string>>() == row.because);
        CHECK_FALSE(f["source"].get<std::string>().empty());
    }
}

TEST_CASE("the boundaries of duration, checklist and plan rules are exact") {
    CHECK(twitchcheck::check(answered(14, {}))["level"] == "self_care");
    CHECK(twitchcheck::check(answered(15, {}))["level"] == "consult");
    CHECK(twitchcheck::check(answered(14, {"worsening"}))["level"] == "self_care");

    Json persists = answered(15, {"weakness"});
    CHECK(twitchcheck::check(persists)["checklist"] == Json::array({"CL-WEAKNESS"}));
    persists["lifestyle_changes_tried"] = true;
    const Json two = twitchcheck::check(persists);
    CHECK(two["checklist"] == Json::array({"CL-PERSISTS", "CL-WEAKNESS"}));
    CHECK(two["checklist_count"] == 2);
    CHECK(two["level"] == "prompt");

    Json plan = answered(5, {});
    plan["self_care_weeks"] = 2;
    plan["improved"] = false;
    CHECK(twitchcheck::check(plan)["level"] == "self_care");
    plan["self_care_weeks"] = 3;
    plan["improved"] = nullptr;
    CHECK(twitchcheck::check(plan)["level"] == "self_care");
    plan["improved"] = true;
    CHECK(twitchcheck::check(plan)["level"] == "self_care");

    Json mixed = answered(3, {});
    mixed["regions"] = regions({{"eyelid", "left"}, {"calf", "left"}});
    CHECK(fired_ids(twitchcheck::check(mixed)) == std::vector<std::string>{"RF-MANY-PLACES", "SELF-CARE"});
    // Sides do not count: one region on both sides, or named twice, is one place.
    mixed["regions"] = regions({{"calf", "left"}, {"calf", "right"}, {"calf", "left"}});
    CHECK(fired_ids(twitchcheck::check(mixed)) == std::vector<std::string>{"SELF-CARE"});
    mixed["regions"] = regions({{"calf", "both"}});
    CHECK(fired_ids(twitchcheck::check(mixed)) == std::vector<std::string>{"SELF-CARE"});
    mixed["regions"] = Json::array();
    CHECK(fired_ids(twitchcheck::check(mixed)) == std::vector<std::string>{"SELF-CARE"});
}

TEST_CASE("fired rules are most urgent first with ties in rule-table order") {
    Json everything = answered(30, {"spreading", "muscle_wasting", "weakness", "weakness_progressive", "asymmetric",
                                    "numbness_tingling", "coordination_changes", "slurred_speech",
                                    "swallowing_difficulty", "family_history", "worsening", "cramps",
                                    "sudden_onset_neuro", "breathing_hard_now", "breathing_problems",
                                    "function_loss", "behaviour_changes", "stiffness", "medicine_suspected"});
    everything["lifestyle_changes_tried"] = true;
    everything["self_care_weeks"] = 4;
    everything["improved"] = false;
    everything["regions"] = regions({{"eyelid", "left"}, {"face", "left"}, {"tongue", "midline"}});
    const Json result = twitchcheck::check(everything);
    CHECK(fired_ids(result) == std::vector<std::string>{
        "SAFETY-SUDDEN", "SAFETY-BREATHING", "RF-WASTING", "RF-SENSORY", "RF-BULBAR", "RF-BREATHING",
        "CL-TWO-OR-MORE", "RF-SPREADING", "RF-PROGRESSIVE-WEAKNESS", "RF-ASYMMETRIC-WEAKNESS", "RF-FUNCTION",
        "RF-TONGUE", "RF-BEHAVIOUR", "RF-WEAKNESS", "RF-PERSISTENT-WORSENING", "PLAN-NO-IMPROVEMENT",
        "EYELID-FACIAL", "RF-PERSISTENT", "RF-MANY-PLACES", "RF-STIFFNESS", "RF-MEDICINE", "RF-FAMILY",
        "SELF-CARE"});
    CHECK(result["unanswered"] == Json::array());
    CHECK(result["if_true"] == Json::object());
    CHECK(result["checklist_count"] == 6);
    CHECK(fired(result, "CL-TWO-OR-MORE")["because"] ==
          Json::array({"CL-PERSISTS", "CL-WASTING", "CL-WEAKNESS", "CL-SPREAD", "CL-BULBAR-COORD", "CL-FAMILY"}));
    CHECK(fired(result, "RF-SENSORY")["because"] == Json::array({"numbness_tingling", "coordination_changes"}));
}

TEST_CASE("unanswered lists only missing findings whose yes alone raises the level, and if_true that level") {
    // Nothing answered, 4 days: every finding but asymmetric, worsening and cramps matters.
    const Json none = twitchcheck::check(base(4));
    CHECK(none["unanswered"] ==
          Json::array({"spreading", "muscle_wasting", "weakness", "weakness_progressive", "numbness_tingling",
                       "coordination_changes", "slurred_speech", "swallowing_difficulty", "family_history",
                       "sudden_onset_neuro", "breathing_hard_now", "breathing_problems", "function_loss",
                       "behaviour_changes", "stiffness", "medicine_suspected"}));
    // if_true: the same keys in the same order, each with the level its yes alone gives.
    std::vector<std::string> keys;
    for (auto it = none["if_true"].begin(); it != none["if_true"].end(); ++it) keys.push_back(it.key());
    CHECK(keys == none["unanswered"].get<std::vector<std::string>>());
    CHECK(none["if_true"] == Json{{"spreading", "prompt"}, {"muscle_wasting", "immediate"}, {"weakness", "consult"},
                                  {"weakness_progressive", "prompt"}, {"numbness_tingling", "urgent"},
                                  {"coordination_changes", "urgent"}, {"slurred_speech", "urgent"},
                                  {"swallowing_difficulty", "urgent"}, {"family_history", "monitor"},
                                  {"sudden_onset_neuro", "emergency"}, {"breathing_hard_now", "emergency"},
                                  {"breathing_problems", "urgent"}, {"function_loss", "prompt"},
                                  {"behaviour_changes", "prompt"}, {"stiffness", "consult"},
                                  {"medicine_suspected", "consult"}});
    // After 20 days the level is consult (RF-PERSISTENT): only what goes above it is listed;
    // weakness, family_history, worsening, stiffness and medicine_suspected drop out.
    const Json long_run = twitchcheck::check(base(20));
    CHECK(long_run["level"] == "consult");
    CHECK(long_run["unanswered"] ==
          Json::array({"spreading", "muscle_wasting", "weakness_progressive", "numbness_tingling",
                       "coordination_changes", "slurred_speech", "swallowing_difficulty", "sudden_onset_neuro",
                       "breathing_hard_now", "breathing_problems", "function_loss", "behaviour_changes"}));
    // With rest tried, weakness would make two checklist items: prompt.
    Json tried = base(20);
    tried["lifestyle_changes_tried"] = true;
    CHECK(twitchcheck::check(tried)["if_true"]["weakness"] == "prompt");
    // Already urgent: only what could go above urgent is listed.
    Json urgent = base(4);
    urgent["findings"] = Json{{"numbness_tingling", true}};
    const Json urgent_result = twitchcheck::check(urgent);
    CHECK(urgent_result["unanswered"] == Json::array({"muscle_wasting", "sudden_onset_neuro", "breathing_hard_now"}));
    CHECK(urgent_result["if_true"] ==
          Json{{"muscle_wasting", "immediate"}, {"sudden_onset_neuro", "emergency"}, {"breathing_hard_now", "emergency"}});
    // Answered weakness=no with asymmetric unanswered: asymmetric alone does not raise.
    CHECK(twitchcheck::check(answered(3, {}))["unanswered"] == Json::array());
    CHECK(twitchcheck::check(answered(3, {}))["if_true"] == Json::object());
    // With weakness yes (consult), asymmetric or function_loss unanswered would raise to prompt.
    Json weak = base(3);
    weak["findings"] = Json{{"weakness", true}, {"spreading", false}, {"muscle_wasting", false},
                            {"weakness_progressive", false}, {"numbness_tingling", false},
                            {"coordination_changes", false}, {"slurred_speech", false},
                            {"swallowing_difficulty", false}, {"family_history", false},
                            {"sudden_onset_neuro", false}, {"breathing_hard_now", false},
                            {"breathing_problems", false}, {"behaviour_changes", false}};
    const Json weak_result = twitchcheck::check(weak);
    CHECK(weak_result["unanswered"] == Json::array({"asymmetric", "function_loss"}));
    CHECK(weak_result["if_true"] == Json{{"asymmetric", "prompt"}, {"function_loss", "prompt"}});
}

TEST_CASE("an assessment saved before the new questions stays valid and lists them where they could raise the level") {
    // The 13 findings of rules version 2026.11.26, all answered no, 3 days in the calf.
    Json old = base(3);
    Json findings = Json::object();
    for (std::size_t k = 0; k < 13; ++k) findings[std::string(twitchcheck::kFindingNames[k])] = false;
    old["findings"] = findings;
    old["regions"] = regions({{"calf", "left"}});
    const auto out = twitchcheck::api::assess(old.dump());
    REQUIRE_FALSE(out.error);
    const Json result = twitchcheck::parse_json(out.text);
    CHECK(result["level"] == "self_care");
    CHECK(result["unanswered"] == Json::array({"breathing_hard_now", "breathing_problems", "function_loss",
                                               "behaviour_changes", "stiffness", "medicine_suspected"}));
    CHECK(result["if_true"]["breathing_hard_now"] == "emergency");
}

TEST_CASE("advice puts the steps for reported triggers first, then the rest of the plan") {
    const Json& advice = twitchcheck::language("en").words["checker"]["advice"];
    auto text = [&](const char* id) { return advice.at(id); };
    Json none = answered(2, {});
    CHECK(twitchcheck::check(none)["advice"] ==
          Json::array({text("caffeine"), text("water"), text("sleep"), text("stress"), text("tracking")}));
    Json some = answered(2, {});
    some["triggers"] = Json::array({"stress", "poor_sleep", "intense_exercise"});
    CHECK(twitchcheck::check(some)["advice"] ==
          Json::array({text("sleep"), text("stress"), text("exercise"), text("caffeine"), text("water"),
                       text("tracking")}));
    Json fatigue = answered(2, {});
    fatigue["triggers"] = Json::array({"fatigue", "dehydration", "fatigue"});
    CHECK(twitchcheck::check(fatigue)["advice"] ==
          Json::array({text("water"), text("sleep"), text("caffeine"), text("stress"), text("tracking")}));
}

TEST_CASE("a result has exactly the contract's keys in order") {
    const Json result = twitchcheck::check(answered(3, {"weakness"}));
    std::vector<std::string> keys;
    for (auto it = result.begin(); it != result.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"schema", "rules_version", "level", "checklist_count", "checklist",
                                           "fired", "unanswered", "if_true", "advice", "disclaimer", "lang"});
    CHECK(result["lang"] == "en");
    CHECK(result["schema"] == "twitchcheck.result/1");
    CHECK(result["rules_version"] == twitchcheck::builtin_rules().version);
    CHECK(result["disclaimer"].get<std::string>().find("not a diagnosis") != std::string::npos);
    std::vector<std::string> fired_keys;
    for (auto it = result["fired"][0].begin(); it != result["fired"][0].end(); ++it) fired_keys.push_back(it.key());
    CHECK(fired_keys == std::vector<std::string>{"id", "level", "cause", "action", "because", "source"});
}

TEST_CASE("the api returns the same text for the same input, every time") {
    const std::string input = R"({"schema":"twitchcheck.assessment/1","duration_days":21,"findings":{"spreading":true}})";
    const auto first = twitchcheck::api::assess(input);
    REQUIRE_FALSE(first.error);
    CHECK(twitchcheck::api::assess(input).text == first.text);
    CHECK(first.text.back() == '\n');
    CHECK(first.text == twitchcheck::to_text(twitchcheck::parse_json(first.text)));
}

TEST_CASE("the fast result writer and the general JSON writer give the same bytes") {
    const auto& rules = twitchcheck::builtin_rules();
    Json a = answered(30, {"weakness", "family_history"});
    a["triggers"] = Json::array({"caffeine"});
    const auto result = twitchcheck::evaluate(rules, twitchcheck::parse_assessment(a));
    for (const char* lang : {"en", "de", "es", "fr"}) {
        CAPTURE(lang);
        const auto& words = twitchcheck::language(lang);
        CHECK(twitchcheck::result_text(rules, words, result) ==
              twitchcheck::to_text(twitchcheck::result_json(rules, words, result)));
    }
    const std::string fast = twitchcheck::result_text(rules, twitchcheck::language("en"), result);
    CHECK(fast.rfind("{\n  \"schema\": \"twitchcheck.result/1\",\n  \"rules_version\": ", 0) == 0);
    CHECK(twitchcheck::to_text(Json::object()) == "{}\n");
    CHECK(twitchcheck::to_text(Json{{"a", Json::array()}, {"b", {1, 2.5}}}) ==
          "{\n  \"a\": [],\n  \"b\": [\n    1,\n    2.5\n  ]\n}\n");
}
