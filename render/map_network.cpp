// The network view: municipalities linked by the arrangements they share.
#include <algorithm>
#include <cmath>
#include <map>

#include "render/map.hpp"
#include "render/map_style.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::map {

namespace {

using namespace detail;

// The smallest threshold >= min_weight that keeps at most max_edges ties.
double effective_threshold(const std::vector<double>& weights, double min_weight, std::size_t max_edges) {
    std::vector<double> kept;
    for (double w : weights)
        if (w >= min_weight) kept.push_back(w);
    if (kept.size() <= max_edges) return min_weight;
    std::sort(kept.begin(), kept.end(), std::greater<>());
    // Ties at the cut-off weight are all dropped so the choice never depends on order.
    const double cut = kept[max_edges];
    // The smallest weight above the cut (kept is sorted, largest first).
    double threshold = std::nextafter(cut, cut + 1);  // every tie at the cut: none drawn
    for (double w : kept) {
        if (w <= cut) break;
        threshold = w;
    }
    return threshold;
}

}  // namespace

namespace detail {

TieSelection select_ties(const analysis::Projection& p, double min_weight, std::size_t max_edges) {
    TieSelection s;
    s.threshold = effective_threshold(p.weights, min_weight, max_edges);
    for (std::size_t e = 0; e < p.edges.size(); ++e) {
        if (p.weights[e] >= min_weight) ++s.eligible;
        if (p.weights[e] >= s.threshold) {
            s.edges.push_back(e);
            s.max_weight = std::max(s.max_weight, p.weights[e]);
        }
    }
    return s;
}

std::string weight_text(double w, report::Lang lang) {
    return decimal(lang, w, std::floor(w) == w ? 0 : 2);
}

std::string ties_note(const TieSelection& s, double min_weight, report::Lang lang) {
    std::string note = report::trf(lang, "map.ties.note",
                                   {weight_text(std::max(min_weight, std::ceil(s.threshold)), lang), weight_text(s.max_weight, lang)});
    if (s.edges.size() < s.eligible)
        note += report::trf(lang, "map.ties.capped", {count(lang, s.edges.size()), count(lang, s.eligible)});
    return note;
}

std::string tie_tooltip(const Dataset& d, std::size_t a, std::size_t b, double w, report::Lang lang) {
    return report::trn(lang, "map.tie.tip", w == 1 ? 1 : 2,
                       {d.municipalities[a].name, d.municipalities[b].name, weight_text(w, lang)});
}

std::string municipality_tooltip(const Dataset& d, std::size_t i, std::size_t partners, const SizeEncoding& size,
                                 const ColourEncoding& colour, report::Lang lang) {
    const auto& m = d.municipalities[i];
    std::string t = m.name + " (" + m.code + ")";
    if (!m.province.empty()) t += "\n" + report::trf(lang, "map.tip.province", {m.province});
    if (m.population) t += "\n" + report::trf(lang, "map.tip.population", {decimal(lang, static_cast<double>(*m.population), 0)});
    t += "\n" + report::trf(lang, "map.tip.memberships", {count(lang, d.memberships_of_municipality()[i].size())});
    t += "\n" + report::trf(lang, "map.tip.partners", {count(lang, partners)});
    if (size.values.size() == d.municipalities.size() && !size.measure.empty() &&
        size.measure != report::tr(lang, "map.measure.population")) {
        const double v = size.values[i];
        t += "\n" + size.measure + ": " + decimal(lang, v, std::floor(v) == v ? 0 : 4);
    }
    if (colour.group.size() == d.municipalities.size() && !colour.by.empty() &&
        colour.by != report::tr(lang, "map.colour.province")) {
        const auto g = colour.group[i];
        t += "\n" + colour.by + ": " +
             (g >= 0 && static_cast<std::size_t>(g) < colour.names.size() ? colour.names[static_cast<std::size_t>(g)]
              : colour.none.empty()                                        ? report::tr(lang, "map.none")
                                                                           : colour.none);
    }
    return t;
}

// Graph attributes of a municipality map: geographic (pinned, nop2) or force.
std::string setup_municipality_graph(Agraph_t* g, bool geographic, std::size_t nodes) {
    gv::set(g, "outputorder", "edgesfirst");
    gv::set(g, "splines", "false");
    gv::declare(g, AGNODE, "shape", "circle");
    gv::declare(g, AGNODE, "label", " ");  // not "": agwrite would omit it and `neato` would print \N
    gv::declare(g, AGNODE, "fixedsize", "true");
    gv::declare(g, AGNODE, "style", "filled");
    gv::declare(g, AGNODE, "color", "white");
    gv::declare(g, AGNODE, "penwidth", "0.8");
    gv::declare(g, AGNODE, "fontname", std::string(kFont));
    gv::declare(g, AGNODE, "fontsize", "9");
    gv::declare(g, AGNODE, "fontcolor", std::string(kInk));
    gv::declare(g, AGEDGE, "color", std::string(kTie) + "80");
    if (geographic) {
        gv::set(g, "notranslate", "true");
        gv::set(g, "forcelabels", "false");  // names that would overlap are left out (tooltips keep them)
        return "nop2";
    }
    gv::set(g, "forcelabels", "true");
    gv::set(g, "overlap", "prism");
    gv::set(g, "sep", "+8");
    gv::set(g, "pack", "true");
    gv::set(g, "start", "1");  // seeded: the same drawing every run
    return force_engine(nodes);
}

}  // namespace detail

