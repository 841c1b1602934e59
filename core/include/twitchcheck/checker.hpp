// The symptom checker: an assessment in, a result out, decided by a rule set that is
// data (core/rules/checker-rules.json) validated when it is loaded. The rule file holds
// ids, levels, conditions, sources and examples; its words are in the language files
// (language.hpp).
#pragma once

#include "twitchcheck/json_text.hpp"
#include "twitchcheck/language.hpp"
#include "twitchcheck/vocabulary.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitchcheck {

inline constexpr std::string_view kAssessmentSchema = "twitchcheck.assessment/1";
inline constexpr std::string_view kResultSchema = "twitchcheck.result/1";
inline constexpr std::string_view kRulesSchema = "twitchcheck.rules/2";

struct RegionSide {
    Region region;
    Side side;
};

// A validated twitchcheck.assessment/1. A finding left out is nullopt (unanswered).
struct Assessment {
    int duration_days = 0;
    bool lifestyle_changes_tried = false;
    int self_care_weeks = 0;
    std::optional<bool> improved;
    std::vector<RegionSide> regions;
    std::array<std::optional<bool>, kFindingNames.size()> findings{};
    std::vector<Trigger> triggers;
};

// Throws InputError naming the JSON path of the first problem.
Assessment parse_assessment(const Json& document);

// One condition of a rule, compiled from the rule file's `when`.
struct Condition {
    enum class Kind : std::uint8_t { fact, compare, equals, all, any, at_least, regions_only, regions_include, always };
    enum class Op : std::uint8_t { gt, ge, lt, le, eq };
    Kind kind = Kind::always;
    int fact = 0;           // see rules.cpp: findings, then the named numbers, then checklist items
    Op op = Op::eq;
    int value = 0;          // compare: the number; equals: 0/1; at_least: how many
    std::uint16_t regions = 0;  // bit per Region
    std::string because;    // how this fact reads in a result's `because`
    std::vector<Condition> children;
};

struct ChecklistItem {
    std::string id;
    Condition when;
};

struct Rule {
    std::string id;
    Level level = Level::self_care;
    Condition when;
    std::string source;
};

struct AdviceStep {
    std::string id;
    std::vector<Trigger> triggers;
    bool only_when_reported = false;
};

struct RuleExample {
    std::string name;
    Json input;
    Json expect;
};

struct RuleSet {
    std::string version;
    std::vector<ChecklistItem> checklist;
    std::vector<Rule> rules;  // in the rule table's order (the tie order of `fired`)
    std::vector<AdviceStep> advice;
    std::vector<RuleExample> examples;
};

// Parses and validates a rule file; throws InputError naming the rule and field.
RuleSet load_rules(std::string_view text);
// The rule set built into the binary (loaded once, on first use).
const RuleSet& builtin_rules();
std::string_view builtin_rules_text();

struct FiredRule {
    const Rule* rule;
    std::vector<std::string> because;
};

struct CheckResult {
    Level level = Level::self_care;
    std::vector<std::string_view> checklist;
    std::vector<FiredRule> fired;  // most urgent first, ties in rule order
    std::vector<std::string_view> unanswered;
    std::vector<Level> if_true;  // for each of `unanswered`: the level if that one answer were true
    std::vector<std::size_t> advice;  // indexes into RuleSet::advice, in the order shown
};

CheckResult evaluate(const RuleSet& rules, const Assessment& assessment);
// The twitchcheck.result/1 document in `words`' language, as text (the api's fast path)
// or as Json. `rules` is the built-in rule set (the one language files are checked for).
std::string result_text(const RuleSet& rules, const Language& words, const CheckResult& result);
Json result_json(const RuleSet& rules, const Language& words, const CheckResult& result);

// The whole checker on a JSON assessment with the built-in rules: the
// twitchcheck.result/1 document in the language `lang` (language()). Throws InputError
// for bad input.
Json check(const Json& assessment, std::string_view lang = {});

// Runs the rule file's own example cases; one message per failing case.
std::vector<Error> run_examples(const RuleSet& rules);

}  // namespace twitchcheck
