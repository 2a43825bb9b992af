#include "analysis/summary.hpp"

#include <algorithm>

namespace regionet::analysis {

double median(std::vector<std::size_t> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    if (n % 2 == 1) return static_cast<double>(v[n / 2]);
    return (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2.0;
}

DataColumns data_columns(const Dataset& d) {
    DataColumns c;
    for (const auto& a : d.arrangements) {
        c.host = c.host || !a.host.empty();
        c.years = c.years || a.start_year || a.end_year;
    }
    for (const auto& ms : d.memberships) {
        c.host = c.host || ms.role == Role::host;
        c.board_seats = c.board_seats || ms.board_seats.has_value();
        c.contributions = c.contributions || ms.contribution_eur.has_value();
        c.years = c.years || ms.start_year || ms.end_year;
    }
    for (const auto& m : d.municipalities) c.population = c.population || m.population.has_value();
    return c;
}

CooperationSummary summarise(const Dataset& d, const ScopeOptions& scope, const OverlapOptions& overlap_options) {
    CooperationSummary s;
    s.counts = scope_counts(d, scope);
    const auto coop = cooperation_scope(d, scope);
    s.municipalities = coop.municipalities.size();

    std::vector<std::size_t> per_municipality(coop.municipalities.size());
    for (std::size_t m = 0; m < coop.municipalities.size(); ++m)
        per_municipality[m] = coop.memberships_of_municipality()[m].size();
    s.median_per_municipality = median(per_municipality);
    double sum = 0.0;
    for (auto n : per_municipality) sum += static_cast<double>(n);
    if (!per_municipality.empty()) s.mean_per_municipality = sum / static_cast<double>(per_municipality.size());
    for (auto n : per_municipality) {
        s.max_per_municipality = std::max(s.max_per_municipality, n);
        s.above_twenty += n > 20;
    }

    for (const auto& r : overlap(coop, overlap_options)) s.redundancy_candidates += r.redundancy_candidate;

    s.provinces = province_coverage(coop);

    s.per_municipality = std::move(per_municipality);
    s.columns = data_columns(coop);
    s.left_out.push_back("informal");
    if (!s.columns.contributions) s.left_out.push_back("costs");
    if (!s.columns.board_seats) s.left_out.push_back("board_seats");
    if (!s.columns.host) s.left_out.push_back("host");
    if (!s.columns.population) s.left_out.push_back("population");
    if (!s.columns.years) s.left_out.push_back("years");
    return s;
}

}  // namespace regionet::analysis
