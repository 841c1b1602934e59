// The resident journal: one record validated and applied at a time. Every change checks
// everything first, then makes room (which may throw), then applies moves that cannot
// throw, so a failed change leaves the journal as it was.
#include "twitchcheck/resident_journal.hpp"

#include "journal_records.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace twitchcheck {

namespace {

// Where a record sits in a document: a list item at depth 3, the plan object at depth 2.
constexpr std::size_t kListItemDepth = 3;
constexpr std::size_t kPlanDepth = 2;

// Room for one more element, growing geometrically (amortised O(1) appends).
template <class List>
void make_room(List& list) {
    if (list.size() == list.capacity()) list.reserve(std::max<std::size_t>(16, list.size() * 2));
}

// The string member `key` of `record`, or nullptr.
const std::string* text_member(const Json& record, const char* key) {
    if (!record.is_object()) return nullptr;
    auto it = record.find(key);
    return it != record.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

// After removing the record at `removed`, the ones after it move down by one.
template <class Map>
void shift_down_after(Map& at, std::size_t removed) {
    for (auto& entry : at)
        if (entry.second > removed) --entry.second;
}

}  // namespace

ResidentJournal::ResidentJournal() {
    journal_.document = Json::object();
    journal_.document["schema"] = std::string(kJournalSchemaPrefix) + std::to_string(kJournalVersion);
    journal_.document["episodes"] = Json::array();
    journal_.document["days"] = Json::array();
}

void ResidentJournal::index_records() {
    const auto& episodes = journal_.document["episodes"].get_ref<const Json::array_t&>();
    episode_at_.reserve(episodes.size());
    for (std::size_t i = 0; i < episodes.size(); ++i) episode_at_.emplace(records::episode_id(episodes[i]), i);
    day_at_.reserve(journal_.days.size());
    for (std::size_t i = 0; i < journal_.days.size(); ++i) day_at_.emplace(journal_.days[i].date, i);
}

void ResidentJournal::load(std::string_view document_text) {
    ResidentJournal loaded;
    loaded.journal_ = read_journal(document_text);
    loaded.index_records();
    *this = std::move(loaded);
}

std::size_t ResidentJournal::add_episode(std::string_view episode_text) {
    Json item = records::parse_record(episode_text, kListItemDepth);
    const std::size_t index = journal_.episodes.size();
    const Episode episode = records::read_episode(
        item, index, [&](std::string_view id) { return episode_at_.find(std::string(id)) == episode_at_.end(); });

    auto& items = journal_.document["episodes"].get_ref<Json::array_t&>();
    make_room(items);
    make_room(journal_.episodes);
    episode_at_.emplace(records::episode_id(item), index);  // the last step that may throw
    items.push_back(std::move(item));
    journal_.episodes.push_back(episode);
    return index;
}

std::size_t ResidentJournal::change_episode(std::string_view episode_text) {
    Json item = records::parse_record(episode_text, kListItemDepth);
    if (!item.is_object()) throw InputError("", "must be an episode (a JSON object), not " + std::string(type_words(item)));
    const std::string* id = text_member(item, "id");
    const auto found = id ? episode_at_.find(*id) : episode_at_.end();
    if (found == episode_at_.end()) throw InputError("id", "is not the id of an episode in this journal");
    const std::size_t index = found->second;
    // Its own id is the only one it may repeat, and the map holds each id once.
    const Episode episode = records::read_episode(item, index, [](std::string_view) { return true; });

    journal_.document["episodes"][index] = std::move(item);
    journal_.episodes[index] = episode;
    return index;
}

std::size_t ResidentJournal::delete_episode(std::string_view id) {
    const auto found = episode_at_.find(std::string(id));
    if (found == episode_at_.end()) throw InputError("id", "is not the id of an episode in this journal");
    const std::size_t index = found->second;
    auto& items = journal_.document["episodes"].get_ref<Json::array_t&>();
    episode_at_.erase(found);
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
    journal_.episodes.erase(journal_.episodes.begin() + static_cast<std::ptrdiff_t>(index));
    if (index < journal_.episodes.size()) shift_down_after(episode_at_, index);
    return index;
}

std::size_t ResidentJournal::put_day(std::string_view day_text) {
    Json item = records::parse_record(day_text, kListItemDepth);
    std::size_t index = journal_.days.size();
    if (const std::string* date = text_member(item, "date"))
        if (auto day = parse_date(*date))
            if (auto found = day_at_.find(*day); found != day_at_.end()) index = found->second;
    const DayEntry day = records::read_day(item, index, [&](DayNumber date) {
        auto found = day_at_.find(date);
        return found == day_at_.end() || found->second == index;
    });

    auto& items = journal_.document["days"].get_ref<Json::array_t&>();
    if (index < journal_.days.size()) {
        items[index] = std::move(item);
        journal_.days[index] = day;
        return index;
    }
    make_room(items);
    make_room(journal_.days);
    day_at_.emplace(day.date, index);  // the last step that may throw
    items.push_back(std::move(item));
    journal_.days.push_back(day);
    return index;
}

std::size_t ResidentJournal::delete_day(std::string_view date) {
    const auto day = parse_date(date);
    if (!day) throw InputError("date", "must be a real date written YYYY-MM-DD");
    const auto found = day_at_.find(*day);
    if (found == day_at_.end()) throw InputError("date", "is not the date of a day in this journal");
    const std::size_t index = found->second;
    auto& items = journal_.document["days"].get_ref<Json::array_t&>();
    day_at_.erase(found);
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
    journal_.days.erase(journal_.days.begin() + static_cast<std::ptrdiff_t>(index));
    if (index < journal_.days.size()) shift_down_after(day_at_, index);
    return index;
}

void ResidentJournal::set_plan(std::string_view plan_text) {
    Json plan = records::parse_record(plan_text, kPlanDepth);
    const std::optional<DayNumber> started = records::read_plan(plan);
    Json& slot = journal_.document["plan"];  // may throw before anything changed
    slot = std::move(plan);
    journal_.plan_started = started;
}

std::size_t ResidentJournal::add_check(std::string_view check_text) {
    Json item = records::parse_record(check_text, kListItemDepth);
    const std::size_t index = journal_.assessments.size();
    const StoredAssessment stored = records::read_assessment(item, index);

    make_room(journal_.assessments);
    Json& document = journal_.document;
    if (auto list = document.find("assessments"); list != document.end()) {
        auto& items = list->get_ref<Json::array_t&>();
        make_room(items);
        items.push_back(std::move(item));
    } else {
        Json items = Json::array();
        items.push_back(std::move(item));
        document["assessments"] = std::move(items);  // may throw before anything changed
    }
    journal_.assessments.push_back(stored);
    return index;
}

}  // namespace twitchcheck
