// How much of the person's notes fits on the printed report page: every other section's
// height estimated from the report document, the room left given to the notes, newest
// first, by the lines each one takes. A model of report_html's print stylesheet (kStyle in
// journal_report.cpp); the browser tests print real pages and count them.
#include "twitchcheck/report_page.hpp"

#include "twitchcheck/calendar.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace twitchcheck {

namespace {

// ---- text as lines -------------------------------------------------------------------

// East Asian Wide and Fullwidth characters (Unicode UAX #11) and emoji: two columns.
constexpr std::array<std::pair<char32_t, char32_t>, 16> kWide{{
    {0x1100, 0x115F}, {0x2600, 0x27BF}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1FAFF}, {0x20000, 0x3FFFD},
}};

int columns_of(char32_t c) {
    if (c == U'\t') return 8;
    for (const auto& [first, last] : kWide)
        if (c >= first && c <= last) return 2;
    return 1;
}

// The code point starting at text[i] and its length in bytes (a stray byte counts alone).
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (length == 1 || i + length > text.size()) return {lead, 1};
    char32_t c = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {lead, 1};
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    return {c, length};
}

// Columns a one-line text takes.
int columns_in(std::string_view text) {
    int columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = code_point_at(text, i);
        columns += columns_of(c);
        i += length;
    }
    return columns;
}

// Where the next character goes: line (from 1) and columns already used on it.
struct Cursor {
    int line = 1;
    int column = 0;
};

void put(Cursor& at, int width, int columns) {
    if (at.column > 0 && at.column + width > columns) {
        ++at.line;
        at.column = 0;
    }
    at.column += width;
}

// Lines used once `tail` more columns follow on the cursor's line.
int lines_with_tail(Cursor at, int tail, int columns) {
    if (tail <= 0) return at.line;
    if (at.column > 0 && at.column + tail > columns) {
        ++at.line;
        at.column = 0;
    }
    return at.line + (at.column + tail - 1) / columns;
}

// Lays `text` out from `at`; `fits(cursor, end)` is told the cursor after each code point
// (end is the byte after it) and returns false to stop early.
template <typename Visit>
void lay_out(std::string_view text, int columns, Cursor& at, Visit fits) {
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = code_point_at(text, i);
        if (c == U'\r' || c == U'\n') {
            ++at.line;
            at.column = 0;
        } else {
            put(at, columns_of(c), columns);
        }
        // "\r\n" is one line break.
        i += (c == U'\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : length;
        if (!fits(at, i)) return;
    }
}

// ---- the printed page (kStyle's print rules, in mm) -----------------------------------

constexpr double kPoint = 25.4 / 72;
constexpr double kPageHeight = 279.4 - 2 * 9;  // Letter, the shorter page, less the margins
constexpr double kPageWidth = 210 - 2 * 9;     // A4, the narrower page
constexpr double kLine = 9 * 1.25 * kPoint;    // 9 pt text on 1.25 lines
constexpr double kSmallLine = 8 * 1.25 * kPoint;
// A column of the report's own words is 0.5 em: sentences in the page's proportional
// font average about 0.49 em a character. A note may hold anything, so its column is 0.6 em,
// the advance of a monospaced font: most text is narrower, so a note's lines are
// overestimated rather than under. Wide letters such as W and m are wider still: a list of
// notes made of them is cut off at the bottom of its room, and the page still holds.
constexpr double kWordColumn = 0.5 * 9 * kPoint;
constexpr double kNoteColumn = 0.6 * 9 * kPoint;
constexpr int kFullColumns = static_cast<int>(kPageWidth / kWordColumn);
constexpr int kItemColumns = static_cast<int>((kPageWidth - 5) / kWordColumn);  // a list item (5 mm indent)
constexpr int kNoticeColumns = static_cast<int>((kPageWidth - 6) / kWordColumn);
constexpr int kNoteColumns = static_cast<int>((kPageWidth - 6) / kNoteColumn);  // a quoted note
// A section's height stops at its last text: the gap below it melts into the next
// heading's margin (counted in kHeading).
constexpr double kGap = 1.5;                                   // below a paragraph, list or table
constexpr double kItemGap = 0.8;                               // between list items
constexpr double kHeading = 2.5 + 10.5 * 1.25 * kPoint + 0.8;  // a section's h2 with its margins
constexpr double kRow = kLine + 0.8 + 0.3;                     // a table row: padding and rule
constexpr double kPlaceRow = kSmallLine + 0.4 + 0.3;           // a row of the places' table (8 pt)
constexpr double kMap = 34.0 * 300 / 200;                      // the body map, 34 mm wide
constexpr double kChart = (kPageWidth - 34 - 4 - 3) / 2 * 120 / 320;  // the weekly chart
constexpr double kQuote = 1.2 + 1.0;                           // a quoted note's padding and gap

double lines(int count) { return count * kLine; }
int text_lines(const Json& value, int columns) {
    return value.is_string() ? estimated_lines(value.get_ref<const std::string&>(), columns) : 1;
}

// A fired rule's line as report_html writes it: its cause, its action, the facts behind it.
std::string rule_line(const Json& rule, const Language& words) {
    std::string line = rule.value("cause", "") + " " + rule.value("action", "");
    const Json because = rule.value("because", Json::array());
    if (because.empty()) return line;
    std::string facts;
    const Json& names = words.words["report"]["facts"];
    for (const Json& b : because) {
        const std::string fact = b.is_string() ? b.get<std::string>() : "";
        auto it = names.find(fact);
        facts += (facts.empty() ? "" : "; ") + (it != names.end() && it->is_string() ? it->get<std::string>() : fact);
    }
    return line + " " + fill(words.text({"report", "page", "based_on"}), {{"facts", facts}});
}

