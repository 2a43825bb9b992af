#include "model/model.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <tuple>

namespace regionet {

std::string_view to_string(Role r) noexcept {
    switch (r) {
        case Role::member: return "member";
        case Role::host: return "host";
        case Role::client: return "client";
    }
    return "member";
}

std::optional<Role> parse_role(std::string_view s) noexcept {
    if (s.empty() || s == "member") return Role::member;
    if (s == "host") return Role::host;
    if (s == "client") return Role::client;
    return std::nullopt;
}

const Municipality* Dataset::find_municipality(std::string_view code) const {
    auto i = municipality_index(code);
    return i ? &municipalities[*i] : nullptr;
}

const Arrangement* Dataset::find_arrangement(std::string_view id) const {
    auto i = arrangement_index(id);
    return i ? &arrangements[*i] : nullptr;
}

std::optional<std::size_t> Dataset::municipality_index(std::string_view code) const {
    auto it = m_municipality_index.find(std::string(code));
    if (it == m_municipality_index.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> Dataset::arrangement_index(std::string_view id) const {
    auto it = m_arrangement_index.find(std::string(id));
    if (it == m_arrangement_index.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Dataset::divisions() const {
    std::set<std::string> names;
    for (const auto& a : arrangements)
        if (a.is_region()) names.insert(a.division);
    return {names.begin(), names.end()};
}

namespace {

// Sorts v by less unless it already is: data from the store and from
// ModelBuilder usually arrives in key order, and checking is O(n).
template <class T, class Less>
void sort_if_needed(std::vector<T>& v, Less less) {
    if (!std::is_sorted(v.begin(), v.end(), less)) std::sort(v.begin(), v.end(), less);
}

}  // namespace

void Dataset::reindex() {
    sort_if_needed(municipalities, [](const auto& x, const auto& y) { return x.code < y.code; });
    sort_if_needed(arrangements, [](const auto& x, const auto& y) { return x.id < y.id; });
    sort_if_needed(memberships, [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.municipality_code) < std::tie(y.arrangement_id, y.municipality_code);
    });
    sort_if_needed(participants, [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.name, x.kind) < std::tie(y.arrangement_id, y.name, y.kind);
    });
    sort_if_needed(neighbours, [](const auto& x, const auto& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    sort_if_needed(outlines, [](const auto& x, const auto& y) { return x.owner < y.owner; });

    m_municipality_index.clear();
    m_arrangement_index.clear();
    m_municipality_index.reserve(municipalities.size());
    m_arrangement_index.reserve(arrangements.size());
    for (std::size_t i = 0; i < municipalities.size(); ++i) m_municipality_index.emplace(municipalities[i].code, i);
    for (std::size_t i = 0; i < arrangements.size(); ++i) m_arrangement_index.emplace(arrangements[i].id, i);

    // Memberships are sorted by arrangement id like arrangements: resolve the
    // arrangement by a merge walk, the municipality through the index (a
    // missing key throws std::out_of_range, as the store expects).
    std::vector<std::uint32_t> per_arrangement(arrangements.size(), 0);
    std::vector<std::uint32_t> per_municipality(municipalities.size(), 0);
    std::size_t a = 0;
    for (auto& ms : memberships) {
        while (a < arrangements.size() && arrangements[a].id < ms.arrangement_id) ++a;
        if (a == arrangements.size() || arrangements[a].id != ms.arrangement_id)
            throw std::out_of_range("membership of unknown arrangement '" + ms.arrangement_id + "'");
        ms.arrangement = a;
        ms.municipality = m_municipality_index.at(ms.municipality_code);
        ++per_arrangement[a];
        ++per_municipality[ms.municipality];
    }
    m_by_arrangement.assign(arrangements.size(), {});
    m_by_municipality.assign(municipalities.size(), {});
    for (std::size_t i = 0; i < arrangements.size(); ++i) m_by_arrangement[i].reserve(per_arrangement[i]);
    for (std::size_t i = 0; i < municipalities.size(); ++i) m_by_municipality[i].reserve(per_municipality[i]);
    for (std::size_t k = 0; k < memberships.size(); ++k) {
        m_by_arrangement[memberships[k].arrangement].push_back(k);
        m_by_municipality[memberships[k].municipality].push_back(k);
    }
    for (auto& p : participants) p.arrangement = m_arrangement_index.at(p.arrangement_id);
}

}  // namespace regionet
