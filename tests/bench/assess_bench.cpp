// How long one assess() takes through the api (parse, validate, evaluate, write), on a
// mix of typical assessments. Prints one line a case; timing never fails anything.
#include "bench_support.hpp"
#include "twitchcheck/api.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using bench::kWhere;
using bench::median;

const std::string kAllNo =
    R"("findings": {"spreading": false, "muscle_wasting": false, "weakness": false, "weakness_progressive": false,
       "asymmetric": false, "numbness_tingling": false, "coordination_changes": false, "slurred_speech": false,
       "swallowing_difficulty": false, "family_history": false, "worsening": false, "cramps": false,
       "sudden_onset_neuro": false, "breathing_hard_now": false, "breathing_problems": false, "function_loss": false,
       "behaviour_changes": false, "stiffness": false, "medicine_suspected": false})";

struct Case {
    const char* name;
    std::string text;
};

}  // namespace

int main() {
    const std::vector<Case> cases{
        {"eyelid_self_care", R"({"schema": "twitchcheck.assessment/1", "duration_days": 3, "lifestyle_changes_tried": false,
            "regions": [{"region": "eyelid", "side": "right"}], )" + kAllNo + R"(, "triggers": ["caffeine", "stress"]})"},
        {"all_unanswered", R"({"schema": "twitchcheck.assessment/1", "duration_days": 4,
            "regions": [{"region": "shoulder", "side": "right"}], "findings": {}, "triggers": []})"},
        {"two_checklist_items", R"({"schema": "twitchcheck.assessment/1", "duration_days": 30, "lifestyle_changes_tried": true,
            "regions": [{"region": "calf", "side": "left"}, {"region": "hand", "side": "right"}],
            "findings": {"weakness": true, "family_history": true}, "triggers": ["fatigue"]})"},
        {"bad_input", R"({"schema": "twitchcheck.assessment/1", "duration_days": 3, "findings": {"weakness": "no"}})"},
    };
    constexpr int kCalls = 20000;
    constexpr int kRounds = 5;
    std::size_t sink = 0;
    for (const auto& c : cases) {
        std::vector<double> per_call;
        for (int round = 0; round < kRounds; ++round) {
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; i < kCalls; ++i) sink += twitchcheck::api::assess(c.text).text.size();
            const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
            per_call.push_back(took.count() / kCalls);
        }
        std::printf("assess_bench %s case=%s us_per_call=%.2f calls=%d\n", kWhere, c.name, median(per_call), kCalls);
    }
    return sink == 0;  // keeps the work from being optimised away
}
