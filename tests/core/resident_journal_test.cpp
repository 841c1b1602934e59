// The resident journal (api::JournalSession): each record change validates like the same
// record inside a whole document (same path, same message), a failed change leaves the
// document's bytes as they were, and analyze/report equal the whole-document functions'.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/journal_session.hpp"

#include <optional>
#include <random>
#include <string>
#include <vector>

using twitchcheck::Error;
using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

const std::string kOk = "{\n  \"ok\": true\n}\n";
const std::string kEmpty = R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": []})";

std::string ok_at(std::size_t index) { return "{\n  \"ok\": true,\n  \"index\": " + std::to_string(index) + "\n}\n"; }

std::string error_text(const api::Output& out) { return out.error ? out.error->path + ": " + out.error->message : "ok"; }

// The whole-document answer for `document`: "ok" or "PATH: MESSAGE".
std::string whole_document(const Json& document) { return error_text(api::validate_journal(document.dump())); }

// Puts a document's records into the session one at a time, in the document's order, as the
// app adds them; stops at the first refusal and returns it ("ok" when all were taken).
std::string replay(api::JournalSession& session, const Json& document) {
    // Each change, and a check that a refused one leaves the document's bytes alone.
    auto apply = [&](auto&& change) {
        const std::string before = session.document().text;
        const api::Output out = change();
        if (out.error) CHECK(session.document().text == before);
        return error_text(out);
    };
    for (const Json& episode : document["episodes"])
        if (auto r = apply([&] { return session.add_episode(episode.dump()); }); r != "ok") return r;
    for (const Json& day : document["days"])
        if (auto r = apply([&] { return session.put_day(day.dump()); }); r != "ok") return r;
    if (document.contains("plan"))
        if (auto r = apply([&] { return session.set_plan(document["plan"].dump()); }); r != "ok") return r;
    if (document.contains("assessments"))
        for (const Json& check : document["assessments"])
            if (auto r = apply([&] { return session.add_check(check.dump()); }); r != "ok") return r;
    return "ok";
}

// Whether a whole-document error is about one record (not the schema, a list or a top key).
bool about_a_record(const std::string& path) {
    for (const char* prefix : {"episodes[", "days[", "plan", "assessments["})
        if (path.rfind(prefix, 0) == 0) return true;
    return false;
}

Json worked_example(const char* name) {
    return twitchcheck::parse_json(test_files::read(test_files::shared(std::string("journal-examples/") + name)));
}

// A good episode whose members can be replaced or added, written as raw JSON text.
std::string episode(const std::string& id, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "at": "2026-11-20T08:15:00+01:00", "region": "calf", "side": "left")" + extra + "}";
}

}  // namespace

TEST_CASE("a new session is the empty journal, counts zero, and analyses as the empty document does") {
    api::JournalSession session;
    CHECK(session.document().text ==
          "{\n  \"schema\": \"twitchcheck.journal/1\",\n  \"episodes\": [],\n  \"days\": []\n}\n");
    CHECK(session.counts().text == "{\n  \"episodes\": 0,\n  \"days\": 0,\n  \"assessments\": 0\n}\n");
    CHECK(session.analyze("2026-11-21").text == api::analyze(kEmpty, "2026-11-21").text);
    for (const char* format : {"json", "html", "csv", "fhir"})
        CHECK(session.report("2026-11-21", format).text == api::report(kEmpty, "2026-11-21", format).text);
}

TEST_CASE("each shared bad journal's record, given to a session, is refused with the document's path and message") {
    const Json cases = twitchcheck::parse_json(test_files::read(test_files::shared("journal-examples/bad-journals.json")));
    int compared = 0;
    for (const auto& c : cases) {
        const std::string name = c["name"].get<std::string>();
        CAPTURE(name);
        const Json document = twitchcheck::parse_json(c["text"].get<std::string>());
        const std::string expected = whole_document(document);
        REQUIRE(expected.rfind(c["path"].get<std::string>() + ": ", 0) == 0);
        if (!about_a_record(c["path"].get<std::string>())) continue;
        api::JournalSession session;
        CHECK(replay(session, document) == expected);
        ++compared;
    }
    CHECK(compared == 9);  // the tenth is about the schema, not a record
}

