// What counts as cooperation (analysis/scope.hpp), the figures under that rule
// (analysis/summary.hpp), partner suggestions with their cap
// (analysis/partner_suggestions.hpp) and the border exceptions of screening,
// on small hand-worked datasets: every expected figure is counted by hand in
// the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "analysis/load.hpp"
#include "analysis/overlap.hpp"
#include "analysis/partner_suggestions.hpp"
#include "analysis/scope.hpp"
#include "analysis/screen.hpp"
#include "analysis/summary.hpp"
#include "render/result_texts.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

struct Make {
    Dataset d;
    Make& muni(const std::string& code, const std::string& province = "P", std::optional<std::int64_t> pop = {}) {
        Municipality m;
        m.code = code;
        m.name = code;
        m.province = province;
        m.population = pop;
        d.municipalities.push_back(m);
        return *this;
    }
    Arrangement& arr(const std::string& id, const std::vector<std::string>& members, const std::string& domain = "veiligheid",
                     const std::string& division = {}) {
        Arrangement a;
        a.id = id;
        a.name = "A " + id;
        a.domain = domain;
        a.division = division;
        a.form = division.empty() ? "gr" : "regional_division";
        d.arrangements.push_back(a);
        for (const auto& c : members) {
            Membership ms;
            ms.arrangement_id = id;
            ms.municipality_code = c;
            d.memberships.push_back(ms);
        }
        return d.arrangements.back();
    }
    Make& neighbour(const std::string& a, const std::string& b) {
        d.neighbours.push_back({std::min(a, b), std::max(a, b), 1.0});
        return *this;
    }
    Dataset done() {
        d.reindex();
        return d;
    }
};

// m1..m4 in one safety region R (division vr) and one GGD region G with the
// same members (division ggd); the safety region's body B; a second
// registration D of B; another body X with the same members in the same
// domain (a real redundancy candidate with B); an ended body E; and a
// two-member arrangement Y (m1, m2).
Dataset safety_fixture() {
    Make k;
    k.muni("m1").muni("m2").muni("m3").muni("m4");
    k.d.reference_date = "2016-03-01";
    k.arr("R", {"m1", "m2", "m3", "m4"}, "veiligheid", "vr");
    k.arr("G", {"m1", "m2", "m3", "m4"}, "veiligheid", "ggd");
    k.arr("B", {"m1", "m2", "m3", "m4"}).body_of = "R";
    k.arr("D", {"m1", "m2", "m3", "m4"}).duplicate_of = "B";
    k.arr("X", {"m1", "m2", "m3", "m4"});
    k.arr("E", {"m1", "m2", "m3", "m4"}).end_year = 2016;
    k.arr("Y", {"m1", "m2"}, "afval");
    return k.done();
}

}  // namespace

TEST_CASE("scope: regions, second registrations and ended bodies are not cooperation", "[analysis][scope]") {
    const auto d = safety_fixture();
    CHECK(reference_year(d) == 2016);
    const auto coop = cooperation_scope(d);
    std::vector<std::string> ids;
    for (const auto& a : coop.arrangements) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"B", "X", "Y"});
    CHECK(coop.municipalities.size() == 4);  // every municipality stays, in order
    CHECK(coop.memberships.size() == 4 + 4 + 2);

    const auto c = scope_counts(d);
    CHECK(c.cooperation == 3);
    CHECK(c.regions == 2);
    CHECK(c.divisions == 2);
    CHECK(c.duplicates == 1);
    CHECK(c.ended == 1);
    CHECK(c.bodies_of_regions == 1);

    ScopeOptions all;
    all.include_regions = all.include_duplicates = all.include_ended = true;
    CHECK(cooperation_scope(d, all).arrangements.size() == 7);
    ScopeOptions later;
    later.current_year = 2015;  // E still ran in 2015
    CHECK(scope_counts(d, later).cooperation == 4);
    CHECK(to_string(excluded(d.arrangements[*d.arrangement_index("R")], {}, 2016)) == "region");
    CHECK(label_with_division(*d.find_arrangement("R")) == "A R (vr)");
    CHECK(label_with_division(*d.find_arrangement("B")) == "A B");
}

