// Louvain on compact arrays (analysis/louvain.hpp) against igraph's own
// igraph_community_multilevel and igraph_modularity: the same partition and the
// same modularity, bit for bit, on generated graphs of many shapes; and a
// hand-worked case.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "analysis/communities.hpp"
#include "analysis/louvain.hpp"
#include "capi/igraph.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

struct IgraphResult {
    std::vector<std::int64_t> membership;
    double modularity = 0;
};

IgraphResult igraph_louvain(const Projection& p, double resolution, unsigned long seed) {
    const auto g = to_igraph(p);
    const ig::RealVector weights(p.weights);
    ig::IntVector membership(g.vertex_count());
    ig::seed(seed);
    ig::check(igraph_community_multilevel(g.get(), weights.get(), resolution, membership.get(), nullptr, nullptr));
    IgraphResult r;
    for (const auto m : membership.to_std()) r.membership.push_back(m);
    ig::check(igraph_modularity(g.get(), membership.get(), weights.get(), resolution, false, &r.modularity));
    return r;
}

// A graph of `groups` planted groups: ties inside a group with probability p_in,
// between groups p_out, whole-number weights 1..max_weight.
Projection planted(std::size_t n, std::size_t groups, double p_in, double p_out, int max_weight, std::mt19937& rng) {
    Projection p;
    p.vertex_count = n;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::uniform_int_distribution<int> w(1, max_weight);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (u(rng) < ((i % groups) == (j % groups) ? p_in : p_out)) {
                p.edges.emplace_back(i, j);
                const double x = w(rng);
                p.weights.push_back(x);
                p.shared.push_back(static_cast<std::size_t>(x));
            }
    return p;
}

}  // namespace

TEST_CASE("Louvain on compact arrays: two triangles joined by one tie (hand-worked)", "[louvain]") {
    Projection p;
    p.vertex_count = 6;
    p.edges = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}};
    p.weights.assign(7, 1.0);
    p.shared.assign(7, 1);
    ig::seed(1);
    const auto r = multilevel_integer(p, 1.0);
    CHECK(r.membership[0] == r.membership[1]);
    CHECK(r.membership[1] == r.membership[2]);
    CHECK(r.membership[3] == r.membership[4]);
    CHECK(r.membership[4] == r.membership[5]);
    CHECK(r.membership[0] != r.membership[3]);
    // m = 7; each triangle: 3 inside ties, degree sum 7: Q = 2 (3/7 - (7/14)^2) = 5/14.
    CHECK(r.modularity == Approx(5.0 / 14.0).epsilon(1e-12));
    CHECK(modularity(p, r.membership, 1.0) == Approx(5.0 / 14.0).epsilon(1e-12));
}

TEST_CASE("Louvain on compact arrays equals igraph_community_multilevel bit for bit", "[louvain]") {
    std::mt19937 rng(20261202);
    struct Shape {
        std::size_t n, groups;
        double p_in, p_out;
        int max_weight;
    };
    const std::vector<Shape> shapes = {
        {2, 1, 1.0, 0.0, 1},   {5, 1, 0.6, 0.0, 3},    {30, 3, 0.5, 0.05, 1}, {60, 4, 0.3, 0.02, 5},
        {120, 6, 0.2, 0.01, 9}, {200, 10, 0.15, 0.02, 2}, {150, 2, 0.05, 0.05, 1},  // no structure
        {250, 25, 0.6, 0.005, 40}, {80, 80, 0.0, 0.08, 3},                         // sparse, many ties
        {40, 1, 0.9, 0.0, 100},                                                      // nearly complete
    };
    std::size_t graphs = 0, multi_level = 0;
    for (const auto& s : shapes)
        for (int round = 0; round < 6; ++round) {
            const auto p = planted(s.n, s.groups, s.p_in, s.p_out, s.max_weight, rng);
            if (p.edges.empty()) continue;
            for (const double resolution : {1.0, 0.5, 2.0}) {
                const unsigned long seed = 1 + static_cast<unsigned long>(round) * 7;
                const auto expected = igraph_louvain(p, resolution, seed);
                ig::seed(seed);
                const auto got = multilevel_integer(p, resolution);
                INFO("n=" << s.n << " groups=" << s.groups << " round=" << round << " resolution=" << resolution);
                REQUIRE(got.membership == expected.membership);
                REQUIRE(got.modularity == expected.modularity);
                REQUIRE(modularity(p, expected.membership, resolution) == expected.modularity);
                ++graphs;
                const std::set<std::int64_t> distinct(got.membership.begin(), got.membership.end());
                if (distinct.size() < s.n / 2) ++multi_level;
            }
        }
    CHECK(graphs > 150);
    CHECK(multi_level > 50);             // most runs merged far enough to need a second level
}

TEST_CASE("Louvain on compact arrays: whole-number weights only", "[louvain]") {
    Projection p;
    p.vertex_count = 3;
    p.edges = {{0, 1}, {1, 2}};
    p.weights = {1.0, 2.0};
    CHECK(has_integer_weights(p));
    p.weights = {1.0, 0.5};              // the newman weighting gives fractions: igraph decides those
    CHECK_FALSE(has_integer_weights(p));
    CHECK_THROWS(multilevel_integer(p, 1.0));
    p.weights = {1.0, -1.0};
    CHECK_FALSE(has_integer_weights(p));
}
