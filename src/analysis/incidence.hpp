#pragma once
#include <cstdint>
#include <vector>

#include "model/model.hpp"

namespace regionet::analysis {

// The bipartite graph as compact arrays (CSR, 32-bit), for the passes that
// count co-member pairs (projection, overlap) without touching Membership
// records: the members of each arrangement and the arrangements of each
// municipality, both ascending, and for every entry where the other list goes
// on past it, so that a pair loop starts there instead of testing j > i.
// A membership listed twice is listed twice here too.
struct Incidence {
    std::vector<std::uint32_t> member_offset;   // arrangements + 1
    std::vector<std::uint32_t> member;          // municipality indexes, ascending per arrangement
    std::vector<std::uint32_t> member_next;     // per member entry (a, m): first position in m's
                                                // arrangement list holding an arrangement > a
    std::vector<std::uint32_t> group_offset;    // municipalities + 1
    std::vector<std::uint32_t> group;           // arrangement indexes, ascending per municipality
    std::vector<std::uint32_t> group_next;      // per group entry (m, a): first position in a's
                                                // member list holding a municipality > m
};
// Throws Error beyond 2^32 - 1 memberships.
Incidence incidence(const Dataset& dataset);

}  // namespace regionet::analysis
