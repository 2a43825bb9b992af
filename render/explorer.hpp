#pragma once
// The offline explorer (`regionet explore`, issue 14): one self-contained HTML
// page with the geographic map drawn by regionet (Graphviz SVG, inline) and the
// dataset as JSON, so that a director can click through the network without a
// network connection, a server or external scripts and fonts.
//
// The renderer computes nothing: the caller passes the map SVG (render::map::
// network with id_prefix "x-") and the per-municipality figures and findings.
// Every data text reaches the page only as JSON (with "<" escaped as \u003c,
// so no "</script>" can end the data block) and is put into the DOM with
// textContent, never as markup.
#include <string>
#include <vector>

#include "analysis/screen.hpp"
#include "model/model.hpp"
#include "render/report_document.hpp"

namespace regionet::render::explorer {

struct Input {
    const Dataset* dataset = nullptr;
    std::string map_svg;                      // render::map::network(..., id_prefix "x-", svg)
    std::vector<double> weighted_load;        // indexed like dataset.municipalities; empty: not shown
    std::vector<double> betweenness;          // likewise
    std::vector<analysis::Finding> findings;  // screening questions
    report::Lang lang = report::Lang::nl;
};

// The whole page.
std::string page(const Input& in);

// The page's map: municipalities at their places (a force layout without
// coordinates), no ties (the page shades a selection's partners itself), ids
// "x-<code>" for the script, tooltips in lang.
std::string map_svg(const Dataset& dataset, report::Lang lang);

// The file name of the page, in `regionet explore --out DIR` and beside the
// report (`regionet report` writes it there and links to it).
inline constexpr const char* k_file_name = "explorer.html";

}  // namespace regionet::render::explorer
