// The journal's exports: CSV, the twitchcheck.report/1 document and its printable page.
#include "twitchcheck/journal_report.hpp"

#include "twitchcheck/checker.hpp"
#include "twitchcheck/journal_fhir.hpp"
#include "twitchcheck/report_page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace twitchcheck {

namespace {

std::size_t at(auto e) { return static_cast<std::size_t>(e); }

constexpr std::string_view kDisclaimer =
    "This report is not a diagnosis. It shows what the person wrote in their own twitch "
    "journal and what the twitchcheck checker said about their answers. Only a doctor can "
    "decide what the twitches mean.";

// ---- CSV ----------------------------------------------------------------------------

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP CSV injection).
bool looks_like_formula(std::string_view field) {
    return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

void csv_field(std::string& out, std::string_view field) {
    std::string value;
    if (looks_like_formula(field)) value += '\'';
    value += field;
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string text_or_empty(const Json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return "";
}

// ---- shared words --------------------------------------------------------------------

constexpr std::array<std::string_view, kLevelNames.size()> kLevelWords{
    "Call the emergency number now.",
    "Seek medical evaluation immediately (same day).",
    "Get an urgent referral (days, not weeks); a scan such as MRI may be needed.",
    "See a nerve and muscle doctor (neurologist) soon, within 2 to 3 weeks.",
    "Book a visit with a doctor.",
    "Keep tracking; see a doctor if it gets worse.",
    "Follow the five-step self-care plan; check again in 3 to 4 weeks.",
};

constexpr std::array<std::string_view, kFactorNames.size()> kFactorDays{
    "days with more than 200 mg of caffeine",
    "days with less than 7 hours of sleep",
    "days with stress of 7 or more (out of 10)",
    "days with less than 2 litres of water",
    "days with hard exercise",
};

// For display only: one decimal place, the same text natively and in WebAssembly.
std::string one_decimal(double value) { return number_text(std::round(value * 10) / 10); }

std::string factor_words(const FactorLink& f) {
    std::string days(kFactorDays[at(f.factor)]);
    const std::string ratio = one_decimal(f.rate_ratio);
    const std::string range = one_decimal(f.ci_low) + " to " + one_decimal(f.ci_high);
    switch (f.strength) {
        case Strength::likely:
            return "Likely linked with " + days + ": " + ratio + " times as many twitches a day (95% range " +
                   range + ").";
        case Strength::possible:
            return "Possibly linked with " + days + ": " + ratio + " times as many twitches a day (95% range " +
                   range + "; could be chance).";
        case Strength::none: break;
    }
    return "No clear link with " + days + " (" + ratio + " times as many twitches a day, 95% range " + range +
           ").";
}

Json latest_check(const Journal& journal) {
    auto index = latest_assessment(journal);
    if (!index) return nullptr;
    const Json& stored = journal.document["assessments"][*index];
    Json out = Json::object();
    out["at"] = stored["at"];
    out["stored_level"] = stored["level"];
    out["stored_rules_version"] = stored["rules_version"];
    try {
        Json result = check(stored["input"]);
        out["recomputed"] = true;
        out["level"] = result["level"];
        out["rules_version"] = result["rules_version"];
        out["checklist"] = result["checklist"];
        out["fired"] = result["fired"];
        out["unanswered"] = result["unanswered"];
        out["note"] = nullptr;
    } catch (const InputError& e) {
        out["recomputed"] = false;
        out["level"] = stored["level"];
        out["rules_version"] = stored["rules_version"];
        out["checklist"] = Json::array();
        out["fired"] = Json::array();
        out["unanswered"] = Json::array();
        out["note"] = "The reasons for this result could not be worked out again: the saved answers do "
                      "not fit this version of the checker (" +
                      (e.error().path.empty() ? std::string("input") : "input." + e.error().path) + ": " +
                      e.error().message + "). The level shown is the one saved at the time.";
    }
    return out;
}

Json weekly_counts(const Analysis& a) {
    Json weeks = Json::array();
    if (!a.first_date || *a.first_date > a.today) return weeks;
    const int count = (a.today - *a.first_date) / 7 + 1;
    for (int k = count - 1; k >= 0; --k) {
        const DayNumber to = a.today - 7 * k, from = to - 6;
        weeks.push_back(Json{{"from", date_text(from)}, {"to", date_text(to)}, {"count", a.count_between(from, to)}});
    }
    return weeks;
}

Json notes(const Journal& journal) {
    std::vector<std::size_t> order;
    const Json& episodes = journal.document["episodes"];
    for (std::size_t i = 0; i < journal.episodes.size(); ++i)
        if (episodes[i].contains("note")) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return journal.episodes[x].at.instant() > journal.episodes[y].at.instant();
    });
    Json out = Json::array();
    for (std::size_t i : order) {
        const Episode& e = journal.episodes[i];
        out.push_back(Json{{"at", episodes[i]["at"]},
                           {"date", date_text(e.at.date)},
                           {"region", to_string(e.region)},
                           {"side", to_string(e.side)},
                           {"text", episodes[i]["note"]},
                           {"written_by", "person"}});
    }
    return out;
}

