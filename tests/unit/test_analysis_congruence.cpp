// Congruence of divisions and fit of arrangements, on a hand-made dataset.
#include <catch2/catch.hpp>

#include "analysis/congruence.hpp"
#include "model/error.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

Dataset sample() {
    Dataset d;
    d.name = "congruence";
    auto m = [&](const std::string& code, const std::string& province) {
        Municipality x;
        x.code = code;
        x.name = "N" + code;
        x.province = province;
        d.municipalities.push_back(x);
    };
    m("m1", "Utrecht");
    m("m2", "Utrecht");
    m("m3", "Utrecht");
    m("m4", "Gelderland");
    m("m5", "Gelderland");
    m("m6", "Gelderland");
    auto a = [&](const std::string& id, const std::string& division, const std::vector<std::string>& members) {
        Arrangement x;
        x.id = id;
        x.name = "Name " + id;
        x.division = division;
        x.form = division.empty() ? "gr" : "regional_division";
        x.domain = "afval";
        d.arrangements.push_back(x);
        for (const auto& c : members) {
            Membership ms;
            ms.arrangement_id = id;
            ms.municipality_code = c;
            d.memberships.push_back(ms);
        }
    };
    // vr follows the provinces; ggd cuts across; jeugd covers only m1..m4.
    a("vr1", "vr", {"m1", "m2", "m3"});
    a("vr2", "vr", {"m4", "m5", "m6"});
    a("gg1", "ggd", {"m1", "m2"});
    a("gg2", "ggd", {"m3", "m4"});
    a("gg3", "ggd", {"m5", "m6"});
    a("jz1", "jeugd", {"m1", "m2"});
    a("jz2", "jeugd", {"m3", "m4"});
    // Ordinary arrangements.
    a("a1", "", {"m1", "m2", "m4"});    // 2 of 3 in Utrecht, crosses
    a("a2", "", {"m5", "m6"});          // inside Gelderland
    a("a3", "", {"m3", "m4"});          // tie 1-1: smallest key (Gelderland)
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("congruence: every pair of divisions, with hand-computed agreement", "[analysis][congruence]") {
    const auto d = sample();
    const auto r = congruence(d, {});
    // Divisions ggd, jeugd, vr plus province from the municipalities: 6 pairs, sorted.
    REQUIRE(r.pairs.size() == 6);
    CHECK(r.pairs[0].a == "ggd");
    CHECK(r.pairs[0].b == "jeugd");
    // ggd vs jeugd on m1..m4 only: identical partitions there.
    CHECK(r.pairs[0].agreement.items == 4);
    CHECK(r.pairs[0].agreement.ari == Approx(1.0));
    // province vs vr: identical on all six.
    const auto& pv = r.pairs[5];
    CHECK(pv.a == "province");
    CHECK(pv.b == "vr");
    CHECK(pv.agreement.items == 6);
    CHECK(pv.agreement.ari == Approx(1.0));
    CHECK(pv.agreement.nmi == Approx(1.0));
    // ggd vs vr: table rows {2,0},{1,1},{0,2} (ggd x vr): sum C(nij,2) = 1 + 1 = 2,
    // rows 1+1+1 = 3, columns 3+3 = 6, C(6,2) = 15: ARI = (2 - 18/15) / (4.5 - 1.2) = 0.8/3.3.
    const auto& gv = r.pairs[2];
    CHECK(gv.a == "ggd");
    CHECK(gv.b == "vr");
    CHECK(gv.agreement.ari == Approx(0.8 / 3.3));
    CHECK(gv.agreement.groups_a == 3);
    CHECK(gv.agreement.groups_b == 2);
}

TEST_CASE("congruence: best-fitting province and crossing of borders", "[analysis][congruence]") {
    const auto d = sample();
    const auto r = congruence(d, {});
    CHECK(r.against == "province");
    REQUIRE(r.fits.size() == 3);  // ordinary arrangements only, by id
    const auto& a1 = r.fits[0];
    CHECK(d.arrangements[a1.arrangement].id == "a1");
    CHECK(a1.members == 3);
    CHECK(a1.best_region == "Utrecht");
    CHECK(a1.inside == 2);
    CHECK(a1.share == Approx(2.0 / 3.0));
    CHECK(a1.regions == 2);
    CHECK(a1.crosses_province);
    const auto& a2 = r.fits[1];
    CHECK(a2.best_region == "Gelderland");
    CHECK(a2.share == Approx(1.0));
    CHECK_FALSE(a2.crosses_province);
    const auto& a3 = r.fits[2];
    CHECK(a3.best_region == "Gelderland");  // 1-1 tie: smallest name
    CHECK(a3.share == Approx(0.5));
    CHECK(a3.crosses_province);
}

TEST_CASE("congruence against a named division, with unassigned members", "[analysis][congruence]") {
    const auto d = sample();
    CongruenceOptions o;
    o.against = "jeugd";
    const auto r = congruence(d, o);
    CHECK(r.against == "jeugd");
    const auto& a2 = r.fits[1];  // m5, m6: no jeugd region
    CHECK(a2.unassigned == 2);
    CHECK(a2.inside == 0);
    CHECK(a2.share == Approx(0.0));
    CHECK(a2.best_region.empty());
    const auto& a1 = r.fits[0];  // m1, m2 in jz1, m4 in jz2
    CHECK(a1.best_region == "jz1");
    CHECK(a1.best_region_name == "Name jz1");
    CHECK(a1.share == Approx(2.0 / 3.0));
    const auto t = to_table(d, r);
    CHECK(t.rows.size() == 3);
    CHECK(std::get<double>(t.rows[0][t.column_index("share")]) == Approx(2.0 / 3.0));
    CHECK(divisions_table(r).rows.size() == 6);

    o.against = "nonexistent";
    CHECK_THROWS_AS(congruence(d, o), UsageError);
}
