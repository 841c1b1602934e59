#include "twitchcheck/json_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>

namespace twitchcheck {

Json parse_json(std::string_view text) {
    Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) throw InputError("", "this is not valid JSON text");
    return value;
}

std::string path_key(std::string_view parent, std::string_view key) {
    std::string out(parent);
    if (!out.empty()) out += '.';
    out += key;
    return out;
}

std::string path_index(std::string_view parent, std::size_t index) {
    std::string out(parent);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

std::string number_text(double value) {
    if (!std::isfinite(value)) return "null";
    if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
    // Shortest digits: the first precision whose text reads back as the same double.
    char buf[40];
    int digits = 1;
    for (; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*e", digits - 1, value);
        if (std::strtod(buf, nullptr) == value) break;
    }
    // buf is [-]d[.ddd]e[+-]XX: split into sign, digit string and decimal exponent.
    std::string text(buf);
    bool negative = text[0] == '-';
    if (negative) text.erase(0, 1);
    auto e = text.find('e');
    int exponent = std::atoi(text.c_str() + e + 1);
    std::string mantissa;
    for (std::size_t i = 0; i < e; ++i)
        if (text[i] != '.') mantissa += text[i];
    while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
    std::string out = negative ? "-" : "";
    const int n = static_cast<int>(mantissa.size());
    if (exponent < -4 || exponent >= 16) {
        out += mantissa[0];
        if (n > 1) out += "." + mantissa.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += exp;
    } else if (exponent < 0) {
        out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + mantissa;
    } else if (exponent + 1 >= n) {
        out += mantissa + std::string(static_cast<std::size_t>(exponent + 1 - n), '0') + ".0";
    } else {
        out += mantissa.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
               mantissa.substr(static_cast<std::size_t>(exponent + 1));
    }
    return out;
}

namespace {

void write_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the stretch that needs no escaping
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", c);
                out += esc;
            }
        }
    }
    out.append(s, run, s.size() - run);
    out += '"';
}

// Recursive: it writes core's own outputs and validated documents, whose depth is bounded.
void write(JsonWriter& w, const Json& v) {
    switch (v.type()) {
        case Json::value_t::object:
            w.begin_object();
            for (auto it = v.begin(); it != v.end(); ++it) {
                w.key(it.key());
                write(w, it.value());
            }
            w.end_object();
            return;
        case Json::value_t::array:
            w.begin_array();
            for (const auto& item : v) write(w, item);
            w.end_array();
            return;
        case Json::value_t::string: w.string(v.get_ref<const std::string&>()); return;
        case Json::value_t::boolean: w.boolean(v.get<bool>()); return;
        case Json::value_t::number_integer: w.integer(v.get<std::int64_t>()); return;
        case Json::value_t::number_unsigned: {
            const auto u = v.get<std::uint64_t>();
            if (u <= static_cast<std::uint64_t>(INT64_MAX)) w.integer(static_cast<long long>(u));
            else w.number(static_cast<double>(u));
            return;
        }
        case Json::value_t::number_float: w.number(v.get<double>()); return;
        case Json::value_t::null:
        case Json::value_t::discarded:
        case Json::value_t::binary: w.null(); return;
    }
}

}  // namespace

std::string to_text(const Json& value) {
    JsonWriter w;
    write(w, value);
    return w.finish();
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (empty_.empty()) return;
    if (!empty_.back()) out_ += ',';
    empty_.back() = 0;
    out_ += '\n';
    out_.append(empty_.size() * 2, ' ');
}

JsonWriter& JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    empty_.push_back(1);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty) {
        out_ += '\n';
        out_.append(empty_.size() * 2, ' ');
    }
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    write_string(out_, name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    write_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::integer(long long value) {
    before_value();
    out_ += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::number(double value) {
    before_value();
    out_ += number_text(value);
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

std::string JsonWriter::finish() {
    out_ += '\n';
    empty_.clear();
    after_key_ = false;
    std::string text;
    text.swap(out_);
    return text;
}

// Written directly (not through to_text): the checker-only module then carries no
// number formatting, which it never needs.
std::string error_document(const Error& error) {
    JsonWriter w;
    w.begin_object().key("schema").string("twitchcheck.error/1").key("error").begin_object();
    w.key("path").string(error.path).key("message").string(error.message);
    return w.end_object().end_object().finish();
}

std::string_view type_words(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::string: return "text";
        case Json::value_t::boolean: return "true or false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "a whole number";
        case Json::value_t::number_float: return "a number";
        case Json::value_t::null: return "null";
        default: return "an unknown value";
    }
}

}  // namespace twitchcheck