TEST_CASE("after a worked example is loaded, a bad record is refused at its index in the longer journal") {
    const Json example = worked_example("08-rising-asymmetric-spreading-plan.json")["journal"];
    REQUIRE(example["episodes"].size() == 23);
    REQUIRE(example["days"].size() == 13);
    const Json cases = twitchcheck::parse_json(test_files::read(test_files::shared("journal-examples/bad-journals.json")));
    for (const auto& c : cases) {
        if (!about_a_record(c["path"].get<std::string>())) continue;
        const std::string name = c["name"].get<std::string>();
        CAPTURE(name);
        const Json bad = twitchcheck::parse_json(c["text"].get<std::string>());
        // The same journal as one document: the example's records, then the bad case's.
        Json merged = example;
        for (const Json& e : bad["episodes"]) merged["episodes"].push_back(e);
        for (const Json& d : bad["days"]) merged["days"].push_back(d);
        if (bad.contains("plan")) merged["plan"] = bad["plan"];
        if (bad.contains("assessments")) merged["assessments"] = bad["assessments"];
        const std::string expected = whole_document(merged);
        CAPTURE(expected);

        api::JournalSession session;
        REQUIRE(session.load(example.dump()).text == kOk);
        CHECK(replay(session, bad) == expected);
    }
    // One path spelled out: the bad case's first episode lands at index 23.
    api::JournalSession session;
    REQUIRE(session.load(example.dump()).text == kOk);
    const auto out = session.add_episode(episode("new", R"(, "duration_s": 0)"));
    REQUIRE(out.error);
    CHECK(out.error->path == "episodes[23].duration_s");
    CHECK(out.error->message == "must be 1 to 86400");
}

