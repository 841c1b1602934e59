// Loading the engine's language files: the built-in ones (embedded at build time) on
// first use, others added at run time; each checked against English when it loads.
#include "twitchcheck/language.hpp"

#include "language_data.hpp"
#include "twitchcheck/checker.hpp"
#include "twitchcheck/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cctype>

namespace twitchcheck {

// ---- plural rules ----------------------------------------------------------------------

namespace {

// The words of a rule: operands, numbers, and the symbols = != % .. ,
std::vector<std::string_view> tokens(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ') {
            ++i;
        } else if (c == '!' && i + 1 < text.size() && text[i + 1] == '=') {
            out.push_back(text.substr(i, 2));
            i += 2;
        } else if (c == '.' && i + 1 < text.size() && text[i + 1] == '.') {
            out.push_back(text.substr(i, 2));
            i += 2;
        } else if (c == '=' || c == '%' || c == ',') {
            out.push_back(text.substr(i++, 1));
        } else {
            std::size_t end = i;
            while (end < text.size() && std::string_view(" =!%,.").find(text[end]) == std::string_view::npos) ++end;
            if (end == i) end = i + 1;  // a lone '.' or '!': a token the parser refuses
            out.push_back(text.substr(i, end - i));
            i = end;
        }
    }
    return out;
}

bool whole_number(std::string_view word, long long& value) {
    if (word.empty() || word.size() > 12) return false;
    value = 0;
    for (char c : word) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

}  // namespace

PluralRule PluralRule::parse(std::string_view text, const std::string& path) {
    if (auto sample = text.find('@'); sample != std::string_view::npos) text = text.substr(0, sample);
    const auto words = tokens(text);
    auto fail = [&](const char* why) {
        throw InputError(path, std::string("expected a CLDR plural rule such as \"i = 1 and v = 0\" (") + why + ")");
    };
    PluralRule rule;
    std::size_t at = 0;
    auto next = [&]() -> std::string_view { return at < words.size() ? words[at++] : std::string_view(); };
    bool or_before = false;
    while (true) {
        Relation r;
        r.or_before = or_before;
        const std::string_view operand = next();
        if (operand.size() != 1 || std::string_view("nivwftce").find(operand[0]) == std::string_view::npos)
            fail("an operand n, i, v, w, f, t, c or e is missing");
        r.is_number = operand == "n" || operand == "i";
        std::string_view op = next();
        if (op == "%") {
            if (!whole_number(next(), r.modulo) || r.modulo == 0) fail("% needs a whole number above 0");
            op = next();
        }
        if (op != "=" && op != "!=") fail("= or != is missing");
        r.equal = op == "=";
        r.first_range = rule.ranges_.size();
        do {
            long long low = 0, high = 0;
            if (!whole_number(next(), low)) fail("a whole number is missing");
            high = low;
            if (at < words.size() && words[at] == "..") {
                ++at;
                if (!whole_number(next(), high) || high < low) fail("a range needs low..high");
            }
            rule.ranges_.emplace_back(low, high);
        } while (at < words.size() && words[at] == "," && ++at);
        r.ranges = rule.ranges_.size() - r.first_range;
        rule.relations_.push_back(r);
        const std::string_view joint = next();
        if (joint.empty()) break;
        if (joint != "and" && joint != "or") fail("expected and, or, or the end of the rule");
        or_before = joint == "or";
    }
    return rule;
}

bool PluralRule::matches(long long n) const {
    // An `or` of `and`s: true when every relation of some alternative holds.
    bool alternative = true;
    for (std::size_t k = 0; k < relations_.size(); ++k) {
        const Relation& r = relations_[k];
        if (r.or_before) {
            if (alternative) return true;
            alternative = true;
        }
        long long value = r.is_number ? n : 0;
        if (r.modulo) value %= r.modulo;
        bool in = false;
        for (std::size_t i = r.first_range; i < r.first_range + r.ranges; ++i)
            in = in || (value >= ranges_[i].first && value <= ranges_[i].second);
        alternative = alternative && in == r.equal;
    }
    return alternative;
}

// ---- words -----------------------------------------------------------------------------

