// Bodies of regions, second registrations and ended bodies: the bundle columns
// that state them (fixture tests/fixtures/bundle/bodies) and the written rules
// that infer them from a register (importers/region_bodies.hpp). Expected
// figures are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/overlap.hpp"
#include "analysis/scope.hpp"
#include "analysis/summary.hpp"
#include "importers/bundle_importer.hpp"
#include "importers/region_bodies.hpp"
#include "model/model_builder.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

Dataset bodies_bundle() {
    ModelBuilder b("bodies");
    ImportReport report;
    BundleImporter{}.read(test::fixture("bundle/bodies"), b, report, {});
    return b.finish();
}

void add(Dataset& d, const std::string& id, const std::string& name, const std::vector<std::string>& members,
         const std::string& division = {}) {
    Arrangement a;
    a.id = id;
    a.name = name;
    a.division = division;
    d.arrangements.push_back(a);
    for (const auto& c : members) {
        Membership m;
        m.arrangement_id = id;
        m.municipality_code = c;
        d.memberships.push_back(m);
    }
}

}  // namespace

TEST_CASE("bundle: body_of and duplicate_of columns are read and decide what counts", "[importer][bundle][scope]") {
    const auto d = bodies_bundle();
    CHECK(d.find_arrangement("gr01")->body_of == "vr:noord");
    CHECK(d.find_arrangement("gr02")->duplicate_of == "gr01");
    CHECK(d.find_arrangement("gr03")->form_basis == "name");
    CHECK(d.find_arrangement("gr04")->end_year == 2016);

    // Counted (reference year 2016): gr01 and gr03; gr02 repeats gr01, gr04 ended
    // in 2016, the two regions are the map.
    const auto c = analysis::scope_counts(d);
    CHECK(c.cooperation == 2);
    CHECK(c.regions == 2);
    CHECK(c.duplicates == 1);
    CHECK(c.ended == 1);
    CHECK(c.bodies_of_regions == 1);

    // gr01 (4 members) and gr03 (3 of them): Jaccard 0.75, nested, below 0.8.
    const auto s = analysis::summarise(d);
    CHECK(s.redundancy_candidates == 0);
    // GM0001..3 in gr01 and gr03 (2 each), GM0004 in gr01 only: median of {2, 2, 2, 1} = 2.
    CHECK(s.median_per_municipality == Approx(2.0));

    // With everything counted, the only candidates are the ended body against
    // the body and its second registration; never the body and its region, the
    // body and its own repeat, or the two regions.
    analysis::ScopeOptions all;
    all.include_regions = all.include_duplicates = all.include_ended = true;
    std::vector<std::string> cand;
    for (const auto& r : analysis::overlap(analysis::cooperation_scope(d, all)))
        if (r.redundancy_candidate) cand.push_back(r.a + "-" + r.b);
    std::sort(cand.begin(), cand.end());
    CHECK(cand == std::vector<std::string>{"gr01-gr04", "gr02-gr04"});
}

TEST_CASE("bundle: body_of must name a region", "[importer][bundle][scope]") {
    ModelBuilder b("x");
    Municipality m;
    m.code = "GM1";
    m.name = "A";
    b.add_municipality(m, {"municipalities.csv", 2});
    Arrangement a;
    a.id = "a";
    a.name = "A";
    a.body_of = "b";
    b.add_arrangement(a, {"arrangements.csv", 2});
    Arrangement o;
    o.id = "b";
    o.name = "B";
    b.add_arrangement(o, {"arrangements.csv", 3});
    CHECK_THROWS_WITH(b.finish(), Catch::Contains("arrangements.csv:2") && Catch::Contains("is not a region"));
}

TEST_CASE("register rules: bodies of regions, second registrations, ended bodies", "[importer][opengr][scope]") {
    Dataset d;
    const std::vector<std::string> north{"GM1", "GM2", "GM3", "GM4"};
    add(d, "vr:n", "Noord", north, "veiligheidsregios");
    add(d, "ggd:n", "GGD Noord", north, "ggds");
    add(d, "rm:n", "Noord", north, "rmc-regios");
    add(d, "gr:vrn", "Veiligheidsregio Noord", north);                // -> vr:n (name, same members)
    add(d, "gr:ggd", "Gemeentelijke Gezondheidsdienst Noord", north);  // -> ggd:n
    add(d, "gr:afval", "Afvalschap Noord", north);                    // no body kind: not linked
    add(d, "gr:vr3", "Veiligheidsregio Zuid", {"GM1", "GM2"});        // Jaccard 0.5: not linked
    // One body reported by two provinces: the abbreviation and nested members.
    add(d, "gr:blt1", "Belastingkantoor Lococensus-Tricijn (BLT)", {"GM1", "GM2", "GM3"});
    add(d, "gr:blt2", "Belastingkantoor Locosensus Tricijn (BLT)", {"GM1", "GM2"});
    // The same name after normalisation, the same members.
    add(d, "gr:rek1", "Rekenkamer Noord", {"GM3", "GM4"});
    add(d, "gr:rek2", "Rekenkamer  noord (GR)", {"GM3", "GM4"});
    // Same abbreviation, members not nested: two bodies.
    add(d, "gr:x1", "Werkbedrijf Oost (WBO)", {"GM1", "GM2"});
    add(d, "gr:x2", "Waterbeheer Oost (WBO)", {"GM3", "GM4"});
    // Ended.
    add(d, "gr:old", "Sociale Dienst Noord (in 2015 opgegaan in Werk Noord)", {"GM1"});
    add(d, "gr:wn", "Werk Noord", {"GM1"});
    add(d, "gr:gone", "Servicebureau (opgeheven)", {"GM2"});
    ImportReport report;
    const auto facts = infer_register_facts(d, report, "reg.csv", 2016);
    auto get = [&](const std::string& id) -> const Arrangement& {
        return *std::find_if(d.arrangements.begin(), d.arrangements.end(), [&](const auto& a) { return a.id == id; });
    };
    CHECK(get("gr:vrn").body_of == "vr:n");
    CHECK(get("gr:ggd").body_of == "ggd:n");
    CHECK(get("gr:afval").body_of.empty());
    CHECK(get("gr:vr3").body_of.empty());
    CHECK(get("gr:blt2").duplicate_of == "gr:blt1");  // the one with more members is the body
    CHECK(get("gr:blt1").duplicate_of.empty());
    CHECK(get("gr:rek2").duplicate_of == "gr:rek1");  // equal members: the smaller id
    CHECK(get("gr:x1").duplicate_of.empty());
    CHECK(get("gr:x2").duplicate_of.empty());
    CHECK(get("gr:old").end_year == 2015);
    CHECK(get("gr:gone").end_year == 2016);  // no year in the name: the register's year
    CHECK_FALSE(get("gr:wn").end_year.has_value());
    CHECK(facts.bodies == 2);
    CHECK(facts.duplicates == 2);
    CHECK(facts.ended == 2);
    // Every link is listed.
    auto noticed = [&](const std::string& text) {
        return std::any_of(report.notices.begin(), report.notices.end(),
                           [&](const auto& n) { return n.find(text) != std::string::npos; });
    };
    CHECK(noticed("'Veiligheidsregio Noord' (gr:vrn) governs region 'Noord' of veiligheidsregios (vr:n; Jaccard 1.00)"));
    CHECK(noticed("is a second registration of 'Belastingkantoor Lococensus-Tricijn (BLT)' (gr:blt1): same abbreviation (BLT), members nested"));
    CHECK(noticed("predecessor of Werk Noord (gr:wn)"));
}
