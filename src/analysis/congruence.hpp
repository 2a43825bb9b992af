#pragma once
// Congruence: how well regional divisions agree with each other, and how well
// each ordinary arrangement fits inside one region of a chosen division.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/partition.hpp"
#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

struct CongruenceOptions {
    // Division the arrangements are fitted against. "province" uses a division
    // named province(s)/provincie(s) when present, else Municipality::province.
    std::string against = "province";
};

// Agreement of two divisions on the municipalities that have a region in both.
struct DivisionPair {
    std::string a;                       // a < b
    std::string b;
    PartitionAgreement agreement;
};

// Fit of one ordinary arrangement (not a region) in the `against` division.
struct ArrangementFit {
    std::size_t arrangement = 0;         // index into Dataset::arrangements
    std::size_t members = 0;             // municipality members
    std::string best_region;             // id of the region (or province name) holding most members; ties: smallest
    std::string best_region_name;
    std::size_t inside = 0;              // members inside best_region
    double share = 0.0;                  // inside / members
    std::size_t regions = 0;             // distinct regions its members sit in
    std::size_t unassigned = 0;          // members without a region in the division
    std::size_t provinces = 0;           // distinct provinces of its members
    bool crosses_province = false;       // provinces > 1
};

struct CongruenceResult {
    std::string against;                 // the division actually used ("province" may be Municipality::province)
    std::vector<DivisionPair> pairs;     // every pair of divisions (province pseudo-division included), sorted
    std::vector<ArrangementFit> fits;    // ordinary arrangements, sorted by arrangement id
};

// Throws UsageError when `against` is neither a division of the dataset nor "province".
CongruenceResult congruence(const Dataset& dataset, const CongruenceOptions& options);

// "congruence_arrangements": id, name, domain, form, members, best_region, best_region_name,
// inside, share, regions, unassigned, provinces, crosses_province.
Table to_table(const Dataset& dataset, const CongruenceResult& result);
// "congruence_divisions": division_a, division_b, municipalities, regions_a, regions_b, ari, nmi, vi.
Table divisions_table(const CongruenceResult& result);

}  // namespace regionet::analysis
