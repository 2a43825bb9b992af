#include "analysis/communities.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/louvain.hpp"
#include "model/error.hpp"

namespace regionet::analysis {

namespace {

// NaN (nothing compared) is written as an empty cell.
Cell measure(double v) { return std::isfinite(v) ? Cell(v) : Cell{}; }

}  // namespace

CommunityMethod parse_community_method(const std::string& s) {
    if (s == "louvain" || s == "multilevel" || s.empty()) return CommunityMethod::louvain;
    if (s == "leiden") return CommunityMethod::leiden;
    throw UsageError("unknown community method '" + s + "'; expected louvain or leiden");
}

std::string_view to_string(CommunityMethod m) noexcept { return m == CommunityMethod::leiden ? "leiden" : "louvain"; }

namespace {

bool has_ordinary_ties(const Dataset& d) {
    for (std::size_t a = 0; a < d.arrangements.size(); ++a)
        if (!d.arrangements[a].is_region() && d.members_of_arrangement()[a].size() >= 2) return true;
    return false;
}

std::vector<igraph_integer_t> run_method(const ig::Graph& g, const ig::RealVector& weights, const CommunityOptions& o) {
    const auto n = g.vertex_count();
    ig::IntVector membership(n);
    if (g.edge_count() == 0) {
        std::vector<igraph_integer_t> singletons(static_cast<std::size_t>(n));
        for (igraph_integer_t i = 0; i < n; ++i) singletons[static_cast<std::size_t>(i)] = i;
        return singletons;
    }
    ig::seed(o.seed);
    if (o.method == CommunityMethod::louvain) {
        ig::RealVector levels;
        ig::check(igraph_community_multilevel(g.get(), weights.get(), o.resolution, membership.get(), nullptr,
                                              levels.get()));
    } else {
        // Leiden optimises the constant Potts model; with node weights equal to
        // the strengths and resolution / (2W) it optimises modularity.
        ig::RealVector strength(n);
        ig::check(igraph_strength(g.get(), strength.get(), igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, weights.get()));
        double total = 0.0;
        for (igraph_integer_t e = 0; e < weights.size(); ++e) total += weights[e];
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        ig::check(igraph_community_leiden(g.get(), weights.get(), strength.get(), o.resolution / (2.0 * total), 0.01,
                                          false, -1, membership.get(), &clusters, &quality));
    }
    return membership.to_std();
}

}  // namespace

CommunityResult communities(const Dataset& d, const CommunityOptions& o) {
    CommunityResult r;
    r.options = o;
    r.used_regions = o.include_regions || !has_ordinary_ties(d);
    const auto n = d.municipalities.size();
    std::vector<std::size_t> degree(n, 0);
    std::vector<std::int64_t> raw(n);  // no tie: every municipality on its own, as igraph gives it
    for (std::size_t i = 0; i < n; ++i) raw[i] = static_cast<std::int64_t>(i);
    const auto counted = r.used_regions ? ArrangementSelection{} : without_regions(d);
    if (o.method == CommunityMethod::louvain && o.weighting == Weighting::count) {
        // The default: Louvain on count weights, which are whole numbers, runs igraph's
        // algorithm on compact arrays with the same result (analysis/louvain.hpp), on
        // the ties straight from the dataset.
        const auto ties = tie_adjacency(d, counted);
        r.edges = ties.tie_count();
        for (std::size_t i = 0; i < n; ++i) degree[i] = ties.first[i + 1] - ties.first[i];
        if (r.edges > 0) {
            ig::seed(o.seed);
            auto part = multilevel_integer(ties, o.resolution);
            raw = std::move(part.membership);
            r.modularity = part.modularity;
        }
    } else {
        // Newman weights (fractions) and Leiden: igraph on the projection.
        const auto p = project_municipalities(d, o.weighting, counted);
        r.edges = p.edges.size();
        for (const auto& [i, j] : p.edges) {
            ++degree[i];
            ++degree[j];
        }
        const auto g = to_igraph(p);
        const ig::RealVector weights(p.weights);
        const auto found = run_method(g, weights, o);
        raw.assign(found.begin(), found.end());
        if (r.edges > 0) {
            const ig::IntVector membership(found);
            igraph_real_t q = 0;
            ig::check(igraph_modularity(g.get(), membership.get(), weights.get(), o.resolution, false, &q));
            r.modularity = q;
        }
    }

    // Renumber: municipalities are sorted by code, so the first member seen of a
    // community is its smallest code.
    std::map<std::int64_t, std::int64_t> number;
    r.community.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (degree[i] == 0) continue;
        auto [it, inserted] = number.emplace(raw[i], static_cast<std::int64_t>(number.size() + 1));
        r.community[i] = it->second;
    }
    r.community_count = number.size();
    std::vector<std::size_t> sizes(r.community_count + 1, 0);
    for (auto c : r.community) ++sizes[static_cast<std::size_t>(c)];
    r.community_size.resize(n);
    for (std::size_t i = 0; i < n; ++i) r.community_size[i] = r.community[i] == 0 ? 0 : sizes[static_cast<std::size_t>(r.community[i])];

