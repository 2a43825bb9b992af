// The ego view: one municipality, its arrangements grouped by domain, its partners.
#include <algorithm>
#include <map>
#include <set>

#include "render/map.hpp"
#include "render/map_style.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::map {

using namespace detail;

namespace {

std::string role_word(Role r, report::Lang lang) { return report::role_label(lang, to_string(r)); }

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

// Name, id, form, domain, division and member count of an arrangement.
std::string arrangement_tooltip(const Arrangement& a, std::size_t members, report::Lang lang) {
    std::string tip = a.name + " (" + a.id + ")";
    if (!a.form.empty()) tip += "\n" + report::trf(lang, "map.tip.form", {report::form_label(lang, a.form)});
    if (!a.domain.empty()) tip += "\n" + report::trf(lang, "map.tip.domain", {a.domain});
    if (!a.division.empty()) tip += "\n" + report::trf(lang, "map.tip.region_of", {a.division});
    tip += "\n" + report::trf(lang, "map.tip.members", {count(lang, members)});
    return tip;
}

// Wraps text at spaces into lines of at most `width` bytes (a word longer
// than that stays whole).
std::string wrap(std::string_view text, std::size_t width) {
    std::string out, line;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const auto word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
        start = end + 1;
    }
    return out + line;
}

}  // namespace

