// The FHIR R4 export (docs/fhir.md): the exact resources for one episode, one day check-in
// and one saved check; deterministic ids; the golden file. Schema validation of every
// output against the official FHIR JSON schema is in tests/module/fhir.test.mjs.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"
#include "twitchcheck/journal_fhir.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

using twitchcheck::Json;
namespace api = twitchcheck::api;

namespace {

Json journal_doc() {
    return Json::parse(R"({
      "schema": "twitchcheck.journal/1",
      "episodes": [
        {"id": "e1", "at": "2026-11-20T08:15:00+05:45", "region": "calf", "side": "left", "duration_s": 30,
         "intensity": 2, "triggers": ["caffeine", "poor_sleep", "caffeine"], "note": "after 3 coffees"},
        {"id": "e2", "at": "2026-11-21T23:59:59-03:30", "region": "back", "side": "midline"}
      ],
      "days": [
        {"date": "2026-11-20", "caffeine_mg": 300, "water_ml": 1500, "sleep_h": 6.5, "stress": 7,
         "exercise": "intense", "relaxation_min": 0}
      ],
      "assessments": [
        {"at": "2026-11-21T09:00:00+01:00",
         "input": {"schema": "twitchcheck.assessment/1", "duration_days": 21, "regions": [{"region": "calf", "side": "left"}],
                   "findings": {"spreading": true, "weakness": false}, "triggers": ["caffeine"]},
         "level": "prompt", "rules_version": "2026.11.1"}
      ]
    })");
}

Json bundle_of(const Json& doc) {
    const auto out = api::report(doc.dump(), "2026-11-22", "fhir");
    REQUIRE_FALSE(out.error);
    return Json::parse(out.text);
}

// The id the mapping gives a resource of this journal (docs/fhir.md "Ids").
std::string id_of(const Json& doc, const std::string& kind, const std::string& key) {
    return twitchcheck::fhir_uuid(twitchcheck::sha1_hex(twitchcheck::to_text(doc)) + "/" + kind + "/" + key);
}

const Json& resource_with_id(const Json& bundle, const std::string& id) {
    for (const Json& e : bundle["entry"])
        if (e["resource"]["id"] == id) return e["resource"];
    FAIL("no resource with id " << id);
    throw;
}

}  // namespace

TEST_CASE("SHA-1 and name-based UUIDs give the FIPS 180-4 and RFC 9562 (version 5) values") {
    CHECK(twitchcheck::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(twitchcheck::sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(twitchcheck::sha1_hex(std::string(1000, 'a')) == "291e9a6c66994949b57ba5e650361e98fc36b1ba");
    // Python: uuid.uuid5(uuid.UUID("3266c153-6257-49b9-a651-d7066f192958"), "x")
    CHECK(twitchcheck::fhir_uuid("x") == "0d79ef33-7bf3-5b6c-a2f6-c7145b1cceda");
    CHECK(twitchcheck::fhir_uuid("") == "ee4ed238-6c1e-5174-b002-2f5dbf91d22a");
}

TEST_CASE("text a FHIR string cannot hold becomes a space; everything else is kept") {
    CHECK(twitchcheck::fhir_text("a\u00a0b\x01" "c\td\r\ne \u2028f\u3000g\ufeff") == "a b c\td\r\ne  f g ");
    CHECK(twitchcheck::fhir_text("é ☃ 😀 <b>&") == "é ☃ 😀 <b>&");
}

TEST_CASE("the bundle is a collection whose entries carry urn:uuid full URLs equal to their ids") {
    const Json doc = journal_doc();
    const Json bundle = bundle_of(doc);
    CHECK(bundle["resourceType"] == "Bundle");
    CHECK(bundle["type"] == "collection");
    CHECK(bundle["id"] == id_of(doc, "Bundle", ""));
    // Patient, Questionnaire, the response and its result, 2 episodes, 6 day fields.
    REQUIRE(bundle["entry"].size() == 12);
    std::vector<std::string> types;
    for (const Json& e : bundle["entry"]) {
        CHECK(e["fullUrl"] == "urn:uuid:" + e["resource"]["id"].get<std::string>());
        types.push_back(e["resource"]["resourceType"]);
    }
    CHECK(types == std::vector<std::string>{"Patient", "Questionnaire", "QuestionnaireResponse", "Observation",
                                            "Observation", "Observation", "Observation", "Observation", "Observation",
                                            "Observation", "Observation", "Observation"});
}

TEST_CASE("an episode is an Observation with its time, body site and side, strength, length, triggers and note") {
    const Json doc = journal_doc();
    const Json bundle = bundle_of(doc);
    const std::string patient = "urn:uuid:" + id_of(doc, "Patient", "");
    const std::string id = id_of(doc, "Observation/episode", "e1");
    const Json expected = Json::parse(R"j({
      "resourceType": "Observation",
      "id": ")j" + id + R"j(",
      "status": "final",
      "code": {"coding": [{"system": "http://loinc.org", "code": "75325-1", "display": "Symptom"}]},
      "subject": {"reference": ")j" + patient + R"j("},
      "effectiveDateTime": "2026-11-20T08:15:00+05:45",
      "performer": [{"reference": ")j" + patient + R"j("}],
      "valueCodeableConcept": {"text": "Muscle twitch (fasciculation), as reported by the person"},
      "note": [{"text": "after 3 coffees"}],
      "bodySite": {
        "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality",
                       "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "7771000",
                                                            "display": "Left (qualifier value)"}], "text": "left"}}],
        "coding": [{"system": "http://snomed.info/sct", "code": "53840002", "display": "Structure of calf of leg"}],
        "text": "calf, left"
      },
      "component": [
        {"code": {"text": "Strength, from 1 (very faint) to 5 (very strong)"}, "valueInteger": 2},
        {"code": {"text": "How long it lasted"},
         "valueQuantity": {"value": 30, "unit": "s", "system": "http://unitsofmeasure.org", "code": "s"}},
        {"code": {"coding": [{"system": "http://loinc.org", "code": "100752-5", "display": "Exacerbating factors - Reported"}]},
         "valueCodeableConcept": {"text": "caffeine"}},
        {"code": {"coding": [{"system": "http://loinc.org", "code": "100752-5", "display": "Exacerbating factors - Reported"}]},
         "valueCodeableConcept": {"text": "poor sleep"}}
      ]
    })j");
    CHECK(resource_with_id(bundle, id).dump(2) == expected.dump(2));
}

