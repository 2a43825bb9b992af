// Builds the board report document (see report_build.hpp): the title block
// here, the sections from render/report/, in the order of sections.def.
#include "render/report_build.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "model/error.hpp"
#include "render/report/context.hpp"

namespace regionet::render::report {

Document build_report(const ReportInput& in, Lang lang) {
    if (!in.dataset) throw Error("build_report: no dataset");
    const analysis::ReportResults none;
    ReportInput with_results = in;
    if (!with_results.results) with_results.results = &none;  // every section then says its pass is missing
    const Context c(with_results, lang);
    Document doc;
    doc.lang = lang;
    doc.title = c.t("title");
    doc.subtitle = in.scope.empty() ? c.tf("subtitle", {in.dataset_name}) : c.tf("subtitle.scope", {in.dataset_name, in.scope});
    doc.meta.push_back({c.t("meta.dataset"), in.dataset_name});
    if (!in.dataset->reference_date.empty()) doc.meta.push_back({c.t("meta.reference_date"), in.dataset->reference_date});
    if (!in.scope.empty()) doc.meta.push_back({c.t("meta.scope"), in.scope});
    if (!in.municipality.empty()) doc.meta.push_back({c.t("meta.focus"), c.municipality_label(in.municipality)});
    doc.meta.push_back({c.t("meta.version"), "regionet " + in.version});
    if (!in.stamp.empty()) doc.meta.push_back({c.t("meta.stamp"), in.stamp});
    doc.toc_title = c.t("toc");
// A section with an empty id has nothing to say for this dataset and is left out.
#define REGIONET_REPORT_SECTION(name) \
    if (auto section = name##_section(c); !section.id.empty()) doc.sections.push_back(std::move(section));
#include "render/report/sections.def"
#undef REGIONET_REPORT_SECTION
    return doc;
}

std::string bar_chart_svg(const std::vector<Bar>& bars, const std::string& title, const std::string& axis_label) {
    const int label_w = 190, bar_w = 420, row_h = 22, top = 34, value_w = 70;
    const int width = label_w + bar_w + value_w + 10;
    const int height = top + static_cast<int>(bars.size()) * row_h + 30;
    double max = 0;
    for (const auto& b : bars) max = std::max(max, b.value);
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height << "\" width=\"" << width
      << "\" height=\"" << height << "\" font-family=\"Segoe UI, Helvetica Neue, Arial, sans-serif\" font-size=\"13\">\n";
    o << "<title>" << html_escape(title) << "</title>\n";
    o << "<text x=\"0\" y=\"18\" font-size=\"14\" font-weight=\"600\" fill=\"#1b1f24\">" << html_escape(title) << "</text>\n";
    for (std::size_t k = 0; k < bars.size(); ++k) {
        const auto& b = bars[k];
        const int y = top + static_cast<int>(k) * row_h;
        const double w = max > 0 ? b.value / max * bar_w : 0.0;
        char wbuf[32];
        std::snprintf(wbuf, sizeof wbuf, "%.1f", w);
        o << "<g>";
        if (!b.href.empty()) o << "<a href=\"" << html_escape(b.href) << "\">";
        o << "<title>" << html_escape(b.label) << ": " << html_escape(b.value_text) << "</title>";
        o << "<text x=\"" << label_w - 8 << "\" y=\"" << y + 15 << "\" text-anchor=\"end\" fill=\"#1b1f24\">" << html_escape(b.label)
          << "</text>";
        o << "<rect x=\"" << label_w << "\" y=\"" << y + 3 << "\" width=\"" << wbuf << "\" height=\"" << row_h - 6
          << "\" rx=\"2\" fill=\"" << (k == 0 ? "#14417a" : "#4f7cb3") << "\"/>";
        char xbuf[32];
        std::snprintf(xbuf, sizeof xbuf, "%.1f", label_w + w + 6);
        o << "<text x=\"" << xbuf << "\" y=\"" << y + 15 << "\" fill=\"#1b1f24\" font-variant-numeric=\"tabular-nums\">"
          << html_escape(b.value_text) << "</text>";
        if (!b.href.empty()) o << "</a>";
        o << "</g>\n";
    }
    const int axis_y = top + static_cast<int>(bars.size()) * row_h + 4;
    o << "<line x1=\"" << label_w << "\" y1=\"" << top << "\" x2=\"" << label_w << "\" y2=\"" << axis_y
      << "\" stroke=\"#59636e\" stroke-width=\"1\"/>\n";
    o << "<text x=\"" << label_w << "\" y=\"" << axis_y + 18 << "\" fill=\"#59636e\" font-size=\"12\">" << html_escape(axis_label)
      << " \xe2\x86\x92</text>\n";
    o << "</svg>\n";
    return o.str();
}

std::string scope_svg(const std::string& svg, const std::string& prefix, const std::function<bool(const std::string&)>& keep_link) {
    std::string out;
    out.reserve(svg.size() + svg.size() / 16);
    std::size_t k = 0;
    while (k < svg.size()) {
        if (svg.compare(k, 5, " id=\"") == 0) {
            out += " id=\"" + prefix;
            k += 5;
        } else if (svg.compare(k, 5, "url(#") == 0) {
            out += "url(#" + prefix;
            k += 5;
        } else if (svg[k] == ' ' && (svg.compare(k, 8, " href=\"#") == 0 || svg.compare(k, 14, " xlink:href=\"#") == 0)) {
            const auto start = svg.find('#', k);
            const auto end = svg.find('"', start);
            if (end == std::string::npos) {
                out.append(svg, k, std::string::npos);
                break;
            }
            const auto target = svg.substr(start + 1, end - start - 1);
            if (target.rfind("m-", 0) == 0) {
                if (keep_link(target)) out.append(svg, k, end + 1 - k);
            } else {
                out.append(svg, k, start + 1 - k);
                out += prefix + target + "\"";
            }
            k = end + 1;
        } else {
            out += svg[k++];
        }
    }
    return out;
}


}  // namespace regionet::render::report