TEST_CASE("every record rule gives the whole document's path and message through the session") {
    // Each line: a document of good records with one bad record last in its kind.
    const std::string at = R"("at": "2026-11-20T09:00:00+01:00")";
    const std::vector<std::string> bad_episodes{
        R"("a")", "7", "null", "[]", R"({})", R"({"id": ""})", R"({"id": 7})", R"({"id": "b", "at": "2026-11-20T08:15:00"})",
        R"({"id": "b", "at": "2026-11-20T08:15:00+01:00"})", episode("b", R"(, "duration_s": 30.0)"),
        episode("b", R"(, "duration_s": 3e1)"), episode("b", R"(, "duration_s": 86401)"),
        episode("b", R"(, "duration_s": "30")"), episode("b", R"(, "intensity": 2.5)"),
        episode("b", R"(, "intensity": null)"), episode("b", R"(, "intensity": 18446744073709551615)"),
        episode("b", R"(, "triggers": ["stress", "coffee"])"), episode("b", R"(, "triggers": "stress")"),
        episode("b", R"(, "note": 5)"), episode("b", R"(, "note": ")" + std::string(2001, 'x') + "\""),
        episode("b", R"(, "mood": 1)"), episode("b", R"(, "mood": 1, "note": 7)"),
        R"({"id": "b", "at": "2026-11-20T08:15:00Z", "region": "knee", "side": "up"})",
        R"({"id": "b", "at": "2026-11-20T08:15:00Z", "region": "calf", "side": "up"})",
        R"({"id": "b", "at": "2026-02-30T08:15:00Z", "region": "calf", "side": "left"})",
        episode("a"),  // a repeated id
        episode("a", R"(, "duration_s": 0)"),  // a repeated id comes before the other fields
        episode("b", R"(, "note": )" + std::string(100, '[') + std::string(100, ']')),
    };
    const std::vector<std::string> bad_days{
        "3", R"({"stress": 3})", R"({"date": "2026-02-29"})", R"({"date": "2026-11-21", "stress": 7.5})",
        R"({"date": "2026-11-21", "stress": -0.5})", R"({"date": "2026-11-21", "water_ml": null})",
        R"({"date": "2026-11-21", "caffeine_mg": 2001})", R"({"date": "2026-11-21", "sleep_h": 24.01})",
        R"({"date": "2026-11-21", "sleep_h": "7"})", R"({"date": "2026-11-21", "exercise": "light"})",
        R"({"date": "2026-11-21", "relaxation_min": 1441})", R"({"date": "2026-11-21", "steps": 1000})",
        R"({"date": "2026-11-21", "stress": 99, "water_ml": -1})",
    };
    const std::vector<std::string> bad_plans{"null", R"("2026-11-01")", R"({"started": null})",
                                             R"({"started": "2026-11-31"})", R"({"goal": "less"})", "[]"};
    const std::vector<std::string> bad_checks{
        "[]", R"({"input": {}, "level": "monitor", "rules_version": "1"})",
        "{" + at + R"(, "level": "monitor", "rules_version": "1"})",
        "{" + at + R"(, "input": [], "level": "monitor", "rules_version": "1"})",
        "{" + at + R"(, "input": {}, "level": "fine", "rules_version": "1"})",
        "{" + at + R"(, "input": {}, "level": "monitor", "rules_version": 1})",
        "{" + at + R"(, "input": {}, "level": "monitor", "rules_version": "1", "by": "me"})",
        "{" + at + R"(, "input": {"a": )" + std::string(64, '[') + std::string(64, ']') +
            R"(}, "level": "monitor", "rules_version": "1"})",
        "{" + at + R"(, "input": {"a": )" + std::string(100000, '[') + std::string(100000, ']') +
            R"(}, "level": "monitor", "rules_version": "1"})",
    };
    const std::string good_episode = episode("a", R"(, "duration_s": 30, "triggers": ["stress"])");
    const std::string good_day = R"({"date": "2026-11-20", "stress": 7})";
    const std::string good_check = "{" + at + R"(, "input": {}, "level": "monitor", "rules_version": "1"})";
    auto document = [&](const std::string& episodes, const std::string& days, const std::string& rest) {
        return R"({"schema": "twitchcheck.journal/1", "episodes": [)" + episodes + R"(], "days": [)" + days + "]" +
               rest + "}";
    };
    // The whole-document answer, and the session's, for the good records then `bad`.
    auto both = [&](const std::string& text, auto&& add_bad) {
        const std::string expected = error_text(api::validate_journal(text));
        api::JournalSession session;
        REQUIRE(session.add_episode(good_episode).text == ok_at(0));
        REQUIRE(session.put_day(good_day).text == ok_at(0));
        REQUIRE(session.add_check(good_check).text == ok_at(0));
        const std::string before = session.document().text;
        const auto out = add_bad(session);
        CHECK(session.document().text == before);
        return std::make_pair(expected, error_text(out));
    };
    int compared = 0;
    for (const auto& bad : bad_episodes) {
        CAPTURE(bad.substr(0, 200));
        const auto [expected, got] = both(document(good_episode + ", " + bad, good_day, ", \"assessments\": [" + good_check + "]"),
                                          [&](api::JournalSession& s) { return s.add_episode(bad); });
        CHECK(expected.rfind("episodes[1]", 0) == 0);
        CHECK(got == expected);
        ++compared;
    }
    for (const auto& bad : bad_days) {
        CAPTURE(bad);
        const auto [expected, got] = both(document(good_episode, good_day + ", " + bad, ", \"assessments\": [" + good_check + "]"),
                                          [&](api::JournalSession& s) { return s.put_day(bad); });
        CHECK(expected.rfind("days[1]", 0) == 0);
        CHECK(got == expected);
        ++compared;
    }
    for (const auto& bad : bad_plans) {
        CAPTURE(bad);
        const auto [expected, got] = both(document(good_episode, good_day, ", \"plan\": " + bad + ", \"assessments\": [" + good_check + "]"),
                                          [&](api::JournalSession& s) { return s.set_plan(bad); });
        CHECK(expected.rfind("plan", 0) == 0);
        CHECK(got == expected);
        ++compared;
    }
    for (const auto& bad : bad_checks) {
        CAPTURE(bad.substr(0, 200));
        const auto [expected, got] = both(document(good_episode, good_day, ", \"assessments\": [" + good_check + ", " + bad + "]"),
                                          [&](api::JournalSession& s) { return s.add_check(bad); });
        CHECK(expected.rfind("assessments[1]", 0) == 0);
        CHECK(got == expected);
        ++compared;
    }
    CHECK(compared == 56);
}