TEST_CASE("an episode in the middle of a region with no confirmed code has text alone for its body site") {
    const Json doc = journal_doc();
    const Json episode = resource_with_id(bundle_of(doc), id_of(doc, "Observation/episode", "e2"));
    CHECK(episode["bodySite"] == Json{{"text", "back, midline"}});
    CHECK(episode["effectiveDateTime"] == "2026-11-21T23:59:59-03:30");
    CHECK_FALSE(episode.contains("component"));
    CHECK_FALSE(episode.contains("note"));
}

TEST_CASE("a day check-in is one Observation per field, with UCUM units and LOINC sleep duration") {
    const Json doc = journal_doc();
    const Json bundle = bundle_of(doc);
    const std::string patient = "urn:uuid:" + id_of(doc, "Patient", "");
    const std::string sleep_id = id_of(doc, "Observation/day/sleep_h", "2026-11-20");
    const Json expected = Json::parse(R"({
      "resourceType": "Observation",
      "id": ")" + sleep_id + R"(",
      "status": "final",
      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                "code": "activity", "display": "Activity"}]}],
      "code": {"coding": [{"system": "http://loinc.org", "code": "93832-4", "display": "Sleep duration"}],
               "text": "Sleep the night before"},
      "subject": {"reference": ")" + patient + R"("},
      "effectiveDateTime": "2026-11-20",
      "performer": [{"reference": ")" + patient + R"("}],
      "valueQuantity": {"value": 6.5, "unit": "h", "system": "http://unitsofmeasure.org", "code": "h"}
    })");
    CHECK(resource_with_id(bundle, sleep_id).dump(2) == expected.dump(2));

    struct Field {
        const char* key;
        const char* value_key;
        Json value;
    };
    const std::vector<Field> fields{
        {"caffeine_mg", "valueQuantity", Json{{"value", 300}, {"unit", "mg"}, {"system", "http://unitsofmeasure.org"}, {"code", "mg"}}},
        {"water_ml", "valueQuantity", Json{{"value", 1500}, {"unit", "mL"}, {"system", "http://unitsofmeasure.org"}, {"code", "mL"}}},
        {"stress", "valueInteger", 7},
        {"exercise", "valueCodeableConcept", Json{{"text", "intense"}}},
        {"relaxation_min", "valueQuantity", Json{{"value", 0}, {"unit", "min"}, {"system", "http://unitsofmeasure.org"}, {"code", "min"}}},
    };
    for (const Field& f : fields) {
        CAPTURE(f.key);
        const Json& obs = resource_with_id(bundle, id_of(doc, std::string("Observation/day/") + f.key, "2026-11-20"));
        CHECK(obs[f.value_key] == f.value);
        CHECK(obs["effectiveDateTime"] == "2026-11-20");
        CHECK_FALSE(obs["code"].contains("coding"));  // no LOINC code confirmed for these
    }
}

