#pragma once
// Implementation of api::guarded (kept apart so api.hpp reads as a list of functions).
#include <exception>
#include <new>

namespace twitchcheck::api {

template <class Body>
Output guarded(Body&& body) noexcept {
    auto fail = [](Error e) noexcept -> Output {
        try {
            std::string text = error_document(e);
            return Output{std::move(text), std::move(e)};
        } catch (...) {
            return Output{"{\"schema\": \"twitchcheck.error/1\", \"error\": {\"path\": \"\", "
                          "\"message\": \"out of memory\"}}\n",
                          Error{"", "out of memory"}};
        }
    };
    try {
        return Output{body(), std::nullopt};
    } catch (const InputError& e) {
        return fail(e.error());
    } catch (const std::bad_alloc&) {
        return fail(Error{"", "the input is too large to read on this device"});
    } catch (const std::exception& e) {
        return fail(Error{"", std::string("could not be read: ") + e.what()});
    } catch (...) {
        return fail(Error{"", "could not be read"});
    }
}

}  // namespace twitchcheck::api
