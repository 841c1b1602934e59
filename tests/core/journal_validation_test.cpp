// Validation of twitchcheck.journal/1: every rule and its boundaries, the order in which
// the first problem is found, and inputs built to break the parser.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/journal.hpp"

#include <string>
#include <vector>

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

// A valid journal whose episode, day, plan and assessment can each take extra members
// written as raw JSON text (so tokens such as `30.0` or `3e1` reach the parser as typed).
struct Parts {
    std::string episode = "";
    std::string day = "";
    std::string top = "";
    std::string at = "2026-11-20T08:15:00+01:00";
};

std::string journal_text(const Parts& p) {
    return R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "at": ")" + p.at +
           R"(", "region": "calf", "side": "left")" + p.episode + R"(}], "days": [{"date": "2026-11-20")" + p.day +
           "}]" + p.top + "}";
}

std::string episode_field(const std::string& key, const std::string& raw) {
    return ", \"" + key + "\": " + raw;
}

const std::string kGood = journal_text({});

// The path of the error, or "ok" when the journal is valid. Also checks that the next
// call on the api still works (a bad journal never leaves the engine unusable).
std::string validate(const std::string& text) {
    const auto out = api::validate_journal(text);
    const auto next = api::validate_journal(kGood);
    REQUIRE_FALSE(next.error);
    REQUIRE(next.text == "{\n  \"ok\": true\n}\n");
    if (!out.error) {
        REQUIRE(out.text == "{\n  \"ok\": true\n}\n");
        return "ok";
    }
    const Json doc = twitchcheck::parse_json(out.text);
    REQUIRE(doc["schema"] == "twitchcheck.error/1");
    REQUIRE(doc["error"]["path"] == out.error->path);
    REQUIRE(doc["error"]["message"] == out.error->message);
    REQUIRE_FALSE(out.error->message.empty());
    return out.error->path;
}

std::string message_of(const std::string& text) {
    const auto out = api::validate_journal(text);
    REQUIRE(out.error);
    return out.error->message;
}

struct Case {
    const char* name;
    std::string text;
    std::string path;  // "ok" when valid
};

void run(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        CAPTURE(c.text);
        CHECK(validate(c.text) == c.path);
    }
}

