#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <utility>

#include "model/model_builder.hpp"

using namespace regionet;

// The builder looks keys up through a hash map that remembers the last key asked
// for, and knows memberships by their two positions. Checked here against the
// plain answer: a std::set of the string pairs added so far.
TEST_CASE("ModelBuilder knows its keys through rehashes, copies and any order", "[model][builder]") {
    std::mt19937 random(7);
    ModelBuilder b("t");
    std::set<std::pair<std::string, std::string>> added;
    const auto code = [](int i) { return "GM" + std::to_string(i); };
    const auto id = [](int i) { return "A" + std::to_string(i); };
    // Interleaved so that the maps rehash between lookups that hit the remembered key.
    for (int i = 0; i < 3000; ++i) {
        b.add_municipality({code(i), "m" + std::to_string(i), "", std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                           {});
        REQUIRE(b.has_municipality(code(i)));
        REQUIRE(b.has_municipality(code(i / 2)));
        if (i % 3 == 0) {
            Arrangement a;
            a.id = id(i / 3);
            a.name = "a";
            b.add_arrangement(a, {});
            REQUIRE(b.has_arrangement(a.id));
        }
    }
    CHECK_FALSE(b.has_municipality("GM3000"));
    CHECK_FALSE(b.has_arrangement("A1000"));
    b.expect_memberships(100);  // fewer than come: the membership set grows while it is asked
    for (int k = 0; k < 5000; ++k) {
        const auto a = id(static_cast<int>(random() % 1000)), m = code(static_cast<int>(random() % 3000));
        const bool fresh = added.emplace(a, m).second;
        REQUIRE(b.has_membership(a, m) == !fresh);
        Membership x;
        x.arrangement_id = a;
        x.municipality_code = m;
        if (fresh) {
            b.add_membership(x, {});
        } else {
            CHECK_THROWS_WITH(b.add_membership(x, {}), Catch::Contains("duplicate membership of '" + m + "'"));
        }
        REQUIRE(b.has_membership(a, m));
    }
    CHECK_FALSE(b.has_membership("A1", "GM3000"));
    CHECK_FALSE(b.has_membership("A1000", "GM1"));

    // A copy answers from its own map, also for the key the original asked last
    // (under ASan, a copy that kept the original's remembered key reads freed memory).
    ModelBuilder copy = [&] {
        ModelBuilder original = b;
        original.has_municipality("GM5");
        return ModelBuilder(original);
    }();
    copy.add_municipality({"GM9999", "n", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, {});
    CHECK(copy.has_municipality("GM5"));
    CHECK(copy.has_municipality("GM9999"));
    CHECK_FALSE(b.has_municipality("GM9999"));
    copy.municipality("GM5")->population = 12;
    CHECK_FALSE(b.municipality("GM5")->population.has_value());

    const auto d = b.finish();
    REQUIRE(d.memberships.size() == added.size());
    std::set<std::pair<std::string, std::string>> kept;
    for (const auto& m : d.memberships) kept.emplace(m.arrangement_id, m.municipality_code);
    CHECK(kept == added);
    // Empty afterwards: nothing is known, the same names can come again.
    CHECK_FALSE(b.has_municipality("GM1"));
    CHECK_FALSE(b.has_arrangement("A1"));
    CHECK_NOTHROW(b.add_municipality({"GM1", "m", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, {}));
}

TEST_CASE("ModelBuilder makes a membership's location only for a message", "[model][builder]") {
    ModelBuilder b("t");
    b.add_municipality({"GM1", "m", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, {});
    Arrangement a;
    a.id = "A1";
    a.name = "a";
    b.add_arrangement(a, {});
    Membership m;
    m.arrangement_id = "A1";
    m.municipality_code = "GM1";
    int made = 0;
    auto at = [&] {
        ++made;
        return SourceLoc{"memberships.csv", 7, 2};
    };
    b.add_membership(m, at);
    CHECK(made == 0);
    CHECK_THROWS_WITH(b.add_membership(m, at), "memberships.csv:7:2: duplicate membership of 'GM1' in arrangement 'A1'");
    CHECK(made == 1);
    m.municipality_code = "GM2";
    CHECK_THROWS_WITH(b.add_membership(m, at), "memberships.csv:7:2: unknown municipality 'GM2'");
    m.municipality_code = "GM1";
    m.arrangement_id = "A1";
    m.share = 1.5;
    CHECK_THROWS_WITH(b.add_membership(m, SourceLoc{"x.csv", 3, 1}), "x.csv:3:1: share must be within 0..1");
}
