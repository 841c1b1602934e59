#include "twitchcheck/calendar.hpp"

namespace twitchcheck {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Value of `count` ASCII digits at `text[at]`, or -1 when one is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

// Howard Hinnant's days_from_civil.
DayNumber day_number(int year, int month, int day) {
    const int y = year - (month <= 2);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::optional<DayNumber> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) return std::nullopt;
    if (day > days_in_month(year, month)) return std::nullopt;
    return day_number(year, month, day);
}

CivilDate civil_date(DayNumber days) {
    // Howard Hinnant's civil_from_days.
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (month <= 2), month, day};
}

// Day 0, 1970-01-01, was a Thursday.
int weekday(DayNumber days) { return static_cast<int>(((std::int64_t{days} + 3) % 7 + 7) % 7); }

std::string date_text(DayNumber days) {
    const auto [year, month, day] = civil_date(days);
    std::string out(10, '-');
    auto put = [&out](std::size_t at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    return out;
}

std::optional<LocalMoment> parse_moment(std::string_view text) {
    if (text.size() != 20 && text.size() != 25) return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    if (!date || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    int offset = 0;
    if (text.size() == 20) {
        if (text[19] != 'Z') return std::nullopt;
    } else {
        const char sign = text[19];
        if ((sign != '+' && sign != '-') || text[22] != ':') return std::nullopt;
        const int oh = digits(text, 20, 2), om = digits(text, 23, 2);
        if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 14 * 60) return std::nullopt;
        offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
    }
    return LocalMoment{*date, hour * 3600 + minute * 60 + second, static_cast<std::int16_t>(offset)};
}

}  // namespace twitchcheck
