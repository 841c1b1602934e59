// The engine's words in one language: rule causes and actions, advice, the disclaimers,
// the report's headings and sentences, plural forms, month and weekday names. They live in
// core/lang/<tag>.json (docs/languages.md); only words differ between languages, never
// levels, ids, `because` facts or numbers.
#pragma once

#include "twitchcheck/calendar.hpp"
#include "twitchcheck/json_text.hpp"

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitchcheck {

inline constexpr std::string_view kLanguageSchema = "twitchcheck.lang/1";

// A CLDR plural rule read for whole numbers ("i = 1 and v = 0", "i % 10 = 2..4 and
// i % 100 != 12..14"): the operands n and i are the number; v, w, f, t, c and e are 0.
class PluralRule {
public:
    // Throws InputError at `path` when `text` is not such a rule.
    static PluralRule parse(std::string_view text, const std::string& path);
    bool matches(long long n) const;

private:
    // operand (% modulo) = or != ranges; `or_before` starts a new `or` alternative.
    struct Relation {
        bool is_number = true;  // operand n or i; otherwise one that is 0 for whole numbers
        bool equal = true;
        bool or_before = false;
        long long modulo = 0;
        std::size_t first_range = 0, ranges = 0;  // into ranges_
    };
    std::vector<Relation> relations_;
    std::vector<std::pair<long long, long long>> ranges_;
};

using Values = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// `{name}` slots of `pattern` filled from `values`; a slot with no value stays as written.
std::string fill(std::string_view pattern, Values values);

// One language, validated when it was loaded.
struct Language {
    std::string tag;
    Json words;
    std::vector<std::pair<std::string, PluralRule>> plural;  // "other" when none matches
    char decimal = '.';

    // The checker's words in the built-in rule set's rule and advice order.
    std::vector<std::pair<std::string_view, std::string_view>> rule_words;  // cause, action
    std::vector<std::string_view> advice_words;
    std::string_view disclaimer;

    // The text at `path` (the language file's keys); a missing one is an InputError.
    const std::string& text(std::initializer_list<std::string_view> path) const;
    // The plural category of n ("one", "other", …) by this language's rule.
    std::string_view category(long long n) const;
    // The plural message at `path` for n, its {count} filled in.
    std::string count(std::initializer_list<std::string_view> path, long long n) const;
    // A number already rounded for display, with this language's decimal separator.
    std::string decimal_text(double value) const;
    // Dates in words, each with its year: "March 31, 2026"; with the weekday; a journal
    // moment in its own local time ("March 31, 2026, 17:08"); a chart's short day label.
    std::string date(DayNumber day) const;
    std::string long_date(DayNumber day) const;
    std::string moment(const LocalMoment& moment) const;
    std::string short_day(DayNumber day) const;
};

// The language for a tag (`de-AT`, `FR`, `en-XA`): the tag itself, else its primary
// subtag, else English (where no English is built in or added, as in the checker-only
// module given one language by its page: the first language given). Throws InputError if
// a built-in language file does not load, or no language is there at all.
const Language& language(std::string_view tag);

// Reads a language document, checks it against English (every key, no other key, the
// same {placeholders}, a form for each of its plural categories; in the checker-only
// module, against the built-in rule set) and adds it, in place of one with the same tag
// (English, once there, is never replaced). Returns its tag; throws InputError naming the
// JSON path of the first problem.
std::string add_language(std::string_view json_text);

}  // namespace twitchcheck
