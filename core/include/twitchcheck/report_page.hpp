// The printed doctor report stays one page, A4 or Letter, whatever the notes say (issue
// 14): the person's notes get the room the other sections leave, counted in lines of text.
// report_html (journal_report.cpp) prints what notes_on_page decides.
#pragma once

#include "twitchcheck/json_text.hpp"
#include "twitchcheck/language.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace twitchcheck {

// Lines a text takes when set `columns` wide. Every line break ("\n", "\r\n" or "\r")
// starts a line and a longer line wraps; a wide East Asian character or an emoji takes two
// columns, a tab eight, anything else one. `tail` more columns follow on the last line
// (what is printed after the text, on the same line).
int estimated_lines(std::string_view text, int columns, int tail = 0);

// The longest start of `text` (in bytes, ending between two code points) that takes at
// most `max_lines` lines as estimated_lines counts them, with the same `tail`.
std::size_t fitting_prefix(std::string_view text, int columns, int max_lines, int tail = 0);

// The notes the printed page has room for, in report_json's order (newest first): for each
// note shown, how many bytes of its text are printed (all of it, or a shortened start that
// ends on a whole code point); the rest are left out.
// `room_mm` is the height the shown notes may take on paper: the page cuts the list off
// there, should a note take more lines than estimated (a text all of wide letters).
struct NotesOnPage {
    std::vector<std::size_t> kept;
    std::size_t left_out = 0;
    double room_mm = 0;
};
// `words` is the report's language: the sections above the notes are measured in it.
NotesOnPage notes_on_page(const Json& report, const Language& words);

}  // namespace twitchcheck
