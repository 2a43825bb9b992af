// Network position: hand-worked small networks (star, path, weighted
// triangle) and, on random networks, an independent second implementation
// of every measure (Brandes with Dijkstra, power iteration, Burt's formula).
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <queue>
#include <random>
#include <set>

#include <omp.h>

#include "analysis/centrality.hpp"
#include "capi/igraph.hpp"
#include "render/result_texts.hpp"
#include "model/error.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

// Dataset from arrangements given as lists of municipality indexes.
Dataset network(std::size_t n, const std::vector<std::vector<std::size_t>>& arrangements) {
    Dataset d;
    d.name = "net";
    for (std::size_t i = 0; i < n; ++i) {
        const std::string digits = std::to_string(i);
        const std::string code = "GM" + std::string(4 - std::min<std::size_t>(4, digits.size()), '0') + digits;
        d.municipalities.push_back({code, code, "P", {}, {}, {}, {}});
    }
    for (std::size_t a = 0; a < arrangements.size(); ++a) {
        const std::string digits = std::to_string(a);
        const std::string id = "A" + std::string(4 - std::min<std::size_t>(4, digits.size()), '0') + digits;
        Arrangement x;
        x.id = id;
        x.name = id;
        d.arrangements.push_back(x);
        for (auto m : arrangements[a]) {
            Membership ms;
            ms.arrangement_id = id;
            ms.municipality_code = d.municipalities[m].code;
            d.memberships.push_back(ms);
        }
    }
    d.reindex();
    return d;
}

// ---- Independent reference implementations on a weighted adjacency matrix ----
using Matrix = std::vector<std::vector<double>>;

Matrix adjacency(const Dataset& d, bool newman) {
    const auto n = d.municipalities.size();
    Matrix w(n, std::vector<double>(n, 0.0));
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& ms = d.members_of_arrangement()[a];
        for (auto i : ms)
            for (auto j : ms) {
                const auto u = d.memberships[i].municipality, v = d.memberships[j].municipality;
                if (u != v) w[u][v] += newman ? 1.0 / static_cast<double>(ms.size() - 1) : 1.0;
            }
    }
    return w;
}

bool close_to(double x, double y) { return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x) + std::fabs(y)); }

// Brandes (2001) with Dijkstra, distance 1/weight, unordered pairs counted once.
std::vector<double> brandes(const Matrix& w) {
    const auto n = w.size();
    std::vector<double> cb(n, 0.0);
    for (std::size_t s = 0; s < n; ++s) {
        std::vector<double> dist(n, INFINITY), sigma(n, 0.0), delta(n, 0.0);
        std::vector<std::vector<std::size_t>> pred(n);
        std::vector<bool> done(n, false);
        std::vector<std::size_t> order;
        dist[s] = 0;
        sigma[s] = 1;
        for (;;) {  // O(n^2) Dijkstra: plain and obviously right
            std::size_t u = n;
            for (std::size_t v = 0; v < n; ++v)
                if (!done[v] && std::isfinite(dist[v]) && (u == n || dist[v] < dist[u])) u = v;
            if (u == n) break;
            done[u] = true;
            order.push_back(u);
            for (std::size_t v = 0; v < n; ++v) {
                if (w[u][v] <= 0 || done[v]) continue;
                const double nd = dist[u] + 1.0 / w[u][v];
                if (!std::isfinite(dist[v]) || (nd < dist[v] && !close_to(nd, dist[v]))) {
                    dist[v] = nd;
                    sigma[v] = sigma[u];
                    pred[v] = {u};
                } else if (close_to(nd, dist[v])) {
                    sigma[v] += sigma[u];
                    pred[v].push_back(u);
                }
            }
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            for (auto v : pred[*it]) delta[v] += sigma[v] / sigma[*it] * (1.0 + delta[*it]);
            if (*it != s) cb[*it] += delta[*it];
        }
    }
    for (auto& x : cb) x /= 2.0;
    return cb;
}

