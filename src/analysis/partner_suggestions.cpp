#include "analysis/partner_suggestions.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace regionet::analysis {

std::vector<Suggestion> suggest_partners(const Dataset& d, const SuggestionOptions& o) {
    const auto n = d.municipalities.size();
    std::vector<std::set<std::size_t>> borders(n);
    for (const auto& nb : d.neighbours) {
        const auto a = d.municipality_index(nb.a);
        const auto b = d.municipality_index(nb.b);
        if (!a || !b) continue;
        borders[*a].insert(*b);
        borders[*b].insert(*a);
    }
    auto eligible = [&](std::size_t m, const PartnerCandidate& c) {
        const auto& x = d.municipalities[m];
        const auto& y = d.municipalities[c.municipality];
        const bool near = c.neighbour || ((d.neighbours.empty() || borders[m].empty()) && c.distance_km &&
                                          *c.distance_km <= o.partner.proximity_km);
        if (!near) return false;
        if (!x.province.empty() && !y.province.empty() && x.province != y.province) return false;
        if (c.size_similarity && *c.size_similarity < o.min_size_similarity) return false;
        return true;
    };

    // Every candidate of every municipality, scored once.
    auto all = o.partner;
    all.top = n;
    std::vector<Suggestion> pool;
    for (std::size_t m = 0; m < n; ++m)
        for (auto& c : partners(d, d.municipalities[m].code, all))
            if (eligible(m, c)) pool.push_back({m, std::move(c)});
    std::stable_sort(pool.begin(), pool.end(), [](const Suggestion& x, const Suggestion& y) {
        if (x.candidate.score != y.candidate.score) return x.candidate.score > y.candidate.score;
        return std::tie(x.municipality, x.candidate.municipality) < std::tie(y.municipality, y.candidate.municipality);
    });
    std::vector<std::size_t> given(n, 0), suggested(n, 0);
    std::vector<Suggestion> out;
    for (auto& s : pool) {
        if (given[s.municipality] >= o.per_municipality) continue;
        if (suggested[s.candidate.municipality] >= o.max_times_suggested) continue;
        ++given[s.municipality];
        ++suggested[s.candidate.municipality];
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& x, const Suggestion& y) {
        if (x.municipality != y.municipality) return x.municipality < y.municipality;
        if (x.candidate.score != y.candidate.score) return x.candidate.score > y.candidate.score;
        return x.candidate.municipality < y.candidate.municipality;
    });
    return out;
}

Table to_table(const Dataset& d, const std::vector<Suggestion>& suggestions, const ReasonWords& reasons) {
    Table t;
    t.name = "partner_suggestions_all";
    t.columns = {{"municipality", "code of the municipality the suggestion is for"}, {"municipality_name", "its name"}};
    const auto candidate_columns = to_table(d, std::vector<PartnerCandidate>{}, reasons).columns;
    t.columns.insert(t.columns.end(), candidate_columns.begin(), candidate_columns.end());
    // One municipality's suggestions at a time, so rank counts within it.
    for (std::size_t k = 0; k < suggestions.size();) {
        const auto m = suggestions[k].municipality;
        std::vector<PartnerCandidate> mine;
        for (; k < suggestions.size() && suggestions[k].municipality == m; ++k) mine.push_back(suggestions[k].candidate);
        for (auto& row : to_table(d, mine, reasons).rows) {
            row.insert(row.begin(), {Cell(d.municipalities[m].code), Cell(d.municipalities[m].name)});
            t.rows.push_back(std::move(row));
        }
    }
    return t;
}

}  // namespace regionet::analysis