std::string fill(std::string_view pattern, Values values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
                if (value != values.end()) {
                    out += value->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

const std::string& Language::text(std::initializer_list<std::string_view> path) const {
    const Json* node = &words;
    std::string where;
    for (std::string_view key : path) {
        where = path_key(where, key);
        auto it = node->find(key);
        if (it == node->end()) throw InputError(where, "the " + tag + " words have no text here");
        node = &*it;
    }
    if (!node->is_string()) throw InputError(where, "the " + tag + " words have no text here");
    return node->get_ref<const std::string&>();
}

std::string_view Language::category(long long n) const {
    for (const auto& [name, rule] : plural)
        if (rule.matches(n)) return name;
    return "other";
}

std::string Language::count(std::initializer_list<std::string_view> path, long long n) const {
    std::vector<std::string_view> keys(path);
    keys.push_back(category(n));
    const Json* node = &words;
    for (std::string_view key : keys) {
        auto it = node->find(key);
        if (it == node->end() || !(it->is_object() || it->is_string()))
            throw InputError(std::string(keys.front()), "the " + tag + " words have no plural form here");
        node = &*it;
    }
    return fill(node->get_ref<const std::string&>(), {{"count", std::to_string(n)}});
}

std::string Language::decimal_text(double value) const {
    std::string out = number_text(value);
    std::replace(out.begin(), out.end(), '.', decimal);
    return out;
}

namespace {

std::string two_digits(int value) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", value);
    return buf;
}

}  // namespace

std::string Language::date(DayNumber day) const {
    const CivilDate c = civil_date(day);
    const Json& dates = words["report"]["dates"];
    return fill(text({"report", "dates", "date"}),
                {{"month", dates["months"][static_cast<std::size_t>(c.month - 1)].get_ref<const std::string&>()},
                 {"day", std::to_string(c.day)},
                 {"year", std::to_string(c.year)}});
}

std::string Language::long_date(DayNumber day) const {
    const Json& dates = words["report"]["dates"];
    return fill(text({"report", "dates", "long_date"}),
                {{"weekday", dates["weekdays"][static_cast<std::size_t>(weekday(day))].get_ref<const std::string&>()},
                 {"date", date(day)}});
}

std::string Language::moment(const LocalMoment& m) const {
    const std::string time = two_digits(m.hour()) + ":" + two_digits(m.second_of_day / 60 % 60);
    return fill(text({"report", "dates", "moment"}), {{"date", date(m.date)}, {"time", time}});
}

std::string Language::short_day(DayNumber day) const {
    const CivilDate c = civil_date(day);
    return fill(text({"report", "dates", "short_day"}),
                {{"day", std::to_string(c.day)}, {"month_number", std::to_string(c.month)}});
}

// ---- loading and checking --------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 6> kCategories{"zero", "one", "two", "few", "many", "other"};

bool is_category(std::string_view name) {
    return std::find(kCategories.begin(), kCategories.end(), name) != kCategories.end();
}

// Names sorted and written as one text ("{count}, {date}"), so two lists compare as texts.
std::string listed(std::vector<std::string_view> names, std::string_view open, std::string_view close) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string out;
    for (std::string_view name : names) out.append(out.empty() ? "" : ", ").append(open).append(name).append(close);
    return out.empty() ? "none" : out;
}

std::string placeholders(std::string_view text) {
    std::vector<std::string_view> names;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
            names.push_back(name);
    }
    return listed(std::move(names), "{", "}");
}

// A plural message: an object whose keys are plural categories, one of them "other".
bool is_plural(const Json& value) {
    if (!value.is_object() || value.find("other") == value.end()) return false;
    for (auto it = value.begin(); it != value.end(); ++it)
        if (!is_category(it.key())) return false;
    return true;
}

const std::string* text_of(const Json& value) {
    return value.is_string() && !value.get_ref<const std::string&>().empty() ? &value.get_ref<const std::string&>() : nullptr;
}

void text_like(const Json& english, const Json& other, const std::string& path) {
    const std::string* text = text_of(other);
    if (!text) throw InputError(path, "expected non-empty text");
    const std::string want = placeholders(english.get_ref<const std::string&>());
    if (placeholders(*text) != want) throw InputError(path, "expected the placeholders " + want + ", as in English");
}

// `other` has every key of `english` and no other, the same kind of value under each;
// `forms` are the language's plural categories, as listed().
void same_shape(const Json& english, const Json& other, const std::string& forms, const std::string& path) {
    if (english.is_string()) return text_like(english, other, path);
    if (english.is_array()) {
        if (!other.is_array() || other.size() != english.size())
            throw InputError(path, "expected a list of " + std::to_string(english.size()) + " texts, as in English");
        for (std::size_t i = 0; i < english.size(); ++i) same_shape(english[i], other[i], forms, path_index(path, i));
        return;
    }
    const bool plural = is_plural(english);
    if (!other.is_object())
        throw InputError(path, plural ? "expected the plural forms " + forms + " (this language's plural rule)"
                                      : std::string("expected an object, as in English"));
    if (plural) {
        std::vector<std::string_view> have;
        for (auto it = other.begin(); it != other.end(); ++it) have.push_back(it.key());
        if (listed(std::move(have), "", "") != forms)
            throw InputError(path, "expected the plural forms " + forms + " (this language's plural rule)");
        for (auto it = other.begin(); it != other.end(); ++it) text_like(english["other"], *it, path_key(path, it.key()));
        return;
    }
    for (auto it = english.begin(); it != english.end(); ++it) {
        auto found = other.find(it.key());
        if (found == other.end()) throw InputError(path_key(path, it.key()), "is missing (the English file has it)");
        same_shape(*it, *found, forms, path_key(path, it.key()));
    }
    for (auto it = other.begin(); it != other.end(); ++it)
        if (english.find(it.key()) == english.end()) throw InputError(path_key(path, it.key()), "is not in the English file");
}

