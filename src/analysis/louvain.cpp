#include "analysis/louvain.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <type_traits>

#include "capi/igraph.hpp"
#include "model/error.hpp"

namespace regionet::analysis {

namespace {

// One level's graph: an adjacency array without self-loops, each tie listed at both
// ends, and each vertex's self-loop weight (a community's inside ties once it is
// shrunk to a vertex) apart. A view: the first level reads the caller's arrays
// (32-bit counts from a TieAdjacency, or doubles from a Projection), the levels
// after it a LevelGraph. Weights are read as doubles, so the sums are the same
// whichever type holds them.
template <class Weight>
struct Level {
    std::size_t vertices = 0;
    std::span<const std::size_t> first;  // ties of v: first[v] .. first[v + 1]
    std::span<const std::uint32_t> neighbour;
    std::span<const Weight> weight;
    std::span<const double> loop;

    // igraph's weight_all of a vertex: its ties, a self-loop counted at both ends.
    double strength(std::size_t v) const {
        double s = 2 * loop[v];
        for (std::size_t e = first[v]; e < first[v + 1]; ++e) s += static_cast<double>(weight[e]);
        return s;
    }
};

// A shrunk level's arrays.
struct LevelGraph {
    std::size_t vertices = 0;
    std::vector<std::size_t> first;
    std::vector<std::uint32_t> neighbour;
    std::vector<double> weight;
    std::vector<double> loop;
    Level<double> view() const { return {vertices, first, neighbour, weight, loop}; }
};

LevelGraph from_projection(const Projection& p) {
    LevelGraph g;
    g.vertices = p.vertex_count;
    g.first.assign(g.vertices + 1, 0);
    for (const auto& [i, j] : p.edges) ++g.first[i + 1], ++g.first[j + 1];
    for (std::size_t v = 0; v < g.vertices; ++v) g.first[v + 1] += g.first[v];
    g.neighbour.resize(g.first.back());
    g.weight.resize(g.first.back());
    auto next = g.first;
    for (std::size_t e = 0; e < p.edges.size(); ++e) {
        const auto [i, j] = p.edges[e];
        g.neighbour[next[i]] = static_cast<std::uint32_t>(j), g.weight[next[i]++] = p.weights[e];
        g.neighbour[next[j]] = static_cast<std::uint32_t>(i), g.weight[next[j]++] = p.weights[e];
    }
    g.loop.assign(g.vertices, 0.0);
    return g;
}

// A community's totals as igraph keeps them during a level.
struct Community {
    std::size_t size = 0;
    double inside = 0;                   // weight_inside: twice its inside ties
    double all = 0;                      // weight_all: the strengths of its members
};

double level_modularity(const std::vector<Community>& communities, double total, double resolution) {
    double q = 0;
    for (const auto& c : communities)
        if (c.size > 0) q += (c.inside - resolution * c.all * c.all / total) / total;
    return q;
}

struct Step {
    std::vector<std::int64_t> membership;  // renumbered by first member
    std::size_t communities = 0;
    double modularity = 0;
};

// What a vertex's ties to one community sum to during a level: whole numbers
// either way (multilevel_integer), so the sums are exact in any order and equal
// the doubles igraph adds; on the first level's 32-bit counts an integer add is
// the cheaper one.
template <class Weight>
using TieSum = std::conditional_t<std::is_integral_v<Weight>, std::uint64_t, double>;

// One level: local moves until a pass does not raise modularity.
//
// The inner loops are most of the communities command's time at scale (eu: 21
// passes over 141 million adjacency entries), so they avoid branches the data
// cannot predict: a vertex's communities are collected without a branch on
// "seen before", and a community's gain is worked out only when its tie sum is
// not below the gain of the community with the largest tie sum. That skip
// changes no decision: the gain is the tie sum less a term that is never
// negative (resolution, strengths and total are not), so a community whose tie
// sum is below a gain some community reaches can neither win nor tie.
template <class Weight>
Step move_vertices(const Level<Weight>& g, double resolution) {
    const auto n = g.vertices;
    // The visiting order from igraph's shuffle, so the RNG draws are igraph's.
    ig::IntVector order(static_cast<igraph_integer_t>(n));
    for (std::size_t v = 0; v < n; ++v) VECTOR(*order.get())[v] = static_cast<igraph_integer_t>(v);
    ig::check(igraph_vector_int_shuffle(order.get()));

    std::vector<double> strength(n);
    std::vector<Community> communities(n);
    double total = 0;                    // igraph's weight_sum: twice the sum of tie weights
    for (std::size_t v = 0; v < n; ++v) {
        strength[v] = g.strength(v);
        communities[v] = {1, 2 * g.loop[v], strength[v]};
        total += strength[v];
    }
    // Vertices and communities fit 32 bits (the adjacency stores 32-bit neighbours).
    std::vector<std::uint32_t> membership(n);
    for (std::size_t v = 0; v < n; ++v) membership[v] = static_cast<std::uint32_t>(v);

    std::vector<TieSum<Weight>> to_community(n, 0);
    // "Seen" flags only for weights that can be zero; on counts a zero sum says it.
    constexpr bool counts = std::is_integral_v<Weight>;
    std::vector<char> seen(counts ? 0 : n, 0);
    std::vector<std::uint32_t> touched(n + 1);
    const bool may_skip = resolution >= 0;
    double q = level_modularity(communities, total, resolution);
    for (;;) {
        const double pass_q = q;
        bool changed = false;
        const auto before = membership;
        for (std::size_t i = 0; i < n; ++i) {
            const auto v = static_cast<std::size_t>(order[static_cast<igraph_integer_t>(i)]);
            const auto old = membership[v];
            std::size_t distinct = 0;
            {
                // Plain pointers: the stores below would otherwise make the compiler
                // reload every vector's bounds for each tie.
                const std::uint32_t* const neighbour = g.neighbour.data();
                const Weight* const weight = g.weight.data();
                const std::uint32_t* const community_of = membership.data();
                std::uint32_t* const collected = touched.data();
                TieSum<Weight>* const sum = to_community.data();
                char* const is_seen = seen.data();
                for (std::size_t e = g.first[v], end = g.first[v + 1]; e < end; ++e) {
                    const auto c = community_of[neighbour[e]];
                    collected[distinct] = c;
                    if constexpr (counts) {
                        distinct += sum[c] == 0;  // every count is at least 1 (multilevel_integer checks)
                    } else {
                        distinct += !is_seen[c];
                        is_seen[c] = 1;
                    }
                    sum[c] += weight[e];
                }
            }
            const std::span<const std::uint32_t> neighbours(touched.data(), distinct);
            const double inside = static_cast<double>(to_community[old]);
            const double loops = 2 * g.loop[v];
            auto& from = communities[old];
            from.size--;
            from.all -= strength[v];
            from.inside -= 2 * inside + loops;

            // A gain to start from: that of the community with the largest tie sum.
            double floor = 0;
            if (may_skip && !neighbours.empty()) {
                std::uint32_t heaviest = neighbours[0];
                for (const auto c : neighbours)
                    if (to_community[c] > to_community[heaviest]) heaviest = c;
                floor = static_cast<double>(to_community[heaviest]) -
                        resolution * communities[heaviest].all * strength[v] / total;
            }
            // igraph takes the first strictly best gain over communities in ascending
            // order: the best positive gain, and on a tie the lowest number.
            std::int64_t best = -1;
            double best_gain = 0;
            for (const auto c : neighbours) {
                const double sum = static_cast<double>(to_community[c]);
                if (may_skip && sum < floor) continue;
                const double gain = sum - resolution * communities[c].all * strength[v] / total;
                if (gain > 0 && (best < 0 || gain > best_gain || (gain == best_gain && c < best))) best = c, best_gain = gain;
            }
            const auto target = best < 0 ? old : static_cast<std::uint32_t>(best);
            const double joined = best < 0 ? inside : static_cast<double>(to_community[target]);
            membership[v] = target;
            auto& to = communities[target];
            to.size++;
            to.all += strength[v];
            to.inside += 2 * joined + loops;
            changed = changed || target != old;
            for (const auto c : neighbours) to_community[c] = 0;
            if constexpr (!counts)
                for (const auto c : neighbours) seen[c] = 0;
        }
        q = level_modularity(communities, total, resolution);
        if (!(changed && q > pass_q)) {
            membership = before;         // igraph keeps the last pass's modularity, not the restored one's
            break;
        }
    }

    Step s;
    s.modularity = q;
    std::vector<std::int64_t> number(n, -1);
    s.membership.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        auto& k = number[membership[v]];
        if (k < 0) k = static_cast<std::int64_t>(s.communities++);
        s.membership[v] = k;
    }
    return s;
}

// The next level: every community a vertex, its inside ties a self-loop.
template <class Weight>
LevelGraph shrink(const Level<Weight>& g, const Step& s) {
    LevelGraph out;
    out.vertices = s.communities;
    out.first.assign(out.vertices + 1, 0);
    out.loop.assign(out.vertices, 0.0);
    std::vector<std::size_t> start(out.vertices + 1, 0);
    for (const auto c : s.membership) ++start[static_cast<std::size_t>(c) + 1];
    for (std::size_t c = 0; c < out.vertices; ++c) start[c + 1] += start[c];
    std::vector<std::size_t> members(g.vertices);
    {
        auto next = start;
        for (std::size_t v = 0; v < g.vertices; ++v) members[next[static_cast<std::size_t>(s.membership[v])]++] = v;
    }
    std::vector<double> to_community(out.vertices, 0.0);
    std::vector<char> seen(out.vertices, 0);
    std::vector<std::uint32_t> touched;
    for (std::size_t c = 0; c < out.vertices; ++c) {
        double inside = 0;
        for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
            const auto v = members[k];
            out.loop[c] += g.loop[v];
            for (std::size_t e = g.first[v]; e < g.first[v + 1]; ++e) {
                const auto d = static_cast<std::uint32_t>(s.membership[g.neighbour[e]]);
                if (d == c) {
                    inside += static_cast<double>(g.weight[e]);
                    continue;
                }
                if (!seen[d]) seen[d] = 1, touched.push_back(d);
                to_community[d] += static_cast<double>(g.weight[e]);
            }
        }
        out.loop[c] += inside / 2;       // each inside tie was seen from both ends
        for (const auto d : touched) {
            out.neighbour.push_back(d);
            out.weight.push_back(to_community[d]);
            seen[d] = 0, to_community[d] = 0;
        }
        touched.clear();
        out.first[c + 1] = out.neighbour.size();
    }
    return out;
}

