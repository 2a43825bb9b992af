#include "analysis/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <random>
#include <thread>

#include "model/error.hpp"

namespace regionet::analysis {

namespace {

// Adjacency lists (CSR) of the projection, with edge lengths 1/weight.
struct Adjacency {
    std::vector<std::size_t> offset;     // n + 1
    std::vector<std::size_t> target;
    std::vector<double> weight;
    std::vector<double> length;
};

Adjacency adjacency(const Projection& p) {
    Adjacency g;
    const auto n = p.vertex_count;
    g.offset.assign(n + 1, 0);
    for (const auto& [i, j] : p.edges) {
        ++g.offset[i + 1];
        ++g.offset[j + 1];
    }
    for (std::size_t i = 0; i < n; ++i) g.offset[i + 1] += g.offset[i];
    g.target.resize(2 * p.edges.size());
    g.weight.resize(2 * p.edges.size());
    g.length.resize(2 * p.edges.size());
    std::vector<std::size_t> at(g.offset.begin(), g.offset.end() - 1);
    for (std::size_t e = 0; e < p.edges.size(); ++e) {
        const auto [i, j] = p.edges[e];
        for (auto [u, v] : {std::pair{i, j}, std::pair{j, i}}) {
            const auto k = at[u]++;
            g.target[k] = v;
            g.weight[k] = p.weights[e];
            g.length[k] = 1.0 / p.weights[e];
        }
    }
    return g;
}

// Path lengths compare equal within a relative epsilon, like igraph's
// IGRAPH_SHORTEST_PATH_EPSILON: 1/2 + 1/2 and 1/1 are the same distance.
constexpr double k_epsilon = 1e-10;
int compare(double a, double b) {
    const double diff = a - b;
    if (std::fabs(diff) <= k_epsilon * std::max(std::fabs(a), std::fabs(b))) return 0;
    return diff < 0 ? -1 : 1;
}

struct PathSums {
    std::vector<double> betweenness;     // sum over sources of Brandes dependencies (ordered pairs)
    std::vector<double> harmonic;        // sum over targets of 1/distance, per source
};

// Brandes (2001) with Dijkstra from each given source. Sources are processed
// in fixed blocks, each with its own sums, and the blocks are added in order:
// the result does not depend on how many threads ran them.
//
// linear_scaling (for estimates from sampled sources; Geisberger, Sanders and
// Schultes 2008): the dependency of source s on v counts each target t with
// the share d(s,v)/d(s,t) of the way, doubled. Summed over all sources this
// is exactly the ordered-pair sum (the shares of (s,t) and (t,s) add up to
// one), but a vertex next to a sampled source no longer collects that
// source's whole tree, which is where plain source sampling goes wrong.
PathSums shortest_path_sums(const Adjacency& g, const std::vector<std::size_t>& sources, bool betweenness,
                            bool harmonic, std::optional<double> cutoff, unsigned threads, bool linear_scaling = false) {
    const std::size_t n = g.offset.size() - 1;
    constexpr std::size_t k_blocks = 16;
    const std::size_t blocks = std::min<std::size_t>(k_blocks, std::max<std::size_t>(1, sources.size()));
    std::vector<PathSums> partial(blocks);
    const double limit = cutoff ? *cutoff : INFINITY;

    auto run_block = [&](std::size_t b) {
        auto& out = partial[b];
        if (betweenness) out.betweenness.assign(n, 0.0);
        if (harmonic) out.harmonic.assign(n, 0.0);
        std::vector<double> dist(n, INFINITY), sigma(n, 0.0), delta(n, 0.0);
        std::vector<char> settled(n, 0);
        std::vector<std::size_t> order;
        order.reserve(n);
        using Item = std::pair<double, std::size_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
        for (std::size_t k = b; k < sources.size(); k += blocks) {
            const auto s = sources[k];
            dist[s] = 0.0;
            sigma[s] = 1.0;
            heap.push({0.0, s});
            while (!heap.empty()) {
                const auto [du, u] = heap.top();
                heap.pop();
                if (settled[u] || du != dist[u]) continue;
                settled[u] = 1;
                order.push_back(u);
                for (auto e = g.offset[u]; e < g.offset[u + 1]; ++e) {
                    const auto v = g.target[e];
                    if (settled[v]) continue;
                    const double alt = du + g.length[e];
                    if (compare(alt, limit) > 0) continue;
                    const int c = std::isinf(dist[v]) ? -1 : compare(alt, dist[v]);
                    if (c < 0) {
                        dist[v] = alt;
                        sigma[v] = sigma[u];
                        heap.push({alt, v});
                    } else if (c == 0) {
                        sigma[v] += sigma[u];
                    }
                }
            }
            if (harmonic)
                for (auto t : order)
                    if (t != s) out.harmonic[s] += 1.0 / dist[t];
            if (betweenness) {
                // Dependencies in reverse order of distance; predecessors are the
                // settled neighbours v with dist[v] + length == dist[w].
                // With linear scaling delta[w] sums sigma-shares times 1/d(s,t)
                // (the same recursion with target weight 1/d(s,w) for 1), and
                // w's dependency is then 2 d(s,w) delta[w].
                for (auto it = order.rbegin(); it != order.rend(); ++it) {
                    const auto w = *it;
                    const double own = linear_scaling && w != s ? 1.0 / dist[w] : 1.0;
                    for (auto e = g.offset[w]; e < g.offset[w + 1]; ++e) {
                        const auto v = g.target[e];
                        if (!settled[v] || compare(dist[v] + g.length[e], dist[w]) != 0) continue;
                        delta[v] += sigma[v] / sigma[w] * (own + delta[w]);
                    }
                    if (w != s) out.betweenness[w] += linear_scaling ? 2.0 * dist[w] * delta[w] : delta[w];
                }
            }
            for (auto t : order) {
                dist[t] = INFINITY;
                sigma[t] = 0.0;
                delta[t] = 0.0;
                settled[t] = 0;
            }
            order.clear();
        }
    };

    const unsigned want = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    const auto workers = static_cast<std::size_t>(std::min<std::size_t>(want, blocks));
    if (workers <= 1) {
        for (std::size_t b = 0; b < blocks; ++b) run_block(b);
    } else {
        std::vector<std::thread> pool;
        std::vector<std::exception_ptr> errors(workers);
        for (std::size_t w = 0; w < workers; ++w)
            pool.emplace_back([&, w] {
                try {
                    for (std::size_t b = w; b < blocks; b += workers) run_block(b);
                } catch (...) {
                    errors[w] = std::current_exception();
                }
            });
        for (auto& t : pool) t.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
    }
    PathSums sum;
    if (betweenness) sum.betweenness.assign(n, 0.0);
    if (harmonic) sum.harmonic.assign(n, 0.0);
    for (const auto& part : partial)
        for (std::size_t i = 0; i < n; ++i) {
            if (betweenness) sum.betweenness[i] += part.betweenness[i];
            if (harmonic) sum.harmonic[i] += part.harmonic[i];
        }
    return sum;
}

// Breadth-first order of all vertices (each component from its smallest
// vertex, neighbours in index order): neighbours lie close together in it.
std::vector<std::size_t> breadth_first_order(const Adjacency& g) {
    const std::size_t n = g.offset.size() - 1;
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<char> seen(n, 0);
    for (std::size_t root = 0; root < n; ++root) {
        if (seen[root]) continue;
        seen[root] = 1;
        order.push_back(root);
        for (std::size_t at = order.size() - 1; at < order.size(); ++at) {
            const auto u = order[at];
            for (auto e = g.offset[u]; e < g.offset[u + 1]; ++e)
                if (!seen[g.target[e]]) {
                    seen[g.target[e]] = 1;
                    order.push_back(g.target[e]);
                }
        }
    }
    return order;
}

// Systematic sample along the breadth-first order: positions floor(u + i n/K),
// i < K, with u uniform in [0, n/K) from the seed. Every vertex is chosen with
// probability exactly K/n (scaling by n/K stays unbiased), and the sources
// spread over the network instead of clustering by chance.
std::vector<std::size_t> systematic_sources(const Adjacency& g, std::size_t k, unsigned long seed) {
    const std::size_t n = g.offset.size() - 1;
    if (k >= n) {
        std::vector<std::size_t> all(n);
        std::iota(all.begin(), all.end(), std::size_t{0});
        return all;
    }
    const auto order = breadth_first_order(g);
    const double step = static_cast<double>(n) / static_cast<double>(k);
    std::mt19937_64 rng(seed);
    const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * step;  // portable, unlike the distributions
    std::vector<std::size_t> chosen(k);
    for (std::size_t i = 0; i < k; ++i)
        chosen[i] = order[std::min(n - 1, static_cast<std::size_t>(u + static_cast<double>(i) * step))];
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

// Burt's constraint: c_i = sum over neighbours j of (p_ij + sum_q p_iq p_qj)^2,
// p_ij = w_ij / strength_i, q over common neighbours. Cost: sum of squared degrees.
std::vector<std::optional<double>> burt_constraint(const Adjacency& g) {
    const std::size_t n = g.offset.size() - 1;
    std::vector<double> strength(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (auto e = g.offset[i]; e < g.offset[i + 1]; ++e) strength[i] += g.weight[e];
    std::vector<std::optional<double>> c(n);
    std::vector<double> p_i(n, 0.0);  // p_iq for the current i, zero elsewhere
    for (std::size_t i = 0; i < n; ++i) {
        if (g.offset[i] == g.offset[i + 1]) continue;
        for (auto e = g.offset[i]; e < g.offset[i + 1]; ++e) p_i[g.target[e]] = g.weight[e] / strength[i];
        double total = 0.0;
        for (auto e = g.offset[i]; e < g.offset[i + 1]; ++e) {
            const auto j = g.target[e];
            double indirect = 0.0;
            for (auto f = g.offset[j]; f < g.offset[j + 1]; ++f) {
                const auto q = g.target[f];
                if (q != i) indirect += p_i[q] * (g.weight[f] / strength[q]);
            }
            const double x = p_i[j] + indirect;
            total += x * x;
        }
        c[i] = total;
        for (auto e = g.offset[i]; e < g.offset[i + 1]; ++e) p_i[g.target[e]] = 0.0;
    }
    return c;
}

}  // namespace

std::vector<std::size_t> betweenness_sample_sources(const Projection& p, std::size_t k, unsigned long seed) {
    return systematic_sources(adjacency(p), k, seed);
}

std::vector<double> betweenness_from_sources(const Projection& p, const std::vector<std::size_t>& sources,
                                             unsigned threads) {
    if (sources.empty()) throw UsageError("betweenness needs at least one source");
    auto b = shortest_path_sums(adjacency(p), sources, true, false, std::nullopt, threads, true).betweenness;
    // Ordered-pair sum scaled to all n sources, then each unordered pair once.
    const double scale = static_cast<double>(p.vertex_count) / static_cast<double>(sources.size()) / 2.0;
    for (auto& x : b) x *= scale;
    return b;
}

CentralityResult centrality(const Dataset& dataset, const CentralityOptions& o) {
    if (o.betweenness_cutoff && !(*o.betweenness_cutoff > 0.0))
        throw UsageError("--betweenness-cutoff must be a positive distance");
    if (o.sample && *o.sample == 0) throw UsageError("--sample must be at least 1");
    if (!(o.damping > 0.0 && o.damping < 1.0)) throw UsageError("damping must lie strictly between 0 and 1");

    CentralityResult r;
    r.arrangement_degree.resize(dataset.arrangements.size());
    for (std::size_t a = 0; a < dataset.arrangements.size(); ++a) {
        const auto size = dataset.members_of_arrangement()[a].size();
        r.arrangement_degree[a] = static_cast<std::int64_t>(size);
        if (o.max_arrangement_size && size > o.max_arrangement_size) ++r.excluded_arrangements;
    }
    const std::size_t n = dataset.municipalities.size();
    r.betweenness_method = o.betweenness ? CentralityResult::Method::exact : CentralityResult::Method::skipped;
    if (n == 0) return r;

    // Leaving out the largest arrangements keeps every municipality (and so the
    // vertex numbering): the projection just does not count them.
    const auto p = project_municipalities(dataset, o.weighting,
                                          r.excluded_arrangements ? at_most_members(dataset, o.max_arrangement_size)
                                                                  : ArrangementSelection{});
    r.edges = p.edges.size();
    ig::Graph g = to_igraph(p);
    ig::RealVector weights(p.weights);
    const auto adj = adjacency(p);

    {
        ig::IntVector deg;
        ig::check(igraph_degree(g.get(), deg.get(), igraph_vss_all(), IGRAPH_ALL, false));
        const auto v = deg.to_std();
        r.degree.assign(v.begin(), v.end());
    }
    {
        ig::RealVector s;
        ig::check(igraph_strength(g.get(), s.get(), igraph_vss_all(), IGRAPH_ALL, false, weights.get()));
        r.strength = s.to_std();
    }
    std::vector<std::size_t> everyone(n);
    std::iota(everyone.begin(), everyone.end(), std::size_t{0});
    const bool sampled = o.betweenness && o.sample && *o.sample < n;
    if (o.betweenness || o.harmonic) {
        PathSums sums;
        if (sampled) {
            const auto sources = systematic_sources(adj, *o.sample, o.seed);
            sums.betweenness =
                shortest_path_sums(adj, sources, true, false, o.betweenness_cutoff, o.threads, true).betweenness;
            const double scale = static_cast<double>(n) / static_cast<double>(*o.sample);
            for (auto& x : sums.betweenness) x *= scale;
            if (o.harmonic)
                sums.harmonic = shortest_path_sums(adj, everyone, false, true, o.betweenness_cutoff, o.threads).harmonic;
        } else {
            sums = shortest_path_sums(adj, everyone, o.betweenness, o.harmonic, o.betweenness_cutoff, o.threads);
        }
        if (o.betweenness) {
            // Each unordered pair was counted from both ends.
            r.betweenness_raw = std::move(sums.betweenness);
            for (auto& x : r.betweenness_raw) x /= 2.0;
            const double pairs = n >= 3 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;
            r.betweenness.resize(n, 0.0);
            for (std::size_t i = 0; i < n; ++i) r.betweenness[i] = pairs > 0 ? r.betweenness_raw[i] / pairs : 0.0;
            if (sampled) {
                r.betweenness_estimated = true;
                r.betweenness_method = CentralityResult::Method::sample;
                r.betweenness_sample = *o.sample;
                r.betweenness_sources = n;
            } else if (o.betweenness_cutoff) {
                r.betweenness_estimated = true;
                r.betweenness_method = CentralityResult::Method::cutoff;
                r.betweenness_cutoff = *o.betweenness_cutoff;
            }
        }
        if (o.harmonic) {
            r.harmonic = std::move(sums.harmonic);
            for (auto& x : r.harmonic) x = n > 1 ? x / static_cast<double>(n - 1) : 0.0;
            r.harmonic_estimated = o.betweenness_cutoff.has_value();
        }
    }
    {
        ig::RealVector ev;
        igraph_real_t value = 0;
        igraph_arpack_options_t arpack;
        igraph_arpack_options_init(&arpack);
        ig::check(igraph_eigenvector_centrality(g.get(), ev.get(), &value, false, true, weights.get(), &arpack));
        r.eigenvector = ev.to_std();
        // Outside the leading component ARPACK leaves rounding noise (1e-17): zero it.
        for (auto& x : r.eigenvector)
            if (std::fabs(x) < 1e-12) x = 0.0;
    }
    {
        ig::RealVector pr;
        igraph_real_t value = 0;
        const ig::OneOpenMPThread same_sums_every_run;
        ig::check(igraph_pagerank(g.get(), IGRAPH_PAGERANK_ALGO_PRPACK, pr.get(), &value, igraph_vss_all(), false,
                                  o.damping, weights.get(), nullptr));
        r.pagerank = pr.to_std();
    }
    r.constraint = burt_constraint(adj);
    return r;
}

Table municipality_table(const Dataset& d, const CentralityResult& r) {
    Table t;
    t.name = "centrality_municipality";
    t.columns = {
        {"code", "municipality code"},
        {"name", "municipality name"},
        {"degree", "partner municipalities (raw count)"},
        {"strength", "sum of edge weights (raw)"},
        {"betweenness", "weighted betweenness, distance 1/weight, divided by (n-1)(n-2)/2"},
        {"harmonic", "harmonic closeness: mean of 1/distance to the other n-1 municipalities"},
        {"eigenvector", "weighted eigenvector centrality, maximum scaled to 1"},
        {"pagerank", "weighted PageRank, damping 0.85, sums to 1"},
        {"constraint", "Burt's constraint, weighted (empty when isolated)"},
        {"estimated", "betweenness or harmonic is an estimate (cutoff or sample)"},
    };
    auto opt = [](const std::vector<double>& v, std::size_t i) { return i < v.size() ? Cell(v[i]) : Cell{}; };
    const bool estimated = r.betweenness_estimated || r.harmonic_estimated;
    for (std::size_t i = 0; i < d.municipalities.size() && i < r.degree.size(); ++i) {
        t.rows.push_back({d.municipalities[i].code, d.municipalities[i].name, r.degree[i], r.strength[i],
                          opt(r.betweenness, i), opt(r.harmonic, i), opt(r.eigenvector, i), opt(r.pagerank, i),
                          r.constraint[i] ? Cell(*r.constraint[i]) : Cell{}, estimated});
    }
    return t;
}

Table arrangement_table(const Dataset& d, const CentralityResult& r) {
    Table t;
    t.name = "centrality_arrangement";
    t.columns = {
        {"id", "arrangement id"},
        {"name", "arrangement name"},
        {"domain", "domain"},
        {"two_mode_degree", "member municipalities (degree in the bipartite graph)"},
    };
    std::vector<std::size_t> order(d.arrangements.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (r.arrangement_degree[x] != r.arrangement_degree[y]) return r.arrangement_degree[x] > r.arrangement_degree[y];
        return d.arrangements[x].id < d.arrangements[y].id;
    });
    for (auto a : order)
        t.rows.push_back({d.arrangements[a].id, d.arrangements[a].name, d.arrangements[a].domain, r.arrangement_degree[a]});
    return t;
}

}  // namespace regionet::analysis
