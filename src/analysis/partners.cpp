#include "analysis/partners.hpp"
#include "model/lookup.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/partition.hpp"
#include "model/error.hpp"

namespace regionet::analysis {

double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kPi = 3.14159265358979323846;
    constexpr double kRadius = 6371.0088;
    const double rad = kPi / 180.0;
    const double dlat = (lat2 - lat1) * rad;
    const double dlon = (lon2 - lon1) * rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * kRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<PartnerCandidate> partners(const Dataset& d, const std::string& code, const PartnerOptions& o) {
    const auto me = find_municipality_by_key(d, code);
    const auto n = d.municipalities.size();
    const auto& mine = d.municipalities[me];

    // Ordinary arrangements of `me`, and co-membership counts.
    std::vector<bool> my_arrangement(d.arrangements.size(), false);
    std::vector<std::size_t> co(n, 0);
    for (auto k : d.memberships_of_municipality()[me]) {
        const auto a = d.memberships[k].arrangement;
        if (d.arrangements[a].is_region()) continue;
        my_arrangement[a] = true;
        for (auto j : d.members_of_arrangement()[a]) ++co[d.memberships[j].municipality];
    }
    // Regions per division.
    const auto divisions = all_division_labels(d);
    std::set<std::string> neighbours;
    for (const auto& nb : d.neighbours) {
        if (nb.a == mine.code) neighbours.insert(nb.b);
        if (nb.b == mine.code) neighbours.insert(nb.a);
    }

    std::vector<PartnerCandidate> out;
    for (std::size_t c = 0; c < n; ++c) {
        if (c == me) continue;
        if (o.new_only && co[c] > 0) continue;
        const auto& x = d.municipalities[c];
        PartnerCandidate p;
        p.municipality = c;
        p.co_memberships = co[c];
        for (const auto& [division, labels] : divisions) {
            if (labels[me] == kUnassigned || labels[c] == kUnassigned) continue;
            ++p.common_divisions;
            p.same_regions += labels[me] == labels[c];
        }
        p.neighbour = neighbours.count(x.code) > 0;
        if (mine.lat && mine.lon && x.lat && x.lon) p.distance_km = distance_km(*mine.lat, *mine.lon, *x.lat, *x.lon);
        if (mine.population && x.population && *mine.population > 0 && *x.population > 0)
            p.size_similarity = static_cast<double>(std::min(*mine.population, *x.population)) /
                                static_cast<double>(std::max(*mine.population, *x.population));
        p.same_province = !mine.province.empty() && mine.province == x.province;

        const double c_co = static_cast<double>(p.co_memberships) / static_cast<double>(p.co_memberships + 1);
        const double c_regions =
            p.common_divisions ? static_cast<double>(p.same_regions) / static_cast<double>(p.common_divisions) : 0.0;
        double c_prox = 0.0;
        if (p.neighbour)
            c_prox = 1.0;
        else if (p.distance_km)
            c_prox = std::max(0.0, 1.0 - *p.distance_km / o.proximity_km);
        const double c_size = p.size_similarity.value_or(0.0);
        const double c_prov = p.same_province ? 1.0 : 0.0;
        p.score = o.w_co * c_co + o.w_regions * c_regions + o.w_proximity * c_prox + o.w_size * c_size +
                  o.w_province * c_prov;

        if (p.co_memberships) p.reasons.push_back(PartnerReason::shared_arrangements);
        if (p.same_regions) p.reasons.push_back(PartnerReason::same_regions);
        if (p.neighbour)
            p.reasons.push_back(PartnerReason::neighbour);
        else if (c_prox > 0)
            p.reasons.push_back(PartnerReason::distance);
        if (p.size_similarity) p.reasons.push_back(PartnerReason::size_ratio);
        if (p.same_province) p.reasons.push_back(PartnerReason::same_province);
        for (auto k : d.memberships_of_municipality()[c]) {
            const auto a = d.memberships[k].arrangement;
            if (!d.arrangements[a].is_region() && !my_arrangement[a]) p.open_arrangements.push_back(d.arrangements[a].id);
        }
        out.push_back(std::move(p));
    }
    // Municipalities are in code order, so a stable sort breaks ties by code.
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (out.size() > o.top) out.resize(o.top);
    return out;
}

Table to_table(const Dataset& d, const std::vector<PartnerCandidate>& candidates, const ReasonWords& words) {
    Table t;
    t.name = "partners";
    t.columns = {{"rank", "1 = best candidate"},
                 {"code", "candidate municipality code"},
                 {"name", "candidate name"},
                 {"province", "candidate province"},
                 {"score", "weighted score 0..1 (see docs/analysis-2.md)"},
                 {"co_memberships", "ordinary arrangements both already take part in"},
                 {"same_regions", "divisions in which both sit in the same region"},
                 {"common_divisions", "divisions in which both have a region"},
                 {"neighbour", "shares a border (neighbour table)"},
                 {"distance_km", "great-circle distance between the municipalities' points"},
                 {"size_similarity", "smaller / larger population"},
                 {"same_province", "same province"},
                 {"reasons", "why the candidate scores"},
                 {"open_arrangements", "ordinary arrangements of the candidate the municipality is not in"}};
    std::int64_t rank = 0;
    for (const auto& p : candidates) {
        const auto& x = d.municipalities[p.municipality];
        const auto reasons = words(p);
        std::string open;
        for (const auto& a : p.open_arrangements) open += (open.empty() ? "" : ",") + a;
        t.rows.push_back({++rank, x.code, x.name, x.province, p.score, static_cast<std::int64_t>(p.co_memberships),
                          static_cast<std::int64_t>(p.same_regions), static_cast<std::int64_t>(p.common_divisions),
                          p.neighbour, p.distance_km ? Cell(*p.distance_km) : Cell{},
                          p.size_similarity ? Cell(*p.size_similarity) : Cell{}, p.same_province, reasons, open});
    }
    return t;
}

}  // namespace regionet::analysis
