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
    "Struggling to breathe right now",
    "Out of breath more easily than before (with light effort or lying flat), headaches on waking, or very "
    "sleepy by day",
    "New since the twitching began: drops things, or fine tasks with the hands have become harder",
    "People close to the person notice a change in behaviour, or laughing or crying that cannot be controlled",
    "The twitching area feels stiff",
    "A medicine (a new one or a new dose) might be causing the twitching",
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
// The Bundle is written straight to JSON text (JsonWriter: the house bytes, keys in the
// order written) rather than built as a Json tree first: a tree's initializer lists cost
// the module tens of KB and a large journal a second copy of the Bundle in memory.

std::string spaced(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c == '_') c = ' ';
    return out;
}

// A scalar of the journal as it is stored: text, whole number, other number, true/false.
void scalar(JsonWriter& w, const Json& value) {
    if (value.is_string()) w.string(value.get_ref<const std::string&>());
    else if (value.is_boolean()) w.boolean(value.get<bool>());
    else if (value.is_number_integer()) w.integer(value.get<std::int64_t>());
    else w.number(value.get<double>());
}

void coding(JsonWriter& w, std::string_view system, const Code& code) {
    w.begin_object().key("system").string(system).key("code").string(code.code).key("display").string(code.display);
    w.end_object();
}

// {"coding": [one], "text"?}
void coded(JsonWriter& w, std::string_view system, const Code& code, std::string_view text = {}) {
    w.begin_object().key("coding").begin_array();
    coding(w, system, code);
    w.end_array();
    if (!text.empty()) w.key("text").string(text);
    w.end_object();
}

void concept_text(JsonWriter& w, std::string_view text) { w.begin_object().key("text").string(fhir_text(text)).end_object(); }

void category(JsonWriter& w, std::string_view code, std::string_view display) {
    w.key("category").begin_array().begin_object().key("coding").begin_array().begin_object();
    w.key("system").string(kCategory).key("code").string(code).key("display").string(display);
    w.end_object().end_array().end_object().end_array();
}

void quantity(JsonWriter& w, const Json& value, std::string_view ucum) {
    w.begin_object().key("value");
    scalar(w, value);
    w.key("unit").string(ucum).key("system").string(kUcum).key("code").string(ucum).end_object();
}

void reference(JsonWriter& w, std::string_view uuid) {
    w.begin_object().key("reference").string("urn:uuid:" + std::string(uuid)).end_object();
}

// A narrative: XHTML built from already-escaped markup. `additional`: it says more than
// the structured elements do (the rules' causes and actions, the Patient's empty record).
void narrative(JsonWriter& w, const std::string& xhtml) {
    w.key("text").begin_object().key("status").string("additional");
    w.key("div").string("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>").end_object();
}

std::string para(std::string_view text) { return "<p>" + html_escape(fhir_text(text)) + "</p>"; }

struct Ids {
    std::string scope;  // the SHA-1 of the journal's text: ids differ between journals
    std::string of(std::string_view kind, std::string_view key) const {
        return fhir_uuid(scope + "/" + std::string(kind) + "/" + std::string(key));
    }
};

// Opens {"fullUrl": ..., "resource": {"resourceType": ..., "id": ...; close_entry ends it.
void open_entry(JsonWriter& w, std::string_view type, const std::string& uuid) {
    w.begin_object().key("fullUrl").string("urn:uuid:" + uuid).key("resource").begin_object();
    w.key("resourceType").string(type).key("id").string(uuid);
}
void close_entry(JsonWriter& w) { w.end_object().end_object(); }

// ---- the checker: Questionnaire, QuestionnaireResponse, result Observation ------------

constexpr std::string_view kQuestionnaireName = "Questionnaire/twitchcheck-checker";

std::string questionnaire_url() { return "urn:uuid:" + fhir_uuid(kQuestionnaireName); }

template <std::size_t N>
void choice(JsonWriter& w, std::string_view link_id, std::string_view text, bool required, bool repeats,
            const std::array<std::string_view, N>& names) {
    w.begin_object().key("linkId").string(link_id).key("text").string(text).key("type").string("choice");
    if (required) w.key("required").boolean(true);
    if (repeats) w.key("repeats").boolean(true);
    w.key("answerOption").begin_array();
    for (std::string_view n : names) w.begin_object().key("valueString").string(n).end_object();
    w.end_array().end_object();
}

void question(JsonWriter& w, std::string_view link_id, std::string_view text, std::string_view type,
              bool required = false) {
    w.begin_object().key("linkId").string(link_id).key("text").string(text).key("type").string(type);
    if (required) w.key("required").boolean(true);
    w.end_object();
}

