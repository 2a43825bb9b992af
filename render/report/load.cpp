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
    const auto& d = c.scoped();  // load.arrangements index its arrangements
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
    // Columns the data do not fill are left out, with one sentence why: an
    // empty column would read as zero.
    bool hosts = false, seats = false, per10k = false;
    for (const auto& x : load.municipalities) {
        hosts |= x.host_roles > 0;
        seats |= x.board_seats > 0;
        per10k |= x.load_per_10k_inhabitants.has_value();
    }
    TableBlock tb{"table-load", c.t("load.table.caption"), {c.t("col.rank"), c.t("col.municipality"), c.t("col.memberships")},
                  {Align::right, Align::left, Align::right}, {}, false, true, false};
    std::vector<std::string> absent;
    for (const auto& [shown, key] : {std::pair{hosts, "col.host_roles"}, std::pair{seats, "col.board_seats"}}) {
        if (!shown) {
            absent.push_back(c.t(key));
            continue;
        }
        tb.headers.push_back(c.t(key));
        tb.align.push_back(Align::right);
    }
    tb.headers.push_back(c.t("col.weighted_load"));
    tb.align.push_back(Align::right);
    if (per10k) {
        tb.headers.push_back(c.t("col.per_10k"));
        tb.align.push_back(Align::right);
    } else {
        absent.push_back(c.t("col.per_10k"));
    }
    for (auto m : order) {
        const auto& x = load.municipalities[m];
        std::vector<TableCell> row{c.int_cell(x.rank), c.municipality_cell(x.code), c.int_cell(x.memberships)};
        if (hosts) row.push_back(c.int_cell(x.host_roles));
        if (seats) row.push_back(c.int_cell(x.board_seats));
        row.push_back(c.num_cell(x.weighted_load, 1));
        if (per10k) row.push_back(c.num_cell(x.load_per_10k_inhabitants, 2));
        tb.rows.push_back(std::move(row));
    }
    s.blocks.push_back(tb);
    if (!absent.empty()) {
        std::vector<Span> spans;
        for (auto& a : absent) spans.push_back(Span{a, "", false});
        std::string list;
        for (const auto& x : c.join(spans)) list += x.text;
        s.blocks.push_back(Note{Context::text(c.tf("load.not_in_data", {list}))});
    }

    std::vector<double> pairs;
    for (const auto& a : load.arrangements) pairs.push_back(static_cast<double>(a.coordination_pairs));
    std::vector<std::string> ids;
    for (const auto& a : load.arrangements) ids.push_back(a.id);
    const auto arrangements = analysis::order_descending(pairs, analysis::order_by_key(ids));
    TableBlock at{"table-coordination", c.t("load.arr.caption"),
                  {c.t("col.arrangement"), c.t("col.form"), c.t("col.members"), c.t("col.pairs"), c.t("col.meetings")},
                  {Align::left, Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
    bool marked = false;
    for (std::size_t k = 0; k < std::min(k_arrangement_rows, arrangements.size()); ++k) {
        const auto a = arrangements[k];
        const auto& x = load.arrangements[a];
        std::string label = x.name;
        if (d.arrangements[a].is_region()) label += " (" + d.arrangements[a].division + ")";
        // A form inferred at import (not stated by the source) is marked.
        std::string form = form_label(c.lang(), x.form);
        if (!d.arrangements[a].form_basis.empty()) form += c.t("cov.marker");
        marked = marked || !d.arrangements[a].form_basis.empty();
        at.rows.push_back({Context::text_cell(label), Context::text_cell(form), c.int_cell(x.members),
                           c.int_cell(x.coordination_pairs), c.num_cell(x.meetings_per_year, 1)});
    }
    s.blocks.push_back(Paragraph{Context::text(c.t("load.arr.intro"))});
    s.blocks.push_back(at);
    if (marked) s.blocks.push_back(Note{Context::text(c.t("cov.marker.note"))});
    return s;
}

}  // namespace regionet::render::report
