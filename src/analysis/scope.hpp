#pragma once
// What counts as cooperation: the one implementation of the rules every pass,
// map and report figure follows (issue 13, DOMAIN.md "Forms of cooperation").
//
//  - Cooperation is what has a body or an agreement. A region of an official
//    division (veiligheidsregio, COROP, court district ...) is the map on which
//    cooperation happens: context for congruence, maps, filters and profiles,
//    never counted as an arrangement (unless an analyst asks: include_regions).
//  - One body is one arrangement: a second registration (duplicate_of set) is
//    not counted beside the registration it repeats.
//  - Current figures count current bodies: an arrangement whose end year lies
//    at or before the dataset's reference year is ended ("opgeheven").
//
// And for pairs of arrangements, which pairs can never be redundancy: one body
// under two registrations, a body and its own region, a region and any other
// arrangement (the region is the map, not a second body), regions of two
// divisions (partitions that coincide are congruent, not duplicated).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace regionet::analysis {

struct ScopeOptions {
    bool include_regions = false;     // count regions of divisions as arrangements
    bool include_duplicates = false;  // count second registrations beside the first
    bool include_ended = false;       // count arrangements ended by the reference year
    // The year "current" refers to; default: the dataset's reference date.
    std::optional<int> current_year;
};

// Why an arrangement is not counted as cooperation (none: it is).
enum class Excluded { none, region, duplicate, ended };
std::string_view to_string(Excluded e) noexcept;

// The year of the dataset's reference date ("2016-03-01" -> 2016), if any.
std::optional<int> reference_year(const Dataset& dataset);

// The reason `a` is left out under `options` (year: the current year, see above).
Excluded excluded(const Arrangement& a, const ScopeOptions& options, std::optional<int> year);
inline bool counts_as_cooperation(const Arrangement& a, const ScopeOptions& options, std::optional<int> year) {
    return excluded(a, options, year) == Excluded::none;
}

// The dataset with only what counts as cooperation: the other arrangements,
// their memberships, participants and outlines dropped; all municipalities,
// neighbours and municipality outlines kept (in order, so municipality
// indexes stay valid against the input).
// By value, filtered in place: pass a dataset that is no longer needed with
// std::move and nothing is copied.
Dataset cooperation_scope(Dataset dataset, const ScopeOptions& options = {});

// How many arrangements of the dataset each rule leaves out.
struct ScopeCounts {
    std::size_t cooperation = 0;      // counted
    std::size_t regions = 0;          // regions of divisions (not counted unless included)
    std::size_t divisions = 0;        // divisions those regions belong to
    std::size_t duplicates = 0;       // second registrations
    std::size_t ended = 0;            // ended by the current year
    std::size_t bodies_of_regions = 0;  // counted arrangements that govern a region (body_of)
};
ScopeCounts scope_counts(const Dataset& dataset, const ScopeOptions& options = {});

// What two arrangements are to each other, before any overlap measure.
enum class PairRelation {
    distinct,                  // two arrangements: overlap may mean redundancy
    same_body,                 // one is a registration of the other (or both of a third)
    body_and_own_region,       // one governs the other (body_of)
    region_and_arrangement,    // a region of a division and an arrangement: the map and what happens on it
    regions_of_two_divisions,  // two regions (of divisions): congruence, not redundancy
};
std::string_view to_string(PairRelation r) noexcept;

// a, b: indexes into dataset.arrangements.
PairRelation relation(const Dataset& dataset, std::size_t a, std::size_t b);
inline bool may_be_redundant(PairRelation r) noexcept { return r == PairRelation::distinct; }

// A label that carries the division for a region ("Leeuwarden (arbeidsmarktregios)"),
// the plain name for an arrangement.
std::string label_with_division(const Arrangement& a);

}  // namespace regionet::analysis
