// The house JSON text: numbers as the shortest round-trip text, strings escaped.
#include <doctest/doctest.h>

#include "twitchcheck/json_text.hpp"

#include <cmath>

TEST_CASE("numbers print as the shortest text that reads back as the same double") {
    CHECK(twitchcheck::number_text(1.0) == "1.0");
    CHECK(twitchcheck::number_text(0.625) == "0.625");
    CHECK(twitchcheck::number_text(0.1 + 0.2) == "0.30000000000000004");
    CHECK(twitchcheck::number_text(1.2857142857142858) == "1.2857142857142858");
    CHECK(twitchcheck::number_text(0.2753623188405797) == "0.2753623188405797");
    CHECK(twitchcheck::number_text(22.06158617295785) == "22.06158617295785");
    CHECK(twitchcheck::number_text(8.0) == "8.0");
    CHECK(twitchcheck::number_text(1e-05) == "1e-05");
    CHECK(twitchcheck::number_text(0.0001) == "0.0001");
    CHECK(twitchcheck::number_text(1e16) == "1e+16");
    CHECK(twitchcheck::number_text(123456789012345.0) == "123456789012345.0");
    CHECK(twitchcheck::number_text(-2.5) == "-2.5");
    CHECK(twitchcheck::number_text(0.0) == "0.0");
    CHECK(twitchcheck::number_text(5e-324) == "5e-324");
    CHECK(twitchcheck::number_text(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(twitchcheck::number_text(std::nan("")) == "null");
}

TEST_CASE("strings are escaped as JSON and non-ASCII text is kept as UTF-8") {
    const twitchcheck::Json v = {{"note", "a \"quote\" \\ <tag>\n\t\x01 é"}};
    CHECK(twitchcheck::to_text(v) == "{\n  \"note\": \"a \\\"quote\\\" \\\\ <tag>\\n\\t\\u0001 é\"\n}\n");
    CHECK(twitchcheck::parse_json(twitchcheck::to_text(v)) == v);
}

TEST_CASE("text that is not JSON is refused with the empty path") {
    for (const char* bad : {"", "{", "nul", "[1,]", "{\"a\":1}x", "\"\xff\""}) {
        CAPTURE(bad);
        try {
            twitchcheck::parse_json(bad);
            FAIL("accepted");
        } catch (const twitchcheck::InputError& e) {
            CHECK(e.error().path == "");
            CHECK(e.error().message == "this is not valid JSON text");
        }
    }
}

TEST_CASE("the error document names the path and the message") {
    CHECK(twitchcheck::error_document({"findings.weakness", "expected true or false"}) ==
          "{\n  \"schema\": \"twitchcheck.error/1\",\n  \"error\": {\n    \"path\": \"findings.weakness\",\n"
          "    \"message\": \"expected true or false\"\n  }\n}\n");
}
