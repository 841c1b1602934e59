// The facts a rule may name: the 19 findings, the answers that are numbers or yes/no,
// the number of different body regions, and the checklist items (after the named facts,
// in the rule file's order).
#pragma once

#include "twitchcheck/vocabulary.hpp"

#include <optional>
#include <string_view>

namespace twitchcheck {

inline constexpr int kFactLifestyle = static_cast<int>(kFindingNames.size());
inline constexpr int kFactDurationDays = kFactLifestyle + 1;
inline constexpr int kFactSelfCareWeeks = kFactLifestyle + 2;
inline constexpr int kFactImproved = kFactLifestyle + 3;
inline constexpr int kFactDistinctRegions = kFactLifestyle + 4;  // different `region` values (sides do not count)
inline constexpr int kFactChecklistCount = kFactLifestyle + 5;
inline constexpr int kFactFirstChecklistItem = kFactLifestyle + 6;

enum class FactType { boolean, number, yes_no_unknown };

inline FactType fact_type(int id) {
    if (id == kFactDurationDays || id == kFactSelfCareWeeks || id == kFactDistinctRegions || id == kFactChecklistCount)
        return FactType::number;
    if (id == kFactImproved) return FactType::yes_no_unknown;
    return FactType::boolean;
}

// The id of a fact name; `item(k)` names the k-th of `items` checklist items.
template <class ItemName>
std::optional<int> fact_id(std::string_view name, std::size_t items, ItemName item) {
    if (auto f = index_of(kFindingNames, name)) return static_cast<int>(*f);
    if (name == "lifestyle_changes_tried") return kFactLifestyle;
    if (name == "duration_days") return kFactDurationDays;
    if (name == "self_care_weeks") return kFactSelfCareWeeks;
    if (name == "improved") return kFactImproved;
    if (name == "distinct_regions") return kFactDistinctRegions;
    if (name == "checklist_count" && items > 0) return kFactChecklistCount;
    for (std::size_t k = 0; k < items; ++k)
        if (item(k) == name) return kFactFirstChecklistItem + static_cast<int>(k);
    return std::nullopt;
}

}  // namespace twitchcheck
