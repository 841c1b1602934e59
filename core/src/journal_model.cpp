// Validation of `twitchcheck.journal/1` (journal.md, "Precise definitions"): the first
// problem is reported, in the spec's order, with its JSON path.
#include "journal_records.hpp"
#include "twitchcheck/journal.hpp"
#include "twitchcheck/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_set>

namespace twitchcheck {

namespace {

constexpr int kMaxNoteCodePoints = 2000;

[[noreturn]] void fail(std::string path, std::string message) {
    throw InputError(std::move(path), std::move(message));
}

// Where a value sits: `list[index].key`, any part left out. Paths and messages are only
// built on failure, so validating 20,000 episodes allocates no text.
struct Place {
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
    std::string_view list;
    std::size_t index = kNoIndex;
    std::string_view key;

    Place at(std::string_view member) const { return Place{list, index, member}; }
    std::string text() const {
        std::string path(list);
        if (index != kNoIndex) path = path_index(path, index);
        return key.empty() ? path : path_key(path, key);
    }
};

[[noreturn]] void fail(const Place& place, std::string message) { fail(place.text(), std::move(message)); }

std::string must_be(std::string_view what, const Json& value) {
    std::string out = "must be ";
    out += what;
    if (value.is_null())
        out += " (null is not allowed; leave the field out instead)";
    else {
        out += ", not ";
        out += type_words(value);
    }
    return out;
}

// The members of an object in the order journal.md lists them; anything else is unknown.
template <std::size_t N>
void reject_unknown_keys(const Json& object, const Place& place, const std::array<std::string_view, N>& known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!index_of(known, it.key()))
            fail(path_key(place.text(), it.key()), "is not a field of a twitchcheck journal");
    }
}

const Json* member(const Json& object, std::string_view key) {
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key() == key) return &it.value();
    return nullptr;
}

const Json& required(const Json& object, const Place& place) {
    const Json* value = member(object, place.key);
    if (!value) fail(place, "is required");
    return *value;
}

const std::string& text_of(const Json& value, const Place& place, std::string_view what = "text") {
    if (!value.is_string()) fail(place, must_be(what, value));
    return value.get_ref<const std::string&>();
}

// A JSON integer token within [low, high]; `30.0` or `3e1` is not one.
std::int32_t whole_number(const Json& value, const Place& place, std::int32_t low, std::int32_t high) {
    auto range = [&] { return std::to_string(low) + " to " + std::to_string(high); };
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (number == std::floor(number))  // 30.0 or 3e1: whole, but not written as one
            fail(place, "must be a whole number from " + range() + ", written without a decimal point or an exponent");
        fail(place, "must be a whole number from " + range() + ", not " + number_text(number));
    }
    if (!value.is_number_integer()) fail(place, must_be("a whole number from " + range(), value));
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(high) || static_cast<std::int64_t>(u) < low) fail(place, "must be " + range());
        return static_cast<std::int32_t>(u);
    }
    const std::int64_t n = value.get<std::int64_t>();
    if (n < low || n > high) fail(place, "must be " + range());
    return static_cast<std::int32_t>(n);
}

DayNumber date_of(const Json& value, const Place& place) {
    const std::string& text = text_of(value, place, "a date written YYYY-MM-DD");
    auto day = parse_date(text);
    if (!day) fail(place, "must be a real date written YYYY-MM-DD");
    return *day;
}

LocalMoment moment_of(const Json& value, const Place& place) {
    const std::string& text = text_of(value, place, "a time like 2026-11-20T08:15:00+01:00");
    auto moment = parse_moment(text);
    if (!moment)
        fail(place, "must be a real local time with its UTC offset, written like "
                    "2026-11-20T08:15:00+01:00 or 2026-11-20T07:15:00Z");
    return *moment;
}

template <std::size_t N>
std::string name_list(const std::array<std::string_view, N>& names) {
    std::string list;
    for (std::size_t i = 0; i < N; ++i) {
        if (i) list += i + 1 == N ? " or " : ", ";
        list += names[i];
    }
    return list;
}

template <class E, std::size_t N>
E name_in(const Json& value, const std::string_view path_or_empty, const Place& place,
          const std::array<std::string_view, N>& names, std::string_view what) {
    auto where = [&] { return path_or_empty.empty() ? place.text() : std::string(path_or_empty); };
    if (!value.is_string()) fail(where(), must_be(std::string(what) + " (" + name_list(names) + ")", value));
    auto parsed = parse_name<E>(names, value.get_ref<const std::string&>());
    if (!parsed) fail(where(), "must be " + std::string(what) + ": " + name_list(names));
    return *parsed;
}

