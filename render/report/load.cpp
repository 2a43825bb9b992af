// 4. Administrative load: a bar chart of the heaviest loads, the table of all
// municipalities by weighted load, and the arrangements with most member pairs.
#include <algorithm>

#include "analysis/statistics.hpp"
#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

constexpr std::size_t k_chart_bars = 20;
constexpr std::size_t k_arrangement_rows = 15;

}  // namespace

Section load_section(const Context& c) {
    Section s{"load", c.t("s.load"), {}};
    if (!c.results().load) {
        s.blocks.push_back(c.missing("what.load"));
        return s;
    }
    const auto& load = *c.results().load;
    const auto& d = c.data();
    s.blocks.push_back(Paragraph{Context::text(c.t("load.intro"))});
    const auto& order = c.by_weighted_load();
    std::vector<Bar> bars;
    for (std::size_t k = 0; k < std::min(k_chart_bars, order.size()); ++k) {
        const auto& x = load.municipalities[order[k]];
        bars.push_back(Bar{c.municipality_name(x.code), x.weighted_load, c.n(x.weighted_load, 1), c.link(x.code)});
    }
    if (!bars.empty()) {
        const auto title = c.tf("load.chart.title", {c.i(bars.size())});
        s.blocks.push_back(Figure{"load.svg", bar_chart_svg(bars, title, c.t("col.weighted_load") + " (" + c.t("unit.meetings") + ")"),
                                  title, c.tf("load.chart.alt", {bars.front().label, bars.front().value_text})});
    }
    TableBlock tb{"table-load", c.t("load.table.caption"),
                  {c.t("col.rank"), c.t("col.municipality"), c.t("col.memberships"), c.t("col.host_roles"), c.t("col.board_seats"),
                   c.t("col.weighted_load"), c.t("col.per_10k")},
                  {Align::right, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right}, {}, false, true, false};
    for (auto m : order) {
        const auto& x = load.municipalities[m];
        tb.rows.push_back({c.int_cell(x.rank), c.municipality_cell(x.code), c.int_cell(x.memberships), c.int_cell(x.host_roles),
                           c.int_cell(x.board_seats), c.num_cell(x.weighted_load, 1), c.num_cell(x.load_per_10k_inhabitants, 2)});
    }
    s.blocks.push_back(tb);

    std::vector<double> pairs;
    for (const auto& a : load.arrangements) pairs.push_back(static_cast<double>(a.coordination_pairs));
    std::vector<std::string> ids;
    for (const auto& a : load.arrangements) ids.push_back(a.id);
    const auto arrangements = analysis::order_descending(pairs, analysis::order_by_key(ids));
    TableBlock at{"table-coordination", c.t("load.arr.caption"),
                  {c.t("col.arrangement"), c.t("col.form"), c.t("col.members"), c.t("col.pairs"), c.t("col.meetings")},
                  {Align::left, Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
    for (std::size_t k = 0; k < std::min(k_arrangement_rows, arrangements.size()); ++k) {
        const auto a = arrangements[k];
        const auto& x = load.arrangements[a];
        std::string label = x.name;
        if (d.arrangements[a].is_region()) label += " (" + d.arrangements[a].division + ")";
        at.rows.push_back({Context::text_cell(label), Context::text_cell(form_label(c.lang(), x.form)), c.int_cell(x.members),
                           c.int_cell(x.coordination_pairs), c.num_cell(x.meetings_per_year, 1)});
    }
    s.blocks.push_back(Paragraph{Context::text(c.t("load.arr.intro"))});
    s.blocks.push_back(at);
    return s;
}

}  // namespace regionet::render::report
