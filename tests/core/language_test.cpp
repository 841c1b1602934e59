// The engine's languages (core/lang/*.json): plural rules, tag matching, the same result
// in every language but for its words, the report's dates and counts in each language,
// languages added at run time (checked against English), and the pseudo-language en-XA.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"
#include "twitchcheck/journal_report.hpp"
#include "twitchcheck/language.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

const std::vector<std::string> kLanguages{"en", "de", "es", "fr"};

std::string fixture_text(const std::string& name) { return test_files::read(test_files::source("tests/fixtures/" + name)); }

twitchcheck::Error add_error(const Json& document) {
    const auto out = api::add_language(document.dump());
    REQUIRE(out.error);
    return *out.error;
}

// A result or report with its words taken out: what must be the same in every language.
Json without_words(Json doc) {
    for (const char* key : {"advice", "disclaimer", "lang"}) doc.erase(key);
    auto strip_fired = [](Json& fired) {
        for (Json& rule : fired) {
            rule.erase("cause");
            rule.erase("action");
        }
    };
    if (doc.contains("fired")) strip_fired(doc["fired"]);
    if (doc.contains("latest_check") && doc["latest_check"].is_object()) {
        strip_fired(doc["latest_check"]["fired"]);
        doc["latest_check"].erase("note");
    }
    if (doc.contains("linked_factors"))
        for (Json& f : doc["linked_factors"]) f.erase("words");
    return doc;
}

// The text of an HTML page a person reads: no <style>, no tags, entities as characters.
std::string visible_text(const std::string& html) {
    std::string out;
    const std::size_t style_end = html.find("</style>");
    bool in_tag = false;
    for (std::size_t i = style_end == std::string::npos ? 0 : style_end + 8; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<') in_tag = true;
        else if (c == '>') { in_tag = false; out += ' '; }
        else if (!in_tag && c == '&') {
            const std::size_t end = html.find(';', i);
            if (end == std::string::npos) break;
            out += ' ';
            i = end;
        } else if (!in_tag) out += c;
    }
    return out;
}

// Text outside [ ] (the pseudo-language's brackets; nested ones count as one).
std::string outside_brackets(const std::string& text) {
    std::string out;
    int depth = 0;
    for (char c : text) {
        if (c == '[') ++depth;
        else if (c == ']') depth = std::max(0, depth - 1);
        else if (depth == 0) out += c;
    }
    return out;
}

// Words of two or more ASCII letters in `text`.
std::vector<std::string> english_words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text + ' ') {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            word += c;
        } else {
            if (word.size() >= 2) out.push_back(word);
            word.clear();
        }
    }
    return out;
}

}  // namespace

TEST_CASE("plural rules: each language's CLDR rule gives its category for whole numbers") {
    struct Row {
        const char* lang;
        std::vector<std::pair<long long, const char*>> expect;
    };
    const std::vector<Row> rows{
        {"en", {{0, "other"}, {1, "one"}, {2, "other"}, {11, "other"}, {21, "other"}, {1000000, "other"}}},
        {"de", {{0, "other"}, {1, "one"}, {2, "other"}, {101, "other"}, {1000000, "other"}}},
        {"es", {{0, "other"}, {1, "one"}, {2, "other"}, {101, "other"}, {1000000, "many"}, {2000000, "many"}, {1000001, "other"}}},
        {"fr", {{0, "one"}, {1, "one"}, {2, "other"}, {100, "other"}, {1000000, "many"}, {3000000, "many"}, {1500000, "other"}}},
    };
    for (const auto& row : rows)
        for (const auto& expect : row.expect) {
            CAPTURE(row.lang);
            CAPTURE(expect.first);
            CHECK(twitchcheck::language(row.lang).category(expect.first) == expect.second);
        }
}

TEST_CASE("plural rules are data: a rule with modulo, ranges and `or` reads as CLDR writes it") {
    // Russian's "few": 2-4, 22-24, … but not 12-14.
    const auto few = twitchcheck::PluralRule::parse("v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24", "plural.few");
    std::vector<long long> hits;
    for (long long n = 0; n <= 30; ++n)
        if (few.matches(n)) hits.push_back(n);
    CHECK(hits == std::vector<long long>{2, 3, 4, 22, 23, 24});
    const auto either = twitchcheck::PluralRule::parse("n = 0 or n % 100 = 2..10,20", "plural.few");
    CHECK(either.matches(0));
    CHECK(either.matches(105));
    CHECK(either.matches(220));
    CHECK_FALSE(either.matches(111));
    for (const char* bad : {"", "q = 1", "n = ", "n == 1", "n % 0 = 1", "n = 5..2", "n = 1 xor n = 2", "n = 1 and"}) {
        CAPTURE(bad);
        try {
            twitchcheck::PluralRule::parse(bad, "plural.one");
            FAIL("accepted");
        } catch (const twitchcheck::InputError& e) {
            CHECK(e.error().path == "plural.one");
        }
    }
}

