// The only binding file: JSON text in, JSON text out, straight into core's api.
// Nothing here decides anything; api:: catches every exception, so none reaches JS.
//
// Two modules are built from it (wasm/CMakeLists.txt):
// - twitchcheck.js/.wasm, the app's module: every function, through Embind;
// - twitchcheck-checker.js/.wasm (TWITCHCHECK_CHECKER_MODULE), the widget's module:
//   assess, addLanguage and rulesVersion only, as plain C exports that checker-post.js
//   turns into the same JavaScript functions. Embind's JavaScript runtime alone would
//   take 6 KB gzip of the widget's 80 KB budget (docs/decisions.md).
// `lang` is optional in JavaScript: Embind tells the overloads apart by argument count.
#include "twitchcheck/api.hpp"

#ifndef TWITCHCHECK_CHECKER_MODULE
#include "twitchcheck/journal_session.hpp"

#include <emscripten/bind.h>

namespace {

std::string assess(const std::string& assessment) { return twitchcheck::api::assess(assessment).text; }
std::string assess_in(const std::string& assessment, const std::string& lang) {
    return twitchcheck::api::assess(assessment, lang).text;
}
std::string analyze(const std::string& journal, const std::string& today) {
    return twitchcheck::api::analyze(journal, today).text;
}
std::string validate_journal(const std::string& journal) {
    return twitchcheck::api::validate_journal(journal).text;
}
std::string report(const std::string& journal, const std::string& today, const std::string& format) {
    return twitchcheck::api::report(journal, today, format).text;
}
std::string report_in(const std::string& journal, const std::string& today, const std::string& format,
                      const std::string& lang) {
    return twitchcheck::api::report(journal, today, format, lang).text;
}
std::string add_language(const std::string& language) { return twitchcheck::api::add_language(language).text; }
std::string upgrade_journal(const std::string& journal) {
    return twitchcheck::api::upgrade_journal(journal).text;
}
std::string rules_version() { return twitchcheck::api::rules_version(); }

// JournalSession's methods, each answering its Output's text (JSON or the error document).
using twitchcheck::api::JournalSession;
template <auto Method, class... Args>
std::string session_call(JournalSession& session, const Args&... args) {
    return (session.*Method)(args...).text;
}
template <auto Method, class... Args>
std::string session_read(const JournalSession& session, const Args&... args) {
    return (session.*Method)(args...).text;
}
// report(today, format[, lang]): the language is optional, as in the module's report().
std::string session_report(const JournalSession& session, const std::string& today, const std::string& format) {
    return session.report(today, format).text;
}
std::string session_report_in(const JournalSession& session, const std::string& today, const std::string& format,
                              const std::string& lang) {
    return session.report(today, format, lang).text;
}

}  // namespace

EMSCRIPTEN_BINDINGS(twitchcheck) {
    emscripten::function("assess", &assess);
    emscripten::function("assess", &assess_in);
    emscripten::function("analyze", &analyze);
    emscripten::function("validateJournal", &validate_journal);
    emscripten::function("report", &report);
    emscripten::function("report", &report_in);
    emscripten::function("addLanguage", &add_language);
    emscripten::function("upgradeJournal", &upgrade_journal);
    emscripten::function("rulesVersion", &rules_version);

    emscripten::class_<JournalSession>("JournalSession")
        .constructor<>()
        .function("load", &session_call<&JournalSession::load, std::string>)
        .function("addEpisode", &session_call<&JournalSession::add_episode, std::string>)
        .function("changeEpisode", &session_call<&JournalSession::change_episode, std::string>)
        .function("deleteEpisode", &session_call<&JournalSession::delete_episode, std::string>)
        .function("putDay", &session_call<&JournalSession::put_day, std::string>)
        .function("deleteDay", &session_call<&JournalSession::delete_day, std::string>)
        .function("setPlan", &session_call<&JournalSession::set_plan, std::string>)
        .function("addCheck", &session_call<&JournalSession::add_check, std::string>)
        .function("analyze", &session_read<&JournalSession::analyze, std::string>)
        .function("report", &session_report)
        .function("report", &session_report_in)
        .function("document", &session_read<&JournalSession::document>)
        .function("counts", &session_read<&JournalSession::counts>);
}

#else
#include <emscripten/emscripten.h>

namespace {

std::string input;   // the text JavaScript writes for the next call
std::string lang;    // the language tag of the next assess (empty: English)
std::string output;  // the last answer, read by JavaScript before the next call
bool input_too_large = false;

// Keeps `make()`'s text as the answer; out of memory even for that gives an empty text.
template <class Make>
const char* answer(Make&& make) noexcept {
    try {
        output = make();
    } catch (...) {
        output = std::string();
    }
    input = std::string();  // a large input is not kept between calls
    lang = std::string();
    return output.c_str();
}

}  // namespace

extern "C" {

// Room for `size` bytes of UTF-8 (and a terminating zero); null when there is none.
EMSCRIPTEN_KEEPALIVE char* tc_input(std::size_t size) noexcept {
    try {
        output = std::string();
        input.assign(size + 1, '\0');
        input.resize(size);
        input_too_large = false;
        return input.data();
    } catch (...) {
        input = std::string();
        input_too_large = true;
        return nullptr;
    }
}

// Room for a language tag of `size` bytes for the next tc_assess; null when there is none.
EMSCRIPTEN_KEEPALIVE char* tc_lang(std::size_t size) noexcept {
    try {
        lang.assign(size + 1, '\0');
        lang.resize(size);
        return lang.data();
    } catch (...) {
        lang = std::string();
        return nullptr;
    }
}

// assess() on the text tc_input made room for; the answer stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* tc_assess() noexcept {
    return answer([] {
        return input_too_large
                   ? twitchcheck::error_document({"", "the input is too large to read on this device"})
                   : twitchcheck::api::assess(input, lang).text;
    });
}

// addLanguage() on the text tc_input made room for.
EMSCRIPTEN_KEEPALIVE const char* tc_add_language() noexcept {
    return answer([] {
        return input_too_large
                   ? twitchcheck::error_document({"", "the input is too large to read on this device"})
                   : twitchcheck::api::add_language(input).text;
    });
}

EMSCRIPTEN_KEEPALIVE const char* tc_rules_version() noexcept {
    return answer([] { return twitchcheck::api::rules_version(); });
}

}  // extern "C"
#endif