    std::vector<std::int64_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) labels[i] = r.community[i] == 0 ? kUnassigned : r.community[i];
    const bool pseudo_province = province_division(d).empty();
    for (const auto& [div, regions] : all_division_labels(d)) r.divisions.push_back({div, compare_partitions(labels, regions)});
    if (pseudo_province) {
        const auto prov = province_labels(d);
        if (!prov.names.empty()) r.divisions.push_back({"province", compare_partitions(labels, prov.labels)});
    }
    std::sort(r.divisions.begin(), r.divisions.end(),
              [](const DivisionAgreement& x, const DivisionAgreement& y) { return x.division < y.division; });
    return r;
}

Table to_table(const Dataset& d, const CommunityResult& r) {
    Table t;
    t.name = "communities";
    t.columns = {{"code", "municipality code"},
                 {"name", "municipality name"},
                 {"province", "province"},
                 {"community", "community number (1 = the community holding the smallest code); 0 = no tie in the graph"},
                 {"community_size", "municipalities in the community"}};
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
        const auto& m = d.municipalities[i];
        t.rows.push_back({m.code, m.name, m.province, r.community[i], static_cast<std::int64_t>(r.community_size[i])});
    }
    return t;
}

Table agreement_table(const CommunityResult& r) {
    Table t;
    t.name = "community_agreement";
    t.columns = {{"division", "regional division compared with the communities"},
                 {"municipalities", "municipalities compared (a region in the division and a tie in the graph)"},
                 {"regions", "regions of the division among them"},
                 {"communities", "communities among them"},
                 {"ari", "adjusted Rand index (1 = same partition, about 0 = chance)"},
                 {"nmi", "normalised mutual information (0..1, 1 = same partition)"},
                 {"vi", "variation of information (nats, 0 = same partition)"}};
    for (const auto& x : r.divisions)
        t.rows.push_back({x.division, static_cast<std::int64_t>(x.agreement.items),
                          static_cast<std::int64_t>(x.agreement.groups_b), static_cast<std::int64_t>(x.agreement.groups_a),
                          measure(x.agreement.ari), measure(x.agreement.nmi), measure(x.agreement.vi)});
    return t;
}

Table summary_table(const Dataset& d, const CommunityResult& r) {
    Table t;
    t.name = "community_summary";
    t.columns = {{"method", "louvain (igraph multilevel) or leiden (modularity)"},
                 {"seed", "seed of igraph's random number generator"},
                 {"weighting", "edge weight: count of shared arrangements or newman 1/(n-1)"},
                 {"resolution", "modularity resolution"},
                 {"used_regions", "whether regions of divisions were part of the graph"},
                 {"municipalities", "municipalities in the dataset"},
                 {"clustered", "municipalities with at least one tie"},
                 {"edges", "edges of the co-membership graph"},
                 {"communities", "communities found"},
                 {"modularity", "modularity of the communities"}};
    std::int64_t clustered = 0;
    for (auto c : r.community) clustered += c != 0;
    t.rows.push_back({std::string(to_string(r.options.method)), static_cast<std::int64_t>(r.options.seed),
                      std::string(r.options.weighting == Weighting::newman ? "newman" : "count"), r.options.resolution,
                      r.used_regions, static_cast<std::int64_t>(d.municipalities.size()), clustered,
                      static_cast<std::int64_t>(r.edges), static_cast<std::int64_t>(r.community_count), r.modularity});
    return t;
}

}  // namespace regionet::analysis
