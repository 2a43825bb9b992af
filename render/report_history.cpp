#include "render/report_history.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "render/report_texts.hpp"

namespace regionet::render::report {

namespace {

Inline plain(std::string s) { return {Span{std::move(s), "", false}}; }

TableCell text_cell(std::string s) { return TableCell{std::move(s), "", std::nullopt, std::nullopt}; }
TableCell int_cell(Lang lang, std::size_t v) {
    return TableCell{integer(lang, static_cast<std::int64_t>(v)), "", static_cast<double>(v), std::nullopt};
}

}  // namespace

std::string history_chart_svg(const analysis::HistoryResult& h, Lang lang) {
    const int left = 44, top = 46, plot_h = 200, col_w = 36, bottom = 40;
    const int n = static_cast<int>(h.years.size());
    const int width = left + n * col_w + 20;
    const int height = top + plot_h + bottom;
    std::size_t max = 1;
    for (const auto& y : h.years) max = std::max({max, y.started, y.ended});
    // A round axis maximum: 1, 2 or 5 times a power of ten.
    double step = std::pow(10.0, std::floor(std::log10(static_cast<double>(max))));
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * step >= static_cast<double>(max)) {
            step *= f;
            break;
        }
    const double axis_max = step;
    auto y_of = [&](double v) { return top + plot_h - v / axis_max * plot_h; };
    const auto title = tr(lang, "history.chart.title");
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(1);
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height << "\" width=\"" << width
      << "\" height=\"" << height << "\" font-family=\"Segoe UI, Helvetica Neue, Arial, sans-serif\" font-size=\"12\">\n";
    o << "<title>" << html_escape(title) << "</title>\n";
    o << "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"600\" fill=\"#1b1f24\">" << html_escape(title) << "</text>\n";
    // Legend.
    o << "<rect x=\"" << left << "\" y=\"24\" width=\"12\" height=\"12\" fill=\"#1f5f9e\"/><text x=\"" << left + 16
      << "\" y=\"34\" fill=\"#1b1f24\">" << html_escape(tr(lang, "history.started")) << "</text>\n";
    o << "<rect x=\"" << left + 150 << "\" y=\"24\" width=\"12\" height=\"12\" fill=\"#e08a2c\"/><text x=\"" << left + 166
      << "\" y=\"34\" fill=\"#1b1f24\">" << html_escape(tr(lang, "history.ended")) << "</text>\n";
    // Grid and axis labels at 0, half and the maximum.
    for (double v : {0.0, axis_max / 2, axis_max}) {
        o << "<line x1=\"" << left << "\" x2=\"" << width - 10 << "\" y1=\"" << y_of(v) << "\" y2=\"" << y_of(v)
          << "\" stroke=\"#d0d7de\"/>";
        o << "<text x=\"" << left - 6 << "\" y=\"" << y_of(v) + 4 << "\" text-anchor=\"end\" fill=\"#57606a\">"
          << integer(lang, static_cast<std::int64_t>(v)) << "</text>\n";
    }
    for (int k = 0; k < n; ++k) {
        const auto& y = h.years[static_cast<std::size_t>(k)];
        const int x = left + k * col_w + 4;
        const double hs = static_cast<double>(y.started) / axis_max * plot_h;
        const double he = static_cast<double>(y.ended) / axis_max * plot_h;
        o << "<g><title>" << y.year << ": " << html_escape(tr(lang, "history.started")) << " " << y.started << ", "
          << html_escape(tr(lang, "history.ended")) << " " << y.ended << "</title>";
        o << "<rect x=\"" << x << "\" y=\"" << y_of(static_cast<double>(y.started)) << "\" width=\"13\" height=\"" << hs
          << "\" fill=\"#1f5f9e\"/>";
        o << "<rect x=\"" << x + 14 << "\" y=\"" << y_of(static_cast<double>(y.ended)) << "\" width=\"13\" height=\"" << he
          << "\" fill=\"#e08a2c\"/>";
        if (y.started > 0)
            o << "<text x=\"" << x + 6.5 << "\" y=\"" << y_of(static_cast<double>(y.started)) - 3
              << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1b1f24\">" << y.started << "</text>";
        o << "<text x=\"" << x + 14 << "\" y=\"" << top + plot_h + 16 << "\" text-anchor=\"middle\" fill=\"#1b1f24\">"
          << y.year << "</text></g>\n";
    }
    o << "<line x1=\"" << left << "\" x2=\"" << width - 10 << "\" y1=\"" << top + plot_h << "\" y2=\"" << top + plot_h
      << "\" stroke=\"#57606a\"/>\n";
    o << "<text x=\"" << left << "\" y=\"" << height - 6 << "\" fill=\"#57606a\">" << html_escape(tr(lang, "history.chart.axis"))
      << "</text>\n";
    o << "</svg>\n";
    return o.str();
}