// The levels from the first on, as igraph_community_multilevel runs them; the
// modularity is left for the caller to sum on the first level's ties.
template <class Weight>
LouvainPartition multilevel(const Level<Weight>& first, double resolution) {
    std::vector<std::int64_t> membership(first.vertices);
    for (std::size_t v = 0; v < membership.size(); ++v) membership[v] = static_cast<std::int64_t>(v);
    LevelGraph shrunk;
    bool on_first = true;
    double q = -1;
    for (;;) {
        const double previous = q;
        auto step = on_first ? move_vertices(first, resolution) : move_vertices(shrunk.view(), resolution);
        q = step.modularity;
        const std::size_t vertices = on_first ? first.vertices : shrunk.vertices;
        // igraph stops when a level merges nothing or loses modularity, and drops that level.
        if (step.communities == vertices || q < previous) break;
        for (auto& m : membership) m = step.membership[static_cast<std::size_t>(m)];
        shrunk = on_first ? shrink(first, step) : shrink(shrunk.view(), step);
        on_first = false;
    }
    LouvainPartition r;
    r.membership = std::move(membership);
    return r;
}

}  // namespace

bool has_integer_weights(const Projection& p) {
    constexpr double limit = 4503599627370496.0;  // 2^52: sums below 2^53 stay exact
    double total = 0;
    for (const double w : p.weights) {
        if (!(w >= 0) || w != std::floor(w)) return false;
        total += w;
    }
    return total < limit;
}

