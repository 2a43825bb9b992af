#pragma once
// Builds the board report document from the dataset and the typed results of
// the analysis passes (analysis::ReportResults). The sections live one per
// file in render/report/ and are listed in render/report/sections.def; they
// select, order and word results, and compute nothing the passes compute. A
// pass that did not run leaves its section with a note saying so.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/history.hpp"
#include "analysis/report_results.hpp"
#include "model/model.hpp"
#include "render/report_document.hpp"

namespace regionet::render::report {

struct ReportInput {
    const Dataset* dataset = nullptr;    // as analysed (filters applied)
    const analysis::ReportResults* results = nullptr;
    std::string dataset_name;
    std::string scope;                   // filter description; empty: the whole dataset
    std::string municipality;            // --municipality: profile only this one and open with it
    // "Wat is er veranderd": the dataset over every year (not only the reference
    // year) and its history (analysis/history.hpp); null: no history section.
    const Dataset* history_dataset = nullptr;
    const analysis::HistoryResult* history = nullptr;
    std::vector<Figure> maps;            // drawn by draw_report_maps (report_figures.hpp)
    std::vector<std::string> map_notes;  // maps that could not be drawn, and why
    std::optional<Figure> services_map;  // who serves whom (ReportMaps::services)
    std::string explorer;                // the offline explorer written beside the report (relative link); empty: none
    std::string version;
    std::string stamp;                   // empty unless --stamp
};

Document build_report(const ReportInput& in, Lang lang);

// A horizontal bar chart as standalone SVG (labels escaped; hrefs optional).
struct Bar {
    std::string label;
    double value = 0.0;
    std::string value_text;
    std::string href;
};
std::string bar_chart_svg(const std::vector<Bar>& bars, const std::string& title, const std::string& axis_label);

// Prepares an SVG drawing for a page holding several: every id (and every
// reference to one: href="#x", url(#x)) gets the prefix, so ids stay unique;
// links to profiles ("#m-...") are kept when keep_link says the target exists,
// else dropped (the drawing stays, without the dead link).
std::string scope_svg(const std::string& svg, const std::string& prefix,
                      const std::function<bool(const std::string&)>& keep_link);

}  // namespace regionet::render::report
