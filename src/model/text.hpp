#pragma once
// Small text helpers every layer uses, defined once.
#include <string>
#include <string_view>

namespace regionet {

// ASCII letters to lower case; other bytes (UTF-8 included) unchanged. The one
// case rule for matching codes, names, domains and divisions typed by users.
std::string lower(std::string_view s);
bool equal_ignoring_case(std::string_view a, std::string_view b);

}  // namespace regionet
