#include "analysis/partition.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "capi/igraph.hpp"
#include "model/error.hpp"

namespace regionet::analysis {

namespace {

// Dense labels 0..k-1 in order of first appearance; returns k.
std::size_t densify(std::vector<igraph_integer_t>& labels) {
    std::map<igraph_integer_t, igraph_integer_t> seen;
    for (auto& l : labels) {
        auto [it, inserted] = seen.emplace(l, static_cast<igraph_integer_t>(seen.size()));
        l = it->second;
    }
    return seen.size();
}

}  // namespace

PartitionAgreement compare_partitions(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
    if (a.size() != b.size()) throw Error("compare_partitions: label vectors differ in length");
    std::vector<igraph_integer_t> la;
    std::vector<igraph_integer_t> lb;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == kUnassigned || b[i] == kUnassigned) continue;
        la.push_back(static_cast<igraph_integer_t>(a[i]));
        lb.push_back(static_cast<igraph_integer_t>(b[i]));
    }
    PartitionAgreement r;
    r.items = la.size();
    r.groups_a = densify(la);
    r.groups_b = densify(lb);
    if (r.items == 0) {  // nothing to compare
        r.ari = r.nmi = r.vi = std::numeric_limits<double>::quiet_NaN();
        return r;
    }
    if (r.items == 1) {  // igraph refuses; one item is trivially the same partition
        r.ari = r.nmi = 1.0;
        r.vi = 0.0;
        return r;
    }
    const ig::IntVector va(la);
    const ig::IntVector vb(lb);
    igraph_real_t value = 0;
    ig::check(igraph_compare_communities(va.get(), vb.get(), &value, IGRAPH_COMMCMP_ADJUSTED_RAND));
    // 0/0 when both partitions are one group, or both all singletons: then they
    // are identical, and ARI is 1 by convention.
    r.ari = std::isnan(value) ? 1.0 : value;
    ig::check(igraph_compare_communities(va.get(), vb.get(), &value, IGRAPH_COMMCMP_NMI));
    r.nmi = value;
    ig::check(igraph_compare_communities(va.get(), vb.get(), &value, IGRAPH_COMMCMP_VI));
    r.vi = value;
    return r;
}

std::vector<std::int64_t> division_labels(const Dataset& d, const std::string& division) {
    std::vector<std::int64_t> labels(d.municipalities.size(), kUnassigned);
    std::vector<double> best_share(d.municipalities.size(), -1.0);
    // Memberships are sorted by arrangement id, so on equal shares the first
    // region seen (smallest id) is kept.
    for (const auto& ms : d.memberships) {
        const auto& a = d.arrangements[ms.arrangement];
        if (a.division != division) continue;
        const double share = ms.share.value_or(1.0);
        if (share > best_share[ms.municipality]) {
            best_share[ms.municipality] = share;
            labels[ms.municipality] = static_cast<std::int64_t>(ms.arrangement);
        }
    }
    return labels;
}

std::vector<std::pair<std::string, std::vector<std::int64_t>>> all_division_labels(const Dataset& d) {
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> out;
    const auto names = d.divisions();
    for (const auto& name : names) out.emplace_back(name, std::vector<std::int64_t>(d.municipalities.size(), kUnassigned));
    std::vector<std::vector<double>> best(names.size(), std::vector<double>(d.municipalities.size(), -1.0));
    std::vector<std::size_t> division_of(d.arrangements.size(), names.size());
    for (std::size_t a = 0; a < d.arrangements.size(); ++a)
        if (d.arrangements[a].is_region())
            division_of[a] = static_cast<std::size_t>(
                std::lower_bound(names.begin(), names.end(), d.arrangements[a].division) - names.begin());
    // Same rule as division_labels(): largest share, ties to the smallest id.
    for (const auto& ms : d.memberships) {
        const auto k = division_of[ms.arrangement];
        if (k >= names.size()) continue;
        const double share = ms.share.value_or(1.0);
        if (share > best[k][ms.municipality]) {
            best[k][ms.municipality] = share;
            out[k].second[ms.municipality] = static_cast<std::int64_t>(ms.arrangement);
        }
    }
    return out;
}

std::string province_division(const Dataset& d) {
    for (const auto& div : d.divisions()) {
        const auto l = lower(div);
        if (l == "province" || l == "provincie" || l == "provinces" || l == "provincies") return div;
    }
    return {};
}

ProvinceLabels province_labels(const Dataset& d) {
    ProvinceLabels p;
    p.division = province_division(d);
    if (!p.division.empty()) {
        auto raw = division_labels(d, p.division);
        std::map<std::int64_t, std::int64_t> index;  // arrangement index -> label
        for (auto r : raw)
            if (r != kUnassigned) index.emplace(r, 0);
        for (auto& [arr, label] : index) {
            label = static_cast<std::int64_t>(p.names.size());
            p.names.push_back(d.arrangements[static_cast<std::size_t>(arr)].name);
        }
        p.labels.reserve(raw.size());
        for (auto r : raw) p.labels.push_back(r == kUnassigned ? kUnassigned : index[r]);
        return p;
    }
    std::set<std::string> names;
    for (const auto& m : d.municipalities)
        if (!m.province.empty()) names.insert(m.province);
    p.names.assign(names.begin(), names.end());
    p.labels.reserve(d.municipalities.size());
    for (const auto& m : d.municipalities) {
        if (m.province.empty()) {
            p.labels.push_back(kUnassigned);
            continue;
        }
        const auto it = std::lower_bound(p.names.begin(), p.names.end(), m.province);
        p.labels.push_back(static_cast<std::int64_t>(it - p.names.begin()));
    }
    return p;
}

}  // namespace regionet::analysis
