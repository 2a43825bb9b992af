#pragma once
// Builds the board report document from the dataset, the projection and the
// result tables of the analysis passes. Computes nothing the passes compute:
// it selects, ranks by a given column, counts and words. A pass result that is
// missing leaves its section with a note saying so.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/graphs.hpp"
#include "model/model.hpp"
#include "model/table.hpp"
#include "render/report_document.hpp"

namespace regionet::render::report {

struct MapFigure {
    std::string file;                    // "network.svg"
    std::string svg;
    std::string caption;
    std::string alt;
};

// The result tables the report reads, by Table::name, with the columns it uses
// (others are ignored; a missing column leaves its part out):
//   overlap            a, b, a_name, b_name, shared, size_a, size_b, jaccard,
//                      overlap_coefficient, nested, same_domain,
//                      redundancy_candidate, identical, only_in_a, only_in_b
//   load_municipality  code, name, memberships, host_roles, board_seats,
//                      weighted_load, load_per_10k_inhabitants, rank
//   load_arrangement   id, name, form, members, coordination_pairs, meetings_per_year
//   centrality_municipality code, name, degree, strength, betweenness, harmonic,
//                      eigenvector, pagerank, constraint, estimated
//   communities        code, community (0 = without ties)
//   community_agreement division, ari, nmi   (communities against each division)
//   congruence_divisions division_a, division_b, ari, nmi
//   screen             rule, practice, finding, question, source
//   partner_suggestions municipality, partner, score, reasons
struct ReportInput {
    const Dataset* dataset = nullptr;    // as analysed (filters applied)
    const analysis::Projection* projection = nullptr;  // co-membership, count weighting
    std::string dataset_name;
    std::string scope;                   // filter description; empty: the whole dataset
    std::string municipality;            // --municipality: profile only this one and open with it
    std::vector<const Table*> tables;
    std::vector<MapFigure> maps;
    std::vector<std::string> map_notes;  // maps that could not be drawn, and why
    std::vector<std::pair<std::string, std::string>> settings;  // thresholds and weights used
    std::string version;
    std::string stamp;                   // empty unless --stamp
    std::vector<Section> extra_sections; // built by their own files (render/report_services.cpp), before screening
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