TEST_CASE("a saved check is a QuestionnaireResponse with the answers given, and an Observation with the result") {
    const Json doc = journal_doc();
    const Json bundle = bundle_of(doc);
    const std::string version = twitchcheck::builtin_rules().version;
    const Json& questionnaire = bundle["entry"][1]["resource"];
    CHECK(questionnaire["url"] == "urn:uuid:" + twitchcheck::fhir_uuid("Questionnaire/twitchcheck-checker"));
    CHECK(questionnaire["version"] == version);
    CHECK(questionnaire["id"] == twitchcheck::fhir_uuid("Questionnaire/twitchcheck-checker|" + version));
    CHECK(questionnaire["item"].size() == 7);
    REQUIRE(questionnaire["item"][5]["item"].size() == twitchcheck::kFindingNames.size());
    for (std::size_t i = 0; i < twitchcheck::kFindingNames.size(); ++i) {
        const Json& item = questionnaire["item"][5]["item"][i];
        CHECK(item["linkId"] == "findings." + std::string(twitchcheck::kFindingNames[i]));
        CHECK(item["type"] == "boolean");
    }
    CHECK(questionnaire["item"][5]["item"][13] ==
          Json{{"linkId", "findings.breathing_hard_now"}, {"text", "Struggling to breathe right now"}, {"type", "boolean"}});

    const std::string response_id = id_of(doc, "QuestionnaireResponse", "0");
    const Json& response = resource_with_id(bundle, response_id);
    CHECK(response["questionnaire"] == questionnaire["url"].get<std::string>() + "|" + version);
    CHECK(response["status"] == "completed");
    CHECK(response["authored"] == "2026-11-21T09:00:00+01:00");
    CHECK(response["item"] == Json::parse(R"([
      {"linkId": "duration_days", "answer": [{"valueInteger": 21}]},
      {"linkId": "regions", "item": [{"linkId": "regions.region", "answer": [{"valueString": "calf"}]},
                                     {"linkId": "regions.side", "answer": [{"valueString": "left"}]}]},
      {"linkId": "findings", "item": [{"linkId": "findings.spreading", "answer": [{"valueBoolean": true}]},
                                      {"linkId": "findings.weakness", "answer": [{"valueBoolean": false}]}]},
      {"linkId": "triggers", "answer": [{"valueString": "caffeine"}]}
    ])"));

    const Json& result = resource_with_id(bundle, id_of(doc, "Observation/result", "0"));
    CHECK(result["valueCodeableConcept"] == Json{{"text", "prompt: see a neurologist within 2 to 3 weeks"}});
    CHECK(result["effectiveDateTime"] == "2026-11-21T09:00:00+01:00");
    CHECK(result["derivedFrom"] == Json::array({Json{{"reference", "urn:uuid:" + response_id}}}));
    CHECK(result["method"] == Json{{"text", "twitchcheck checker, rule set " + version}});
    std::vector<std::string> rule_ids;
    for (const Json& c : result["component"]) {
        CHECK(c["code"] == Json{{"text", "Rule that applied"}});
        rule_ids.push_back(c["valueString"]);
    }
    CHECK(rule_ids == std::vector<std::string>{"RF-SPREADING", "RF-PERSISTENT", "SELF-CARE"});
    const std::string div = result["text"]["div"];
    CHECK(div.rfind("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Result: </b>prompt: see a neurologist", 0) == 0);
    CHECK(div.find("<li><b>RF-SPREADING</b> (prompt): ") != std::string::npos);
    CHECK(result["note"].back() == Json{{"text", twitchcheck::language("en").disclaimer}});
}

