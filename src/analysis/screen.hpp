#pragma once
// Screening: the rules that practice has learned about close cooperation
// (evaluations of ambtelijke fusies 2005-2017, Korsten; see DOMAIN.md), applied
// to what the data can show. Every finding names its rule and the facts that
// word it, in render/result_texts.hpp, as what the data show, the sentence of
// practice it comes from and a question for the board, in Dutch and English.
// Findings are prompts for discussion, never verdicts.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
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

// A finding is typed: its rule id, the arrangement, the codes it is about, the
// measured value and the facts its sentences are filled with. The sentences
// themselves (what the data shows, the question for the board, the lesson from
// practice and its source) are worded by render/result_texts.hpp from the
// catalogue render/report_texts.cpp, in Dutch or English.
struct Finding {
    std::string rule;                    // fusion_partners | dominant_partner | other_province | not_neighbours | knipperlicht
                                         // | one_way_services | tax_cooperation (services.hpp)
    std::string arrangement;             // arrangement id (one_way_services: the region; empty for a group or a municipality)
    std::vector<std::string> subjects;   // municipality codes the finding is about, sorted
    double value = 0.0;                  // the measured quantity (partners, ratio, provinces, components, years apart,
                                         // service arrangements, population)
    // ---- the facts the sentences name ----
    std::string arrangement_name;        // the arrangement's (or region's) name; empty for a group or a municipality
    // Municipality names in the order the sentence names them: fusion_partners all partners;
    // dominant_partner the largest, then the next largest; other_province and not_neighbours
    // the subjects; knipperlicht the one that left; one_way_services the host; tax_cooperation
    // the municipality.
    std::vector<std::string> names;
    std::vector<std::int64_t> populations;  // dominant_partner: of names[0] and names[1]; tax_cooperation: of names[0]
    std::vector<std::string> provinces;  // other_province: the provinces of the subjects
    std::string main_province;           // other_province: the province of most partners
    std::optional<double> apart_km;      // not_neighbours judged by points (no neighbour table): the distance used
    std::int64_t groups = 0;             // not_neighbours: geographically separate groups
    int left_year = 0;                   // knipperlicht: the last year in the arrangement left
    int joined_year = 0;                 // knipperlicht: the first year in `arrangement`
    std::string left_arrangement;        // knipperlicht: id of the arrangement left (== arrangement: it rejoined)
    std::string left_name;               // knipperlicht: its name
    std::vector<std::string> again_with; // knipperlicht: partners of the old arrangement in the new one
    std::int64_t arrangements = 0;       // one_way_services: service arrangements in the region or group
    std::int64_t clients = 0;            // one_way_services: municipalities served
    std::string group_first;             // one_way_services without divisions: first municipality of the group ...
    std::int64_t group_others = 0;       // ... and how many others it holds
};

// All findings, sorted by (rule order above, arrangement id, subjects).
std::vector<Finding> screen(const Dataset& dataset, const ScreenOptions& options);

// Rules that could not be applied for lack of data: which, and how many of
// the arrangements in scope were left out (render/result_texts.hpp words them).
struct ScreenNote {
    enum class Kind {
        no_scope,        // no ordinary arrangement with 2..max_partners members (count = max_partners)
        no_population,   // dominant_partner: count of `of` arrangements lack a member's population
        no_place,        // not_neighbours: count of `of` arrangements have no neighbour table and no coordinates
        no_years,        // knipperlicht: no end years in the dataset
    };
    Kind kind = Kind::no_scope;
    std::size_t count = 0;
    std::size_t of = 0;
};
std::vector<ScreenNote> screen_notes(const Dataset& dataset, const ScreenOptions& options);

// The sentences of a finding, in one language (render/result_texts.hpp gives them).
struct FindingWords {
    std::function<std::string(const Finding&)> finding, question, practice, source;
};

// "screen": rule, arrangement, arrangement_name, subjects (comma-separated codes),
// subject_names, value, finding, question, practice, source (the last four worded by `words`).
Table to_table(const Dataset& dataset, const std::vector<Finding>& findings, const FindingWords& words);

}  // namespace regionet::analysis