std::string nested_lists(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("every bad journal of the shared cases is rejected at its exact path") {
    const Json cases = twitchcheck::parse_json(test_files::read(test_files::shared("journal-examples/bad-journals.json")));
    REQUIRE(cases.size() >= 10);
    for (const auto& c : cases) {
        CAPTURE(c["name"].get<std::string>());
        CHECK(validate(c["text"].get<std::string>()) == c["path"].get<std::string>());
    }
}

TEST_CASE("a valid journal validates as {\"ok\": true} and every worked example is valid") {
    CHECK(validate(kGood) == "ok");
    for (const auto& file : test_files::list(test_files::shared("journal-examples"), ".json")) {
        if (file.find("bad-journals") != std::string::npos) continue;
        CAPTURE(file);
        const Json example = twitchcheck::parse_json(test_files::read(file));
        CHECK(validate(example["journal"].dump()) == "ok");
    }
}

TEST_CASE("the document: not JSON, not an object, schema, required lists, unknown top-level keys") {
    run({
        {"not JSON", "{\"schema\": ", ""},
        {"empty text", "", ""},
        {"a list at the root", "[]", ""},
        {"null at the root", "null", ""},
        {"schema missing", R"({"episodes": [], "days": []})", "schema"},
        {"schema null", R"({"schema": null, "episodes": [], "days": []})", "schema"},
        {"schema of something else", R"({"schema": "twitchcheck.assessment/1", "episodes": [], "days": []})", "schema"},
        {"schema with a leading zero", R"({"schema": "twitchcheck.journal/01", "episodes": [], "days": []})", "schema"},
        {"newer schema", R"({"schema": "twitchcheck.journal/2", "episodes": [], "days": []})", "schema"},
        {"far newer schema", R"({"schema": "twitchcheck.journal/123456789012", "episodes": [], "days": []})", "schema"},
        {"episodes missing", R"({"schema": "twitchcheck.journal/1", "days": []})", "episodes"},
        {"episodes not a list", R"({"schema": "twitchcheck.journal/1", "episodes": {}, "days": []})", "episodes"},
        {"days missing", R"({"schema": "twitchcheck.journal/1", "episodes": []})", "days"},
        {"days null", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": null})", "days"},
        {"empty lists are fine", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": []})", "ok"},
        {"unknown top-level key", journal_text({.top = R"(, "mood": "fine")"}), "mood"},
        {"unknown top-level key is reported after assessments",
         R"({"mood": 1, "schema": "twitchcheck.journal/1", "episodes": [], "days": [], "assessments": 3})", "assessments"},
        {"unknown keys after the known ones, whatever their position",
         R"({"extra": 1, "schema": "twitchcheck.journal/1", "episodes": [{"id": 1}], "days": []})", "episodes[0].id"},
    });
}

TEST_CASE("a journal from a newer version is refused with a message saying so") {
    const std::string message =
        message_of(R"({"schema": "twitchcheck.journal/2", "episodes": [], "days": []})");
    CHECK(message.find("newer version of twitchcheck") != std::string::npos);
}

TEST_CASE("episode fields: id, at, region, side are required and checked in that order") {
    run({
        {"episode not an object", R"({"schema": "twitchcheck.journal/1", "episodes": ["a"], "days": []})", "episodes[0]"},
        {"id missing", R"({"schema": "twitchcheck.journal/1", "episodes": [{"at": "x"}], "days": []})", "episodes[0].id"},
        {"id empty", R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": ""}], "days": []})", "episodes[0].id"},
        {"id a number", R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": 7}], "days": []})", "episodes[0].id"},
        {"at missing", R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "region": "calf"}], "days": []})",
         "episodes[0].at"},
        {"region missing",
         R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "at": "2026-11-20T08:15:00Z", "side": "up"}], "days": []})",
         "episodes[0].region"},
        {"side missing",
         R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "at": "2026-11-20T08:15:00Z", "region": "calf"}], "days": []})",
         "episodes[0].side"},
        {"region unknown",
         R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "at": "2026-11-20T08:15:00Z", "region": "knee", "side": "up"}], "days": []})",
         "episodes[0].region"},
        {"side unknown", journal_text({}).replace(journal_text({}).find("\"left\""), 6, "\"top\""), "episodes[0].side"},
        {"an earlier episode's problem comes first",
         R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "at": "2026-11-20T08:15:00Z", "region": "calf", "side": "left", "intensity": 9}, {"id": 2}], "days": []})",
         "episodes[0].intensity"},
    });
}

TEST_CASE("at is exactly YYYY-MM-DDTHH:MM:SS with Z or an offset of at most 14:00, on a real date") {
    const std::vector<std::pair<std::string, bool>> moments{
        {"2026-11-20T08:15:00+01:00", true},  {"2026-11-20T08:15:00Z", true},
        {"2026-11-20T08:15:00-03:30", true},  {"2026-11-20T08:15:00+05:45", true},
        {"2026-11-20T08:15:00+14:00", true},  {"2026-11-20T08:15:00-14:00", true},
        {"2026-11-20T00:00:00+00:00", true},  {"2026-11-20T23:59:59-00:00", true},
        {"2024-02-29T12:00:00Z", true},       {"2000-02-29T12:00:00Z", true},
        {"2026-11-20T08:15:00+14:01", false}, {"2026-11-20T08:15:00+14:30", false},
        {"2026-11-20T08:15:00-15:00", false}, {"2026-11-20T08:15:00+05:60", false},
        {"2026-11-20T08:15:00.250+01:00", false}, {"2026-11-20T08:15+01:00", false},
        {"2026-11-20t08:15:00+01:00", false}, {"2026-11-20T08:15:00z", false},
        {"2026-11-20 08:15:00+01:00", false}, {"2026-11-20T08:15:00", false},
        {"2026-11-20T08:15:00+0100", false},  {"2026-11-20T08:15:00+01", false},
        {"2026-11-20T24:00:00Z", false},      {"2026-11-20T23:60:00Z", false},
        {"2026-11-20T23:59:60Z", false},      {"2023-02-29T12:00:00Z", false},
        {"1900-02-29T12:00:00Z", false},      {"2026-04-31T12:00:00Z", false},
        {"2026-13-01T12:00:00Z", false},      {"2026-00-10T12:00:00Z", false},
        {"2026-11-00T12:00:00Z", false},      {"26-11-20T08:15:00Z", false},
        {"2026-11-20T8:15:00+01:00", false},  {"+2026-11-20T08:15:00Z", false},
        {"yesterday", false},                 {"", false},
    };
    for (const auto& moment : moments) {
        const std::string& at = moment.first;  // not a structured binding: clang 14 cannot capture one
        const bool valid = moment.second;
        CAPTURE(at);
        CHECK(validate(journal_text({.at = at})) == (valid ? "ok" : "episodes[0].at"));
    }
    CHECK(validate(journal_text({.episode = "", .at = "\", \"x\": \""})) == "episodes[0].at");
}

