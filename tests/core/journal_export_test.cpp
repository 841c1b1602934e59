// Exports: CSV (RFC 4180, formula guard), the twitchcheck.report/1 document (golden file),
// the printable HTML page, and the lossless JSON backup round trip.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"
#include "twitchcheck/journal_report.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

std::string fixture_text(const std::string& name) { return test_files::read(test_files::source("tests/fixtures/" + name)); }

std::string journal_with_notes(const std::vector<std::string>& notes) {
    Json doc = Json{{"schema", "twitchcheck.journal/1"}, {"episodes", Json::array()}, {"days", Json::array()}};
    for (std::size_t i = 0; i < notes.size(); ++i)
        doc["episodes"].push_back(Json{{"id", "n" + std::to_string(i)},
                                       {"at", "2026-05-0" + std::to_string(1 + i % 9) + "T10:00:00+02:00"},
                                       {"region", "calf"},
                                       {"side", "left"},
                                       {"note", notes[i]}});
    return doc.dump();
}

// RFC 4180 records back into fields (the reading a spreadsheet does).
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows{{}};
    std::string field;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            was_quoted = false;
            rows.emplace_back();
            ++i;
        } else {
            REQUIRE_MESSAGE((c != '\n' && c != '\r' && c != '"'), "bare line break or quote outside quotes");
            field += c;
        }
    }
    REQUIRE(rows.back().empty());  // the last record ends with CRLF
    rows.pop_back();
    return rows;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("CSV: a header row, one row per episode in document order, CRLF line ends") {
    const auto out = api::report(fixture_text("report-journal.json"), "2026-03-31", "csv");
    REQUIRE_FALSE(out.error);
    const auto rows = read_csv(out.text);
    REQUIRE(rows.size() == 25);
    CHECK(rows[0] == std::vector<std::string>{"id", "at", "date", "region", "side", "duration_s", "intensity",
                                              "triggers", "note"});
    CHECK(rows[1] == std::vector<std::string>{"ep-00", "2026-03-01T00:00:00+01:00", "2026-03-01", "calf", "left",
                                              "10", "1", "", ""});
    CHECK(rows[2] == std::vector<std::string>{"ep-01", "2026-03-02T07:13:00+01:00", "2026-03-02", "calf", "left",
                                              "", "", "caffeine;stress", ""});
    CHECK(count_of(out.text, "\r\n") == 25);  // 25 records
    CHECK(count_of(out.text, "\n") == 26);     // and one line break inside a quoted note
    CHECK(out.text.substr(0, 4) == "id,a");
}

TEST_CASE("CSV: RFC 4180 quoting of commas, quotes and line breaks") {
    const auto out = api::report(journal_with_notes({"plain words", "a, b", "say \"hi\"", "two\nlines", "cr\ronly"}),
                                 "2026-05-10", "csv");
    REQUIRE_FALSE(out.error);
    CHECK(out.text.find(",plain words\r\n") != std::string::npos);
    CHECK(out.text.find(",\"a, b\"\r\n") != std::string::npos);
    CHECK(out.text.find(",\"say \"\"hi\"\"\"\r\n") != std::string::npos);
    CHECK(out.text.find(",\"two\nlines\"\r\n") != std::string::npos);
    const auto rows = read_csv(out.text);
    REQUIRE(rows.size() == 6);
    CHECK(rows[2][8] == "a, b");
    CHECK(rows[3][8] == "say \"hi\"");
    CHECK(rows[4][8] == "two\nlines");
    CHECK(rows[5][8] == "cr\ronly");
}

TEST_CASE("CSV: a field starting with = + - @ tab or CR is written so a spreadsheet does not run it") {
    const std::vector<std::string> notes{"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")",
                                         "1+1", " =1", "a=1"};
    const auto rows = read_csv(api::report(journal_with_notes(notes), "2026-05-10", "csv").text);
    REQUIRE(rows.size() == notes.size() + 1);
    const std::vector<std::string> expected{"'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1",
                                            "'=HYPERLINK(\"http://x\",\"y\")", "1+1", " =1", "a=1"};
    for (std::size_t i = 0; i < notes.size(); ++i) {
        CAPTURE(i);
        CHECK(rows[i + 1][8] == expected[i]);
    }
    // Ids are the person's text too.
    Json doc = Json::parse(journal_with_notes({"x"}));
    doc["episodes"][0]["id"] = "-cmd";
    CHECK(read_csv(api::report(doc.dump(), "2026-05-10", "csv").text)[1][0] == "'-cmd");
}

