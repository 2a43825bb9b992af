#pragma once
// Partner suggestions for one municipality: every other municipality scored by
// how natural a partnership would be (ties already there, shared regions,
// proximity, similar size, same province), with the reasons that contribute
// listed (render/result_texts.hpp words them).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

// score = w_co * co + w_regions * regions + w_proximity * proximity + w_size * size + w_province * province
// with every component in [0, 1]:
//   co        = c / (c + 1), c = ordinary arrangements (not regions) both take part in
//   regions   = divisions in which both sit in the same region / divisions in which both have a region
//   proximity = 1 for neighbours (dataset.neighbours); otherwise, from coordinates,
//               max(0, 1 - d / proximity_km) with d the great-circle distance; 0 when unknown
//   size      = smaller population / larger population; 0 when unknown
//   province  = 1 when both have the same non-empty province
struct PartnerOptions {
    std::size_t top = 10;
    double w_co = 0.30;
    double w_regions = 0.25;
    double w_proximity = 0.25;
    double w_size = 0.10;
    double w_province = 0.10;
    double proximity_km = 50.0;
    // Leave out municipalities that already share an ordinary arrangement.
    bool new_only = false;
};

// Why a candidate scores: one per contributing component, worded from the
// candidate's numbers (render/result_texts.hpp).
enum class PartnerReason {
    shared_arrangements,  // co_memberships > 0
    same_regions,         // same_regions of common_divisions
    neighbour,            // shares a border
    distance,             // not a neighbour, within proximity_km: distance_km
    size_ratio,           // both populations known: size_similarity
    same_province,        // the candidate's province
};

struct PartnerCandidate {
    std::size_t municipality = 0;        // index into Dataset::municipalities
    double score = 0.0;
    std::size_t co_memberships = 0;      // shared ordinary arrangements
    std::size_t same_regions = 0;        // divisions with the same region
    std::size_t common_divisions = 0;    // divisions where both have a region
    bool neighbour = false;
    std::optional<double> distance_km;
    std::optional<double> size_similarity;
    bool same_province = false;
    // Ordinary arrangements of the candidate that the municipality is not in
    // (arrangements it already shares are excluded): where it could join.
    std::vector<std::string> open_arrangements;
    std::vector<PartnerReason> reasons;  // in the order above
};

// The reasons of a candidate as one text ("; "-separated), in one language.
using ReasonWords = std::function<std::string(const PartnerCandidate&)>;

// Candidates for the municipality `code` (code or exact name), best first, ties
// by code; at most options.top. Throws UsageError for an unknown municipality.
std::vector<PartnerCandidate> partners(const Dataset& dataset, const std::string& code, const PartnerOptions& options);

// Great-circle distance in km between two WGS84 points (haversine, R = 6371.0088).
double distance_km(double lat1, double lon1, double lat2, double lon2);

// "partners": rank, code, name, province, score, co_memberships, same_regions, common_divisions,
// neighbour, distance_km, size_similarity, same_province, reasons (worded by `reasons`),
// open_arrangements.
Table to_table(const Dataset& dataset, const std::vector<PartnerCandidate>& candidates, const ReasonWords& reasons);

}  // namespace regionet::analysis
