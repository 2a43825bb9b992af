// 9. Methods and sources: definitions of every term and measure, the
// thresholds and weights this report used, the sources of the data.
#include <map>
#include <set>
#include <sstream>

#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

// A setting's value as written in the configuration files (no locale).
std::string plain(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

std::vector<std::pair<std::string, std::string>> settings(const Context& c) {
    const auto& r = c.results();
    const auto& o = r.options;
    std::vector<std::pair<std::string, std::string>> out;
    if (r.overlap) {
        out.push_back({c.t("set.map_min_jaccard"), plain(o.map_min_jaccard)});
        out.push_back({c.t("set.map_max_pairs"), std::to_string(o.map_max_pairs)});
        out.push_back({c.t("set.redundancy_threshold"), plain(o.overlap.redundancy_threshold)});
    }
    if (r.load) {
        std::set<std::string> forms;
        for (const auto& a : c.data().arrangements) forms.insert(a.form);
        for (const auto& f : forms) out.push_back({c.tf("set.form_meetings", {form_label(c.lang(), f)}), plain(o.weights.form(f))});
        for (Role role : {Role::member, Role::host, Role::client})
            out.push_back({c.tf("set.role_factor", {role_label(c.lang(), to_string(role))}), plain(o.weights.role(role))});
        out.push_back({c.t("set.meetings_per_seat"), plain(o.weights.meetings_per_seat)});
        out.push_back({c.t("set.unknown_seats"), plain(o.weights.unknown_seats)});
    }
    if (r.centrality) out.push_back({c.t("set.betweenness"), r.centrality->betweenness_method});
    if (r.communities)
        out.push_back({c.t("set.cluster_method"), std::string(analysis::to_string(o.communities.method)) + ", seed " +
                                                      std::to_string(o.communities.seed)});
    return out;
}

}  // namespace

Section methods_section(const Context& c) {
    const auto& d = c.data();
    Section s{"methods", c.t("s.methods"), {}};
    s.blocks.push_back(Heading{"", c.t("meth.definitions")});
    List defs;
    for (const char* key : {"membership", "jaccard", "overlap_coefficient", "redundancy", "nested", "load", "per10k", "pairs", "projection",
                            "degree", "strength", "betweenness", "harmonic", "eigenvector", "pagerank", "constraint", "community", "ari", "nmi"}) {
        Inline item{Span{c.t(std::string("def.") + key + ".term"), "", true}};
        item.push_back(Span{": " + c.t(std::string("def.") + key), "", false});
        defs.items.push_back(item);
    }
    s.blocks.push_back(defs);
    if (const auto rows = settings(c); !rows.empty()) {
        TableBlock tb{"table-settings", c.t("meth.settings.caption"), {c.t("col.setting"), c.t("col.value")}, {Align::left, Align::right},
                      {}, true, false, false};
        for (const auto& [k, v] : rows) tb.rows.push_back({Context::text_cell(k), Context::text_cell(v)});
        s.blocks.push_back(tb);
    }
    s.blocks.push_back(Heading{"", c.t("meth.sources")});
    List sources;
    const auto& name = c.in().dataset_name;
    sources.items.push_back(Context::text(c.tf("meth.dataset", {name, d.source.empty() ? c.t("unknown") : d.source,
                                                                d.reference_date.empty() ? c.t("unknown") : d.reference_date})));
    std::map<std::pair<std::string, std::string>, std::size_t> by_source;
    for (const auto& a : d.arrangements)
        if (!a.source.empty()) ++by_source[{a.source, a.reference_date}];
    for (const auto& [key, count] : by_source)
        sources.items.push_back(
            Context::text(c.tf("meth.source", {key.first, key.second.empty() ? c.t("unknown") : key.second, c.i(count)})));
    s.blocks.push_back(sources);
    s.blocks.push_back(Paragraph{Context::text(c.tf("meth.version", {c.in().version}))});
    s.blocks.push_back(Paragraph{Context::text(c.t("meth.limits"))});
    return s;
}

}  // namespace regionet::render::report
