#include "twitchcheck/json_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
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

void write_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char esc[8];
                    std::snprintf(esc, sizeof esc, "\\u%04x", c);
                    out += esc;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void newline(std::string& out, int depth) {
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

// Iterative over a explicit stack would be safer for deep input, but everything written
// here is core's own output or a validated document whose depth is bounded.
void write(std::string& out, const Json& v, int depth) {
    switch (v.type()) {
        case Json::value_t::object: {
            if (v.empty()) { out += "{}"; return; }
            out += '{';
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) out += ',';
                first = false;
                newline(out, depth + 1);
                write_string(out, it.key());
                out += ": ";
                write(out, it.value(), depth + 1);
            }
            newline(out, depth);
            out += '}';
            return;
        }
        case Json::value_t::array: {
            if (v.empty()) { out += "[]"; return; }
            out += '[';
            bool first = true;
            for (const auto& item : v) {
                if (!first) out += ',';
                first = false;
                newline(out, depth + 1);
                write(out, item, depth + 1);
            }
            newline(out, depth);
            out += ']';
            return;
        }
        case Json::value_t::string: write_string(out, v.get_ref<const std::string&>()); return;
        case Json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
        case Json::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return;
        case Json::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return;
        case Json::value_t::number_float: out += number_text(v.get<double>()); return;
        case Json::value_t::null:
        case Json::value_t::discarded:
        case Json::value_t::binary: out += "null"; return;
    }
}

}  // namespace

std::string to_text(const Json& value) {
    std::string out;
    write(out, value, 0);
    out += '\n';
    return out;
}

std::string error_document(const Error& error) {
    Json doc = {{"schema", "twitchcheck.error/1"},
                {"error", {{"path", error.path}, {"message", error.message}}}};
    return to_text(doc);
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
