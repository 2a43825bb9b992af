// The overlap view: arrangements as nodes, linked where their member sets overlap.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/map.hpp"
#include "render/map_style.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::map {

using namespace detail;

std::string overlap(const OverlapInput& in, const Style& style, Format format) {
    if (!in.dataset || !in.rows) throw RenderError("map overlap: no dataset or overlap rows given");
    const Dataset& d = *in.dataset;
    const auto& rows = *in.rows;
    const auto lang = style.lang;
    using report::tr;
    using report::trf;
    using report::trn;

    std::set<std::size_t> used;
    for (const auto& r : rows) {
        if (r.a_index >= d.arrangements.size() || r.b_index >= d.arrangements.size())
            throw RenderError("map overlap: overlap row refers to an arrangement outside the dataset");
        used.insert(r.a_index);
        used.insert(r.b_index);
    }
    check_size(used.size(), style.max_nodes, "overlap");

    auto graph = open_view_graph("overlap", true);
    Agraph_t* g = graph.get();
    gv::set(g, "outputorder", "edgesfirst");
    gv::set(g, "overlap", "prism");
    gv::set(g, "sep", "+10");
    gv::set(g, "splines", "true");
    gv::set(g, "pack", "true");
    gv::set(g, "start", "1");
    gv::declare(g, AGNODE, "shape", "box");
    gv::declare(g, AGNODE, "style", "rounded,filled");
    gv::declare(g, AGNODE, "fontname", std::string(kFont));
    gv::declare(g, AGNODE, "fontsize", "10");
    gv::declare(g, AGNODE, "fontcolor", std::string(kInk));
    gv::declare(g, AGNODE, "penwidth", "1.2");
    gv::declare(g, AGEDGE, "dir", "none");
    gv::declare(g, AGEDGE, "color", std::string(kTie) + "B0");
    gv::declare(g, AGEDGE, "fontname", std::string(kFont));
    gv::declare(g, AGEDGE, "fontsize", "9");
    gv::declare(g, AGEDGE, "fontcolor", std::string(kHighlight));

    // Domains in name order get palette colours.
    std::map<std::string, std::int64_t> domain_group;
    for (auto a : used) domain_group.emplace(d.arrangements[a].domain, 0);
    std::vector<LegendEntry> legend;
    std::int64_t next = 0;
    for (auto& [domain, grp] : domain_group) {
        grp = next++;
        legend.push_back({colour_of(grp), domain.empty() ? tr(lang, "map.no_domain") : domain, "box"});
    }

    std::map<std::size_t, Agnode_t*> nodes;
    std::size_t largest = 1;
    for (auto a : used) largest = std::max(largest, d.members_of_arrangement()[a].size());
    for (auto ai : used) {
        const auto& a = d.arrangements[ai];
        const auto members = d.members_of_arrangement()[ai].size();
        Agnode_t* n = gv::node(g, a.id);
        const auto colour = colour_of(domain_group[a.domain]);
        gv::set(n, "label", label_text(a.name + "\n" + trn(lang, "map.n.members", static_cast<std::int64_t>(members),
                                                            {count(lang, members)})));
        gv::set(n, "fillcolor", tint(colour, 0.75));
        gv::set(n, "color", colour);
        // Box area grows with the number of members.
        gv::set(n, "fontsize", fixed(9.0 + 5.0 * std::sqrt(static_cast<double>(members) / static_cast<double>(largest)), 1));
        gv::set(n, "id", style.id_prefix + "a-" + id_safe(a.id));
        gv::set(n, "URL", "#a-" + id_safe(a.id));
        std::string tip = a.name + " (" + a.id + ")";
        if (!a.form.empty()) tip += "\n" + trf(lang, "map.tip.form", {report::form_label(lang, a.form)});
        if (!a.domain.empty()) tip += "\n" + trf(lang, "map.tip.domain", {a.domain});
        if (!a.division.empty()) tip += "\n" + trf(lang, "map.tip.region_of", {a.division});
        tip += "\n" + trf(lang, "map.tip.members", {count(lang, members)});
        gv::set(n, "tooltip", label_text(tip));
        nodes[ai] = n;
    }

    std::size_t redundant = 0, nested = 0, identical = 0;
    for (const auto& r : rows) {
        const auto& a = d.arrangements[r.a_index];
        const auto& b = d.arrangements[r.b_index];
        Agedge_t* e = nullptr;
        std::string tip = trf(lang, "map.overlap.tip", {a.name, b.name, count(lang, r.shared), decimal(lang, r.jaccard, 2),
                                                        decimal(lang, r.overlap_coefficient, 2)});
        if (r.nested) {
            // An arrow from the smaller arrangement into the one that contains it.
            const bool a_inside = r.size_a < r.size_b;
            e = gv::edge(g, nodes[a_inside ? r.a_index : r.b_index], nodes[a_inside ? r.b_index : r.a_index]);
            gv::set(e, "dir", "forward");
            gv::set(e, "arrowhead", "onormal");
            gv::set(e, "style", "dashed");
            tip += "\n" + trf(lang, "map.overlap.inside", {a_inside ? a.name : b.name, a_inside ? b.name : a.name});
            ++nested;
        } else {
            e = gv::edge(g, nodes[r.a_index], nodes[r.b_index]);
        }
        gv::set(e, "penwidth", fixed(0.6 + 5.0 * r.jaccard, 2));
        gv::set(e, "id", style.id_prefix + "o-" + id_safe(a.id) + "-" + id_safe(b.id));
        if (r.identical) {
            gv::set(e, "color", std::string(kHighlight) + ":white:" + std::string(kHighlight));
            gv::set(e, "label", label_text(tr(lang, "map.overlap.same")));
            tip += "\n" + tr(lang, "map.overlap.same_tip");
            ++identical;
        } else if (r.redundancy_candidate) {
            gv::set(e, "color", std::string(kHighlight));
            gv::set(e, "label", "J " + decimal(lang, r.jaccard, 2));
        }
        if (r.redundancy_candidate) {
            tip += "\n" + tr(lang, "map.overlap.candidate_tip");
            ++redundant;
        }
        gv::set(e, "tooltip", label_text(tip));
    }

    std::vector<std::string> notes;
    auto counted = [&](const char* key, std::size_t n) { return trn(lang, key, static_cast<std::int64_t>(n), {count(lang, n)}); };
    notes.push_back(trf(lang, "map.overlap.note",
                        {decimal(lang, in.min_jaccard, 2), counted("n.pairs", rows.size()), counted("map.n.candidates", redundant),
                         decimal(lang, in.redundancy_threshold, 2), count(lang, nested), count(lang, identical)}));
    if (rows.empty()) notes.push_back(tr(lang, "map.overlap.none"));
    const std::string title = style.title.empty() ? tr(lang, "map.overlap.default_title") : style.title;
    set_html(g, "label", header_html(title, style.caption, tr(lang, "map.legend.domain"), legend, notes));
    return finish(g, force_engine(used.size()), format);
}

}  // namespace regionet::render::map
