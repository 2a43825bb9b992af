#pragma once
// The maps of the report, drawn from the typed pass results: the network (or,
// with a municipality in focus, its own network), the overlap of arrangements
// and one regional division. A view Graphviz cannot draw (too large, nothing
// to draw) becomes a note in the report, never a failed report.
#include <optional>
#include <string>
#include <vector>

#include "analysis/report_results.hpp"
#include "model/error.hpp"
#include "render/report_document.hpp"

namespace regionet::render::report {

struct ReportMaps {
    std::vector<Figure> figures;
    std::vector<std::string> notes;      // "title: why not drawn", in the report's language
    // Who serves whom, shown in its own section (render/report/services.cpp).
    std::optional<Figure> services;
};

// Why a map was not drawn, in lang: a view with too many nodes
// (map::TooLargeError) from the catalogue with its numbers; any other failure
// as "drawing it failed" with the technical message beside it.
std::string not_drawn_reason(Lang lang, const RenderError& e);

// where: the dataset name and scope, for the captions; focus: a municipality
// code or empty.
ReportMaps draw_report_maps(const Dataset& dataset, const analysis::ReportResults& results, const std::string& where,
                            const std::string& focus, Lang lang);

}  // namespace regionet::render::report
