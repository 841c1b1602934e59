// Reading a twitchcheck.assessment/1: every field checked, nothing guessed.
#include "twitchcheck/checker.hpp"

#include <string>

namespace twitchcheck {
namespace {

constexpr std::array<std::string_view, 8> kAssessmentKeys{
    "schema", "duration_days", "lifestyle_changes_tried", "self_care_weeks",
    "improved", "regions", "findings", "triggers"};

template <std::size_t N>
std::string list_words(const std::array<std::string_view, N>& names) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        if (i) out += i + 1 == N ? " or " : ", ";
        out += names[i];
    }
    return out;
}

int whole_number(const Json& value, const std::string& path, int low, int high) {
    const std::string range = "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    if (!value.is_number_integer()) throw InputError(path, range);
    // number_unsigned and number_integer both answer is_number_integer().
    if (value.is_number_unsigned() ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                                   : (value.get<std::int64_t>() < low || value.get<std::int64_t>() > high))
        throw InputError(path, range);
    return static_cast<int>(value.get<std::int64_t>());
}

bool boolean(const Json& value, const std::string& path) {
    if (!value.is_boolean()) throw InputError(path, "expected true or false");
    return value.get<bool>();
}

template <class E, std::size_t N>
E name_in(const Json& value, const std::string& path, const std::array<std::string_view, N>& names,
          std::string_view what) {
    if (value.is_string())
        if (auto parsed = parse_name<E>(names, value.get_ref<const std::string&>())) return *parsed;
    throw InputError(path, "expected a known " + std::string(what) + ": " + list_words(names));
}

RegionSide region_side(const Json& value, const std::string& path) {
    if (!value.is_object()) throw InputError(path, "expected an object with a region and a side");
    for (auto it = value.begin(); it != value.end(); ++it)
        if (it.key() != "region" && it.key() != "side")
            throw InputError(path_key(path, it.key()), "unknown field");
    auto region = value.find("region");
    if (region == value.end()) throw InputError(path_key(path, "region"), "is required");
    auto side = value.find("side");
    if (side == value.end()) throw InputError(path_key(path, "side"), "is required");
    return {name_in<Region>(*region, path_key(path, "region"), kRegionNames, "body region"),
            name_in<Side>(*side, path_key(path, "side"), kSideNames, "side")};
}

}  // namespace

Assessment parse_assessment(const Json& doc) {
    if (!doc.is_object()) throw InputError("", "expected an assessment object");
    Assessment a;

    auto schema = doc.find("schema");
    if (schema == doc.end()) throw InputError("schema", "is required");
    if (!schema->is_string() || schema->get_ref<const std::string&>() != kAssessmentSchema)
        throw InputError("schema", "expected \"" + std::string(kAssessmentSchema) + "\"");

    auto duration = doc.find("duration_days");
    if (duration == doc.end()) throw InputError("duration_days", "is required");
    a.duration_days = whole_number(*duration, "duration_days", 0, 36500);

    if (auto it = doc.find("lifestyle_changes_tried"); it != doc.end())
        a.lifestyle_changes_tried = boolean(*it, "lifestyle_changes_tried");
    if (auto it = doc.find("self_care_weeks"); it != doc.end())
        a.self_care_weeks = whole_number(*it, "self_care_weeks", 0, 520);
    if (auto it = doc.find("improved"); it != doc.end() && !it->is_null()) {
        if (!it->is_boolean()) throw InputError("improved", "expected true, false or null");
        a.improved = it->get<bool>();
    }

    if (auto it = doc.find("regions"); it != doc.end()) {
        if (!it->is_array()) throw InputError("regions", "expected a list of body regions");
        a.regions.reserve(it->size());
        for (std::size_t i = 0; i < it->size(); ++i)
            a.regions.push_back(region_side((*it)[i], path_index("regions", i)));
    }

    if (auto it = doc.find("findings"); it != doc.end()) {
        if (!it->is_object()) throw InputError("findings", "expected an object of yes/no answers");
        for (auto f = it->begin(); f != it->end(); ++f) {
            const std::string path = path_key("findings", f.key());
            auto index = index_of(kFindingNames, f.key());
            if (!index) throw InputError(path, "unknown finding; expected one of " + list_words(kFindingNames));
            a.findings[*index] = boolean(f.value(), path);
        }
    }

    if (auto it = doc.find("triggers"); it != doc.end()) {
        if (!it->is_array()) throw InputError("triggers", "expected a list of triggers");
        a.triggers.reserve(it->size());
        for (std::size_t i = 0; i < it->size(); ++i)
            a.triggers.push_back(name_in<Trigger>((*it)[i], path_index("triggers", i), kTriggerNames, "trigger"));
    }

    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (!index_of(kAssessmentKeys, it.key())) throw InputError(it.key(), "unknown field");
    return a;
}

}  // namespace twitchcheck
