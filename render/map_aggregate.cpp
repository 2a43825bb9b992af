// The aggregate view: provinces or regions as nodes, linked by the
// arrangements that have members in both.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/map.hpp"
#include "render/map_style.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::map {

using namespace detail;

AggregateInput aggregate_input(const Dataset& d, const std::vector<std::int64_t>& label,
                               const std::vector<std::string>& keys, const std::vector<std::string>& names,
                               const std::string& by, bool count_regions) {
    if (label.size() != d.municipalities.size() || keys.size() != names.size())
        throw RenderError("map aggregate: labels do not match the dataset");
    AggregateInput out;
    out.by = by;
    const auto k = names.size();
    out.groups.resize(k);
    std::vector<double> lat(k, 0.0), lon(k, 0.0);
    std::vector<bool> all_located(k, true);
    for (std::size_t g = 0; g < k; ++g) out.groups[g].key = keys[g], out.groups[g].name = names[g];
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] < 0) continue;
        const auto g = static_cast<std::size_t>(label[i]);
        if (g >= k) throw RenderError("map aggregate: label outside the group names");
        const auto& m = d.municipalities[i];
        auto& grp = out.groups[g];
        ++grp.municipalities;
        grp.population += m.population.value_or(0);
        if (m.lat && m.lon) lat[g] += *m.lat, lon[g] += *m.lon;
        else all_located[g] = false;
    }
    for (std::size_t g = 0; g < k; ++g)
        if (out.groups[g].municipalities && all_located[g]) {
            out.groups[g].lat = lat[g] / static_cast<double>(out.groups[g].municipalities);
            out.groups[g].lon = lon[g] / static_cast<double>(out.groups[g].municipalities);
        }
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> count;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (d.arrangements[a].is_region() && !count_regions) continue;
        std::set<std::size_t> groups;
        for (auto m : d.members_of_arrangement()[a]) {
            const auto l = label[d.memberships[m].municipality];
            if (l >= 0) groups.insert(static_cast<std::size_t>(l));
        }
        for (auto x = groups.begin(); x != groups.end(); ++x)
            for (auto y = std::next(x); y != groups.end(); ++y) ++count[{*x, *y}];
    }
    for (const auto& [pair, c] : count) out.ties.push_back({pair.first, pair.second, c});
    return out;
}