template <class E, std::size_t N>
E name_in(const Json& value, const Place& place, const std::array<std::string_view, N>& names, std::string_view what) {
    return name_in<E>(value, "", place, names, what);
}

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Depth of nested objects/lists, the value itself being level 1. Iterative, and it stops
// as soon as the limit is passed, so a 100,000-deep list costs nothing and never recurses.
bool deeper_than(const Json& root, int limit) {
    std::vector<std::pair<const Json*, int>> pending{{&root, 1}};
    while (!pending.empty()) {
        auto [value, depth] = pending.back();
        pending.pop_back();
        if (!value->is_structured()) continue;
        if (depth > limit) return true;
        for (const auto& child : *value)
            if (child.is_structured()) pending.emplace_back(&child, depth + 1);
    }
    return false;
}

constexpr std::array<std::string_view, 5> kTopKeys{"schema", "episodes", "days", "plan", "assessments"};
constexpr std::array<std::string_view, 8> kEpisodeKeys{"id", "at", "region", "side",
                                                       "duration_s", "intensity", "triggers", "note"};
constexpr std::array<std::string_view, 7> kDayKeys{"date", "caffeine_mg", "water_ml", "sleep_h",
                                                   "stress", "exercise", "relaxation_min"};
constexpr std::array<std::string_view, 1> kPlanKeys{"started"};
constexpr std::array<std::string_view, 4> kAssessmentKeys{"at", "input", "level", "rules_version"};

const Json& list_at(const Json& root, std::string_view key) {
    const Json& list = required(root, Place{"", Place::kNoIndex, key});
    if (!list.is_array()) fail(std::string(key), must_be("a list", list));
    return list;
}

void read_episodes(const Json& list, Journal& journal) {
    journal.episodes.reserve(list.size());
    std::unordered_set<std::string_view> ids;
    ids.reserve(list.size());
    const records::IdClaim claim = [&](std::string_view id) { return ids.insert(id).second; };
    for (std::size_t i = 0; i < list.size(); ++i) journal.episodes.push_back(records::read_episode(list[i], i, claim));
}

void read_days(const Json& list, Journal& journal) {
    journal.days.reserve(list.size());
    std::unordered_set<DayNumber> dates;
    dates.reserve(list.size());
    const records::DateClaim claim = [&](DayNumber date) { return dates.insert(date).second; };
    for (std::size_t i = 0; i < list.size(); ++i) journal.days.push_back(records::read_day(list[i], i, claim));
}

void read_assessments(const Json& list, Journal& journal) {
    if (!list.is_array()) fail("assessments", must_be("a list", list));
    for (std::size_t i = 0; i < list.size(); ++i) journal.assessments.push_back(records::read_assessment(list[i], i));
}

}  // namespace

namespace records {

Episode read_episode(const Json& item, std::size_t index, const IdClaim& claim) {
    const Place place{"episodes", index, {}};
    if (!item.is_object()) fail(place, must_be("an object", item));

    const std::string& id = text_of(required(item, place.at("id")), place.at("id"));
    if (id.empty()) fail(place.at("id"), "must not be empty");
    if (!claim(id)) fail(place.at("id"), "repeats the id of an earlier episode");

    Episode episode{};
    episode.at = moment_of(required(item, place.at("at")), place.at("at"));
    episode.region =
        name_in<Region>(required(item, place.at("region")), place.at("region"), kRegionNames, "a body region");
    episode.side = name_in<Side>(required(item, place.at("side")), place.at("side"), kSideNames, "a side");
    if (const Json* v = member(item, "duration_s")) whole_number(*v, place.at("duration_s"), 1, 86400);
    if (const Json* v = member(item, "intensity")) whole_number(*v, place.at("intensity"), 1, 5);
    if (const Json* v = member(item, "triggers")) {
        const Place triggers = place.at("triggers");
        if (!v->is_array()) fail(triggers, must_be("a list", *v));
        for (std::size_t t = 0; t < v->size(); ++t) {
            const Json& name = (*v)[t];
            if (name.is_string() && parse_name<Trigger>(kTriggerNames, name.get_ref<const std::string&>())) continue;
            name_in<Trigger>(name, path_index(triggers.text(), t), triggers, kTriggerNames, "a trigger");
        }
    }
    if (const Json* v = member(item, "note")) {
        const std::string& note = text_of(*v, place.at("note"));
        if (note.size() > kMaxNoteCodePoints && code_points(note) > kMaxNoteCodePoints)
            fail(place.at("note"), "must be at most 2000 characters");
    }
    reject_unknown_keys(item, place, kEpisodeKeys);
    return episode;
}

const std::string& episode_id(const Json& item) { return member(item, "id")->get_ref<const std::string&>(); }

DayEntry read_day(const Json& item, std::size_t index, const DateClaim& claim) {
    const Place place{"days", index, {}};
    if (!item.is_object()) fail(place, must_be("an object", item));
    DayEntry day;
    day.date = date_of(required(item, place.at("date")), place.at("date"));
    if (!claim(day.date)) fail(place.at("date"), "repeats the date of an earlier day");
    if (const Json* v = member(item, "caffeine_mg")) day.caffeine_mg = whole_number(*v, place.at("caffeine_mg"), 0, 2000);
    if (const Json* v = member(item, "water_ml")) day.water_ml = whole_number(*v, place.at("water_ml"), 0, 10000);
    if (const Json* v = member(item, "sleep_h")) {
        if (!v->is_number()) fail(place.at("sleep_h"), must_be("a number from 0 to 24", *v));
        day.sleep_h = v->get<double>();
        if (!(day.sleep_h >= 0 && day.sleep_h <= 24)) fail(place.at("sleep_h"), "must be 0 to 24");
    }
    if (const Json* v = member(item, "stress")) day.stress = whole_number(*v, place.at("stress"), 0, 10);
    if (const Json* v = member(item, "exercise"))
        day.exercise = name_in<Exercise>(*v, place.at("exercise"), kExerciseNames, "an amount of exercise");
    if (const Json* v = member(item, "relaxation_min"))
        day.relaxation_min = whole_number(*v, place.at("relaxation_min"), 0, 1440);
    reject_unknown_keys(item, place, kDayKeys);
    return day;
}

std::optional<DayNumber> read_plan(const Json& plan) {
    const Place place{"plan", Place::kNoIndex, {}};
    if (!plan.is_object()) fail(place, must_be("an object", plan));
    std::optional<DayNumber> started;
    if (const Json* v = member(plan, "started")) started = date_of(*v, place.at("started"));
    reject_unknown_keys(plan, place, kPlanKeys);
    return started;
}

StoredAssessment read_assessment(const Json& item, std::size_t index) {
    const Place place{"assessments", index, {}};
    if (!item.is_object()) fail(place, must_be("an object", item));
    StoredAssessment stored{};
    stored.index = index;
    stored.at = moment_of(required(item, place.at("at")), place.at("at"));
    const Json& input = required(item, place.at("input"));
    if (!input.is_object()) fail(place.at("input"), must_be("an object", input));
    if (deeper_than(input, kMaxInputDepth)) fail(place.at("input"), "is nested too deeply (more than 64 levels)");
    stored.level = name_in<Level>(required(item, place.at("level")), place.at("level"), kLevelNames, "a level");
    text_of(required(item, place.at("rules_version")), place.at("rules_version"));
    reject_unknown_keys(item, place, kAssessmentKeys);
    return stored;
}

Json parse_record(std::string_view text, std::size_t depth_in_document) {
    return parse_json_bounded(text, kDocumentDepth - (depth_in_document - 1));
}

}  // namespace records