TEST_CASE("duration_s, intensity: JSON integer tokens in range; 30.0 and 3e1 are not integers") {
    run({
        {"duration 1", journal_text({.episode = episode_field("duration_s", "1")}), "ok"},
        {"duration 86400", journal_text({.episode = episode_field("duration_s", "86400")}), "ok"},
        {"duration 0", journal_text({.episode = episode_field("duration_s", "0")}), "episodes[0].duration_s"},
        {"duration 86401", journal_text({.episode = episode_field("duration_s", "86401")}), "episodes[0].duration_s"},
        {"duration -5", journal_text({.episode = episode_field("duration_s", "-5")}), "episodes[0].duration_s"},
        {"duration 30.0", journal_text({.episode = episode_field("duration_s", "30.0")}), "episodes[0].duration_s"},
        {"duration 3e1", journal_text({.episode = episode_field("duration_s", "3e1")}), "episodes[0].duration_s"},
        {"duration text", journal_text({.episode = episode_field("duration_s", "\"30\"")}), "episodes[0].duration_s"},
        {"duration null", journal_text({.episode = episode_field("duration_s", "null")}), "episodes[0].duration_s"},
        {"duration huge", journal_text({.episode = episode_field("duration_s", "18446744073709551615")}),
         "episodes[0].duration_s"},
        {"duration beyond 64 bits", journal_text({.episode = episode_field("duration_s", "99999999999999999999")}),
         "episodes[0].duration_s"},
        {"intensity 1", journal_text({.episode = episode_field("intensity", "1")}), "ok"},
        {"intensity 5", journal_text({.episode = episode_field("intensity", "5")}), "ok"},
        {"intensity 0", journal_text({.episode = episode_field("intensity", "0")}), "episodes[0].intensity"},
        {"intensity 6", journal_text({.episode = episode_field("intensity", "6")}), "episodes[0].intensity"},
        {"intensity 2.5", journal_text({.episode = episode_field("intensity", "2.5")}), "episodes[0].intensity"},
        {"intensity true", journal_text({.episode = episode_field("intensity", "true")}), "episodes[0].intensity"},
    });
    CHECK(message_of(journal_text({.episode = episode_field("duration_s", "86401")})) == "must be 1 to 86400");
}

TEST_CASE("triggers: a list of the checker's trigger names, may be empty or repeat") {
    run({
        {"empty", journal_text({.episode = episode_field("triggers", "[]")}), "ok"},
        {"repeated", journal_text({.episode = episode_field("triggers", R"(["stress", "stress"])")}), "ok"},
        {"all six",
         journal_text({.episode = episode_field(
                           "triggers", R"(["caffeine", "stress", "fatigue", "dehydration", "intense_exercise", "poor_sleep"])")}),
         "ok"},
        {"unknown name", journal_text({.episode = episode_field("triggers", R"(["stress", "coffee"])")}),
         "episodes[0].triggers[1]"},
        {"null item", journal_text({.episode = episode_field("triggers", R"([null])")}), "episodes[0].triggers[0]"},
        {"not a list", journal_text({.episode = episode_field("triggers", R"("stress")")}), "episodes[0].triggers"},
        {"null", journal_text({.episode = episode_field("triggers", "null")}), "episodes[0].triggers"},
    });
}