std::string aggregate(const AggregateInput& in, const Style& style, Format format) {
    const auto lang = style.lang;
    using report::tr;
    using report::trf;
    using report::trn;
    std::vector<std::size_t> used;
    for (std::size_t g = 0; g < in.groups.size(); ++g)
        if (in.groups[g].municipalities > 0) used.push_back(g);
    check_size(used.size(), style.max_nodes, "aggregate");
    const bool geographic = style.geographic && !used.empty() &&
                            std::all_of(used.begin(), used.end(), [&](auto g) { return in.groups[g].lat.has_value(); });

    auto graph = open_view_graph("aggregate", false);
    Agraph_t* g = graph.get();
    gv::set(g, "outputorder", "edgesfirst");
    gv::set(g, "splines", "false");
    gv::declare(g, AGNODE, "shape", "circle");
    gv::declare(g, AGNODE, "style", "filled");
    gv::declare(g, AGNODE, "fixedsize", "true");
    gv::declare(g, AGNODE, "color", "white");
    gv::declare(g, AGNODE, "fontname", std::string(kFont));
    gv::declare(g, AGNODE, "fontsize", "11");
    gv::declare(g, AGNODE, "fontcolor", std::string(kInk));
    gv::declare(g, AGEDGE, "color", std::string(kTie) + "90");
    gv::declare(g, AGEDGE, "fontname", std::string(kFont));
    gv::declare(g, AGEDGE, "fontsize", "9");
    gv::declare(g, AGEDGE, "fontcolor", std::string(kMuted));
    std::string engine = "nop2";
    if (geographic) {
        gv::set(g, "notranslate", "true");
    } else {
        engine = used.size() <= 40 ? "circo" : "neato";
        gv::set(g, "overlap", "prism");
        gv::set(g, "sep", "+12");
        gv::set(g, "start", "1");
    }

    const bool by_population = std::all_of(used.begin(), used.end(), [&](auto x) { return in.groups[x].population > 0; });
    std::vector<double> values(in.groups.size(), 0.0);
    for (auto x : used)
        values[x] = by_population ? static_cast<double>(in.groups[x].population)
                                  : static_cast<double>(in.groups[x].municipalities);
    const auto diam = diameters(values, in.groups.size(), 0.35, 1.3, 0.6);

    std::optional<Projector> proj;
    if (geographic) {
        std::vector<std::pair<double, double>> pts;
        for (auto x : used) pts.emplace_back(*in.groups[x].lon, *in.groups[x].lat);
        proj.emplace(pts, 800.0);
    }
    std::vector<Agnode_t*> nodes(in.groups.size(), nullptr);
    std::int64_t colour_number = 0;
    std::vector<LegendEntry> legend;
    for (auto x : used) {
        const auto& grp = in.groups[x];
        Agnode_t* n = gv::node(g, grp.key);
        const auto colour = colour_of(colour_number++);
        gv::set(n, "xlabel", label_text(grp.name));
        gv::set(n, "label", count(lang, grp.municipalities));
        gv::set(n, "width", fixed(diam[x], 3));
        gv::set(n, "height", fixed(diam[x], 3));
        gv::set(n, "fillcolor", tint(colour, 0.35));
        gv::set(n, "id", style.id_prefix + "g-" + id_safe(grp.key));
        std::string tip = grp.name + "\n" + trf(lang, "map.tip.municipalities", {count(lang, grp.municipalities)});
        if (grp.population > 0)
            tip += "\n" + trf(lang, "map.tip.population", {decimal(lang, static_cast<double>(grp.population), 0)});
        gv::set(n, "tooltip", label_text(tip));
        if (proj) gv::set(n, "pos", pos((*proj)(*grp.lon, *grp.lat)));
        nodes[x] = n;
    }
    std::size_t max_w = 1;
    for (const auto& t : in.ties) max_w = std::max(max_w, t.arrangements);
    std::size_t drawn = 0;
    for (const auto& t : in.ties) {
        if (t.arrangements < in.min_arrangements || !nodes[t.a] || !nodes[t.b]) continue;
        Agedge_t* e = gv::edge(g, nodes[t.a], nodes[t.b]);
        gv::set(e, "penwidth", fixed(pen_width(static_cast<double>(t.arrangements), static_cast<double>(max_w)) * 1.6, 2));
        gv::set(e, "id", style.id_prefix + "t-" + id_safe(in.groups[t.a].key) + "-" + id_safe(in.groups[t.b].key));
        gv::set(e, "tooltip", label_text(trn(lang, "map.aggregate.tie_tip", static_cast<std::int64_t>(t.arrangements),
                                             {in.groups[t.a].name, in.groups[t.b].name, count(lang, t.arrangements)})));
        if (used.size() <= 15) gv::set(e, "label", count(lang, t.arrangements));
        ++drawn;
    }
    std::vector<std::string> notes;
    notes.push_back(trf(lang, "map.aggregate.size",
                        {tr(lang, by_population ? "map.measure.population" : "map.measure.municipalities")}));
    notes.push_back(trf(lang, "map.aggregate.lines",
                        {count(lang, max_w), trn(lang, "map.n.links", static_cast<std::int64_t>(drawn), {count(lang, drawn)}),
                         in.min_arrangements > 1 ? trf(lang, "map.aggregate.at_least", {count(lang, in.min_arrangements)})
                                                 : std::string()}));
    if (geographic) notes.push_back(tr(lang, "map.aggregate.mean_position"));
    const std::string title =
        style.title.empty() ? (in.by == "province" ? tr(lang, "map.aggregate.provinces")
                                                   : trf(lang, "map.aggregate.regions", {in.by}))
                            : style.title;
    set_html(g, "label", header_html(title, style.caption, "", legend, notes));
    return finish(g, engine, format);
}

}  // namespace regionet::render::map
