// One validator per kind of journal record (journal.md, "Precise definitions"). Whole-document
// validation (load_journal) and the resident journal's one-record changes both call these,
// so a record gets the same rules, messages and JSON paths either way.
#pragma once

#include "twitchcheck/journal.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace twitchcheck::records {

// Claims an id (or a date) for the record being read: false when an earlier record holds it.
using IdClaim = std::function<bool(std::string_view)>;
using DateClaim = std::function<bool(DayNumber)>;

// `item` read as the element `episodes[index]` of a document; throws InputError at the first
// problem in journal.md's order (a repeated id right after the id's own checks).
Episode read_episode(const Json& item, std::size_t index, const IdClaim& claim);
DayEntry read_day(const Json& item, std::size_t index, const DateClaim& claim);
// The `plan` object: its start, or nullopt for `{}`.
std::optional<DayNumber> read_plan(const Json& plan);
// An `assessments` entry; `index` is its place in the list.
StoredAssessment read_assessment(const Json& item, std::size_t index);

// The `id` of an episode that read_episode accepted.
const std::string& episode_id(const Json& item);

// Nesting allowed in a whole document (the root is depth 1): every valid journal is far
// shallower, and the bound keeps parsing free of deep recursion (json_reader.hpp).
inline constexpr std::size_t kDocumentDepth = 4 + kMaxInputDepth + 8;
// Parses one record's text with the bound a document gives it where it sits (a list item
// sits at depth 3, the plan at depth 2), so a record nested too deeply fails as it would
// inside a document.
Json parse_record(std::string_view text, std::size_t depth_in_document);

}  // namespace twitchcheck::records
