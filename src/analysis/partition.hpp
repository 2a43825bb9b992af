#pragma once
// Partitions of the municipalities and how well two of them agree.
//
// A partition is a label per municipality (index into Dataset::municipalities);
// kUnassigned marks a municipality outside it (no region in that division).
// Agreement is computed on the municipalities labelled in both partitions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/model.hpp"

namespace regionet::analysis {

inline constexpr std::int64_t kUnassigned = -1;

struct PartitionAgreement {
    std::size_t items = 0;               // municipalities labelled in both
    std::size_t groups_a = 0;            // distinct labels among them
    std::size_t groups_b = 0;
    double ari = 0.0;                    // adjusted Rand index (Hubert & Arabie), 1 = identical
    double nmi = 0.0;                    // normalised mutual information (Danon et al.), 1 = identical
    double vi = 0.0;                     // variation of information (natural log), 0 = identical
};

// Compares two label vectors of equal length with igraph_compare_communities,
// ignoring items unassigned in either. Two identical trivial partitions (one
// group each, or singletons each; also a single item) have ARI 1; with no item
// in common all three measures are NaN. Throws Error on unequal lengths.
PartitionAgreement compare_partitions(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b);

// The region of every municipality in a division, as an arrangement index.
// A municipality in two regions of one division (split municipality, a
// boundary change) counts in the region with the largest membership `share`;
// a missing share counts as 1; ties go to the region with the smallest id.
std::vector<std::int64_t> division_labels(const Dataset& dataset, const std::string& division);

// division_labels() of every division of the dataset (sorted by name), in one
// pass over the memberships.
std::vector<std::pair<std::string, std::vector<std::int64_t>>> all_division_labels(const Dataset& dataset);

// The province of every municipality: the regions of a division named
// province, provincie, provinces or provincies when the dataset has one, else
// Municipality::province (labels then index the sorted province names given
// in `names`). Municipalities without a province are kUnassigned.
struct ProvinceLabels {
    std::vector<std::int64_t> labels;
    std::vector<std::string> names;      // label -> province name (or region name)
    std::string division;                // "province"/"provincie", or "" when from Municipality::province
};
ProvinceLabels province_labels(const Dataset& dataset);

// The division name that holds provinces, if any (province, provincie, provinces, provincies).
std::string province_division(const Dataset& dataset);

}  // namespace regionet::analysis
