// JSON in and out of core: parsing with a JSON-path error, and one writer whose bytes
// are the same natively and in WebAssembly.
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace twitchcheck {

// Key order is kept as written (a backup exports exactly as it was imported).
using Json = nlohmann::ordered_json;

// A problem with input: where (a JSON path such as `episodes[12].duration_s`; "" for the
// whole document) and what, in words a person can act on.
struct Error {
    std::string path;
    std::string message;
};

// Thrown inside core for bad input; caught at the api edge (never reaches JavaScript).
class InputError : public std::runtime_error {
public:
    InputError(std::string path, std::string message)
        : std::runtime_error(path + ": " + message), error_{std::move(path), std::move(message)} {}
    const Error& error() const noexcept { return error_; }

private:
    Error error_;
};

// Parses JSON text; throws InputError{"", "..."} when it is not JSON.
Json parse_json(std::string_view text);

// `parent.key` / `parent[index]`, with no leading dot at the root.
std::string path_key(std::string_view parent, std::string_view key);
std::string path_index(std::string_view parent, std::size_t index);

// The house JSON text: two-space indent, keys in stored order, numbers as the shortest
// text that reads back as the same double (Python's repr form), ending with a newline.
std::string to_text(const Json& value);

// Writes the house JSON text piece by piece (to_text uses it too, so both give the same
// bytes); for outputs on a hot path that need not build a Json first.
class JsonWriter {
public:
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view name);
    JsonWriter& string(std::string_view text);
    JsonWriter& boolean(bool value);
    JsonWriter& integer(long long value);
    JsonWriter& number(double value);
    JsonWriter& null();
    // The text, ending with a newline; the writer is empty afterwards.
    std::string finish();

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void before_value();
    std::string out_;
    std::string empty_;  // per open container: 1 while nothing is written in it yet
    bool after_key_ = false;
};

// Shortest round-trip text of a finite double, e.g. 0.625, 1.0, 1e-05.
std::string number_text(double value);

// {"schema": "twitchcheck.error/1", "error": {"path": ..., "message": ...}} as text.
std::string error_document(const Error& error);

// Short, safe description of a JSON value's type for messages ("a string", "null").
std::string_view type_words(const Json& value);

}  // namespace twitchcheck