TEST_CASE("CSV of an empty journal is the header row alone") {
    CHECK(api::report(R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": []})", "2026-05-10", "csv").text ==
          "id,at,date,region,side,duration_s,intensity,triggers,note\r\n");
}

TEST_CASE("report JSON matches the golden file (tests/golden/report.json)") {
    const auto out = api::report(fixture_text("report-journal.json"), "2026-03-31", "json");
    REQUIRE_FALSE(out.error);
    const std::string golden_path = test_files::source("tests/golden/report.json");
    if (std::getenv("TWITCHCHECK_UPDATE_GOLDEN")) std::ofstream(golden_path, std::ios::binary) << out.text;
    CHECK(out.text == test_files::read(golden_path));
}

TEST_CASE("report JSON: keys in the documented order, latest check by instant with ties by array order") {
    const Json report = twitchcheck::parse_json(api::report(fixture_text("report-journal.json"), "2026-03-31", "json").text);
    std::vector<std::string> keys;
    for (auto it = report.begin(); it != report.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"schema", "today", "latest_check", "onset", "regions", "groups", "spreading",
                                           "weekly_counts", "trend", "asymmetry", "time_of_day", "linked_factors",
                                           "plan", "notes", "disclaimer", "lang"});
    CHECK(report["lang"] == "en");
    CHECK(report["schema"] == "twitchcheck.report/1");
    // Two assessments at the same instant (08:00 UTC): the later in the array wins. Its
    // stored input no longer validates, so the stored level is shown with a note.
    const Json& check = report["latest_check"];
    CHECK(check["at"] == "2026-03-30T10:00:00+02:00");
    CHECK(check["recomputed"] == false);
    CHECK(check["level"] == "consult");
    CHECK(check["fired"] == Json::array());
    CHECK(check["note"].get<std::string>().find("could not be worked out again") != std::string::npos);
    // The person's notes are flagged as theirs, newest first.
    REQUIRE(report["notes"].size() == 6);
    for (const auto& note : report["notes"]) CHECK(note["written_by"] == "person");
    CHECK(report["notes"][0]["text"] == "@home, fine");
    CHECK(report["disclaimer"].get<std::string>().find("not a diagnosis") != std::string::npos);
}

TEST_CASE("report JSON: a stored input that validates is re-run through the checker for its fired rules") {
    Json doc = twitchcheck::parse_json(fixture_text("report-journal.json"));
    doc["assessments"].erase(2);
    const Json report = twitchcheck::parse_json(api::report(doc.dump(), "2026-03-31", "json").text);
    const Json& check = report["latest_check"];
    CHECK(check["at"] == "2026-03-30T09:00:00+01:00");
    CHECK(check["recomputed"] == true);
    const Json expected = twitchcheck::check(doc["assessments"][1]["input"]);
    CHECK(check["level"] == expected["level"]);
    CHECK(check["fired"] == expected["fired"]);
    CHECK(check["checklist"] == expected["checklist"]);
    CHECK(check["rules_version"] == expected["rules_version"]);
    CHECK(check["stored_level"] == "monitor");
    CHECK(check["note"] == nullptr);
    CHECK_FALSE(check["fired"].empty());
    CHECK(check["unanswered"] == expected["unanswered"]);
    CHECK(check["if_true"] == expected["if_true"]);
}