std::string ego(const EgoInput& in, const Style& style, Format format) {
    if (!in.dataset) throw RenderError("map ego: no dataset given");
    const Dataset& d = *in.dataset;
    if (in.municipality >= d.municipalities.size()) throw RenderError("map ego: municipality index out of range");
    const auto& me = d.municipalities[in.municipality];
    const auto lang = style.lang;
    using report::tr;
    using report::trf;
    using report::trn;

    // The municipality's cooperation: joint arrangements (regions of official
    // divisions are where it lies, not whom it chose: listed, not drawn),
    // heaviest (most members) first.
    std::vector<std::size_t> mine;     // membership indexes of `me`
    std::vector<std::size_t> regions;  // memberships in regions of divisions
    for (auto k : d.memberships_of_municipality()[in.municipality]) {
        if (d.arrangements[d.memberships[k].arrangement].is_region() && !in.regions) regions.push_back(k);
        else mine.push_back(k);
    }
    auto members = [&](std::size_t k) { return d.members_of_arrangement()[d.memberships[k].arrangement].size(); };
    std::stable_sort(mine.begin(), mine.end(), [&](auto x, auto y) {
        if (members(x) != members(y)) return members(x) > members(y);
        return d.arrangements[d.memberships[x].arrangement].name < d.arrangements[d.memberships[y].arrangement].name;
    });
    std::map<std::size_t, std::size_t> shared;  // partner -> arrangements shared
    for (auto k : mine)
        for (auto j : d.members_of_arrangement()[d.memberships[k].arrangement])
            if (d.memberships[j].municipality != in.municipality) ++shared[d.memberships[j].municipality];
    std::vector<std::size_t> candidates;  // partners sharing enough, most shared first
    std::size_t hidden = 0;
    for (const auto& [j, c] : shared) {
        if (c >= in.min_shared) candidates.push_back(j);
        else ++hidden;
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&](auto x, auto y) {
        if (shared[x] != shared[y]) return shared[x] > shared[y];
        return d.municipalities[x].name < d.municipalities[y].name;
    });
    // Too many partners for one readable column: the strongest (sharing two or
    // more) are drawn, the others are named in one box per arrangement.
    std::set<std::size_t> partners;
    const bool summarise = candidates.size() > in.max_partners;
    for (auto j : candidates)
        if (!summarise || (partners.size() < in.max_partners && shared[j] >= 2)) partners.insert(j);
    check_size(1 + mine.size() + partners.size(), style.max_nodes, "ego");

    auto graph = open_view_graph("ego", true);
    Agraph_t* g = graph.get();
    gv::set(g, "rankdir", "LR");
    gv::set(g, "ranksep", "1.2");
    gv::set(g, "nodesep", "0.12");
    gv::set(g, "newrank", "true");
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
    gv::set(centre, "label", label_text(wrap(me.name, 14)));
    gv::set(centre, "shape", "circle");
    gv::set(centre, "fillcolor", std::string(kInk));
    gv::set(centre, "fontcolor", "white");
    gv::set(centre, "fontsize", "14");
    gv::set(centre, "id", style.id_prefix + id_safe(me.code));
    gv::set(centre, "URL", "#m-" + id_safe(me.code));
    gv::set(centre, "tooltip", label_text(trf(lang, "map.ego.tip", {me.name, me.code, count(lang, mine.size()),
                                                                    count(lang, regions.size()), count(lang, shared.size())})));

    // Domains as clusters, coloured from the palette in domain order; inside,
    // arrangements heaviest first.
    std::map<std::string, std::vector<std::size_t>> by_domain;  // domain -> membership indexes
    for (auto k : mine) {
        const auto& a = d.arrangements[d.memberships[k].arrangement];
        by_domain[a.domain.empty() ? tr(lang, "map.no_domain") : a.domain].push_back(k);
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
            const auto member_count = d.members_of_arrangement()[ai].size();
            gv::set(an, "label", label_text(wrap(a.name, 36) + "\n" + trn(lang, "map.n.members", static_cast<std::int64_t>(member_count),
                                                                          {report::integer(lang, static_cast<std::int64_t>(member_count))})));
            gv::set(an, "shape", "box");
            gv::set(an, "style", "rounded,filled");
            gv::set(an, "fillcolor", "white");
            gv::set(an, "color", colour);
            gv::set(an, "penwidth", "1.5");
            gv::set(an, "id", style.id_prefix + "a-" + id_safe(a.id));
            gv::set(an, "URL", "#a-" + id_safe(a.id));
            std::string tip = arrangement_tooltip(a, member_count, lang);
            tip += "\n" + trf(lang, "map.tip.role", {me.name, role_word(d.memberships[k].role, lang)});
            gv::set(an, "tooltip", label_text(tip));
            arrangement_node[ai] = an;
            membership_edge(g, centre, an, d.memberships[k].role, true,
                            trf(lang, "map.ego.membership", {me.name, a.name, role_word(d.memberships[k].role, lang)}));
        }
        legend.push_back({colour, domain, "box"});
    }

    // Partners on the right, linked to the arrangements they share.
    Agraph_t* right = gv::subgraph(g, "partners");
    gv::set(right, "rank", "same");
    for (auto j : candidates) {
        if (!partners.count(j)) continue;
        const auto& m = d.municipalities[j];
        Agnode_t* pn = gv::node(right, m.code);
        gv::set(pn, "label", label_text(m.name));
        gv::set(pn, "shape", "box");
        gv::set(pn, "fillcolor", "#E8ECF0");
        gv::set(pn, "id", style.id_prefix + id_safe(m.code));
        gv::set(pn, "URL", "#m-" + id_safe(m.code));
        gv::set(pn, "tooltip", label_text(trn(lang, "map.ego.partner_tip", static_cast<std::int64_t>(shared[j]),
                                              {m.name, m.code, count(lang, shared[j]), me.name})));
    }
    std::size_t named = 0;  // partners not drawn, named in an arrangement's box
    std::set<std::size_t> named_once;
    for (auto k : mine) {
        const auto ai = d.memberships[k].arrangement;
        std::vector<std::string> others;
        for (auto jk : d.members_of_arrangement()[ai]) {
            const auto& ms = d.memberships[jk];
            if (ms.municipality == in.municipality) continue;
            if (partners.count(ms.municipality)) {
                Agnode_t* partner = gv::node(g, d.municipalities[ms.municipality].code);
                membership_edge(g, partner, arrangement_node[ai], ms.role, false,
                                trf(lang, "map.ego.membership", {d.municipalities[ms.municipality].name,
                                                                 d.arrangements[ai].name, role_word(ms.role, lang)}));
            } else if (summarise && shared[ms.municipality] >= in.min_shared) {
                others.push_back(d.municipalities[ms.municipality].name);
                named_once.insert(ms.municipality);
            }
        }
        if (others.empty()) continue;
        std::sort(others.begin(), others.end());
        constexpr std::size_t kNamesPerBox = 24;
        std::string text;
        for (std::size_t i = 0; i < std::min(others.size(), kNamesPerBox); ++i) text += (i ? ", " : "") + others[i];
        if (others.size() > kNamesPerBox)
            text += trf(lang, "map.ego.and_more", {count(lang, others.size() - kNamesPerBox)});
        Agnode_t* box = gv::node(right, "others:" + d.arrangements[ai].id);
        gv::set(box, "label", label_text(trn(lang, "map.ego.others", static_cast<std::int64_t>(others.size()),
                                             {count(lang, others.size())}) + "\n" + wrap(text, 48)));
        gv::set(box, "shape", "box");
        gv::set(box, "fillcolor", "#F4F4F4");
        gv::set(box, "fontsize", "10");
        gv::set(box, "id", style.id_prefix + "others-" + id_safe(d.arrangements[ai].id));
        gv::set(box, "tooltip", label_text(trf(lang, "map.ego.others_tip", {d.arrangements[ai].name, text})));
        Agedge_t* e = gv::edge(g, arrangement_node[ai], box);
        gv::set(e, "style", "dotted");
    }
    named = named_once.size();

    std::vector<std::string> notes;
    notes.push_back(tr(lang, "map.ego.roles"));
    std::string partner_note = trn(lang, "map.ego.partners", static_cast<std::int64_t>(candidates.size()),
                                   {count(lang, candidates.size()),
                                    trn(lang, in.regions ? "map.n.arrangements" : "map.n.joint",
                                        static_cast<std::int64_t>(mine.size()), {count(lang, mine.size())})});
    if (in.min_shared > 1) partner_note += trf(lang, "map.ego.at_least", {count(lang, in.min_shared)});
    if (hidden) partner_note += trf(lang, "map.ego.fewer", {count(lang, hidden)});
    notes.push_back(partner_note + ".");
    if (summarise)
        notes.push_back(trf(lang, "map.ego.summarised", {count(lang, partners.size()), count(lang, named), me.code}));
    if (!regions.empty()) {
        std::vector<std::string> names;
        for (auto k : regions) {
            const auto& a = d.arrangements[d.memberships[k].arrangement];
            names.push_back(a.name + " (" + a.division + ")");
        }
        std::sort(names.begin(), names.end());
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : "; ") + n;
        notes.push_back(wrap(trn(lang, "map.ego.regions", static_cast<std::int64_t>(regions.size()),
                                 {count(lang, regions.size()), list}),
                             150));
    }
    const std::string title = style.title.empty() ? trf(lang, "map.ego.default_title", {me.name}) : style.title;
    set_html(g, "label", header_html(title, style.caption, tr(lang, "map.legend.domain"), legend, notes));
    return finish(g, "dot", format);
}

}  // namespace regionet::render::map
