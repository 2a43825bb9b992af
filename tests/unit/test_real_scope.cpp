// Issue 13 on the embedded nl-2016 bundle (data/nl-2016, built by
// scripts/build-nl-2016 with the register rules of importers/region_bodies):
// what counts as cooperation, and the findings a board reads from it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/overlap.hpp"
#include "analysis/partner_suggestions.hpp"
#include "analysis/scope.hpp"
#include "analysis/screen.hpp"
#include "analysis/summary.hpp"
#include "render/result_texts.hpp"
#include "importers/bundle_importer.hpp"
#include "model/model_builder.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

const Dataset& nl2016() {
    static const Dataset d = [] {
        ModelBuilder b("nl-2016");
        ImportReport report;
        BundleImporter{}.read(test::data_dir() / "nl-2016", b, report, {});
        return b.finish();
    }();
    return d;
}

const Arrangement& named(const Dataset& d, const std::string& name) {
    for (const auto& a : d.arrangements)
        if (a.name == name && !a.is_region()) return a;
    static const Arrangement none;
    FAIL("no arrangement named " << name);
    return none;
}

std::set<std::pair<std::string, std::string>> candidates(const Dataset& d) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& r : overlap(d))
        if (r.redundancy_candidate) out.insert({r.a_name, r.b_name});
    return out;
}

}  // namespace

TEST_CASE("nl-2016: redundancy candidates are cooperation only, never one body twice", "[real][2016][scope]") {
    const auto& d = nl2016();
    const auto coop = cooperation_scope(d);
    const auto cand = candidates(coop);
    INFO(cand.size() << " candidates");
    // The three real candidates of the issue.
    // The social service is registered twice ("Alblasserwaard-Vijfheerenlanden" and
    // "Alblasserwaard-Oost/Vijfheerenlanden (RSDAV)"): the pair is found under the name kept.
    bool rsd = false, educatie = false, lander = false;
    for (const auto& [a, b] : cand) {
        const std::set<std::string> pair{a, b};
        rsd = rsd || (pair.count("Werkvoorzieningschap \"De Avelingengroep\" (Avres)") &&
                      (a.rfind("Regionale Sociale Dienst Alblasserwaard", 0) == 0 ||
                       b.rfind("Regionale Sociale Dienst Alblasserwaard", 0) == 0));
        educatie = educatie || pair == std::set<std::string>{"Educatie Gooi en Vechtstreek",
                                                             "Regionaal Bureau Leerlingzaken Gooi- en Vechtstreek"};
        lander = lander || pair == std::set<std::string>{"Lander Werk & Participatie", "Werkzaak Rivierenland"};
    }
    CHECK(rsd);
    CHECK(educatie);
    CHECK(lander);

    // Even with regions and second registrations included, no candidate is a
    // region, a body and its region, or one body under two names.
    ScopeOptions wide;
    wide.include_regions = wide.include_duplicates = true;
    const auto all = cooperation_scope(d, wide);
    std::size_t region_pairs = 0;
    for (const auto& r : overlap(all)) {
        if (!r.redundancy_candidate) continue;
        CHECK_FALSE(all.arrangements[r.a_index].is_region());
        CHECK_FALSE(all.arrangements[r.b_index].is_region());
        CHECK(relation(all, r.a_index, r.b_index) == PairRelation::distinct);
        region_pairs += all.arrangements[r.a_index].is_region() || all.arrangements[r.b_index].is_region();
    }
    CHECK(region_pairs == 0);
    // The GBLT, reported under three spellings, is one body.
    const auto& gblt = named(d, "Gemeenschappelijk Belastingkantoor Lococensus - Tricijn (GBLT)");
    CHECK(gblt.duplicate_of.empty());
    for (const auto* other : {"Gemeenschappelijk Belastingkantoor gezamenlijke waterschappen Locosensus-Tricijn (GBLT)",
                              "Gemeenschappelijk Belastingkantoor gezamenlijke waterschappen Locosensus-Tricijn"}) {
        INFO(other);
        CHECK(named(d, other).duplicate_of == gblt.id);
    }
    for (const auto& [a, b] : cand) {
        CHECK(a.find("Belastingkantoor gezamenlijke") == std::string::npos);
        CHECK(b.find("Belastingkantoor gezamenlijke") == std::string::npos);
    }
}

