#pragma once
// Every text of the board report, in Dutch and English, in one place
// (report_texts.cpp), and the number formatting of each language.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "render/report_document.hpp"

namespace regionet::render::report {

// The text for key in lang; throws Error for an unknown key.
const std::string& tr(Lang lang, std::string_view key);
// All keys, for tests (every key has both languages).
std::vector<std::string> text_keys();

// Fills {0}, {1}, ... in pattern with args.
std::string fill(std::string_view pattern, std::initializer_list<std::string> args);
// tr + fill.
std::string trf(Lang lang, std::string_view key, std::initializer_list<std::string> args);
// A text with a singular and a plural form ("1 paar" / "2 paren", as gettext's
// ngettext): the form for count, filled with args. tr() on such a key gives
// the plural form.
std::string trn(Lang lang, std::string_view key, std::int64_t count, std::initializer_list<std::string> args);
// The keys that have plural forms, and a form of one: for tests.
std::vector<std::string> plural_keys();
const std::string& tr_form(Lang lang, std::string_view key, bool singular);

// Numbers as the reader writes them: nl "1.234,5", en "1,234.5".
std::string number(Lang lang, double value, int decimals);
std::string integer(Lang lang, std::int64_t value);
std::string percent(Lang lang, double share, int decimals = 0);  // 0.25 -> "25%"

// Labels of codes found in the data (forms, domains, roles, divisions): the
// known ones translated, others returned as written.
std::string form_label(Lang lang, std::string_view form);
std::string role_label(Lang lang, std::string_view role);
// The form codes form_label knows, for tests.
std::vector<std::string> form_keys();

}  // namespace regionet::render::report
