// Partner scores computed by hand from the documented formula.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/partners.hpp"
#include "render/result_texts.hpp"
#include "model/error.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

Dataset sample() {
    Dataset d;
    d.name = "partners";
    auto m = [&](const std::string& code, const std::string& province, std::optional<std::int64_t> pop,
                 std::optional<double> lat, std::optional<double> lon) {
        Municipality x;
        x.code = code;
        x.name = "N-" + code;
        x.province = province;
        x.population = pop;
        x.lat = lat;
        x.lon = lon;
        d.municipalities.push_back(x);
    };
    // 25 km north of "me" along the meridian: 25 / 6371.0088 rad.
    const double north = 52.0 + 25.0 / 6371.0088 * 180.0 / 3.14159265358979323846;
    m("me", "Utrecht", 100000, 52.0, 5.0);
    m("n1", "Utrecht", 50000, {}, {});          // neighbour, two shared arrangements, same region
    m("n2", "Gelderland", 100000, north, 5.0);  // 25 km away, same size
    m("n3", "Gelderland", {}, {}, {});          // nothing in common
    m("n4", "Utrecht", 100000, 52.0, 5.0);      // same score parts as n2 plus province: ties tested below
    auto a = [&](const std::string& id, const std::string& division, const std::vector<std::string>& members) {
        Arrangement x;
        x.id = id;
        x.name = "A-" + id;
        x.division = division;
        d.arrangements.push_back(x);
        for (const auto& c : members) {
            Membership ms;
            ms.arrangement_id = id;
            ms.municipality_code = c;
            d.memberships.push_back(ms);
        }
    };
    a("g1", "", {"me", "n1"});
    a("g2", "", {"me", "n1", "n4"});
    a("g3", "", {"n1", "n2"});          // me is not in it: open for n1 and n2
    a("r1", "vr", {"me", "n1"});
    a("r2", "vr", {"n2", "n3", "n4"});
    d.neighbours.push_back({"me", "n1", 3.5});
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("partners: scores by hand", "[analysis][partners]") {
    const auto d = sample();
    const auto c = partners(d, "me", {});
    REQUIRE(c.size() == 4);
    // n1: co 2/3, regions 1/1, neighbour 1, size 0.5, province 1:
    //     0.3*2/3 + 0.25 + 0.25 + 0.1*0.5 + 0.1 = 0.85
    CHECK(d.municipalities[c[0].municipality].code == "n1");
    CHECK(c[0].score == Approx(0.85));
    CHECK(c[0].co_memberships == 2);
    CHECK(c[0].same_regions == 1);
    CHECK(c[0].common_divisions == 1);
    CHECK(c[0].neighbour);
    CHECK(c[0].open_arrangements == std::vector<std::string>{"g3"});
    std::vector<std::string> reasons;
    for (auto r : c[0].reasons) reasons.push_back(rr::partner_reason(rr::Lang::en, d, c[0], r));
    CHECK(reasons == std::vector<std::string>{"2 shared arrangements", "same region in 1/1 divisions", "neighbour",
                                                   "size ratio 0.50", "same province (Utrecht)"});
    // n4: co 1/2, regions 0/1, distance 0 -> proximity 1, size 1, province 1:
    //     0.15 + 0 + 0.25 + 0.1 + 0.1 = 0.6
    CHECK(d.municipalities[c[1].municipality].code == "n4");
    CHECK(c[1].score == Approx(0.6));
    CHECK(c[1].distance_km.value() == Approx(0.0).margin(1e-9));
    // n2: co 0, regions 0/1, proximity 1 - 25/50, size 1, other province:
    //     0.25*0.5 + 0.1 = 0.225
    CHECK(d.municipalities[c[2].municipality].code == "n2");
    CHECK(c[2].score == Approx(0.225));
    CHECK(c[2].distance_km.value() == Approx(25.0));
    CHECK(c[2].open_arrangements == std::vector<std::string>{"g3"});
    // n3: nothing known in common.
    CHECK(d.municipalities[c[3].municipality].code == "n3");
    CHECK(c[3].score == Approx(0.0).margin(1e-12));
    CHECK_FALSE(c[3].size_similarity.has_value());
    CHECK(c[3].reasons.empty());
}

TEST_CASE("partners: top, new-only, ties by code, unknown municipality", "[analysis][partners]") {
    const auto d = sample();
    PartnerOptions o;
    o.top = 2;
    CHECK(partners(d, "me", o).size() == 2);
    o.top = 10;
    o.new_only = true;  // n1 and n4 already share an arrangement with me
    const auto c = partners(d, "N-me", o);  // by exact name
    REQUIRE(c.size() == 2);
    CHECK(d.municipalities[c[0].municipality].code == "n2");
    // Ties: n3 and n1 seen from n2's point of view share nothing with n3; equal
    // zero scores come in code order.
    PartnerOptions zero;
    zero.w_co = zero.w_regions = zero.w_proximity = zero.w_size = zero.w_province = 0.0;
    const auto z = partners(d, "n3", zero);
    REQUIRE(z.size() == 4);
    CHECK(d.municipalities[z[0].municipality].code == "me");
    CHECK(d.municipalities[z[1].municipality].code == "n1");
    CHECK(d.municipalities[z[3].municipality].code == "n4");
    CHECK_THROWS_AS(partners(d, "nobody", {}), UsageError);
    const auto t = to_table(d, partners(d, "me", {}), rr::reason_words(rr::Lang::nl, d));
    CHECK(std::get<std::int64_t>(t.rows[0][t.column_index("rank")]) == 1);
    CHECK(std::get<std::string>(t.rows[0][t.column_index("reasons")]).find("buurgemeente") != std::string::npos);
}

TEST_CASE("distance_km: haversine against one degree of arc", "[analysis][partners]") {
    const double degree = 6371.0088 * 3.14159265358979323846 / 180.0;  // 111.195 km
    CHECK(distance_km(0, 0, 0, 1) == Approx(degree));
    CHECK(distance_km(10, 20, 11, 20) == Approx(degree));
    // At 60 degrees north a degree of longitude is about half as long (slightly more on the great circle).
    CHECK(distance_km(60, 0, 60, 1) == Approx(degree * 0.5).epsilon(0.001));
    CHECK(distance_km(52.37, 4.90, 52.37, 4.90) == Approx(0.0).margin(1e-9));
}
