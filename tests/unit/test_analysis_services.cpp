// Who serves whom: a hand-worked dataset with every source of a service link
// (roles, host, registrar of a centrum arrangement), the pairs, the balance,
// and the two screening questions (one-way services, tax cooperation).
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/screen.hpp"
#include "analysis/services.hpp"
#include "render/result_texts.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

Arrangement arrangement(std::string id, std::string name, std::string form) {
    Arrangement a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.form = std::move(form);
    return a;
}

Membership member(std::string a, std::string m, Role role = Role::member) {
    Membership ms;
    ms.arrangement_id = std::move(a);
    ms.municipality_code = std::move(m);
    ms.role = role;
    return ms;
}

// X1 roles: GM1 host, GM2 and GM3 client, GM4 member      -> GM1>GM2, GM1>GM3 (clients only)
// X2 host = GM2, members GM1 GM2 GM3                       -> GM2>GM1, GM2>GM3
// X3 regeling_zonder_meer, registrar "Gemeente Alpha"      -> GM1>GM3
// X4 "Centrumregeling Jeugd" (openbaar lichaam), registrar "gm4" -> GM4>GM3
// X5 openbaar lichaam, registrar GM1: not a centrum arrangement -> nothing
// X6 regeling_zonder_meer, registrar "Gemeente Elders"     -> nothing, listed unresolved
// X7 a second registration of X3 (duplicate_of)            -> nothing
// R1 region {GM1 GM2 GM3}, R2 region {GM1 GM3}             -> nothing (regions)
// T1 domain belastingen, member GM2
//
// Per municipality (provided / received / balance):
//   GM1 Alpha: X1 2 + X3 1 = 3 / X2 1 / +2
//   GM2 Beta:  X2 2 / X1 1 / +1
//   GM3 Gamma: 0 / X1 X2 X3 X4 = 4 / -4
//   GM4 Delta: X4 1 / 0 / +1
// Pairs: (GM1,GM2) 1 and 1 reciprocal; (GM1,GM3) 2 and 0 one-way;
//        (GM2,GM3) 1 and 0 one-way; (GM3,GM4) 0 and 1 one-way.
Dataset hand_dataset() {
    Dataset d;
    d.name = "services";
    d.municipalities = {
        {"GM1", "Alpha", "P", 10000, {}, {}, {}},
        {"GM2", "Beta", "P", 50000, {}, {}, {}},
        {"GM3", "Gamma", "P", 30000, {}, {}, {}},
        {"GM4", "Delta", "P", std::nullopt, {}, {}, {}},
    };
    auto x2 = arrangement("X2", "Gastheer", "gemeenschappelijke_regeling");
    x2.host = "GM2";
    auto x3 = arrangement("X3", "Afspraak", "regeling_zonder_meer");
    x3.registrar = "Gemeente Alpha";
    auto x4 = arrangement("X4", "Centrumregeling Jeugd", "gr_openbaar_lichaam");
    x4.registrar = "gm4";
    auto x5 = arrangement("X5", "Openbaar lichaam", "gr_openbaar_lichaam");
    x5.registrar = "GM1";
    auto x6 = arrangement("X6", "Elders", "regeling_zonder_meer");
    x6.registrar = "Gemeente Elders";
    auto x7 = arrangement("X7", "Afspraak (tweede registratie)", "regeling_zonder_meer");
    x7.registrar = "Gemeente Alpha";
    x7.duplicate_of = "X3";
    auto r1 = arrangement("R1", "Regio Een", "regional_division");
    r1.division = "testregio";
    auto r2 = arrangement("R2", "Regio Twee", "regional_division");
    r2.division = "testregio2";
    auto t1 = arrangement("T1", "Belastingen", "gemeenschappelijke_regeling");
    t1.domain = "belastingen";
    d.arrangements = {arrangement("X1", "Rollen", "ssc"), x2, x3, x4, x5, x6, x7, r1, r2, t1};
    d.memberships = {
        member("X1", "GM1", Role::host), member("X1", "GM2", Role::client), member("X1", "GM3", Role::client),
        member("X1", "GM4"),
        member("X2", "GM1"), member("X2", "GM2"), member("X2", "GM3"),
        member("X3", "GM1"), member("X3", "GM3"),
        member("X4", "GM3"), member("X4", "GM4"),
        member("X5", "GM1"), member("X5", "GM2"),
        member("X6", "GM1"), member("X6", "GM2"),
        member("X7", "GM1"), member("X7", "GM3"),
        member("R1", "GM1"), member("R1", "GM2"), member("R1", "GM3"),
        member("R2", "GM1"), member("R2", "GM3"),
        member("T1", "GM2"),
    };
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("services: links from roles, host and registrar, each with its reason", "[analysis][services]") {
    const auto d = hand_dataset();
    const auto r = services(d);
    std::vector<std::string> got;
    for (const auto& l : r.links)
        got.push_back(d.arrangements[l.arrangement].id + " " + d.municipalities[l.provider].code + ">" +
                      d.municipalities[l.client].code + " " + l.reason);
    const std::vector<std::string> want{
        "X1 GM1>GM2 role host -> role client",
        "X1 GM1>GM3 role host -> role client",
        "X2 GM2>GM1 host = GM2",
        "X2 GM2>GM3 host = GM2",
        "X3 GM1>GM3 registrar = Gemeente Alpha of a centrum arrangement (form regeling_zonder_meer)",
        "X4 GM4>GM3 registrar = gm4 of a centrum arrangement (name)",
    };
    CHECK(got == want);
    CHECK(r.unresolved_registrars == std::vector<std::string>{"X6"});
}

TEST_CASE("services: provided, received and balance per municipality; pairs", "[analysis][services]") {
    const auto d = hand_dataset();
    const auto r = services(d);
    struct Want { std::size_t provided, received; std::int64_t balance; std::size_t serves, served_by; };
    const Want want[] = {{3, 1, 2, 2, 1}, {2, 1, 1, 2, 1}, {0, 4, -4, 0, 3}, {1, 0, 1, 1, 0}};
    for (std::size_t m = 0; m < 4; ++m) {
        INFO(d.municipalities[m].code);
        CHECK(r.municipalities[m].provided == want[m].provided);
        CHECK(r.municipalities[m].received == want[m].received);
        CHECK(r.municipalities[m].balance == want[m].balance);
        CHECK(r.municipalities[m].serves == want[m].serves);
        CHECK(r.municipalities[m].served_by == want[m].served_by);
    }
    CHECK(r.municipalities[0].arrangements_providing == 2);  // X1, X3
    CHECK(r.municipalities[2].arrangements_receiving == 4);  // X1..X4

    REQUIRE(r.pairs.size() == 4);
    CHECK((r.pairs[0].a == 0 && r.pairs[0].b == 1 && r.pairs[0].a_serves_b == 1 && r.pairs[0].b_serves_a == 1));
    CHECK(r.pairs[0].reciprocal());
    CHECK(r.pairs[0].arrangements == std::vector<std::string>{"X1", "X2"});
    CHECK((r.pairs[1].a == 0 && r.pairs[1].b == 2 && r.pairs[1].a_serves_b == 2 && r.pairs[1].b_serves_a == 0));
    CHECK_FALSE(r.pairs[1].reciprocal());
    CHECK((r.pairs[2].a == 1 && r.pairs[2].b == 2 && r.pairs[2].a_serves_b == 1 && r.pairs[2].b_serves_a == 0));
    CHECK((r.pairs[3].a == 2 && r.pairs[3].b == 3 && r.pairs[3].a_serves_b == 0 && r.pairs[3].b_serves_a == 1));

    const auto t = municipality_table(d, r);  // by balance: GM1 +2, GM2 +1, GM4 +1, GM3 -4
    REQUIRE(t.rows.size() == 4);
    CHECK(std::get<std::string>(t.rows[0][0]) == "GM1");
    CHECK(std::get<std::string>(t.rows[1][0]) == "GM2");
    CHECK(std::get<std::string>(t.rows[2][0]) == "GM4");
    CHECK(std::get<std::string>(t.rows[3][0]) == "GM3");
    const auto p = pair_table(d, r);
    CHECK(std::get<std::string>(p.rows[0][p.column_index("direction")]) == "reciprocal");
    CHECK(std::get<std::string>(p.rows[1][p.column_index("direction")]) == "one-way");
}

TEST_CASE("services: centrum arrangements and registrars", "[analysis][services]") {
    const auto d = hand_dataset();
    CHECK(is_centrum_arrangement(arrangement("a", "x", "gr_centrumgemeente")));
    CHECK(is_centrum_arrangement(arrangement("a", "Centrumgemeenteregeling", "gr_openbaar_lichaam")));  // word start
    CHECK(is_centrum_arrangement(arrangement("a", "Regeling centrumgemeente Wmo", "gr_openbaar_lichaam")));
    CHECK_FALSE(is_centrum_arrangement(arrangement("a", "Dienst", "gr_openbaar_lichaam")));
    CHECK(resolve_registrar(d, "GM3") == std::optional<std::size_t>(2));
    CHECK(resolve_registrar(d, "gm3") == std::optional<std::size_t>(2));
    CHECK(resolve_registrar(d, "Gemeente Delta") == std::optional<std::size_t>(3));
    CHECK(resolve_registrar(d, "delta") == std::optional<std::size_t>(3));
    CHECK_FALSE(resolve_registrar(d, "Provincie Gelderland"));
}

TEST_CASE("services: screening questions on one-way services and tax cooperation", "[analysis][services][screen]") {
    const auto d = hand_dataset();
    std::vector<Finding> out;
    screen_tasks_and_services(d, PracticeExtraOptions{}, out);
    std::vector<std::string> got;
    for (const auto& f : out) {
        std::string s;
        for (const auto& x : f.subjects) s += x;
        got.push_back(f.rule + " " + f.arrangement + " " + s + " " + std::to_string(static_cast<long>(f.value)));
    }
    // R1: providers GM1 (X1 X3) and GM2 (X2): no finding. R2 {GM1 GM3}: only GM1, in X1 and X3.
    // Tax: GM1 (10,000) and GM3 (30,000) are in no tax arrangement; GM2 is; GM4's population is unknown.
    const std::vector<std::string> want{"one_way_services R2 GM1 2", "tax_cooperation  GM1 10000",
                                        "tax_cooperation  GM3 30000"};
    CHECK(got == want);
    CHECK(rr::finding_text(rr::Lang::nl, out[0]) == "In Regio Twee levert Alpha in alle 2 regelingen met dienstverlening de diensten aan 1 "
                              "andere gemeente; geen gemeente levert iets aan Alpha.");
    CHECK(rr::finding_text(rr::Lang::nl, out[1]) == "Alpha (10.000 inwoners) neemt in deze gegevens aan geen belastingsamenwerking deel.");

    // A lower limit leaves GM3 out; without any tax arrangement the question is not asked at all.
    out.clear();
    screen_tasks_and_services(d, PracticeExtraOptions{20000}, out);
    CHECK(std::count_if(out.begin(), out.end(), [](const Finding& f) { return f.rule == "tax_cooperation"; }) == 1);
    auto no_tax = d;
    for (auto& a : no_tax.arrangements)
        if (a.id == "T1") a.domain = "afval", a.name = "Afval";  // the name alone would still say tax
    no_tax.reindex();
    out.clear();
    screen_tasks_and_services(no_tax, PracticeExtraOptions{}, out);
    CHECK(std::none_of(out.begin(), out.end(), [](const Finding& f) { return f.rule == "tax_cooperation"; }));

    // Hooked into screen(): the same findings appear among the others.
    const auto all = screen(d, ScreenOptions{});
    CHECK(std::count_if(all.begin(), all.end(), [](const Finding& f) { return f.rule == "one_way_services"; }) == 1);
}

TEST_CASE("services: without divisions, a connected group served by one host is found", "[analysis][services][screen]") {
    // H hosts A1 and A2 for C1 and C2; nobody serves H.
    Dataset d;
    d.municipalities = {{"C1", "Een", "", {}, {}, {}, {}}, {"C2", "Twee", "", {}, {}, {}, {}},
                        {"H", "Host", "", {}, {}, {}, {}}};
    auto a1 = arrangement("A1", "Centrumregeling Wmo", "gr_openbaar_lichaam");
    a1.registrar = "H";
    auto a2 = arrangement("A2", "Centrumregeling Jeugd", "gr_openbaar_lichaam");
    a2.registrar = "Gemeente Host";
    d.arrangements = {a1, a2};
    d.memberships = {member("A1", "C1"), member("A1", "H"), member("A2", "C2"), member("A2", "H")};
    d.reindex();
    std::vector<Finding> out;
    screen_tasks_and_services(d, PracticeExtraOptions{}, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].rule == "one_way_services");
    CHECK(out[0].subjects == std::vector<std::string>{"H"});
    CHECK(rr::finding_text(rr::Lang::nl, out[0]).find("de groep van Een en 2 andere gemeenten") != std::string::npos);
}
