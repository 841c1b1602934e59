// The public names of checker.md: body regions, muscle groups, sides, triggers,
// levels and finding keys. Their order here is the contract's order.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace twitchcheck {

enum class Group { head, arms, trunk, legs };
inline constexpr std::array<std::string_view, 4> kGroupNames{"head", "arms", "trunk", "legs"};

enum class Region {
    eyelid, face, tongue,
    shoulder, upper_arm, forearm, hand,
    neck, chest, back, abdomen,
    thigh, calf, foot,
};
inline constexpr std::array<std::string_view, 14> kRegionNames{
    "eyelid", "face", "tongue",
    "shoulder", "upper_arm", "forearm", "hand",
    "neck", "chest", "back", "abdomen",
    "thigh", "calf", "foot",
};
inline constexpr std::array<Group, 14> kRegionGroup{
    Group::head, Group::head, Group::head,
    Group::arms, Group::arms, Group::arms, Group::arms,
    Group::trunk, Group::trunk, Group::trunk, Group::trunk,
    Group::legs, Group::legs, Group::legs,
};

enum class Side { left, right, both, midline };
inline constexpr std::array<std::string_view, 4> kSideNames{"left", "right", "both", "midline"};

enum class Trigger { caffeine, stress, fatigue, dehydration, intense_exercise, poor_sleep };
inline constexpr std::array<std::string_view, 6> kTriggerNames{
    "caffeine", "stress", "fatigue", "dehydration", "intense_exercise", "poor_sleep"};

// Most urgent first: a smaller value is more urgent.
enum class Level { emergency, immediate, urgent, prompt, consult, monitor, self_care };
inline constexpr std::array<std::string_view, 7> kLevelNames{
    "emergency", "immediate", "urgent", "prompt", "consult", "monitor", "self_care"};

// In the order of checker.md's input example (the order `unanswered` uses).
inline constexpr std::array<std::string_view, 19> kFindingNames{
    "spreading", "muscle_wasting", "weakness", "weakness_progressive", "asymmetric",
    "numbness_tingling", "coordination_changes", "slurred_speech", "swallowing_difficulty",
    "family_history", "worsening", "cramps", "sudden_onset_neuro", "breathing_hard_now",
    "breathing_problems", "function_loss", "behaviour_changes", "stiffness", "medicine_suspected"};

// Index of `name` in `names`, or nullopt when it is not one of them.
template <std::size_t N>
constexpr std::optional<std::size_t> index_of(const std::array<std::string_view, N>& names,
                                              std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return i;
    return std::nullopt;
}

template <class E, std::size_t N>
constexpr std::optional<E> parse_name(const std::array<std::string_view, N>& names,
                                      std::string_view name) {
    if (auto i = index_of(names, name)) return static_cast<E>(*i);
    return std::nullopt;
}

template <class E, std::size_t N>
constexpr std::string_view name_of(const std::array<std::string_view, N>& names, E value) {
    return names[static_cast<std::size_t>(value)];
}

inline constexpr Group group_of(Region r) { return kRegionGroup[static_cast<std::size_t>(r)]; }
inline constexpr std::string_view to_string(Region r) { return name_of(kRegionNames, r); }
inline constexpr std::string_view to_string(Group g) { return name_of(kGroupNames, g); }
inline constexpr std::string_view to_string(Side s) { return name_of(kSideNames, s); }
inline constexpr std::string_view to_string(Trigger t) { return name_of(kTriggerNames, t); }
inline constexpr std::string_view to_string(Level l) { return name_of(kLevelNames, l); }

}  // namespace twitchcheck
