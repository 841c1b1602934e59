// twitchcheck: the command-line door to the same api the WebAssembly module uses.
// Exit status: 0 done; 2 bad input (`error: PATH: MESSAGE` on stderr); 1 anything else.
#include "twitchcheck/api.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  twitchcheck assess [--lang TAG] [FILE]\n"
    "  twitchcheck analyze FILE --today YYYY-MM-DD\n"
    "  twitchcheck report FILE --today YYYY-MM-DD --format json|html|csv|fhir [--lang TAG]\n"
    "  twitchcheck upgrade FILE\n"
    "  twitchcheck rules [--check FILE]\n"
    "  twitchcheck --version\n";

int usage() {
    std::cerr << kUsage;
    return 1;
}

std::optional<std::string> read_input(const std::string& path) {
    std::ostringstream text;
    if (path == "-" || path.empty()) {
        text << std::cin.rdbuf();
        return text.str();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::cerr << "twitchcheck: cannot open " << path << "\n";
        return std::nullopt;
    }
    text << file.rdbuf();
    return text.str();
}

int emit(const twitchcheck::api::Output& out) {
    if (out.error) {
        std::cerr << "error: " << out.error->path << ": " << out.error->message << "\n";
        return 2;
    }
    std::fwrite(out.text.data(), 1, out.text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

// FILE plus the named options (--today, --format, --check, --lang) of one command.
struct Arguments {
    std::vector<std::string> positional;
    std::optional<std::string> today, format, check, lang;
};

std::optional<Arguments> parse_arguments(int argc, char** argv) {
    Arguments args;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::optional<std::string>& slot) {
            if (i + 1 >= argc) return false;
            slot = argv[++i];
            return true;
        };
        if (a == "--today") { if (!value(args.today)) return std::nullopt; }
        else if (a == "--format") { if (!value(args.format)) return std::nullopt; }
        else if (a == "--check") { if (!value(args.check)) return std::nullopt; }
        else if (a == "--lang") { if (!value(args.lang)) return std::nullopt; }
        else if (a.size() > 1 && a[0] == '-' && a != "-") return std::nullopt;
        else args.positional.push_back(a);
    }
    return args;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string command = argv[1];
    // The project's version (CMake's project(VERSION)), then the built-in rules' own.
    if (command == "--version" && argc == 2) {
        std::cout << "twitchcheck " TWITCHCHECK_VERSION " (rules " << twitchcheck::api::rules_version() << ")\n";
        return 0;
    }
    auto args = parse_arguments(argc, argv);
    if (!args) return usage();
    try {
        if (command == "assess") {
            if (args->positional.size() > 1 || args->today || args->format || args->check) return usage();
            auto text = read_input(args->positional.empty() ? "-" : args->positional[0]);
            if (!text) return 1;
            return emit(twitchcheck::api::assess(*text, args->lang.value_or("")));
        }
        if (command == "analyze" || command == "report") {
            const bool is_report = command == "report";
            if (args->positional.size() != 1 || !args->today || args->check) return usage();
            if (is_report != args->format.has_value() || (!is_report && args->lang)) return usage();
            auto text = read_input(args->positional[0]);
            if (!text) return 1;
            return emit(is_report ? twitchcheck::api::report(*text, *args->today, *args->format, args->lang.value_or(""))
                                  : twitchcheck::api::analyze(*text, *args->today));
        }
        if (command == "upgrade") {
            if (args->positional.size() != 1 || args->today || args->format || args->check || args->lang) return usage();
            auto text = read_input(args->positional[0]);
            if (!text) return 1;
            return emit(twitchcheck::api::upgrade_journal(*text));
        }
        if (command == "rules") {
            if (!args->positional.empty() || args->today || args->format || args->lang) return usage();
            if (!args->check) {
                std::cout << twitchcheck::api::rules_text();
                return std::cout.flush() ? 0 : 1;
            }
            auto text = read_input(*args->check);
            if (!text) return 1;
            return emit(twitchcheck::api::check_rules(*text));
        }
    } catch (const std::exception& e) {
        std::cerr << "twitchcheck: " << e.what() << "\n";
        return 1;
    }
    return usage();
}
