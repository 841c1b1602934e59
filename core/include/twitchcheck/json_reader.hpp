// Reading JSON text whose nesting nobody promised to bound (an imported journal).
#pragma once

#include "twitchcheck/json_text.hpp"

#include <cstddef>
#include <string_view>

namespace twitchcheck {

// Like parse_json, but a list or object nested deeper than `max_depth` (the root is
// depth 1) is kept as an empty list at that depth instead of being built. Why: growing
// an ordered_json object copies its members (pair<const string, json> has no noexcept
// move), and that copy recurses, so `{"a": <100,000-deep list>, "b": 1}` would overflow
// the stack in nlohmann's own parser. Everything validation accepts is far shallower
// than `max_depth`, so the stand-in only ever sits inside something invalid.
Json parse_json_bounded(std::string_view text, std::size_t max_depth);

}  // namespace twitchcheck
