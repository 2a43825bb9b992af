#pragma once
// Descriptive statistics and rankings the report shows: memberships per
// municipality (mean, median, maximum, how many above a mark), arrangements by
// form, domain and division, orders and ranks by a measure, and a
// municipality's partners by shared arrangements. Pure functions of the
// dataset and the pass results, so the report only selects and words them.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/graphs.hpp"
#include "model/model.hpp"

namespace regionet::analysis {

// Summary of a list of counts; empty input gives zeros.
struct CountStats {
    double mean = 0.0;
    double median = 0.0;                 // mean of the two middle values for an even count
    double max = 0.0;
    std::size_t above = 0;               // values strictly above the mark given
};
CountStats count_stats(const std::vector<double>& values, double mark);

double median(std::vector<double> values);

// Arrangements and memberships of one group (a form, a domain).
struct GroupCount {
    std::size_t arrangements = 0;
    std::size_t memberships = 0;
};
// One regional division: its regions and the municipalities they cover.
struct DivisionCount {
    std::string division;
    std::size_t regions = 0;
    std::size_t municipalities = 0;      // distinct municipalities with a region in it
};

struct MembershipStats {
    std::size_t municipalities = 0;
    std::size_t ordinary_arrangements = 0;   // not regions of a division
    std::size_t regions = 0;                 // regions of divisions
    // Per municipality (indexed like dataset.municipalities).
    std::vector<double> all;                 // memberships of any arrangement
    std::vector<double> ordinary;            // of ordinary arrangements
    std::vector<double> regional;            // of regions
    std::size_t most = 0;                    // index of the municipality with the most memberships (first on ties)
    std::map<std::string, GroupCount> by_form;    // ordinary arrangements by form code
    std::map<std::string, GroupCount> by_domain;  // ordinary arrangements by domain ("" = unknown)
    std::vector<DivisionCount> divisions;         // sorted by division name
};
MembershipStats membership_stats(const Dataset& dataset);

// Indices of values in descending order, ties kept in the order of `order`
// (a permutation of the indices: the tie-break); values that are not finite
// or absent are left out.
std::vector<std::size_t> order_descending(const std::vector<double>& values, const std::vector<std::size_t>& order);
std::vector<std::size_t> order_descending(const std::vector<std::optional<double>>& values,
                                          const std::vector<std::size_t>& order);
// 0..n-1 sorted by the given keys (ascending): the usual tie-break by code.
std::vector<std::size_t> order_by_key(const std::vector<std::string>& keys);
std::vector<std::string> municipality_codes(const Dataset& dataset);
// rank[i] = position (1-based) of i in `ordered`; 0 for indices not in it.
std::vector<std::size_t> ranks(const std::vector<std::size_t>& ordered, std::size_t n);

// Every municipality's partners (indexed like dataset.municipalities):
// (partner index, shared arrangements), most shared first, ties by partner code.
std::vector<std::vector<std::pair<std::size_t, std::size_t>>> partner_ties(const Dataset& dataset, const Projection& projection);

// Members of each community: (community number, member indices in dataset
// order), largest first, ties by number; community 0 (no tie) included.
std::vector<std::pair<std::int64_t, std::vector<std::size_t>>> community_members(const std::vector<std::int64_t>& community);

}  // namespace regionet::analysis
