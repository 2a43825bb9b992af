#pragma once
// The words of typed analysis results: screening findings and notes
// (analysis/screen.hpp, services.hpp) and partner reasons (analysis/partners.hpp),
// filled from the catalogue (render/report_texts.cpp) in Dutch or English. The
// passes return rule ids, reason kinds, names and numbers; every sentence is here.
#include <string>
#include <vector>

#include "analysis/centrality.hpp"
#include "analysis/fusies.hpp"
#include "analysis/partners.hpp"
#include "analysis/report_results.hpp"
#include "analysis/screen.hpp"
#include "model/model.hpp"
#include "render/report_document.hpp"

namespace regionet::render::report {

// "A", "A en B", "A, B en C" (en: "and").
std::string join_names(Lang lang, const std::vector<std::string>& names);

// What the data show, the question for the board, the lesson from practice
// and where it comes from. Throws Error for a rule the catalogue does not know.
std::string finding_text(Lang lang, const analysis::Finding& finding);
std::string finding_question(Lang lang, const analysis::Finding& finding);
std::string finding_practice(Lang lang, const analysis::Finding& finding);
std::string finding_source(Lang lang, const analysis::Finding& finding);

// A rule that could not be applied, as a line.
std::string screen_note(Lang lang, const analysis::ScreenNote& note);

// One reason of a candidate; all of them joined with "; ". `dataset` holds the
// candidate (its province).
std::string partner_reason(Lang lang, const Dataset& dataset, const analysis::PartnerCandidate& candidate,
                           analysis::PartnerReason reason);
std::string partner_reasons(Lang lang, const Dataset& dataset, const analysis::PartnerCandidate& candidate);

// One ambtelijke fusie of a municipality: "ambtelijke fusie BEL Combinatie since
// 2008 (with Eemnes and Laren)", its note after "; ".
std::string fusie_sentence(Lang lang, const analysis::FusieFact& fact);

// How betweenness was computed: "exact", "cutoff 2.5", "sample 100 of 11000 sources", "skipped".
std::string betweenness_method(Lang lang, const analysis::CentralityResult& result);

// The wording hooks the analysis tables take; the dataset must outlive them.
analysis::FindingWords finding_words(Lang lang);
analysis::ReasonWords reason_words(Lang lang, const Dataset& dataset);
analysis::ResultWords result_words(Lang lang, const Dataset& dataset);

}  // namespace regionet::render::report
