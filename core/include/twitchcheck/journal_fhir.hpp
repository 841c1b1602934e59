// The journal as a FHIR R4 Bundle of type `collection` (docs/fhir.md is the mapping,
// field by field, with the source of every code).
#pragma once

#include "twitchcheck/journal.hpp"

#include <string>
#include <string_view>

namespace twitchcheck {

// The Bundle, as house JSON text. It depends on the journal alone: every resource id is
// a name-based UUID made from the journal's content, and the only times in it are the
// journal's own.
std::string journal_fhir(const Journal& journal);

// A name-based UUID (RFC 9562 version 5: SHA-1) of `name` in twitchcheck's FHIR
// namespace 3266c153-6257-49b9-a651-d7066f192958, as lower-case text.
std::string fhir_uuid(std::string_view name);

// The SHA-1 digest of `bytes` as 40 lower-case hex digits.
std::string sha1_hex(std::string_view bytes);

// Text as a FHIR string may hold it: characters below U+0020 other than tab, LF and CR,
// and the whitespace characters the official JSON schema refuses (U+00A0, U+1680,
// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF) become a plain space.
std::string fhir_text(std::string_view text);
// A note as FHIR markdown: fhir_text, with \ ` * _ [ ] < > & backslash-escaped.
std::string fhir_markdown(std::string_view text);

}  // namespace twitchcheck
