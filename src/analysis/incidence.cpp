#include "analysis/incidence.hpp"

#include <cstdint>

#include "model/error.hpp"

namespace regionet::analysis {

Incidence incidence(const Dataset& d) {
    const std::size_t m = d.municipalities.size(), a = d.arrangements.size(), k = d.memberships.size();
    if (k >= UINT32_MAX || m >= UINT32_MAX || a >= UINT32_MAX)
        throw Error("more than 4 billion memberships, municipalities or arrangements");
    Incidence x;
    // Counting sorts: memberships by municipality (in membership order), then
    // arrangement lists filled by walking municipalities in order (ascending
    // members), then municipality lists by walking arrangements in order.
    std::vector<std::uint32_t> by_m_offset(m + 1, 0), by_m(k);
    for (const auto& ms : d.memberships) ++by_m_offset[ms.municipality + 1];
    for (std::size_t i = 0; i < m; ++i) by_m_offset[i + 1] += by_m_offset[i];
    {
        std::vector<std::uint32_t> fill(by_m_offset.begin(), by_m_offset.end() - 1);
        for (const auto& ms : d.memberships) by_m[fill[ms.municipality]++] = static_cast<std::uint32_t>(ms.arrangement);
    }
    x.member_offset.assign(a + 1, 0);
    for (const auto& ms : d.memberships) ++x.member_offset[ms.arrangement + 1];
    for (std::size_t g = 0; g < a; ++g) x.member_offset[g + 1] += x.member_offset[g];
    x.member.resize(k);
    {
        std::vector<std::uint32_t> fill(x.member_offset.begin(), x.member_offset.end() - 1);
        for (std::size_t i = 0; i < m; ++i)
            for (auto e = by_m_offset[i]; e < by_m_offset[i + 1]; ++e) x.member[fill[by_m[e]]++] = static_cast<std::uint32_t>(i);
    }
    x.group_offset = std::move(by_m_offset);
    x.group.resize(k);
    x.member_next.resize(k);
    {
        std::vector<std::uint32_t> fill(x.group_offset.begin(), x.group_offset.end() - 1);
        for (std::size_t g = 0; g < a; ++g) {
            for (auto e = x.member_offset[g]; e < x.member_offset[g + 1]; ++e) x.group[fill[x.member[e]]++] = static_cast<std::uint32_t>(g);
            // After a's own entries (one, or more for a membership listed twice).
            for (auto e = x.member_offset[g]; e < x.member_offset[g + 1]; ++e) x.member_next[e] = fill[x.member[e]];
        }
    }
    x.group_next.resize(k);
    {
        std::vector<std::uint32_t> fill(x.member_offset.begin(), x.member_offset.end() - 1);
        for (std::size_t i = 0; i < m; ++i) {
            for (auto e = x.group_offset[i]; e < x.group_offset[i + 1]; ++e) ++fill[x.group[e]];
            for (auto e = x.group_offset[i]; e < x.group_offset[i + 1]; ++e) x.group_next[e] = fill[x.group[e]];
        }
    }
    return x;
}

}  // namespace regionet::analysis