// All-pairs distances (Floyd-Warshall), distance 1/weight.
Matrix distances(const Matrix& w) {
    const auto n = w.size();
    Matrix d(n, std::vector<double>(n, INFINITY));
    for (std::size_t i = 0; i < n; ++i) {
        d[i][i] = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (w[i][j] > 0) d[i][j] = 1.0 / w[i][j];
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    return d;
}

std::vector<double> pagerank_power(const Matrix& w, double damping) {
    const auto n = w.size();
    std::vector<double> s(n, 0.0), p(n, 1.0 / static_cast<double>(n));
    for (std::size_t i = 0; i < n; ++i)
        for (double x : w[i]) s[i] += x;
    for (int it = 0; it < 2000; ++it) {
        std::vector<double> q(n, 0.0);
        double dangling = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (s[i] == 0) dangling += p[i];
        for (std::size_t j = 0; j < n; ++j) {
            q[j] = (1.0 - damping) / static_cast<double>(n) + damping * dangling / static_cast<double>(n);
            for (std::size_t i = 0; i < n; ++i)
                if (s[i] > 0) q[j] += damping * p[i] * w[i][j] / s[i];
        }
        p = q;
    }
    return p;
}

std::vector<double> eigenvector_power(const Matrix& w) {
    const auto n = w.size();
    std::vector<double> x(n, 1.0);
    for (int it = 0; it < 5000; ++it) {
        std::vector<double> y(n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) y[i] += w[i][j] * x[j];
        for (std::size_t i = 0; i < n; ++i) y[i] = 0.5 * (y[i] + x[i]);  // shift: avoids oscillation on bipartite parts
        const double mx = *std::max_element(y.begin(), y.end());
        for (auto& v : y) v /= mx;
        x = y;
    }
    return x;
}

// Burt: c_i = sum_{j in N(i)} (p_ij + sum_{q != i, j} p_iq p_qj)^2, p_ij = (w_ij + w_ji) / sum_k (w_ik + w_ki).
std::vector<double> burt(const Matrix& w) {
    const auto n = w.size();
    Matrix p(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        double tot = 0;
        for (std::size_t k = 0; k < n; ++k) tot += w[i][k] + w[k][i];
        for (std::size_t j = 0; j < n; ++j) p[i][j] = tot > 0 ? (w[i][j] + w[j][i]) / tot : 0;
    }
    std::vector<double> c(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i || w[i][j] <= 0) continue;
            double x = p[i][j];
            for (std::size_t q = 0; q < n; ++q)
                if (q != i && q != j) x += p[i][q] * p[q][j];
            c[i] += x * x;
        }
    return c;
}

}  // namespace

