#include "analysis/graphs.hpp"
#include "analysis/incidence.hpp"
#include "model/lookup.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <new>

namespace regionet::analysis {

std::string Filter::describe() const {
    std::string s;
    auto add = [&](const std::string& k, const std::string& v) {
        if (!v.empty()) s += (s.empty() ? "" : ", ") + k + "=" + v;
    };
    add("domain", domain);
    add("province", province);
    add("division", division);
    add("region", region);
    if (active_in) add("active-in", std::to_string(*active_in));
    if (exclude_larger_than) add("exclude-larger-than", std::to_string(*exclude_larger_than));
    return s;
}

Weighting parse_weighting(const std::string& s) {
    if (s == "count" || s.empty()) return Weighting::count;
    if (s == "newman") return Weighting::newman;
    throw UsageError("unknown weighting '" + s + "'; expected count or newman");
}

std::optional<int> effective_year(const Dataset& d, const Filter& f) {
    if (f.active_in) return f.active_in;
    if (f.all_years || d.reference_date.size() < 4) return std::nullopt;
    // Memberships with end years: a register with its history (arrangements with
    // end years alone, as in the seed data, are a list of what once was).
    const bool dated =
        std::any_of(d.memberships.begin(), d.memberships.end(), [](const auto& m) { return m.end_year.has_value(); });
    if (!dated) return std::nullopt;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const char c = d.reference_date[i];
        if (c < '0' || c > '9') return std::nullopt;
        year = year * 10 + (c - '0');
    }
    return year;
}

Filter ordinary_arrangements() {
    Filter f;
    f.division = "none";
    f.all_years = true;
    return f;
}

Dataset apply(Dataset d, const Filter& filter) {
    Filter f = filter;
    f.active_in = effective_year(d, filter);
    if (f.empty()) return d;
    Dataset out;
    out.name = d.name;
    out.source = d.source;
    out.reference_date = d.reference_date;

    std::vector<bool> keep_m(d.municipalities.size(), true);
    if (!f.province.empty()) {
        const auto p = lower(f.province);
        for (std::size_t i = 0; i < d.municipalities.size(); ++i)
            keep_m[i] = lower(d.municipalities[i].province) == p;
    }
    if (!f.region.empty()) {
        const std::size_t region = find_arrangement_by_key(d, f.region);
        std::vector<bool> in(d.municipalities.size(), false);
        for (auto k : d.members_of_arrangement()[region]) in[d.memberships[k].municipality] = true;
        for (std::size_t i = 0; i < keep_m.size(); ++i) keep_m[i] = keep_m[i] && in[i];
    }
    std::vector<bool> keep_a(d.arrangements.size(), true);
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& x = d.arrangements[a];
        if (!f.domain.empty() && lower(x.domain) != lower(f.domain)) keep_a[a] = false;
        if (f.division == "none" && x.is_region()) keep_a[a] = false;
        if (!f.division.empty() && f.division != "none" && lower(x.division) != lower(f.division)) keep_a[a] = false;
        if (f.active_in && ((x.start_year && *x.start_year > *f.active_in) || (x.end_year && *x.end_year < *f.active_in)))
            keep_a[a] = false;
        if (f.exclude_larger_than && d.members_of_arrangement()[a].size() > *f.exclude_larger_than) keep_a[a] = false;
    }
    std::vector<std::size_t> members_left(d.arrangements.size(), 0);
    for (const auto& ms : d.memberships) {
        if (!keep_a[ms.arrangement] || !keep_m[ms.municipality]) continue;
        if (f.active_in && !ms.active_in(*f.active_in)) continue;
        out.memberships.push_back(ms);
        ++members_left[ms.arrangement];
    }
    for (std::size_t i = 0; i < d.municipalities.size(); ++i)
        if (keep_m[i]) out.municipalities.push_back(d.municipalities[i]);
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!keep_a[a] || members_left[a] == 0) continue;
        auto x = d.arrangements[a];
        if (!x.host.empty() && !keep_m[*d.municipality_index(x.host)]) x.host.clear();
        out.arrangements.push_back(std::move(x));
    }
    for (const auto& p : d.participants)
        if (keep_a[p.arrangement] && members_left[p.arrangement] > 0) out.participants.push_back(p);
    for (const auto& n : d.neighbours)
        if (keep_m[*d.municipality_index(n.a)] && keep_m[*d.municipality_index(n.b)]) out.neighbours.push_back(n);
    for (const auto& o : d.outlines) {
        auto m = d.municipality_index(o.owner);
        auto a = d.arrangement_index(o.owner);
        if ((m && keep_m[*m]) || (a && keep_a[*a] && members_left[*a] > 0)) out.outlines.push_back(o);
    }
    out.reindex();
    return out;
}

ArrangementSelection without_regions(const Dataset& d) {
    ArrangementSelection counted(d.arrangements.size());
    for (std::size_t a = 0; a < counted.size(); ++a) counted[a] = !d.arrangements[a].is_region();
    return counted;
}

ArrangementSelection at_most_members(const Dataset& d, std::size_t max_members) {
    ArrangementSelection counted(d.arrangements.size());
    for (std::size_t a = 0; a < counted.size(); ++a) counted[a] = d.members_of_arrangement()[a].size() <= max_members;
    return counted;
}