TEST_CASE("a fraction where a whole number is required names the number, in both doors") {
    api::JournalSession session;
    const auto out = session.put_day(R"({"date": "2026-11-20", "stress": 7.5})");
    REQUIRE(out.error);
    CHECK(out.error->path == "days[0].stress");
    CHECK(out.error->message == "must be a whole number from 0 to 10, not 7.5");
    const auto whole = session.add_episode(episode("a", R"(, "duration_s": 30.0)"));
    REQUIRE(whole.error);
    CHECK(whole.error->message == "must be a whole number from 1 to 86400, written without a decimal point or an exponent");
}

TEST_CASE("a repeated id is refused at episodes[N].id with the document's message") {
    api::JournalSession session;
    REQUIRE(session.add_episode(episode("a")).text == ok_at(0));
    REQUIRE(session.add_episode(episode("b")).text == ok_at(1));
    const auto out = session.add_episode(episode("a", R"(, "intensity": 9)"));
    REQUIRE(out.error);
    CHECK(out.error->path == "episodes[2].id");
    CHECK(out.error->message == "repeats the id of an earlier episode");
    CHECK(session.add_episode(episode("A")).text == ok_at(2));  // ids compare exactly
    CHECK(session.counts().text == "{\n  \"episodes\": 3,\n  \"days\": 0,\n  \"assessments\": 0\n}\n");
}

TEST_CASE("changing or deleting an id or date the journal does not hold is refused and changes nothing") {
    api::JournalSession session;
    REQUIRE(session.add_episode(episode("a")).text == ok_at(0));
    REQUIRE(session.put_day(R"({"date": "2026-11-20"})").text == ok_at(0));
    const std::string before = session.document().text;
    const std::vector<std::pair<api::Output, std::string>> refusals{
        {session.change_episode(episode("zz")), "id: is not the id of an episode in this journal"},
        {session.change_episode(R"({"at": "2026-11-20T08:15:00Z"})"), "id: is not the id of an episode in this journal"},
        {session.change_episode(R"({"id": 7})"), "id: is not the id of an episode in this journal"},
        {session.change_episode(R"("a")"), ": must be an episode (a JSON object), not text"},
        {session.change_episode("{"), ": this is not valid JSON text"},
        {session.delete_episode("zz"), "id: is not the id of an episode in this journal"},
        {session.delete_episode(""), "id: is not the id of an episode in this journal"},
        {session.delete_day("2026-11-21"), "date: is not the date of a day in this journal"},
        {session.delete_day("2026-11-31"), "date: must be a real date written YYYY-MM-DD"},
        {session.add_episode("not json"), ": this is not valid JSON text"},
        {session.load(R"({"schema": "twitchcheck.journal/2", "episodes": [], "days": []})"),
         "schema: this journal was written by a newer version of twitchcheck (twitchcheck.journal/2); update "
         "twitchcheck to open it"},
        {session.analyze("2026-02-30"), "today: must be a real date written YYYY-MM-DD"},
        {session.report("2026-11-21", "pdf"), "format: must be json, html, csv or fhir"},
    };
    for (const auto& [out, expected] : refusals) {
        CHECK(error_text(out) == expected);
        CHECK(out.text == twitchcheck::error_document(*out.error));
    }
    CHECK(session.document().text == before);
}

TEST_CASE("change and put keep the record's index; delete removes it and the records after it move up") {
    api::JournalSession session;
    for (const char* id : {"a", "b", "c", "d"}) REQUIRE_FALSE(session.add_episode(episode(id)).error);
    CHECK(session.change_episode(episode("b", R"(, "intensity": 5)")).text == ok_at(1));
    const auto bad_change = session.change_episode(episode("c", R"(, "intensity": 6)"));
    CHECK(error_text(bad_change) == "episodes[2].intensity: must be 1 to 5");
    CHECK(session.delete_episode("a").text == ok_at(0));
    CHECK(session.change_episode(episode("d", R"(, "note": "x")")).text == ok_at(2));
    CHECK(error_text(session.change_episode(episode("d", R"(, "note": 1)"))) == "episodes[2].note: must be text, not a whole number");
    CHECK(session.delete_episode("c").text == ok_at(1));
    CHECK(session.add_episode(episode("a")).text == ok_at(2));
    CHECK(session.delete_episode("b").text == ok_at(0));
    CHECK(session.change_episode(episode("a", R"(, "side": "right")")).text == ok_at(1));

    CHECK(session.put_day(R"({"date": "2026-11-20", "stress": 1})").text == ok_at(0));
    CHECK(session.put_day(R"({"date": "2026-11-21", "stress": 2})").text == ok_at(1));
    CHECK(session.put_day(R"({"date": "2026-11-20", "stress": 3})").text == ok_at(0));
    CHECK(error_text(session.put_day(R"({"date": "2026-11-21", "stress": 11})")) == "days[1].stress: must be 0 to 10");
    CHECK(session.delete_day("2026-11-20").text == ok_at(0));
    CHECK(session.put_day(R"({"date": "2026-11-21", "stress": 4})").text == ok_at(0));

    const Json document = twitchcheck::parse_json(session.document().text);
    CHECK(document == twitchcheck::parse_json(
                          R"({"schema": "twitchcheck.journal/1", "episodes": [)" + episode("d", R"(, "note": "x")") +
                          ", " + episode("a", "").replace(episode("a", "").find("\"left\""), 6, "\"right\"") +
                          R"(], "days": [{"date": "2026-11-21", "stress": 4}]})"));
}

