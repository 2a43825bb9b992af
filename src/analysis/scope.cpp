#include "analysis/scope.hpp"

#include <cctype>
#include <set>
#include <utility>
#include <vector>

namespace regionet::analysis {

std::string_view to_string(Excluded e) noexcept {
    switch (e) {
        case Excluded::none: return "none";
        case Excluded::region: return "region";
        case Excluded::duplicate: return "duplicate";
        case Excluded::ended: return "ended";
    }
    return "none";
}

std::string_view to_string(PairRelation r) noexcept {
    switch (r) {
        case PairRelation::distinct: return "distinct";
        case PairRelation::same_body: return "same_body";
        case PairRelation::body_and_own_region: return "body_and_own_region";
        case PairRelation::region_and_arrangement: return "region_and_arrangement";
        case PairRelation::regions_of_two_divisions: return "regions_of_two_divisions";
    }
    return "distinct";
}

std::optional<int> reference_year(const Dataset& d) {
    const auto& s = d.reference_date;
    if (s.size() < 4) return std::nullopt;
    int y = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
        y = y * 10 + (s[i] - '0');
    }
    if (s.size() > 4 && std::isdigit(static_cast<unsigned char>(s[4]))) return std::nullopt;
    return y;
}

Excluded excluded(const Arrangement& a, const ScopeOptions& o, std::optional<int> year) {
    if (a.is_region() && !o.include_regions) return Excluded::region;
    if (!a.duplicate_of.empty() && !o.include_duplicates) return Excluded::duplicate;
    // Ended: the end year lies at or before the year the figures describe (a
    // register snapshot of 2016 that says "opgeheven per januari 2016").
    if (!o.include_ended && a.end_year && year && *a.end_year <= *year) return Excluded::ended;
    return Excluded::none;
}

namespace {

std::optional<int> year_of(const Dataset& d, const ScopeOptions& o) {
    return o.current_year ? o.current_year : reference_year(d);
}

// Keeps the rows for which keep(row) holds, in order, moving rather than
// copying; keep sees every row once, first to last.
template <class Row, class Keep>
void keep_rows(std::vector<Row>& rows, Keep keep) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!keep(rows[i])) continue;
        if (kept != i) rows[kept] = std::move(rows[i]);
        ++kept;
    }
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(kept), rows.end());
}

}  // namespace

Dataset cooperation_scope(Dataset d, const ScopeOptions& o) {
    const auto year = year_of(d, o);
    std::vector<bool> keep(d.arrangements.size());
    bool all = true;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        keep[a] = counts_as_cooperation(d.arrangements[a], o, year);
        all = all && keep[a];
    }
    if (all) return d;
    // Rows that refer to arrangements go first, while the indexes and the
    // lookup still describe the arrangements as they were.
    keep_rows(d.outlines, [&](const Outline& ol) {
        const auto a = d.arrangement_index(ol.owner);
        return !a || keep[*a];
    });
    keep_rows(d.participants, [&](const Participant& p) { return keep[p.arrangement]; });
    keep_rows(d.memberships, [&](const Membership& ms) { return keep[ms.arrangement]; });
    std::size_t a = 0;
    keep_rows(d.arrangements, [&](const Arrangement&) { return keep[a++]; });
    // A kept arrangement may point (body_of, duplicate_of) at one left out; the
    // link stays as data, it is not a reference the passes follow.
    d.reindex();
    return d;
}

ScopeCounts scope_counts(const Dataset& d, const ScopeOptions& o) {
    const auto year = year_of(d, o);
    ScopeCounts c;
    std::set<std::string> divisions;
    for (const auto& a : d.arrangements) {
        if (a.is_region()) {
            ++c.regions;
            divisions.insert(a.division);
        }
        if (!a.duplicate_of.empty()) ++c.duplicates;
        if (a.end_year && year && *a.end_year <= *year) ++c.ended;
        if (counts_as_cooperation(a, o, year)) {
            ++c.cooperation;
            if (!a.body_of.empty()) ++c.bodies_of_regions;
        }
    }
    c.divisions = divisions.size();
    return c;
}

PairRelation relation(const Dataset& d, std::size_t ia, std::size_t ib) {
    const auto& a = d.arrangements[ia];
    const auto& b = d.arrangements[ib];
    if (a.duplicate_of == b.id || b.duplicate_of == a.id ||
        (!a.duplicate_of.empty() && a.duplicate_of == b.duplicate_of))
        return PairRelation::same_body;
    if (a.body_of == b.id || b.body_of == a.id) return PairRelation::body_and_own_region;
    if (a.is_region() && b.is_region()) return PairRelation::regions_of_two_divisions;
    if (a.is_region() || b.is_region()) return PairRelation::region_and_arrangement;
    return PairRelation::distinct;
}

std::string label_with_division(const Arrangement& a) {
    if (!a.is_region()) return a.name;
    return a.name + " (" + a.division + ")";
}

}  // namespace regionet::analysis