TEST_CASE("a language tag is matched by the tag, then its primary subtag, else English") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"de", "de"}, {"de-AT", "de"}, {"de_CH", "de"}, {"FR", "fr"}, {"fr-CA", "fr"}, {"es-419", "es"},
        {"en-US", "en"}, {"xx", "en"}, {"", "en"}, {"-", "en"}, {"zh-Hant-TW", "en"}, {"d", "en"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.first);
        CHECK(twitchcheck::language(c.first).tag == c.second);
        CHECK(twitchcheck::parse_json(api::assess(R"({"schema": "twitchcheck.assessment/1", "duration_days": 3})", c.first).text)["lang"] ==
              c.second);
    }
}

TEST_CASE("the 13 vignettes give the same level, rules, checklist, unanswered and facts in every language; only words change") {
    const auto files = test_files::list(test_files::shared("vignettes"), ".json");
    REQUIRE(files.size() >= 13);
    for (const auto& file : files) {
        CAPTURE(file);
        const std::string input = twitchcheck::parse_json(test_files::read(file))["input"].dump();
        const Json english = twitchcheck::parse_json(api::assess(input).text);
        for (const auto& lang : kLanguages) {
            CAPTURE(lang);
            const auto out = api::assess(input, lang);
            REQUIRE_FALSE(out.error);
            const Json result = twitchcheck::parse_json(out.text);
            CHECK(result["lang"] == lang);
            CHECK(without_words(result) == without_words(english));
            CHECK(result["advice"].size() == english["advice"].size());
            if (lang != "en") {
                CHECK(result["disclaimer"] != english["disclaimer"]);
                for (std::size_t i = 0; i < result["fired"].size(); ++i) {
                    CHECK(result["fired"][i]["cause"] != english["fired"][i]["cause"]);
                    CHECK(result["fired"][i]["action"] != english["fired"][i]["action"]);
                }
            }
        }
    }
}

TEST_CASE("a result in German has the German rule words, advice and disclaimer") {
    const Json result = twitchcheck::parse_json(
        api::assess(R"({"schema": "twitchcheck.assessment/1", "duration_days": 20, "triggers": ["stress"]})", "de-AT").text);
    CHECK(result["lang"] == "de");
    CHECK(result["fired"][0]["id"] == "RF-PERSISTENT");
    CHECK(result["fired"][0]["cause"] ==
          "Ihr Zucken dauert schon länger als 2 Wochen. Das ist meist harmlos (gutartiges Faszikulationssyndrom), sollte "
          "aber ärztlich geprüft werden.");
    CHECK(result["fired"][0]["action"] ==
          "Gehen Sie mit Ihrem Zuckungs-Tagebuch zum Hausarzt.");
    CHECK(result["fired"][0]["source"] == "Red Flags That Require Medical Attention; NHS: Twitching eyes and muscles");
    CHECK(result["fired"][0]["because"] == Json::array({"duration_days > 14"}));
    CHECK(result["advice"][0] ==
          "Nehmen Sie sich 10 Minuten am Tag, um Ihren Körper zu beruhigen: langsames Atmen, Achtsamkeit oder sanftes Yoga.");
    CHECK(result["disclaimer"].get<std::string>().rfind("Diese Prüfung ist keine Diagnose.", 0) == 0);
}

TEST_CASE("every fact the built-in rules can give in `because` has words in every language") {
    std::set<std::string> facts;
    std::function<void(const twitchcheck::Condition&)> walk = [&](const twitchcheck::Condition& c) {
        if (!c.because.empty()) facts.insert(c.because);
        for (const auto& child : c.children) walk(child);
    };
    for (const auto& rule : twitchcheck::builtin_rules().rules) walk(rule.when);
    for (const auto& item : twitchcheck::builtin_rules().checklist) walk(item.when);
    REQUIRE(facts.size() >= 15);
    for (const auto& lang : kLanguages)
        for (const auto& fact : facts) {
            CAPTURE(lang);
            CAPTURE(fact);
            CHECK(twitchcheck::language(lang).words["report"]["facts"].contains(fact));
        }
}

