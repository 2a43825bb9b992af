#pragma once
// Overlap and redundancy of arrangements (DOMAIN.md, "Measures"): for every
// pair of arrangements sharing members, the Jaccard index
// |A n B| / |A u B| and the overlap coefficient |A n B| / min(|A|, |B|);
// a redundancy candidate is a pair in the same domain whose Jaccard passes a
// threshold, shown with the members that differ.
//
// Computed from co-membership counts with a sparse accumulator (the cost is
// the number of pairs that actually share a member), never by comparing all
// pairs of arrangements.
#include <cstddef>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

struct OverlapOptions {
    double min_jaccard = 0.5;            // report pairs with jaccard >= this (0: every pair sharing a member)
    double redundancy_threshold = 0.8;   // same domain and jaccard >= this -> redundancy candidate
};

struct OverlapRow {
    std::size_t a_index = 0;             // index into dataset.arrangements; a < b by id
    std::size_t b_index = 0;
    std::string a;                       // arrangement ids
    std::string b;
    std::string a_name;
    std::string b_name;
    std::size_t shared = 0;              // |A n B|
    std::size_t size_a = 0;
    std::size_t size_b = 0;
    double jaccard = 0.0;
    double overlap_coefficient = 0.0;
    bool nested = false;                 // one member set strictly inside the other
    bool same_domain = false;            // equal, non-empty domains (case-insensitive)
    bool redundancy_candidate = false;   // same_domain and jaccard >= redundancy_threshold
    bool identical = false;              // the same member set
    bool two_member_pair = false;        // both arrangements have exactly two members
    std::vector<std::string> only_in_a;  // member codes, filled for redundancy candidates only
    std::vector<std::string> only_in_b;
};

// Rows sorted by jaccard (descending), then shared (descending), then a, b.
// Throws UsageError for thresholds outside [0, 1].
std::vector<OverlapRow> overlap(const Dataset& dataset, const OverlapOptions& options = {});

// Table "overlap": a, b, a_name, b_name, shared, size_a, size_b, jaccard,
// overlap_coefficient, nested, same_domain, redundancy_candidate, identical,
// two_member_pair, only_in_a, only_in_b (codes joined by "; ").
Table to_table(const std::vector<OverlapRow>& rows);

}  // namespace regionet::analysis