TEST_CASE("centrality: a star of four two-member arrangements", "[analysis][centrality]") {
    // Centre 0, leaves 1..4.
    const auto d = network(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const auto r = centrality(d);
    CHECK(r.degree == std::vector<std::int64_t>{4, 1, 1, 1, 1});
    CHECK(r.strength[0] == 4.0);
    // Betweenness: all C(4,2) = 6 leaf pairs pass the centre; normalised by (n-1)(n-2)/2 = 6.
    CHECK(r.betweenness_raw[0] == Approx(6.0));
    CHECK(r.betweenness[0] == Approx(1.0));
    CHECK(r.betweenness[1] == Approx(0.0));
    // Harmonic: centre 4 x 1/1 over 4; leaf 1/1 + 3 x 1/2 over 4.
    CHECK(r.harmonic[0] == Approx(1.0));
    CHECK(r.harmonic[1] == Approx(2.5 / 4.0));
    // Eigenvector: lambda = 2, leaves half the centre.
    CHECK(r.eigenvector[0] == Approx(1.0));
    CHECK(r.eigenvector[3] == Approx(0.5));
    // PageRank: p_c = 0.15/5 + 0.85 * 4 p_l, p_l = 0.15/5 + 0.85 p_c / 4.
    const double pc = (0.03 + 0.85 * 4 * 0.03) / (1 - 0.85 * 0.85);
    const double pl = 0.03 + 0.85 * pc / 4;
    CHECK(r.pagerank[0] == Approx(pc));
    CHECK(r.pagerank[2] == Approx(pl));
    CHECK(pc + 4 * pl == Approx(1.0));
    // Constraint: centre 4 x (1/4)^2, a leaf depends on its one partner fully.
    CHECK(*r.constraint[0] == Approx(0.25));
    CHECK(*r.constraint[4] == Approx(1.0));
    CHECK_FALSE(r.betweenness_estimated);
    CHECK(r.betweenness_method == CentralityResult::Method::exact);
    CHECK(rr::betweenness_method(rr::Lang::en, r) == "exact");
}

TEST_CASE("centrality: weighted triangle uses distance 1/weight", "[analysis][centrality]") {
    // Shared arrangements: 0-1 once (distance 1), 1-2 twice (0.5), 0-2 four times (0.25).
    const auto d = network(3, {{0, 1}, {1, 2}, {1, 2}, {0, 2}, {0, 2}, {0, 2}, {0, 2}});
    const auto r = centrality(d);
    CHECK(r.strength == std::vector<double>{5.0, 3.0, 6.0});
    // 0 -> 1: direct 1.0 against 0-2-1 = 0.25 + 0.5 = 0.75: vertex 2 lies on the only shortest path.
    CHECK(r.betweenness_raw[2] == Approx(1.0));
    CHECK(r.betweenness_raw[0] == Approx(0.0));
    CHECK(r.betweenness_raw[1] == Approx(0.0));
    CHECK(r.betweenness[2] == Approx(1.0));  // (n-1)(n-2)/2 = 1
    // Harmonic of 0: (1/0.75 + 1/0.25) / 2.
    CHECK(r.harmonic[0] == Approx((1 / 0.75 + 4.0) / 2));
    CHECK(r.harmonic[1] == Approx((1 / 0.75 + 2.0) / 2));
    // Two-mode degree of arrangements: their member counts.
    CHECK(r.arrangement_degree == std::vector<std::int64_t>(7, 2));
}

TEST_CASE("centrality: path, cutoff and skipped measures", "[analysis][centrality]") {
    // Path 0-1-2-3 plus an isolated municipality 4 (a one-member arrangement).
    const auto d = network(5, {{0, 1}, {1, 2}, {2, 3}, {4}});
    const auto exact = centrality(d);
    CHECK(exact.betweenness_raw[1] == Approx(2.0));  // pairs (0,2), (0,3)
    CHECK(exact.betweenness_raw[2] == Approx(2.0));
    CHECK(exact.betweenness[1] == Approx(2.0 / 6.0));
    CHECK(exact.degree[4] == 0);
    CHECK_FALSE(exact.constraint[4]);
    CHECK(exact.harmonic[4] == 0.0);
    CHECK(exact.arrangement_degree[3] == 1);

    CentralityOptions cut;
    cut.betweenness_cutoff = 1.5;  // only paths of one step count: nobody lies between
    const auto c = centrality(d, cut);
    CHECK(c.betweenness_estimated);
    CHECK(c.harmonic_estimated);
    CHECK(c.betweenness_method == CentralityResult::Method::cutoff);
    CHECK(c.betweenness_cutoff == 1.5);
    CHECK(rr::betweenness_method(rr::Lang::en, c) == "cutoff 1.5");
    CHECK(rr::betweenness_method(rr::Lang::nl, c) == "afkapgrens 1.5");
    CHECK(c.betweenness_raw[1] == Approx(0.0));
    CHECK(c.harmonic[0] == Approx(1.0 / 4));  // only its neighbour within reach
    cut.betweenness_cutoff = 2.5;
    CHECK(centrality(d, cut).betweenness_raw[1] == Approx(1.0));  // (0,2) only; (0,3) is 3 long

    CentralityOptions skip;
    skip.betweenness = false;
    skip.harmonic = false;
    const auto s = centrality(d, skip);
    CHECK(s.betweenness.empty());
    CHECK(s.harmonic.empty());
    CHECK(s.betweenness_method == CentralityResult::Method::skipped);
    CHECK(rr::betweenness_method(rr::Lang::en, s) == "skipped");
    const auto t = municipality_table(d, s);
    CHECK(std::holds_alternative<std::monostate>(t.rows[0][t.column_index("betweenness")]));
    CHECK(std::holds_alternative<std::monostate>(t.rows[4][t.column_index("constraint")]));

    CentralityOptions bad;
    bad.betweenness_cutoff = 0.0;
    CHECK_THROWS_AS(centrality(d, bad), UsageError);
    bad = {};
    bad.sample = 0;
    CHECK_THROWS_AS(centrality(d, bad), UsageError);
}

TEST_CASE("centrality: newman weighting gives 1/(n-1) per arrangement", "[analysis][centrality]") {
    CentralityOptions o;
    o.weighting = Weighting::newman;
    const auto r = centrality(network(4, {{0, 1, 2}, {0, 3}}), o);
    CHECK(r.strength[0] == Approx(0.5 + 0.5 + 1.0));
    CHECK(r.strength[1] == Approx(1.0));  // 0.5 to 0 and 0.5 to 2
    CHECK(r.strength[3] == Approx(1.0));
}

TEST_CASE("centrality: every measure equals an independent computation on random networks", "[analysis][centrality]") {
    std::mt19937 rng(7);
    int connected_rounds = 0;
    for (int round = 0; round < 6; ++round) {
        const std::size_t n = 25 + static_cast<std::size_t>(round) * 5;
        std::vector<std::vector<std::size_t>> arrs;
        std::uniform_int_distribution<std::size_t> pick(0, n - 1);
        std::uniform_int_distribution<int> size(2, 4);
        for (std::size_t a = 0; a < n + 10; ++a) {
            const int k = size(rng);
            std::vector<std::size_t> ms;
            const auto start = pick(rng);
            while (static_cast<int>(ms.size()) < k) {
                const auto m = (start + pick(rng) % 6) % n;  // local: clusters and ties in path lengths
                if (std::find(ms.begin(), ms.end(), m) == ms.end()) ms.push_back(m);
            }
            arrs.push_back(ms);
        }
        const auto d = network(n, arrs);
        const bool newman = round % 2 == 1;
        CentralityOptions o;
        o.weighting = newman ? Weighting::newman : Weighting::count;
        const auto r = centrality(d, o);
        // igraph's own implementations as a third opinion.
        const auto proj = project_municipalities(d, o.weighting);
        auto ig_graph = to_igraph(proj);
        std::vector<double> lengths;
        for (double x : proj.weights) lengths.push_back(1.0 / x);
        ig::RealVector ig_w(proj.weights), ig_len(lengths), igraph_b, igraph_h, igraph_c;
        ig::check(igraph_betweenness(ig_graph.get(), igraph_b.get(), igraph_vss_all(), false, ig_len.get()));
        ig::check(igraph_harmonic_centrality(ig_graph.get(), igraph_h.get(), igraph_vss_all(), IGRAPH_ALL, ig_len.get(), true));
        ig::check(igraph_constraint(ig_graph.get(), igraph_c.get(), igraph_vss_all(), ig_w.get()));
        // One thread or several: the same numbers, bit for bit.
        CentralityOptions one = o;
        one.threads = 1;
        CentralityOptions three = o;
        three.threads = 3;
        CHECK(centrality(d, one).betweenness == centrality(d, three).betweenness);
        CHECK(centrality(d, one).harmonic == centrality(d, three).harmonic);
        const auto w = adjacency(d, newman);
        const auto bc = brandes(w);
        const auto dist = distances(w);
        const auto pr = pagerank_power(w, 0.85);
        const auto con = burt(w);
        // The reference eigenvector is only defined on a connected network.
        bool connected = true;
        for (std::size_t j = 0; j < n; ++j) connected = connected && std::isfinite(dist[0][j]);
        connected_rounds += connected ? 1 : 0;
        const auto ev = connected ? eigenvector_power(w) : std::vector<double>{};
        const double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0;
        for (std::size_t i = 0; i < n; ++i) {
            INFO("round " << round << " vertex " << i);
            std::int64_t deg = 0;
            double strength = 0, harmonic = 0;
            for (std::size_t j = 0; j < n; ++j) {
                if (w[i][j] > 0) ++deg;
                strength += w[i][j];
                if (j != i && std::isfinite(dist[i][j])) harmonic += 1.0 / dist[i][j];
            }
            CHECK(r.degree[i] == deg);
            CHECK(r.betweenness_raw[i] == Approx(igraph_b[static_cast<igraph_integer_t>(i)]).margin(1e-9));
            CHECK(r.harmonic[i] == Approx(igraph_h[static_cast<igraph_integer_t>(i)]));
            if (deg > 0) CHECK(*r.constraint[i] == Approx(igraph_c[static_cast<igraph_integer_t>(i)]));
            CHECK(r.strength[i] == Approx(strength));
            CHECK(r.betweenness_raw[i] == Approx(bc[i]).margin(1e-9));
            CHECK(r.betweenness[i] == Approx(bc[i] / pairs).margin(1e-12));
            CHECK(r.harmonic[i] == Approx(harmonic / static_cast<double>(n - 1)));
            CHECK(r.pagerank[i] == Approx(pr[i]).epsilon(1e-6));
            if (deg > 0) CHECK(*r.constraint[i] == Approx(con[i]));
            if (connected) CHECK(r.eigenvector[i] == Approx(ev[i]).epsilon(1e-6).margin(1e-9));
        }
    }
    CHECK(connected_rounds > 0);  // the eigenvector comparison did run
}

TEST_CASE("centrality: the betweenness estimate is exact from all sources and unbiased over its samples",
          "[analysis][centrality]") {
    std::mt19937 rng(11);
    for (int round = 0; round < 4; ++round) {
        const std::size_t n = 40;  // K = 10 below: step 4, four possible systematic samples
        std::uniform_int_distribution<std::size_t> pick(0, n - 1);
        std::uniform_int_distribution<int> size(2, 4);
        std::vector<std::vector<std::size_t>> arrs;
        for (std::size_t a = 0; a < n + 15; ++a) {
            std::vector<std::size_t> ms;
            const auto start = pick(rng);
            const int k = size(rng);
            while (static_cast<int>(ms.size()) < k) {
                const auto m = (start + pick(rng) % 6) % n;
                if (std::find(ms.begin(), ms.end(), m) == ms.end()) ms.push_back(m);
            }
            arrs.push_back(ms);
        }
        const auto d = network(n, arrs);
        CentralityOptions o;
        o.weighting = round % 2 ? Weighting::newman : Weighting::count;
        const auto p = project_municipalities(d, o.weighting);
        const auto exact = brandes(adjacency(d, round % 2 == 1));

        // All sources: the linear-scaling shares of (s, t) and (t, s) add up to one.
        std::vector<std::size_t> all(n);
        std::iota(all.begin(), all.end(), std::size_t{0});
        CHECK(betweenness_sample_sources(p, n, 1) == all);
        const auto from_all = betweenness_from_sources(p, all, 2);
        for (std::size_t i = 0; i < n; ++i) CHECK(from_all[i] == Approx(exact[i]).margin(1e-9));
        o.sample = n;  // K >= n: the exact computation
        const auto r = centrality(d, o);
        CHECK_FALSE(r.betweenness_estimated);
        for (std::size_t i = 0; i < n; ++i) CHECK(r.betweenness_raw[i] == Approx(exact[i]).margin(1e-9));

        // The seeds give the four systematic samples, each vertex in exactly one:
        // the mean of their estimates is the exact betweenness (unbiased).
        std::set<std::vector<std::size_t>> samples;
        for (unsigned long seed = 1; seed <= 200; ++seed) {
            const auto chosen = betweenness_sample_sources(p, 10, seed);
            REQUIRE(chosen.size() == 10);
            CHECK(std::is_sorted(chosen.begin(), chosen.end()));
            samples.insert(chosen);
        }
        CHECK(betweenness_sample_sources(p, 10, 5) == betweenness_sample_sources(p, 10, 5));
        REQUIRE(samples.size() == 4);
        std::vector<int> times(n, 0);
        std::vector<double> mean(n, 0.0);
        for (const auto& sample : samples) {
            for (auto v : sample) ++times[v];
            const auto est = betweenness_from_sources(p, sample, 1);
            for (std::size_t i = 0; i < n; ++i) mean[i] += est[i] / 4.0;
        }
        for (std::size_t i = 0; i < n; ++i) {
            INFO("round " << round << " vertex " << i);
            CHECK(times[i] == 1);
            CHECK(mean[i] == Approx(exact[i]).margin(1e-9));
        }

        o.sample = 10;
        o.seed = 3;
        const auto s1 = centrality(d, o);
        const auto s2 = centrality(d, o);
        CHECK(s1.betweenness_estimated);
        CHECK(s1.betweenness_method == CentralityResult::Method::sample);
        CHECK(s1.betweenness_sample == 10);
        CHECK(s1.betweenness_sources == 40);
        CHECK(rr::betweenness_method(rr::Lang::en, s1) == "sample 10 of 40 sources");
        CHECK(s1.betweenness_raw == s2.betweenness_raw);  // deterministic for a seed
        const auto direct = betweenness_from_sources(p, betweenness_sample_sources(p, 10, 3));
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(s1.betweenness_raw[i] == Approx(direct[i]).margin(1e-12));
            CHECK(s1.betweenness_raw[i] >= 0.0);
        }
        CHECK(s1.harmonic == r.harmonic);  // harmonic closeness stays exact
    }
}

