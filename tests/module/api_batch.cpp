// The native side of the differential test (differential.test.mjs): many api calls in one
// process, so thousands of cases need not start the CLI thousands of times. The CLI is a
// thin wrapper over the same api (core/cli/main.cpp); the test still runs it on a sample.
// Input, repeated:  FUNCTION TODAY FORMAT LENGTH\n  then LENGTH bytes of document
//   (FUNCTION: assess, analyze, report, validate; TODAY and FORMAT are "-" when unused;
//   `assess LANG - LENGTH` and `report TODAY FORMAT:LANG LENGTH` in a language; `plural
//   LANG N 0` answers the engine's plural category of N in LANG, for languages.test.mjs)
// Output, for each: ERROR LENGTH\n  then LENGTH bytes of Output::text (ERROR 1 or 0)
#include "twitchcheck/api.hpp"
#include "twitchcheck/language.hpp"

#include <cstdio>
#include <iostream>
#include <string>

int main() {
    std::ios::sync_with_stdio(false);
    std::string function, today, format;
    std::size_t length = 0;
    while (std::cin >> function >> today >> format >> length) {
        std::cin.get();  // the newline after the header
        std::string document(length, '\0');
        if (!std::cin.read(document.data(), static_cast<std::streamsize>(length))) return 1;
        twitchcheck::api::Output out;
        const auto colon = format.find(':');
        const std::string lang = colon == std::string::npos ? "" : format.substr(colon + 1);
        if (function == "assess") out = twitchcheck::api::assess(document, today == "-" ? "" : today);
        else if (function == "analyze") out = twitchcheck::api::analyze(document, today);
        else if (function == "report") out = twitchcheck::api::report(document, today, format.substr(0, colon), lang);
        else if (function == "plural") out.text = std::string(twitchcheck::language(today).category(std::stoll(format)));
        else if (function == "validate") out = twitchcheck::api::validate_journal(document);
        else return 1;
        std::cout << (out.error ? 1 : 0) << ' ' << out.text.size() << '\n';
        std::cout.write(out.text.data(), static_cast<std::streamsize>(out.text.size()));
    }
    return std::cout.flush() ? 0 : 1;
}