TEST_CASE("the report's dates, counts and numbers follow the language") {
    const std::string journal = fixture_text("report-journal.json");
    struct Row {
        const char* lang;
        std::vector<std::string> expect;
    };
    const std::vector<Row> rows{
        {"de",
         {"<html lang=\"de\">", "Erstellt am Dienstag, 31. März 2026 von TwitchCheck",
          "Gemacht am 30. März 2026, 10:00 Uhr. Ergebnis: <span class=\"level\">Termin beim Arzt machen</span>.",
          "Erste Zuckung: 1. März 2026. Letzte Zuckung: 29. März 2026. Es geht seit 30 Tagen so. 24 Zuckungen an 24 "
          "verschiedenen Tagen.",
          "Vielleicht verbunden mit Tagen mit mehr als 200 mg Koffein: 1,9-mal so viele Zuckungen am Tag (95-%-Bereich: "
          "0,8 bis 4,8; kann Zufall sein).",
          ">31.3.</text>", "&mdash; 26. März 2026, 20:20 Uhr, Hand oder Finger (links)"}},
        {"es",
         {"<html lang=\"es\">", "Hecho el martes, 31 de marzo de 2026 por TwitchCheck",
          "Primer espasmo: 1 de marzo de 2026. Último espasmo: 29 de marzo de 2026. Dura desde hace 30 días. 24 espasmos en 24 días "
          "distintos.",
          "Espasmos por semana, del 25 de febrero de 2026 al 31 de marzo de 2026", ">31/3</text>"}},
        {"fr",
         {"<html lang=\"fr\">", "Fait le mardi 31 mars 2026 par TwitchCheck",
          "Fait le 30 mars 2026 à 10:00. Résultat\u00a0: <span class=\"level\">Prendre rendez-vous chez un médecin</span>.",
          "Cela dure depuis 30 jours. 24 secousses sur 24 jours différents.", "Mieux\u00a0: les secousses ont baissé "
          "d’au moins 30\u00a0%."}},
    };
    for (const auto& row : rows) {
        const std::string html = api::report(journal, "2026-03-31", "html", row.lang).text;
        for (const auto& part : row.expect) {
            CAPTURE(row.lang);
            CAPTURE(part);
            CHECK(html.find(part) != std::string::npos);
        }
    }
    // One twitch today, in each language's singular.
    const std::string one = R"({"schema": "twitchcheck.journal/1", "episodes": [{"id": "a", "at": "2026-05-10T10:00:00Z",
        "region": "calf", "side": "left"}], "days": []})";
    CHECK(api::report(one, "2026-05-10", "html", "de").text.find("Es hat heute angefangen. 1 Zuckung an 1 Tag.") != std::string::npos);
    CHECK(api::report(one, "2026-05-10", "html", "es").text.find("Empezó hoy. 1 espasmo en 1 día.") != std::string::npos);
    CHECK(api::report(one, "2026-05-10", "html", "fr").text.find("Cela a commencé aujourd’hui. 1 secousse sur 1 jour.") != std::string::npos);
}

TEST_CASE("the report of every worked journal has the same facts in every language, and its words in that language") {
    std::vector<std::string> journals{fixture_text("report-journal.json")};
    for (const auto& file : test_files::list(test_files::shared("journal-examples"), ".json")) {
        if (file.find("bad-journals") != std::string::npos) continue;
        const Json example = twitchcheck::parse_json(test_files::read(file));
        journals.push_back(example["journal"].dump());
    }
    REQUIRE(journals.size() >= 13);
    for (std::size_t j = 0; j < journals.size(); ++j) {
        const Json english = twitchcheck::parse_json(api::report(journals[j], "2026-03-31", "json").text);
        for (const auto& lang : kLanguages) {
            CAPTURE(j);
            CAPTURE(lang);
            const auto out = api::report(journals[j], "2026-03-31", "json", lang);
            REQUIRE_FALSE(out.error);
            const Json report = twitchcheck::parse_json(out.text);
            CHECK(report["lang"] == lang);
            CHECK(without_words(report) == without_words(english));
            CHECK(report["disclaimer"] == twitchcheck::language(lang).words["report"]["disclaimer"]);
            const std::string html = api::report(journals[j], "2026-03-31", "html", lang).text;
            CHECK(html.find("<html lang=\"" + lang + "\">") != std::string::npos);
            CHECK(html.find(twitchcheck::html_escape(twitchcheck::language(lang).words["report"]["page"]["heading"].get<std::string>())) !=
                  std::string::npos);
        }
    }
}