TEST_CASE("the plan and checks: setPlan replaces the plan in place, {} is no plan, checks append") {
    api::JournalSession session;
    REQUIRE(session.load(R"({"schema": "twitchcheck.journal/1", "plan": {"started": "2026-11-01"}, "episodes": [], "days": []})").text == kOk);
    CHECK(session.set_plan(R"({})").text == kOk);
    CHECK(session.document().text ==
          "{\n  \"schema\": \"twitchcheck.journal/1\",\n  \"plan\": {},\n  \"episodes\": [],\n  \"days\": []\n}\n");
    CHECK(twitchcheck::parse_json(session.analyze("2026-11-21").text)["plan"].is_null());
    CHECK(session.set_plan(R"({"started": "2026-11-02"})").text == kOk);
    CHECK(twitchcheck::parse_json(session.analyze("2026-11-21").text)["plan"]["week"] == 3);
    const std::string check = R"({"at": "2026-11-20T09:00:00+01:00", "input": {"x": [1]}, "level": "monitor", "rules_version": "1"})";
    CHECK(session.add_check(check).text == ok_at(0));
    CHECK(session.add_check(check).text == ok_at(1));
    CHECK(session.counts().text == "{\n  \"episodes\": 0,\n  \"days\": 0,\n  \"assessments\": 2\n}\n");
}

TEST_CASE("load gives the same document as upgradeJournal, migrating an old one; a failed load keeps the journal") {
    for (const auto& file : test_files::list(test_files::shared("journal-examples"), ".json")) {
        if (file.find("bad-journals") != std::string::npos) continue;
        CAPTURE(file);
        const Json example = twitchcheck::parse_json(test_files::read(file));
        const std::string text = example["journal"].dump();
        const std::string today = example["today"].get<std::string>();
        api::JournalSession session;
        REQUIRE(session.load(text).text == kOk);
        CHECK(session.document().text == api::upgrade_journal(text).text);
        CHECK(session.analyze(today).text == api::analyze(text, today).text);
        for (const char* format : {"json", "html", "csv", "fhir"})
            CHECK(session.report(today, format).text == api::report(text, today, format).text);
    }
    const std::string old = test_files::read(test_files::source("tests/fixtures/journal-v0.json"));
    api::JournalSession session;
    REQUIRE(session.load(old).text == kOk);
    CHECK(session.document().text == api::upgrade_journal(old).text);
    const std::string before = session.document().text;
    CHECK(error_text(session.load(R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": 1}], "days": []})")) ==
          "episodes[0].id: must be text, not a whole number");
    CHECK(session.document().text == before);
}

// ---- the property test --------------------------------------------------------------

namespace {

// Random record operations with a reference: the test applies each operation to a plain
// document itself and asks the whole-document validator whether it is valid. The session
// must then answer the same (ok, or the same path and message) and hold the same bytes.
struct Operations {
    std::mt19937 rng;
    Json reference = twitchcheck::parse_json(kEmpty);

    int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

