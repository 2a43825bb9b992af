#pragma once
// igraph's multilevel modularity optimisation (Blondel et al. 2008, "Louvain"), as
// igraph 0.10's igraph_community_multilevel computes it, on compact arrays.
//
// Why: at de scale (11,000 municipalities, 8.2 million weighted ties, most from the
// national arrangements) igraph's version spent 45 of the communities command's 51 s
// rebuilding indexed graphs and sorting incidence lists at every visit of a vertex.
// Here each level is one adjacency array, a vertex's communities are summed in one
// dense accumulator, and a level is aggregated by a counting pass.
//
// Same moves, same result: the vertex order of each level is drawn with igraph's own
// shuffle from igraph's seeded RNG, vertices are visited and moved as igraph does
// (strictly best gain, lowest community number on a tie, a pass undone when it does not
// raise modularity), communities are renumbered by first member, and the modularity is
// summed in igraph_modularity's order. With integer weights every sum is exact in any
// order, so the partition and modularity equal igraph's bit for bit (checked against
// igraph on generated graphs in tests/unit/test_analysis_louvain.cpp). With other
// weights the order of additions can differ in the last bit and decide a tie
// differently, so those graphs go to igraph itself.
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/graphs.hpp"

namespace regionet::analysis {

struct LouvainPartition {
    std::vector<std::int64_t> membership;  // igraph's numbering: communities 0, 1, ... by first member at each level
    double modularity = 0.0;               // as igraph_modularity gives it for this membership
};

// True when every weight is a whole number below 2^52, so that sums are exact.
bool has_integer_weights(const Projection& p);

// The multilevel partition of the projection (resolution as igraph's); igraph's RNG
// must be seeded by the caller, as for igraph_community_multilevel. Needs
// has_integer_weights(p) and at least one edge.
LouvainPartition multilevel_integer(const Projection& p, double resolution);
// The same on the count-weighted ties as tie_adjacency() gives them (the communities
// command's default, without building a Projection): the same partition and
// modularity as multilevel_integer(project_municipalities(d), resolution).
LouvainPartition multilevel_integer(const TieAdjacency& ties, double resolution);

// igraph_modularity of a membership on the projection (weighted, undirected), in its order of sums.
double modularity(const Projection& p, const std::vector<std::int64_t>& membership, double resolution);
double modularity(const TieAdjacency& ties, const std::vector<std::int64_t>& membership, double resolution);

}  // namespace regionet::analysis
