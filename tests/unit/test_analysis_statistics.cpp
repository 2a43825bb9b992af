// The statistics and orders the report shows, the report's pass runner, the
// map division choice and the lookup by code or name, on small hand-worked
// datasets (every expected number is worked out in the comments).
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/graphs.hpp"
#include "analysis/report_results.hpp"
#include "analysis/statistics.hpp"
#include "render/result_texts.hpp"
#include "model/error.hpp"
#include "model/lookup.hpp"
#include "model/text.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

Membership member(std::string a, std::string m) {
    Membership k;
    k.arrangement_id = std::move(a);
    k.municipality_code = std::move(m);
    return k;
}

Arrangement arrangement(std::string id, std::string form, std::string domain, std::string division = {}) {
    Arrangement a;
    a.id = id;
    a.name = "Regeling " + id;
    a.form = std::move(form);
    a.domain = std::move(domain);
    a.division = std::move(division);
    return a;
}

// A, B, C, D; x (afval) = {A, B}; y (no domain) = {A, B, C}; the division
// "veiligheidsregio" has r1 = {A, B} and r2 = {C}; D takes part in nothing.
Dataset four() {
    Dataset d;
    d.name = "four";
    d.municipalities = {{"A", "Aa", "P", {}, {}, {}, {}}, {"B", "Bee", "P", {}, {}, {}, {}},
                        {"C", "Cee", "Q", {}, {}, {}, {}}, {"D", "Dee", "Q", {}, {}, {}, {}}};
    d.arrangements = {arrangement("x", "gr_openbaar_lichaam", "afval"), arrangement("y", "gr_openbaar_lichaam", ""),
                      arrangement("r1", "regional_division", "veiligheid", "veiligheidsregio"),
                      arrangement("r2", "regional_division", "veiligheid", "veiligheidsregio")};
    d.memberships = {member("x", "A"), member("x", "B"), member("y", "A"), member("y", "B"), member("y", "C"),
                     member("r1", "A"), member("r1", "B"), member("r2", "C")};
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("count statistics: mean, median, maximum and how many lie above a mark", "[analysis][statistics]") {
    // 3, 3, 2, 0: mean 8/4 = 2, median (2 + 3)/2 = 2.5, max 3, above 2: two values.
    const auto s = count_stats({3, 3, 2, 0}, 2.0);
    CHECK(s.mean == 2.0);
    CHECK(s.median == 2.5);
    CHECK(s.max == 3.0);
    CHECK(s.above == 2);
    CHECK(median({5, 1, 3}) == 3.0);
    const auto empty = count_stats({}, 20.0);
    CHECK(empty.mean == 0.0);
    CHECK(empty.above == 0);
}

TEST_CASE("membership statistics count ordinary arrangements and regions apart", "[analysis][statistics]") {
    const auto s = membership_stats(four());
    CHECK(s.municipalities == 4);
    CHECK(s.ordinary_arrangements == 2);
    CHECK(s.regions == 2);
    CHECK(s.all == std::vector<double>{3, 3, 2, 0});
    CHECK(s.ordinary == std::vector<double>{2, 2, 1, 0});
    CHECK(s.regional == std::vector<double>{1, 1, 1, 0});
    CHECK(s.most == 0);  // A and B both have 3: the first
    REQUIRE(s.by_form.size() == 1);
    CHECK(s.by_form.at("gr_openbaar_lichaam").arrangements == 2);
    CHECK(s.by_form.at("gr_openbaar_lichaam").memberships == 5);
    REQUIRE(s.by_domain.size() == 2);
    CHECK(s.by_domain.at("afval").memberships == 2);
    CHECK(s.by_domain.at("").memberships == 3);
    REQUIRE(s.divisions.size() == 1);
    CHECK(s.divisions[0].division == "veiligheidsregio");
    CHECK(s.divisions[0].regions == 2);
    CHECK(s.divisions[0].municipalities == 3);
}

TEST_CASE("orders and ranks: descending, ties by the order given, non-finite values left out", "[analysis][statistics]") {
    const std::vector<double> v{1.0, 3.0, std::nan(""), 3.0};
    CHECK(order_descending(v, {0, 1, 2, 3}) == std::vector<std::size_t>{1, 3, 0});
    CHECK(order_descending(v, {3, 2, 1, 0}) == std::vector<std::size_t>{3, 1, 0});
    const std::vector<std::optional<double>> o{std::nullopt, 2.0, 5.0};
    CHECK(order_descending(o, {0, 1, 2}) == std::vector<std::size_t>{2, 1});
    CHECK(order_by_key({"c", "a", "b"}) == std::vector<std::size_t>{1, 2, 0});
    CHECK(ranks({1, 3, 0}, 4) == std::vector<std::size_t>{3, 1, 0, 2});
}

TEST_CASE("partner ties: most shared arrangements first, ties by code", "[analysis][statistics]") {
    const auto d = four();
    const auto ties = partner_ties(d, project_municipalities(d));
    // A-B share x, y and r1 (3); A-C and B-C share y (1); D shares nothing.
    using Ties = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(ties[0] == Ties{{1, 3}, {2, 1}});
    CHECK(ties[2] == Ties{{0, 1}, {1, 1}});
    CHECK(ties[3].empty());
}

TEST_CASE("community members: largest community first, ties by number", "[analysis][statistics]") {
    const auto groups = community_members({1, 2, 1, 0, 2, 2});
    REQUIRE(groups.size() == 3);
    CHECK(groups[0] == std::pair<std::int64_t, std::vector<std::size_t>>{2, {1, 4, 5}});
    CHECK(groups[1] == std::pair<std::int64_t, std::vector<std::size_t>>{1, {0, 2}});
    CHECK(groups[2] == std::pair<std::int64_t, std::vector<std::size_t>>{0, {3}});
    CHECK(community_members({1, 0})[0].first == 0);
}

TEST_CASE("the map division: a safety region division by code, else the widest", "[analysis][statistics]") {
    auto d = four();
    CHECK(default_map_division(d) == "veiligheidsregio");
    // Renamed: now "a" (r1, r2: A, B, C) against "b" (a new region of A only).
    for (auto& a : d.arrangements)
        if (a.is_region()) a.division = "a";
    d.arrangements.push_back(arrangement("r3", "regional_division", "x", "b"));
    d.memberships.push_back(member("r3", "A"));
    d.reindex();
    CHECK(default_map_division(d) == "a");
    CHECK(default_map_division(Dataset{}).empty());
}

TEST_CASE("division map ties come from ordinary arrangements, else from the other divisions", "[analysis][statistics]") {
    const auto d = four();
    const auto ties = division_map_ties(d, "veiligheidsregio");
    CHECK(!ties.from_other_divisions);
    // x and y only: A-B (2), A-C (1), B-C (1).
    CHECK(ties.projection.shared == std::vector<std::size_t>{2, 1, 1});
}

TEST_CASE("the report's passes run once and fill every result", "[analysis][statistics]") {
    const auto d = four();
    ReportOptions o;
    o.focus = "B";
    o.classification = ClassificationRules{};  // no rules: every arrangement onbekend
    std::vector<std::string> steps;
    const auto r = run_report_passes(d, o, [&](const std::string& s) { steps.push_back(s); });
    CHECK(steps == std::vector<std::string>{"projection", "overlap", "load", "centrality", "communities", "congruence",
                                            "classification", "services", "screening", "partners", "coverage"});
    CHECK(r.overlap.has_value());
    CHECK(r.load->municipalities.size() == 4);
    CHECK(r.centrality->degree == std::vector<std::int64_t>{2, 2, 2, 0});
    // The focus only (here none: no neighbour table, so the SETA rule of
    // analysis/partner_suggestions.hpp suggests nobody).
    for (const auto& p : *r.partners) CHECK(p.municipality == 1);
    const auto tables = result_tables(d, r, rr::result_words(rr::Lang::nl, d));
    std::vector<std::string> names;
    for (const auto& t : tables) names.push_back(t.name);
    CHECK(names == std::vector<std::string>{"overlap", "load_municipality", "load_arrangement", "centrality_municipality",
                                            "communities", "community_agreement", "congruence_divisions", "screen",
                                            "classify", "classify_municipality", "classify_summary", "services",
                                            "services_pair", "services_link", "partner_suggestions", "coverage_provinces"});
    CHECK(r.classes->by_kind[static_cast<std::size_t>(TaskKind::onbekend)] == r.classes->arrangements.size());
    CHECK(r.coverage.has_value());
}

TEST_CASE("a municipality or arrangement by code, else by name ignoring case", "[model][lookup]") {
    const auto d = four();
    CHECK(find_municipality_by_key(d, "C") == 2);
    CHECK(find_municipality_by_key(d, "bee") == 1);
    CHECK(find_municipality_by_key(d, "BEE") == 1);
    CHECK_THROWS_AS(find_municipality_by_key(d, "c "), UsageError);
    CHECK(d.arrangements[find_arrangement_by_key(d, "regeling y")].id == "y");
    CHECK_THROWS_AS(find_arrangement_by_key(d, "nothing"), UsageError);
    CHECK(lower("Súdwest-Fryslân ABC") == "súdwest-fryslân abc");
}

TEST_CASE("a name that several regions share is refused with their keys, not answered for one of them",
          "[model][lookup]") {
    auto d = four();
    for (auto& a : d.arrangements) {
        if (a.id == "r1") a.name = "Groningen";  // a safety region
        if (a.id == "r2") a.name = "groningen";  // another, the same name in another case
    }
    for (auto& m : d.municipalities)
        if (m.code == "D") m.name = "Bee";  // D shares B's name
    d.reindex();
    CHECK_THROWS_WITH(find_arrangement_by_key(d, "GRONINGEN"),
                      "'GRONINGEN' names 2 arrangements in dataset four; give one by its key: "
                      "r1 (veiligheidsregio), r2 (veiligheidsregio)");
    CHECK(d.arrangements[find_arrangement_by_key(d, "r2")].id == "r2");  // the key still finds it
    CHECK_THROWS_WITH(find_municipality_by_key(d, "bee"),
                      "'bee' names 2 municipalities in dataset four; give one by its key: B (P), D (Q)");
    // The region filter uses the same lookup.
    analysis::Filter f;
    f.region = "Groningen";
    CHECK_THROWS_AS(analysis::apply(d, f), UsageError);
    f.region = "r1";
    CHECK(analysis::apply(d, f).municipalities.size() == 2);
}
