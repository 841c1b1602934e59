// Every worked case in ../shared/vignettes, run against the engine.
#include <doctest/doctest.h>

#include "test_files.hpp"
#include "twitchcheck/api.hpp"
#include "twitchcheck/checker.hpp"

using twitchcheck::Json;

TEST_CASE("every vignette gives its expected level, checklist, fired rules and unanswered") {
    const auto files = test_files::list(test_files::shared("vignettes"), ".json");
    REQUIRE(files.size() >= 13);
    for (const auto& file : files) {
        CAPTURE(file);
        const Json vignette = twitchcheck::parse_json(test_files::read(file));
        const auto out = twitchcheck::api::assess(vignette["input"].dump());
        REQUIRE_FALSE(out.error);
        const Json result = twitchcheck::parse_json(out.text);
        const Json& expect = vignette["expect"];
        for (auto it = expect.begin(); it != expect.end(); ++it) {
            CAPTURE(it.key());
            if (it.key() == "fired") {
                Json ids = Json::array();
                for (const auto& f : result["fired"]) ids.push_back(f["id"]);
                CHECK(ids == it.value());
            } else {
                CHECK(result[it.key()] == it.value());
            }
        }
    }
}
