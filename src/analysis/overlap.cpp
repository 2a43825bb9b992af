#include "analysis/overlap.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "analysis/incidence.hpp"
#include "analysis/scope.hpp"
#include "model/error.hpp"

namespace regionet::analysis {

namespace {

bool same_text_ci(const std::string& x, const std::string& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
        auto lo = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lo(x[i]) != lo(y[i])) return false;
    }
    return true;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
    return s;
}

}  // namespace

std::vector<OverlapRow> overlap(const Dataset& d, const OverlapOptions& o) {
    if (!(o.min_jaccard >= 0.0 && o.min_jaccard <= 1.0))
        throw UsageError("--min-jaccard must lie between 0 and 1");
    if (!(o.redundancy_threshold >= 0.0 && o.redundancy_threshold <= 1.0))
        throw UsageError("--redundancy-threshold must lie between 0 and 1");

    const auto& members = d.members_of_arrangement();
    const auto inc = incidence(d);
    const std::size_t n = d.arrangements.size();
    std::vector<std::size_t> size(n);
    for (std::size_t a = 0; a < n; ++a) size[a] = inc.member_offset[a + 1] - inc.member_offset[a];

    // Rows of B^T B over arrangements with a sparse accumulator: for each
    // arrangement a, walk its members' arrangements b > a (those after a in
    // the member's ascending list). Since jaccard <= min/max of the sizes, b
    // can only qualify when its size lies in [t * |a|, |a| / t]; others are
    // skipped before counting.
    std::vector<std::uint32_t> count(n, 0);
    std::vector<std::uint32_t> touched;
    std::vector<OverlapRow> rows;
    const double t = o.min_jaccard;
    for (std::size_t a = 0; a < n; ++a) {
        const double sa = static_cast<double>(size[a]);
        for (auto e = inc.member_offset[a]; e < inc.member_offset[a + 1]; ++e) {
            const auto m = inc.member[e];
            for (auto f = inc.member_next[e]; f < inc.group_offset[m + 1]; ++f) {
                const auto b = inc.group[f];
                const double sb = static_cast<double>(size[b]);
                if (t > 0.0 && (sb < t * sa - 1e-9 || sa < t * sb - 1e-9)) continue;
                if (count[b] == 0) touched.push_back(b);
                ++count[b];
            }
        }
        std::sort(touched.begin(), touched.end());
        for (auto b : touched) {
            const std::size_t shared = count[b];
            count[b] = 0;
            const std::size_t uni = size[a] + size[b] - shared;
            const double jaccard = static_cast<double>(shared) / static_cast<double>(uni);
            if (jaccard < t) continue;
            OverlapRow r;
            r.a_index = a;
            r.b_index = b;
            r.a = d.arrangements[a].id;
            r.b = d.arrangements[b].id;
            r.a_name = d.arrangements[a].name;
            r.b_name = d.arrangements[b].name;
            r.shared = shared;
            r.size_a = size[a];
            r.size_b = size[b];
            r.jaccard = jaccard;
            r.overlap_coefficient = static_cast<double>(shared) / static_cast<double>(std::min(size[a], size[b]));
            r.identical = shared == size[a] && shared == size[b];
            r.nested = !r.identical && shared == std::min(size[a], size[b]);
            r.same_domain = !d.arrangements[a].domain.empty() &&
                            same_text_ci(d.arrangements[a].domain, d.arrangements[b].domain);
            // Never one body twice, a body and its region, or two divisions' regions (analysis/scope.hpp).
            r.redundancy_candidate = r.same_domain && jaccard >= o.redundancy_threshold &&
                                     may_be_redundant(relation(d, a, b));
            r.two_member_pair = size[a] == 2 && size[b] == 2;
            if (r.redundancy_candidate) {
                // Members are sorted by code within an arrangement: a merge walk.
                const auto& ma = members[a];
                const auto& mb = members[b];
                std::size_t i = 0, j = 0;
                while (i < ma.size() || j < mb.size()) {
                    const std::string* ca = i < ma.size() ? &d.memberships[ma[i]].municipality_code : nullptr;
                    const std::string* cb = j < mb.size() ? &d.memberships[mb[j]].municipality_code : nullptr;
                    if (ca && cb && *ca == *cb) {
                        ++i;
                        ++j;
                    } else if (ca && (!cb || *ca < *cb)) {
                        r.only_in_a.push_back(*ca);
                        ++i;
                    } else {
                        r.only_in_b.push_back(*cb);
                        ++j;
                    }
                }
            }
            rows.push_back(std::move(r));
        }
        touched.clear();
    }
    std::sort(rows.begin(), rows.end(), [](const OverlapRow& x, const OverlapRow& y) {
        if (x.jaccard != y.jaccard) return x.jaccard > y.jaccard;
        if (x.shared != y.shared) return x.shared > y.shared;
        if (x.a != y.a) return x.a < y.a;
        return x.b < y.b;
    });
    return rows;
}

Table to_table(const std::vector<OverlapRow>& rows) {
    Table t;
    t.name = "overlap";
    t.columns = {
        {"a", "id of the first arrangement (a < b)"},
        {"b", "id of the second arrangement"},
        {"a_name", "name of a"},
        {"b_name", "name of b"},
        {"shared", "members in both"},
        {"size_a", "members of a"},
        {"size_b", "members of b"},
        {"jaccard", "shared / members in either"},
        {"overlap_coefficient", "shared / size of the smaller"},
        {"nested", "the smaller member set lies inside the larger"},
        {"same_domain", "both in the same domain"},
        {"redundancy_candidate", "same domain and jaccard >= the redundancy threshold"},
        {"identical", "exactly the same members"},
        {"two_member_pair", "both arrangements have two members"},
        {"only_in_a", "members of a not in b (redundancy candidates only)"},
        {"only_in_b", "members of b not in a (redundancy candidates only)"},
    };
    t.rows.reserve(rows.size());
    for (const auto& r : rows) {
        t.rows.push_back({r.a, r.b, r.a_name, r.b_name, static_cast<std::int64_t>(r.shared),
                          static_cast<std::int64_t>(r.size_a), static_cast<std::int64_t>(r.size_b), r.jaccard,
                          r.overlap_coefficient, r.nested, r.same_domain, r.redundancy_candidate, r.identical,
                          r.two_member_pair, join(r.only_in_a), join(r.only_in_b)});
    }
    return t;
}

}  // namespace regionet::analysis