TEST_CASE("a language added at run time is checked against English, with the key named") {
    Json german = twitchcheck::parse_json(test_files::read(test_files::source("core/lang/de.json")));
    german["lang"] = "de-XX";
    struct Case {
        std::function<void(Json&)> change;
        std::string path, message;
    };
    const std::vector<Case> cases{
        {[](Json& l) { l["report"]["page"].erase("heading"); }, "report.page.heading", "is missing (the English file has it)"},
        {[](Json& l) { l["report"]["page"]["subtitle"] = "Hallo"; }, "report.page.subtitle", "is not in the English file"},
        {[](Json& l) { l["checker"]["rules"]["RF-WASTING"]["cause"] = 7; }, "checker.rules.RF-WASTING.cause", "expected non-empty text"},
        {[](Json& l) { l["report"]["page"]["made_on"] = "Erstellt am {datum}."; }, "report.page.made_on",
         "expected the placeholders {date}, as in English"},
        {[](Json& l) { l["report"]["counts"]["twitches"].erase("one"); }, "report.counts.twitches",
         "expected the plural forms one, other (this language's plural rule)"},
        {[](Json& l) { l["plural"]["few"] = "n = 2..4"; }, "report.counts.twitches",
         "expected the plural forms few, one, other (this language's plural rule)"},
        {[](Json& l) { l["plural"]["one"] = "n is 1"; }, "plural.one",
         "expected a CLDR plural rule such as \"i = 1 and v = 0\" (= or != is missing)"},
        {[](Json& l) { l["report"]["dates"]["months"].erase(11); }, "report.dates.months",
         "expected a list of 12 texts, as in English"},
        {[](Json& l) { l["schema"] = "twitchcheck.lang/2"; }, "schema", "expected \"twitchcheck.lang/1\""},
        {[](Json& l) { l["lang"] = "deutsch!"; }, "lang", "expected a language tag such as \"de\" or \"pt-BR\""},
        {[](Json& l) { l["decimal"] = ";"; }, "decimal", "expected \".\" or \",\""},
        {[](Json& l) { l.erase("report"); }, "report", "is missing (the English file has it)"},
        {[](Json& l) { l["lang"] = "EN"; }, "lang", "English cannot be replaced"},
    };
    for (const auto& c : cases) {
        Json doc = german;
        c.change(doc);
        const auto e = add_error(doc);
        CAPTURE(c.path);
        CHECK(e.path == c.path);
        CHECK(e.message == c.message);
    }
    CHECK(api::add_language("[1, 2").error->path == "");
    // A refused language is not added; English still answers for its tag.
    CHECK(twitchcheck::language("de-XX").tag == "de");
    // The same file with its own tag is added, and answers for that tag alone.
    const auto added = api::add_language(german.dump());
    REQUIRE_FALSE(added.error);
    CHECK(added.text == "{\n  \"ok\": true,\n  \"lang\": \"de-XX\"\n}\n");
    CHECK(twitchcheck::language("de-xx").tag == "de-XX");
    CHECK(twitchcheck::language("de-AT").tag == "de");
}

TEST_CASE("the pseudo-language en-XA, added like any language, leaves no English outside its brackets") {
    const auto added = api::add_language(test_files::read(TWITCHCHECK_PSEUDO_LANGUAGE));
    REQUIRE_FALSE(added.error);
    auto check_text = [](const std::string& where, const std::string& text) {
        const auto left = english_words(outside_brackets(text));
        CAPTURE(where);
        CAPTURE(text);
        CHECK(left == std::vector<std::string>{});
    };
    for (const auto& file : test_files::list(test_files::shared("vignettes"), ".json")) {
        const auto out = api::assess(twitchcheck::parse_json(test_files::read(file))["input"].dump(), "en-XA");
        REQUIRE_FALSE(out.error);
        const Json result = twitchcheck::parse_json(out.text);
        CHECK(result["lang"] == "en-XA");
        for (const auto& rule : result["fired"]) {
            check_text(file + " cause", rule["cause"]);
            check_text(file + " action", rule["action"]);
        }
        for (const auto& advice : result["advice"]) check_text(file + " advice", advice);
        check_text(file + " disclaimer", result["disclaimer"]);
    }
    std::vector<std::string> journals{fixture_text("report-journal.json")};
    for (const auto& file : test_files::list(test_files::shared("journal-examples"), ".json"))
        if (file.find("bad-journals") == std::string::npos)
            journals.push_back(twitchcheck::parse_json(test_files::read(file))["journal"].dump());
    Json recomputed = twitchcheck::parse_json(journals[0]);
    recomputed["assessments"].erase(2);  // a latest check that is re-run, with its reasons
    journals.push_back(recomputed.dump());
    for (std::size_t j = 0; j < journals.size(); ++j) {
        const Json report = twitchcheck::parse_json(api::report(journals[j], "2026-03-31", "json", "en-XA").text);
        const std::string where = "journal " + std::to_string(j);
        check_text(where + " disclaimer", report["disclaimer"]);
        for (const auto& f : report["linked_factors"]) check_text(where + " factor", f["words"]);
        if (report["latest_check"].is_object()) {
            if (report["latest_check"]["note"].is_string()) check_text(where + " note", report["latest_check"]["note"]);
            for (const auto& rule : report["latest_check"]["fired"]) check_text(where + " cause", rule["cause"]);
        }
        // The page: every text node, the person's own notes taken out first.
        Json no_notes = twitchcheck::parse_json(journals[j]);
        for (Json& e : no_notes["episodes"]) e.erase("note");
        check_text(where + " page", visible_text(api::report(no_notes.dump(), "2026-03-31", "html", "en-XA").text));
    }
}