// ---- HTML ----------------------------------------------------------------------------

std::string esc(const Json& value) {
    if (value.is_string()) return html_escape(value.get_ref<const std::string&>());
    if (value.is_number_float()) return number_text(value.get<double>());
    if (value.is_null()) return "";
    return html_escape(value.dump());
}

std::string num(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", value);  // whole numbers only (coordinates)
    return buf;
}

// Where each region's marker sits on the front-view figure (viewer's left is the
// person's right); dx is the distance from the midline for one side.
struct MapSpot {
    int x_offset, y;
};
constexpr std::array<MapSpot, kRegionNames.size()> kSpots{{
    {7, 26}, {11, 37}, {0, 45},                  // eyelid face tongue
    {34, 74}, {44, 100}, {50, 134}, {55, 166},   // shoulder upper_arm forearm hand
    {0, 60}, {14, 90}, {0, 150}, {12, 124},      // neck chest back abdomen
    {17, 196}, {17, 246}, {19, 282},             // thigh calf foot
}};

std::string body_map(const Json& regions) {
    std::string svg =
        "<svg class=\"map\" viewBox=\"0 0 200 300\" role=\"img\" aria-labelledby=\"map-title\">"
        "<title id=\"map-title\">Body map: where the twitches were, with counts</title>"
        "<g class=\"body\">"
        "<circle cx=\"100\" cy=\"32\" r=\"20\"/>"
        "<rect x=\"92\" y=\"50\" width=\"16\" height=\"14\"/>"
        "<rect x=\"70\" y=\"64\" width=\"60\" height=\"96\" rx=\"14\"/>"
        "<rect x=\"50\" y=\"68\" width=\"16\" height=\"84\" rx=\"8\" transform=\"rotate(8 58 68)\"/>"
        "<rect x=\"134\" y=\"68\" width=\"16\" height=\"84\" rx=\"8\" transform=\"rotate(-8 142 68)\"/>"
        "<rect x=\"73\" y=\"156\" width=\"24\" height=\"124\" rx=\"10\"/>"
        "<rect x=\"103\" y=\"156\" width=\"24\" height=\"124\" rx=\"10\"/>"
        "</g>"
        "<text x=\"4\" y=\"296\" class=\"small\">person's right</text>"
        "<text x=\"196\" y=\"296\" class=\"small\" text-anchor=\"end\">person's left</text>";
    for (const Json& r : regions) {
        auto region = parse_name<Region>(kRegionNames, r["region"].get<std::string>());
        const MapSpot spot = kSpots[at(*region)];
        const Json& sides = r["sides"];
        const int right = sides["right"].get<int>(), left = sides["left"].get<int>();
        const int centre = sides["both"].get<int>() + sides["midline"].get<int>();
        auto marker = [&](int x, int count) {
            if (count == 0) return;
            svg += "<g class=\"spot\"><circle cx=\"" + num(x) + "\" cy=\"" + num(spot.y) + "\" r=\"7\"/><text x=\"" +
                   num(x) + "\" y=\"" + num(spot.y + 3) + "\" text-anchor=\"middle\">" + std::to_string(count) +
                   "</text></g>";
        };
        if (spot.x_offset == 0) {
            marker(100, left + right + centre);
        } else {
            marker(100 - spot.x_offset, right);
            marker(100 + spot.x_offset, left);
            marker(100, centre);
        }
    }
    return svg + "</svg>";
}

