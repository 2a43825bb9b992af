#pragma once
// Screening: the rules that practice has learned about close cooperation
// (evaluations of ambtelijke fusies 2005-2017, Korsten; see DOMAIN.md), applied
// to what the data can show. Every finding names its rule, the sentence of
// practice it comes from, and is worded as a question for the board, in Dutch
// and English. Findings are prompts for discussion, never verdicts.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

struct ScreenOptions {
    // Rule "fusion_partners": forms that count as a full ambtelijke fusie, and
    // the largest number of partners practice has seen work.
    std::vector<std::string> fusion_forms{"ambtelijke_fusie"};
    std::size_t max_fusion_partners = 3;
    // The partner rules (dominant_partner, other_province, not_neighbours) apply
    // to ordinary arrangements (not regions) with 2..max_partners members.
    std::size_t max_partners = 8;
    // The fusion lessons (dominant_partner) apply to close cooperation only: the
    // fusion forms and these (work organisations, host constructions, SSCs).
    std::vector<std::string> close_forms{"gastheer", "ssc", "gr_bedrijfsvoeringsorganisatie", "werkorganisatie"};
    // The border rules (other_province, not_neighbours) skip area arrangements,
    // which the area decides (a recreation area on a provincial border) ...
    std::vector<std::string> area_domains{"recreatie", "water"};
    // ... and leave islands out of the member set (code or name): the Wadden
    // islands border no municipality on land and lie in two provinces.
    std::vector<std::string> islands{"GM0448", "GM0096", "GM0093", "GM0060", "GM0088",
                                     "Texel", "Vlieland", "Terschelling", "Ameland", "Schiermonnikoog"};
    // Rule "dominant_partner": largest population / second largest >= this.
    double size_ratio = 3.0;
    // Rule "not_neighbours" without a neighbour table: two partners count as
    // neighbours when their points lie at most this far apart.
    double neighbour_distance_km = 25.0;
    // Rule "knipperlicht": a municipality that left an arrangement and later
    // joined another of the same form and domain (or rejoined the same one).
    bool knipperlicht = true;
};

// Reads ScreenOptions from TOML text (data/screening.toml documents the keys);
// keys left out keep their defaults. Throws Error with the source name on a
// syntax error or a wrong type.
ScreenOptions parse_screen_options(std::string_view toml_text, const std::string& source_name);

struct Finding {
    std::string rule;                    // fusion_partners | dominant_partner | other_province | not_neighbours | knipperlicht
    std::string arrangement;             // arrangement id
    std::vector<std::string> subjects;   // municipality codes the finding is about, sorted
    double value = 0.0;                  // the measured quantity (partners, ratio, provinces, components, years apart)
    std::string detail_nl;               // what the data shows
    std::string detail_en;
    std::string question_nl;             // the question for the board
    std::string question_en;
    std::string practice_nl;             // the sentence of practice
    std::string practice_en;
    std::string source;                  // where the practice comes from
};

// All findings, sorted by (rule order above, arrangement id, subjects).
std::vector<Finding> screen(const Dataset& dataset, const ScreenOptions& options);

// Rules that could not be applied for lack of data (no population, no
// neighbours or coordinates, no years), as human-readable notes.
std::vector<std::string> screen_notes(const Dataset& dataset, const ScreenOptions& options);

// "screen": rule, arrangement, arrangement_name, subjects (comma-separated codes),
// subject_names, value, finding, question, practice, source; language "nl" or "en".
Table to_table(const Dataset& dataset, const std::vector<Finding>& findings, std::string_view language = "nl");

}  // namespace regionet::analysis
