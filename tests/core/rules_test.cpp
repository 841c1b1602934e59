// The rule file: it loads, its own examples pass, and broken files are refused with the
// rule and field named.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"

using twitchcheck::Json;

namespace {

Json builtin() { return twitchcheck::parse_json(twitchcheck::builtin_rules_text()); }

twitchcheck::Error load_error(const Json& rules) {
    try {
        twitchcheck::load_rules(rules.dump());
    } catch (const twitchcheck::InputError& e) {
        return e.error();
    }
    FAIL("the rule file was accepted");
    return {};
}

}  // namespace

TEST_CASE("the built-in rule set is the one in core/rules and has the contract's rules in order") {
    CHECK(twitchcheck::builtin_rules_text() == test_files::read(test_files::source("core/rules/checker-rules.json")));
    const auto& rules = twitchcheck::builtin_rules();
    std::vector<std::string> ids;
    for (const auto& r : rules.rules) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{
        "SAFETY-SUDDEN", "SAFETY-BREATHING", "RF-WASTING", "RF-SENSORY", "RF-BULBAR", "RF-BREATHING",
        "CL-TWO-OR-MORE", "RF-SPREADING", "RF-PROGRESSIVE-WEAKNESS", "RF-ASYMMETRIC-WEAKNESS", "RF-FUNCTION",
        "RF-TONGUE", "RF-BEHAVIOUR", "RF-WEAKNESS", "RF-PERSISTENT-WORSENING", "PLAN-NO-IMPROVEMENT",
        "EYELID-PERSISTENT", "EYELID-FACIAL", "RF-PERSISTENT", "RF-MANY-PLACES", "RF-STIFFNESS", "RF-MEDICINE",
        "RF-FAMILY", "EYELID-BENIGN", "SELF-CARE"});
    std::vector<std::string> checklist;
    for (const auto& c : rules.checklist) checklist.push_back(c.id);
    CHECK(checklist == std::vector<std::string>{"CL-PERSISTS", "CL-WASTING", "CL-WEAKNESS", "CL-SPREAD",
                                                "CL-BULBAR-COORD", "CL-FAMILY"});
    CHECK(twitchcheck::api::rules_version() == rules.version);
    // Each rule's level and source, as checker.md's rule table gives them.
    const std::vector<std::pair<std::string, std::string>> table{
        {"emergency", "general safety"},
        {"emergency", "general safety"},
        {"immediate", "Red Flags That Require Medical Attention"},
        {"urgent", "Red Flags That Require Medical Attention"},
        {"urgent", "Checklist: When to Seek Immediate Medical Help"},
        {"urgent", "NICE NG42 1.1.2"},
        {"prompt", "Checklist: When to Seek Immediate Medical Help"},
        {"prompt", "Red Flags That Require Medical Attention"},
        {"prompt", "Red Flags That Require Medical Attention"},
        {"prompt", "When Is a Twitch Just a Twitch—and When Should You Worry?"},
        {"prompt", "NICE NG42 1.1.2"},
        {"prompt", "NICE NG42 1.1.2"},
        {"prompt", "NICE NG42 1.1.3"},
        {"consult", "Checklist: When to Seek Immediate Medical Help"},
        {"consult", "Red Flags That Require Medical Attention"},
        {"consult", "Step-by-Step Guide to Managing Benign Muscle Twitches"},
        {"consult", "FAQ: Common Questions About Muscle Twitching"},
        {"consult", "FAQ: Common Questions About Muscle Twitching"},
        {"consult", "Red Flags That Require Medical Attention; NHS: Twitching eyes and muscles"},
        {"consult", "NHS: Twitching eyes and muscles"},
        {"consult", "NHS: Twitching eyes and muscles"},
        {"consult", "NHS: Twitching eyes and muscles"},
        {"monitor", "Checklist: When to Seek Immediate Medical Help"},
        {"self_care", "FAQ: Common Questions About Muscle Twitching"},
        {"self_care", "Step-by-Step Guide to Managing Benign Muscle Twitches"},
    };
    REQUIRE(rules.rules.size() == table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        CAPTURE(rules.rules[i].id);
        CHECK(twitchcheck::to_string(rules.rules[i].level) == table[i].first);
        CHECK(rules.rules[i].source == table[i].second);
    }
}

TEST_CASE("every example case in the rule file passes") {
    const auto& rules = twitchcheck::builtin_rules();
    CHECK(rules.examples.size() >= 10);
    for (const auto& failure : twitchcheck::run_examples(rules)) FAIL_CHECK(failure.path << ": " << failure.message);
    const auto out = twitchcheck::api::check_rules(twitchcheck::builtin_rules_text());
    REQUIRE_FALSE(out.error);
    CHECK(twitchcheck::parse_json(out.text)["ok"] == true);
}

