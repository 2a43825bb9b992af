#pragma once
// Partner suggestions for every municipality at once, as a report shows them:
// the SETA criteria (Korsten c. 2016: partners are nearly always neighbours,
// of similar size, two or three of them, in the same province) decide who may
// be suggested; the partner score (partners.hpp) ranks them; and no
// municipality is suggested to more than `max_times_suggested` others, so one
// well-connected municipality cannot fill every list.
//
// The rule, in order:
//  1. Eligible: the candidate borders the municipality (neighbour table), or,
//     for a municipality without any land neighbour in the table (an island)
//     or a dataset without one, its point lies within proximity_km; and both
//     lie in the same province when both provinces are known; and, when both
//     populations are known, the smaller is at least min_size_similarity of
//     the larger.
//  2. All eligible (municipality, candidate) pairs are taken best score first
//     (ties: municipality code, then candidate code); a pair is kept while the
//     municipality has fewer than per_municipality suggestions and the
//     candidate has been suggested fewer than max_times_suggested times.
#include <cstddef>
#include <vector>

#include "analysis/partners.hpp"
#include "model/model.hpp"

namespace regionet::analysis {

struct SuggestionOptions {
    PartnerOptions partner;              // score weights, proximity_km, new_only
    std::size_t per_municipality = 3;    // "two or three partners"
    std::size_t max_times_suggested = 10;
    double min_size_similarity = 1.0 / 3.0;  // the dominant-partner ratio of 3 (data/screening.toml)
};

struct Suggestion {
    std::size_t municipality = 0;        // index into Dataset::municipalities
    PartnerCandidate candidate;
};

// Sorted by municipality code, then score (descending), then candidate code.
std::vector<Suggestion> suggest_partners(const Dataset& dataset, const SuggestionOptions& options = {});

// "partner_suggestions_all" (`regionet partners --all`): municipality,
// municipality_name, then the columns of the one-municipality table
// (partners.hpp: rank within the municipality, code, name, ...).
Table to_table(const Dataset& dataset, const std::vector<Suggestion>& suggestions, const ReasonWords& reasons);

}  // namespace regionet::analysis
