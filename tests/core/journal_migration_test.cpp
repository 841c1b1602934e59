// The numbered migration chain: old documents are brought up to date, newer ones refused,
// and nothing a step does not understand is dropped.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/journal.hpp"

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

Json fixture(const std::string& name) {
    return twitchcheck::parse_json(test_files::read(test_files::source("tests/fixtures/" + name)));
}

}  // namespace

TEST_CASE("a twitchcheck.journal/0 document migrates to the expected /1 document, key order kept") {
    const Json v0 = fixture("journal-v0.json");
    const Json migrated = twitchcheck::migrate_journal(v0, 0);
    CHECK(twitchcheck::to_text(migrated) == twitchcheck::to_text(fixture("journal-v0-migrated.json")));
    const twitchcheck::Journal journal = twitchcheck::load_journal(v0);
    CHECK(twitchcheck::to_text(journal.document) == twitchcheck::to_text(fixture("journal-v0-migrated.json")));
    CHECK(journal.episodes.size() == 2);
    CHECK(journal.plan_started == twitchcheck::parse_date("2025-03-02"));
}

TEST_CASE("an old journal validates and analyses through the api like its migrated form") {
    const std::string v0 = test_files::read(test_files::source("tests/fixtures/journal-v0.json"));
    const std::string v1 = test_files::read(test_files::source("tests/fixtures/journal-v0-migrated.json"));
    CHECK(api::validate_journal(v0).text == "{\n  \"ok\": true\n}\n");
    const auto old_facts = api::analyze(v0, "2025-03-10");
    REQUIRE_FALSE(old_facts.error);
    CHECK(old_facts.text == api::analyze(v1, "2025-03-10").text);
    CHECK(api::report(v0, "2025-03-10", "csv").text == api::report(v1, "2025-03-10", "csv").text);
}

TEST_CASE("upgrade_journal hands back the migrated document as house JSON text, and a current one unchanged") {
    const std::string v0 = test_files::read(test_files::source("tests/fixtures/journal-v0.json"));
    const std::string expected = twitchcheck::to_text(fixture("journal-v0-migrated.json"));
    const auto upgraded = api::upgrade_journal(v0);
    REQUIRE_FALSE(upgraded.error);
    CHECK(upgraded.text == expected);
    CHECK(api::upgrade_journal(upgraded.text).text == expected);
    const auto newer = api::upgrade_journal(R"({"schema": "twitchcheck.journal/2", "episodes": [], "days": []})");
    REQUIRE(newer.error);
    CHECK(newer.error->path == "schema");
}

TEST_CASE("the current version is left exactly as it is") {
    const Json v1 = fixture("journal-v0-migrated.json");
    CHECK(twitchcheck::migrate_journal(v1, twitchcheck::kJournalVersion) == v1);
    CHECK(twitchcheck::journal_version("twitchcheck.journal/1") == 1);
    CHECK(twitchcheck::journal_version("twitchcheck.journal/0") == 0);
    CHECK_FALSE(twitchcheck::journal_version("twitchcheck.journal/"));
    CHECK_FALSE(twitchcheck::journal_version("twitchcheck.journal/1.0"));
    CHECK_FALSE(twitchcheck::journal_version("twitchcheck.journal/-1"));
    CHECK_FALSE(twitchcheck::journal_version("twitchcheck.journal/00"));
    CHECK_FALSE(twitchcheck::journal_version("twitchcheck.assessment/1"));
}

TEST_CASE("migrations keep keys they do not understand, so validation names them") {
    Json v0 = fixture("journal-v0.json");
    v0["twitches"][1]["colour"] = "red";
    const Json migrated = twitchcheck::migrate_journal(v0, 0);
    CHECK(migrated["episodes"][1]["colour"] == "red");
    CHECK(api::validate_journal(v0.dump()).error->path == "episodes[1].colour");

    Json extra = fixture("journal-v0.json");
    extra["settings"] = Json{{"theme", "dark"}};
    CHECK(twitchcheck::migrate_journal(extra, 0)["settings"] == Json{{"theme", "dark"}});
    CHECK(api::validate_journal(extra.dump()).error->path == "settings");

    // Both an old and a new name: the old one is kept under its name, not overwritten.
    Json both = fixture("journal-v0.json");
    both["episodes"] = Json::array();
    const Json kept = twitchcheck::migrate_journal(both, 0);
    CHECK(kept["twitches"].size() == 2);
    CHECK(kept["episodes"] == Json::array());
}

TEST_CASE("a version 0 document without its lists gets empty ones") {
    const Json minimal = Json::parse(R"({"schema": "twitchcheck.journal/0"})");
    CHECK(twitchcheck::to_text(twitchcheck::migrate_journal(minimal, 0)) ==
          "{\n  \"schema\": \"twitchcheck.journal/1\",\n  \"episodes\": [],\n  \"days\": []\n}\n");
    CHECK(api::validate_journal(minimal.dump()).text == "{\n  \"ok\": true\n}\n");
}

TEST_CASE("a journal from a newer version is refused at schema, however new") {
    for (const char* schema : {"twitchcheck.journal/2", "twitchcheck.journal/17", "twitchcheck.journal/99999999999"}) {
        CAPTURE(schema);
        const auto out = api::validate_journal(std::string(R"({"schema": ")") + schema + R"(", "episodes": [], "days": []})");
        REQUIRE(out.error);
        CHECK(out.error->path == "schema");
        CHECK(out.error->message.find("written by a newer version of twitchcheck") != std::string::npos);
    }
}
