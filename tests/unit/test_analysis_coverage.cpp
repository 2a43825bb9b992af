// Coverage of the data (analysis/coverage.hpp, issue 13): per province how many
// municipalities cooperate at all and the median number of arrangements, and
// how many forms and domains were inferred rather than stated. A hand-worked
// fixture (every figure counted by hand in the comments) and one check on the
// embedded nl-2026 against figures computed independently from its CSV files.
#include <catch2/catch.hpp>

#include <map>

#include "analysis/coverage.hpp"
#include "analysis/graphs.hpp"
#include "analysis/scope.hpp"
#include "importers/bundle_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

Dataset fixture() {
    Dataset d;
    d.name = "coverage";
    d.reference_date = "2016-03-01";
    auto muni = [&](const std::string& code, const std::string& province) {
        Municipality m;
        m.code = code;
        m.name = code;
        m.province = province;
        d.municipalities.push_back(m);
    };
    muni("m1", "P");
    muni("m2", "P");
    muni("m3", "P");
    muni("q1", "Q");
    muni("q2", "Q");
    muni("r1", "R");
    muni("x1", "");  // no province: in the national figures, in no province's row
    auto arr = [&](const std::string& id, const std::vector<std::string>& members) -> Arrangement& {
        Arrangement a;
        a.id = id;
        a.name = id;
        a.form = "gr_openbaar_lichaam";
        a.domain = "sociaal";
        d.arrangements.push_back(a);
        for (const auto& c : members) {
            Membership ms;
            ms.arrangement_id = id;
            ms.municipality_code = c;
            d.memberships.push_back(ms);
        }
        return d.arrangements.back();
    };
    arr("A", {"m1", "m2", "q1"}).domain_basis = "name";
    auto& b = arr("B", {"m1", "m2"});
    b.form_basis = "name";
    b.domain_basis = "legal_basis";
    arr("C", {"q1"}).domain_basis = "none";
    arr("D", {"m1", "x1"});
    // Not cooperation: a region, an ended body, a second registration (each
    // carries an inferred basis, which must not be counted either).
    auto& region = arr("R1", {"m3", "q2", "r1"});
    region.division = "veiligheidsregio";
    region.form = "regional_division";
    region.form_basis = "name";
    auto& ended = arr("E", {"m3"});
    ended.end_year = 2010;
    ended.domain_basis = "name";
    auto& dup = arr("F", {"m1", "m2"});
    dup.duplicate_of = "B";
    dup.form_basis = "name";
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("coverage: per province and inferred forms and domains, hand-worked", "[analysis][coverage]") {
    const auto c = coverage(cooperation_scope(fixture()));
    // Cooperation: A, B, C, D (R1 a region, E ended in 2010 <= 2016, F B's repeat).
    // Per municipality: m1 in A, B, D = 3; m2 in A, B = 2; m3 0 (only R1, E);
    // q1 in A, C = 2; q2 0; r1 0; x1 in D = 1.
    CHECK(c.municipalities == 7);
    CHECK(c.with_cooperation == 4);  // m1, m2, q1, x1
    CHECK(c.arrangements == 4);
    REQUIRE(c.provinces.size() == 3);  // x1 has no province
    // P: m1, m2, m3; two cooperate; A, B, D have a member there; median {3, 2, 0} = 2.
    CHECK(c.provinces[0].province == "P");
    CHECK(c.provinces[0].municipalities == 3);
    CHECK(c.provinces[0].with_cooperation == 2);
    CHECK(c.provinces[0].arrangements == 3);
    CHECK(c.provinces[0].median_per_municipality == Approx(2.0));
    // Q: q1, q2; one cooperates; A (across P and Q, counted in both) and C; median {2, 0} = 1.
    CHECK(c.provinces[1].province == "Q");
    CHECK(c.provinces[1].municipalities == 2);
    CHECK(c.provinces[1].with_cooperation == 1);
    CHECK(c.provinces[1].arrangements == 2);
    CHECK(c.provinces[1].median_per_municipality == Approx(1.0));
    // R: r1 only in the region R1: nothing counted.
    CHECK(c.provinces[2].province == "R");
    CHECK(c.provinces[2].municipalities == 1);
    CHECK(c.provinces[2].with_cooperation == 0);
    CHECK(c.provinces[2].arrangements == 0);
    CHECK(c.provinces[2].median_per_municipality == Approx(0.0));
    REQUIRE(c.thinnest.has_value());
    REQUIRE(c.richest.has_value());
    CHECK(*c.thinnest == 2);  // R, median 0
    CHECK(*c.richest == 0);   // P, median 2
    // Forms: only B's was inferred (from its name); R1's and F's are not cooperation.
    CHECK(c.forms_inferred == 1);
    REQUIRE(c.form_bases.size() == 1);
    CHECK(c.form_bases[0].basis == "name");
    CHECK(c.form_bases[0].arrangements == 1);
    // Domains: A from its name, B from its legal basis, C not inferable; E does not count.
    CHECK(c.domains_inferred == 3);
    REQUIRE(c.domain_bases.size() == 3);
    CHECK(c.domain_bases[0].basis == "legal_basis");
    CHECK(c.domain_bases[1].basis == "name");
    CHECK(c.domain_bases[2].basis == "none");
    for (const auto& x : c.domain_bases) CHECK(x.arrangements == 1);
    // The stored table: one row per province.
    const auto t = to_table(c);
    CHECK(t.name == "coverage_provinces");
    CHECK(t.rows.size() == 3);
}

TEST_CASE("coverage: an empty dataset has no provinces and nothing inferred", "[analysis][coverage]") {
    Dataset d;
    d.reindex();
    const auto c = coverage(d);
    CHECK(c.provinces.empty());
    CHECK(!c.thinnest.has_value());
    CHECK(c.with_cooperation == 0);
    CHECK(c.forms_inferred == 0);
    CHECK(c.domains_inferred == 0);
}

// The embedded nl-2026 as the report sees it (as on its reference date, 2026).
// Expected figures from a second computation over data/nl-2026/*.csv in Python:
//   Y = 2026; active(r) = (not start or start <= Y) and (not end or end >= Y)
//   cooperation = arrangements with no division, no duplicate_of, not
//     (end_year <= Y), active; members = active memberships of those
//   -> 434 arrangements with members; 342 of 342 municipalities in at least one;
//   Limburg: 31 municipalities, 31 cooperate, 52 arrangements, median 13;
//   Flevoland: 6, 6, 13, median 6.5 (the lowest); Limburg the highest;
//   domains: name 206, legal_basis 172, none 44, purpose 12; forms all stated.
TEST_CASE("coverage of nl-2026 agrees with a count over its CSV files", "[analysis][coverage][real]") {
    ModelBuilder b("nl-2026");
    ImportReport report;
    BundleImporter{}.read(test::data_dir() / "nl-2026", b, report, {});
    const auto c = coverage(cooperation_scope(apply(b.finish(), Filter{})));
    CHECK(c.arrangements == 434);
    CHECK(c.municipalities == 342);
    CHECK(c.with_cooperation == 342);
    REQUIRE(c.provinces.size() == 12);
    const ProvinceCoverage* limburg = nullptr;
    for (const auto& p : c.provinces)
        if (p.province == "Limburg") limburg = &p;
    REQUIRE(limburg);
    CHECK(limburg->municipalities == 31);
    CHECK(limburg->with_cooperation == 31);
    CHECK(limburg->arrangements == 52);
    CHECK(limburg->median_per_municipality == Approx(13.0));
    CHECK(c.provinces[*c.thinnest].province == "Flevoland");
    CHECK(c.provinces[*c.thinnest].median_per_municipality == Approx(6.5));
    CHECK(c.provinces[*c.richest].province == "Limburg");
    CHECK(c.forms_inferred == 0);
    CHECK(c.domains_inferred == 434);
    std::map<std::string, std::size_t> bases;
    for (const auto& x : c.domain_bases) bases[x.basis] = x.arrangements;
    CHECK(bases == std::map<std::string, std::size_t>{{"legal_basis", 172}, {"name", 206}, {"none", 44}, {"purpose", 12}});
}
