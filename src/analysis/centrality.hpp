#pragma once
// Network position on the municipality co-membership network (projection of
// the bipartite graph; weight = shared arrangements, or Newman's 1/(n-1) per
// arrangement), and the two-mode degree of arrangements.
//
// Normalisation (also shown in `regionet centrality --help`):
//   degree       number of partner municipalities (raw)
//   strength     sum of edge weights (raw)
//   betweenness  weighted shortest paths, distance = 1/weight, each unordered
//                pair once, divided by (n-1)(n-2)/2 -> [0, 1]
//   harmonic     mean over the other n-1 vertices of 1/distance (distance = 1/weight)
//   eigenvector  weighted, scaled so the maximum is 1
//   pagerank     weighted, damping 0.85, sums to 1
//   constraint   Burt's constraint, weighted, raw (empty for isolated vertices)
//
// Arrangements with more than max_arrangement_size members (default 100:
// national networks, which make everyone everyone's neighbour) are left out
// of the network by default; their two-mode degree is still reported.
//
// Degree, strength, eigenvector and PageRank come from igraph. Betweenness
// and harmonic closeness share one Brandes pass (Dijkstra from every source,
// ties within a relative 1e-10 as in igraph), spread over the machine's cores
// in fixed blocks so results do not depend on the core count; Burt's
// constraint is computed on the adjacency lists (igraph_constraint took 8 s
// at 11,000 vertices). The tests check all of them against igraph or
// textbook implementations.
//
// The betweenness estimate (--sample K): K sources chosen systematically along
// a breadth-first order of the network (every municipality with probability
// K/n, the sources spread over the network), each source's dependencies
// counted with linear scaling (Geisberger, Sanders & Schultes 2008: a target t
// adds the share d(s,v)/d(s,t) of the way, doubled, so that vertices next to a
// sampled source do not collect its whole tree), scaled by n/K. Unbiased, and
// exact when the sources are all vertices. Harmonic closeness stays exact.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/graphs.hpp"
#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

struct CentralityOptions {
    Weighting weighting = Weighting::count;
    std::optional<double> betweenness_cutoff;   // only paths of distance <= cutoff, for betweenness and
                                                // harmonic (both then estimates)
    std::optional<std::size_t> sample;          // betweenness estimated from K sources (see below); K >= n: exact
    unsigned long seed = 1;                     // for --sample
    bool betweenness = true;                    // false: skip betweenness (left empty)
    bool harmonic = true;                       // false: skip harmonic closeness (left empty)
    double damping = 0.85;
    std::size_t max_arrangement_size = 100;     // larger arrangements are left out of the network; 0 = keep all
    unsigned threads = 0;                       // 0 = hardware concurrency
};

struct CentralityResult {
    // Indexed like dataset.municipalities.
    std::vector<std::int64_t> degree;
    std::vector<double> strength;
    std::vector<double> betweenness;            // normalised, see above
    std::vector<double> betweenness_raw;        // number of pair-shortest-path shares (unordered pairs)
    std::vector<double> harmonic;
    std::vector<double> eigenvector;
    std::vector<double> pagerank;
    std::vector<std::optional<double>> constraint;
    // Indexed like dataset.arrangements: number of members.
    std::vector<std::int64_t> arrangement_degree;

    bool betweenness_estimated = false;
    // How betweenness was computed (render/result_texts.hpp words it: "exact",
    // "cutoff 2.5", "sample 100 of 11000 sources", "skipped").
    enum class Method { exact, skipped, sample, cutoff };
    Method betweenness_method = Method::exact;
    std::size_t betweenness_sample = 0;         // sample: sources used ...
    std::size_t betweenness_sources = 0;        // ... of these (the municipalities)
    double betweenness_cutoff = 0.0;            // cutoff: the longest path counted
    bool harmonic_estimated = false;            // with a cutoff
    std::size_t excluded_arrangements = 0;      // left out for max_arrangement_size
    std::size_t edges = 0;                      // edges of the co-membership network used
};

CentralityResult centrality(const Dataset& dataset, const CentralityOptions& options = {});

// The pieces of the estimate, for tests and benchmarks. The K sources --sample
// uses (sorted; all vertices when K >= n), and the raw betweenness (unordered
// pairs, like CentralityResult::betweenness_raw) estimated from any set of
// distinct sources with linear scaling, scaled by n/|sources|.
std::vector<std::size_t> betweenness_sample_sources(const Projection& p, std::size_t k, unsigned long seed);
std::vector<double> betweenness_from_sources(const Projection& p, const std::vector<std::size_t>& sources,
                                             unsigned threads = 0);

// Table "centrality_municipality": code, name, degree, strength, betweenness,
// harmonic, eigenvector, pagerank, constraint, estimated (yes when betweenness
// or harmonic is an estimate); sorted by code. Skipped measures are empty cells.
Table municipality_table(const Dataset& dataset, const CentralityResult& result);
// Table "centrality_arrangement": id, name, domain, two_mode_degree; sorted by
// degree (descending), then id.
Table arrangement_table(const Dataset& dataset, const CentralityResult& result);

}  // namespace regionet::analysis
