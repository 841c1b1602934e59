// The resident journal's half of the api door: JSON text in, text out, nothing thrown.
// analyze and report call the functions api::analyze and api::report use, on the resident
// model instead of a parsed document.
#include "twitchcheck/journal_session.hpp"

#include "twitchcheck/journal_report.hpp"

namespace twitchcheck::api {

namespace {

// Small answers written directly: a Json built from an initializer list costs kilobytes of wasm.
std::string ok() { return JsonWriter().begin_object().key("ok").boolean(true).end_object().finish(); }
std::string ok_at(std::size_t index) {
    JsonWriter w;
    w.begin_object().key("ok").boolean(true).key("index").integer(static_cast<long long>(index));
    return w.end_object().finish();
}

}  // namespace

Output JournalSession::load(std::string_view document) {
    return guarded([&] {
        journal_.load(document);
        return ok();
    });
}

Output JournalSession::add_episode(std::string_view episode) {
    return guarded([&] { return ok_at(journal_.add_episode(episode)); });
}

Output JournalSession::change_episode(std::string_view episode) {
    return guarded([&] { return ok_at(journal_.change_episode(episode)); });
}

Output JournalSession::delete_episode(std::string_view id) {
    return guarded([&] { return ok_at(journal_.delete_episode(id)); });
}

Output JournalSession::put_day(std::string_view day) {
    return guarded([&] { return ok_at(journal_.put_day(day)); });
}

Output JournalSession::delete_day(std::string_view date) {
    return guarded([&] { return ok_at(journal_.delete_day(date)); });
}

Output JournalSession::set_plan(std::string_view plan) {
    return guarded([&] {
        journal_.set_plan(plan);
        return ok();
    });
}

Output JournalSession::add_check(std::string_view check) {
    return guarded([&] { return ok_at(journal_.add_check(check)); });
}

Output JournalSession::analyze(std::string_view today) const {
    return guarded([&] { return to_text(analysis_json(twitchcheck::analyze(journal_.journal(), read_today(today)))); });
}

Output JournalSession::report(std::string_view today, std::string_view format, std::string_view lang) const {
    return guarded([&] { return journal_report(journal_.journal(), read_today(today), format, language(lang)); });
}

Output JournalSession::document() const {
    return guarded([&] { return to_text(journal_.journal().document); });
}

Output JournalSession::counts() const {
    return guarded([&] {
        const Journal& journal = journal_.journal();
        JsonWriter w;
        w.begin_object().key("episodes").integer(static_cast<long long>(journal.episodes.size()));
        w.key("days").integer(static_cast<long long>(journal.days.size()));
        w.key("assessments").integer(static_cast<long long>(journal.assessments.size()));
        return w.end_object().finish();
    });
}

}  // namespace twitchcheck::api
