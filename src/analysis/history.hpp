#pragma once
// What changed over the years, from the dated memberships of a register (the
// ROO register in nl-2026: start and end years of arrangements and
// memberships). Regions of divisions are left out; they carry no dates.
//
// Definitions (years are years in force; see docs/data-2026.md):
// - started in Y: arrangements whose start_year is Y; ended in Y: whose
//   end_year (last year in force) is Y.
// - joined: a membership starting in the period; left: a membership ending in
//   the period while its arrangement went on (ended before the arrangement).
// - rejoined (knipperlicht, DOMAIN.md): a municipality left an arrangement and
//   later, in a later year, joined an arrangement of the same domain (not
//   "overig"), or the same one again.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace regionet::analysis {

struct HistoryOptions {
    int from_year = 2012;
    std::optional<int> to_year;          // default: the latest year in the data
    std::size_t top = 10;                // municipalities listed as joining / leaving most
};

struct HistoryYear {
    int year = 0;
    std::size_t started = 0;             // arrangements
    std::size_t ended = 0;               // arrangements
    std::size_t active = 0;              // arrangements in force that year
    std::size_t joined = 0;              // memberships
    std::size_t left = 0;                // memberships
};

struct MunicipalityMoves {
    std::size_t municipality = 0;        // index into dataset.municipalities
    std::size_t joined = 0;
    std::size_t left = 0;
};

struct Rejoin {
    std::size_t municipality = 0;
    std::size_t left_arrangement = 0;    // index into dataset.arrangements
    int left_year = 0;                   // last year in it
    std::size_t joined_arrangement = 0;
    int joined_year = 0;
};

struct HistoryResult {
    int from_year = 0;
    int to_year = 0;
    std::size_t dated_arrangements = 0;  // non-region arrangements with a start year
    std::size_t dated_memberships = 0;   // memberships (not in regions) with a start or end year
    std::vector<HistoryYear> years;      // from_year .. to_year
    std::vector<MunicipalityMoves> most_joined;  // by joined desc, then code; at most top, joined > 0
    std::vector<MunicipalityMoves> most_left;    // by left desc, then code; at most top, left > 0
    std::vector<Rejoin> rejoins;         // by municipality code, left year, arrangement ids
    // No history to show: no dated memberships (the seed's arrangement years alone are not a register's history).
    bool empty() const noexcept { return dated_arrangements == 0 || dated_memberships == 0; }
};

HistoryResult history(const Dataset& dataset, const HistoryOptions& options = {});

}  // namespace regionet::analysis
