// The ego view: one municipality, its arrangements grouped by domain, its partners.
#include <algorithm>
#include <map>
#include <set>

#include "render/map.hpp"
#include "render/map_style.hpp"

namespace regionet::render::map {

using namespace detail;

namespace {

constexpr std::size_t kColumnPartners = 30;  // more: radial layout

std::string role_word(Role r) { return std::string(to_string(r)); }

// Draws a membership edge. The ego municipality sits left of its arrangements,
// partners right of them, so the edge runs left to right; its arrow shows the
// role: host -> arrangement, bold orange (it provides); arrangement -> client,
// dashed blue (it buys); member: a plain line.
void membership_edge(Agraph_t* g, Agnode_t* municipality, Agnode_t* arrangement, Role role, bool ego,
                     const std::string& tooltip) {
    Agedge_t* e = ego ? gv::edge(g, municipality, arrangement) : gv::edge(g, arrangement, municipality);
    switch (role) {
        case Role::host:
            gv::set(e, "dir", ego ? "forward" : "back");
            gv::set(e, "penwidth", "2.4");
            gv::set(e, "color", std::string(kHighlight));
            break;
        case Role::client:
            gv::set(e, "dir", ego ? "back" : "forward");
            gv::set(e, "style", "dashed");
            gv::set(e, "penwidth", "1.4");
            gv::set(e, "color", "#0072B2");
            break;
        case Role::member:
            gv::set(e, "penwidth", ego ? "1.4" : "0.8");
            break;
    }
    gv::set(e, "tooltip", label_text(tooltip));
}

}  // namespace

std::string ego(const EgoInput& in, const Style& style, Format format) {
    if (!in.dataset) throw RenderError("map ego: no dataset given");
    const Dataset& d = *in.dataset;
    if (in.municipality >= d.municipalities.size()) throw RenderError("map ego: municipality index out of range");
    const auto& me = d.municipalities[in.municipality];

    // Arrangements of the municipality, and how many each partner shares.
    std::vector<std::size_t> mine;  // membership indexes of `me`
    for (auto k : d.memberships_of_municipality()[in.municipality]) mine.push_back(k);
    std::map<std::size_t, std::size_t> shared;  // partner -> arrangements shared
    for (auto k : mine)
        for (auto j : d.members_of_arrangement()[d.memberships[k].arrangement])
            if (d.memberships[j].municipality != in.municipality) ++shared[d.memberships[j].municipality];
    std::set<std::size_t> partners;
    std::size_t hidden = 0;
    for (const auto& [j, c] : shared) {
        if (c >= in.min_shared) partners.insert(j);
        else ++hidden;
    }
    check_size(1 + mine.size() + partners.size(), style.max_nodes, "ego");

    auto graph = gv::open_ordered_graph("ego", true);
    Agraph_t* g = graph.get();
    declare_all(g);
    gv::set(g, "fontname", std::string(kFont));
    gv::set(g, "bgcolor", "white");
    gv::set(g, "pad", "0.3");
    gv::set(g, "rankdir", "LR");
    gv::set(g, "ranksep", "1.6");
    gv::set(g, "nodesep", "0.12");
    gv::set(g, "newrank", "true");
    gv::set(g, "labelloc", "t");
    gv::set(g, "labeljust", "l");
    gv::declare(g, AGNODE, "fontname", std::string(kFont));
    gv::declare(g, AGNODE, "fontsize", "11");
    gv::declare(g, AGNODE, "fontcolor", std::string(kInk));
    gv::declare(g, AGNODE, "style", "filled");
    gv::declare(g, AGNODE, "penwidth", "0");
    gv::declare(g, AGEDGE, "color", std::string(kTie) + "99");
    gv::declare(g, AGEDGE, "dir", "none");
    gv::declare(g, AGEDGE, "arrowsize", "0.7");

    // The municipality itself.
    Agnode_t* centre = gv::node(g, me.code);
    gv::set(centre, "label", label_text(me.name));
    gv::set(centre, "shape", "circle");
    gv::set(centre, "fillcolor", std::string(kInk));
    gv::set(centre, "fontcolor", "white");
    gv::set(centre, "fontsize", "14");
    gv::set(centre, "id", style.id_prefix + id_safe(me.code));
    gv::set(centre, "URL", "#m-" + id_safe(me.code));
    gv::set(centre, "tooltip", label_text(me.name + " (" + me.code + ")\nmemberships: " +
                                          integer(static_cast<std::int64_t>(mine.size())) + "\npartners: " +
                                          integer(static_cast<std::int64_t>(shared.size()))));

    // Domains as clusters, coloured from the palette in domain order.
    std::map<std::string, std::vector<std::size_t>> by_domain;  // domain -> membership indexes
    for (auto k : mine) {
        const auto& a = d.arrangements[d.memberships[k].arrangement];
        by_domain[a.domain.empty() ? std::string("(no domain)") : a.domain].push_back(k);
    }
    std::vector<LegendEntry> legend;
    std::map<std::size_t, Agnode_t*> arrangement_node;
    std::int64_t domain_number = 0;
    for (const auto& [domain, ks] : by_domain) {
        const auto colour = colour_of(domain_number);
        Agraph_t* cluster = gv::subgraph(g, "cluster_" + std::to_string(domain_number++));
        gv::set(cluster, "label", label_text(domain));
        gv::set(cluster, "style", "rounded,filled");
        gv::set(cluster, "color", tint(colour, 0.5));
        gv::set(cluster, "fillcolor", tint(colour, 0.88));
        gv::set(cluster, "fontname", std::string(kFont));
        gv::set(cluster, "fontcolor", std::string(kInk));
        gv::set(cluster, "fontsize", "12");
        gv::set(cluster, "labeljust", "l");
        gv::set(cluster, "labelloc", "t");
        gv::set(cluster, "penwidth", "1");
        gv::set(cluster, "id", style.id_prefix + "domain-" + id_safe(domain));
        for (auto k : ks) {
            const auto ai = d.memberships[k].arrangement;
            const auto& a = d.arrangements[ai];
            Agnode_t* an = gv::node(cluster, "a:" + a.id);
            const auto members = d.members_of_arrangement()[ai].size();
            gv::set(an, "label", label_text(a.name));
            gv::set(an, "shape", "box");
            gv::set(an, "style", "rounded,filled");
            gv::set(an, "fillcolor", "white");
            gv::set(an, "color", colour);
            gv::set(an, "penwidth", "1.5");
            gv::set(an, "id", style.id_prefix + "a-" + id_safe(a.id));
            gv::set(an, "URL", "#a-" + id_safe(a.id));
            std::string tip = a.name + " (" + a.id + ")";
            if (!a.form.empty()) tip += "\nform: " + a.form;
            if (!a.domain.empty()) tip += "\ndomain: " + a.domain;
            tip += "\nmembers: " + integer(static_cast<std::int64_t>(members));
            tip += "\nrole of " + me.name + ": " + role_word(d.memberships[k].role);
            gv::set(an, "tooltip", label_text(tip));
            arrangement_node[ai] = an;
            membership_edge(g, centre, an, d.memberships[k].role, true,
                            me.name + " in " + a.name + ": " + role_word(d.memberships[k].role));
        }
        legend.push_back({colour, domain, "box"});
    }

    // Partners on the right, linked to the arrangements they share.
    for (auto j : partners) {
        const auto& m = d.municipalities[j];
        Agnode_t* pn = gv::node(g, m.code);
        gv::set(pn, "label", label_text(m.name));
        gv::set(pn, "shape", "box");
        gv::set(pn, "fillcolor", "#E8ECF0");
        gv::set(pn, "id", style.id_prefix + id_safe(m.code));
        gv::set(pn, "URL", "#m-" + id_safe(m.code));
        gv::set(pn, "tooltip", label_text(m.name + " (" + m.code + ")\nshares " +
                                          integer(static_cast<std::int64_t>(shared[j])) + " arrangement" +
                                          (shared[j] == 1 ? "" : "s") + " with " + me.name));
    }
    for (auto k : mine) {
        const auto ai = d.memberships[k].arrangement;
        for (auto jk : d.members_of_arrangement()[ai]) {
            const auto& ms = d.memberships[jk];
            if (ms.municipality == in.municipality || !partners.count(ms.municipality)) continue;
            Agnode_t* partner = gv::node(g, d.municipalities[ms.municipality].code);
            membership_edge(g, partner, arrangement_node[ai], ms.role, false,
                            d.municipalities[ms.municipality].name + " in " + d.arrangements[ai].name + ": " +
                                role_word(ms.role));
        }
    }
    // Ranks: the municipality, its arrangements, the partners.
    Agraph_t* right = gv::subgraph(g, "partners");
    gv::set(right, "rank", "same");
    for (auto j : partners) agsubnode(right, gv::node(g, d.municipalities[j].code), 1);

    std::vector<std::string> notes;
    notes.push_back(
        "Thick orange arrow: host (provides the service); dashed blue arrow: client (buys it); plain line: member.");
    notes.push_back(integer(static_cast<std::int64_t>(partners.size())) + " partner" + (partners.size() == 1 ? "" : "s") +
                    " sharing at least " + integer(static_cast<std::int64_t>(in.min_shared)) + " arrangement" +
                    (in.min_shared == 1 ? "" : "s") +
                    (hidden ? "; " + integer(static_cast<std::int64_t>(hidden)) + " sharing fewer left out" : std::string()));
    const std::string title = style.title.empty() ? me.name + ": arrangements and partners" : style.title;
    set_html(g, "label", header_html(title, style.caption, "Domain:", legend, notes));
    // Many partners: a radial drawing (the municipality in the centre, its
    // arrangements on the first ring, partners outside) instead of a column
    // metres long. twopi ignores the domain boxes; colours still tell domains.
    if (partners.size() > kColumnPartners) {
        gv::set(g, "root", me.code);
        gv::set(g, "ranksep", "3");
        gv::set(g, "overlap", "prism");
        gv::set(g, "splines", "false");
        return finish(g, "twopi", format);
    }
    return finish(g, "dot", format);
}

}  // namespace regionet::render::map
