#include <catch2/catch.hpp>

#include "analysis/changes.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

Municipality muni(const std::string& code, const std::string& name) {
    Municipality m;
    m.code = code;
    m.name = name;
    return m;
}

Arrangement region(const std::string& id, const std::string& division) {
    Arrangement a;
    a.id = id;
    a.name = id;
    a.division = division;
    a.form = "regional_division";
    return a;
}

Membership member(const std::string& a, const std::string& m) {
    Membership x;
    x.arrangement_id = a;
    x.municipality_code = m;
    return x;
}

// Earlier: A, B merge into A; C stays; D is split between X and Y; E is renamed E2.
Dataset old_dataset() {
    Dataset d;
    d.name = "old";
    d.municipalities = {muni("GM1", "A"), muni("GM2", "B"), muni("GM3", "C"), muni("GM4", "D"), muni("GM5", "E")};
    d.arrangements = {region("R1", "ggds"), region("R2", "ggds"), region("J", "")};
    d.arrangements[2].division.clear();
    d.memberships = {member("R1", "GM1"), member("R1", "GM2"), member("R2", "GM3"), member("R2", "GM4"),
                     member("R2", "GM5"), member("J", "GM2"), member("J", "GM4")};
    d.reindex();
    return d;
}

Dataset new_dataset() {
    Dataset d;
    d.name = "new";
    d.municipalities = {muni("GM1", "A"), muni("GM3", "C"), muni("GM5", "E2"), muni("GM6", "X"), muni("GM7", "Y")};
    d.arrangements = {region("S1", "ggdregio"), region("S2", "ggdregio")};
    d.memberships = {member("S1", "GM1"), member("S1", "GM3"), member("S2", "GM5"), member("S2", "GM6"),
                     member("S2", "GM7")};
    d.reindex();
    return d;
}

AreaShares shares() {
    return {
        {"GM1", {{"GM1", 0.88}, {"GM3", 0.12}}},  // its code lives on: the 12 % is a sliver
        {"GM2", {{"GM1", 0.99}, {"GM3", 0.01}}},  // a sliver below min_share
        {"GM3", {{"GM3", 0.97}, {"GM6", 0.03}}},
        {"GM4", {{"GM7", 0.4}, {"GM6", 0.6}}},
        {"GM5", {{"GM5", 1.0}}},
    };
}

}  // namespace

TEST_CASE("changes: successor by largest share; merged, split, unchanged, renamed", "[analysis][changes]") {
    const auto o = old_dataset();
    const auto n = new_dataset();
    const auto c = municipality_changes(o, n, shares());
    REQUIRE(c.size() == 5);
    CHECK(c[0].status == "merged");
    CHECK(n.municipalities[c[0].successor()].code == "GM1");
    CHECK(c[0].partners == std::vector<std::size_t>{1});
    CHECK(c[0].parts.size() == 1);
    CHECK(c[1].status == "merged");
    CHECK(c[1].parts.size() == 1);  // the 1 % sliver is not a part
    CHECK(c[2].status == "unchanged");
    CHECK(c[3].status == "split");
    REQUIRE(c[3].parts.size() == 2);
    CHECK(n.municipalities[c[3].parts[0].first].code == "GM6");
    CHECK(c[3].parts[0].second == Approx(0.6));
    CHECK(n.municipalities[c[3].parts[1].first].code == "GM7");
    CHECK(c[4].status == "renamed");

    const auto t = municipalities_table(o, n, c);
    CHECK(t.rows.size() == 6);  // the split municipality has two rows
    CHECK(std::get<std::string>(t.rows[0][t.column_index("partners")]) == "GM2");
}

TEST_CASE("changes: a municipality without any overlap is gone", "[analysis][changes]") {
    const auto o = old_dataset();
    const auto n = new_dataset();
    auto s = shares();
    s.erase("GM5");
    const auto c = municipality_changes(o, n, s);
    CHECK(c[4].status == "gone");
    CHECK(c[4].successor() == static_cast<std::size_t>(-1));
}

