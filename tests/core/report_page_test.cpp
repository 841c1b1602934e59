// The printed report's notes (issue 14): lines a note takes, the shortened start that fits,
// and how many notes the page has room for once the other sections have theirs.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/json_text.hpp"
#include "twitchcheck/report_page.hpp"

#include <string>
#include <vector>

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

// A journal whose episodes (one a day, newest last) carry `notes`, in `regions` body parts.
std::string journal(const std::vector<std::string>& notes, const std::vector<std::string>& regions = {"calf"}) {
    Json doc = Json{{"schema", "twitchcheck.journal/1"}, {"episodes", Json::array()}, {"days", Json::array()}};
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::string day = (i < 9 ? "0" : "") + std::to_string(i + 1);
        doc["episodes"].push_back(Json{{"id", "n" + std::to_string(i)},
                                       {"at", "2026-05-" + day + "T10:00:00+02:00"},
                                       {"region", regions[i % regions.size()]},
                                       {"side", "left"},
                                       {"note", notes[i]}});
    }
    return doc.dump();
}

Json report_of(const std::string& journal_text) {
    const auto out = api::report(journal_text, "2026-05-31", "json");
    REQUIRE_FALSE(out.error);
    return twitchcheck::parse_json(out.text);
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("a note's printed lines and the start that fits: the cases shared with the app") {
    const Json cases = twitchcheck::parse_json(test_files::read(test_files::source("tests/fixtures/report-lines.json")))["cases"];
    REQUIRE(cases.size() == 17);
    for (const Json& c : cases) {
        CAPTURE(c["why"].get<std::string>());
        const std::string text = c["text"].get<std::string>();
        const int columns = c["columns"].get<int>(), tail = c["tail"].get<int>();
        CHECK(twitchcheck::estimated_lines(text, columns, tail) == c["lines"].get<int>());
        CHECK(text.substr(0, twitchcheck::fitting_prefix(text, columns, c["max_lines"].get<int>(), tail)) ==
              c["prefix"].get<std::string>());
    }
}

TEST_CASE("a 2,000-character note takes 21 lines 97 columns wide; its first 4 lines with a 54-column tail keep 334") {
    const std::string note(2000, 'a');
    CHECK(twitchcheck::estimated_lines(note, 97) == 21);
    CHECK(twitchcheck::fitting_prefix(note, 97, 4, 54) == 334);
    // A byte that does not start a UTF-8 character counts as one column and is cut alone.
    CHECK(twitchcheck::estimated_lines("\xff\xfe" "abcdefgh\xc3", 10) == 2);
    CHECK(twitchcheck::fitting_prefix("\xff\xfe" "abcdefgh\xc3", 10, 1) == 10);
}

TEST_CASE("the notes get the room the other sections leave: newest first, at most 4 lines each, the rest counted") {
    const std::vector<std::string> long_notes(12, std::string(1000, 'w'));
    // One body part: a short table of places.
    const auto one_place = twitchcheck::notes_on_page(report_of(journal(long_notes)), twitchcheck::language("en"));
    // Each cut to 4 lines of 97 columns, with room on the last for " — May 12, 2026, 10:00,
    // Calf or lower leg (left)" (48 columns; 47 for May 9) and "… (shortened)" (14):
    // 3 × 97 + 35 (36). The last one in the lines left (2): 97 + 36.
    CHECK(one_place.kept == std::vector<std::size_t>{326, 326, 326, 327, 327, 133});
    CHECK(one_place.left_out == 6);
    // Eight body parts: a longer table of places (9 rows of 8 pt), less room.
    const auto eight_places = twitchcheck::notes_on_page(
        report_of(journal(long_notes, {"eyelid", "face", "neck", "back", "hand", "thigh", "calf", "foot"})), twitchcheck::language("en"));
    CHECK(eight_places.kept.size() == 5);
    CHECK(eight_places.left_out == 7);
    // Short notes: one line each, kept whole.
    const auto short_notes = twitchcheck::notes_on_page(report_of(journal(std::vector<std::string>(25, "after 2 coffees"))), twitchcheck::language("en"));
    CHECK(short_notes.kept == std::vector<std::size_t>(16, 15));
    CHECK(short_notes.left_out == 9);
    CHECK(short_notes.room_mm == doctest::Approx(102.8).epsilon(0.001));
}

TEST_CASE("HTML: the notes that fit, a shortened one marked, and how many are left out and where they all are") {
    const std::vector<std::string> long_notes(12, std::string(1000, 'w'));
    const auto out = api::report(journal(long_notes), "2026-05-31", "html");
    REQUIRE_FALSE(out.error);
    CHECK(count_of(out.text, "<blockquote") == 6);
    CHECK(count_of(out.text, ">" + std::string(326, 'w') + "&hellip; (shortened)") == 3);
    CHECK(count_of(out.text, ">" + std::string(327, 'w') + "&hellip; (shortened)") == 2);
    CHECK(count_of(out.text, ">" + std::string(133, 'w') + "&hellip; (shortened)") == 1);
    CHECK(out.text.find("<p class=\"muted\">6 notes are not shown here, to keep this report to one page. All notes, in "
                        "full, are in the journal&#39;s backup file (JSON).</p>") != std::string::npos);
    CHECK(out.text.find("<div class=\"quotes\" style=\"--room:102.8mm\">") != std::string::npos);

    // One note left out: the singular.
    std::vector<std::string> seventeen(17, "after 2 coffees");
    const auto one_out = api::report(journal(seventeen), "2026-05-31", "html");
    CHECK(count_of(one_out.text, "<blockquote") == 16);
    CHECK(one_out.text.find(">1 note is not shown here, to keep this report to one page. All notes") != std::string::npos);

    // Every note whole: nothing to say.
    const auto all = api::report(journal({"two\nlines"}), "2026-05-31", "html");
    CHECK(all.text.find("two\nlines <span class=\"small\">") != std::string::npos);
    CHECK(all.text.find("not shown here") == std::string::npos);
    CHECK(all.text.find("backup file") == std::string::npos);
}
