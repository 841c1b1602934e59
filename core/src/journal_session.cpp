// The resident journal's half of the api door: JSON text in, text out, nothing thrown.
// analyze and report call the functions api::analyze and api::report use, on the resident
// model instead of a parsed document.
#include "twitchcheck/journal_session.hpp"

#include "twitchcheck/journal_report.hpp"

namespace twitchcheck::api {

namespace {

std::string ok() { return to_text(Json{{"ok", true}}); }
std::string ok_at(std::size_t index) { return to_text(Json{{"ok", true}, {"index", index}}); }

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

Output JournalSession::report(std::string_view today, std::string_view format) const {
    return guarded([&] { return journal_report(journal_.journal(), read_today(today), format); });
}

Output JournalSession::document() const {
    return guarded([&] { return to_text(journal_.journal().document); });
}

Output JournalSession::counts() const {
    return guarded([&] {
        const Journal& journal = journal_.journal();
        return to_text(Json{{"episodes", journal.episodes.size()},
                            {"days", journal.days.size()},
                            {"assessments", journal.assessments.size()}});
    });
}

}  // namespace twitchcheck::api
