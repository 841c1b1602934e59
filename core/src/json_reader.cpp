#include "twitchcheck/json_reader.hpp"

#include <vector>

namespace twitchcheck {

namespace {

// nlohmann's SAX interface, building the document like its json_sax_dom_parser.
class BoundedBuilder {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    BoundedBuilder(Json& root, std::size_t max_depth) : root_(root), max_depth_(max_depth) {}

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(number_integer_t value) { return add(value); }
    bool number_unsigned(number_unsigned_t value) { return add(value); }
    bool number_float(number_float_t value, const string_t&) { return add(value); }
    bool string(string_t& value) { return add(std::move(value)); }
    bool binary(binary_t& value) { return add(Json::binary(std::move(value))); }

    bool start_object(std::size_t) { return start(Json::object()); }
    bool start_array(std::size_t) { return start(Json::array()); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool key(string_t& name) {
        if (skipped_ == 0) element_ = &(*open_.back())[std::move(name)];
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    // Places `value` where the parser is and returns where it landed.
    Json* place(Json&& value) {
        if (open_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Json& parent = *open_.back();
        if (parent.is_array()) {
            parent.get_ref<Json::array_t&>().push_back(std::move(value));
            return &parent.get_ref<Json::array_t&>().back();
        }
        *element_ = std::move(value);
        return element_;
    }

    template <class V>
    bool add(V&& value) {
        if (skipped_ == 0) place(Json(std::forward<V>(value)));
        return true;
    }

    bool start(Json&& container) {
        if (skipped_ > 0 || open_.size() >= max_depth_) {
            if (skipped_++ == 0) place(Json::array());  // the stand-in for what is too deep
            return true;
        }
        // Journal objects have at most 8 members: reserving avoids growing them.
        if (container.is_object()) container.get_ref<Json::object_t&>().reserve(8);
        open_.push_back(place(std::move(container)));
        return true;
    }

    bool end() {
        if (skipped_ > 0)
            --skipped_;
        else
            open_.pop_back();
        return true;
    }

    Json& root_;
    std::size_t max_depth_;
    std::vector<Json*> open_;
    Json* element_ = nullptr;
    std::size_t skipped_ = 0;
};

}  // namespace

Json parse_json_bounded(std::string_view text, std::size_t max_depth) {
    Json root;
    BoundedBuilder builder(root, max_depth);
    if (!Json::sax_parse(text.begin(), text.end(), &builder)) throw InputError("", "this is not valid JSON text");
    return root;
}

}  // namespace twitchcheck