void questionnaire(JsonWriter& w, const std::string& uuid, const std::string& version) {
    open_entry(w, "Questionnaire", uuid);
    w.key("url").string(questionnaire_url()).key("version").string(version);
    w.key("name").string("TwitchcheckChecker").key("title").string(words::questionnaire_title);
    w.key("status").string("active").key("subjectType").begin_array().string("Patient").end_array();
    w.key("item").begin_array();
    question(w, "duration_days", words::duration_days, "integer", true);
    question(w, "lifestyle_changes_tried", words::lifestyle_changes_tried, "boolean");
    question(w, "self_care_weeks", words::self_care_weeks, "integer");
    question(w, "improved", words::improved, "boolean");
    w.begin_object().key("linkId").string("regions").key("text").string(words::regions);
    w.key("type").string("group").key("repeats").boolean(true).key("item").begin_array();
    choice(w, "regions.region", words::region, true, false, kRegionNames);
    choice(w, "regions.side", words::side, true, false, kSideNames);
    w.end_array().end_object();
    w.begin_object().key("linkId").string("findings").key("text").string(words::findings);
    w.key("type").string("group").key("item").begin_array();
    for (std::size_t i = 0; i < kFindingNames.size(); ++i)
        question(w, "findings." + std::string(kFindingNames[i]), words::finding[i], "boolean");
    w.end_array().end_object();
    choice(w, "triggers", words::triggers, false, true, kTriggerNames);
    w.end_array();
    close_entry(w);
}

template <std::size_t N>
bool one_of(const Json& value, const std::array<std::string_view, N>& names) {
    return value.is_string() && index_of(names, value.get_ref<const std::string&>()).has_value();
}

// {"linkId": ..., "answer": [{"valueX": value}]}
void answer(JsonWriter& w, std::string_view link_id, std::string_view value_key, const Json& value) {
    w.begin_object().key("linkId").string(link_id).key("answer").begin_array().begin_object().key(value_key);
    scalar(w, value);
    w.end_object().end_array().end_object();
}

// The answers as the person gave them: each known field that has the expected type; a
// field left out (or unreadable) has no item, as an unanswered question.
void response_items(JsonWriter& w, const Json& input) {
    if (!input.is_object()) return;
    bool open = false;
    auto start = [&] {
        if (!open) w.key("item").begin_array();
        open = true;
    };
    auto field = [&](const char* key, bool (Json::*fits)() const noexcept, std::string_view value_key) {
        auto it = input.find(key);
        if (it == input.end() || !((*it).*fits)()) return;
        start();
        answer(w, key, value_key, *it);
    };
    field("duration_days", &Json::is_number_integer, "valueInteger");
    field("lifestyle_changes_tried", &Json::is_boolean, "valueBoolean");
    field("self_care_weeks", &Json::is_number_integer, "valueInteger");
    field("improved", &Json::is_boolean, "valueBoolean");
    if (auto it = input.find("regions"); it != input.end() && it->is_array()) {
        for (const Json& r : *it) {
            if (!r.is_object()) continue;
            auto region = r.find("region"), side = r.find("side");
            const bool has_region = region != r.end() && one_of(*region, kRegionNames);
            const bool has_side = side != r.end() && one_of(*side, kSideNames);
            if (!has_region && !has_side) continue;
            start();
            w.begin_object().key("linkId").string("regions").key("item").begin_array();
            if (has_region) answer(w, "regions.region", "valueString", *region);
            if (has_side) answer(w, "regions.side", "valueString", *side);
            w.end_array().end_object();
        }
    }
    if (auto it = input.find("findings"); it != input.end() && it->is_object()) {
        bool any = false;
        for (std::string_view name : kFindingNames) {
            auto f = it->find(std::string(name));
            if (f == it->end() || !f->is_boolean()) continue;
            if (!any) {
                start();
                w.begin_object().key("linkId").string("findings").key("item").begin_array();
            }
            any = true;
            answer(w, "findings." + std::string(name), "valueBoolean", *f);
        }
        if (any) w.end_array().end_object();
    }
    if (auto it = input.find("triggers"); it != input.end() && it->is_array()) {
        bool any = false;
        for (const Json& t : *it) {
            if (!one_of(t, kTriggerNames)) continue;
            if (!any) {
                start();
                w.begin_object().key("linkId").string("triggers").key("answer").begin_array();
            }
            any = true;
            w.begin_object().key("valueString").string(t.get_ref<const std::string&>()).end_object();
        }
        if (any) w.end_array().end_object();
    }
    if (open) w.end_array();
}

void questionnaire_response(JsonWriter& w, const std::string& uuid, const Json& stored, const std::string& patient,
                            const std::string& canonical) {
    open_entry(w, "QuestionnaireResponse", uuid);
    w.key("questionnaire").string(canonical).key("status").string("completed");
    w.key("subject");
    reference(w, patient);
    w.key("authored").string(stored["at"].get_ref<const std::string&>());
    w.key("author");
    reference(w, patient);
    w.key("source");
    reference(w, patient);
    response_items(w, stored["input"]);
    close_entry(w);
}