TEST_CASE("report JSON: a check saved before the new questions loads as it is and lists them under unanswered") {
    // Saved with rules 2026.11.26: 13 findings, all no, 20 days, rest tried, the calf.
    Json doc = twitchcheck::parse_json(fixture_text("report-journal.json"));
    Json findings = Json::object();
    for (std::size_t k = 0; k < 13; ++k) findings[std::string(twitchcheck::kFindingNames[k])] = false;
    doc["assessments"] = Json::array({Json{{"at", "2026-03-30T09:00:00+01:00"},
                                           {"input", Json{{"schema", "twitchcheck.assessment/1"},
                                                          {"duration_days", 20},
                                                          {"lifestyle_changes_tried", true},
                                                          {"regions", Json::array({Json{{"region", "calf"}, {"side", "left"}}})},
                                                          {"findings", findings}}},
                                           {"level", "monitor"},
                                           {"rules_version", "2026.11.26"}}});
    CHECK(twitchcheck::parse_json(api::validate_journal(doc.dump()).text) == Json{{"ok", true}});
    const Json check = twitchcheck::parse_json(api::report(doc.dump(), "2026-03-31", "json").text)["latest_check"];
    CHECK(check["recomputed"] == true);
    CHECK(check["stored_level"] == "monitor");
    CHECK(check["level"] == "consult");  // RF-PERSISTENT is consult now (the NHS: see a GP after 2 weeks)
    CHECK(check["unanswered"] == Json::array({"breathing_hard_now", "breathing_problems", "function_loss", "behaviour_changes"}));
    CHECK(check["if_true"] == Json{{"breathing_hard_now", "emergency"}, {"breathing_problems", "urgent"},
                                   {"function_loss", "prompt"}, {"behaviour_changes", "prompt"}});
    // The same journal with the new questions answered validates too, and names their rules.
    doc["assessments"][0]["input"]["findings"]["stiffness"] = true;
    doc["assessments"][0]["input"]["findings"]["medicine_suspected"] = false;
    doc["assessments"][0]["input"]["findings"]["breathing_hard_now"] = false;
    CHECK(twitchcheck::parse_json(api::validate_journal(doc.dump()).text) == Json{{"ok", true}});
    const Json again = twitchcheck::parse_json(api::report(doc.dump(), "2026-03-31", "json").text)["latest_check"];
    std::vector<std::string> ids;
    for (const Json& f : again["fired"]) ids.push_back(f["id"]);
    CHECK(ids == std::vector<std::string>{"RF-PERSISTENT", "RF-STIFFNESS", "SELF-CARE"});
    CHECK(again["unanswered"] == Json::array({"breathing_problems", "function_loss", "behaviour_changes"}));
}

TEST_CASE("report JSON of an empty journal: nulls and empty lists, no latest check") {
    const auto out = api::report(R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": []})", "2026-05-10", "json");
    const Json report = twitchcheck::parse_json(out.text);
    CHECK(report["latest_check"] == nullptr);
    CHECK(report["onset"]["first_date"] == nullptr);
    CHECK(report["weekly_counts"] == Json::array());
    CHECK(report["regions"] == Json::array());
    CHECK(report["plan"] == nullptr);
    CHECK(report["notes"] == Json::array());
}

TEST_CASE("report JSON: weekly counts are 7-day windows ending today, oldest first") {
    const auto out = api::report(fixture_text("report-journal.json"), "2026-03-31", "json");
    const Json weeks = twitchcheck::parse_json(out.text)["weekly_counts"];
    REQUIRE(weeks.size() == 5);
    CHECK(weeks[0] == Json{{"from", "2026-02-25"}, {"to", "2026-03-03"}, {"count", 3}});
    CHECK(weeks[4]["to"] == "2026-03-31");
    int total = 0;
    for (const auto& w : weeks) total += w["count"].get<int>();
    CHECK(total == 24);
}