    // Dates in the 70 days up to 2026-12-04, so windows, trends and the plan all come up.
    std::string date() { return twitchcheck::date_text(*twitchcheck::parse_date("2026-12-04") - pick(70)); }
    int next_id = 0;
    // Mostly a new id, sometimes one the journal holds already.
    std::string id() {
        const Json& episodes = reference["episodes"];
        if (!episodes.empty() && chance(10))
            return episodes[static_cast<std::size_t>(pick(static_cast<int>(episodes.size())))]["id"].get<std::string>();
        return "e" + std::to_string(next_id++);
    }

    Json good_episode() {
        static const char* offsets[] = {"+01:00", "Z", "-05:00", "+05:45", "-00:00"};
        Json e = Json::object();
        e["id"] = id();
        e["at"] = date() + "T" + two(pick(24)) + ":" + two(pick(60)) + ":" + two(pick(60)) + offsets[pick(5)];
        e["region"] = twitchcheck::kRegionNames[static_cast<std::size_t>(pick(14))];
        e["side"] = twitchcheck::kSideNames[static_cast<std::size_t>(pick(4))];
        if (chance(60)) e["duration_s"] = 1 + pick(300);
        if (chance(60)) e["intensity"] = 1 + pick(5);
        if (chance(50)) {
            Json triggers = Json::array();
            for (int t = pick(3); t > 0; --t) triggers.push_back(twitchcheck::kTriggerNames[static_cast<std::size_t>(pick(6))]);
            e["triggers"] = triggers;
        }
        if (chance(30)) e["note"] = chance(30) ? "=SUM(A1)" : "after coffee, \"tired\"";
        return e;
    }
    Json good_day() {
        Json d = Json::object();
        d["date"] = date();
        if (chance(80)) d["caffeine_mg"] = pick(6) * 80;
        if (chance(80)) d["water_ml"] = 800 + pick(14) * 150;
        if (chance(80)) d["sleep_h"] = chance(50) ? Json(4.5 + pick(10) * 0.5) : Json(4 + pick(6));
        if (chance(80)) d["stress"] = pick(11);
        if (chance(60)) d["exercise"] = twitchcheck::kExerciseNames[static_cast<std::size_t>(pick(3))];
        if (chance(60)) d["relaxation_min"] = pick(5) * 10;
        return d;
    }
    Json good_check() {
        static const char* inputs[] = {
            R"({"schema": "twitchcheck.assessment/1", "duration_days": 20, "regions": [{"region": "calf", "side": "left"}], "findings": {"weakness": false}})",
            R"({"schema": "twitchcheck.assessment/1", "duration_days": 3, "findings": {"weakness": true}})",
            R"({"schema": "twitchcheck.assessment/1", "duration_days": "long"})",
        };
        return Json{{"at", date() + "T09:" + two(pick(60)) + ":00+01:00"},
                    {"input", twitchcheck::parse_json(inputs[pick(3)])},
                    {"level", twitchcheck::kLevelNames[static_cast<std::size_t>(pick(7))]},
                    {"rules_version", "2026.11.1"}};
    }
    // One field made bad (or an unknown key added) in a quarter of the records.
    void spoil(Json& record) {
        if (!chance(25)) return;
        static const char* bad_values[] = {"null", "7.5", "30.0", "-1", "99999", "\"x\"", "[]", "{}", "true",
                                           "\"2026-11-20T08:15:00.5Z\"", "\"2026-02-30\""};
        std::vector<std::string> keys;
        for (auto it = record.begin(); it != record.end(); ++it) keys.push_back(it.key());
        const Json value = twitchcheck::parse_json(bad_values[pick(11)]);
        if (chance(15) || keys.empty()) record["extra"] = value;
        else if (chance(10)) record.erase(keys[static_cast<std::size_t>(pick(static_cast<int>(keys.size())))]);
        else record[keys[static_cast<std::size_t>(pick(static_cast<int>(keys.size())))]] = value;
    }