TEST_CASE("centrality: the betweenness estimate finds the exact top vertices on a geographic network",
          "[analysis][centrality]") {
    // Like the benchmark's data: municipalities in a square, arrangements of
    // 2-5 near neighbours, so the network is wide and its central brokers few.
    std::mt19937 rng(2026);
    const std::size_t n = 600;
    std::uniform_real_distribution<double> coord(0.0, 1.0);
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = coord(rng);
        y[i] = coord(rng);
    }
    std::vector<std::vector<std::size_t>> arrs;
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::uniform_int_distribution<std::size_t> size(2, 5);
    for (std::size_t a = 0; a < 2 * n; ++a) {
        const auto c = pick(rng);
        std::vector<std::size_t> by_distance(n);
        std::iota(by_distance.begin(), by_distance.end(), std::size_t{0});
        const auto k = size(rng);
        std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(k + 2), by_distance.end(),
                          [&](std::size_t u, std::size_t v) {
                              const auto du = std::hypot(x[u] - x[c], y[u] - y[c]);
                              const auto dv = std::hypot(x[v] - x[c], y[v] - y[c]);
                              return du != dv ? du < dv : u < v;
                          });
        std::vector<std::size_t> ms(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(k));
        if (a % 3 == 0) ms.back() = by_distance[k + 1];  // a little irregularity
        arrs.push_back(ms);
    }
    const auto d = network(n, arrs);
    CentralityOptions o;
    o.harmonic = false;
    const auto exact = centrality(d, o).betweenness;
    auto top = [](const std::vector<double>& b, std::size_t k) {
        std::vector<std::size_t> idx(b.size());
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t u, std::size_t v) { return b[u] > b[v]; });
        return std::set<std::size_t>(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k));
    };
    const auto want = top(exact, 20);
    for (unsigned long seed : {1UL, 2UL, 3UL}) {
        o.sample = 60;  // a tenth of the sources
        o.seed = seed;
        const auto estimate = centrality(d, o).betweenness;
        const auto got = top(estimate, 20);
        std::size_t found = 0;
        for (auto v : got) found += want.count(v);
        INFO("seed " << seed);
        CHECK(found >= 17);
        // And the values are close for the top vertices (within 25 %).
        for (auto v : want) CHECK(estimate[v] == Approx(exact[v]).epsilon(0.25));
    }
}

