// Exports of the journal (journal.md "Exports"): the CSV of episodes, and the doctor
// report as `twitchcheck.report/1` JSON (docs/report-format.md) or a printable HTML page.
#pragma once

#include "twitchcheck/journal_analysis.hpp"
#include "twitchcheck/language.hpp"

#include <string>
#include <string_view>

namespace twitchcheck {

// One row per episode in document order, a header row, RFC 4180 quoting, CRLF line ends;
// a field that a spreadsheet would run as a formula is prefixed with `'`.
std::string journal_csv(const Journal& journal);

// The doctor report's data, its words in `words`' language. The latest assessment is
// re-run through the checker for its fired rules; if its stored input no longer
// validates, the stored level is shown.
Json report_json(const Journal& journal, const Analysis& analysis, const Language& words);

// One self-contained printable page (inline CSS and SVG, no script) drawn from
// report_json's document, in the same language.
std::string report_html(const Json& report, const Language& words);

// `format` is json, html, csv or fhir (journal_fhir.hpp); anything else is an InputError at
// `format`. The CSV and the FHIR Bundle carry no words of ours (field names and codes), so
// they are the same in every language.
std::string journal_report(const Journal& journal, DayNumber today, std::string_view format, const Language& words);

// Text made safe for HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace twitchcheck
