#pragma once
// Changes between two datasets of different years (nl-2016 -> nl-2024): which
// later municipality holds each earlier one (mergers, splits), the earlier
// memberships carried onto the later municipalities, and for divisions
// present in both years which municipalities changed region and how well the
// two partitions agree.
//
// The overlay itself (area shares of the old outlines in the new ones) is
// geometry and is computed by the caller (src/geo, geo::shares); this pass
// gets it as plain numbers, so it is pure and testable by hand.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

// A part of an old municipality's area lying in a new one.
struct AreaShare {
    std::string to;                      // new municipality code
    double share = 0.0;                  // area(old ∩ new) / area(old), 0..1
};
// By old municipality code.
using AreaShares = std::map<std::string, std::vector<AreaShare>>;

struct ChangesOptions {
    // Parts below this share are slivers of separately simplified outlines,
    // not territory that changed hands.
    double min_share = 0.05;
};

struct MunicipalityChange {
    std::size_t old_index = 0;           // into old.municipalities
    std::vector<std::pair<std::size_t, double>> parts;  // (new index, share), largest first, >= min_share
    std::string status;                  // unchanged | renamed | merged | split | gone
    std::vector<std::size_t> partners;   // other old municipalities with the same successor (old indexes)

    // The new municipality holding most of the area; npos when gone.
    std::size_t successor() const noexcept { return parts.empty() ? static_cast<std::size_t>(-1) : parts.front().first; }
};

// Every old municipality, in old.municipalities order. A municipality whose
// code still exists in the new dataset and holds the largest share keeps only
// that part (the rest are slivers of differently generalised files). Status: split when two
// or more parts pass min_share; merged when its successor is also the
// successor of another old municipality; gone when nothing passes; else
// unchanged (same code and name) or renamed. Unknown codes in shares are ignored.
std::vector<MunicipalityChange> municipality_changes(const Dataset& old_d, const Dataset& new_d, const AreaShares& shares,
                                                     const ChangesOptions& options = {});

// "changes_municipalities": code_old, name_old, code_new, name_new, share, status, partners
// (one row per part; a split municipality has several, largest first).
Table municipalities_table(const Dataset& old_d, const Dataset& new_d, const std::vector<MunicipalityChange>& changes);

// "changes_carried": each old membership carried to every part of its
// municipality: arrangement_id, arrangement_name, division, code_new, name_new,
// from_old (old codes, ';'), share (largest part carried), carried (true when
// the new municipality is not the same code as every old one).
Table carried_table(const Dataset& old_d, const Dataset& new_d, const std::vector<MunicipalityChange>& changes);

// Divisions of the old dataset and their counterparts in the new one (only
// pairs with both present): the documented table below, old -> new.
//   veiligheidsregios -> veiligheidsregio, ggds -> ggdregio,
//   arbeidsmarktregios -> arbeidsmarktregio, jeugdzorgregios -> jeugdregio,
//   corop-regios -> coropgebied, zorgkantoorregios -> zorgkantoorregio,
//   politie-eenheden -> regionale_eenheid, provincies -> provincie;
// and any division of the same name in both.
std::vector<std::pair<std::string, std::string>> matching_divisions(const Dataset& old_d, const Dataset& new_d);

// For every matched division pair, over the old municipalities: its old region
// and the new region of its successor. Each old region corresponds to the new
// region holding most of its municipalities (ties: smallest arrangement id); a
// municipality changed region when its successor's new region is not that one.
// "changes_divisions": division_old, division_new, municipalities, regions_old,
// regions_new, changed, ari, nmi.
// "changes_regions": division_old, division_new, code_old, name_old, code_new,
// region_old, region_new, expected_new (only municipalities that changed).
std::pair<Table, Table> division_changes(const Dataset& old_d, const Dataset& new_d,
                                         const std::vector<MunicipalityChange>& changes);

}  // namespace regionet::analysis

namespace regionet::analysis {

// "changes_arrangements": per later municipality the arrangements (not regions
// of a division) it takes part in then and now: code, name, then (distinct
// arrangements of the earlier municipalities whose successor it is), now,
// change, from_old (those earlier codes, ';'). Pass both datasets as they are
// to be compared (a dated register as on its reference year: analysis::apply).
Table arrangement_counts(const Dataset& old_d, const Dataset& new_d, const std::vector<MunicipalityChange>& changes);

}  // namespace regionet::analysis
