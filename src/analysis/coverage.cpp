#include "analysis/coverage.hpp"

#include <map>
#include <set>

#include "analysis/summary.hpp"

namespace regionet::analysis {

std::vector<ProvinceCoverage> province_coverage(const Dataset& d) {
    std::map<std::string, ProvinceCoverage> provinces;
    std::map<std::string, std::vector<std::size_t>> counts;
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        const auto& p = d.municipalities[m].province;
        if (p.empty()) continue;
        auto& c = provinces[p];
        c.province = p;
        ++c.municipalities;
        const auto n = d.memberships_of_municipality()[m].size();
        c.with_cooperation += n > 0;
        counts[p].push_back(n);
    }
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        std::set<std::string> in;
        for (auto k : d.members_of_arrangement()[a]) {
            const auto& p = d.municipalities[d.memberships[k].municipality].province;
            if (!p.empty()) in.insert(p);
        }
        for (const auto& p : in) ++provinces[p].arrangements;
    }
    std::vector<ProvinceCoverage> out;
    for (auto& [p, c] : provinces) {
        c.median_per_municipality = median(counts[p]);
        out.push_back(c);
    }
    return out;
}

namespace {

std::vector<InferredCount> by_basis(const std::map<std::string, std::size_t>& counts) {
    std::vector<InferredCount> out;
    for (const auto& [basis, n] : counts) out.push_back({basis, n});
    return out;
}

}  // namespace

Coverage coverage(const Dataset& d) {
    Coverage c;
    c.provinces = province_coverage(d);
    c.municipalities = d.municipalities.size();
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) c.with_cooperation += !d.memberships_of_municipality()[m].empty();
    c.arrangements = d.arrangements.size();
    const auto median_of = [&](std::size_t p) { return c.provinces[p].median_per_municipality; };
    for (std::size_t p = 0; p < c.provinces.size(); ++p) {
        if (!c.thinnest || median_of(p) < median_of(*c.thinnest)) c.thinnest = p;
        if (!c.richest || median_of(p) > median_of(*c.richest)) c.richest = p;
    }
    std::map<std::string, std::size_t> forms, domains;
    for (const auto& a : d.arrangements) {
        if (!a.form_basis.empty()) ++forms[a.form_basis];
        if (!a.domain_basis.empty()) ++domains[a.domain_basis];
    }
    for (const auto& [basis, n] : forms) c.forms_inferred += n;
    for (const auto& [basis, n] : domains) c.domains_inferred += n;
    c.form_bases = by_basis(forms);
    c.domain_bases = by_basis(domains);
    return c;
}

Table to_table(const Coverage& c) {
    Table t;
    t.name = "coverage_provinces";
    t.columns = {{"province", "province of the municipalities"},
                 {"municipalities", "municipalities of the province in the data"},
                 {"with_cooperation", "of which in at least one cooperation arrangement (regions of divisions not counted)"},
                 {"arrangements", "cooperation arrangements with at least one member in the province"},
                 {"median_per_municipality", "median number of cooperation arrangements per municipality of the province"}};
    for (const auto& p : c.provinces)
        t.rows.push_back({p.province, static_cast<std::int64_t>(p.municipalities), static_cast<std::int64_t>(p.with_cooperation),
                          static_cast<std::int64_t>(p.arrangements), p.median_per_municipality});
    return t;
}

}  // namespace regionet::analysis
