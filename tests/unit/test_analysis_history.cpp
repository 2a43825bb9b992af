// The history pass on a small dataset worked out by hand (see the comments).
#include <catch2/catch.hpp>

#include "analysis/history.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

Membership ms(const std::string& a, const std::string& m, std::optional<int> start, std::optional<int> end) {
    Membership x;
    x.arrangement_id = a;
    x.municipality_code = m;
    x.start_year = start;
    x.end_year = end;
    return x;
}

Arrangement arr(const std::string& id, const std::string& domain, std::optional<int> start, std::optional<int> end,
                const std::string& division = "") {
    Arrangement a;
    a.id = id;
    a.name = id;
    a.domain = domain;
    a.start_year = start;
    a.end_year = end;
    a.division = division;
    return a;
}

// X (afval, 2012-):     GM1 2012-, GM2 2012-2014 (left while X went on), GM3 2015-
// Y (afval, 2016-2018): GM1 and GM2 2016-2018 (ended with Y: not "left")
// Z (overig, 2013-):    GM1 2013-, GM3 2013-2013 (left)
// R: a region, no dates: left out.
Dataset by_hand() {
    Dataset d;
    d.municipalities = {{"GM1", "A", "", {}, {}, {}, {}}, {"GM2", "B", "", {}, {}, {}, {}}, {"GM3", "C", "", {}, {}, {}, {}}};
    d.arrangements = {arr("R", "veiligheid", {}, {}, "veiligheidsregio"), arr("X", "afval", 2012, {}),
                      arr("Y", "afval", 2016, 2018), arr("Z", "overig", 2013, {})};
    d.memberships = {ms("R", "GM1", {}, {}),     ms("X", "GM1", 2012, {}),   ms("X", "GM2", 2012, 2014),
                     ms("X", "GM3", 2015, {}),   ms("Y", "GM1", 2016, 2018), ms("Y", "GM2", 2016, 2018),
                     ms("Z", "GM1", 2013, {}),   ms("Z", "GM3", 2013, 2013)};
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("history: started, ended, active, joined and left per year", "[analysis][history]") {
    const auto d = by_hand();
    const auto r = history(d);
    CHECK(r.dated_arrangements == 3);
    CHECK(r.from_year == 2012);
    CHECK(r.to_year == 2018);                    // the latest year in the data
    REQUIRE(r.years.size() == 7);
    auto col = [&](auto f) {
        std::vector<std::size_t> v;
        for (const auto& y : r.years) v.push_back(f(y));
        return v;
    };
    using V = std::vector<std::size_t>;
    CHECK(col([](const HistoryYear& y) { return y.started; }) == V{1, 1, 0, 0, 1, 0, 0});
    CHECK(col([](const HistoryYear& y) { return y.ended; }) == V{0, 0, 0, 0, 0, 0, 1});
    CHECK(col([](const HistoryYear& y) { return y.active; }) == V{1, 2, 2, 2, 3, 3, 3});
    CHECK(col([](const HistoryYear& y) { return y.joined; }) == V{2, 2, 0, 1, 2, 0, 0});
    CHECK(col([](const HistoryYear& y) { return y.left; }) == V{0, 1, 1, 0, 0, 0, 0});
}

TEST_CASE("history: who joined and left most, and who left and came back", "[analysis][history]") {
    const auto d = by_hand();
    const auto r = history(d);
    REQUIRE(r.most_joined.size() == 3);
    CHECK(d.municipalities[r.most_joined[0].municipality].code == "GM1");
    CHECK(r.most_joined[0].joined == 3);
    CHECK(d.municipalities[r.most_joined[1].municipality].code == "GM2");  // 2, tie broken by code
    REQUIRE(r.most_left.size() == 2);
    CHECK(d.municipalities[r.most_left[0].municipality].code == "GM2");
    CHECK(d.municipalities[r.most_left[1].municipality].code == "GM3");
    // GM2 left X (afval) in 2014 and joined Y (afval) in 2016; GM3 left Z, but Z is "overig".
    REQUIRE(r.rejoins.size() == 1);
    const auto& k = r.rejoins[0];
    CHECK(d.municipalities[k.municipality].code == "GM2");
    CHECK(d.arrangements[k.left_arrangement].id == "X");
    CHECK(k.left_year == 2014);
    CHECK(d.arrangements[k.joined_arrangement].id == "Y");
    CHECK(k.joined_year == 2016);
}

TEST_CASE("history: a period and a dataset without dates", "[analysis][history]") {
    const auto d = by_hand();
    HistoryOptions o;
    o.from_year = 2015;
    o.to_year = 2016;
    const auto r = history(d, o);
    REQUIRE(r.years.size() == 2);
    CHECK(r.years[0].joined == 1);
    CHECK(r.years[1].started == 1);
    CHECK(r.rejoins.empty());                    // GM2 left in 2014, before the period
    Dataset undated;
    undated.municipalities = {{"GM1", "A", "", {}, {}, {}, {}}};
    undated.arrangements = {arr("A", "afval", {}, {})};
    undated.memberships = {ms("A", "GM1", {}, {})};
    undated.reindex();
    CHECK(history(undated).empty());
}