TEST_CASE("HTML: self-contained, no script, SVG body map and chart, the not-a-diagnosis line") {
    const auto out = api::report(fixture_text("report-journal.json"), "2026-03-31", "html");
    REQUIRE_FALSE(out.error);
    const std::string& html = out.text;
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(count_of(html, "<svg") == 2);
    CHECK(html.find("This report is not a diagnosis.") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    // Linked factors are "linked with", never "caused by".
    CHECK(html.find("linked with") != std::string::npos);
    CHECK(html.find("caused by") == std::string::npos);
    CHECK(html.find("could not be worked out again") != std::string::npos);
    CHECK(html.find("Notes in the person&#39;s own words") != std::string::npos);
}

TEST_CASE("HTML: the latest check reads in plain words: the level's name, each reason as cause then action") {
    Json doc = twitchcheck::parse_json(fixture_text("report-journal.json"));
    doc["assessments"].erase(2);  // the latest stored input now validates and is re-run
    const std::string html = api::report(doc.dump(), "2026-03-31", "html").text;
    CHECK(html.find("<p>Done on March 30, 2026, 09:00. Result: <span class=\"level\">Book a doctor visit</span>.</p>") !=
          std::string::npos);
    CHECK(html.find("<li>Your twitching has gone on for more than 2 weeks. This is most often harmless (benign "
                    "fasciculation syndrome), but a doctor should check it. Book a visit with your family doctor (GP). "
                    "Keep a twitch journal and bring it with you. <span class=\"muted\">Based on: going on for more "
                    "than 2 weeks.</span></li>") != std::string::npos);
    CHECK(html.find("<li>Most twitches come from everyday things. These are stress, being tired, caffeine, too little "
                    "water, hard exercise or poor sleep. Follow the five-step self-care plan for 3 to 4 weeks, then "
                    "check again.</li>") != std::string::npos);
    // No rule or checklist id, no level id in place of its name, one full stop at a time.
    for (const auto& rule : twitchcheck::builtin_rules().rules) CHECK_MESSAGE(html.find(rule.id) == std::string::npos, rule.id);
    for (const auto& item : twitchcheck::builtin_rules().checklist) CHECK_MESSAGE(html.find(item.id) == std::string::npos, item.id);
    CHECK(html.find(">monitor<") == std::string::npos);
    CHECK(html.find("..") == std::string::npos);
    // The JSON report keeps the ids.
    const Json report = twitchcheck::parse_json(api::report(doc.dump(), "2026-03-31", "json").text);
    CHECK(report["latest_check"]["fired"][0]["id"] == "RF-PERSISTENT");
}

TEST_CASE("HTML: every date carries its year; the day the report was made, its weekday too") {
    const std::string html = api::report(fixture_text("report-journal.json"), "2026-03-31", "html").text;
    CHECK(html.find("<title>Muscle twitch report, March 31, 2026</title>") != std::string::npos);
    CHECK(html.find("Made on Tuesday, March 31, 2026 by TwitchCheck") != std::string::npos);
    CHECK(html.find("Done on March 30, 2026, 10:00.") != std::string::npos);
    CHECK(html.find("First twitch: March 1, 2026. Last twitch: March 29, 2026.") != std::string::npos);
    CHECK(html.find("Started on March 8, 2026. This is week 4 of the plan.") != std::string::npos);
    CHECK(html.find("Twitches per week, February 25, 2026 to March 31, 2026") != std::string::npos);
    CHECK(html.find("&mdash; March 26, 2026, 20:20, Hand or fingers (left)") != std::string::npos);
    // No date is left as YYYY-MM-DD.
    CHECK(html.find("2026-") == std::string::npos);
}

namespace {

// A journal with one twitch in the left calf at 10:00 UTC on each of `dates` (YYYY-MM-DD).
std::string journal_on(const std::vector<std::string>& dates) {
    Json doc = Json{{"schema", "twitchcheck.journal/1"}, {"episodes", Json::array()}, {"days", Json::array()}};
    for (std::size_t i = 0; i < dates.size(); ++i)
        doc["episodes"].push_back(Json{{"id", "e" + std::to_string(i)},
                                       {"at", dates[i] + "T10:00:00Z"},
                                       {"region", "calf"},
                                       {"side", "left"}});
    return doc.dump();
}

}  // namespace

TEST_CASE("HTML: counts of 0, 1 and 2 read as a person would write them") {
    std::vector<std::string> pages;
    auto page = [&](const std::vector<std::string>& dates) {
        pages.push_back(api::report(journal_on(dates), "2026-05-10", "html").text);
        return pages.back();
    };
    CHECK(page({"2026-05-10"}).find("It started today. 1 twitch on 1 day.") != std::string::npos);
    const std::string two = page({"2026-05-09", "2026-05-10"});
    CHECK(two.find("Going on for 1 day. 2 twitches on 2 different days.") != std::string::npos);
    CHECK(two.find("<title>May 4, 2026 to May 10, 2026: 2 twitches</title>") != std::string::npos);
    const std::string week_before = page({"2026-05-02"});
    CHECK(week_before.find("Going on for 8 days. 1 twitch on 1 day.") != std::string::npos);
    CHECK(week_before.find("<title>April 27, 2026 to May 3, 2026: 1 twitch</title>") != std::string::npos);
    CHECK(week_before.find("<title>May 4, 2026 to May 10, 2026: 0 twitches</title>") != std::string::npos);
    const std::string trend = page({"2026-04-20", "2026-05-10"});
    CHECK(trend.find("Trend: about the same (1 twitch in the last 7 days, 0 in the 7 days before).") != std::string::npos);
    // (One note left out, in the singular: report_page_test.cpp.)
    for (const auto& html : pages)
        for (const char* wrong : {"1 twitches", " 1 days", "1 different days", "1 notes", " 0 days", "for 0 "})
            CHECK_MESSAGE(html.find(wrong) == std::string::npos, wrong);
}

TEST_CASE("a factor whose whole 95% range lies below 1 reads as fewer twitches, with the caution that a link is not a cause") {
    // 10 days over 200 mg of caffeine with 6 twitches, 10 days under it with 20.
    Json doc = Json{{"schema", "twitchcheck.journal/1"}, {"episodes", Json::array()}, {"days", Json::array()}};
    char date[16];
    int id = 0;
    for (int d = 1; d <= 20; ++d) {
        std::snprintf(date, sizeof date, "2026-05-%02d", d);
        doc["days"].push_back(Json{{"date", date}, {"caffeine_mg", d <= 10 ? 300 : 50}});
        const int twitches = d <= 10 ? (d <= 6 ? 1 : 0) : 2;
        for (int k = 0; k < twitches; ++k)
            doc["episodes"].push_back(Json{{"id", "e" + std::to_string(id++)},
                                           {"at", std::string(date) + "T1" + std::to_string(k) + ":00:00Z"},
                                           {"region", "calf"},
                                           {"side", "left"}});
    }
    const Json report = twitchcheck::parse_json(api::report(doc.dump(), "2026-05-20", "json").text);
    REQUIRE(report["linked_factors"].size() == 1);
    const Json& f = report["linked_factors"][0];
    CHECK(f["strength"] == "none");  // journal.md decides the strength
    CHECK(f["rate_ratio"] == 0.3);
    CHECK(f["ci95"][1].get<double>() < 1);
    CHECK(f["words"] == "Fewer twitches on days with more than 200 mg of caffeine: 0.3 times as many twitches a day "
                        "(95% range 0.1 to 0.7). This shows a link, not a cause.");
    const std::string html = api::report(doc.dump(), "2026-05-20", "html").text;
    CHECK(html.find("<li>Fewer twitches on days with more than 200 mg of caffeine") != std::string::npos);
    CHECK(html.find("No clear link") == std::string::npos);
}

TEST_CASE("HTML: the person's notes are escaped, never markup") {
    const std::string attack = "<img src=x onerror=alert(1)>";
    const auto out = api::report(journal_with_notes({attack, "Tom & \"Jerry\" 'x'</blockquote><script>"}), "2026-05-10", "html");
    REQUIRE_FALSE(out.error);
    CHECK(out.text.find("<img") == std::string::npos);
    CHECK(out.text.find("<script") == std::string::npos);
    CHECK(out.text.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(out.text.find("Tom &amp; &quot;Jerry&quot; &#39;x&#39;&lt;/blockquote&gt;&lt;script&gt;") != std::string::npos);
    CHECK(twitchcheck::html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

TEST_CASE("HTML charts at most the last 26 weeks") {
    Json doc = Json{{"schema", "twitchcheck.journal/1"}, {"episodes", Json::array()}, {"days", Json::array()}};
    doc["episodes"].push_back(Json{{"id", "a"}, {"at", "2020-01-01T10:00:00Z"}, {"region", "calf"}, {"side", "left"}});
    const std::string html = api::report(doc.dump(), "2026-05-10", "html").text;
    CHECK(count_of(html, "<rect class=\"bar\"") == 26);
}

TEST_CASE("report format must be json, html, csv or fhir") {
    const auto out = api::report(R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": []})", "2026-05-10", "pdf");
    REQUIRE(out.error);
    CHECK(out.error->path == "format");
    CHECK(out.error->message == "must be json, html, csv or fhir");
}

TEST_CASE("JSON backup round trip is lossless: parse, validate, write gives back the same document") {
    std::vector<std::string> texts{fixture_text("report-journal.json"), fixture_text("journal-v0-migrated.json")};
    for (const auto& file : test_files::list(test_files::shared("journal-examples"), ".json")) {
        if (file.find("bad-journals") != std::string::npos) continue;
        texts.push_back(twitchcheck::parse_json(test_files::read(file))["journal"].dump());
    }
    // Unusual but valid: keys in another order, escapes, non-ASCII, floats, deep input.
    texts.push_back(R"({"days": [{"sleep_h": 7.0, "date": "2026-01-01", "stress": 0}, {"date": "2026-01-02", "sleep_h": 6.25}],
        "episodes": [{"side": "both", "note": "\u00e9\u2603 \ud83d\ude00 \"q\" \\ \n\t", "region": "tongue",
                      "at": "2026-01-01T23:59:59-03:30", "id": "\u0000x", "triggers": []}],
        "assessments": [{"rules_version": "", "level": "self_care", "input": {"z": [1.5, -0.0, 1e-7, {"a": [[[]]]}], "a": null},
                         "at": "2026-01-02T00:00:00Z"}],
        "plan": {}, "schema": "twitchcheck.journal/1"})");
    for (const auto& text : texts) {
        const Json original = twitchcheck::parse_json(text);
        const twitchcheck::Journal journal = twitchcheck::read_journal(text);
        const std::string written = twitchcheck::to_text(journal.document);
        CHECK(written == twitchcheck::to_text(original));
        CHECK(twitchcheck::parse_json(written) == original);
        // And again: importing the backup gives the same backup.
        CHECK(twitchcheck::to_text(twitchcheck::read_journal(written).document) == written);
    }
}
