#include "render/report_figures.hpp"

#include <functional>

#include "model/error.hpp"
#include "analysis/partition.hpp"
#include "render/map.hpp"
#include "render/map_services.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::report {

std::string not_drawn_reason(Lang lang, const RenderError& e) {
    if (const auto* large = dynamic_cast<const map::TooLargeError*>(&e))
        return trf(lang, "maps.too_large", {integer(lang, static_cast<std::int64_t>(large->nodes())),
                                            integer(lang, static_cast<std::int64_t>(large->max_nodes()))});
    return trf(lang, "maps.failed", {e.what()});
}

ReportMaps draw_report_maps(const Dataset& d, const analysis::ReportResults& r, const std::string& where, const std::string& focus,
                            Lang lang) {
    namespace map = render::map;
    ReportMaps out;
    auto add = [&](const std::string& file, const std::string& title, const std::string& caption, const std::string& alt,
                   const std::function<std::string(const map::Style&)>& draw) {
        map::Style style;
        style.lang = lang;
        style.title = title;
        style.caption = caption + " (" + where + ")";
        try {
            out.figures.push_back({file, draw(style), caption, alt});
        } catch (const RenderError& e) {
            out.notes.push_back(title + ": " + not_drawn_reason(lang, e));
        }
    };
    if (!focus.empty()) {
        const auto m = d.municipality_index(focus);
        if (!m) throw Error("draw_report_maps: no municipality '" + focus + "'");
        const auto& name = d.municipalities[*m].name;
        add("ego.svg", trf(lang, "map.ego.title", {name}), trf(lang, "map.ego.caption", {name}), trf(lang, "map.ego.alt", {name}),
            [&](const map::Style& style) {
                map::EgoInput e;
                e.dataset = &d;
                e.municipality = *m;
                return map::ego(e, style, map::Format::svg);
            });
    } else if (r.projection && !r.projection->edges.empty()) {
        add("network.svg", tr(lang, "map.network.title"), tr(lang, "map.network.caption"),
            trf(lang, "map.network.alt", {std::to_string(d.municipalities.size())}), [&](const map::Style& style) {
                map::NetworkInput e;
                e.dataset = &d;
                e.projection = &*r.projection;
                if (r.load) {
                    e.size.measure = tr(lang, "fig.size.load");
                    for (const auto& x : r.load->municipalities) e.size.values.push_back(x.weighted_load);
                }
                if (r.communities && r.communities->community_count > 0) {
                    e.colour.by = tr(lang, "fig.colour.cluster");
                    e.colour.none = tr(lang, "map.legend.no_tie");  // community 0: no tie in the graph
                    for (auto c : r.communities->community) e.colour.group.push_back(c > 0 ? c - 1 : -1);
                    for (std::size_t k = 1; k <= r.communities->community_count; ++k)
                        e.colour.names.push_back(trf(lang, "map.legend.cluster", {std::to_string(k)}));
                }
                return map::network(e, style, map::Format::svg);
            });
    }
    if (r.overlap) {
        const auto rows = analysis::map_overlap_rows(*r.overlap, r.options);
        if (!rows.empty())
            add("overlap.svg", tr(lang, "map.overlap.title"), tr(lang, "map.overlap.caption"),
                trf(lang, "map.overlap.alt", {std::to_string(rows.size())}), [&](const map::Style& style) {
                    map::OverlapInput e;
                    e.dataset = r.scoped ? &r.cooperation : &d;  // the rows index its arrangements
                    e.rows = &rows;
                    e.min_jaccard = r.options.map_min_jaccard;
                    e.redundancy_threshold = r.options.overlap.redundancy_threshold;
                    return map::overlap(e, style, map::Format::svg);
                });
    }
    if (const auto division = analysis::default_map_division(d); !division.empty()) {
        const auto ties = analysis::division_map_ties(d, division);
        add("division.svg", trf(lang, "map.division.title", {division}), trf(lang, "map.division.caption", {division}),
            trf(lang, "map.division.alt", {division}), [&](const map::Style& style) {
                map::DivisionInput e;
                e.dataset = &d;
                e.division = division;
                e.region = analysis::division_labels(d, division);
                e.projection = &ties.projection;
                return map::division(e, style, map::Format::svg);
            });
    }
    if (r.services && !r.services->links.empty()) {
        map::Style style;
        style.lang = lang;
        style.caption = tr(lang, "svc.map.caption") + " (" + where + ")";
        try {
            const auto& scoped = r.scoped ? r.cooperation : d;  // the links index its arrangements
            out.services = Figure{"services.svg", map::services(scoped, *r.services, style, map::Format::svg),
                                  tr(lang, "svc.map.caption"), tr(lang, "svc.map.alt")};
        } catch (const RenderError& e) {
            out.notes.push_back(tr(lang, "svc.who.title") + ": " + not_drawn_reason(lang, e));
        }
    }
    return out;
}

}  // namespace regionet::render::report