std::string network(const NetworkInput& in, const Style& style, Format format) {
    if (!in.dataset || !in.projection) throw RenderError("map network: no dataset or projection given");
    const Dataset& d = *in.dataset;
    const auto& p = *in.projection;
    if (p.vertex_count != d.municipalities.size())
        throw RenderError("map network: projection does not match the dataset's municipalities");
    const std::size_t n = d.municipalities.size();
    check_size(n, style.max_nodes, "network");

    std::vector<std::size_t> used(n);
    for (std::size_t i = 0; i < n; ++i) used[i] = i;
    const bool geographic = style.geographic && has_coordinates(d, used);
    const auto outlines = geographic && style.outlines ? outlines_of(d) : std::vector<std::string>{};
    const bool with_outlines = std::any_of(outlines.begin(), outlines.end(), [](const auto& s) { return !s.empty(); });

    const auto ties = in.ties ? select_ties(p, in.min_weight, style.max_edges) : TieSelection{};
    std::vector<std::size_t> partners(n, 0);
    for (auto e : ties.edges) ++partners[p.edges[e].first], ++partners[p.edges[e].second];

    auto graph = open_view_graph("network", false);
    Agraph_t* g = graph.get();
    const auto engine = setup_municipality_graph(g, geographic, n);

    const auto colours = group_colours(d, in.colour);
    auto fill_of = [&](std::size_t i) {
        if (in.colour.group.size() != n) return std::string("#0072B2");
        const auto grp = in.colour.group[i];
        return grp >= 0 && static_cast<std::size_t>(grp) < colours.size() ? colours[static_cast<std::size_t>(grp)]
                                                                          : std::string(kNoGroupColour);
    };
    const auto diam = diameters(in.size.values, n, 0.10, 0.55, 0.16);

    std::optional<Projector> proj;
    if (geographic) {
        proj.emplace(fit(d, used, outlines, with_outlines, 1000.0));
        if (with_outlines) {
            std::vector<std::string> fill(n);
            for (std::size_t i = 0; i < n; ++i)
                fill[i] = in.colour.group.size() == n ? tint(fill_of(i), 0.72) : std::string("#E8ECF0");
            add_outlines(g, *proj, outlines, fill, d);
        }
    }

    // Pinned circles of nearby municipalities (the Randstad) would lie on
    // top of each other: moved apart just enough, the map keeps its shape.
    std::vector<std::pair<double, double>> centre;
    if (proj) {
        std::vector<double> radius(n);
        for (std::size_t i = 0; i < n; ++i) {
            centre.push_back((*proj)(*d.municipalities[i].lon, *d.municipalities[i].lat));
            radius[i] = diam[i] * 72.0 / 2.0 + 0.4;  // + half the white outline
        }
        separate(centre, radius);
    }
    std::vector<Agnode_t*> nodes(n, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& m = d.municipalities[i];
        nodes[i] = add_municipality(g, m, style, diam[i], fill_of(i),
                                    municipality_tooltip(d, i, partners[i], in.size, in.colour, style.lang));
        if (proj) gv::set(nodes[i], "pos", pos(centre[i]));
    }
    for (auto e : ties.edges) {
        const auto [a, b] = p.edges[e];
        Agedge_t* edge = gv::edge(g, nodes[a], nodes[b]);
        gv::set(edge, "penwidth", fixed(pen_width(p.weights[e], ties.max_weight), 2));
        gv::set(edge, "tooltip", label_text(tie_tooltip(d, a, b, p.weights[e], style.lang)));
        gv::set(edge, "id", style.id_prefix + "e-" + id_safe(d.municipalities[a].code) + "-" +
                                id_safe(d.municipalities[b].code));
    }

    const auto lang = style.lang;
    std::vector<std::string> notes;
    if (auto s = size_note(d, in.size, used, lang); !s.empty()) notes.push_back(s);
    if (!ties.edges.empty()) notes.push_back(ties_note(ties, in.min_weight, lang));
    else if (in.ties) notes.push_back(report::trf(lang, "map.network.no_ties", {weight_text(in.min_weight, lang)}));
    if (!geographic) notes.push_back(report::tr(lang, "map.network.force"));
    const auto legend = group_legend(in.colour, colours, used, lang);
    const std::string title = style.title.empty() ? report::tr(lang, "map.network.default_title") : style.title;
    set_html(g, "label", header_html(title, style.caption, in.colour.by.empty() ? "" : in.colour.by + ":", legend, notes));
    return finish(g, engine, format);
}

}  // namespace regionet::render::map
