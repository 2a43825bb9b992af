#include "analysis/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "model/error.hpp"

namespace regionet::analysis {

namespace {

std::string number_text(double v) {
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

// K distinct vertices out of n, sorted, from a seeded generator (deterministic).
std::vector<igraph_integer_t> sample_sources(std::size_t n, std::size_t k, unsigned long seed) {
    std::vector<igraph_integer_t> all(n);
    std::iota(all.begin(), all.end(), igraph_integer_t{0});
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < k; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, n - 1);
        std::swap(all[i], all[pick(rng)]);
    }
    all.resize(k);
    std::sort(all.begin(), all.end());
    return all;
}

}  // namespace

CentralityResult centrality(const Dataset& d, const CentralityOptions& o) {
    if (o.betweenness_cutoff && !(*o.betweenness_cutoff > 0.0))
        throw UsageError("--betweenness-cutoff must be a positive distance");
    if (o.sample && *o.sample == 0) throw UsageError("--sample must be at least 1");
    if (!(o.damping > 0.0 && o.damping < 1.0)) throw UsageError("damping must lie strictly between 0 and 1");

    CentralityResult r;
    r.arrangement_degree.resize(d.arrangements.size());
    for (std::size_t a = 0; a < d.arrangements.size(); ++a)
        r.arrangement_degree[a] = static_cast<std::int64_t>(d.members_of_arrangement()[a].size());

    const std::size_t n = d.municipalities.size();
    r.betweenness_method = o.betweenness ? "exact" : "skipped";
    if (n == 0) return r;

    const auto p = project_municipalities(d, o.weighting);
    ig::Graph g = to_igraph(p);
    ig::RealVector weights(p.weights);
    std::vector<double> inverse(p.weights.size());
    for (std::size_t e = 0; e < p.weights.size(); ++e) inverse[e] = 1.0 / p.weights[e];
    ig::RealVector distances(inverse);

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
    if (o.betweenness) {
        ig::RealVector b;
        if (o.sample && *o.sample < n) {
            const auto chosen = sample_sources(n, *o.sample, o.seed);
            ig::IntVector sources(chosen);
            igraph_vs_t src;
            ig::check(igraph_vs_vector(&src, sources.get()));
            ig::check(igraph_betweenness_subset(g.get(), b.get(), igraph_vss_all(), false, src, igraph_vss_all(),
                                                distances.get()));
            igraph_vs_destroy(&src);
            r.betweenness_raw = b.to_std();
            const double scale = static_cast<double>(n) / static_cast<double>(*o.sample);
            for (auto& x : r.betweenness_raw) x *= scale;
            r.betweenness_estimated = true;
            r.betweenness_method = "sample " + std::to_string(*o.sample) + " of " + std::to_string(n) + " sources";
        } else if (o.betweenness_cutoff) {
            ig::check(igraph_betweenness_cutoff(g.get(), b.get(), igraph_vss_all(), false, distances.get(),
                                                *o.betweenness_cutoff));
            r.betweenness_raw = b.to_std();
            r.betweenness_estimated = true;
            r.betweenness_method = "cutoff " + number_text(*o.betweenness_cutoff);
        } else {
            ig::check(igraph_betweenness(g.get(), b.get(), igraph_vss_all(), false, distances.get()));
            r.betweenness_raw = b.to_std();
        }
        const double pairs = n >= 3 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;
        r.betweenness.resize(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) r.betweenness[i] = pairs > 0 ? r.betweenness_raw[i] / pairs : 0.0;
    }
    if (o.harmonic) {
        ig::RealVector h;
        if (o.betweenness_cutoff) {
            ig::check(igraph_harmonic_centrality_cutoff(g.get(), h.get(), igraph_vss_all(), IGRAPH_ALL,
                                                        distances.get(), true, *o.betweenness_cutoff));
            r.harmonic_estimated = true;
        } else {
            ig::check(igraph_harmonic_centrality(g.get(), h.get(), igraph_vss_all(), IGRAPH_ALL, distances.get(), true));
        }
        r.harmonic = h.to_std();
    }
    {
        ig::RealVector ev;
        igraph_real_t value = 0;
        igraph_arpack_options_t arpack;
        igraph_arpack_options_init(&arpack);
        ig::check(igraph_eigenvector_centrality(g.get(), ev.get(), &value, false, true, weights.get(), &arpack));
        r.eigenvector = ev.to_std();
    }
    {
        ig::RealVector pr;
        igraph_real_t value = 0;
        ig::check(igraph_pagerank(g.get(), IGRAPH_PAGERANK_ALGO_PRPACK, pr.get(), &value, igraph_vss_all(), false,
                                  o.damping, weights.get(), nullptr));
        r.pagerank = pr.to_std();
    }
    {
        ig::RealVector c;
        ig::check(igraph_constraint(g.get(), c.get(), igraph_vss_all(), weights.get()));
        r.constraint.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            if (r.degree[i] > 0 && std::isfinite(c[static_cast<igraph_integer_t>(i)]))
                r.constraint[i] = c[static_cast<igraph_integer_t>(i)];
    }
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
