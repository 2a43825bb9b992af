// The municipality projection and the compact incidence arrays it counts on,
// against a naive count over all pairs of municipalities on random datasets.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "analysis/graphs.hpp"
#include "analysis/incidence.hpp"
#include "analysis/louvain.hpp"
#include "capi/igraph.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

std::string padded(const char* prefix, std::size_t i) {
    const std::string digits = std::to_string(i);
    return prefix + std::string(5 - std::min<std::size_t>(5, digits.size()), '0') + digits;
}

// n municipalities, arrangements of random members (sizes 1..max_size, some
// large), memberships given in a shuffled order.
Dataset random_dataset(std::mt19937& rng, std::size_t n, std::size_t arrangements, std::size_t max_size) {
    Dataset d;
    d.name = "random";
    for (std::size_t i = 0; i < n; ++i) d.municipalities.push_back({padded("GM", i), "m", "P", {}, {}, {}, {}});
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::uniform_int_distribution<std::size_t> size(1, max_size);
    for (std::size_t a = 0; a < arrangements; ++a) {
        Arrangement x;
        x.id = padded("A", a);
        x.name = x.id;
        d.arrangements.push_back(x);
        const auto k = a % 17 == 0 ? std::min(n, 3 * max_size) : size(rng);
        std::vector<bool> in(n, false);
        for (std::size_t placed = 0; placed < k;) {
            const auto m = pick(rng);
            if (in[m]) continue;
            in[m] = true;
            ++placed;
            Membership ms;
            ms.arrangement_id = x.id;
            ms.municipality_code = d.municipalities[m].code;
            d.memberships.push_back(ms);
        }
    }
    std::shuffle(d.memberships.begin(), d.memberships.end(), rng);
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("graphs: the projection equals a naive count over all municipality pairs", "[analysis][graphs]") {
    std::mt19937 rng(16);
    for (int round = 0; round < 6; ++round) {
        const std::size_t n = 20 + 15 * static_cast<std::size_t>(round);
        const auto d = random_dataset(rng, n, 3 * n, 2 + static_cast<std::size_t>(round));
        // Naive: for every pair (i, j), i < j, walk every arrangement.
        std::vector<std::vector<bool>> member(d.arrangements.size(), std::vector<bool>(n, false));
        for (const auto& ms : d.memberships) member[ms.arrangement][ms.municipality] = true;
        std::map<std::pair<std::size_t, std::size_t>, std::pair<std::size_t, double>> naive;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                for (std::size_t a = 0; a < d.arrangements.size(); ++a)
                    if (member[a][i] && member[a][j]) {
                        auto& [shared, newman] = naive[{i, j}];
                        ++shared;
                        newman += 1.0 / static_cast<double>(d.members_of_arrangement()[a].size() - 1);
                    }
        for (auto weighting : {Weighting::count, Weighting::newman}) {
            INFO("round " << round << (weighting == Weighting::newman ? " newman" : " count"));
            const auto p = project_municipalities(d, weighting);
            CHECK(p.vertex_count == n);
            REQUIRE(p.edges.size() == naive.size());
            REQUIRE(p.weights.size() == naive.size());
            REQUIRE(p.shared.size() == naive.size());
            std::size_t e = 0;
            for (const auto& [pair, value] : naive) {  // std::map: the same (i, j) order as the edges
                CHECK(p.edges[e] == pair);
                CHECK(p.shared[e] == value.first);
                if (weighting == Weighting::count) CHECK(p.weights[e] == static_cast<double>(value.first));
                else CHECK(p.weights[e] == Approx(value.second).epsilon(1e-12));
                ++e;
            }
        }
    }
}

TEST_CASE("graphs: the tie adjacency lists every tie of the projection at both ends, regions left out on request",
          "[analysis][graphs]") {
    std::mt19937 rng(26);
    // Rounds 0-5 are dense: every row touches more than a 32nd of the municipalities,
    // so the adjacency reads them off its counts in order. Round 6 is sparse: most rows
    // touch a few co-members, which the adjacency sorts, and the members of its large
    // arrangements take the dense way.
    for (int round = 0; round < 7; ++round) {
        const bool sparse = round == 6;
        const std::size_t n = sparse ? 400 : 20 + 15 * static_cast<std::size_t>(round);
        auto d = random_dataset(rng, n, sparse ? n / 2 : 3 * n, sparse ? 8 : 2 + static_cast<std::size_t>(round));
        for (std::size_t a = 0; a < d.arrangements.size(); a += 5) d.arrangements[a].division = "veiligheidsregio";
        for (const bool without_regions : {false, true}) {
            INFO("round " << round << (without_regions ? " without regions" : " all arrangements"));
            // Independent of the adjacency's own loop: the naive pair count, each pair put at both ends.
            std::vector<std::vector<bool>> member(d.arrangements.size(), std::vector<bool>(n, false));
            for (const auto& ms : d.memberships) member[ms.arrangement][ms.municipality] = true;
            std::vector<std::map<std::size_t, std::uint32_t>> naive(n);
            for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
                if (without_regions && d.arrangements[a].is_region()) continue;
                for (std::size_t i = 0; i < n; ++i)
                    for (std::size_t j = 0; j < n; ++j)
                        if (i != j && member[a][i] && member[a][j]) ++naive[i][j];
            }
            const auto t = tie_adjacency(d, without_regions ? analysis::without_regions(d) : ArrangementSelection{});
            REQUIRE(t.vertex_count == n);
            REQUIRE(t.first.size() == n + 1);
            std::size_t entries = 0;
            for (std::size_t i = 0; i < n; ++i) {
                REQUIRE(t.first[i + 1] - t.first[i] == naive[i].size());
                auto e = t.first[i];
                for (const auto& [j, shared] : naive[i]) {  // ascending, as the adjacency lists them
                    CHECK(t.neighbour[e] == j);
                    CHECK(t.shared[e] == shared);
                    ++e;
                }
                entries += naive[i].size();
            }
            CHECK(t.neighbour.size() == entries);
            CHECK(t.tie_count() * 2 == entries);
            // The projection with the same selection, and of the dataset narrowed by apply().
            const auto selected = project_municipalities(d, Weighting::count,
                                                         without_regions ? analysis::without_regions(d) : ArrangementSelection{});
            const auto narrowed = project_municipalities(without_regions ? apply(d, ordinary_arrangements()) : d);
            CHECK(t.tie_count() == selected.edges.size());
            CHECK(selected.edges == narrowed.edges);
            CHECK(selected.shared == narrowed.shared);
        }
    }
}

