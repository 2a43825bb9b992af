#include "model/model.hpp"

#include <algorithm>
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

std::string format_gaps(const std::vector<std::pair<int, int>>& gaps) {
    std::string s;
    for (const auto& [first, last] : gaps) {
        if (!s.empty()) s += ';';
        s += std::to_string(first);
        if (last != first) s += '-' + std::to_string(last);
    }
    return s;
}

std::optional<std::vector<std::pair<int, int>>> parse_gaps(std::string_view text) {
    std::vector<std::pair<int, int>> out;
    auto year = [](std::string_view t) -> std::optional<int> {
        if (t.size() != 4) return std::nullopt;
        int y = 0;
        for (char c : t) {
            if (c < '0' || c > '9') return std::nullopt;
            y = y * 10 + (c - '0');
        }
        return y;
    };
    while (!text.empty()) {
        const auto semi = text.find(';');
        const auto part = text.substr(0, semi);
        text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
        if (semi != std::string_view::npos && text.empty()) return std::nullopt;  // trailing ';'
        const auto dash = part.find('-');
        const auto a = year(part.substr(0, dash));
        const auto b = dash == std::string_view::npos ? a : year(part.substr(dash + 1));
        if (!a || !b || *b < *a || (!out.empty() && *a <= out.back().second)) return std::nullopt;
        out.emplace_back(*a, *b);
    }
    return out;
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

// Sorts unless already sorted: a dataset read from the database or written by
// a builder in key order arrives sorted, and checking costs one pass.
template <class V, class Less>
void sort_unless_sorted(V& v, Less less) {
    if (!std::is_sorted(v.begin(), v.end(), less)) std::sort(v.begin(), v.end(), less);
}

}  // namespace

void Dataset::reindex() {
    sort_unless_sorted(municipalities, [](const auto& x, const auto& y) { return x.code < y.code; });
    sort_unless_sorted(arrangements, [](const auto& x, const auto& y) { return x.id < y.id; });
    sort_unless_sorted(memberships, [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.municipality_code) < std::tie(y.arrangement_id, y.municipality_code);
    });
    sort_unless_sorted(participants, [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.name, x.kind) < std::tie(y.arrangement_id, y.name, y.kind);
    });
    sort_unless_sorted(neighbours, [](const auto& x, const auto& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    sort_unless_sorted(outlines, [](const auto& x, const auto& y) { return x.owner < y.owner; });

    m_municipality_index.clear();
    m_arrangement_index.clear();
    m_municipality_index.reserve(municipalities.size());
    m_arrangement_index.reserve(arrangements.size());
    for (std::size_t i = 0; i < municipalities.size(); ++i) m_municipality_index.insert_or_assign(municipalities[i].code, i);
    bool unique_ids = true;  // sorted and unique: memberships resolve by walking both lists
    for (std::size_t i = 0; i < arrangements.size(); ++i) {
        m_arrangement_index.insert_or_assign(arrangements[i].id, i);
        if (i > 0 && arrangements[i - 1].id == arrangements[i].id) unique_ids = false;
    }

    // Memberships are sorted by arrangement id like the arrangements: one walk
    // resolves them (a duplicate id keeps the lookup, where the last one wins).
    std::vector<std::size_t> per_arrangement(arrangements.size()), per_municipality(municipalities.size());
    std::size_t j = 0;
    for (auto& ms : memberships) {
        if (unique_ids) {
            while (j < arrangements.size() && arrangements[j].id < ms.arrangement_id) ++j;
            if (j == arrangements.size() || arrangements[j].id != ms.arrangement_id)
                throw std::out_of_range("membership of unknown arrangement '" + ms.arrangement_id + "'");
            ms.arrangement = j;
        } else {
            ms.arrangement = m_arrangement_index.at(ms.arrangement_id);
        }
        ms.municipality = m_municipality_index.at(ms.municipality_code);
        ++per_arrangement[ms.arrangement];
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