std::string weekly_chart(const Json& weeks) {
    constexpr std::size_t kShown = 26;
    const std::size_t first = weeks.size() > kShown ? weeks.size() - kShown : 0;
    int highest = 1;
    for (std::size_t i = first; i < weeks.size(); ++i) highest = std::max(highest, weeks[i]["count"].get<int>());
    const std::size_t shown = weeks.size() - first;
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 320 120\" role=\"img\" aria-labelledby=\"chart-title\">"
                      "<title id=\"chart-title\">Twitches per week";
    if (weeks.empty()) return svg + "</title><text x=\"160\" y=\"60\" text-anchor=\"middle\">No twitches yet</text></svg>";
    svg += ", " + esc(weeks[first]["from"]) + " to " + esc(weeks.back()["to"]) + "</title>";
    svg += "<line x1=\"20\" y1=\"100\" x2=\"316\" y2=\"100\" class=\"axis\"/>";
    svg += "<text x=\"16\" y=\"14\" text-anchor=\"end\" class=\"small\">" + std::to_string(highest) + "</text>";
    svg += "<text x=\"16\" y=\"100\" text-anchor=\"end\" class=\"small\">0</text>";
    const double slot = 296.0 / static_cast<double>(shown);
    for (std::size_t i = first; i < weeks.size(); ++i) {
        const int count = weeks[i]["count"].get<int>();
        const double height = 88.0 * count / highest;
        const double x = 20 + slot * static_cast<double>(i - first);
        svg += "<rect class=\"bar\" x=\"" + number_text(std::round(x * 10) / 10) + "\" y=\"" +
               number_text(std::round((100 - height) * 10) / 10) + "\" width=\"" +
               number_text(std::round(slot * 0.7 * 10) / 10) + "\" height=\"" +
               number_text(std::round(height * 10) / 10) + "\"><title>" + esc(weeks[i]["from"]) + " to " +
               esc(weeks[i]["to"]) + ": " + std::to_string(count) + "</title></rect>";
        if (shown <= 13 || (weeks.size() - 1 - i) % 4 == 0)
            svg += "<text x=\"" + number_text(std::round((x + slot * 0.35) * 10) / 10) +
                   "\" y=\"112\" text-anchor=\"middle\" class=\"small\">" +
                   esc(weeks[i]["to"]).substr(5) + "</text>";
    }
    return svg + "</svg>";
}

// The notes section's words when the page has no room for every note in full.
constexpr std::string_view kNoteLeftOut = " note is not shown here, to keep this report to one page.";
constexpr std::string_view kNotesLeftOut = " notes are not shown here, to keep this report to one page.";
constexpr std::string_view kNotesInBackup = "All notes, in full, are in the journal's backup file (JSON).";

// A shortened note ends on its last word, not on spaces or a line break.
std::string trimmed_end(std::string text) {
    while (!text.empty() && std::string_view(" \t\r\n").find(text.back()) != std::string_view::npos) text.pop_back();
    return text;
}