double latest_check_height(const Json& check, const Language& words) {
    if (check.is_null()) return kHeading + lines(1);
    double mm = kHeading + lines(2) + kGap;  // when, the level and what it asks: two lines at most
    if (!check.value("recomputed", false)) return mm + lines(text_lines(check["note"], kFullColumns));
    mm += lines(1) + kGap;  // the lead-in to the list of rules
    if (!check["fired"].empty()) mm -= kItemGap;  // none after the last rule
    for (const Json& rule : check["fired"]) mm += lines(estimated_lines(rule_line(rule, words), kItemColumns)) + kItemGap;
    return mm;
}

double where_height(const Json& report) {
    // Beside the map: the table of places, then the chart beside trend, sides and times of
    // day (about 270 characters in a half column: 7 lines, and its gap, which stays inside
    // the grid).
    const double table = static_cast<double>(report["regions"].size() + 1) * kPlaceRow + kGap;
    return kHeading + std::max(kMap, table + std::max(kChart, lines(7) + kGap));
}

double links_height(const Json& factors) {
    if (factors.empty()) return kHeading + lines(2);
    double mm = kHeading + kGap + kSmallLine;  // the list, and "a link is not a cause"
    int unclear = 0;
    for (const Json& f : factors) {
        // Fewer twitches (the whole range below 1) has a line of its own, as links do.
        const bool own_line = f.value("strength", "") != "none" ||
                              (f["ci95"].is_array() && f["ci95"].size() == 2 && f["ci95"][1].is_number() &&
                               f["ci95"][1].get<double>() < 1);
        if (own_line) mm += lines(text_lines(f["words"], kItemColumns)) + kItemGap;
        else ++unclear;
    }
    // The factors with no clear link share one item, about 52 characters each.
    if (unclear > 0) mm += lines((20 + 52 * unclear + kItemColumns - 1) / kItemColumns) + kItemGap;
    return mm;
}

double plan_height(const Json& plan) {
    if (plan.is_null()) return kHeading + lines(1);
    // Started and week; a table of heads and one row; the rates and the verdict.
    return kHeading + lines(1) + kGap + 2 * kRow + kGap + lines(2);
}

// Everything above the notes section.
double height_before_notes(const Json& report, const Language& words) {
    const double header = 14 * 1.25 * kPoint + 1 + kSmallLine + kGap;
    const double notice = 3.5 + lines(text_lines(report["disclaimer"], kNoticeColumns));
    const double onset = kHeading + lines(report["onset"]["first_date"].is_null() ? 1 : 2);
    return header + notice + latest_check_height(report["latest_check"], words) + onset + where_height(report) +
           links_height(report["linked_factors"]) + plan_height(report["plan"]);
}

// A note shows at most this many lines; a longer one is shortened, so that a few long
// notes do not crowd out the rest.
constexpr int kNoteLinesMost = 4;
// A note is not shortened to fewer lines than this to squeeze it in.
constexpr int kNoteLinesLeast = 2;
// "… (shortened)" after a cut note.
constexpr int kShortenedColumns = 14;

// Columns of what follows a note's text on its last line, as report_html writes it:
// " — March 20, 2026, 08:15, Calf or lower leg (left)" in the report's language.
int note_tail(const Json& note, const Language& words) {
    std::string where = words.text({"report", "page", "note_where"});
    const auto at = parse_moment(note.value("at", ""));
    const auto named = [&](const char* group, const char* key) {
        const Json& names = words.words["report"][group];
        auto it = names.find(note.value(key, ""));
        return it != names.end() && it->is_string() ? it->get<std::string>() : note.value(key, "");
    };
    where = fill(where, {{"moment", at ? words.moment(*at) : note.value("at", "")},
                         {"region", named("regions", "region")},
                         {"side", named("sides", "side")}});
    return 3 + columns_in(where);
}

}  // namespace

int estimated_lines(std::string_view text, int columns, int tail) {
    columns = std::max(columns, 1);
    Cursor at;
    lay_out(text, columns, at, [](const Cursor&, std::size_t) { return true; });
    return lines_with_tail(at, tail, columns);
}

std::size_t fitting_prefix(std::string_view text, int columns, int max_lines, int tail) {
    columns = std::max(columns, 1);
    Cursor at;
    std::size_t longest = 0;
    if (lines_with_tail(at, tail, columns) > max_lines) return 0;
    lay_out(text, columns, at, [&](const Cursor& now, std::size_t end) {
        if (now.line > max_lines) return false;
        if (lines_with_tail(now, tail, columns) <= max_lines) longest = end;
        return true;
    });
    return longest;
}

NotesOnPage notes_on_page(const Json& report, const Language& words) {
    NotesOnPage page;
    const Json& notes = report["notes"];
    // The section's heading and first line, a small line saying what is left out, and one
    // line spare: the estimate is a model, not the browser.
    double room = kPageHeight - height_before_notes(report, words) - (kHeading + kSmallLine + kGap) - kSmallLine - kLine;
    page.room_mm = std::max(room, 0.0);
    for (const Json& note : notes) {
        const int free_lines = static_cast<int>((room - kQuote) / kLine);
        if (free_lines < kNoteLinesLeast) break;
        const std::string& text = note["text"].get_ref<const std::string&>();
        const int tail = note_tail(note, words);
        const int whole = estimated_lines(text, kNoteColumns, tail);
        const int most = std::min(free_lines, kNoteLinesMost);
        if (whole <= most) {
            page.kept.push_back(text.size());
            room -= lines(whole) + kQuote;
            continue;
        }
        page.kept.push_back(fitting_prefix(text, kNoteColumns, most, tail + kShortenedColumns));
        room -= lines(most) + kQuote;
    }
    page.left_out = notes.size() - page.kept.size();
    return page;
}

}  // namespace twitchcheck