// What the checker said, for a clinician: the level in words, the rules that fired with
// their reasons, the advice, and the not-a-diagnosis line; the rule ids as components.
void result_observation(JsonWriter& w, const std::string& uuid, const Json& stored, const std::string& patient,
                        const std::string& response) {
    const RuleSet& rules = builtin_rules();
    // The Bundle is in English ("language": "en"): the checker's English words.
    const Language& english = language("en");
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
    std::vector<std::string> notes;
    if (result) {
        xhtml += para(words::rules_heading) + "<ul>";
        for (const FiredRule& f : result->fired) {
            std::string reasons;
            for (const std::string& b : f.because) reasons += (reasons.empty() ? "" : ", ") + b;
            const auto& [cause, action] = english.rule_words[static_cast<std::size_t>(f.rule - rules.rules.data())];
            xhtml += "<li><b>" + html_escape(f.rule->id) + "</b> (" + std::string(to_string(f.rule->level)) +
                     "): " + html_escape(cause) + " " + html_escape(action) +
                     (reasons.empty() ? "" : " " + html_escape(words::because) + html_escape(reasons) + ".") +
                     "</li>";
        }
        xhtml += "</ul>" + para(words::advice_heading) + "<ul>";
        for (std::size_t k : result->advice) {
            const std::string_view a = english.advice_words[k];
            xhtml += "<li>" + html_escape(a) + "</li>";
            notes.emplace_back(a);
        }
        xhtml += "</ul>";
    } else {
        notes.push_back(std::string(words::not_recomputed) + problem + std::string(words::not_recomputed_end));
        xhtml += para(notes.back());
    }
    xhtml += para(english.disclaimer);
    notes.emplace_back(english.disclaimer);

    open_entry(w, "Observation", uuid);
    narrative(w, xhtml);
    w.key("status").string("final");
    category(w, "survey", "Survey");
    w.key("code");
    concept_text(w, words::result);
    w.key("subject");
    reference(w, patient);
    w.key("effectiveDateTime").string(stored["at"].get_ref<const std::string&>());
    w.key("valueCodeableConcept");
    concept_text(w, level_words);
    w.key("note").begin_array();
    for (const std::string& n : notes) w.begin_object().key("text").string(fhir_text(n)).end_object();
    w.end_array();
    w.key("method");
    concept_text(w, std::string(words::method) + version);
    w.key("derivedFrom").begin_array();
    reference(w, response);
    w.end_array();
    if (result) {
        w.key("component").begin_array();
        for (const FiredRule& f : result->fired) {
            w.begin_object().key("code");
            concept_text(w, words::rule_applied);
            w.key("valueString").string(f.rule->id).end_object();
        }
        w.end_array();
    }
    close_entry(w);
}

// ---- the journal: episodes and day check-ins ----------------------------------------

void body_site(JsonWriter& w, const Episode& e) {
    const Code& site = kBodySite[static_cast<std::size_t>(e.region)];
    const Code& side = kSideCode[static_cast<std::size_t>(e.side)];
    w.key("bodySite").begin_object();
    if (!side.code.empty()) {
        w.key("extension").begin_array().begin_object().key("url").string(kLaterality).key("valueCodeableConcept");
        coded(w, kSnomed, side, to_string(e.side));
        w.end_object().end_array();
    }
    if (!site.code.empty()) {
        w.key("coding").begin_array();
        coding(w, kSnomed, site);
        w.end_array();
    }
    w.key("text").string(spaced(to_string(e.region)) + ", " + std::string(to_string(e.side)));
    w.end_object();
}

void episode_observation(JsonWriter& w, const std::string& uuid, const Json& item, const Episode& e,
                         const std::string& patient) {
    open_entry(w, "Observation", uuid);
    w.key("status").string("final").key("code");
    coded(w, kLoinc, kSymptom);
    w.key("subject");
    reference(w, patient);
    w.key("effectiveDateTime").string(item["at"].get_ref<const std::string&>());
    w.key("performer").begin_array();
    reference(w, patient);
    w.end_array().key("valueCodeableConcept");
    concept_text(w, words::twitch);
    if (auto note = item.find("note"); note != item.end() && !note->get_ref<const std::string&>().empty()) {
        w.key("note").begin_array().begin_object();
        w.key("text").string(fhir_markdown(note->get_ref<const std::string&>())).end_object().end_array();
    }
    body_site(w, e);
    auto intensity = item.find("intensity"), duration = item.find("duration_s"), triggers = item.find("triggers");
    const bool any_trigger = triggers != item.end() && !triggers->empty();
    if (intensity != item.end() || duration != item.end() || any_trigger) {
        w.key("component").begin_array();
        if (intensity != item.end()) {
            w.begin_object().key("code");
            concept_text(w, words::intensity);
            w.key("valueInteger");
            scalar(w, *intensity);
            w.end_object();
        }
        if (duration != item.end()) {
            w.begin_object().key("code");
            concept_text(w, words::duration);
            w.key("valueQuantity");
            quantity(w, *duration, "s");
            w.end_object();
        }
        if (any_trigger) {
            std::vector<std::string_view> seen;  // a name the person repeated is one trigger
            for (const Json& t : *triggers) {
                const std::string& name = t.get_ref<const std::string&>();
                if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
                seen.push_back(name);
                w.begin_object().key("code");
                coded(w, kLoinc, kExacerbatingFactors);
                w.key("valueCodeableConcept");
                concept_text(w, spaced(name));
                w.end_object();
            }
        }
        w.end_array();
    }
    close_entry(w);
}