TEST_CASE("centrality: tables", "[analysis][centrality]") {
    const auto d = network(3, {{0, 1}, {0, 1, 2}});
    const auto r = centrality(d);
    const auto m = municipality_table(d, r);
    CHECK(m.name == "centrality_municipality");
    REQUIRE(m.rows.size() == 3);
    CHECK(std::get<std::string>(m.rows[0][0]) == "GM0000");
    CHECK(std::get<std::int64_t>(m.rows[0][m.column_index("degree")]) == 2);
    CHECK(std::get<bool>(m.rows[0][m.column_index("estimated")]) == false);
    const auto a = arrangement_table(d, r);
    CHECK(a.name == "centrality_arrangement");
    CHECK(std::get<std::string>(a.rows[0][0]) == "A0001");  // 3 members first
    CHECK(std::get<std::int64_t>(a.rows[0][a.column_index("two_mode_degree")]) == 3);
}

TEST_CASE("centrality: arrangements above max_arrangement_size are left out of the network", "[analysis][centrality]") {
    // Path 0-1-2 plus one arrangement of all five: with it, everyone is adjacent.
    const auto d = network(5, {{0, 1}, {1, 2}, {0, 1, 2, 3, 4}});
    CentralityOptions o;
    o.max_arrangement_size = 4;
    const auto r = centrality(d, o);
    CHECK(r.excluded_arrangements == 1);
    CHECK(r.degree == std::vector<std::int64_t>{1, 2, 1, 0, 0});
    CHECK(r.betweenness_raw[1] == Approx(1.0));
    CHECK(r.arrangement_degree == std::vector<std::int64_t>{2, 2, 5});  // still reported
    o.max_arrangement_size = 0;
    const auto all = centrality(d, o);
    CHECK(all.excluded_arrangements == 0);
    CHECK(all.degree == std::vector<std::int64_t>{4, 4, 4, 4, 4});
    CHECK(all.edges == 10);
}

