// Congruence of divisions and fit of arrangements, on a hand-made dataset.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/congruence.hpp"
#include "importers/importer.hpp"
#include "model/error.hpp"
#include "model/model_builder.hpp"
#include "support/test_support.hpp"

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

namespace {

// Independent ARI from the contingency table (Hubert & Arabie).
double reference_ari(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
    std::map<std::pair<std::int64_t, std::int64_t>, double> nij;
    std::map<std::int64_t, double> ai, bj;
    double n = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k] < 0 || b[k] < 0) continue;
        nij[{a[k], b[k]}] += 1;
        ai[a[k]] += 1;
        bj[b[k]] += 1;
        n += 1;
    }
    auto c2 = [](double x) { return x * (x - 1) / 2; };
    double s = 0, sa = 0, sb = 0;
    for (const auto& [k, v] : nij) s += c2(v);
    for (const auto& [k, v] : ai) sa += c2(v);
    for (const auto& [k, v] : bj) sb += c2(v);
    const double expected = sa * sb / c2(n);
    return (s - expected) / ((sa + sb) / 2 - expected);
}

Dataset nl_2024() {
    const auto dir = test::data_dir() / "nl-2024";
    ModelBuilder builder("nl-2024");
    ImportReport report;
    importer_for(dir).read(dir, builder, report, {});
    return builder.finish();
}

}  // namespace

TEST_CASE("congruence of the 2024 divisions: the facts of the cartomap README", "[analysis][congruence][nl2024]") {
    const auto d = nl_2024();
    const auto r = congruence(d, {});
    const auto divisions = d.divisions();
    REQUIRE(divisions.size() == 9);
    CHECK(r.pairs.size() == 36);  // the province division is present: no pseudo-division
    std::map<std::string, std::size_t> regions;
    for (const auto& p : r.pairs) {
        // Every 2024 municipality lies in exactly one region of every division.
        CHECK(p.agreement.items == 342);
        regions[p.a] = p.agreement.groups_a;
        regions[p.b] = p.agreement.groups_b;
        // igraph's measures equal the independent computation from the labels.
        const auto a = division_labels(d, p.a);
        const auto b = division_labels(d, p.b);
        const auto ref = reference_ari(a, b);
        CHECK(p.agreement.ari == Approx(ref).margin(1e-9));
    }
    CHECK(regions["veiligheidsregio"] == 25);
    CHECK(regions["ggdregio"] == 25);
    CHECK(regions["arbeidsmarktregio"] == 35);
    CHECK(regions["jeugdregio"] == 42);
    CHECK(regions["coropgebied"] == 40);
    CHECK(regions["regionale_energiestrategie"] == 30);
    CHECK(regions["zorgkantoorregio"] == 31);
    CHECK(regions["regionale_eenheid"] == 10);
    CHECK(regions["provincie"] == 12);
    // "Veiligheidsregio and GGD region nearly coincide (adjusted Rand index about 0.95)".
    const auto vr_ggd = std::find_if(r.pairs.begin(), r.pairs.end(),
                                     [](const auto& p) { return p.a == "ggdregio" && p.b == "veiligheidsregio"; });
    REQUIRE(vr_ggd != r.pairs.end());
    CHECK(vr_ggd->agreement.ari == Approx(0.95).margin(0.02));
    // "the police units and the provinces agree least with the rest": every other
    // division's least agreeing partner is one of the two.
    for (const auto& div : divisions) {
        if (div == "regionale_eenheid" || div == "provincie") continue;
        std::string least;
        double lowest = 2.0;
        for (const auto& p : r.pairs) {
            if (p.a != div && p.b != div) continue;
            if (p.agreement.ari < lowest) {
                lowest = p.agreement.ari;
                least = p.a == div ? p.b : p.a;
            }
        }
        INFO(div << " agrees least with " << least);
        CHECK((least == "regionale_eenheid" || least == "provincie"));
    }
    // The province division and the CBS province field are the same partition.
    auto by_field = d;
    by_field.arrangements.erase(std::remove_if(by_field.arrangements.begin(), by_field.arrangements.end(),
                                               [](const auto& a) { return a.division == "provincie"; }),
                                by_field.arrangements.end());
    std::set<std::string> province_ids;
    for (const auto& a : d.arrangements)
        if (a.division == "provincie") province_ids.insert(a.id);
    CHECK(province_ids.size() == 12);
    by_field.memberships.erase(std::remove_if(by_field.memberships.begin(), by_field.memberships.end(),
                                              [&](const auto& m) { return province_ids.count(m.arrangement_id) > 0; }),
                               by_field.memberships.end());
    by_field.outlines.clear();
    by_field.reindex();
    const auto field = province_labels(by_field);
    CHECK(field.division.empty());
    CHECK(field.names.size() == 12);
    CHECK(compare_partitions(field.labels, division_labels(d, "provincie")).ari == Approx(1.0));
    // No ordinary arrangements in this dataset: nothing to fit.
    CHECK(r.fits.empty());
}
