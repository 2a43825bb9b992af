// 9. Methods and sources: definitions of every term and measure, the
// thresholds and weights this report used, the sources of the data.
#include <map>
#include <set>
#include <sstream>

#include "render/report/context.hpp"
#include "render/result_texts.hpp"

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
    if (r.centrality) out.push_back({c.t("set.betweenness"), betweenness_method(c.lang(), *r.centrality)});
    if (r.communities)
        out.push_back({c.t("set.cluster_method"), std::string(analysis::to_string(o.communities.method)) + ", seed " +
                                                      std::to_string(o.communities.seed)});
    return out;
}

// "12 uit de naam, 3 uit het doel en bij 2 was het niet af te leiden": the
// bases in a fixed order, the ones the texts do not know by their code.
std::string bases(const Context& c, const std::vector<analysis::InferredCount>& counts) {
    std::vector<std::string> parts;
    for (const char* known : {"legal_basis", "name", "purpose"})
        for (const auto& x : counts)
            if (x.basis == known) parts.push_back(c.tf(std::string("cov.basis.") + known, {c.i(x.arrangements)}));
    for (const auto& x : counts)
        if (x.basis != "legal_basis" && x.basis != "name" && x.basis != "purpose" && x.basis != "none")
            parts.push_back(c.tf("cov.basis.other", {c.i(x.arrangements), x.basis}));
    for (const auto& x : counts)
        if (x.basis == "none") parts.push_back(c.tf("cov.basis.none", {c.i(x.arrangements)}));
    return join_names(c.lang(), parts);
}

// How complete the data are per province, and which forms and domains were
// inferred rather than stated by the source (analysis/coverage.hpp).
void coverage(const Context& c, Section& s) {
    const auto& cov = *c.results().coverage;
    s.blocks.push_back(Heading{"coverage", c.t("cov.title")});
    s.blocks.push_back(Paragraph{Context::text(c.t("cov.intro"))});
    std::string figures = c.tf("cov.national", {c.i(cov.with_cooperation), c.i(cov.municipalities), c.i(cov.arrangements)});
    if (cov.thinnest && cov.richest && cov.provinces.size() > 1) {
        const auto& lo = cov.provinces[*cov.thinnest];
        const auto& hi = cov.provinces[*cov.richest];
        figures += " " + c.tf("cov.range", {c.n(lo.median_per_municipality, 1), lo.province, c.n(hi.median_per_municipality, 1), hi.province});
    }
    s.blocks.push_back(Paragraph{Context::text(figures)});
    if (!cov.provinces.empty()) {
        TableBlock tb{"table-coverage", c.t("cov.caption"),
                      {c.t("cov.col.province"), c.t("col.municipalities"), c.t("cov.col.with"), c.t("col.arrangements"), c.t("cov.col.median")},
                      {Align::left, Align::right, Align::right, Align::right, Align::right}, {}, true, true, false};
        for (const auto& p : cov.provinces)
            tb.rows.push_back({Context::text_cell(p.province), c.int_cell(p.municipalities), c.int_cell(p.with_cooperation),
                               c.int_cell(p.arrangements), c.num_cell(p.median_per_municipality, 1)});
        s.blocks.push_back(tb);
    }
    std::string inferred = cov.forms_inferred == 0
                               ? c.t("cov.form.stated")
                               : c.tf("cov.form.inferred", {c.i(cov.forms_inferred), c.i(cov.arrangements), bases(c, cov.form_bases)});
    inferred += " " + (cov.domains_inferred == 0 ? c.t("cov.domain.stated")
                                                 : c.tf("cov.domain.inferred", {c.i(cov.domains_inferred), c.i(cov.arrangements),
                                                                                bases(c, cov.domain_bases)}));
    if (cov.forms_inferred > 0 || cov.domains_inferred > 0) inferred += " " + c.t("cov.inferred.how");
    else inferred = c.t("cov.both.stated");
    s.blocks.push_back(Paragraph{Context::text(inferred)});
}

// Which arrangements a region's inventory added to the register (issue 17):
// said only when an inventory was merged, so a register-only report stays short.
void inventory_origin(const Context& c, Section& s) {
    const auto& o = *c.results().origins;
    if (o.inventory.empty()) return;
    const auto& d = c.scoped();
    s.blocks.push_back(Paragraph{Context::text(
        c.tf("origin.intro", {c.i(o.inventory.size()), c.i(o.register_.size() + o.unknown.size())}))});
    TableBlock tb{"table-inventory", c.t("origin.caption"), {c.t("col.arrangement"), c.t("col.form"), c.t("col.domain"), c.t("col.members")},
                  {Align::left, Align::left, Align::left, Align::right}, {}, true, true, false};
    for (const auto& id : o.inventory) {
        const auto k = d.arrangement_index(id);
        if (!k) continue;
        const auto& a = d.arrangements[*k];
        tb.rows.push_back({Context::text_cell(a.name.empty() ? a.id : a.name), Context::text_cell(form_label(c.lang(), a.form)),
                           Context::text_cell(a.domain), c.int_cell(d.members_of_arrangement()[*k].size())});
    }
    s.blocks.push_back(tb);
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
            Context::text(c.tn("meth.source", static_cast<std::int64_t>(count),
                               {key.first, key.second.empty() ? c.t("unknown") : key.second, c.i(count)})));
    s.blocks.push_back(sources);
    if (c.results().origins) inventory_origin(c, s);
    if (c.results().coverage) coverage(c, s);
    s.blocks.push_back(Paragraph{Context::text(c.tf("meth.version", {c.in().version}))});
    s.blocks.push_back(Paragraph{Context::text(c.t("meth.limits"))});
    return s;
}

}  // namespace regionet::render::report