namespace {

bool counts(const ArrangementSelection& counted, std::size_t arrangement) {
    return counted.empty() || counted[arrangement];
}

// Rows of B B^T with a sparse accumulator, so the cost is the number of co-member
// pairs, never all pairs. For each municipality i in order, tie(i, j, shared, weight)
// for its co-members j ascending: those after i only (each tie once), or with
// BothEnds every other one (each tie from both ends, twice the additions, so that a
// row is complete and nothing needs transposing). The weight sums group_weight over
// the shared arrangements when Weighted.
template <bool BothEnds, bool Weighted, class Tie, class RowDone>
void co_member_rows(const Dataset& d, const ArrangementSelection& counted, const std::vector<double>& group_weight,
                    Tie&& tie, RowDone&& row_done) {
    const auto x = incidence(d);
    const std::size_t n = d.municipalities.size();
    std::vector<double> acc(Weighted ? n : 0, 0.0);
    std::vector<std::uint32_t> count(n, 0);
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < n; ++i) {
        for (auto e = x.group_offset[i]; e < x.group_offset[i + 1]; ++e) {
            const auto g = x.group[e];
            if (!counts(counted, g)) continue;
            // Without BothEnds: the members after i, as lists ascend.
            for (auto f = BothEnds ? x.member_offset[g] : x.group_next[e]; f < x.member_offset[g + 1]; ++f) {
                const auto j = x.member[f];
                if (BothEnds && j == i) continue;
                if (count[j] == 0) touched.push_back(j);
                if constexpr (Weighted) acc[j] += group_weight[g];
                ++count[j];
            }
        }
        auto emit = [&](std::uint32_t j) {
            tie(i, j, count[j], Weighted ? acc[j] : 0.0);
            if constexpr (Weighted) acc[j] = 0.0;
            count[j] = 0;
        };
        // Ascending co-members: a row touching more than a 32nd of all municipalities
        // reads them off the counts in order (a linear scan beats sorting them there).
        if (touched.size() > n / 32) {
            for (std::size_t j = 0; j < n; ++j)
                if (count[j] != 0) emit(static_cast<std::uint32_t>(j));
        } else {
            std::sort(touched.begin(), touched.end());
            for (auto j : touched) emit(j);
        }
        touched.clear();
        row_done(i);
    }
}

}  // namespace

Projection project_municipalities(const Dataset& d, Weighting weighting, const ArrangementSelection& counted) {
    std::vector<double> group_weight(d.arrangements.size(), 1.0);
    if (weighting == Weighting::newman) {
        const auto& members = d.members_of_arrangement();
        for (std::size_t g = 0; g < group_weight.size(); ++g)
            if (members[g].size() > 1) group_weight[g] = 1.0 / static_cast<double>(members[g].size() - 1);
    }
    Projection p;
    p.vertex_count = d.municipalities.size();
    co_member_rows<false, true>(
        d, counted, group_weight,
        [&](std::size_t i, std::size_t j, std::uint32_t shared, double weight) {
            p.edges.emplace_back(i, j);
            p.weights.push_back(weight);
            p.shared.push_back(shared);
        },
        [](std::size_t) {});
    return p;
}

TieAdjacency tie_adjacency(const Dataset& d, const ArrangementSelection& counted) {
    TieAdjacency t;
    t.vertex_count = d.municipalities.size();
    t.first.assign(t.vertex_count + 1, 0);
    // Room for the ties' upper bound (the co-member pairs, at most every ordered pair
    // of municipalities): reserved address space, of which only the part filled is
    // touched, so the arrays are written once instead of copied at each doubling.
    // The reservation only saves copies, so one the system refuses is skipped.
    const std::size_t n = t.vertex_count;
    std::size_t pairs = 0;
    const auto& members = d.members_of_arrangement();
    for (std::size_t a = 0; a < members.size(); ++a)
        if (const auto s = members[a].size(); s > 1 && counts(counted, a)) pairs += s * (s - 1);
    try {
        t.neighbour.reserve(std::min(pairs, n * (n > 0 ? n - 1 : 0)));
        t.shared.reserve(t.neighbour.capacity());
    } catch (const std::bad_alloc&) {
        t.neighbour.shrink_to_fit();
    }
    co_member_rows<true, false>(
        d, counted, {},
        [&](std::size_t, std::size_t j, std::uint32_t shared, double) {
            t.neighbour.push_back(static_cast<std::uint32_t>(j));
            t.shared.push_back(shared);
        },
        [&](std::size_t i) { t.first[i + 1] = t.neighbour.size(); });
    return t;
}

ig::Graph to_igraph(const Projection& p) {
    ig::IntVector edges;
    edges.reserve(static_cast<igraph_integer_t>(2 * p.edges.size()));
    for (const auto& [i, j] : p.edges) {
        edges.push_back(static_cast<igraph_integer_t>(i));
        edges.push_back(static_cast<igraph_integer_t>(j));
    }
    return ig::Graph(edges, static_cast<igraph_integer_t>(p.vertex_count), false);
}

ig::Graph bipartite(const Dataset& d) {
    ig::IntVector edges;
    edges.reserve(static_cast<igraph_integer_t>(2 * d.memberships.size()));
    const auto m = static_cast<igraph_integer_t>(d.municipalities.size());
    for (const auto& ms : d.memberships) {
        edges.push_back(static_cast<igraph_integer_t>(ms.municipality));
        edges.push_back(m + static_cast<igraph_integer_t>(ms.arrangement));
    }
    return ig::Graph(edges, m + static_cast<igraph_integer_t>(d.arrangements.size()), false);
}

}  // namespace regionet::analysis
