#include "analysis/scope.hpp"

#include <cctype>
#include <set>

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

}  // namespace

Dataset cooperation_scope(const Dataset& d, const ScopeOptions& o) {
    const auto year = year_of(d, o);
    std::vector<bool> keep(d.arrangements.size());
    bool all = true;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        keep[a] = counts_as_cooperation(d.arrangements[a], o, year);
        all = all && keep[a];
    }
    if (all) return d;
    Dataset out;
    out.name = d.name;
    out.source = d.source;
    out.reference_date = d.reference_date;
    out.municipalities = d.municipalities;
    out.neighbours = d.neighbours;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a)
        if (keep[a]) out.arrangements.push_back(d.arrangements[a]);
    for (const auto& ms : d.memberships)
        if (keep[ms.arrangement]) out.memberships.push_back(ms);
    for (const auto& p : d.participants)
        if (keep[p.arrangement]) out.participants.push_back(p);
    for (const auto& ol : d.outlines) {
        const auto a = d.arrangement_index(ol.owner);
        if (!a || keep[*a]) out.outlines.push_back(ol);
    }
    // A kept arrangement may point (body_of, duplicate_of) at one left out; the
    // link stays as data, it is not a reference the passes follow.
    out.reindex();
    return out;
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
