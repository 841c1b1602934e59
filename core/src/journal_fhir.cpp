// The journal as a FHIR R4 Bundle (type collection). docs/fhir.md maps it resource by
// resource; every SNOMED CT and LOINC code below is named there with the published source
// it was looked up in. Where no code could be confirmed, a concept is `text` alone.
#include "twitchcheck/journal_fhir.hpp"

#include "twitchcheck/checker.hpp"
#include "twitchcheck/journal_report.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace twitchcheck {

namespace {

// ---- words ------------------------------------------------------------------------
// Every English word this file writes, in one place, so a language file can take them
// over later. Body regions, sides, triggers and exercise values are written as the
// journal's own names (an underscore read as a space), not translated here.
namespace words {
constexpr std::string_view patient =
    "The person who kept this twitch journal. The journal holds no name or other details about them.";
constexpr std::string_view questionnaire_title = "twitchcheck: questions of the muscle twitch checker";
constexpr std::string_view duration_days = "For how many days has the twitching gone on?";
constexpr std::string_view lifestyle_changes_tried = "Have rest and lifestyle changes been tried?";
constexpr std::string_view self_care_weeks = "Weeks of the five-step self-care plan done so far";
constexpr std::string_view improved = "Did the twitching get better with self-care?";
constexpr std::string_view regions = "Where it twitches";
constexpr std::string_view region = "Body area";
constexpr std::string_view side = "Side";
constexpr std::string_view findings = "Warning signs";
constexpr std::string_view triggers = "Everyday triggers the person named";
// In kFindingNames' order.
constexpr std::array<std::string_view, kFindingNames.size()> finding{
    "Twitching has spread to other body areas",
    "Muscle wasting (a muscle looks smaller or thinner)",
    "Weakness",
    "Weakness that is getting worse",
    "Twitching mostly on one side of the body",
    "Numbness or tingling",
    "Changes in coordination",
    "Slurred speech",
    "Trouble swallowing",
    "Family history of nerve or muscle disease",
    "Twitching is getting worse",
    "Cramps",
    "A sudden new problem with the face, an arm, a leg or speech",
};
constexpr std::string_view twitch = "Muscle twitch (fasciculation), as reported by the person";
constexpr std::string_view intensity = "Strength, from 1 (very faint) to 5 (very strong)";
constexpr std::string_view duration = "How long it lasted";
constexpr std::string_view caffeine = "Caffeine taken that day";
constexpr std::string_view water = "Water drunk that day";
constexpr std::string_view sleep = "Sleep the night before";
constexpr std::string_view stress = "Stress that day, from 0 (calm) to 10 (the most stress)";
constexpr std::string_view exercise = "Exercise that day";
constexpr std::string_view relaxation = "Time spent relaxing that day (mindfulness, slow breathing or yoga)";
constexpr std::string_view result = "twitchcheck checker result";
constexpr std::string_view rule_applied = "Rule that applied";
constexpr std::string_view method = "twitchcheck checker, rule set ";
constexpr std::string_view level = "Result: ";
constexpr std::string_view rules_heading = "Rules that applied, most urgent first:";
constexpr std::string_view because = "Because: ";
constexpr std::string_view advice_heading = "Self-care advice given:";
constexpr std::string_view not_recomputed =
    "The reasons for this result could not be worked out again: the saved answers do not fit this version "
    "of the checker (";
constexpr std::string_view not_recomputed_end = "). The level shown is the one saved at the time.";
// In kLevelNames' order: what the person was told to do.
constexpr std::array<std::string_view, kLevelNames.size()> levels{
    "emergency: call the emergency number now",
    "immediate: medical evaluation today",
    "urgent: urgent referral within days; imaging such as MRI may be needed",
    "prompt: see a neurologist within 2 to 3 weeks",
    "consult: book a visit with a doctor (or the named specialist)",
    "monitor: keep tracking; see a doctor if it gets worse",
    "self_care: the five-step self-care plan; check again in 3 to 4 weeks",
};
}  // namespace words

// ---- code systems and codes (docs/fhir.md names the source of each) ------------------
constexpr std::string_view kSnomed = "http://snomed.info/sct";
constexpr std::string_view kLoinc = "http://loinc.org";
constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr std::string_view kLaterality = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality";

struct Code {
    std::string_view code, display;  // an empty code: `text` alone
};
// In kRegionNames' order.
constexpr std::array<Code, kRegionNames.size()> kBodySite{{
    {"80243003", "Eyelid structure"},
    {"89545001", "Face structure"},
    {"21974007", "Tongue structure"},
    {"16982005", "Shoulder region structure"},
    {"40983000", "Structure of upper limb between shoulder and elbow"},
    {"14975008", "Forearm structure"},
    {"85562004", "Hand structure"},
    {"45048000", "Neck structure"},
    {"51185008", "Thoracic structure"},
    {"", ""},  // back: no code confirmed
    {"818983003", "Abdomen"},
    {"68367000", "Thigh structure"},
    {"53840002", "Structure of calf of leg"},
    {"56459004", "Foot structure"},
}};
// In kSideNames' order; midline has no laterality.
constexpr std::array<Code, kSideNames.size()> kSideCode{{
    {"7771000", "Left (qualifier value)"},
    {"24028007", "Right (qualifier value)"},
    {"51440002", "Right and left (qualifier value)"},
    {"", ""},
}};
constexpr Code kSymptom{"75325-1", "Symptom"};
constexpr Code kExacerbatingFactors{"100752-5", "Exacerbating factors - Reported"};
constexpr Code kSleepDuration{"93832-4", "Sleep duration"};

// ---- SHA-1 (FIPS 180-4) and name-based UUIDs ----------------------------------------

std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

std::array<std::uint8_t, 20> sha1(std::string_view bytes) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::string msg(bytes);
    const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
    msg += static_cast<char>(0x80);
    while (msg.size() % 64 != 56) msg += '\0';
    for (int i = 7; i >= 0; --i) msg += static_cast<char>((bits >> (8 * i)) & 0xFF);
    for (std::size_t block = 0; block < msg.size(); block += 64) {
        std::uint32_t w[80];
        for (int t = 0; t < 16; ++t) {
            const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + block + 4 * t);
            w[t] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
        }
        for (int t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int t = 0; t < 80; ++t) {
            std::uint32_t f, k;
            if (t < 20) f = (b & c) | (~b & d), k = 0x5A827999;
            else if (t < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
            else if (t < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
            else f = b ^ c ^ d, k = 0xCA62C1D6;
            const std::uint32_t next = rotl(a, 5) + f + e + k + w[t];
            e = d, d = c, c = rotl(b, 30), b = a, a = next;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
    }
    std::array<std::uint8_t, 20> out{};
    for (int i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
    return out;
}

std::string hex(const std::uint8_t* bytes, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

constexpr std::array<std::uint8_t, 16> kNamespace{0x32, 0x66, 0xc1, 0x53, 0x62, 0x57, 0x49, 0xb9,
                                                  0xa6, 0x51, 0xd7, 0x06, 0x6f, 0x19, 0x29, 0x58};

// ---- building blocks ---------------------------------------------------------------

std::string spaced(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c == '_') c = ' ';
    return out;
}

Json coding(std::string_view system, const Code& code) {
    return Json{{"system", system}, {"code", code.code}, {"display", code.display}};
}

Json concept_text(std::string_view text) { return Json{{"text", fhir_text(text)}}; }

Json coded(std::string_view system, const Code& code) {
    return Json{{"coding", Json::array({coding(system, code)})}};
}

Json category(std::string_view code, std::string_view display) {
    return Json::array({Json{{"coding", Json::array({Json{{"system", kCategory}, {"code", code}, {"display", display}}})}}});
}

Json quantity(const Json& value, std::string_view ucum) {
    return Json{{"value", value}, {"unit", ucum}, {"system", kUcum}, {"code", ucum}};
}

Json reference(const std::string& uuid) { return Json{{"reference", "urn:uuid:" + uuid}}; }

// A narrative: XHTML built from already-escaped markup. `additional`: it says more than
// the structured elements do (the rules' causes and actions, the Patient's empty record).
Json narrative(const std::string& xhtml) {
    return Json{{"status", "additional"}, {"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>"}};
}

std::string para(std::string_view text) { return "<p>" + html_escape(fhir_text(text)) + "</p>"; }

struct Ids {
    std::string scope;  // the SHA-1 of the journal's text: ids differ between journals
    std::string of(std::string_view kind, std::string_view key) const {
        return fhir_uuid(scope + "/" + std::string(kind) + "/" + std::string(key));
    }
};

Json entry(const std::string& uuid, Json resource) {
    return Json{{"fullUrl", "urn:uuid:" + uuid}, {"resource", std::move(resource)}};
}

// ---- the checker: Questionnaire, QuestionnaireResponse, result Observation ------------

constexpr std::string_view kQuestionnaireName = "Questionnaire/twitchcheck-checker";

std::string questionnaire_url() { return "urn:uuid:" + fhir_uuid(kQuestionnaireName); }

Json choice_options(const auto& names) {
    Json options = Json::array();
    for (std::string_view n : names) options.push_back(Json{{"valueString", n}});
    return options;
}

Json questionnaire(const std::string& uuid, const std::string& version) {
    Json regions = Json{{"linkId", "regions"}, {"text", words::regions}, {"type", "group"}, {"repeats", true}};
    regions["item"] = Json::array({
        Json{{"linkId", "regions.region"}, {"text", words::region}, {"type", "choice"}, {"required", true},
             {"answerOption", choice_options(kRegionNames)}},
        Json{{"linkId", "regions.side"}, {"text", words::side}, {"type", "choice"}, {"required", true},
             {"answerOption", choice_options(kSideNames)}},
    });
    Json findings = Json{{"linkId", "findings"}, {"text", words::findings}, {"type", "group"}, {"item", Json::array()}};
    for (std::size_t i = 0; i < kFindingNames.size(); ++i)
        findings["item"].push_back(Json{{"linkId", "findings." + std::string(kFindingNames[i])},
                                        {"text", words::finding[i]},
                                        {"type", "boolean"}});
    Json q = Json{{"resourceType", "Questionnaire"},
                  {"id", uuid},
                  {"url", questionnaire_url()},
                  {"version", version},
                  {"name", "TwitchcheckChecker"},
                  {"title", words::questionnaire_title},
                  {"status", "active"},
                  {"subjectType", Json::array({"Patient"})}};
    q["item"] = Json::array({
        Json{{"linkId", "duration_days"}, {"text", words::duration_days}, {"type", "integer"}, {"required", true}},
        Json{{"linkId", "lifestyle_changes_tried"}, {"text", words::lifestyle_changes_tried}, {"type", "boolean"}},
        Json{{"linkId", "self_care_weeks"}, {"text", words::self_care_weeks}, {"type", "integer"}},
        Json{{"linkId", "improved"}, {"text", words::improved}, {"type", "boolean"}},
        std::move(regions),
        std::move(findings),
        Json{{"linkId", "triggers"}, {"text", words::triggers}, {"type", "choice"}, {"repeats", true},
             {"answerOption", choice_options(kTriggerNames)}},
    });
    return q;
}

Json answer_item(std::string_view link_id, Json answers) {
    return Json{{"linkId", link_id}, {"answer", std::move(answers)}};
}

template <std::size_t N>
bool one_of(const Json& value, const std::array<std::string_view, N>& names) {
    return value.is_string() && index_of(names, value.get_ref<const std::string&>()).has_value();
}

// The answers as the person gave them: each known field that has the expected type; a
// field left out (or unreadable) has no item, as an unanswered question.
Json response_items(const Json& input) {
    Json items = Json::array();
    if (!input.is_object()) return items;
    auto integer = [&](const char* key) {
        auto it = input.find(key);
        if (it != input.end() && it->is_number_integer())
            items.push_back(answer_item(key, Json::array({Json{{"valueInteger", it->get<std::int64_t>()}}})));
    };
    auto boolean = [&](const char* key) {
        auto it = input.find(key);
        if (it != input.end() && it->is_boolean())
            items.push_back(answer_item(key, Json::array({Json{{"valueBoolean", it->get<bool>()}}})));
    };
    integer("duration_days");
    boolean("lifestyle_changes_tried");
    integer("self_care_weeks");
    boolean("improved");
    if (auto it = input.find("regions"); it != input.end() && it->is_array()) {
        for (const Json& r : *it) {
            if (!r.is_object()) continue;
            Json parts = Json::array();
            if (auto region = r.find("region"); region != r.end() && one_of(*region, kRegionNames))
                parts.push_back(answer_item("regions.region", Json::array({Json{{"valueString", *region}}})));
            if (auto side = r.find("side"); side != r.end() && one_of(*side, kSideNames))
                parts.push_back(answer_item("regions.side", Json::array({Json{{"valueString", *side}}})));
            if (!parts.empty()) items.push_back(Json{{"linkId", "regions"}, {"item", std::move(parts)}});
        }
    }
    if (auto it = input.find("findings"); it != input.end() && it->is_object()) {
        Json answered = Json::array();
        for (std::string_view name : kFindingNames) {
            auto f = it->find(std::string(name));
            if (f != it->end() && f->is_boolean())
                answered.push_back(answer_item("findings." + std::string(name),
                                               Json::array({Json{{"valueBoolean", f->get<bool>()}}})));
        }
        if (!answered.empty()) items.push_back(Json{{"linkId", "findings"}, {"item", std::move(answered)}});
    }
    if (auto it = input.find("triggers"); it != input.end() && it->is_array()) {
        Json named = Json::array();
        for (const Json& t : *it)
            if (one_of(t, kTriggerNames)) named.push_back(Json{{"valueString", t}});
        if (!named.empty()) items.push_back(answer_item("triggers", std::move(named)));
    }
    return items;
}

Json questionnaire_response(const std::string& uuid, const Json& stored, const std::string& patient,
                            const std::string& canonical) {
    Json qr = Json{{"resourceType", "QuestionnaireResponse"},
                   {"id", uuid},
                   {"questionnaire", canonical},
                   {"status", "completed"},
                   {"subject", reference(patient)},
                   {"authored", stored["at"]},
                   {"author", reference(patient)},
                   {"source", reference(patient)}};
    Json items = response_items(stored["input"]);
    if (!items.empty()) qr["item"] = std::move(items);
    return qr;
}

// What the checker said, for a clinician: the level in words, the rules that fired with
// their reasons, the advice, and the not-a-diagnosis line; the rule ids as components.
Json result_observation(const std::string& uuid, const Json& stored, const std::string& patient,
                        const std::string& response) {
    const RuleSet& rules = builtin_rules();
    std::string level_name = stored["level"].get<std::string>();
    std::string version = stored["rules_version"].get<std::string>();
    std::optional<CheckResult> result;
    std::string problem;
    try {
        result = evaluate(rules, parse_assessment(stored["input"]));
        level_name = std::string(to_string(result->level));
        version = rules.version;
    } catch (const InputError& e) {
        problem = (e.error().path.empty() ? std::string("input") : "input." + e.error().path) + ": " +
                  e.error().message;
    }
    const std::string_view level_words = words::levels[*index_of(kLevelNames, level_name)];

    std::string xhtml = "<p><b>" + html_escape(words::level) + "</b>" + html_escape(level_words) + "</p>";
    Json components = Json::array();
    Json notes = Json::array();
    if (result) {
        xhtml += para(words::rules_heading) + "<ul>";
        for (const FiredRule& f : result->fired) {
            std::string reasons;
            for (const std::string& b : f.because) reasons += (reasons.empty() ? "" : ", ") + b;
            xhtml += "<li><b>" + html_escape(f.rule->id) + "</b> (" + std::string(to_string(f.rule->level)) +
                     "): " + html_escape(f.rule->cause) + " " + html_escape(f.rule->action) +
                     (reasons.empty() ? "" : " " + html_escape(words::because) + html_escape(reasons) + ".") +
                     "</li>";
            components.push_back(Json{{"code", concept_text(words::rule_applied)}, {"valueString", f.rule->id}});
        }
        xhtml += "</ul>" + para(words::advice_heading) + "<ul>";
        for (std::string_view a : result->advice) {
            xhtml += "<li>" + html_escape(a) + "</li>";
            notes.push_back(Json{{"text", a}});
        }
        xhtml += "</ul>";
    } else {
        const std::string why = std::string(words::not_recomputed) + problem + std::string(words::not_recomputed_end);
        xhtml += para(why);
        notes.push_back(Json{{"text", fhir_text(why)}});
    }
    xhtml += para(rules.disclaimer);
    notes.push_back(Json{{"text", rules.disclaimer}});

    Json obs = Json{{"resourceType", "Observation"},
                    {"id", uuid},
                    {"text", narrative(xhtml)},
                    {"status", "final"},
                    {"category", category("survey", "Survey")},
                    {"code", concept_text(words::result)},
                    {"subject", reference(patient)},
                    {"effectiveDateTime", stored["at"]},
                    {"valueCodeableConcept", concept_text(level_words)},
                    {"note", std::move(notes)},
                    {"method", concept_text(std::string(words::method) + version)},
                    {"derivedFrom", Json::array({reference(response)})}};
    if (!components.empty()) obs["component"] = std::move(components);
    return obs;
}

// ---- the journal: episodes and day check-ins ----------------------------------------

Json body_site(const Episode& e) {
    const Code& site = kBodySite[static_cast<std::size_t>(e.region)];
    const Code& side = kSideCode[static_cast<std::size_t>(e.side)];
    Json out = Json::object();
    if (!side.code.empty())
        out["extension"] = Json::array({Json{{"url", kLaterality},
                                             {"valueCodeableConcept", Json{{"coding", Json::array({coding(kSnomed, side)})},
                                                                           {"text", to_string(e.side)}}}}});
    if (!site.code.empty()) out["coding"] = Json::array({coding(kSnomed, site)});
    out["text"] = spaced(to_string(e.region)) + ", " + std::string(to_string(e.side));
    return out;
}

Json episode_observation(const std::string& uuid, const Json& item, const Episode& e, const std::string& patient) {
    Json obs = Json{{"resourceType", "Observation"},
                    {"id", uuid},
                    {"status", "final"},
                    {"code", coded(kLoinc, kSymptom)},
                    {"subject", reference(patient)},
                    {"effectiveDateTime", item["at"]},
                    {"performer", Json::array({reference(patient)})},
                    {"valueCodeableConcept", concept_text(words::twitch)}};
    if (auto note = item.find("note"); note != item.end() && !note->get_ref<const std::string&>().empty())
        obs["note"] = Json::array({Json{{"text", fhir_text(note->get_ref<const std::string&>())}}});
    obs["bodySite"] = body_site(e);
    Json components = Json::array();
    if (auto it = item.find("intensity"); it != item.end())
        components.push_back(Json{{"code", concept_text(words::intensity)}, {"valueInteger", *it}});
    if (auto it = item.find("duration_s"); it != item.end())
        components.push_back(Json{{"code", concept_text(words::duration)}, {"valueQuantity", quantity(*it, "s")}});
    if (auto it = item.find("triggers"); it != item.end()) {
        std::vector<std::string> seen;  // a name the person repeated is one trigger
        for (const Json& t : *it) {
            const std::string& name = t.get_ref<const std::string&>();
            if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
            seen.push_back(name);
            components.push_back(
                Json{{"code", coded(kLoinc, kExacerbatingFactors)}, {"valueCodeableConcept", concept_text(spaced(name))}});
        }
    }
    if (!components.empty()) obs["component"] = std::move(components);
    return obs;
}

// One Observation per field of a day check-in, in the journal's field order.
void day_observations(Json& entries, const Ids& ids, const Json& day, const std::string& patient) {
    const std::string date = day["date"].get<std::string>();
    auto add = [&](std::string_view field, std::string_view cat, std::string_view cat_display, Json code,
                   const char* value_key, Json value) {
        const std::string uuid = ids.of("Observation/day/" + std::string(field), date);
        Json obs = Json{{"resourceType", "Observation"},
                        {"id", uuid},
                        {"status", "final"},
                        {"category", category(cat, cat_display)},
                        {"code", std::move(code)},
                        {"subject", reference(patient)},
                        {"effectiveDateTime", date},
                        {"performer", Json::array({reference(patient)})}};
        obs[value_key] = std::move(value);
        entries.push_back(entry(uuid, std::move(obs)));
    };
    constexpr std::string_view social = "social-history", social_display = "Social History";
    constexpr std::string_view activity = "activity", activity_display = "Activity";
    if (auto v = day.find("caffeine_mg"); v != day.end())
        add("caffeine_mg", social, social_display, concept_text(words::caffeine), "valueQuantity", quantity(*v, "mg"));
    if (auto v = day.find("water_ml"); v != day.end())
        add("water_ml", social, social_display, concept_text(words::water), "valueQuantity", quantity(*v, "mL"));
    if (auto v = day.find("sleep_h"); v != day.end()) {
        Json code = coded(kLoinc, kSleepDuration);
        code["text"] = words::sleep;
        add("sleep_h", activity, activity_display, std::move(code), "valueQuantity", quantity(*v, "h"));
    }
    if (auto v = day.find("stress"); v != day.end())
        add("stress", social, social_display, concept_text(words::stress), "valueInteger", *v);
    if (auto v = day.find("exercise"); v != day.end())
        add("exercise", activity, activity_display, concept_text(words::exercise), "valueCodeableConcept",
            concept_text(v->get<std::string>()));
    if (auto v = day.find("relaxation_min"); v != day.end())
        add("relaxation_min", activity, activity_display, concept_text(words::relaxation), "valueQuantity",
            quantity(*v, "min"));
}

}  // namespace

std::string sha1_hex(std::string_view bytes) {
    const auto digest = sha1(bytes);
    return hex(digest.data(), digest.size());
}

std::string fhir_uuid(std::string_view name) {
    std::string input(reinterpret_cast<const char*>(kNamespace.data()), kNamespace.size());
    input += name;
    auto d = sha1(input);
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x50);  // version 5
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);  // RFC 9562 variant
    return hex(d.data(), 4) + "-" + hex(d.data() + 4, 2) + "-" + hex(d.data() + 6, 2) + "-" + hex(d.data() + 8, 2) +
           "-" + hex(d.data() + 10, 6);
}

