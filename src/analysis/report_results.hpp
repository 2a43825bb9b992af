#pragma once
// Everything the board report shows, computed once: the result of every pass
// as its own typed rows. The report's sections read these fields (never column
// names of a table), so a renamed field is a compile error, not an empty
// section. A pass that did not run is an empty optional; its section says so.
//
// To add a pass to the report: add its options to ReportOptions, its result
// as an optional field here, fill it in run_report_passes (report_results.cpp)
// and read it in a section (render/report/section_*.cpp).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/centrality.hpp"
#include "analysis/classify.hpp"
#include "analysis/communities.hpp"
#include "analysis/congruence.hpp"
#include "analysis/coverage.hpp"
#include "analysis/graphs.hpp"
#include "analysis/inventory.hpp"
#include "analysis/load.hpp"
#include "analysis/overlap.hpp"
#include "analysis/partner_suggestions.hpp"
#include "analysis/partners.hpp"
#include "analysis/scope.hpp"
#include "analysis/screen.hpp"
#include "analysis/services.hpp"
#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

struct ReportOptions {
    // Every pair sharing a member (nesting shows at any Jaccard).
    OverlapOptions overlap{0.0, 0.8};
    // The overlap map draws the strongest pairs at or above this Jaccard, at
    // most map_max_pairs of them, to stay legible (and quick to lay out).
    double map_min_jaccard = 0.5;
    std::size_t map_max_pairs = 150;
    LoadWeights weights;
    CentralityOptions centrality;
    CommunityOptions communities;
    ScreenOptions screen;
    // Neighbours by the SETA criteria, at most three each, nobody suggested to
    // more than ten (analysis/partner_suggestions.hpp).
    SuggestionOptions partners = [] {
        SuggestionOptions p;
        p.partner.new_only = true;
        return p;
    }();
    // What counts as cooperation (analysis/scope.hpp): regions of divisions,
    // second registrations and ended bodies are context, not arrangements.
    ScopeOptions scope;
    // A municipality code: partner suggestions for it only (--municipality).
    std::string focus;
    // Kind of task and motive (data/classification.toml); none: not classified.
    std::optional<ClassificationRules> classification;
};

// Partner suggestions for one municipality.
struct PartnerSuggestions {
    std::size_t municipality = 0;        // index into Dataset::municipalities
    std::vector<PartnerCandidate> candidates;
};

struct ReportResults {
    ReportOptions options;
    // The dataset under the cooperation scope: same municipalities in the same
    // order; the arrangement indexes of projection, overlap, load and
    // centrality refer to ITS arrangements, not the input's.
    Dataset cooperation;
    bool scoped = false;                 // cooperation was filled (false: results assembled by hand)
    std::optional<Projection> projection;          // co-membership, count weighting
    std::optional<std::vector<OverlapRow>> overlap;
    std::optional<LoadResult> load;
    std::optional<CentralityResult> centrality;
    std::optional<CommunityResult> communities;
    std::optional<CongruenceResult> congruence;
    std::optional<std::vector<Finding>> screen;
    std::optional<std::vector<PartnerSuggestions>> partners;  // in dataset order
    // Both on the cooperation scope, like overlap and load.
    std::optional<ClassifyResult> classes;         // when options.classification is set
    std::optional<ServicesResult> services;        // who serves whom
    // Coverage per province and inferred forms and domains, of `cooperation`
    // (the methods section; issue 13).
    std::optional<Coverage> coverage;
    // Where each counted arrangement came from: the register the dataset was
    // built from, or a region's inventory merged onto it (issue 17).
    std::optional<Origins> origins;
};

// Runs every pass of the report on the (filtered) dataset. `step` is told the
// name of each pass before it runs (for a progress line); it may be empty.
ReportResults run_report_passes(const Dataset& dataset, const ReportOptions& options,
                                const std::function<void(const std::string&)>& step = {});

// The result tables of a report run (result_<name> in the database, for users'
// own SQL and BI tools): overlap, load_municipality, load_arrangement,
// centrality_municipality, communities, community_agreement,
// congruence_divisions, screen, partner_suggestions and coverage_provinces. The texts
// (screening, partner reasons) are worded by `words`, in the report's language
// (render/result_texts.hpp makes them).
struct ResultWords {
    FindingWords findings;
    ReasonWords reasons;
};
std::vector<Table> result_tables(const Dataset& dataset, const ReportResults& results, const ResultWords& words);

// The overlap rows the overlap map draws: at or above map_min_jaccard, the
// first map_max_pairs (rows come sorted by Jaccard, descending).
std::vector<OverlapRow> map_overlap_rows(const std::vector<OverlapRow>& rows, const ReportOptions& options);

// The division a report or map shows when none is asked for: a safety region
// division when the dataset has one under a known code, else the division
// whose regions cover the most municipalities (ties: by name). Empty when the
// dataset has no division.
std::string default_map_division(const Dataset& dataset);

// The ties drawn between municipalities on a division map: from ordinary
// arrangements (regions would tie every region together); a dataset of
// divisions only (nl-2024) takes the regions of the other divisions.
struct DivisionTies {
    Projection projection;
    bool from_other_divisions = false;
};
DivisionTies division_map_ties(const Dataset& dataset, const std::string& division);

}  // namespace regionet::analysis
