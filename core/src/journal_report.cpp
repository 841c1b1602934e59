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

constexpr std::string_view kReportPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// ---- CSV ----------------------------------------------------------------------------

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP CSV injection).
bool looks_like_formula(std::string_view field) {
    return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

// Every text field is quoted (RFC 4180 allows it), whatever it holds: a spreadsheet that
// reads the file with `;` or a tab as its separator (the default in German, French and
// Spanish) then finds every `;` and tab of a note inside quotes, so no cell starts inside
// a note; each row starts with a quote, and the one cell start left, the field's own, is
// guarded with `'` (docs/decisions.md, "CSV formulas in every separator's reading").
void csv_text(std::string& out, std::string_view field) {
    out += '"';
    if (looks_like_formula(field)) out += '\'';
    for (char c : field) {
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

// For display only: one decimal place, the same text natively and in WebAssembly.
std::string one_decimal(double value, const Language& words) { return words.decimal_text(std::round(value * 10) / 10); }

std::string factor_words(const FactorLink& f, const Language& words) {
    const std::string& days = words.text({"report", "factor_days", kFactorNames[at(f.factor)]});
    const std::string ratio = one_decimal(f.rate_ratio, words), low = one_decimal(f.ci_low, words),
                      high = one_decimal(f.ci_high, words);
    std::string_view kind = "none";
    if (f.strength == Strength::likely) kind = "likely";
    else if (f.strength == Strength::possible) kind = "possible";
    else if (f.ci_high < 1) kind = "fewer";  // the whole range below 1: a link the other way, worded with the same care
    return fill(words.text({"report", "links", kind}), {{"days", days}, {"ratio", ratio}, {"low", low}, {"high", high}});
}

Json latest_check(const Journal& journal, const Language& words) {
    auto index = latest_assessment(journal);
    if (!index) return nullptr;
    const Json& stored = journal.document["assessments"][*index];
    Json out = Json::object();
    out["at"] = stored["at"];
    out["stored_level"] = stored["level"];
    out["stored_rules_version"] = stored["rules_version"];
    try {
        Json result = check(stored["input"], words.tag);
        out["recomputed"] = true;
        out["level"] = result["level"];
        out["rules_version"] = result["rules_version"];
        out["checklist"] = result["checklist"];
        out["fired"] = result["fired"];
        out["unanswered"] = result["unanswered"];
        out["if_true"] = result["if_true"];
        out["note"] = nullptr;
    } catch (const InputError& e) {
        out["recomputed"] = false;
        out["level"] = stored["level"];
        out["rules_version"] = stored["rules_version"];
        out["checklist"] = Json::array();
        out["fired"] = Json::array();
        out["unanswered"] = Json::array();
        out["if_true"] = Json::object();
        const std::string problem =
            (e.error().path.empty() ? std::string("input") : "input." + e.error().path) + ": " + e.error().message;
        out["note"] = fill(words.text({"report", "not_recomputed"}), {{"problem", problem}});
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

// A words text made safe for HTML, its {slots} filled with `values` that already are.
std::string html_fill(std::string_view pattern, Values values) { return fill(html_escape(pattern), values); }

// The report document's own dates and moments, in words (they were validated when made).
DayNumber day_of(const Json& text) { return *parse_date(text.get_ref<const std::string&>()); }
std::string date_of(const Json& text, const Language& w) { return html_escape(w.date(day_of(text))); }
std::string moment_of(const Json& text, const Language& w) {
    return html_escape(w.moment(*parse_moment(text.get_ref<const std::string&>())));
}

// A word of the report for one of the contract's names (a region, a side, a level).
std::string named(const Language& w, std::string_view group, const Json& name) {
    return html_escape(w.text({"report", group, name.get_ref<const std::string&>()}));
}

// Plain words for a fired rule's `because` fact; a fact of another rule set, its own text.
std::string fact_words(const Language& w, const std::string& fact) {
    const Json& facts = w.words["report"]["facts"];
    auto it = facts.find(fact);
    return html_escape(it != facts.end() ? it->get_ref<const std::string&>() : fact);
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

std::string body_map(const Json& regions, const Language& w) {
    std::string svg =
        "<svg class=\"map\" viewBox=\"0 0 200 300\" role=\"img\" aria-labelledby=\"map-title\">"
        "<title id=\"map-title\">" + html_escape(w.text({"report", "page", "map_title"})) + "</title>"
        "<g class=\"body\">"
        "<circle cx=\"100\" cy=\"32\" r=\"20\"/>"
        "<rect x=\"92\" y=\"50\" width=\"16\" height=\"14\"/>"
        "<rect x=\"70\" y=\"64\" width=\"60\" height=\"96\" rx=\"14\"/>"
        "<rect x=\"50\" y=\"68\" width=\"16\" height=\"84\" rx=\"8\" transform=\"rotate(8 58 68)\"/>"
        "<rect x=\"134\" y=\"68\" width=\"16\" height=\"84\" rx=\"8\" transform=\"rotate(-8 142 68)\"/>"
        "<rect x=\"73\" y=\"156\" width=\"24\" height=\"124\" rx=\"10\"/>"
        "<rect x=\"103\" y=\"156\" width=\"24\" height=\"124\" rx=\"10\"/>"
        "</g>"
        "<text x=\"4\" y=\"296\" class=\"small\">" + html_escape(w.text({"report", "page", "map_right"})) + "</text>"
        "<text x=\"196\" y=\"296\" class=\"small\" text-anchor=\"end\">" +
        html_escape(w.text({"report", "page", "map_left"})) + "</text>";
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

std::string weekly_chart(const Json& weeks, const Language& w) {
    constexpr std::size_t kShown = 26;
    const std::size_t first = weeks.size() > kShown ? weeks.size() - kShown : 0;
    int highest = 1;
    for (std::size_t i = first; i < weeks.size(); ++i) highest = std::max(highest, weeks[i]["count"].get<int>());
    const std::size_t shown = weeks.size() - first;
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 320 120\" role=\"img\" aria-labelledby=\"chart-title\">"
                      "<title id=\"chart-title\">";
    if (weeks.empty())
        return svg + html_escape(w.text({"report", "page", "chart_title_empty"})) +
               "</title><text x=\"160\" y=\"60\" text-anchor=\"middle\">" +
               html_escape(w.text({"report", "page", "chart_empty"})) + "</text></svg>";
    svg += html_fill(w.text({"report", "page", "chart_title"}),
                     {{"from", date_of(weeks[first]["from"], w)}, {"to", date_of(weeks.back()["to"], w)}}) +
           "</title>";
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
               number_text(std::round(height * 10) / 10) + "\"><title>" +
               html_fill(w.text({"report", "page", "chart_bar"}),
                         {{"from", date_of(weeks[i]["from"], w)},
                          {"to", date_of(weeks[i]["to"], w)},
                          {"twitches", html_escape(w.count({"report", "counts", "twitches"}, count))}}) +
               "</title></rect>";
        // Day labels without the year: the chart's title gives the whole range with years.
        if (shown <= 13 || (weeks.size() - 1 - i) % 4 == 0)
            svg += "<text x=\"" + number_text(std::round((x + slot * 0.35) * 10) / 10) +
                   "\" y=\"112\" text-anchor=\"middle\" class=\"small\">" +
                   html_escape(w.short_day(day_of(weeks[i]["to"]))) + "</text>";
    }
    return svg + "</svg>";
}

// A shortened note ends on its last word, not on spaces or a line break.
std::string trimmed_end(std::string text) {
    while (!text.empty() && std::string_view(" \t\r\n").find(text.back()) != std::string_view::npos) text.pop_back();
    return text;
}

// On a narrow screen (a phone) the columns stack and table cells may break inside a long
// word, so the page never scrolls sideways in any language (issue 22); print is unchanged.
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
.places th,.places td{font-size:8pt;padding:.2mm 1.5mm}
.level{font-weight:bold}
blockquote{margin:0 0 1mm;padding:.6mm 2.5mm;border-left:1mm solid var(--accent);background:var(--soft)}
blockquote p{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
@page{margin:9mm}
@media screen and (max-width:600px){body{padding:3mm}.cols,.pair{grid-template-columns:1fr}
th,td{padding:.4mm .8mm;overflow-wrap:anywhere;hyphens:auto}}
@media print{body{padding:0;max-width:none;font-size:9pt}h2{margin:1.5mm 0 .6mm}p,ul{margin:0 0 1mm}li{margin:0 0 .5mm}
section{break-inside:avoid}.quotes{max-height:var(--room);overflow:hidden}}
)";

std::string plan_section(const Json& plan, const Language& w) {
    auto words = [&](std::string_view key) { return html_escape(w.text({"report", "page", key})); };
    std::string out = "<section><h2>" + words("plan_title") + "</h2>";
    if (plan.is_null()) return out + "<p>" + words("no_plan") + "</p></section>";
    const Json& kept = plan["adherence"];
    const std::string started = date_of(plan["started"], w);
    if (plan["week"].get<int>() < 1)
        out += "<p>" + html_fill(w.text({"report", "page", "plan_starts"}), {{"date", started}}) + "</p>";
    else
        out += "<p>" + html_fill(w.text({"report", "page", "plan_week"}), {{"date", started}, {"week", esc(plan["week"])}}) +
               "</p>";
    out += "<table><thead><tr><th>" + words("plan_kept") + "</th>";
    constexpr std::array<std::string_view, 5> kSteps{"caffeine", "water", "sleep", "relaxation", "tracking"};
    for (auto step : kSteps) out += "<th>" + html_escape(w.text({"report", "page", "plan_steps", step})) + "</th>";
    out += "</tr></thead><tbody><tr><td></td>";
    for (auto step : kSteps)
        out += "<td>" + html_fill(w.text({"report", "page", "plan_of_7"}), {{"count", esc(kept[std::string(step)])}}) +
               "</td>";
    out += "</tr></tbody></table>";
    out += "<p>" +
           html_fill(w.text({"report", "page", "plan_rates"}),
                     {{"before", one_decimal(plan["baseline_rate"].get<double>(), w)},
                      {"recent", one_decimal(plan["recent_rate"].get<double>(), w)}}) +
           " ";
    if (plan["improved"].is_null()) out += words("plan_too_early");
    else if (plan["improved"].get<bool>()) out += words("plan_better");
    else out += words("plan_not_better");
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
            // duration_s and intensity are validated integers (or empty): digits and '-' only.
            if (f == 5 || f == 6) out += fields[f];
            else csv_text(out, fields[f]);
        }
        out += "\r\n";
    }
    return out;
}

Json report_json(const Journal& journal, const Analysis& a, const Language& words) {
    auto date_or_null = [](const std::optional<DayNumber>& d) { return d ? Json(date_text(*d)) : Json(nullptr); };
    Json out = Json::object();
    out["schema"] = "twitchcheck.report/1";
    out["today"] = date_text(a.today);
    out["latest_check"] = latest_check(journal, words);
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
                               {"words", factor_words(f, words)}});
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
    out["disclaimer"] = words.text({"report", "disclaimer"});
    out["lang"] = words.tag;
    return out;
}

std::string report_html(const Json& report, const Language& w) {
    auto words = [&](std::string_view key) { return html_escape(w.text({"report", "page", key})); };
    auto pattern = [&](std::string_view key) -> const std::string& { return w.text({"report", "page", key}); };
    auto counted = [&](std::string_view key, const Json& n) {
        return html_escape(w.count({"report", "counts", key}, n.get<long long>()));
    };
    std::string h;
    h.reserve(16384);
    // The saved page runs nothing and loads nothing: its own policy says so (defence in
    // depth; every value in it is escaped as well).
    h += "<!DOCTYPE html>\n<html lang=\"" + html_escape(w.tag) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kReportPolicy) + "\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" + html_fill(pattern("title"), {{"date", date_of(report["today"], w)}}) + "</title>\n<style>" +
         std::string(kStyle) + "</style>\n</head>\n<body>\n";
    h += "<header><h1>" + words("heading") + "</h1><p class=\"muted\">" +
         html_fill(pattern("made_on"), {{"date", html_escape(w.long_date(day_of(report["today"])))}}) +
         "</p></header>\n";
    h += "<p class=\"notice\">" + esc(report["disclaimer"]) + "</p>\n";

    // Latest check: the level's name as the page shows it, each reason as the person read
    // it (its cause, then what to do) with the facts behind it in words. No rule ids.
    const Json& check = report["latest_check"];
    h += "<section><h2>" + words("latest_title") + "</h2>";
    if (check.is_null()) {
        h += "<p>" + words("no_check") + "</p>";
    } else {
        h += "<p>" +
             html_fill(pattern("check_done"),
                       {{"date", moment_of(check["at"], w)},
                        {"level", "<span class=\"level\">" + named(w, "levels", check["level"]) + "</span>"}}) +
             "</p>";
        if (check["recomputed"].get<bool>()) {
            h += "<p>" + words("why") + "</p><ul>";
            for (const Json& rule : check["fired"]) {
                h += "<li>" + esc(rule["cause"]) + " " + esc(rule["action"]);
                if (!rule["because"].empty()) {
                    std::string facts;
                    for (const Json& b : rule["because"])
                        facts += (facts.empty() ? "" : "; ") + fact_words(w, b.get_ref<const std::string&>());
                    h += " <span class=\"muted\">" + html_fill(pattern("based_on"), {{"facts", facts}}) + "</span>";
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
    h += "<section><h2>" + words("onset_title") + "</h2>";
    if (onset["first_date"].is_null()) {
        h += "<p>" + words("no_twitches") + "</p>";
    } else {
        const int days = onset["duration_days"].get<int>();
        h += "<p>" +
             html_fill(pattern("first_last"),
                       {{"first", date_of(onset["first_date"], w)}, {"last", date_of(onset["last_date"], w)}}) +
             " ";
        if (days > 0) h += html_fill(pattern("going_on"), {{"days", counted("days", onset["duration_days"])}});
        else if (days == 0) h += words("started_today");
        else h += words("dated_after");
        h += " " + html_fill(pattern("twitches_on_days"), {{"twitches", counted("twitches", onset["episodes_total"])},
                                                           {"days", counted("different_days", onset["active_days"])}});
        if (onset["persistent"].get<bool>()) h += " " + words("persistent");
        if (report["spreading"].get<bool>()) h += " " + words("spreading");
        h += "</p>";
    }
    h += "</section>\n";

    // Body map and counts.
    h += "<section><h2>" + words("where_title") + "</h2><div class=\"cols\"><div>" + body_map(report["regions"], w) +
         "</div><div>";
    h += "<table class=\"places\"><thead><tr><th>" + words("column_part") + "</th><th class=\"n\">" + words("column_right") +
         "</th><th class=\"n\">" + words("column_left") + "</th><th class=\"n\">" + words("column_both") +
         "</th><th class=\"n\">" + words("column_middle") + "</th><th class=\"n\">" + words("column_all") +
         "</th></tr></thead><tbody>";
    for (const Json& r : report["regions"]) {
        const Json& s = r["sides"];
        h += "<tr><td>" + named(w, "regions", r["region"]) + "</td><td class=\"n\">" + esc(s["right"]) +
             "</td><td class=\"n\">" + esc(s["left"]) + "</td><td class=\"n\">" + esc(s["both"]) +
             "</td><td class=\"n\">" + esc(s["midline"]) + "</td><td class=\"n\">" + esc(r["count"]) + "</td></tr>";
    }
    h += "</tbody></table>";
    h += "<div class=\"pair\"><div>" + weekly_chart(report["weekly_counts"], w) + "</div><div><p>";
    const Json& trend = report["trend"];
    const std::string& trend_value = trend["value"].get_ref<const std::string&>();
    if (trend_value == "insufficient")
        h += words("trend_insufficient");
    else
        h += html_fill(pattern("trend_" + trend_value),
                       {{"last", counted("twitches", trend["last_7_days"])}, {"previous", esc(trend["previous_7_days"])}});
    const Json& asym = report["asymmetry"];
    h += " " + html_fill(pattern(asym["asymmetric"].get<bool>() ? "sides_one_side" : "sides"),
                         {{"right", esc(asym["right"])}, {"left", esc(asym["left"])}});
    const Json& times = report["time_of_day"];
    h += " " + html_fill(pattern("time_of_day"), {{"night", esc(times["night"])},
                                                  {"morning", esc(times["morning"])},
                                                  {"afternoon", esc(times["afternoon"])},
                                                  {"evening", esc(times["evening"])}}) +
         "</p>";
    h += "</div></div></div></div></section>\n";

    // Linked factors.
    h += "<section><h2>" + words("links_title") + "</h2>";
    if (report["linked_factors"].empty()) {
        h += "<p>" + html_escape(w.text({"report", "links", "too_few"})) + "</p>";
    } else {
        // Links (and fewer twitches) one per line; factors with no clear link in one line.
        std::string unclear;
        h += "<ul>";
        for (const Json& f : report["linked_factors"]) {
            if (f["strength"] != "none" || f["ci95"][1].get<double>() < 1) {
                h += "<li>" + esc(f["words"]) + "</li>";
                continue;
            }
            unclear += (unclear.empty() ? "" : "; ") +
                       html_fill(w.text({"report", "links", "none_item"}),
                                 {{"days", html_escape(w.text({"report", "factor_days", f["factor"].get<std::string>()}))},
                                  {"ratio", one_decimal(f["rate_ratio"].get<double>(), w)}});
        }
        if (!unclear.empty()) h += "<li>" + html_fill(w.text({"report", "links", "none_together"}), {{"list", unclear}}) + "</li>";
        h += "</ul><p class=\"muted\">" + html_escape(w.text({"report", "links", "caution"})) + "</p>";
    }
    h += "</section>\n";

    h += plan_section(report["plan"], w) + "\n";

    // Notes: as many as the page has room for, newest first (report_page.cpp).
    const Json& notes = report["notes"];
    h += "<section class=\"notes\"><h2>" + words("notes_title") + "</h2>";
    if (notes.empty()) {
        h += "<p>" + words("no_notes") + "</p>";
    } else {
        const NotesOnPage page = notes_on_page(report, w);
        h += "<p class=\"muted\">" + words("notes_intro") + "</p>";
        // The room is CSS: a point, whatever the language's decimal sign.
        h += "<div class=\"quotes\" style=\"--room:" + number_text(std::round(page.room_mm * 10) / 10) + "mm\">";
        bool shortened = false;
        for (std::size_t i = 0; i < page.kept.size(); ++i) {
            const std::string& text = notes[i]["text"].get_ref<const std::string&>();
            const bool cut = page.kept[i] < text.size();
            shortened = shortened || cut;
            const std::string shown = cut ? trimmed_end(text.substr(0, page.kept[i])) : text;
            h += "<blockquote class=\"own-words\"><p>" + html_escape(shown) +
                 (cut ? "&hellip; " + words("shortened") : std::string()) + " <span class=\"small\">&mdash; " +
                 html_fill(pattern("note_where"), {{"moment", moment_of(notes[i]["at"], w)},
                                                   {"region", named(w, "regions", notes[i]["region"])},
                                                   {"side", named(w, "sides", notes[i]["side"])}}) +
                 "</span></p></blockquote>";
        }
        h += "</div>";
        if (page.left_out > 0 || shortened) {
            h += "<p class=\"muted\">";
            if (page.left_out > 0)
                h += html_escape(w.count({"report", "counts", "notes_left_out"}, static_cast<long long>(page.left_out))) + " ";
            h += words("notes_in_backup") + "</p>";
        }
    }
    h += "</section>\n";
    h += "</body>\n</html>\n";
    return h;
}

std::string journal_report(const Journal& journal, DayNumber today, std::string_view format, const Language& words) {
    if (format == "csv") return journal_csv(journal);
    if (format == "fhir") return journal_fhir(journal);
    if (format != "json" && format != "html") throw InputError("format", "must be json, html, csv or fhir");
    Json report = report_json(journal, analyze(journal, today), words);
    return format == "json" ? to_text(report) : report_html(report, words);
}

}  // namespace twitchcheck