std::string fhir_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len > text.size()) len = text.size() - i;
        std::uint32_t cp = c;
        if (len == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
        if (len == 3)
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
        const bool control = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r';
        const bool schema_space = cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
                                  cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
        if (control || schema_space)
            out += ' ';
        else
            out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

Json fhir_bundle(const Journal& journal) {
    const Json& doc = journal.document;
    const Ids ids{sha1_hex(to_text(doc))};
    const std::string patient = ids.of("Patient", "");
    Json entries = Json::array();
    entries.push_back(entry(patient, Json{{"resourceType", "Patient"},
                                          {"id", patient},
                                          {"text", narrative(para(words::patient))}}));

    if (doc.contains("assessments") && !doc["assessments"].empty()) {
        const Json& assessments = doc["assessments"];
        const std::string version = builtin_rules().version;
        const std::string q = fhir_uuid(std::string(kQuestionnaireName) + "|" + version);
        entries.push_back(entry(q, questionnaire(q, version)));
        const std::string canonical = questionnaire_url() + "|" + version;
        for (std::size_t i = 0; i < assessments.size(); ++i) {
            const std::string response = ids.of("QuestionnaireResponse", std::to_string(i));
            const std::string result = ids.of("Observation/result", std::to_string(i));
            entries.push_back(entry(response, questionnaire_response(response, assessments[i], patient, canonical)));
            entries.push_back(entry(result, result_observation(result, assessments[i], patient, response)));
        }
    }

    const Json& episodes = doc["episodes"];
    for (std::size_t i = 0; i < journal.episodes.size(); ++i) {
        const std::string uuid = ids.of("Observation/episode", episodes[i]["id"].get<std::string>());
        entries.push_back(entry(uuid, episode_observation(uuid, episodes[i], journal.episodes[i], patient)));
    }
    for (const Json& day : doc["days"]) day_observations(entries, ids, day, patient);

    return Json{{"resourceType", "Bundle"},
                {"id", ids.of("Bundle", "")},
                {"language", "en"},
                {"type", "collection"},
                {"entry", std::move(entries)}};
}

std::string journal_fhir(const Journal& journal) { return to_text(fhir_bundle(journal)); }

}  // namespace twitchcheck
