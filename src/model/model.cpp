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
    sort_unless_sorted(participants, [](const auto& x, const auto& y) {
        return std::tie(x.arrangement_id, x.name, x.kind) < std::tie(y.arrangement_id, y.name, y.kind);
    });
    sort_unless_sorted(neighbours, [](const auto& x, const auto& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    sort_unless_sorted(outlines, [](const auto& x, const auto& y) { return x.owner < y.owner; });

    m_municipality_index.clear();
    m_arrangement_index.clear();
    m_municipality_index.reserve(municipalities.size());
    m_arrangement_index.reserve(arrangements.size());
    bool unique_keys = true;  // sorted and unique: an index orders memberships as its key does
    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        m_municipality_index.insert_or_assign(municipalities[i].code, i);
        if (i > 0 && municipalities[i - 1].code == municipalities[i].code) unique_keys = false;
    }
    for (std::size_t i = 0; i < arrangements.size(); ++i) {
        m_arrangement_index.insert_or_assign(arrangements[i].id, i);
        if (i > 0 && arrangements[i - 1].id == arrangements[i].id) unique_keys = false;
    }

    // Resolve each membership. With unique keys, an index that already names
    // its row (a snapshot, an earlier reindex) or the previous membership's
    // arrangement or the next one (memberships arrive sorted) saves the hash
    // lookup; with a duplicate key the lookup decides (the last row wins).
    auto lookup = [](const auto& index, const std::string& key, const char* what) {
        const auto it = index.find(key);
        if (it == index.end()) throw std::out_of_range(std::string("membership of unknown ") + what + " '" + key + "'");
        return it->second;
    };
    std::size_t previous = 0;
    for (auto& ms : memberships) {
        const bool known = unique_keys && ms.arrangement < arrangements.size() && arrangements[ms.arrangement].id == ms.arrangement_id;
        if (!known) {
            if (unique_keys && previous < arrangements.size() && arrangements[previous].id == ms.arrangement_id)
                ms.arrangement = previous;
            else if (unique_keys && previous + 1 < arrangements.size() && arrangements[previous + 1].id == ms.arrangement_id)
                ms.arrangement = previous + 1;
            else
                ms.arrangement = lookup(m_arrangement_index, ms.arrangement_id, "arrangement");
        }
        previous = ms.arrangement;
        if (!unique_keys || ms.municipality >= municipalities.size() || municipalities[ms.municipality].code != ms.municipality_code)
            ms.municipality = lookup(m_municipality_index, ms.municipality_code, "municipality");
    }
    // Sorted by (arrangement_id, municipality_code); with unique keys the
    // resolved indexes sort the same way and compare as integers.
    if (unique_keys)
        sort_unless_sorted(memberships, [](const auto& x, const auto& y) {
            return std::tie(x.arrangement, x.municipality) < std::tie(y.arrangement, y.municipality);
        });
    else
        sort_unless_sorted(memberships, [](const auto& x, const auto& y) {
            return std::tie(x.arrangement_id, x.municipality_code) < std::tie(y.arrangement_id, y.municipality_code);
        });
    std::vector<std::size_t> per_arrangement(arrangements.size()), per_municipality(municipalities.size());
    for (const auto& ms : memberships) {
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
