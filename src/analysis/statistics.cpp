#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace regionet::analysis {

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

CountStats count_stats(const std::vector<double>& values, double mark) {
    CountStats s;
    if (values.empty()) return s;
    double sum = 0.0;
    for (double x : values) sum += x;
    s.mean = sum / static_cast<double>(values.size());
    s.median = median(values);
    s.max = *std::max_element(values.begin(), values.end());
    s.above = static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [mark](double x) { return x > mark; }));
    return s;
}

MembershipStats membership_stats(const Dataset& d) {
    MembershipStats s;
    s.municipalities = d.municipalities.size();
    std::map<std::string, DivisionCount> divisions;
    std::map<std::string, std::set<std::size_t>> covered;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& x = d.arrangements[a];
        const auto& members = d.members_of_arrangement()[a];
        if (x.is_region()) {
            ++s.regions;
            auto& div = divisions[x.division];
            div.division = x.division;
            ++div.regions;
            for (auto k : members) covered[x.division].insert(d.memberships[k].municipality);
            continue;
        }
        ++s.ordinary_arrangements;
        auto& f = s.by_form[x.form];
        ++f.arrangements;
        f.memberships += members.size();
        auto& g = s.by_domain[x.domain];
        ++g.arrangements;
        g.memberships += members.size();
    }
    for (auto& [name, div] : divisions) {
        div.municipalities = covered[name].size();
        s.divisions.push_back(div);
    }
    for (std::size_t m = 0; m < s.municipalities; ++m) {
        std::size_t ordinary = 0, regional = 0;
        for (auto k : d.memberships_of_municipality()[m]) (d.arrangements[d.memberships[k].arrangement].is_region() ? regional : ordinary)++;
        s.all.push_back(static_cast<double>(ordinary + regional));
        s.ordinary.push_back(static_cast<double>(ordinary));
        s.regional.push_back(static_cast<double>(regional));
        if (s.all[m] > s.all[s.most]) s.most = m;
    }
    return s;
}

namespace {

template <class Value>
std::vector<std::size_t> order_descending_impl(const std::vector<Value>& values, const std::vector<std::size_t>& order,
                                               double (*get)(const Value&)) {
    std::vector<std::size_t> out;
    for (auto i : order)
        if (i < values.size() && std::isfinite(get(values[i]))) out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return get(values[a]) > get(values[b]); });
    return out;
}

}  // namespace

std::vector<std::size_t> order_descending(const std::vector<double>& values, const std::vector<std::size_t>& order) {
    return order_descending_impl<double>(values, order, [](const double& v) { return v; });
}

std::vector<std::size_t> order_descending(const std::vector<std::optional<double>>& values, const std::vector<std::size_t>& order) {
    return order_descending_impl<std::optional<double>>(
        values, order, [](const std::optional<double>& v) { return v ? *v : std::nan(""); });
}

std::vector<std::size_t> order_by_key(const std::vector<std::string>& keys) {
    std::vector<std::size_t> out(keys.size());
    std::iota(out.begin(), out.end(), std::size_t{0});
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    return out;
}

std::vector<std::string> municipality_codes(const Dataset& d) {
    std::vector<std::string> out;
    for (const auto& m : d.municipalities) out.push_back(m.code);
    return out;
}

std::vector<std::size_t> ranks(const std::vector<std::size_t>& ordered, std::size_t n) {
    std::vector<std::size_t> out(n, 0);
    for (std::size_t k = 0; k < ordered.size(); ++k)
        if (ordered[k] < n) out[ordered[k]] = k + 1;
    return out;
}

std::vector<std::vector<std::pair<std::size_t, std::size_t>>> partner_ties(const Dataset& d, const Projection& p) {
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> out(d.municipalities.size());
    for (std::size_t e = 0; e < p.edges.size(); ++e) {
        const auto [a, b] = p.edges[e];
        out[a].push_back({b, p.shared[e]});
        out[b].push_back({a, p.shared[e]});
    }
    for (auto& ties : out)
        std::stable_sort(ties.begin(), ties.end(), [&](const auto& x, const auto& y) {
            if (x.second != y.second) return x.second > y.second;
            return d.municipalities[x.first].code < d.municipalities[y.first].code;
        });
    return out;
}

std::vector<std::pair<std::int64_t, std::vector<std::size_t>>> community_members(const std::vector<std::int64_t>& community) {
    std::map<std::int64_t, std::vector<std::size_t>> groups;
    for (std::size_t m = 0; m < community.size(); ++m) groups[community[m]].push_back(m);
    std::vector<std::pair<std::int64_t, std::vector<std::size_t>>> out(groups.begin(), groups.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    return out;
}

}  // namespace regionet::analysis