std::optional<int> journal_version(std::string_view schema) {
    if (schema.substr(0, kJournalSchemaPrefix.size()) != kJournalSchemaPrefix) return std::nullopt;
    const std::string_view number = schema.substr(kJournalSchemaPrefix.size());
    if (number.empty() || (number.size() > 1 && number[0] == '0')) return std::nullopt;
    if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    // Ten digits and more is still a version number, just one from far ahead.
    if (number.size() > 9) return std::numeric_limits<int>::max();
    int version = 0;
    for (char c : number) version = version * 10 + (c - '0');
    return version;
}

Journal load_journal(Json document) {
    if (!document.is_object()) fail("", "must be a twitchcheck journal (a JSON object)");
    {
        const Json& schema = required(document, Place{"", Place::kNoIndex, "schema"});
        const std::string expected = std::string(kJournalSchemaPrefix) + std::to_string(kJournalVersion);
        if (!schema.is_string()) fail("schema", must_be("\"" + expected + "\"", schema));
        const auto version = journal_version(schema.get_ref<const std::string&>());
        if (!version) fail("schema", "must be \"" + expected + "\"");
        if (*version > kJournalVersion)
            fail("schema", "this journal was written by a newer version of twitchcheck (" +
                               schema.get<std::string>() + "); update twitchcheck to open it");
        if (*version < kJournalVersion) document = migrate_journal(std::move(document), *version);
    }
    Journal journal;
    read_episodes(list_at(document, "episodes"), journal);
    read_days(list_at(document, "days"), journal);
    if (const Json* plan = member(document, "plan")) journal.plan_started = records::read_plan(*plan);
    if (const Json* list = member(document, "assessments")) read_assessments(*list, journal);
    reject_unknown_keys(document, Place{}, kTopKeys);
    journal.document = std::move(document);
    return journal;
}

// A valid journal nests at most 4 + kMaxInputDepth levels; anything deeper is invalid
// wherever it is, and the bound keeps parsing free of deep recursion.
Journal read_journal(std::string_view text) { return load_journal(parse_json_bounded(text, records::kDocumentDepth)); }

DayNumber read_today(std::string_view today) {
    auto day = parse_date(today);
    if (!day) fail("today", "must be a real date written YYYY-MM-DD");
    return *day;
}

std::optional<std::size_t> latest_assessment(const Journal& journal) {
    std::optional<std::size_t> latest;
    std::int64_t latest_instant = 0;
    for (const auto& a : journal.assessments) {
        if (!latest || a.at.instant() >= latest_instant) {
            latest = a.index;
            latest_instant = a.at.instant();
        }
    }
    return latest;
}

}  // namespace twitchcheck