bool valid_tag(std::string_view tag) {
    // A primary subtag of 2-3 letters, then subtags of 1-8 letters or digits.
    std::size_t start = 0, part = 0;
    while (start <= tag.size()) {
        const std::size_t end = std::min(tag.find('-', start), tag.size());
        const std::string_view sub = tag.substr(start, end - start);
        std::size_t letters = 0, alnum = 0;
        for (char c : sub) {
            letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
            alnum += std::isalnum(static_cast<unsigned char>(c)) != 0;
        }
        if (part == 0 ? !(letters == sub.size() && sub.size() >= 2 && sub.size() <= 3)
                      : !(alnum == sub.size() && !sub.empty() && sub.size() <= 8))
            return false;
        ++part;
        start = end + 1;
    }
    return true;
}

std::string lowered(std::string_view tag) {
    std::string out(tag);
    for (char& c : out) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The text at `key` of `parent` (at `path`), or an InputError naming it.
std::string_view checker_text(const Json& parent, const std::string& key, const std::string& path) {
    auto it = parent.find(key);
    if (it == parent.end()) throw InputError(path_key(path, key), "is missing (the English file has it)");
    const std::string* text = text_of(*it);
    if (!text) throw InputError(path_key(path, key), "expected non-empty text");
    return *text;
}

// The object at `key` of `parent` (at `path`), or an InputError naming it.
const Json& checker_object(const Json& parent, const std::string& key, const std::string& path) {
    auto it = parent.find(key);
    if (it == parent.end()) throw InputError(path_key(path, key), "is missing (the English file has it)");
    if (!it->is_object()) throw InputError(path_key(path, key), "expected an object, as in English");
    return *it;
}

// With `exact`: no key of `object` but `known` ones (at `path`).
void only(bool exact, const Json& object, const std::string& path, const std::vector<std::string_view>& known) {
    if (!exact) return;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            throw InputError(path_key(path, it.key()), "is not in the English file");
}

// The checker's words for the built-in rules, looked up once by rule and step id. With
// `exact`, any other key of the checker's words is refused as well.
void compile_checker_words(Language& l, bool exact) {
    const RuleSet& rules = builtin_rules();
    std::vector<std::string_view> rule_ids, step_ids;
    for (const Rule& rule : rules.rules) rule_ids.push_back(rule.id);
    for (const AdviceStep& step : rules.advice) step_ids.push_back(step.id);
    const Json& checker = checker_object(l.words, "checker", "");
    only(exact, checker, "checker", {"disclaimer", "rules", "advice"});
    l.disclaimer = checker_text(checker, "disclaimer", "checker");
    const Json& rule_words = checker_object(checker, "rules", "checker");
    only(exact, rule_words, "checker.rules", rule_ids);
    for (const Rule& rule : rules.rules) {
        const Json& words = checker_object(rule_words, rule.id, "checker.rules");
        const std::string path = path_key("checker.rules", rule.id);
        only(exact, words, path, {"cause", "action"});
        l.rule_words.emplace_back(checker_text(words, "cause", path), checker_text(words, "action", path));
    }
    const Json& advice = checker_object(checker, "advice", "checker");
    only(exact, advice, "checker.advice", step_ids);
    for (const AdviceStep& step : rules.advice) l.advice_words.push_back(checker_text(advice, step.id, "checker.advice"));
}

// Reads and checks a language document; `english` is null when it is English itself.
std::unique_ptr<Language> read_language(std::string_view text, const Language* english) {
    Json doc = parse_json_bounded(text, 16);
    if (!doc.is_object()) throw InputError("", "expected a language file object");
    auto header = [&](const char* key, const char* expected) -> const std::string& {
        auto it = doc.find(key);
        if (it == doc.end()) throw InputError(key, "is required");
        const std::string* value = text_of(*it);
        if (!value) throw InputError(key, expected);
        return *value;
    };
    if (header("schema", "expected a schema name") != kLanguageSchema)
        throw InputError("schema", "expected \"" + std::string(kLanguageSchema) + "\"");
    auto lang = std::make_unique<Language>();
    lang->tag = header("lang", "expected a language tag such as \"de\" or \"pt-BR\"");
    if (!valid_tag(lang->tag)) throw InputError("lang", "expected a language tag such as \"de\" or \"pt-BR\"");
    header("name", "expected non-empty text");
    const std::string& decimal = header("decimal", "expected \".\" or \",\"");
    if (decimal != "." && decimal != ",") throw InputError("decimal", "expected \".\" or \",\"");
    lang->decimal = decimal[0];
    auto plural = doc.find("plural");
    if (plural == doc.end()) throw InputError("plural", "is required");
    if (!plural->is_object()) throw InputError("plural", "expected an object of plural rules");
    std::vector<std::string_view> forms{"other"};
    for (auto it = plural->begin(); it != plural->end(); ++it) {
        const std::string path = path_key("plural", it.key());
        if (!is_category(it.key()) || it.key() == "other")
            throw InputError(path, "expected one of the plural categories zero, one, two, few, many");
        const std::string* rule = text_of(*it);
        if (!rule) throw InputError(path, "expected a plural rule as text");
#ifndef TWITCHCHECK_CHECKER_WORDS_ONLY
        lang->plural.emplace_back(it.key(), PluralRule::parse(*rule, path));
#endif
        forms.push_back(it.key());
    }
#ifdef TWITCHCHECK_CHECKER_WORDS_ONLY
    // The checker-only module (wasm/CMakeLists.txt) has English's checker words alone and
    // counts nothing: an added language is held to the built-in rule set instead (every
    // rule's cause and action and every advice step as text, no other key; the same
    // messages). Its plural rules and placeholders are not read there: it has no counts.
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.key() != "schema" && it.key() != "lang" && it.key() != "name" && it.key() != "decimal" &&
            it.key() != "plural" && it.key() != "checker")
            throw InputError(it.key(), "is not in the English file");
    (void)english;
    const bool exact = true;
#else
    const bool exact = false;  // same_shape below holds it to English, key by key
    if (english) {
        const std::string form_list = listed(std::move(forms), "", "");
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            const std::string& key = it.key();
            if (key == "schema" || key == "lang" || key == "name" || key == "decimal" || key == "plural") continue;
            auto section = english->words.find(key);
            if (section == english->words.end()) throw InputError(key, "is not in the English file");
            same_shape(*section, *it, form_list, key);
        }
        for (auto it = english->words.begin(); it != english->words.end(); ++it)
            if (doc.find(it.key()) == doc.end()) throw InputError(it.key(), "is missing (the English file has it)");
    }