constexpr std::string_view kStyle = R"(
:root{--ink:#1a1a1a;--muted:#555;--line:#bbb;--accent:#1f5fa8;--soft:#e8eef6;--warn:#fff4d6}
*{box-sizing:border-box}
body{margin:0 auto;max-width:190mm;padding:8mm;color:var(--ink);background:#fff;
font:9.5pt/1.25 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1{font-size:14pt;margin:0 0 1mm}h2{font-size:10.5pt;margin:2.5mm 0 .8mm;color:var(--accent)}
p{margin:0 0 1.5mm}ul{margin:0 0 1.5mm;padding-left:5mm}li{margin:0 0 .8mm}
.muted,.small{color:var(--muted);font-size:8pt}
.notice{background:var(--warn);border:1px solid #e0c060;padding:1.5mm 2.5mm;border-radius:2mm}
.cols{display:grid;grid-template-columns:34mm 1fr;gap:4mm;align-items:start}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:3mm;align-items:start}
.map{width:34mm;height:auto}.chart{width:100%;height:auto;max-height:34mm}
.body{fill:#e4e4e4;stroke:#999;stroke-width:.6}
.spot circle{fill:var(--accent)}.spot text{fill:#fff;font-size:7.5px;font-weight:bold}
.bar{fill:var(--accent)}.axis{stroke:var(--line)}svg text.small{font-size:7px;fill:var(--muted)}
table{border-collapse:collapse;width:100%;margin:0 0 1.5mm}
th,td{border-bottom:1px solid var(--line);padding:.4mm 1.5mm;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}
.level{font-weight:bold}
blockquote{margin:0 0 1mm;padding:.6mm 2.5mm;border-left:1mm solid var(--accent);background:var(--soft)}
blockquote p{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
@page{margin:9mm}
@media print{body{padding:0;max-width:none;font-size:9pt}section{break-inside:avoid}.quotes{max-height:var(--room);overflow:hidden}}
)";

std::string plan_section(const Json& plan) {
    std::string out = "<section><h2>Self-care plan</h2>";
    if (plan.is_null()) return out + "<p>No self-care plan has been started.</p></section>";
    const Json& kept = plan["adherence"];
    out += "<p>Started " + esc(plan["started"]) + ". This is week " + esc(plan["week"]) + " of the plan.</p>";
    out += "<table><thead><tr><th>Days kept (last 7)</th>";
    const std::array<std::pair<const char*, const char*>, 5> steps{{
        {"caffeine", "caffeine 200 mg or less"},
        {"water", "2 litres of water"},
        {"sleep", "sleep 7 to 9 h"},
        {"relaxation", "relax 10 min"},
        {"tracking", "journal"},
    }};
    for (const auto& step : steps) out += std::string("<th>") + step.second + "</th>";
    out += "</tr></thead><tbody><tr><td></td>";
    for (const auto& step : steps) out += "<td>" + esc(kept[step.first]) + " of 7</td>";
    out += "</tr></tbody></table>";
    out += "<p>Twitches a day: " + one_decimal(plan["baseline_rate"].get<double>()) +
           " in the week before the plan, " + one_decimal(plan["recent_rate"].get<double>()) +
           " in the last 7 days. ";
    if (plan["improved"].is_null())
        out += "Too early to say if it helped (this needs 3 weeks and twitches logged in the week before).";
    else if (plan["improved"].get<bool>())
        out += "Better: twitches went down by at least 30%.";
    else
        out += "Not better yet: twitches did not go down by 30% or more.";
    return out + "</p></section>";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string journal_csv(const Journal& journal) {
    std::string out = "id,at,date,region,side,duration_s,intensity,triggers,note\r\n";
    const Json& episodes = journal.document["episodes"];
    for (std::size_t i = 0; i < journal.episodes.size(); ++i) {
        const Json& item = episodes[i];
        const Episode& e = journal.episodes[i];
        std::string triggers;
        if (auto it = item.find("triggers"); it != item.end())
            for (const Json& t : *it) triggers += (triggers.empty() ? "" : ";") + t.get<std::string>();
        const std::array<std::string, 9> fields{
            item["id"].get<std::string>(), item["at"].get<std::string>(), date_text(e.at.date),
            std::string(to_string(e.region)), std::string(to_string(e.side)), text_or_empty(item, "duration_s"),
            text_or_empty(item, "intensity"), triggers, text_or_empty(item, "note")};
        for (std::size_t f = 0; f < fields.size(); ++f) {
            if (f) out += ',';
            csv_field(out, fields[f]);
        }
        out += "\r\n";
    }
    return out;
}

Json report_json(const Journal& journal, const Analysis& a) {
    auto date_or_null = [](const std::optional<DayNumber>& d) { return d ? Json(date_text(*d)) : Json(nullptr); };
    Json out = Json::object();
    out["schema"] = "twitchcheck.report/1";
    out["today"] = date_text(a.today);
    out["latest_check"] = latest_check(journal);
    out["onset"] = Json{{"first_date", date_or_null(a.first_date)},
                        {"last_date", date_or_null(a.last_date)},
                        {"duration_days", a.duration_days() ? Json(*a.duration_days()) : Json(nullptr)},
                        {"span_days", a.span_days() ? Json(*a.span_days()) : Json(nullptr)},
                        {"active_days", a.active_days},
                        {"episodes_total", a.episodes_total},
                        {"persistent", a.persistent}};

    Json regions = Json::array();
    for (std::size_t r = 0; r < kRegionNames.size(); ++r) {
        const auto& sides = a.region_side[r];
        int total = 0;
        for (int n : sides) total += n;
        if (total == 0) continue;
        Json by_side = Json::object();
        for (std::size_t s = 0; s < kSideNames.size(); ++s) by_side[std::string(kSideNames[s])] = sides[s];
        regions.push_back(Json{{"region", kRegionNames[r]},
                               {"group", to_string(group_of(static_cast<Region>(r)))},
                               {"count", total},
                               {"sides", std::move(by_side)}});
    }
    out["regions"] = std::move(regions);
    out["groups"] = groups_json(a);
    out["spreading"] = a.spreading;
    out["weekly_counts"] = weekly_counts(a);
    out["trend"] = Json{{"value", kTrendNames[at(a.trend)]}, {"last_7_days", a.last_7}, {"previous_7_days", a.previous_7}};
    out["asymmetry"] = Json{{"asymmetric", a.asymmetric},
                            {"left", a.sides[at(Side::left)]},
                            {"right", a.sides[at(Side::right)]},
                            {"both", a.sides[at(Side::both)]},
                            {"midline", a.sides[at(Side::midline)]}};
    Json times = Json::object();
    for (std::size_t t = 0; t < kTimeOfDayNames.size(); ++t) times[std::string(kTimeOfDayNames[t])] = a.time_of_day[t];
    out["time_of_day"] = std::move(times);

    Json factors = Json::array();
    for (const FactorLink& f : a.factors)
        factors.push_back(Json{{"factor", kFactorNames[at(f.factor)]},
                               {"strength", kStrengthNames[at(f.strength)]},
                               {"a", f.a},
                               {"n_a", f.n_a},
                               {"b", f.b},
                               {"n_b", f.n_b},
                               {"rate_ratio", f.rate_ratio},
                               {"ci95", Json::array({f.ci_low, f.ci_high})},
                               {"words", factor_words(f)}});
    out["linked_factors"] = std::move(factors);

    if (a.plan) {
        const PlanProgress& p = *a.plan;
        out["plan"] = Json{{"started", date_text(*journal.plan_started)},
                           {"week", p.week},
                           {"adherence", Json{{"caffeine", p.caffeine},
                                              {"water", p.water},
                                              {"sleep", p.sleep},
                                              {"relaxation", p.relaxation},
                                              {"tracking", p.tracking}}},
                           {"baseline_rate", p.baseline_rate},
                           {"recent_rate", p.recent_rate},
                           {"improved", p.improved ? Json(*p.improved) : Json(nullptr)}};
    } else {
        out["plan"] = nullptr;
    }
    out["notes"] = notes(journal);
    out["disclaimer"] = kDisclaimer;
    return out;
}

std::string report_html(const Json& report) {
    std::string h;
    h.reserve(16384);
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Muscle twitch report, " + esc(report["today"]) + "</title>\n<style>" + std::string(kStyle) +
         "</style>\n</head>\n<body>\n";
    h += "<header><h1>Muscle twitch report</h1><p class=\"muted\">Made on " + esc(report["today"]) +
         " by twitchcheck from the person's own twitch journal.</p></header>\n";
    h += "<p class=\"notice\">" + esc(report["disclaimer"]) + "</p>\n";

    // Latest check.
    const Json& check = report["latest_check"];
    h += "<section><h2>Latest check</h2>";
    if (check.is_null()) {
        h += "<p>No check has been saved yet.</p>";
    } else {
        auto level = parse_name<Level>(kLevelNames, check["level"].get<std::string>());
        h += "<p>Done on " + esc(check["at"]) + ". Result: <span class=\"level\">" + esc(check["level"]) +
             "</span> &mdash; " + html_escape(kLevelWords[at(*level)]) + "</p>";
        if (check["recomputed"].get<bool>()) {
            h += "<p>Why (rules that applied, most urgent first):</p><ul>";
            for (const Json& rule : check["fired"]) {
                h += "<li><strong>" + esc(rule.value("id", "")) + "</strong> (" + esc(rule.value("level", "")) +
                     "): " + esc(rule.value("cause", "")) + ". " + esc(rule.value("action", ""));
                if (rule.contains("because") && !rule["because"].empty()) {
                    h += " <span class=\"muted\">Because: ";
                    bool first = true;
                    for (const Json& b : rule["because"]) {
                        h += (first ? "" : ", ") + esc(b);
                        first = false;
                    }
                    h += ".</span>";
                }
                h += "</li>";
            }
            h += "</ul>";
        } else {
            h += "<p>" + esc(check["note"]) + "</p>";
        }
    }
    h += "</section>\n";

    // Onset and duration.
    const Json& onset = report["onset"];
    h += "<section><h2>When it started</h2>";
    if (onset["first_date"].is_null()) {
        h += "<p>No twitches are in the journal yet.</p>";
    } else {
        h += "<p>First twitch: " + esc(onset["first_date"]) + ". Last twitch: " + esc(onset["last_date"]) +
             ". Going on for " + esc(onset["duration_days"]) + " days. " + esc(onset["episodes_total"]) +
             " twitches on " + esc(onset["active_days"]) + " different days.";
        if (onset["persistent"].get<bool>()) h += " Still happening after more than 2 weeks.";
        if (report["spreading"].get<bool>()) h += " It has spread to another part of the body.";
        h += "</p>";
    }
    h += "</section>\n";

    // Body map and counts.
    h += "<section><h2>Where and when</h2><div class=\"cols\"><div>" + body_map(report["regions"]) +
         "</div><div>";
    h += "<table><thead><tr><th>Body part</th><th class=\"n\">Right</th><th class=\"n\">Left</th>"
         "<th class=\"n\">Both</th><th class=\"n\">Middle</th><th class=\"n\">All</th></tr></thead><tbody>";
    for (const Json& r : report["regions"]) {
        std::string name = r["region"].get<std::string>();
        std::replace(name.begin(), name.end(), '_', ' ');
        const Json& s = r["sides"];
        h += "<tr><td>" + html_escape(name) + "</td><td class=\"n\">" + esc(s["right"]) + "</td><td class=\"n\">" +
             esc(s["left"]) + "</td><td class=\"n\">" + esc(s["both"]) + "</td><td class=\"n\">" +
             esc(s["midline"]) + "</td><td class=\"n\">" + esc(r["count"]) + "</td></tr>";
    }
    h += "</tbody></table>";
    h += "<div class=\"pair\"><div>" + weekly_chart(report["weekly_counts"]) + "</div><div>";
    const Json& trend = report["trend"];
    const std::string trend_value = trend["value"].get<std::string>();
    h += "<p>Trend: ";
    if (trend_value == "insufficient")
        h += "not enough days yet (needs 2 weeks).";
    else
        h += (trend_value == "rising" ? std::string("going up") : trend_value == "falling" ? "going down" : "about the same") +
             " (" + esc(trend["last_7_days"]) + " twitches in the last 7 days, " + esc(trend["previous_7_days"]) +
             " in the 7 days before).";
    const Json& asym = report["asymmetry"];
    h += " Sides: " + esc(asym["right"]) + " right, " + esc(asym["left"]) + " left" +
         (asym["asymmetric"].get<bool>() ? " &mdash; mostly on one side." : ".");
    const Json& times = report["time_of_day"];
    h += " Time of day: " + esc(times["night"]) + " at night (0&ndash;5 h), " + esc(times["morning"]) +
         " in the morning (6&ndash;11 h), " + esc(times["afternoon"]) + " in the afternoon (12&ndash;17 h), " +
         esc(times["evening"]) + " in the evening (18&ndash;23 h).</p>";
    h += "</div></div></div></div></section>\n";

    // Linked factors.
    h += "<section><h2>Linked factors</h2>";
    if (report["linked_factors"].empty()) {
        h += "<p>No factor can be compared yet. This needs at least 3 days with and 3 days without it, and 5 "
             "twitches.</p>";
    } else {
        // Likely and possible links one per line; factors with no clear link in one line.
        std::string unclear;
        h += "<ul>";
        for (const Json& f : report["linked_factors"]) {
            if (f["strength"] != "none") {
                h += "<li>" + esc(f["words"]) + "</li>";
                continue;
            }
            auto factor = parse_name<Factor>(kFactorNames, f["factor"].get<std::string>());
            unclear += (unclear.empty() ? "" : "; ") + html_escape(kFactorDays[at(*factor)]) + " (" +
                       one_decimal(f["rate_ratio"].get<double>()) + " times)";
        }
        if (!unclear.empty()) h += "<li>No clear link with " + unclear + ".</li>";
        h += "</ul><p class=\"muted\">A link means the two happened together. It does not show that one caused "
             "the other.</p>";
    }
    h += "</section>\n";

    h += plan_section(report["plan"]) + "\n";

    // Notes: as many as the page has room for, newest first (report_page.cpp).
    const Json& notes = report["notes"];
    h += "<section class=\"notes\"><h2>Notes in the person's own words</h2>";
    if (notes.empty()) {
        h += "<p>No notes.</p>";
    } else {
        const NotesOnPage page = notes_on_page(report);
        h += "<p class=\"muted\">Written by the person, not by twitchcheck or a doctor. Newest first.</p>";
        h += "<div class=\"quotes\" style=\"--room:" + one_decimal(page.room_mm) + "mm\">";
        bool shortened = false;
        for (std::size_t i = 0; i < page.kept.size(); ++i) {
            const std::string& text = notes[i]["text"].get_ref<const std::string&>();
            const bool cut = page.kept[i] < text.size();
            shortened = shortened || cut;
            const std::string shown = cut ? trimmed_end(text.substr(0, page.kept[i])) : text;
            h += "<blockquote class=\"own-words\"><p>" + html_escape(shown) + (cut ? "&hellip; (shortened)" : "") +
                 " <span class=\"small\">&mdash; " + esc(notes[i]["at"]) + ", " + esc(notes[i]["region"]) + " (" +
                 esc(notes[i]["side"]) + ")</span></p></blockquote>";
        }
        h += "</div>";
        if (page.left_out > 0 || shortened) {
            h += "<p class=\"muted\">";
            if (page.left_out > 0)
                h += std::to_string(page.left_out) + std::string(page.left_out == 1 ? kNoteLeftOut : kNotesLeftOut) + " ";
            h += std::string(kNotesInBackup) + "</p>";
        }
    }
    h += "</section>\n";
    h += "</body>\n</html>\n";
    return h;
}

std::string journal_report(const Journal& journal, DayNumber today, std::string_view format) {
    if (format == "csv") return journal_csv(journal);
    if (format == "fhir") return journal_fhir(journal);
    if (format != "json" && format != "html") throw InputError("format", "must be json, html, csv or fhir");
    Json report = report_json(journal, analyze(journal, today));
    return format == "json" ? to_text(report) : report_html(report);
}

}  // namespace twitchcheck
