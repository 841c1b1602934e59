// The one door both the CLI and the WebAssembly module go through: JSON text in, JSON
// text out. Nothing thrown here escapes; bad input comes back as an Error.
#pragma once

#include "twitchcheck/json_text.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace twitchcheck::api {

// `text` is the answer; when `error` is set, `text` is the twitchcheck.error/1 document.
struct Output {
    std::string text;
    std::optional<Error> error;
};

// `lang` is a language tag (`de`, `de-AT`, `FR`); it is matched by language(): the tag,
// else its primary subtag, else English (also when empty).
Output assess(std::string_view assessment_json, std::string_view lang = {});
Output analyze(std::string_view journal_json, std::string_view today);
Output validate_journal(std::string_view journal_json);
Output report(std::string_view journal_json, std::string_view today, std::string_view format,
              std::string_view lang = {});
// Adds a language from its file's JSON text, checked against English (add_language()):
// {"ok": true, "lang": TAG} or an error. Later calls may then ask for it by its tag.
Output add_language(std::string_view language_json);
// The journal in the current format: an older document migrated (journal-migrations.md),
// then validated; a current one validated. As house JSON text, or an error.
Output upgrade_journal(std::string_view journal_json);
std::string rules_version();
// The built-in rule file, as text.
std::string rules_text();
// Loads another rule file and runs its example cases: {"ok": true, ...} or an error.
Output check_rules(std::string_view rules_json);

// Runs `body` and turns anything it throws into an error Output.
template <class Body>
Output guarded(Body&& body) noexcept;

}  // namespace twitchcheck::api

#include "twitchcheck/api_guard.hpp"
