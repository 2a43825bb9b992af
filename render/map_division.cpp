// The division view: regions of one division with their municipalities, ties
// that cross region borders highlighted.
#include <algorithm>
#include <map>
#include <set>

#include "render/map.hpp"
#include "render/map_style.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::map {


using namespace detail;

std::string division(const DivisionInput& in, const Style& style, Format format) {
    if (!in.dataset || !in.projection) throw RenderError("map division: no dataset or projection given");
    const Dataset& d = *in.dataset;
    const auto& p = *in.projection;
    const std::size_t n = d.municipalities.size();
    const auto lang = style.lang;
    using report::tr;
    using report::trf;
    using report::trn;
    if (in.region.size() != n || p.vertex_count != n)
        throw RenderError("map division: region labels or projection do not match the dataset's municipalities");

    std::vector<std::size_t> used;
    std::map<std::int64_t, std::vector<std::size_t>> members;  // region -> municipalities, regions in id order
    for (std::size_t i = 0; i < n; ++i)
        if (in.region[i] >= 0) {
            if (static_cast<std::size_t>(in.region[i]) >= d.arrangements.size())
                throw RenderError("map division: region index outside the dataset");
            used.push_back(i);
            members[in.region[i]].push_back(i);
        }
    if (used.empty()) throw RenderError("map division: no municipality has a region in division '" + in.division + "'");
    check_size(used.size(), style.max_nodes, "division");

    // Colour groups: regions in id order.
    ColourEncoding colour;
    colour.by = in.division;
    colour.group.assign(n, -1);
    {
        std::int64_t next = 0;
        for (const auto& [r, ms] : members) {
            colour.names.push_back(d.arrangements[static_cast<std::size_t>(r)].name);
            for (auto i : ms) colour.group[i] = next;
            ++next;
        }
    }
    const auto colours = group_colours(d, colour);

    const bool geographic = style.geographic && has_coordinates(d, used);
    const auto outlines = geographic && style.outlines ? outlines_of(d) : std::vector<std::string>{};
    const bool with_outlines = std::any_of(outlines.begin(), outlines.end(), [](const auto& s) { return !s.empty(); });

    auto graph = open_view_graph("division", false);
    Agraph_t* g = graph.get();
    std::string engine = setup_municipality_graph(g, geographic, used.size());
    if (!geographic) engine = "fdp";  // the force engine that draws clusters

    std::optional<Projector> proj;
    if (geographic) {
        proj.emplace(fit(d, used, outlines, with_outlines, 1000.0));
        if (with_outlines) {
            std::vector<std::string> fill(n);
            for (auto i : used) fill[i] = tint(colours[static_cast<std::size_t>(colour.group[i])], 0.7);
            add_outlines(g, *proj, outlines, fill, d);
        }
    }

    const auto diam = diameters(in.size.values, n, 0.10, 0.55, 0.16);
    // Pinned circles moved apart just enough not to overlap (as in network).
    std::vector<std::pair<double, double>> centre(n);
    if (proj) {
        std::vector<std::pair<double, double>> xy;
        std::vector<double> radius;
        for (auto i : used) {
            xy.push_back((*proj)(*d.municipalities[i].lon, *d.municipalities[i].lat));
            radius.push_back(diam[i] * 72.0 / 2.0 + 0.4);
        }
        separate(xy, radius);
        for (std::size_t k = 0; k < used.size(); ++k) centre[used[k]] = xy[k];
    }
    std::vector<Agnode_t*> nodes(n, nullptr);
    std::int64_t cluster_number = 0;
    for (const auto& [r, ms] : members) {
        const auto& region = d.arrangements[static_cast<std::size_t>(r)];
        const auto& colour_hex = colours[static_cast<std::size_t>(colour.group[ms.front()])];
        Agraph_t* parent = g;
        if (!geographic) {
            parent = gv::subgraph(g, "cluster_" + std::to_string(cluster_number));
            gv::set(parent, "label", label_text(region.name));
            gv::set(parent, "style", "rounded,filled");
            gv::set(parent, "color", colour_hex);
            gv::set(parent, "fillcolor", tint(colour_hex, 0.85));
            gv::set(parent, "fontname", std::string(kFont));
            gv::set(parent, "fontsize", "12");
            gv::set(parent, "fontcolor", std::string(kInk));
            gv::set(parent, "id", style.id_prefix + "r-" + id_safe(region.id));
            gv::set(parent, "tooltip", label_text(trn(lang, "map.division.region_tip", static_cast<std::int64_t>(ms.size()),
                                                      {region.name, region.id, count(lang, ms.size())})));
        }
        ++cluster_number;
        for (auto i : ms) {
            const auto& m = d.municipalities[i];
            std::string tip = m.name + " (" + m.code + ")\n" + in.division + ": " + region.name;
            if (m.population)
                tip += "\n" + trf(lang, "map.tip.population", {decimal(lang, static_cast<double>(*m.population), 0)});
            nodes[i] = add_municipality(parent, m, style, diam[i], colour_hex, tip);
            if (proj) gv::set(nodes[i], "pos", pos(centre[i]));
        }
    }

    // Ties among the drawn municipalities; crossing ones highlighted.
    analysis::Projection among;
    among.vertex_count = n;
    for (std::size_t e = 0; e < p.edges.size(); ++e) {
        const auto [a, b] = p.edges[e];
        if (in.region[a] < 0 || in.region[b] < 0) continue;
        among.edges.push_back(p.edges[e]);
        among.weights.push_back(p.weights[e]);
        among.shared.push_back(e < p.shared.size() ? p.shared[e] : 0);
    }
    const auto ties = select_ties(among, in.min_weight, style.max_edges);
    std::size_t crossing_ties = 0;
    for (auto e : ties.edges) {
        const auto [a, b] = among.edges[e];
        const bool crossing = in.region[a] != in.region[b];
        Agedge_t* edge = gv::edge(g, nodes[a], nodes[b]);
        // Crossing ties stand out; ties within a region stay in the background.
        const double width = pen_width(among.weights[e], ties.max_weight);
        if (crossing) {
            gv::set(edge, "penwidth", fixed(width, 2));
            gv::set(edge, "color", std::string(kHighlight) + "D0");
            ++crossing_ties;
        } else {
            gv::set(edge, "penwidth", fixed(0.5 * width, 2));
            gv::set(edge, "color", std::string(kTie) + "30");
        }
        gv::set(edge, "class", crossing ? "crossing" : "within");
        gv::set(edge, "id", style.id_prefix + "e-" + id_safe(d.municipalities[a].code) + "-" +
                                id_safe(d.municipalities[b].code));
        std::string tip = tie_tooltip(d, a, b, among.weights[e], lang);
        if (crossing)
            tip += "\n" + trf(lang, "map.division.crosses", {d.arrangements[static_cast<std::size_t>(in.region[a])].name,
                                                             d.arrangements[static_cast<std::size_t>(in.region[b])].name});
        gv::set(edge, "tooltip", label_text(tip));
    }

    // Arrangements (other than the regions drawn) whose members lie in more than one region.
    std::size_t crossing_arrangements = 0, counted = 0;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (d.arrangements[a].division == in.division) continue;
        std::set<std::int64_t> regions;
        for (auto k : d.members_of_arrangement()[a]) {
            const auto r = in.region[d.memberships[k].municipality];
            if (r >= 0) regions.insert(r);
        }
        if (regions.empty()) continue;
        ++counted;
        if (regions.size() > 1) ++crossing_arrangements;
    }

    auto legend = group_legend(colour, colours, used, lang);
    legend.push_back({std::string(kHighlight), tr(lang, "map.division.crossing"), "line"});
    std::vector<std::string> notes;
    notes.push_back(trf(lang, "map.division.note", {count(lang, crossing_arrangements), count(lang, counted), in.division,
                                                   count(lang, crossing_ties), count(lang, ties.edges.size())}));
    if (!ties.edges.empty()) notes.push_back(ties_note(ties, in.min_weight, lang));
    if (auto s = size_note(d, in.size, used, lang); !s.empty()) notes.push_back(s);
    const std::string title = style.title.empty() ? trf(lang, "map.division.default_title", {in.division}) : style.title;
    set_html(g, "label", header_html(title, style.caption, tr(lang, "map.legend.region"), legend, notes));
    return finish(g, engine, format);
}

}  // namespace regionet::render::map
