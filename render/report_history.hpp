#pragma once
// Report section "Wat is er veranderd" / "What has changed": arrangements
// started and ended per year (an SVG column chart drawn here and a table),
// the municipalities that joined and left most, and those that left an
// arrangement and later joined one of the same domain (knipperlicht).
#include <string>

#include "analysis/history.hpp"
#include "model/model.hpp"
#include "render/report_document.hpp"

namespace regionet::render::report {

// The section; a short note when the data carry no dates (nl-2016, nl-2024).
Section history_section(const Dataset& dataset, const analysis::HistoryResult& history, Lang lang);

// Columns per year: arrangements started (dark) and ended (light), with a
// legend and axis; labels escaped. Standalone SVG.
std::string history_chart_svg(const analysis::HistoryResult& history, Lang lang);

}  // namespace regionet::render::report