// One Observation per field of a day check-in, in the journal's field order.
void day_observations(JsonWriter& w, const Ids& ids, const Json& day, const std::string& patient) {
    const std::string& date = day["date"].get_ref<const std::string&>();
    constexpr std::string_view social = "social-history", social_display = "Social History";
    constexpr std::string_view activity = "activity", activity_display = "Activity";
    struct Field {
        const char* key;
        std::string_view label;
        bool activity;
        enum { amount, whole_number, text } kind;
        std::string_view unit;
    };
    static constexpr Field kFields[] = {
        {"caffeine_mg", words::caffeine, false, Field::amount, "mg"},
        {"water_ml", words::water, false, Field::amount, "mL"},
        {"sleep_h", words::sleep, true, Field::amount, "h"},
        {"stress", words::stress, false, Field::whole_number, ""},
        {"exercise", words::exercise, true, Field::text, ""},
        {"relaxation_min", words::relaxation, true, Field::amount, "min"},
    };
    for (const Field& f : kFields) {
        auto v = day.find(f.key);
        if (v == day.end()) continue;
        open_entry(w, "Observation", ids.of("Observation/day/" + std::string(f.key), date));
        w.key("status").string("final");
        category(w, f.activity ? activity : social, f.activity ? activity_display : social_display);
        w.key("code");
        if (std::string_view(f.key) == "sleep_h") coded(w, kLoinc, kSleepDuration, f.label);
        else concept_text(w, f.label);
        w.key("subject");
        reference(w, patient);
        w.key("effectiveDateTime").string(date).key("performer").begin_array();
        reference(w, patient);
        w.end_array();
        switch (f.kind) {
            case Field::amount: w.key("valueQuantity"); quantity(w, *v, f.unit); break;
            case Field::whole_number: w.key("valueInteger"); scalar(w, *v); break;
            case Field::text: w.key("valueCodeableConcept"); concept_text(w, v->get_ref<const std::string&>()); break;
        }
        close_entry(w);
    }
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

// Annotation.text is FHIR markdown: the person's note, with every character that markdown
// (or the raw HTML some renderers allow) would act on backslash-escaped, reads as typed
// and never becomes a tag, an entity, a link or emphasis.
std::string fhir_markdown(std::string_view text) {
    std::string out;
    for (char c : fhir_text(text)) {
        if (std::string_view("\\`*_[]<>&").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string journal_fhir(const Journal& journal) {
    const Json& doc = journal.document;
    const Ids ids{sha1_hex(to_text(doc))};
    const std::string patient = ids.of("Patient", "");
    JsonWriter w;
    w.begin_object().key("resourceType").string("Bundle").key("id").string(ids.of("Bundle", ""));
    w.key("language").string("en").key("type").string("collection").key("entry").begin_array();

    open_entry(w, "Patient", patient);
    narrative(w, para(words::patient));
    close_entry(w);

    if (doc.contains("assessments") && !doc["assessments"].empty()) {
        const Json& assessments = doc["assessments"];
        const std::string version = builtin_rules().version;
        questionnaire(w, fhir_uuid(std::string(kQuestionnaireName) + "|" + version), version);
        const std::string canonical = questionnaire_url() + "|" + version;
        for (std::size_t i = 0; i < assessments.size(); ++i) {
            const std::string response = ids.of("QuestionnaireResponse", std::to_string(i));
            questionnaire_response(w, response, assessments[i], patient, canonical);
            result_observation(w, ids.of("Observation/result", std::to_string(i)), assessments[i], patient, response);
        }
    }

    const Json& episodes = doc["episodes"];
    for (std::size_t i = 0; i < journal.episodes.size(); ++i)
        episode_observation(w, ids.of("Observation/episode", episodes[i]["id"].get_ref<const std::string&>()),
                            episodes[i], journal.episodes[i], patient);
    for (const Json& day : doc["days"]) day_observations(w, ids, day, patient);

    w.end_array().end_object();
    return w.finish();
}

}  // namespace twitchcheck
