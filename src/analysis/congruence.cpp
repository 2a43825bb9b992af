#include "analysis/congruence.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "model/error.hpp"

namespace regionet::analysis {

namespace {

// NaN (nothing compared) is written as an empty cell.
Cell measure(double v) { return std::isfinite(v) ? Cell(v) : Cell{}; }

}  // namespace

namespace {

// The partitions compared: every division, plus "province" from
// Municipality::province when no province division exists.
std::vector<std::pair<std::string, std::vector<std::int64_t>>> partitions(const Dataset& d) {
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> out;
    out = all_division_labels(d);
    if (province_division(d).empty()) {
        auto prov = province_labels(d);
        if (!prov.names.empty()) out.emplace_back("province", std::move(prov.labels));
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return out;
}

}  // namespace

CongruenceResult congruence(const Dataset& d, const CongruenceOptions& o) {
    CongruenceResult r;
    const auto parts = partitions(d);
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t j = i + 1; j < parts.size(); ++j)
            r.pairs.push_back({parts[i].first, parts[j].first, compare_partitions(parts[i].second, parts[j].second)});

    // The division to fit against: labels plus a key and a name per label.
    std::vector<std::int64_t> labels;
    const auto prov = province_labels(d);
    const auto wanted = lower(o.against);
    const bool wants_province =
        wanted == "province" || wanted == "provincie" || wanted == "provinces" || wanted == "provincies";
    std::string against;
    if (wants_province && !prov.division.empty()) against = prov.division;
    for (const auto& div : d.divisions())
        if (against.empty() && div == o.against) against = div;
    for (const auto& div : d.divisions())
        if (against.empty() && lower(div) == lower(o.against)) against = div;
    const bool from_municipalities = against.empty() && wants_province;
    if (from_municipalities) {
        labels = prov.labels;  // index prov.names
        r.against = "province";
    } else if (!against.empty()) {
        labels = division_labels(d, against);  // arrangement indexes
        r.against = against;
    } else {
        std::string known;
        for (const auto& div : d.divisions()) known += (known.empty() ? "" : ", ") + div;
        throw UsageError("no division '" + o.against + "' in dataset " + d.name + " (divisions: " +
                         (known.empty() ? "none" : known) + "; 'province' is always available)");
    }
    auto key_of = [&](std::int64_t label) -> std::pair<std::string, std::string> {
        const auto l = static_cast<std::size_t>(label);
        if (from_municipalities) return {prov.names[l], prov.names[l]};
        return {d.arrangements[l].id, d.arrangements[l].name};
    };

    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& arr = d.arrangements[a];
        if (arr.is_region()) continue;
        ArrangementFit f;
        f.arrangement = a;
        std::map<std::string, std::pair<std::size_t, std::string>> count;  // key -> (members, name)
        std::set<std::int64_t> provinces;
        for (auto k : d.members_of_arrangement()[a]) {
            const auto m = d.memberships[k].municipality;
            ++f.members;
            if (prov.labels[m] != kUnassigned) provinces.insert(prov.labels[m]);
            if (labels[m] == kUnassigned) {
                ++f.unassigned;
                continue;
            }
            auto [key, name] = key_of(labels[m]);
            auto& c = count[key];
            ++c.first;
            c.second = name;
        }
        f.regions = count.size();
        for (const auto& [key, c] : count)  // sorted by key: ties keep the smallest key
            if (c.first > f.inside) {
                f.inside = c.first;
                f.best_region = key;
                f.best_region_name = c.second;
            }
        f.share = f.members ? static_cast<double>(f.inside) / static_cast<double>(f.members) : 0.0;
        f.provinces = provinces.size();
        f.crosses_province = f.provinces > 1;
        r.fits.push_back(std::move(f));
    }
    return r;
}

Table to_table(const Dataset& d, const CongruenceResult& r) {
    Table t;
    t.name = "congruence_arrangements";
    t.columns = {{"id", "arrangement id"},
                 {"name", "arrangement name"},
                 {"domain", "domain"},
                 {"form", "form"},
                 {"members", "municipalities taking part"},
                 {"against", "division the arrangement is fitted against"},
                 {"best_region", "region (id, or province name) holding most members; ties: smallest"},
                 {"best_region_name", "name of that region"},
                 {"inside", "members inside the best region"},
                 {"share", "inside / members"},
                 {"regions", "regions of the division its members sit in"},
                 {"unassigned", "members without a region in the division"},
                 {"provinces", "provinces of its members"},
                 {"crosses_province", "members in more than one province"}};
    for (const auto& f : r.fits) {
        const auto& a = d.arrangements[f.arrangement];
        t.rows.push_back({a.id, a.name, a.domain, a.form, static_cast<std::int64_t>(f.members), r.against,
                          f.best_region, f.best_region_name, static_cast<std::int64_t>(f.inside), f.share,
                          static_cast<std::int64_t>(f.regions), static_cast<std::int64_t>(f.unassigned),
                          static_cast<std::int64_t>(f.provinces), f.crosses_province});
    }
    return t;
}

Table divisions_table(const CongruenceResult& r) {
    Table t;
    t.name = "congruence_divisions";
    t.columns = {{"division_a", "first division"},
                 {"division_b", "second division"},
                 {"municipalities", "municipalities with a region in both"},
                 {"regions_a", "regions of division_a among them"},
                 {"regions_b", "regions of division_b among them"},
                 {"ari", "adjusted Rand index (1 = same partition, about 0 = chance)"},
                 {"nmi", "normalised mutual information (0..1)"},
                 {"vi", "variation of information (nats, 0 = same partition)"}};
    for (const auto& p : r.pairs)
        t.rows.push_back({p.a, p.b, static_cast<std::int64_t>(p.agreement.items),
                          static_cast<std::int64_t>(p.agreement.groups_a), static_cast<std::int64_t>(p.agreement.groups_b),
                          measure(p.agreement.ari), measure(p.agreement.nmi), measure(p.agreement.vi)});
    return t;
}

}  // namespace regionet::analysis