TEST_CASE("note: text of at most 2000 Unicode code points, never null") {
    std::string e_acute;  // é is two bytes in UTF-8: 2000 of them are 4000 bytes but 2000 code points
    for (int i = 0; i < 2000; ++i) e_acute += "\xC3\xA9";
    std::string emoji;  // 😀 is four bytes
    for (int i = 0; i < 2001; ++i) emoji += "\xF0\x9F\x98\x80";
    run({
        {"2000 ASCII", journal_text({.episode = episode_field("note", "\"" + std::string(2000, 'x') + "\"")}), "ok"},
        {"2001 ASCII", journal_text({.episode = episode_field("note", "\"" + std::string(2001, 'x') + "\"")}),
         "episodes[0].note"},
        {"2000 two-byte", journal_text({.episode = episode_field("note", "\"" + e_acute + "\"")}), "ok"},
        {"2001 four-byte", journal_text({.episode = episode_field("note", "\"" + emoji + "\"")}), "episodes[0].note"},
        {"escaped code point counts once", journal_text({.episode = episode_field("note", "\"" + std::string(1999, 'x') + "\\u00e9\"")}),
         "ok"},
        {"empty note", journal_text({.episode = episode_field("note", "\"\"")}), "ok"},
        {"HTML is just text", journal_text({.episode = episode_field("note", R"("<img src=x onerror=alert(1)>")")}), "ok"},
        {"note a number", journal_text({.episode = episode_field("note", "5")}), "episodes[0].note"},
        {"note null", journal_text({.episode = episode_field("note", "null")}), "episodes[0].note"},
    });
}

TEST_CASE("episode: unknown keys come after every listed field; fields in the spec's order") {
    run({
        {"unknown key", journal_text({.episode = episode_field("mood", "1")}), "episodes[0].mood"},
        {"bad note before unknown key",
         journal_text({.episode = episode_field("mood", "1") + episode_field("note", "7")}), "episodes[0].note"},
        {"intensity before triggers",
         journal_text({.episode = episode_field("triggers", "[1]") + episode_field("intensity", "9")}),
         "episodes[0].intensity"},
        {"duration before intensity",
         journal_text({.episode = episode_field("intensity", "9") + episode_field("duration_s", "0")}),
         "episodes[0].duration_s"},
        {"triggers before note",
         journal_text({.episode = episode_field("note", "1") + episode_field("triggers", "[1]")}),
         "episodes[0].triggers[0]"},
    });
}

TEST_CASE("a duplicate id or date is reported at its later occurrence") {
    const std::string ep = R"({"id": "X", "at": "2026-11-20T08:15:00Z", "region": "calf", "side": "left"})";
    const std::string ep_b = R"({"id": "x", "at": "2026-11-20T08:15:00Z", "region": "calf", "side": "left"})";
    run({
        {"same id twice", R"({"schema": "twitchcheck.journal/1", "episodes": [)" + ep + "," + ep_b + "," + ep + R"(], "days": []})",
         "episodes[2].id"},
        {"ids compare exactly (case matters)",
         R"({"schema": "twitchcheck.journal/1", "episodes": [)" + ep + "," + ep_b + R"(], "days": []})", "ok"},
        {"duplicate id before a bad at in the same episode",
         R"({"schema": "twitchcheck.journal/1", "episodes": [)" + ep +
             R"(, {"id": "X", "at": "no"}], "days": []})",
         "episodes[1].id"},
        {"same date twice",
         R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [{"date": "2026-11-20"}, {"date": "2026-11-21"}, {"date": "2026-11-20"}]})",
         "days[2].date"},
    });
}

