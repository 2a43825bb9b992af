#include "model/model.hpp"

#include <algorithm>
#include <set>
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

void Dataset::reindex() {
    std::sort(municipalities.begin(), municipalities.end(),
              [](const auto& x, const auto& y) { return x.code < y.code; });
    std::sort(arrangements.begin(), arrangements.end(),
              [](const auto& x, const auto& y) { return x.id < y.id; });
    std::sort(memberships.begin(), memberships.end(), [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.municipality_code) < std::tie(y.arrangement_id, y.municipality_code);
    });
    std::sort(participants.begin(), participants.end(), [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.name, x.kind) < std::tie(y.arrangement_id, y.name, y.kind);
    });
    std::sort(neighbours.begin(), neighbours.end(),
              [](const auto& x, const auto& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    std::sort(outlines.begin(), outlines.end(),
              [](const auto& x, const auto& y) { return x.owner < y.owner; });

    m_municipality_index.clear();
    m_arrangement_index.clear();
    for (std::size_t i = 0; i < municipalities.size(); ++i) m_municipality_index[municipalities[i].code] = i;
    for (std::size_t i = 0; i < arrangements.size(); ++i) m_arrangement_index[arrangements[i].id] = i;

    m_by_arrangement.assign(arrangements.size(), {});
    m_by_municipality.assign(municipalities.size(), {});
    for (std::size_t k = 0; k < memberships.size(); ++k) {
        auto& ms = memberships[k];
        ms.arrangement = m_arrangement_index.at(ms.arrangement_id);
        ms.municipality = m_municipality_index.at(ms.municipality_code);
        m_by_arrangement[ms.arrangement].push_back(k);
        m_by_municipality[ms.municipality].push_back(k);
    }
    for (auto& p : participants) p.arrangement = m_arrangement_index.at(p.arrangement_id);
}

}  // namespace regionet
