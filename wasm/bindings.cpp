// The only Embind file: JSON text in, JSON text out, straight into core's api.
// Nothing here decides anything; api:: catches every exception, so none reaches JS.
#include <emscripten/bind.h>

#include "twitchcheck/api.hpp"

namespace {

std::string assess(const std::string& assessment) { return twitchcheck::api::assess(assessment).text; }
std::string analyze(const std::string& journal, const std::string& today) {
    return twitchcheck::api::analyze(journal, today).text;
}
std::string validate_journal(const std::string& journal) {
    return twitchcheck::api::validate_journal(journal).text;
}
std::string report(const std::string& journal, const std::string& today, const std::string& format) {
    return twitchcheck::api::report(journal, today, format).text;
}
std::string rules_version() { return twitchcheck::api::rules_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(twitchcheck) {
    emscripten::function("assess", &assess);
    emscripten::function("analyze", &analyze);
    emscripten::function("validateJournal", &validate_journal);
    emscripten::function("report", &report);
    emscripten::function("rulesVersion", &rules_version);
}