TEST_CASE("graphs: a projection that skips large arrangements equals the projection of the filtered dataset",
          "[analysis][graphs]") {
    std::mt19937 rng(46);
    for (int round = 0; round < 6; ++round) {
        const std::size_t n = 20 + 15 * static_cast<std::size_t>(round);
        const auto d = random_dataset(rng, n, 3 * n, 2 + static_cast<std::size_t>(round));
        const std::size_t limit = 3 + static_cast<std::size_t>(round);
        Filter f;
        f.exclude_larger_than = limit;
        const auto filtered = apply(d, f);
        for (auto weighting : {Weighting::count, Weighting::newman}) {
            INFO("round " << round << (weighting == Weighting::newman ? " newman" : " count"));
            const auto selected = project_municipalities(d, weighting, at_most_members(d, limit));
            const auto narrowed = project_municipalities(filtered, weighting);
            CHECK(selected.vertex_count == narrowed.vertex_count);
            CHECK(selected.edges == narrowed.edges);
            CHECK(selected.shared == narrowed.shared);
            CHECK(selected.weights == narrowed.weights);  // the same additions in the same order
        }
    }
}

TEST_CASE("graphs: Louvain on the tie adjacency equals Louvain on the projection bit for bit", "[analysis][graphs][louvain]") {
    // multilevel_integer(Projection) is checked against igraph_community_multilevel in
    // test_analysis_louvain; the adjacency's 32-bit weights must give the same moves.
    std::mt19937 rng(36);
    for (int round = 0; round < 12; ++round) {
        const std::size_t n = 30 + 20 * static_cast<std::size_t>(round % 6);
        const auto d = random_dataset(rng, n, 2 * n, 3 + static_cast<std::size_t>(round % 4));
        const auto p = project_municipalities(d);
        const auto t = tie_adjacency(d);
        if (p.edges.empty()) continue;
        for (const double resolution : {0.5, 1.0, 2.0}) {
            INFO("round " << round << " resolution " << resolution);
            ig::seed(7 + static_cast<unsigned long>(round));
            const auto from_projection = multilevel_integer(p, resolution);
            ig::seed(7 + static_cast<unsigned long>(round));
            const auto from_ties = multilevel_integer(t, resolution);
            CHECK(from_ties.membership == from_projection.membership);
            CHECK(from_ties.modularity == from_projection.modularity);
            CHECK(modularity(t, from_projection.membership, resolution) == modularity(p, from_projection.membership, resolution));
        }
    }
}

TEST_CASE("graphs: incidence lists ascend and point past their own entry", "[analysis][graphs]") {
    std::mt19937 rng(17);
    const auto d = random_dataset(rng, 50, 120, 6);
    const auto x = incidence(d);
    const auto A = d.arrangements.size(), M = d.municipalities.size();
    REQUIRE(x.member_offset.size() == A + 1);
    REQUIRE(x.group_offset.size() == M + 1);
    REQUIRE(x.member.size() == d.memberships.size());
    REQUIRE(x.group.size() == d.memberships.size());
    for (std::size_t a = 0; a < A; ++a) {
        const auto& ms = d.members_of_arrangement()[a];
        REQUIRE(x.member_offset[a + 1] - x.member_offset[a] == ms.size());
        for (std::size_t k = 0; k < ms.size(); ++k) {
            const auto e = x.member_offset[a] + k;
            const auto m = x.member[e];
            CHECK(m == d.memberships[ms[k]].municipality);  // members ascend by code = by index
            // member_next: the first arrangement of m after a.
            const auto next = x.member_next[e];
            CHECK(next >= x.group_offset[m]);
            CHECK(next <= x.group_offset[m + 1]);
            CHECK(x.group[next - 1] == a);
            if (next < x.group_offset[m + 1]) CHECK(x.group[next] > a);
        }
    }
    for (std::size_t m = 0; m < M; ++m) {
        const auto& ks = d.memberships_of_municipality()[m];
        REQUIRE(x.group_offset[m + 1] - x.group_offset[m] == ks.size());
        for (auto e = x.group_offset[m]; e < x.group_offset[m + 1]; ++e) {
            if (e > x.group_offset[m]) CHECK(x.group[e - 1] < x.group[e]);
            const auto a = x.group[e];
            const auto next = x.group_next[e];
            CHECK(next > x.member_offset[a]);
            CHECK(next <= x.member_offset[a + 1]);
            CHECK(x.member[next - 1] == m);
            if (next < x.member_offset[a + 1]) CHECK(x.member[next] > m);
        }
    }
}
