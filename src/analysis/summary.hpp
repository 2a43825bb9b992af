#pragma once
// The figures a report's summary and methods section state, computed once
// under the same rule as every pass (analysis/scope.hpp), so the headline
// count of redundancy candidates and the median number of arrangements per
// municipality can never disagree with the tables below them.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "analysis/overlap.hpp"
#include "analysis/scope.hpp"
#include "model/model.hpp"

namespace regionet::analysis {

// Which columns of the load table carry anything on this dataset: a column
// that is empty everywhere is "not in the data", not zero.
struct DataColumns {
    bool host = false;          // some membership has role host, or some arrangement names a host
    bool board_seats = false;   // some membership records board seats
    bool population = false;    // some municipality has a population (load per 10,000 inhabitants)
    bool contributions = false; // some membership records a contribution in euro (costs)
    bool years = false;         // some arrangement or membership has a start or end year
};
DataColumns data_columns(const Dataset& dataset);

struct CooperationSummary {
    ScopeCounts counts;                 // what was counted, what left out and why
    std::size_t municipalities = 0;
    std::vector<std::size_t> per_municipality;  // cooperation arrangements, indexed like dataset.municipalities
    double mean_per_municipality = 0.0;
    double median_per_municipality = 0.0;   // cooperation arrangements per municipality
    std::size_t max_per_municipality = 0;
    std::size_t above_twenty = 0;       // municipalities in more than twenty (the literature's figure)
    std::size_t redundancy_candidates = 0;  // pairs, by overlap() on the same scope
    std::vector<ProvinceCoverage> provinces;  // province_coverage(): sorted by name; empty province names left out
    DataColumns columns;
    // What the data leave out, as codes the report words: "informal" (always:
    // no register holds informal cooperation), "costs", "board_seats", "host",
    // "population", "years".
    std::vector<std::string> left_out;
};

// dataset: the whole (filtered) dataset, regions included; the scope decides.
CooperationSummary summarise(const Dataset& dataset, const ScopeOptions& scope = {},
                             const OverlapOptions& overlap_options = {});

// The median of counts (mean of the middle two for an even size; 0 when empty).
double median(std::vector<std::size_t> values);

}  // namespace regionet::analysis
