// Reading the worked cases beside the repository (../shared) and the repo's own files.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_files {

inline std::string shared(const std::string& rel) { return std::string(TWITCHCHECK_SHARED_DIR) + "/" + rel; }
inline std::string source(const std::string& rel) { return std::string(TWITCHCHECK_SOURCE_DIR) + "/" + rel; }

inline std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The files of a folder whose names end with `suffix`, sorted.
inline std::vector<std::string> list(const std::string& dir, const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace test_files