TEST_CASE("changes: memberships carried to every part, marked when they came from another code", "[analysis][changes]") {
    const auto o = old_dataset();
    const auto n = new_dataset();
    const auto t = carried_table(o, n, municipality_changes(o, n, shares()));
    // R1: GM1 (from GM1, GM2); R2: GM3, GM5, GM6 and GM7 (from the split GM4); J: GM1 (from GM2), GM6, GM7.
    REQUIRE(t.rows.size() == 8);
    auto row = [&](const std::string& a, const std::string& code) -> const std::vector<Cell>* {
        for (const auto& r : t.rows)
            if (std::get<std::string>(r[0]) == a && std::get<std::string>(r[3]) == code) return &r;
        return nullptr;
    };
    REQUIRE(row("R1", "GM1"));
    CHECK(std::get<std::string>((*row("R1", "GM1"))[5]) == "GM1;GM2");
    CHECK(std::get<bool>((*row("R1", "GM1"))[7]) == true);
    CHECK(std::get<bool>((*row("R2", "GM3"))[7]) == false);
    CHECK(std::get<double>((*row("R2", "GM7"))[6]) == Approx(0.4));
    CHECK(std::get<bool>((*row("J", "GM1"))[7]) == true);
}

TEST_CASE("changes: divisions in both years, changed municipalities, ARI by hand", "[analysis][changes]") {
    const auto o = old_dataset();
    const auto n = new_dataset();
    CHECK(matching_divisions(o, n) == std::vector<std::pair<std::string, std::string>>{{"ggds", "ggdregio"}});
    const auto [divisions, regions] = division_changes(o, n, municipality_changes(o, n, shares()));
    REQUIRE(divisions.rows.size() == 1);
    const auto& r = divisions.rows[0];
    CHECK(std::get<std::int64_t>(r[divisions.column_index("municipalities")]) == 5);
    CHECK(std::get<std::int64_t>(r[divisions.column_index("changed")]) == 1);
    // Contingency R1/S1 2, R2/S1 1, R2/S2 2: index 2, expected 4*4/10, max 4 -> (2 - 1.6) / (4 - 1.6).
    CHECK(std::get<double>(r[divisions.column_index("ari")]) == Approx(0.4 / 2.4));
    REQUIRE(regions.rows.size() == 1);  // C: R2 corresponds to S2, but C's successor lies in S1
    CHECK(std::get<std::string>(regions.rows[0][regions.column_index("code_old")]) == "GM3");
    CHECK(std::get<std::string>(regions.rows[0][regions.column_index("region_new")]) == "S1");
    CHECK(std::get<std::string>(regions.rows[0][regions.column_index("expected_new")]) == "S2");
}

TEST_CASE("changes: arrangements then and now per later municipality", "[analysis][changes]") {
    const auto o = old_dataset();
    auto n = new_dataset();
    // Now: K = {A, X}, L = {A}; regions do not count.
    Arrangement k;
    k.id = "K";
    k.name = "K";
    Arrangement l = k;
    l.id = "L";
    n.arrangements.push_back(k);
    n.arrangements.push_back(l);
    n.memberships.push_back(member("K", "GM1"));
    n.memberships.push_back(member("K", "GM6"));
    n.memberships.push_back(member("L", "GM1"));
    n.reindex();
    const auto t = arrangement_counts(o, n, municipality_changes(o, n, shares()));
    REQUIRE(t.rows.size() == 5);
    // A (GM1) holds A and B: then J (through B) = 1; now K and L = 2.
    CHECK(t.rows[0] == std::vector<Cell>{std::string("GM1"), std::string("A"), std::int64_t{1}, std::int64_t{2},
                                         std::int64_t{1}, std::string("GM1;GM2")});
    // C (GM3): no ordinary arrangement then or now.
    CHECK(t.rows[1][2] == Cell(std::int64_t{0}));
    CHECK(t.rows[1][3] == Cell(std::int64_t{0}));
    // X (GM6) holds most of D, which was in J: then 1, now K = 1.
    CHECK(t.rows[3] == std::vector<Cell>{std::string("GM6"), std::string("X"), std::int64_t{1}, std::int64_t{1},
                                         std::int64_t{0}, std::string("GM4")});
    // Y (GM7) is the successor of nothing.
    CHECK(t.rows[4][5] == Cell(std::string()));
}