TEST_CASE("scope: pair relations; only distinct pairs can be redundancy candidates", "[analysis][scope][overlap]") {
    const auto d = safety_fixture();
    auto idx = [&](const char* id) { return *d.arrangement_index(id); };
    CHECK(relation(d, idx("B"), idx("D")) == PairRelation::same_body);
    CHECK(relation(d, idx("B"), idx("R")) == PairRelation::body_and_own_region);
    CHECK(relation(d, idx("X"), idx("G")) == PairRelation::region_and_arrangement);
    CHECK(relation(d, idx("R"), idx("G")) == PairRelation::regions_of_two_divisions);
    CHECK(relation(d, idx("B"), idx("X")) == PairRelation::distinct);

    // Everything included: 6 arrangements of 4 identical members give 21 pairs
    // of Jaccard 1 (7 choose 2 = 21, minus the 6 pairs with Y, whose Jaccard is
    // 0.5, also reported at min 0.5). All share the domain veiligheid except Y.
    // Candidates: only the distinct same-domain pairs among B, X, E (D is B's
    // repeat; D-X and D-E are distinct too: a registration of B against X).
    ScopeOptions all;
    all.include_regions = all.include_duplicates = all.include_ended = true;
    const auto everything = cooperation_scope(d, all);
    std::vector<std::pair<std::string, std::string>> cand;
    for (const auto& r : overlap(everything))
        if (r.redundancy_candidate) cand.emplace_back(r.a, r.b);
    std::sort(cand.begin(), cand.end());
    CHECK(cand == std::vector<std::pair<std::string, std::string>>{{"B", "E"}, {"B", "X"}, {"D", "E"}, {"D", "X"}, {"E", "X"}});

    // The default scope: B and X only.
    std::size_t n = 0;
    for (const auto& r : overlap(cooperation_scope(d))) {
        if (!r.redundancy_candidate) continue;
        ++n;
        CHECK(r.a == "B");
        CHECK(r.b == "X");
    }
    CHECK(n == 1);
}

TEST_CASE("summary: median per municipality and candidates under one rule", "[analysis][scope][summary]") {
    auto d = safety_fixture();
    // Cooperation per municipality: m1, m2 in B, X, Y = 3; m3, m4 in B, X = 2.
    // Median of {3, 3, 2, 2} = 2.5; mean 2.5; max 3; none above twenty.
    const auto s = summarise(d);
    CHECK(s.per_municipality == std::vector<std::size_t>{3, 3, 2, 2});
    CHECK(s.median_per_municipality == Approx(2.5));
    CHECK(s.mean_per_municipality == Approx(2.5));
    CHECK(s.max_per_municipality == 3);
    CHECK(s.above_twenty == 0);
    CHECK(s.redundancy_candidates == 1);  // B-X, as the overlap test above
    REQUIRE(s.provinces.size() == 1);
    CHECK(s.provinces[0].province == "P");
    CHECK(s.provinces[0].arrangements == 3);
    // Nothing but memberships: host, seats, population, costs and years are not in the data.
    CHECK(!s.columns.host);
    CHECK(!s.columns.board_seats);
    CHECK(!s.columns.population);
    // (years: E has an end year, but E is not counted; the counted ones have none)
    CHECK(s.left_out == std::vector<std::string>{"informal", "costs", "board_seats", "host", "population", "years"});
    CHECK(median({}) == 0.0);
    CHECK(median({5}) == 5.0);
    CHECK(median({1, 9, 4}) == 4.0);
}

