// model/rare_text.hpp: a one-pointer text that behaves as the std::string it replaces.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "model/model.hpp"
#include "model/rare_text.hpp"

using regionet::RareText;

TEST_CASE("RareText: one pointer, empty without allocating, a value like a string", "[model][rare_text]") {
    static_assert(sizeof(RareText) == sizeof(void*));
    RareText empty;
    CHECK(empty.empty());
    CHECK(empty.size() == 0);
    CHECK(empty.str().empty());
    CHECK(RareText("").empty());  // an empty text holds nothing, however it was given
    CHECK(RareText(std::string()).empty());
    // Two empty texts read as the same string object: nothing was allocated for them.
    CHECK(&RareText().str() == &RareText(std::string_view()).str());

    RareText note = std::string("carried from GM0017 (merged 2019)");
    CHECK_FALSE(note.empty());
    CHECK(note.size() == 33);
    CHECK(note == "carried from GM0017 (merged 2019)");
    CHECK(note == std::string("carried from GM0017 (merged 2019)"));
    const std::string& as_string = note;
    const std::string_view as_view = note;
    CHECK(as_string == as_view);

    // Copies are deep; a move leaves the source empty.
    RareText copy = note;
    CHECK(copy == note);
    CHECK(&copy.str() != &note.str());
    copy = "college;raad";
    CHECK(note == "carried from GM0017 (merged 2019)");
    RareText moved = std::move(copy);
    CHECK(moved == "college;raad");
    CHECK(copy.empty());  // NOLINT: the moved-from state is part of the contract
    moved = moved;
    CHECK(moved == "college;raad");
    moved.clear();
    CHECK(moved.empty());

    // Ordered as strings are (std::tie in sorts and comparisons), printed as one.
    CHECK(RareText("a") < RareText("b"));
    CHECK(RareText() < RareText("a"));
    CHECK(RareText("raad") == RareText("raad"));
    CHECK(RareText("raad") != RareText("college"));
    // Joined with strings and literals as a string is, either side.
    const RareText registrar = "GM0363";
    CHECK("registrar = " + registrar == "registrar = GM0363");
    CHECK(registrar + " (Amsterdam)" == "GM0363 (Amsterdam)");
    CHECK(std::string("by ") + registrar == "by GM0363");
    CHECK(registrar + std::string("!") == "GM0363!");
    CHECK(registrar + RareText(" 2") == "GM0363 2");
    RareText purpose;
    purpose += "";
    CHECK(purpose.empty());  // appending nothing allocates nothing
    purpose += "Brandweer";
    purpose += std::string(" (uitvoering: VRU)");
    CHECK(purpose == "Brandweer (uitvoering: VRU)");
    std::ostringstream out;
    out << RareText("inwoners") << "|" << RareText();
    CHECK(out.str() == "inwoners|");
}

TEST_CASE("Membership and Arrangement: the rare texts keep them small", "[model][rare_text]") {
    // 264 and 512 bytes with std::strings; 2.5 million and 400,000 rows at eu scale.
    CHECK(sizeof(regionet::Membership) <= 192);
    CHECK(sizeof(regionet::Arrangement) <= 344);
}