LouvainPartition multilevel_integer(const Projection& p, double resolution) {
    if (p.edges.empty() || !has_integer_weights(p))
        throw Error("multilevel_integer needs at least one tie and whole-number weights");
    const LevelGraph g = from_projection(p);
    auto r = multilevel(g.view(), resolution);
    r.modularity = modularity(p, r.membership, resolution);
    return r;
}

LouvainPartition multilevel_integer(const TieAdjacency& t, double resolution) {
    if (t.tie_count() == 0) throw Error("multilevel_integer needs at least one tie");
    double total = 0;  // whole numbers, so exact while below 2^53
    for (const auto w : t.shared) {
        if (w == 0) throw Error("multilevel_integer: a tie with no shared arrangement");
        total += w;
    }
    if (!(total < 4503599627370496.0)) throw Error("multilevel_integer: tie weights sum beyond 2^52");
    const std::vector<double> no_loops(t.vertex_count, 0.0);
    auto r = multilevel(Level<std::uint32_t>{t.vertex_count, t.first, t.neighbour, t.shared, no_loops}, resolution);
    r.modularity = modularity(t, r.membership, resolution);
    return r;
}

namespace {

// igraph_modularity over ties given one by one (in its edge order: i < j ascending),
// then summed community by community as igraph does.
template <class EachTie>
double modularity_of(std::size_t vertices, const std::vector<std::int64_t>& membership, double resolution,
                     EachTie&& each_tie) {
    std::int64_t types = 0;
    for (std::size_t v = 0; v < vertices; ++v) types = std::max(types, membership[v] + 1);
    std::vector<double> inside(static_cast<std::size_t>(types), 0.0), strength(static_cast<std::size_t>(types), 0.0);
    double m = 0;
    each_tie([&](std::size_t i, std::size_t j, double w) {
        const auto a = static_cast<std::size_t>(membership[i]);
        const auto b = static_cast<std::size_t>(membership[j]);
        if (a == b) inside[a] += 2 * w;
        strength[a] += w;
        strength[b] += w;
        m += w;
    });
    if (!(m > 0)) return std::nan("");
    // igraph scales by the reciprocal, then sums community by community.
    const double scale = 1.0 / (2 * m);
    double q = 0;
    for (std::size_t c = 0; c < inside.size(); ++c) {
        const double k = strength[c] * scale;
        q += inside[c] * scale;
        q -= resolution * k * k;
    }
    return q;
}

}  // namespace

double modularity(const Projection& p, const std::vector<std::int64_t>& membership, double resolution) {
    return modularity_of(p.vertex_count, membership, resolution, [&](auto&& tie) {
        for (std::size_t e = 0; e < p.edges.size(); ++e) tie(p.edges[e].first, p.edges[e].second, p.weights[e]);
    });
}

double modularity(const TieAdjacency& t, const std::vector<std::int64_t>& membership, double resolution) {
    return modularity_of(t.vertex_count, membership, resolution, [&](auto&& tie) {
        for (std::size_t i = 0; i < t.vertex_count; ++i)
            for (std::size_t e = t.first[i]; e < t.first[i + 1]; ++e)
                if (t.neighbour[e] > i) tie(i, t.neighbour[e], static_cast<double>(t.shared[e]));
    });
}

}  // namespace regionet::analysis