TEST_CASE("load: a region of a division holds no meetings", "[analysis][scope][load]") {
    const auto d = safety_fixture();
    LoadWeights w;
    w.form_meetings["gr"] = 8;
    w.form_meetings["regional_division"] = 4;
    ScopeOptions regions;
    regions.include_regions = true;
    const auto r = load(cooperation_scope(d, regions), w);
    // m1: B, X, Y (3 x 8) + R, G (0) = 24 meetings; 5 memberships.
    CHECK(r.municipalities[0].memberships == 5);
    CHECK(r.municipalities[0].weighted_load == Approx(24.0));
    for (const auto& a : r.arrangements)
        if (a.id == "R" || a.id == "G") CHECK(a.meetings_per_year == 0.0);
}

TEST_CASE("partner suggestions: neighbours in the province, at most three each, capped per partner", "[analysis][partners]") {
    // A star: hub borders s1..s14, all in P, equal size. Without the cap, hub
    // would be suggested to all 14 (it is every spoke's only neighbour). With a
    // cap of 10 it is suggested to exactly 10. All scores are equal (0.25
    // proximity + 0.10 size + 0.10 province), so pairs go in code order: hub's
    // own three first, then the spokes as codes sort (s1, s10, ..., s14, s2,
    // ..., s5 take the ten); s6, s7, s8 and s9 are left without hub.
    Make k;
    k.muni("hub", "P", 1000);
    for (int i = 1; i <= 14; ++i) {
        const auto c = "s" + std::to_string(i);
        k.muni(c, "P", 1000);
        k.neighbour("hub", c);
    }
    k.muni("far", "Q", 1000);  // other province, no border: never suggested
    k.neighbour("hub", "far");
    const auto d = k.done();
    const auto s = suggest_partners(d);
    std::map<std::string, int> times;
    std::map<std::string, int> given;
    for (const auto& x : s) {
        ++times[d.municipalities[x.candidate.municipality].code];
        ++given[d.municipalities[x.municipality].code];
    }
    CHECK(times["hub"] == 10);
    CHECK(times.count("far") == 0);
    for (const auto& [code, n] : given) CHECK(n <= 3);
    for (const char* left : {"s6", "s7", "s8", "s9"}) {
        bool got_hub = false;
        for (const auto& x : s)
            if (d.municipalities[x.municipality].code == left) got_hub = true;
        CHECK_FALSE(got_hub);
    }
    SuggestionOptions uncapped;
    uncapped.max_times_suggested = 100;
    std::size_t hub = 0;
    for (const auto& x : suggest_partners(d, uncapped)) hub += d.municipalities[x.candidate.municipality].code == "hub";
    CHECK(hub == 14);
}

TEST_CASE("screen border rules: area arrangements and the Wadden islands are expected to cross", "[analysis][screen]") {
    Make k;
    k.muni("GM0448", "Noord-Holland").muni("GM0060", "Fryslân").muni("GM0400", "Noord-Holland").muni("x", "Utrecht");
    k.d.municipalities[0].name = "Texel";
    k.neighbour("GM0400", "x");
    k.arr("islands", {"GM0448", "GM0060"}, "bestuurlijk");           // Wadden: no finding
    k.arr("lake", {"GM0400", "x"}, "recreatie");                      // area arrangement on a border: no finding
    k.arr("ordinary", {"GM0400", "x"}, "afval");                      // another province: a finding, named
    const auto d = k.done();
    const auto f = screen(d, {});
    std::vector<std::string> hits;
    for (const auto& x : f) hits.push_back(x.rule + ":" + x.arrangement);
    CHECK(hits == std::vector<std::string>{"other_province:ordinary"});
    REQUIRE(f.size() == 1);
    CHECK(rr::finding_text(rr::Lang::nl, f[0]).rfind("A ordinary: ", 0) == 0);
    CHECK(rr::finding_source(rr::Lang::nl, f[0]).find("Korsten (ca. 2016)") != std::string::npos);
    CHECK(rr::finding_source(rr::Lang::nl, f[0]).find("DOMAIN.md") == std::string::npos);
}