    // Applies one random operation to the session and to the reference; checks they agree.
    void step(api::JournalSession& session) {
        const std::string before = session.document().text;
        Json next = reference;
        api::Output out;
        std::optional<std::string> expected;  // set when the reference rules the answer itself
        auto& episodes = next["episodes"];
        auto index_of = [](const Json& list, const char* key, const Json& value) -> std::optional<std::size_t> {
            for (std::size_t i = 0; i < list.size(); ++i)
                if (list[i].is_object() && list[i].contains(key) && list[i][key] == value) return i;
            return std::nullopt;
        };
        switch (pick(10)) {
            case 0:
            case 1:
            case 2: {
                Json e = good_episode();
                spoil(e);
                episodes.push_back(e);
                out = session.add_episode(e.dump());
                break;
            }
            case 3: {
                Json e = good_episode();
                if (!episodes.empty() && chance(85)) e["id"] = episodes[static_cast<std::size_t>(pick(static_cast<int>(episodes.size())))]["id"];
                spoil(e);
                const auto found = e.is_object() && e.contains("id") ? index_of(episodes, "id", e["id"]) : std::nullopt;
                if (found) episodes[*found] = e;
                else expected = "id: is not the id of an episode in this journal";
                out = session.change_episode(e.dump());
                break;
            }
            case 4: {
                const std::string victim = !episodes.empty() && chance(85)
                    ? episodes[static_cast<std::size_t>(pick(static_cast<int>(episodes.size())))]["id"].get<std::string>()
                    : "gone" + std::to_string(pick(5));
                if (const auto found = index_of(episodes, "id", victim)) {
                    episodes.erase(*found);
                    expected = "ok";
                } else {
                    expected = "id: is not the id of an episode in this journal";
                }
                out = session.delete_episode(victim);
                break;
            }
            case 5:
            case 6: {
                Json d = good_day();
                spoil(d);
                auto& days = next["days"];
                const auto found = d.is_object() && d.contains("date") ? index_of(days, "date", d["date"]) : std::nullopt;
                if (found) days[*found] = d;
                else days.push_back(d);
                out = session.put_day(d.dump());
                break;
            }
            case 7: {
                auto& days = next["days"];
                const std::string day = date();
                if (const auto found = index_of(days, "date", Json(day))) {
                    days.erase(*found);
                    expected = "ok";
                } else {
                    expected = "date: is not the date of a day in this journal";
                }
                out = session.delete_day(day);
                break;
            }
            case 8: {
                Json plan = chance(20) ? Json::object() : Json{{"started", date()}};
                spoil(plan);
                next["plan"] = plan;
                out = session.set_plan(plan.dump());
                break;
            }
            default: {
                Json check = good_check();
                spoil(check);
                if (!next.contains("assessments")) next["assessments"] = Json::array();
                next["assessments"].push_back(check);
                out = session.add_check(check.dump());
                break;
            }
        }
        const std::string answer = error_text(out);
        if (!expected) expected = whole_document(next);
        CHECK(answer == *expected);
        if (answer == "ok") reference = std::move(next);
        else CHECK(session.document().text == before);
        CHECK(session.document().text == twitchcheck::to_text(reference));
    }
};

}  // namespace

TEST_CASE("random record operations: answers, documents, analyze and report equal the whole-document functions'") {
    Operations ops{std::mt19937(20261204)};
    int sequences = 0, operations = 0, refused = 0;
    for (int s = 0; s < 300; ++s) {
        api::JournalSession session;
        ops.reference = twitchcheck::parse_json(kEmpty);
        const int length = 5 + ops.pick(60);
        for (int i = 0; i < length; ++i) {
            const std::string before = twitchcheck::to_text(ops.reference);
            ops.step(session);
            refused += twitchcheck::to_text(ops.reference) == before;
            ++operations;
        }
        const std::string document = session.document().text;
        for (const char* today : {"2026-12-04", "2026-11-10", "2027-03-01"}) {
            CAPTURE(today);
            CHECK(session.analyze(today).text == api::analyze(document, today).text);
            for (const char* format : {"json", "html", "csv", "fhir"}) {
                CAPTURE(format);
                CHECK(session.report(today, format).text == api::report(document, today, format).text);
            }
        }
        // And a session loaded from that document answers the same.
        api::JournalSession loaded;
        REQUIRE(loaded.load(document).text == kOk);
        CHECK(loaded.document().text == document);
        CHECK(loaded.analyze("2026-12-04").text == session.analyze("2026-12-04").text);
        ++sequences;
    }
    CHECK(sequences == 300);
    // The mix really mixes: many changes taken and many refused.
    CHECK(operations > 9000);
    CHECK(refused > operations / 5);
    CHECK(refused < operations * 3 / 5);
}