TEST_CASE("nl-2016: the headline figures come from the same rule (median 8, not 42)", "[real][2016][scope]") {
    const auto& d = nl2016();
    const auto s = summarise(d);
    CHECK(s.median_per_municipality == Approx(8.0));
    CHECK(s.above_twenty == 0);
    CHECK(s.counts.regions == 1047);
    std::size_t n = 0;
    for (const auto& r : overlap(cooperation_scope(d))) n += r.redundancy_candidate;
    CHECK(s.redundancy_candidates == n);
    CHECK(n > 0);
    // The register carries memberships only: no costs, seats, hosts or population.
    CHECK(std::find(s.left_out.begin(), s.left_out.end(), "board_seats") != s.left_out.end());
    CHECK(std::find(s.left_out.begin(), s.left_out.end(), "population") != s.left_out.end());
    CHECK(!s.columns.host);
    // Coverage differs per province: Limburg reports far fewer than Gelderland.
    std::map<std::string, std::size_t> per;
    for (const auto& p : s.provinces) per[p.province] = p.arrangements;
    CHECK(per.size() == 12);
    CHECK(per["Limburg"] < per["Gelderland"]);
}

TEST_CASE("nl-2016: safety-region and GGD bodies are linked to their regions", "[real][2016][scope]") {
    const auto& d = nl2016();
    const auto& vr = named(d, "Veiligheidsregio Utrecht");
    REQUIRE_FALSE(vr.body_of.empty());
    CHECK(d.find_arrangement(vr.body_of)->division == "veiligheidsregios");
    std::size_t vr_bodies = 0, ggd_bodies = 0;
    for (const auto& a : d.arrangements) {
        if (a.body_of.empty()) continue;
        const auto* r = d.find_arrangement(a.body_of);
        REQUIRE(r);
        CHECK(r->is_region());
        vr_bodies += r->division == "veiligheidsregios";
        ggd_bodies += r->division == "ggds";
    }
    CHECK(vr_bodies >= 10);
    CHECK(ggd_bodies >= 5);
    // Forms read from a name say so.
    for (const auto& a : d.arrangements)
        if (!a.is_region() && a.form != "gemeenschappelijke_regeling") CHECK(a.form_basis == "name");
}

TEST_CASE("nl-2016: no municipality suggested as partner to more than 10 others", "[real][2016][partners]") {
    const auto& d = nl2016();
    ScopeOptions context;
    context.include_regions = true;
    const auto c = cooperation_scope(d, context);
    SuggestionOptions o;
    o.partner.new_only = true;
    std::map<std::size_t, std::size_t> times, given;
    const auto s = suggest_partners(c, o);
    for (const auto& x : s) {
        ++times[x.candidate.municipality];
        ++given[x.municipality];
        // neighbours in the same province (or, for the islands, near)
        CHECK(c.municipalities[x.municipality].province == c.municipalities[x.candidate.municipality].province);
    }
    CHECK(!s.empty());
    for (const auto& [m, n] : times) CHECK(n <= 10);
    for (const auto& [m, n] : given) CHECK(n <= 3);
}

TEST_CASE("nl-2016: screening findings name their arrangement and cite the publication", "[real][2016][screen]") {
    const auto& d = nl2016();
    ScopeOptions history;
    history.include_ended = true;
    const auto h = cooperation_scope(d, history);
    ScreenOptions o;
    const auto f = screen(h, o);
    CHECK(!f.empty());
    for (const auto& x : f) {
        const auto* a = h.find_arrangement(x.arrangement);
        REQUIRE(a);
        CHECK_FALSE(a->is_region());
        if (x.rule != "knipperlicht") CHECK(rr::finding_text(rr::Lang::nl, x).find(a->name) != std::string::npos);
        CHECK(rr::finding_source(rr::Lang::nl, x).find("Korsten (ca. 2016)") != std::string::npos);
        if (x.rule == "other_province" || x.rule == "not_neighbours") CHECK(a->domain != "recreatie");
        if (x.rule == "dominant_partner") CHECK(a->form != "gemeenschappelijke_regeling");
        if (x.rule == "other_province" || x.rule == "not_neighbours")
            for (const auto& code : x.subjects)
                CHECK(std::find(o.islands.begin(), o.islands.end(), code) == o.islands.end());
    }
}
