// Communities and partition agreement, checked against an independent
// computation from the contingency table and hand-worked cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>

#include "analysis/communities.hpp"
#include "analysis/partition.hpp"
#include "model/error.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

// Independent second implementation: ARI (Hubert & Arabie), NMI (Danon:
// 2 I / (H1 + H2)) and VI (H1 + H2 - 2 I) from the contingency table.
struct Reference {
    double ari, nmi, vi;
};
Reference reference(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
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
    double sum_ij = 0, sum_a = 0, sum_b = 0;
    for (const auto& [k, v] : nij) sum_ij += c2(v);
    for (const auto& [k, v] : ai) sum_a += c2(v);
    for (const auto& [k, v] : bj) sum_b += c2(v);
    const double expected = sum_a * sum_b / c2(n);
    const double maximum = (sum_a + sum_b) / 2;
    Reference r{};
    r.ari = maximum == expected ? 1.0 : (sum_ij - expected) / (maximum - expected);
    double ha = 0, hb = 0, mi = 0;
    for (const auto& [k, v] : ai) ha -= v / n * std::log(v / n);
    for (const auto& [k, v] : bj) hb -= v / n * std::log(v / n);
    for (const auto& [k, v] : nij) mi += v / n * std::log(v * n / (ai[k.first] * bj[k.second]));
    r.nmi = ha + hb == 0 ? 1.0 : 2 * mi / (ha + hb);
    r.vi = ha + hb - 2 * mi;
    return r;
}

Municipality muni(const std::string& code, const std::string& province = "") {
    Municipality m;
    m.code = code;
    m.name = "Name " + code;
    m.province = province;
    return m;
}

Arrangement arr(const std::string& id, const std::string& division = "") {
    Arrangement a;
    a.id = id;
    a.name = "Arr " + id;
    a.form = division.empty() ? "gr_openbaar_lichaam" : "regional_division";
    a.division = division;
    return a;
}

Membership member(const std::string& a, const std::string& m, std::optional<double> share = std::nullopt) {
    Membership ms;
    ms.arrangement_id = a;
    ms.municipality_code = m;
    ms.share = share;
    return ms;
}