TEST_CASE("centrality: leaving out large arrangements keeps the years the caller chose", "[analysis][centrality]") {
    // A dated register (reference year 2026) handed over whole, as `--all-years` does:
    // the tie 0-1 ended in 2020 and must stay when the large arrangement is left out.
    auto d = network(5, {{0, 1}, {1, 2}, {0, 1, 2, 3, 4}});
    d.reference_date = "2026-05-16";
    for (auto& m : d.memberships)
        if (d.arrangements[m.arrangement].id == d.arrangements[0].id) m.end_year = 2020;
    CentralityOptions o;
    o.max_arrangement_size = 4;
    const auto r = centrality(d, o);
    CHECK(r.excluded_arrangements == 1);
    CHECK(r.degree == std::vector<std::int64_t>{1, 2, 1, 0, 0});
}

// PRPACK's OpenMP loops combined partial sums in the order threads finished: at eu
// scale three runs of `regionet centrality` gave three different PageRank columns
// (last digits). centrality() runs PageRank under ig::OneOpenMPThread; with it the
// three runs were byte-identical (bench, not repeatable here at unit-test size).
TEST_CASE("OneOpenMPThread runs OpenMP regions on one thread for its lifetime", "[centrality][determinism]") {
    omp_set_num_threads(2);
    {
        const ig::OneOpenMPThread one;
        CHECK(omp_get_max_threads() == 1);  // what the next parallel region of this thread gets
    }
    CHECK(omp_get_max_threads() == 2);
}
