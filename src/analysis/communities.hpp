#pragma once
// Communities of the municipality co-membership network (Louvain or Leiden,
// maximising modularity) and their agreement with the regional divisions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/graphs.hpp"
#include "analysis/partition.hpp"
#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

enum class CommunityMethod { louvain, leiden };
CommunityMethod parse_community_method(const std::string& s);  // throws UsageError
std::string_view to_string(CommunityMethod m) noexcept;

struct CommunityOptions {
    CommunityMethod method = CommunityMethod::louvain;
    unsigned long seed = 1;              // igraph's RNG is seeded with this before the run
    Weighting weighting = Weighting::count;
    double resolution = 1.0;             // modularity resolution (gamma)
    // The graph is built from ordinary arrangements only (regions of divisions
    // would make the comparison with divisions circular), unless this is set or
    // the dataset has no ordinary arrangement with two or more members.
    bool include_regions = false;
};

// Agreement of the communities with one division, on the municipalities that
// have a region in it and at least one tie in the graph.
struct DivisionAgreement {
    std::string division;
    PartitionAgreement agreement;
};

struct CommunityResult {
    CommunityOptions options;
    bool used_regions = false;           // the graph included regions of divisions
    // Community per municipality (index into Dataset::municipalities), numbered
    // 1..community_count by each community's smallest member code; a municipality
    // without any tie in the graph is 0 (not clustered).
    std::vector<std::int64_t> community;
    std::vector<std::size_t> community_size;   // per municipality: size of its community (0 if isolated)
    std::size_t community_count = 0;
    double modularity = 0.0;             // of `community` on the weighted graph, at the chosen resolution
    std::size_t edges = 0;               // edges of the co-membership graph
    std::vector<DivisionAgreement> divisions;  // sorted by division name; the province pseudo-division included
};

CommunityResult communities(const Dataset& dataset, const CommunityOptions& options);

// "communities": code, name, province, community, community_size.
Table to_table(const Dataset& dataset, const CommunityResult& result);
// "community_agreement": division, municipalities, regions, communities, ari, nmi, vi.
Table agreement_table(const CommunityResult& result);
// "community_summary": method, seed, weighting, resolution, used_regions, municipalities, edges, communities, modularity.
Table summary_table(const Dataset& dataset, const CommunityResult& result);

}  // namespace regionet::analysis