TEST_CASE("a rule's level and condition change with the data alone") {
    Json rules = builtin();
    rules["rules"][22]["level"] = "prompt";  // RF-FAMILY
    rules.erase("examples");
    const auto set = twitchcheck::load_rules(rules.dump());
    const Json input{{"schema", "twitchcheck.assessment/1"}, {"duration_days", 1},
                     {"findings", {{"family_history", true}}}};
    CHECK(twitchcheck::to_string(twitchcheck::evaluate(set, twitchcheck::parse_assessment(input)).level) == "prompt");
    rules["rules"][22]["when"] = Json{{"fact", "cramps"}};
    const auto set2 = twitchcheck::load_rules(rules.dump());
    CHECK(twitchcheck::to_string(twitchcheck::evaluate(set2, twitchcheck::parse_assessment(input)).level) == "self_care");
}

TEST_CASE("a broken rule file is refused with the rule id and the field") {
    struct Case {
        std::function<void(Json&)> change;
        std::string path, message;
    };
    const std::vector<Case> cases{
        {[](Json& r) { r["rules"][7].erase("source"); }, "rules[7].source", "rule RF-SPREADING: every rule must cite its source"},
        {[](Json& r) { r["rules"][7]["source"] = ""; }, "rules[7].source", "rule RF-SPREADING: expected non-empty text"},
        {[](Json& r) { r["rules"][2]["level"] = "soon"; }, "rules[2].level", "rule RF-WASTING: expected a known level"},
        {[](Json& r) { r["rules"][3]["when"]["any"][1]["fact"] = "clumsy"; }, "rules[3].when.any[1].fact", "rule RF-SENSORY: unknown fact \"clumsy\""},
        {[](Json& r) { r["rules"][18]["when"]["op"] = "~"; }, "rules[18].when.op", "rule RF-PERSISTENT: expected one of >, >=, <, <=, =="},
        {[](Json& r) { r["rules"][18]["when"]["op"] = "<"; }, "rules[18].when.op", "rule RF-PERSISTENT: only the least urgent level may ask for a shorter duration_days"},
        {[](Json& r) { r["rules"][18]["when"]["value"] = "14"; }, "rules[18].when.value", "rule RF-PERSISTENT: expected a whole number"},
        {[](Json& r) { r["rules"][19]["when"]["op"] = "<="; }, "rules[19].when.op", "rule RF-MANY-PLACES: only the least urgent level may ask for fewer distinct_regions"},
        {[](Json& r) { r["rules"][19]["when"].erase("op"); }, "rules[19].when.op", "rule RF-MANY-PLACES: is required for fact \"distinct_regions\""},
        {[](Json& r) { r["rules"][11]["when"]["regions_include"] = "lip"; }, "rules[11].when.regions_include", "rule RF-TONGUE: expected a body region name"},
        {[](Json& r) { r["rules"][17]["when"]["all"][0]["regions_include"] = "knee"; }, "rules[17].when.all[0].regions_include", "rule EYELID-FACIAL: expected a body region name"},
        {[](Json& r) { r["rules"][4]["id"] = "RF-SENSORY"; }, "rules[4].id", "rule RF-SENSORY: this id is used twice"},
        {[](Json& r) { r["rules"][4]["urgency"] = 1; }, "rules[4].urgency", "rule RF-BULBAR: unknown field"},
        {[](Json& r) { r["rules"][1].erase("source"); }, "rules[1].source", "rule SAFETY-BREATHING: every rule must cite its source"},
        {[](Json& r) { r["rules"][0]["when"] = Json::object(); }, "rules[0].when", "rule SAFETY-SUDDEN: expected a condition object"},
        {[](Json& r) { r["checklist"][0]["when"]["all"][1]["fact"] = "CL-WASTING"; }, "checklist[0].when.all[1].fact", "checklist item CL-PERSISTS: unknown fact \"CL-WASTING\""},
        {[](Json& r) { r["advice"][0]["triggers"][0] = "coffee"; }, "advice[0].triggers[0]", "advice step caffeine: expected a known trigger"},
        {[](Json& r) { r.erase("version"); }, "version", "is required"},
        {[](Json& r) { r["schema"] = "twitchcheck.rules/9"; }, "schema", "expected \"twitchcheck.rules/2\""},
        // Words live in the language files, not in the rule file.
        {[](Json& r) { r["rules"][0]["cause"] = "A sudden change."; }, "rules[0].cause", "rule SAFETY-SUDDEN: unknown field"},
        {[](Json& r) { r["disclaimer"] = "Not a diagnosis."; }, "disclaimer", "unknown field"},
        {[](Json& r) { r["schema"] = "twitchcheck.rules/1"; }, "schema",
         "expected \"twitchcheck.rules/2\" (version 1 files carried their own English words; the words are now in the "
         "language files, core/lang/)"},
    };
    for (const auto& c : cases) {
        Json rules = builtin();
        c.change(rules);
        const auto e = load_error(rules);
        CHECK(e.path == c.path);
        CHECK(e.message == c.message);
    }
}

TEST_CASE("a rule file whose example disagrees is refused by the check") {
    Json rules = builtin();
    rules["examples"][0]["expect"]["level"] = "urgent";
    const auto out = twitchcheck::api::check_rules(rules.dump());
    REQUIRE(out.error);
    CHECK(out.error->path == "examples[0]");
    CHECK(out.error->message == "a few days of eyelid twitching after coffee is self-care: expected level \"urgent\", got \"self_care\"");
    CHECK(twitchcheck::api::check_rules("{").error->path == "");
}
