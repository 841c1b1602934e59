// Evaluating a rule set on an assessment: which checklist items and rules hold, why,
// which unanswered questions could raise the level, and which advice comes first.
#include "twitchcheck/checker.hpp"

#include "rule_facts.hpp"

#include <algorithm>
#include <bit>

namespace twitchcheck {
namespace {

struct Facts {
    std::array<bool, kFindingNames.size()> finding{};
    bool lifestyle = false;
    int duration_days = 0;
    int self_care_weeks = 0;
    std::optional<bool> improved;
    std::uint16_t regions = 0;
    std::uint64_t checklist = 0;  // bit k: checklist item k holds
    int checklist_count = 0;
};

bool truth(const Facts& f, int id) {
    if (id < kFactLifestyle) return f.finding[static_cast<std::size_t>(id)];
    if (id == kFactLifestyle) return f.lifestyle;
    return (f.checklist >> (id - kFactFirstChecklistItem)) & 1u;
}

int number(const Facts& f, int id) {
    if (id == kFactDurationDays) return f.duration_days;
    if (id == kFactSelfCareWeeks) return f.self_care_weeks;
    if (id == kFactDistinctRegions) return std::popcount(f.regions);
    return f.checklist_count;
}

// Whether `c` holds; when it does and `because` is given, the facts behind it are added.
bool holds(const Condition& c, const Facts& f, std::vector<std::string>* because) {
    using K = Condition::Kind;
    auto leaf = [&](bool ok) {
        if (ok && because) because->push_back(c.because);
        return ok;
    };
    switch (c.kind) {
        case K::always: return true;
        case K::fact: return leaf(truth(f, c.fact));
        case K::equals: return leaf(f.improved.has_value() && *f.improved == (c.value != 0));
        case K::compare: {
            const int n = number(f, c.fact);
            switch (c.op) {
                case Condition::Op::gt: return leaf(n > c.value);
                case Condition::Op::ge: return leaf(n >= c.value);
                case Condition::Op::lt: return leaf(n < c.value);
                case Condition::Op::le: return leaf(n <= c.value);
                case Condition::Op::eq: return leaf(n == c.value);
            }
            return false;
        }
        case K::regions_only: return leaf(f.regions != 0 && (f.regions & ~c.regions) == 0);
        case K::regions_include: return leaf((f.regions & c.regions) != 0);
        case K::all: {
            const std::size_t mark = because ? because->size() : 0;
            for (const auto& child : c.children)
                if (!holds(child, f, because)) {
                    if (because) because->resize(mark);
                    return false;
                }
            return true;
        }
        case K::any:
        case K::at_least: {
            const std::size_t mark = because ? because->size() : 0;
            const int needed = c.kind == K::any ? 1 : c.value;
            int count = 0;
            for (const auto& child : c.children) {
                if (holds(child, f, because)) ++count;
                if (count >= needed && !because) return true;
            }
            if (count >= needed) return true;
            if (because) because->resize(mark);
            return false;
        }
    }
    return false;
}

void apply_checklist(const RuleSet& rules, Facts& f) {
    f.checklist = 0;
    f.checklist_count = 0;
    for (std::size_t k = 0; k < rules.checklist.size(); ++k)
        if (holds(rules.checklist[k].when, f, nullptr)) {
            f.checklist |= std::uint64_t{1} << k;
            ++f.checklist_count;
        }
}

Level level_of(const RuleSet& rules, const Facts& f) {
    Level level = Level::self_care;
    for (const auto& rule : rules.rules)
        if (rule.level < level && holds(rule.when, f, nullptr)) level = rule.level;
    return level;
}

Facts facts_of(const RuleSet& rules, const Assessment& a) {
    Facts f;
    for (std::size_t k = 0; k < a.findings.size(); ++k) f.finding[k] = a.findings[k].value_or(false);
    f.lifestyle = a.lifestyle_changes_tried;
    f.duration_days = a.duration_days;
    f.self_care_weeks = a.self_care_weeks;
    f.improved = a.improved;
    for (const auto& rs : a.regions) f.regions |= static_cast<std::uint16_t>(1u << static_cast<unsigned>(rs.region));
    apply_checklist(rules, f);
    return f;
}

}  // namespace

CheckResult evaluate(const RuleSet& rules, const Assessment& a) {
    const Facts facts = facts_of(rules, a);
    CheckResult r;
    for (std::size_t k = 0; k < rules.checklist.size(); ++k)
        if ((facts.checklist >> k) & 1u) r.checklist.push_back(rules.checklist[k].id);

    // Most urgent first; rules of one level keep their order in the file (one pass per
    // level: there are seven, and it costs far fewer code bytes than a stable sort).
    for (std::size_t l = 0; l < kLevelNames.size(); ++l)
        for (const auto& rule : rules.rules) {
            std::vector<std::string> because;
            if (rule.level == static_cast<Level>(l) && holds(rule.when, facts, &because))
                r.fired.push_back({&rule, std::move(because)});
        }
    r.level = r.fired.empty() ? Level::self_care : r.fired.front().rule->level;

    // A question left out matters when answering "yes" alone would make the level more urgent.
    for (std::size_t k = 0; k < a.findings.size(); ++k) {
        if (a.findings[k].has_value()) continue;
        Facts what_if = facts;
        what_if.finding[k] = true;
        apply_checklist(rules, what_if);
        const Level if_true = level_of(rules, what_if);
        if (if_true < r.level) {
            r.unanswered.push_back(kFindingNames[k]);
            r.if_true.push_back(if_true);
        }
    }

    // Steps for the triggers the person reported come first, then the rest of the plan.
    std::vector<std::size_t> rest;
    for (std::size_t k = 0; k < rules.advice.size(); ++k) {
        const AdviceStep& step = rules.advice[k];
        const bool reported = std::any_of(step.triggers.begin(), step.triggers.end(), [&](Trigger t) {
            return std::find(a.triggers.begin(), a.triggers.end(), t) != a.triggers.end();
        });
        if (reported) r.advice.push_back(k);
        else if (!step.only_when_reported) rest.push_back(k);
    }
    r.advice.insert(r.advice.end(), rest.begin(), rest.end());
    return r;
}

std::string result_text(const RuleSet& rules, const Language& words, const CheckResult& r) {
    if (words.rule_words.size() != rules.rules.size() || words.advice_words.size() != rules.advice.size())
        throw std::logic_error("the language's words are not for this rule set");
    JsonWriter w;
    auto strings = [&](const auto& items) {
        w.begin_array();
        for (const auto& s : items) w.string(s);
        w.end_array();
    };
    w.begin_object();
    w.key("schema").string(kResultSchema);
    w.key("rules_version").string(rules.version);
    w.key("level").string(to_string(r.level));
    w.key("checklist_count").integer(static_cast<long long>(r.checklist.size()));
    w.key("checklist");
    strings(r.checklist);
    w.key("fired").begin_array();
    for (const auto& f : r.fired) {
        w.begin_object();
        w.key("id").string(f.rule->id);
        w.key("level").string(to_string(f.rule->level));
        const auto& [cause, action] = words.rule_words[static_cast<std::size_t>(f.rule - rules.rules.data())];
        w.key("cause").string(cause);
        w.key("action").string(action);
        w.key("because");
        strings(f.because);
        w.key("source").string(f.rule->source);
        w.end_object();
    }
    w.end_array();
    w.key("unanswered");
    strings(r.unanswered);
    w.key("if_true").begin_object();
    for (std::size_t k = 0; k < r.unanswered.size(); ++k) w.key(r.unanswered[k]).string(to_string(r.if_true[k]));
    w.end_object();
    w.key("advice").begin_array();
    for (std::size_t k : r.advice) w.string(words.advice_words[k]);
    w.end_array();
    w.key("disclaimer").string(words.disclaimer);
    w.key("lang").string(words.tag);
    w.end_object();
    return w.finish();
}

Json result_json(const RuleSet& rules, const Language& words, const CheckResult& r) {
    return parse_json(result_text(rules, words, r));
}

Json check(const Json& assessment, std::string_view lang) {
    const RuleSet& rules = builtin_rules();
    return result_json(rules, language(lang), evaluate(rules, parse_assessment(assessment)));
}

std::vector<Error> run_examples(const RuleSet& rules) {
    std::vector<Error> failures;
    for (std::size_t i = 0; i < rules.examples.size(); ++i) {
        const auto& ex = rules.examples[i];
        const std::string path = path_index("examples", i);
        auto failed = [&](const std::string& what) { failures.push_back({path, ex.name + ": " + what}); };
        CheckResult checked;
        try {
            checked = evaluate(rules, parse_assessment(ex.input));
        } catch (const InputError& e) {
            failed("its input is not a valid assessment (" + e.error().path + ": " + e.error().message + ")");
            continue;
        }
        // What an example may expect: the result's ids and levels (words are the language files').
        Json result = Json::object();
        result["level"] = to_string(checked.level);
        result["checklist_count"] = checked.checklist.size();
        result["checklist"] = checked.checklist;
        result["fired"] = Json::array();
        for (const auto& f : checked.fired) result["fired"].push_back(f.rule->id);
        result["unanswered"] = checked.unanswered;
        result["if_true"] = Json::object();
        for (std::size_t k = 0; k < checked.unanswered.size(); ++k)
            result["if_true"][std::string(checked.unanswered[k])] = to_string(checked.if_true[k]);
        for (auto it = ex.expect.begin(); it != ex.expect.end(); ++it) {
            const Json& got = result.contains(it.key()) ? result[it.key()] : Json();
            if (it.key() != "level" && it.key() != "checklist" && it.key() != "checklist_count" &&
                it.key() != "fired" && it.key() != "unanswered" && it.key() != "if_true") {
                failed("cannot check \"" + it.key() + "\"");
            } else if (got != it.value()) {
                failed("expected " + it.key() + " " + it.value().dump() + ", got " + got.dump());
            }
        }
    }
    return failures;
}

}  // namespace twitchcheck