TEST_CASE("day fields: date required and real, each optional field in range, integers are integer tokens") {
    run({
        {"day not an object", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [3]})", "days[0]"},
        {"date missing", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [{"stress": 3}]})", "days[0].date"},
        {"date not real", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [{"date": "2026-02-29"}]})", "days[0].date"},
        {"leap day", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [{"date": "2028-02-29"}]})", "ok"},
        {"date with time", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [{"date": "2026-02-20T00:00:00Z"}]})", "days[0].date"},
        {"date short", R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": [{"date": "2026-2-20"}]})", "days[0].date"},
        {"caffeine 0", journal_text({.day = episode_field("caffeine_mg", "0")}), "ok"},
        {"caffeine 2000", journal_text({.day = episode_field("caffeine_mg", "2000")}), "ok"},
        {"caffeine 2001", journal_text({.day = episode_field("caffeine_mg", "2001")}), "days[0].caffeine_mg"},
        {"caffeine -1", journal_text({.day = episode_field("caffeine_mg", "-1")}), "days[0].caffeine_mg"},
        {"caffeine 100.0", journal_text({.day = episode_field("caffeine_mg", "100.0")}), "days[0].caffeine_mg"},
        {"water 10000", journal_text({.day = episode_field("water_ml", "10000")}), "ok"},
        {"water 10001", journal_text({.day = episode_field("water_ml", "10001")}), "days[0].water_ml"},
        {"water null", journal_text({.day = episode_field("water_ml", "null")}), "days[0].water_ml"},
        {"sleep 0", journal_text({.day = episode_field("sleep_h", "0")}), "ok"},
        {"sleep 24", journal_text({.day = episode_field("sleep_h", "24")}), "ok"},
        {"sleep 6.5", journal_text({.day = episode_field("sleep_h", "6.5")}), "ok"},
        {"sleep 7.0", journal_text({.day = episode_field("sleep_h", "7.0")}), "ok"},
        {"sleep 24.01", journal_text({.day = episode_field("sleep_h", "24.01")}), "days[0].sleep_h"},
        {"sleep -0.5", journal_text({.day = episode_field("sleep_h", "-0.5")}), "days[0].sleep_h"},
        {"sleep 1e400 (out of double range: not JSON)", journal_text({.day = episode_field("sleep_h", "1e400")}), ""},
        {"sleep text", journal_text({.day = episode_field("sleep_h", "\"7\"")}), "days[0].sleep_h"},
        {"stress 10", journal_text({.day = episode_field("stress", "10")}), "ok"},
        {"stress 11", journal_text({.day = episode_field("stress", "11")}), "days[0].stress"},
        {"stress 7.5", journal_text({.day = episode_field("stress", "7.5")}), "days[0].stress"},
        {"exercise intense", journal_text({.day = episode_field("exercise", "\"intense\"")}), "ok"},
        {"exercise none", journal_text({.day = episode_field("exercise", "\"none\"")}), "ok"},
        {"exercise light", journal_text({.day = episode_field("exercise", "\"light\"")}), "days[0].exercise"},
        {"exercise null", journal_text({.day = episode_field("exercise", "null")}), "days[0].exercise"},
        {"relaxation 1440", journal_text({.day = episode_field("relaxation_min", "1440")}), "ok"},
        {"relaxation 1441", journal_text({.day = episode_field("relaxation_min", "1441")}), "days[0].relaxation_min"},
        {"unknown day key", journal_text({.day = episode_field("steps", "1000")}), "days[0].steps"},
        {"fields in order: water before stress",
         journal_text({.day = episode_field("stress", "99") + episode_field("water_ml", "-1")}), "days[0].water_ml"},
        {"relaxation before unknown key",
         journal_text({.day = episode_field("steps", "1") + episode_field("relaxation_min", "-1")}),
         "days[0].relaxation_min"},
    });
}

TEST_CASE("plan: an object whose only, optional key is started (a real date)") {
    run({
        {"empty plan", journal_text({.top = R"(, "plan": {})"}), "ok"},
        {"started", journal_text({.top = R"(, "plan": {"started": "2026-11-01"})"}), "ok"},
        {"plan null", journal_text({.top = R"(, "plan": null)"}), "plan"},
        {"plan a date", journal_text({.top = R"(, "plan": "2026-11-01")"}), "plan"},
        {"started null", journal_text({.top = R"(, "plan": {"started": null})"}), "plan.started"},
        {"started not a date", journal_text({.top = R"(, "plan": {"started": "2026-11-31"})"}), "plan.started"},
        {"unknown plan key", journal_text({.top = R"(, "plan": {"goal": "less"})"}), "plan.goal"},
        {"plan before assessments",
         journal_text({.top = R"(, "assessments": 1, "plan": {"goal": "less"})"}), "plan.goal"},
    });
}

