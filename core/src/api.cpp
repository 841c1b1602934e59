// The checker's half of the api door (journal_api.cpp holds the journal's half).
#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"
#include "twitchcheck/json_reader.hpp"

namespace twitchcheck::api {

Output assess(std::string_view assessment_json, std::string_view lang) {
    return guarded([&] {
        const RuleSet& rules = builtin_rules();
        const Language& words = language(lang);
        // An assessment is at most 3 levels deep; anything deeper is invalid anyway.
        return result_text(rules, words, evaluate(rules, parse_assessment(parse_json_bounded(assessment_json, 8))));
    });
}

Output add_language(std::string_view language_json) {
    return guarded([&] {
        // The house JSON text, written by hand: a language tag needs no escaping.
        return "{\n  \"ok\": true,\n  \"lang\": \"" + twitchcheck::add_language(language_json) + "\"\n}\n";
    });
}

std::string rules_version() {
    try {
        return builtin_rules().version;
    } catch (...) {
        return "";
    }
}

std::string rules_text() { return std::string(builtin_rules_text()); }

Output check_rules(std::string_view rules_json) {
    return guarded([&] {
        RuleSet rules = load_rules(rules_json);  // load_rules bounds the nesting it reads
        auto failures = run_examples(rules);
        if (!failures.empty()) throw InputError(failures.front().path, failures.front().message);
        return to_text(Json{{"ok", true},
                            {"version", rules.version},
                            {"rules", rules.rules.size()},
                            {"examples", rules.examples.size()}});
    });
}

}  // namespace twitchcheck::api