#endif
    lang->words = std::move(doc);
    compile_checker_words(*lang, exact);
    return lang;
}

struct Registry {
    std::vector<std::unique_ptr<Language>> loaded;
};

Registry& registry() {
    static Registry r;
    return r;
}

const Language* find_loaded(std::string_view wanted) {
    for (const auto& l : registry().loaded)
        if (lowered(l->tag) == wanted) return l.get();
    return nullptr;
}

const Language* find(std::string_view wanted) {
    if (const Language* l = find_loaded(wanted)) return l;
    for (std::size_t i = 0; i < kEmbeddedLanguageCount; ++i) {
        const EmbeddedLanguage& e = kEmbeddedLanguages[i];
        if (lowered(e.tag) != wanted) continue;
        const Language* reference = wanted == "en" ? nullptr : find("en");
        registry().loaded.push_back(read_language({reinterpret_cast<const char*>(e.bytes), e.size}, reference));
        return registry().loaded.back().get();
    }
    return nullptr;
}

// English, the fallback. Where none is built in or added (the checker-only module, given
// one language by its page), the first language it was given.
const Language& fallback() {
    if (const Language* en = find("en")) return *en;
    if (!registry().loaded.empty()) return *registry().loaded.front();
    throw InputError("lang", "no language is loaded: give the module a language file with addLanguage");
}

}  // namespace

const Language& language(std::string_view tag) {
    const std::string wanted = lowered(tag);
    if (!wanted.empty()) {
        if (const Language* l = find(wanted)) return *l;
        if (const Language* l = find(wanted.substr(0, wanted.find('-')))) return *l;
    }
    return fallback();
}

std::string add_language(std::string_view json_text) {
    const Language* english = find("en");
    auto added = read_language(json_text, english);
    const std::string wanted = lowered(added->tag);
    if (wanted == "en" && english) throw InputError("lang", "English cannot be replaced");
    auto& loaded = registry().loaded;
    std::string tag = added->tag;
    auto same = std::find_if(loaded.begin(), loaded.end(), [&](const auto& l) { return lowered(l->tag) == wanted; });
    if (same != loaded.end()) *same = std::move(added);
    else loaded.push_back(std::move(added));
    return tag;
}

}  // namespace twitchcheck