// Two cliques of four (a1..a4, b1..b4) joined by the edge a4-b1, each edge an
// arrangement of two members; z has no tie. Division "halves" matches the
// cliques; division "mixed" does not.
Dataset two_cliques() {
    Dataset d;
    d.name = "cliques";
    for (const auto* c : {"a1", "a2", "a3", "a4"}) d.municipalities.push_back(muni(c, "North"));
    for (const auto* c : {"b1", "b2", "b3", "b4"}) d.municipalities.push_back(muni(c, "South"));
    d.municipalities.push_back(muni("z", "South"));
    int e = 0;
    auto edge = [&](const std::string& x, const std::string& y) {
        const auto id = "e" + std::to_string(10 + e++);
        d.arrangements.push_back(arr(id));
        d.memberships.push_back(member(id, x));
        d.memberships.push_back(member(id, y));
    };
    for (const auto& side : {std::string("a"), std::string("b")})
        for (int i = 1; i <= 4; ++i)
            for (int j = i + 1; j <= 4; ++j) edge(side + std::to_string(i), side + std::to_string(j));
    edge("a4", "b1");
    d.arrangements.push_back(arr("h1", "halves"));
    d.arrangements.push_back(arr("h2", "halves"));
    d.arrangements.push_back(arr("x1", "mixed"));
    d.arrangements.push_back(arr("x2", "mixed"));
    for (const auto* c : {"a1", "a2", "a3", "a4"}) d.memberships.push_back(member("h1", c));
    for (const auto* c : {"b1", "b2", "b3", "b4", "z"}) d.memberships.push_back(member("h2", c));
    for (const auto* c : {"a1", "a2", "b1", "b2", "b3"}) d.memberships.push_back(member("x1", c));
    for (const auto* c : {"a3", "a4", "b4", "z"}) d.memberships.push_back(member("x2", c));
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("compare_partitions on a hand-worked pair", "[analysis][communities]") {
    // Contingency table rows (2,1,0) and (0,1,2): sum C(nij,2) = 2, rows 6,
    // columns 3, C(6,2) = 15: ARI = (2 - 6*3/15) / (4.5 - 1.2) = 8/33.
    // I = (2/3) ln 2, H1 = ln 2, H2 = ln 3.
    const std::vector<std::int64_t> a{0, 0, 0, 1, 1, 1};
    const std::vector<std::int64_t> b{0, 0, 1, 1, 2, 2};
    const auto r = compare_partitions(a, b);
    CHECK(r.items == 6);
    CHECK(r.groups_a == 2);
    CHECK(r.groups_b == 3);
    CHECK(r.ari == Approx(8.0 / 33.0));
    CHECK(r.nmi == Approx((4.0 / 3.0) * std::log(2.0) / (std::log(2.0) + std::log(3.0))));
    CHECK(r.vi == Approx(std::log(2.0) + std::log(3.0) - (4.0 / 3.0) * std::log(2.0)));
}

TEST_CASE("compare_partitions: identity, relabelling, unassigned items", "[analysis][communities]") {
    const std::vector<std::int64_t> a{5, 5, 9, 9, 9, 2, kUnassigned};
    const std::vector<std::int64_t> relabelled{1, 1, 0, 0, 0, 7, 3};
    const auto self = compare_partitions(a, a);
    CHECK(self.ari == Approx(1.0));
    CHECK(self.nmi == Approx(1.0));
    CHECK(self.vi == Approx(0.0).margin(1e-12));
    const auto r = compare_partitions(a, relabelled);
    CHECK(r.items == 6);  // the unassigned item is left out
    CHECK(r.ari == Approx(1.0));
    CHECK(r.nmi == Approx(1.0));
    CHECK_THROWS_AS(compare_partitions(a, {1, 2}), Error);
}

TEST_CASE("compare_partitions: trivial and empty comparisons", "[analysis][communities]") {
    // Both one group: identical, igraph's 0/0 is reported as 1.
    auto r = compare_partitions({3, 3, 3}, {1, 1, 1});
    CHECK(r.ari == 1.0);
    CHECK(r.nmi == Approx(1.0));
    CHECK(r.vi == Approx(0.0).margin(1e-12));
    // One group against singletons: no agreement beyond chance, no shared information.
    r = compare_partitions({0, 0, 0}, {0, 1, 2});
    CHECK(r.ari == Approx(0.0).margin(1e-12));
    CHECK(r.nmi == Approx(0.0).margin(1e-12));
    CHECK(r.vi == Approx(std::log(3.0)));
    // One item in common.
    r = compare_partitions({0, kUnassigned}, {4, 4});
    CHECK(r.items == 1);
    CHECK(r.ari == 1.0);
    // None in common: NaN, written as an empty cell.
    r = compare_partitions({kUnassigned, 1}, {2, kUnassigned});
    CHECK(r.items == 0);
    CHECK(std::isnan(r.ari));
    CommunityResult empty;
    empty.divisions.push_back({"vr", r});
    const auto t = agreement_table(empty);
    CHECK(std::holds_alternative<std::monostate>(t.rows[0][t.column_index("ari")]));
}

TEST_CASE("compare_partitions equals the contingency-table computation on random partitions",
          "[analysis][communities]") {
    std::mt19937 rng(42);
    for (int round = 0; round < 50; ++round) {
        const int n = 5 + static_cast<int>(rng() % 60);
        const int ka = 1 + static_cast<int>(rng() % 6);
        const int kb = 2 + static_cast<int>(rng() % 6);
        std::vector<std::int64_t> a(static_cast<std::size_t>(n)), b(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            a[static_cast<std::size_t>(i)] = static_cast<std::int64_t>(rng() % static_cast<unsigned>(ka));
            b[static_cast<std::size_t>(i)] = (i % 7 == 3) ? kUnassigned : static_cast<std::int64_t>(rng() % static_cast<unsigned>(kb));
        }
        const auto ref = reference(a, b);
        const auto r = compare_partitions(a, b);
        INFO("round " << round);
        CHECK(r.ari == Approx(ref.ari).margin(1e-9));
        CHECK(r.nmi == Approx(ref.nmi).margin(1e-9));
        CHECK(r.vi == Approx(ref.vi).margin(1e-9));
    }
}

TEST_CASE("independent random partitions agree near zero", "[analysis][communities]") {
    std::mt19937 rng(7);
    std::vector<std::int64_t> a(4000), b(4000);
    for (auto& x : a) x = static_cast<std::int64_t>(rng() % 10);
    for (auto& x : b) x = static_cast<std::int64_t>(rng() % 10);
    const auto r = compare_partitions(a, b);
    CHECK(std::abs(r.ari) < 0.01);
    CHECK(r.nmi < 0.02);
}

TEST_CASE("division_labels: split municipality counts in the region with the largest share", "[analysis][communities]") {
    Dataset d;
    d.municipalities = {muni("m1"), muni("m2"), muni("m3")};
    d.arrangements = {arr("r1", "vr"), arr("r2", "vr"), arr("r3", "vr")};
    d.memberships = {member("r1", "m1", 0.3), member("r2", "m1", 0.7),  // m1 mostly in r2
                     member("r1", "m2", 0.5), member("r3", "m2", 0.5),  // tie: smallest id r1
                     member("r3", "m3")};
    d.reindex();
    const auto l = division_labels(d, "vr");
    CHECK(l[0] == static_cast<std::int64_t>(*d.arrangement_index("r2")));
    CHECK(l[1] == static_cast<std::int64_t>(*d.arrangement_index("r1")));
    CHECK(l[2] == static_cast<std::int64_t>(*d.arrangement_index("r3")));
    CHECK(division_labels(d, "other") == std::vector<std::int64_t>(3, kUnassigned));
    const auto all = all_division_labels(d);
    REQUIRE(all.size() == 1);
    CHECK(all[0].first == "vr");
    CHECK(all[0].second == l);
}

TEST_CASE("province_labels: from Municipality::province, or from a province division", "[analysis][communities]") {
    Dataset d;
    d.municipalities = {muni("m1", "Utrecht"), muni("m2", "Gelderland"), muni("m3", "")};
    d.reindex();
    auto p = province_labels(d);
    CHECK(p.division.empty());
    CHECK(p.names == std::vector<std::string>{"Gelderland", "Utrecht"});
    CHECK(p.labels == std::vector<std::int64_t>{1, 0, kUnassigned});

    d.arrangements = {arr("pv1", "provincie"), arr("pv2", "provincie")};
    d.arrangements[0].name = "Zeeland";
    d.arrangements[1].name = "Limburg";
    d.memberships = {member("pv1", "m1"), member("pv1", "m2"), member("pv2", "m3")};
    d.reindex();
    p = province_labels(d);
    CHECK(p.division == "provincie");
    CHECK(p.names == std::vector<std::string>{"Zeeland", "Limburg"});
    CHECK(p.labels == std::vector<std::int64_t>{0, 0, 1});

    for (auto& a : d.arrangements) a.division = "Provincies";  // the Regioatlas spelling, any case
    d.reindex();
    CHECK(province_division(d) == "Provincies");
    CHECK(province_labels(d).labels == std::vector<std::int64_t>{0, 0, 1});
}

TEST_CASE("communities find two cliques joined by one edge, with hand-computed modularity", "[analysis][communities]") {
    const auto d = two_cliques();
    for (auto method : {CommunityMethod::louvain, CommunityMethod::leiden}) {
        CommunityOptions o;
        o.method = method;
        const auto r = communities(d, o);
        INFO(to_string(method));
        CHECK_FALSE(r.used_regions);
        CHECK(r.edges == 13);  // the regions add no edges
        CHECK(r.community_count == 2);
        // a1..a4 community 1 (smallest code a1), b1..b4 community 2, z isolated.
        CHECK(r.community == std::vector<std::int64_t>{1, 1, 1, 1, 2, 2, 2, 2, 0});
        CHECK(r.community_size == std::vector<std::size_t>{4, 4, 4, 4, 4, 4, 4, 4, 0});
        // Q = sum_c L_c/m - (d_c/2m)^2 with m = 13, L_c = 6, d_c = 13:
        // 2 (6/13 - 1/4) = 12/13 - 1/2.
        CHECK(r.modularity == Approx(12.0 / 13.0 - 0.5));

        REQUIRE(r.divisions.size() == 3);  // halves, mixed, and province from the municipalities
        CHECK(r.divisions[0].division == "halves");
        CHECK(r.divisions[0].agreement.items == 8);  // z has no tie: left out
        CHECK(r.divisions[0].agreement.ari == Approx(1.0));
        CHECK(r.divisions[0].agreement.nmi == Approx(1.0));
        CHECK(r.divisions[1].division == "mixed");
        const std::vector<std::int64_t> comm{1, 1, 1, 1, 2, 2, 2, 2};
        const std::vector<std::int64_t> mixed{0, 0, 1, 1, 0, 0, 0, 1};
        const auto ref = reference(comm, mixed);
        CHECK(r.divisions[1].agreement.ari == Approx(ref.ari));
        CHECK(r.divisions[1].agreement.nmi == Approx(ref.nmi));
        CHECK(r.divisions[2].division == "province");
        CHECK(r.divisions[2].agreement.ari == Approx(1.0));  // North / South are the cliques
    }
}

TEST_CASE("communities are deterministic for a seed and tables are complete", "[analysis][communities]") {
    const auto d = two_cliques();
    CommunityOptions o;
    o.seed = 12345;
    const auto r1 = communities(d, o);
    const auto r2 = communities(d, o);
    CHECK(r1.community == r2.community);
    CHECK(r1.modularity == r2.modularity);
    const auto t = to_table(d, r1);
    CHECK(t.rows.size() == d.municipalities.size());
    CHECK(std::get<std::string>(t.rows[0][t.column_index("code")]) == "a1");
    const auto s = summary_table(d, r1);
    CHECK(std::get<std::int64_t>(s.rows[0][s.column_index("clustered")]) == 8);
    CHECK(std::get<std::int64_t>(s.rows[0][s.column_index("communities")]) == 2);
    CHECK(agreement_table(r1).rows.size() == 3);
}

TEST_CASE("communities with regions only use the regions, and resolution changes the answer",
          "[analysis][communities]") {
    auto d = two_cliques();
    CommunityOptions o;
    o.include_regions = true;
    const auto r = communities(d, o);
    CHECK(r.used_regions);
    CHECK(r.edges > 13);
    CHECK(parse_community_method("leiden") == CommunityMethod::leiden);
    CHECK_THROWS_AS(parse_community_method("infomap"), UsageError);
    // A tiny resolution merges everything connected into one community.
    CommunityOptions low;
    low.resolution = 0.01;
    CHECK(communities(two_cliques(), low).community_count == 1);
}

TEST_CASE("communities keep the years the caller chose (--all-years, --active-in)", "[analysis][communities]") {
    // A dated register: A (m1, m2) 2012-2020, B (m2, m3) since 2022, reference year
    // 2026, and a region over all three so the pass narrows to ordinary arrangements.
    Dataset d;
    d.name = "dated";
    d.reference_date = "2026-05-16";
    for (const auto* c : {"m1", "m2", "m3"}) d.municipalities.push_back(muni(c, "North"));
    d.arrangements = {arr("A"), arr("B"), arr("R", "regions")};
    auto ended = [](Membership m) {
        m.start_year = 2012;
        m.end_year = 2020;
        return m;
    };
    auto joined_2022 = [](Membership m) {
        m.start_year = 2022;
        return m;
    };
    d.memberships = {ended(member("A", "m1")),       ended(member("A", "m2")),       joined_2022(member("B", "m2")),
                     joined_2022(member("B", "m3")), member("R", "m1"), member("R", "m2"), member("R", "m3")};
    d.reindex();

    // The whole history, as `--all-years` hands it over: both ties (m1-m2 from A, m2-m3 from B).
    CommunityOptions o;
    CHECK(communities(d, o).edges == 2);
    // As it stood in 2015 (`--active-in 2015`): A only.
    Filter in_2015;
    in_2015.active_in = 2015;
    const auto then = communities(apply(d, in_2015), o);
    CHECK(then.edges == 1);
    CHECK(then.community[2] == 0);       // m3 had no tie yet
    // As on the reference date (the default): B only.
    CHECK(communities(apply(d, Filter{}), o).edges == 1);
    CHECK(communities(apply(d, Filter{}), o).community[0] == 0);  // m1 has no current tie
}
