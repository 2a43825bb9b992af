// The services view: arrows from the municipality providing a service to those receiving it.
#include "render/map_services.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "render/map_style.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::map {

using namespace detail;

namespace {

constexpr std::string_view kProvider = "#D55E00";   // vermillion: provides more than it receives
constexpr std::string_view kReceiver = "#0072B2";   // blue: receives more than it provides
constexpr std::string_view kBalanced = "#999999";

}  // namespace

std::string services(const Dataset& d, const analysis::ServicesResult& r, const Style& style, Format format) {
    const auto lang = style.lang;
    if (r.municipalities.size() != d.municipalities.size())
        throw RenderError("map services: the result does not match the dataset's municipalities");
    // Arrangements per directed pair (provider, client).
    std::map<std::pair<std::size_t, std::size_t>, std::set<std::size_t>> arrows;
    for (const auto& l : r.links) arrows[{l.provider, l.client}].insert(l.arrangement);
    std::vector<std::size_t> used;
    for (std::size_t i = 0; i < d.municipalities.size(); ++i)
        if (r.municipalities[i].provided + r.municipalities[i].received > 0) used.push_back(i);
    check_size(used.size(), style.max_nodes, "services");

    const bool geographic = style.geographic && !used.empty() && has_coordinates(d, used);
    auto outlines = geographic && style.outlines ? outlines_of(d) : std::vector<std::string>{};
    const bool with_outlines = std::any_of(outlines.begin(), outlines.end(), [](const auto& s) { return !s.empty(); });

    auto graph = open_view_graph("services", true);
    Agraph_t* g = graph.get();
    const auto engine = setup_municipality_graph(g, geographic, used.size());
    gv::declare(g, AGEDGE, "arrowsize", "0.7");

    std::vector<double> size(d.municipalities.size(), 0.0);
    for (auto i : used) size[i] = static_cast<double>(r.municipalities[i].provided + r.municipalities[i].received);
    const auto diam = diameters(size, d.municipalities.size(), 0.12, 0.5, 0.16);
    auto fill_of = [&](std::size_t i) {
        const auto b = r.municipalities[i].balance;
        return std::string(b > 0 ? kProvider : b < 0 ? kReceiver : kBalanced);
    };

    std::optional<Projector> proj;
    if (geographic) {
        proj.emplace(fit(d, used, outlines, with_outlines, 900.0));
        if (with_outlines) {
            std::vector<std::string> fill(d.municipalities.size());
            for (auto i : used) fill[i] = tint(fill_of(i), 0.8);
            add_outlines(g, *proj, outlines, fill, d);
        }
    }
    std::vector<Agnode_t*> nodes(d.municipalities.size(), nullptr);
    for (auto i : used) {
        const auto& m = d.municipalities[i];
        const auto& s = r.municipalities[i];
        const std::string tip = report::trf(lang, "map.services.node_tip",
                                            {m.name, m.code, count(lang, s.provided), count(lang, s.serves),
                                             count(lang, s.received), count(lang, s.served_by),
                                             report::integer(lang, s.balance)});
        nodes[i] = add_municipality(g, m, style, diam[i], fill_of(i), tip);
        if (proj) gv::set(nodes[i], "pos", pos((*proj)(*m.lon, *m.lat)));
    }
    std::size_t most = 1;
    for (const auto& [key, arr] : arrows) most = std::max(most, arr.size());
    std::size_t reciprocal = 0;
    for (const auto& [key, arr] : arrows) {
        const auto [p, c] = key;
        const bool both = arrows.count({c, p}) > 0;
        reciprocal += both;
        Agedge_t* e = gv::edge(g, nodes[p], nodes[c]);
        gv::set(e, "penwidth", fixed(pen_width(static_cast<double>(arr.size()), static_cast<double>(most)), 2));
        if (both) gv::set(e, "color", std::string(kHighlight));
        std::string tip = report::trf(lang, "map.services.edge_tip",
                                      {d.municipalities[p].name, d.municipalities[c].name,
                                       report::trn(lang, "map.n.arrangements", static_cast<std::int64_t>(arr.size()),
                                                   {count(lang, arr.size())})});
        for (auto a : arr) tip += "\n" + d.arrangements[a].name;
        gv::set(e, "tooltip", label_text(tip));
        gv::set(e, "id", style.id_prefix + "s-" + id_safe(d.municipalities[p].code) + "-" +
                             id_safe(d.municipalities[c].code));
    }

    std::vector<LegendEntry> legend{{std::string(kProvider), report::tr(lang, "map.services.provider"), "box"},
                                    {std::string(kReceiver), report::tr(lang, "map.services.receiver"), "box"},
                                    {std::string(kBalanced), report::tr(lang, "map.services.balanced"), "box"},
                                    {std::string(kHighlight), report::tr(lang, "map.services.reciprocal"), "line"}};
    std::vector<std::string> notes;
    notes.push_back(report::trf(lang, "map.services.arrows",
                                {count(lang, most), count(lang, arrows.size()), count(lang, reciprocal / 2)}));
    notes.push_back(report::tr(lang, "map.services.area"));
    if (used.empty()) notes.push_back(report::tr(lang, "map.services.none"));
    if (!geographic && !used.empty()) notes.push_back(report::tr(lang, "map.services.force"));
    const std::string title = style.title.empty() ? report::tr(lang, "map.services.title") : style.title;
    set_html(g, "label", header_html(title, style.caption, report::tr(lang, "map.services.legend"), legend, notes));
    return finish(g, engine, format);
}

}  // namespace regionet::render::map