TEST_CASE("a saved check answers the questions added with NICE NG42 and the NHS page, and its result names their rules") {
    Json doc = journal_doc();
    doc["assessments"][0]["input"]["findings"] = Json{{"spreading", false}, {"breathing_problems", true},
                                                      {"stiffness", false}, {"medicine_suspected", true}};
    doc["assessments"][0]["input"]["regions"].push_back(Json{{"region", "tongue"}, {"side", "midline"}});
    const Json bundle = bundle_of(doc);
    const Json& response = resource_with_id(bundle, id_of(doc, "QuestionnaireResponse", "0"));
    CHECK(response["item"][3] == Json::parse(R"(
      {"linkId": "findings", "item": [{"linkId": "findings.spreading", "answer": [{"valueBoolean": false}]},
                                      {"linkId": "findings.breathing_problems", "answer": [{"valueBoolean": true}]},
                                      {"linkId": "findings.stiffness", "answer": [{"valueBoolean": false}]},
                                      {"linkId": "findings.medicine_suspected", "answer": [{"valueBoolean": true}]}]}
    )"));
    const Json& result = resource_with_id(bundle, id_of(doc, "Observation/result", "0"));
    CHECK(result["valueCodeableConcept"] ==
          Json{{"text", "urgent: urgent referral within days; imaging such as MRI may be needed"}});
    std::vector<std::string> rule_ids;
    for (const Json& c : result["component"]) rule_ids.push_back(c["valueString"]);
    CHECK(rule_ids == std::vector<std::string>{"RF-BREATHING", "RF-TONGUE", "RF-PERSISTENT", "RF-MANY-PLACES",
                                               "RF-MEDICINE", "SELF-CARE"});
}

TEST_CASE("a saved check whose answers no longer fit the checker keeps its stored level and says why") {
    Json doc = journal_doc();
    doc["assessments"][0]["input"] = Json{{"schema", "twitchcheck.assessment/0"}, {"days", 29}};
    doc["assessments"][0]["level"] = "consult";
    doc["assessments"][0]["rules_version"] = "2025.01.1";
    const Json bundle = bundle_of(doc);
    const Json& result = resource_with_id(bundle, id_of(doc, "Observation/result", "0"));
    CHECK(result["valueCodeableConcept"] == Json{{"text", "consult: book a visit with a doctor (or the named specialist)"}});
    CHECK(result["method"] == Json{{"text", "twitchcheck checker, rule set 2025.01.1"}});
    CHECK_FALSE(result.contains("component"));
    CHECK(result["note"][0]["text"].get<std::string>().find("(input.schema: ") != std::string::npos);
    CHECK_FALSE(resource_with_id(bundle, id_of(doc, "QuestionnaireResponse", "0")).contains("item"));
}

TEST_CASE("the same journal gives the same bytes; a changed note gives every resource a new id") {
    const Json doc = journal_doc();
    const std::string text = api::report(doc.dump(), "2026-11-22", "fhir").text;
    CHECK(api::report(doc.dump(), "2026-11-22", "fhir").text == text);
    CHECK(api::report(doc.dump(), "2027-01-01", "fhir").text == text);  // `today` adds nothing
    Json changed = doc;
    changed["episodes"][0]["note"] = "after 4 coffees";
    const Json a = Json::parse(text), b = bundle_of(changed);
    CHECK(a["id"] != b["id"]);
    CHECK(a["entry"][0]["fullUrl"] != b["entry"][0]["fullUrl"]);
    CHECK(a["entry"][1]["fullUrl"] == b["entry"][1]["fullUrl"]);  // the Questionnaire is the same one
}

TEST_CASE("an empty journal is a bundle with the Patient alone") {
    const Json bundle = Json::parse(
        api::report(R"({"schema": "twitchcheck.journal/1", "episodes": [], "days": []})", "2026-05-10", "fhir").text);
    REQUIRE(bundle["entry"].size() == 1);
    CHECK(bundle["entry"][0]["resource"]["resourceType"] == "Patient");
}

TEST_CASE("FHIR bundle matches the golden file (tests/golden/report-fhir.json)") {
    const auto out = api::report(test_files::read(test_files::source("tests/fixtures/fhir-journal.json")), "2026-03-31", "fhir");
    REQUIRE_FALSE(out.error);
    const std::string golden_path = test_files::source("tests/golden/report-fhir.json");
    if (std::getenv("TWITCHCHECK_UPDATE_GOLDEN")) std::ofstream(golden_path, std::ios::binary) << out.text;
    CHECK(out.text == test_files::read(golden_path));
}

TEST_CASE("a note is FHIR markdown with markdown's and HTML's characters escaped, so it reads as typed") {
    CHECK(twitchcheck::fhir_markdown("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
    CHECK(twitchcheck::fhir_markdown("[x](javascript:alert(4)) & *b* _i_ `c` \\") ==
          "\\[x\\](javascript:alert(4)) \\& \\*b\\* \\_i\\_ \\`c\\` \\\\");
    CHECK(twitchcheck::fhir_markdown("after 3 coffees, \"strong\" ones\u00a0ok") == "after 3 coffees, \"strong\" ones ok");
}
