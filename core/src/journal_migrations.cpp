// The journal's migration chain (docs/journal-migrations.md). Append-only: step N turns a
// version-N document into version N+1; steps are never edited once released, and none
// drops a key it does not know (validation then names it, so nothing is lost silently).
#include "twitchcheck/journal.hpp"

#include <array>
#include <string>

namespace twitchcheck {

namespace {

// Renames the keys of `object` found in `renames`, keeping every key and its position.
Json renamed(Json object, std::initializer_list<std::pair<std::string_view, std::string_view>> renames) {
    if (!object.is_object()) return object;
    Json out = Json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::string key = it.key();
        for (const auto& [from, to] : renames)
            if (key == from) key = to;
        out[key] = std::move(it.value());
    }
    return out;
}

// Sets out[key], or keeps the value under its old name when the document also holds the
// new name: the old one then fails validation instead of one of them vanishing.
void put(Json& out, const Json& document, std::string_view key, std::string_view old_key, Json value) {
    out[std::string(key != old_key && document.contains(key) ? old_key : key)] = std::move(value);
}

// Version 0, the prototype's format: `twitches` (with `seconds`), `daily`, and a
// top-level `plan_started`.
Json migrate_0_to_1(Json document) {
    Json out = Json::object();
    out["schema"] = std::string(kJournalSchemaPrefix) + "1";
    for (auto it = document.begin(); it != document.end(); ++it) {
        const std::string& key = it.key();
        if (key == "schema") continue;
        if (key == "twitches") {
            Json episodes = std::move(it.value());
            if (episodes.is_array())
                for (auto& episode : episodes) episode = renamed(std::move(episode), {{"seconds", "duration_s"}});
            put(out, document, "episodes", key, std::move(episodes));
        } else if (key == "daily") {
            put(out, document, "days", key, std::move(it.value()));
        } else if (key == "plan_started") {
            if (document.contains("plan"))
                put(out, document, key, key, std::move(it.value()));
            else
                put(out, document, "plan", key, Json{{"started", std::move(it.value())}});
        } else {
            put(out, document, key, key, std::move(it.value()));
        }
    }
    // Version 0 could leave out an empty diary; version 1 always has both lists.
    if (!out.contains("episodes")) out["episodes"] = Json::array();
    if (!out.contains("days")) out["days"] = Json::array();
    return out;
}

using Migration = Json (*)(Json);
// kMigrations[N] migrates version N to N+1.
constexpr std::array<Migration, kJournalVersion> kMigrations{migrate_0_to_1};

}  // namespace

Json migrate_journal(Json document, int from) {
    for (int version = from; version < kJournalVersion; ++version)
        document = kMigrations[static_cast<std::size_t>(version)](std::move(document));
    return document;
}

}  // namespace twitchcheck