Section history_section(const Dataset& d, const analysis::HistoryResult& h, Lang lang) {
    Section s{"history", tr(lang, "history.title"), {}};
    if (h.empty()) {
        s.blocks.push_back(Note{plain(tr(lang, "history.undated"))});
        return s;
    }
    std::size_t started = 0, ended = 0;
    for (const auto& y : h.years) started += y.started, ended += y.ended;
    const auto from = std::to_string(h.from_year), to = std::to_string(h.to_year);
    s.blocks.push_back(Paragraph{plain(trf(lang, "history.intro", {from, to, integer(lang, static_cast<std::int64_t>(started)),
                                                                   integer(lang, static_cast<std::int64_t>(ended))}))});
    const auto peak = std::max_element(h.years.begin(), h.years.end(),
                                       [](const auto& a, const auto& b) { return a.started < b.started; });
    s.blocks.push_back(Figure{"history.svg", history_chart_svg(h, lang), tr(lang, "history.chart.title"),
                              trf(lang, "history.chart.alt", {from, to, std::to_string(peak->year),
                                                              integer(lang, static_cast<std::int64_t>(peak->started))})});
    TableBlock t{"table-history", tr(lang, "history.table.caption"),
                 {tr(lang, "history.col.year"), tr(lang, "history.started"), tr(lang, "history.ended"),
                  tr(lang, "history.col.active"), tr(lang, "history.col.joined"), tr(lang, "history.col.left")},
                 {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right}, {}, true, true, false};
    for (const auto& y : h.years)
        t.rows.push_back({text_cell(std::to_string(y.year)), int_cell(lang, y.started), int_cell(lang, y.ended),
                          int_cell(lang, y.active), int_cell(lang, y.joined), int_cell(lang, y.left)});
    s.blocks.push_back(t);

    auto moves_table = [&](const std::string& id, const std::string& caption, const auto& rows) {
        TableBlock m{id, caption, {tr(lang, "history.col.municipality"), tr(lang, "history.col.joined"), tr(lang, "history.col.left")},
                     {Align::left, Align::right, Align::right}, {}, true, false, false};
        for (const auto& x : rows)
            m.rows.push_back({text_cell(d.municipalities[x.municipality].name), int_cell(lang, x.joined), int_cell(lang, x.left)});
        return m;
    };
    s.blocks.push_back(Heading{"history-moves", tr(lang, "history.moves.title")});
    s.blocks.push_back(Paragraph{plain(trf(lang, "history.moves.intro", {from, to}))});
    if (!h.most_joined.empty()) s.blocks.push_back(moves_table("table-history-joined", tr(lang, "history.joined.caption"), h.most_joined));
    if (!h.most_left.empty()) s.blocks.push_back(moves_table("table-history-left", tr(lang, "history.left.caption"), h.most_left));

    s.blocks.push_back(Heading{"history-rejoin", tr(lang, "history.rejoin.title")});
    if (h.rejoins.empty()) {
        s.blocks.push_back(Paragraph{plain(tr(lang, "history.rejoin.none"))});
    } else {
        s.blocks.push_back(Paragraph{plain(trf(lang, "history.rejoin.intro", {integer(lang, static_cast<std::int64_t>(h.rejoins.size()))}))});
        TableBlock r{"table-history-rejoin", tr(lang, "history.rejoin.caption"),
                     {tr(lang, "history.col.municipality"), tr(lang, "history.col.left_arr"), tr(lang, "history.col.left_year"),
                      tr(lang, "history.col.joined_arr"), tr(lang, "history.col.joined_year")},
                     {Align::left, Align::left, Align::right, Align::left, Align::right}, {}, true, true, false};
        for (const auto& k : h.rejoins)
            r.rows.push_back({text_cell(d.municipalities[k.municipality].name), text_cell(d.arrangements[k.left_arrangement].name),
                              text_cell(std::to_string(k.left_year)), text_cell(d.arrangements[k.joined_arrangement].name),
                              text_cell(std::to_string(k.joined_year))});
        s.blocks.push_back(r);
    }
    s.blocks.push_back(Note{plain(tr(lang, "history.note"))});
    return s;
}

}  // namespace regionet::render::report
