#pragma once
// The graphs every pass starts from: the filtered dataset, the bipartite
// municipality-arrangement graph and its projections.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "capi/igraph.hpp"
#include "model/model.hpp"

namespace regionet::analysis {

// Filters shared by all analysis commands.
struct Filter {
    std::string domain;                  // keep arrangements of this domain (case-insensitive)
    std::string province;                // keep municipalities of this province
    std::string division;                // keep regions of this division only; "none": ordinary arrangements only
    std::string region;                  // keep the municipalities in this region (arrangement id or name)
    std::optional<int> active_in;        // keep memberships and arrangements active in this year
    bool all_years = false;              // a dated register (nl-2026): keep ended ones too (default: as on its reference date)
    std::optional<std::size_t> exclude_larger_than;  // drop arrangements with more members

    bool empty() const noexcept {
        return domain.empty() && province.empty() && division.empty() && region.empty() && !active_in &&
               !exclude_larger_than;
    }
    std::string describe() const;        // "domain=afval, province=Utrecht" for captions
};

// The dataset restricted by the filter (arrangements left without members are dropped).
// A dataset with ended memberships (a register with its history, nl-2026) is
// seen as it stood in its reference year unless active_in or all_years says
// otherwise; datasets without membership end years are unaffected.
// By value: a dataset the caller no longer needs is moved in and, when the
// filter keeps everything, handed back without a copy.
Dataset apply(Dataset dataset, const Filter& filter);
// The year apply() restricts to: filter.active_in, else the reference year of a
// dataset with membership end years (unless all_years), else none.
std::optional<int> effective_year(const Dataset& dataset, const Filter& filter);
// Ordinary arrangements only (regions of divisions left out), for a pass or view
// that narrows a dataset its caller has already filtered: it adds no year of its
// own, so the caller's --active-in or --all-years stands (a second apply() with the
// reference year would drop the memberships of the year the caller asked for).
Filter ordinary_arrangements();

enum class Weighting { count, newman };
Weighting parse_weighting(const std::string& s);  // throws UsageError

// Municipality co-membership network: vertex i = dataset.municipalities[i];
// an edge for every pair sharing at least one arrangement.
struct Projection {
    std::size_t vertex_count = 0;
    std::vector<std::pair<std::size_t, std::size_t>> edges;  // (i, j), i < j, sorted
    std::vector<double> weights;         // count: shared arrangements; newman: sum of 1/(n-1)
    std::vector<std::size_t> shared;     // number of shared arrangements per edge (either weighting)
};

// Which arrangements a projection counts, by index (1 = counted); empty counts all.
// Narrowing this way keeps every municipality and needs no copy of the dataset: the
// same ties as projecting apply(dataset, filter) for a filter that drops arrangements
// only (an arrangement's size, and so its newman weight, is unchanged).
using ArrangementSelection = std::vector<char>;
// Regions of divisions left out: as apply(d, ordinary_arrangements()).
ArrangementSelection without_regions(const Dataset& dataset);
// Arrangements of more than max_members members left out: as --exclude-larger-than.
ArrangementSelection at_most_members(const Dataset& dataset, std::size_t max_members);

// The projection onto municipalities. Computed per vertex with a sparse
// accumulator, so cost is the number of co-member pairs, never all pairs.
Projection project_municipalities(const Dataset& dataset, Weighting weighting = Weighting::count,
                                  const ArrangementSelection& counted = {});

// The count-weighted projection with every tie listed at both ends, as one 32-bit
// adjacency array: what Louvain walks. Vertex v's neighbours ascend, each with the
// number of arrangements it shares with v (the count weight), exactly the ties and
// weights of project_municipalities(d, Weighting::count, counted). Built straight
// from the dataset, it takes 16 bytes a tie where a Projection and an adjacency made
// from it took 56 (de: 130 MB instead of 460 MB, most of the communities command's
// time being the kernel handing out that memory).
struct TieAdjacency {
    std::size_t vertex_count = 0;
    std::vector<std::size_t> first;      // v's ties: first[v] .. first[v + 1]
    std::vector<std::uint32_t> neighbour;
    std::vector<std::uint32_t> shared;   // arrangements shared
    std::size_t tie_count() const noexcept { return neighbour.size() / 2; }
};
TieAdjacency tie_adjacency(const Dataset& dataset, const ArrangementSelection& counted = {});

// igraph views.
ig::Graph to_igraph(const Projection& p);
// Bipartite graph: vertices 0..M-1 municipalities, M..M+A-1 arrangements.
ig::Graph bipartite(const Dataset& dataset);

}  // namespace regionet::analysis