TEST_CASE("assessments: {at, input, level, rules_version}, input stored as given but not too deep") {
    auto with = [](const std::string& items) { return journal_text({.top = R"(, "assessments": )" + items}); };
    const std::string at = R"("at": "2026-11-20T09:00:00+01:00")";
    run({
        {"empty list", with("[]"), "ok"},
        {"full entry", with("[{" + at + R"(, "input": {"anything": [1, {"x": null}]}, "level": "monitor", "rules_version": "1"}])"), "ok"},
        {"not a list", with("{}"), "assessments"},
        {"null", with("null"), "assessments"},
        {"item not an object", with("[[]]"), "assessments[0]"},
        {"at missing", with(R"([{"input": {}, "level": "monitor", "rules_version": "1"}])"), "assessments[0].at"},
        {"at bad", with(R"([{"at": "2026-11-20", "input": {}, "level": "monitor", "rules_version": "1"}])"), "assessments[0].at"},
        {"input missing", with("[{" + at + R"(, "level": "monitor", "rules_version": "1"}])"), "assessments[0].input"},
        {"input a list", with("[{" + at + R"(, "input": [], "level": "monitor", "rules_version": "1"}])"), "assessments[0].input"},
        {"input null", with("[{" + at + R"(, "input": null, "level": "monitor", "rules_version": "1"}])"), "assessments[0].input"},
        {"level unknown", with("[{" + at + R"(, "input": {}, "level": "fine", "rules_version": "1"}])"), "assessments[0].level"},
        {"every level", with("[{" + at + R"(, "input": {}, "level": "self_care", "rules_version": "1"}, {)" + at +
                             R"(, "input": {}, "level": "emergency", "rules_version": "1"}])"), "ok"},
        {"rules_version a number", with("[{" + at + R"(, "input": {}, "level": "monitor", "rules_version": 1}])"),
         "assessments[0].rules_version"},
        {"unknown key", with("[{" + at + R"(, "input": {}, "level": "monitor", "rules_version": "1", "by": "me"}])"),
         "assessments[0].by"},
        {"input 64 levels deep", with("[{" + at + R"(, "input": {"a": )" + nested_lists(63) +
                                      R"(}, "level": "monitor", "rules_version": "1"}])"), "ok"},
        {"input 65 levels deep", with("[{" + at + R"(, "input": {"a": )" + nested_lists(64) +
                                      R"(}, "level": "monitor", "rules_version": "1"}])"), "assessments[0].input"},
    });
}

TEST_CASE("100,000-deep nesting inside input gives an error, not a crash") {
    const std::string text = journal_text({.top = R"(, "assessments": [{"at": "2026-11-20T09:00:00+01:00", "input": {"a": )" +
                                                  nested_lists(100000) + R"(}, "level": "monitor", "rules_version": "1"}])"});
    CHECK(validate(text) == "assessments[0].input");
    CHECK(message_of(text) == "is nested too deeply (more than 64 levels)");
    // The same through analyze and report, and deep nesting elsewhere in the document.
    CHECK(api::analyze(text, "2026-11-21").error->path == "assessments[0].input");
    CHECK(api::report(text, "2026-11-21", "html").error->path == "assessments[0].input");
    CHECK(validate(journal_text({.top = R"(, "deep": )" + nested_lists(100000)})) == "deep");
    CHECK(validate(journal_text({.episode = episode_field("note", nested_lists(100000))})) == "episodes[0].note");
    CHECK(validate(nested_lists(100000)) == "");
}

TEST_CASE("a 50 MB journal gives a clear error or a result, never a crash") {
    // 50 MB of real episodes: a result.
    std::string text = R"({"schema": "twitchcheck.journal/1", "episodes": [)";
    const std::string note(100, 'n');
    std::size_t i = 0;
    while (text.size() < 50'000'000) {
        if (i) text += ',';
        text += R"({"id": "e)" + std::to_string(i) + R"(", "at": "2026-0)" + std::to_string(1 + i % 9) + "-1" +
                std::to_string(i % 10) + R"(T08:15:00+01:00", "region": "calf", "side": "left", "note": ")" + note + "\"}";
        ++i;
    }
    text += R"(], "days": []})";
    REQUIRE(text.size() >= 50'000'000);
    const auto analysis = api::analyze(text, "2026-10-01");
    REQUIRE_FALSE(analysis.error);
    CHECK(twitchcheck::parse_json(analysis.text)["episodes_total"] == i);

    // 50 MB in a single note: a clear error at that note.
    const std::string huge = journal_text({.episode = episode_field("note", "\"" + std::string(50'000'000, 'x') + "\"")});
    const auto out = api::validate_journal(huge);
    REQUIRE(out.error);
    CHECK(out.error->path == "episodes[0].note");
    CHECK(out.error->message == "must be at most 2000 characters");
    CHECK(validate(kGood) == "ok");
}

TEST_CASE("today must be a real date, reported at path today") {
    for (const char* today : {"2026-02-30", "2026-11-20T00:00:00Z", "", "20261120", "2026-1-20", "yesterday"}) {
        CAPTURE(today);
        const auto out = api::analyze(kGood, today);
        REQUIRE(out.error);
        CHECK(out.error->path == "today");
        CHECK(api::report(kGood, today, "json").error->path == "today");
    }
    CHECK_FALSE(api::analyze(kGood, "2024-02-29").error);
}

TEST_CASE("the journal's own problems come before a bad today") {
    CHECK(api::analyze("[]", "nope").error->path == "");
}
