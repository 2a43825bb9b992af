#pragma once
// Administrative load (bestuurlijke drukte, DOMAIN.md "Measures"): per
// municipality the number of memberships, host roles, board seats and a
// weighted load (meetings per year), also per 10,000 inhabitants; per
// arrangement its coordination pairs n(n-1)/2.
//
// Weights come from a TOML file (data/weights.toml ships the defaults):
//   weighted_load(m) = sum over m's memberships k in arrangement a of
//       form_meetings(a.form) * role_factor(k.role) * body_factor(k.bodies)
//     + meetings_per_seat * seats(k)
// where body_factor is the highest factor of the bodies taking part
// (Membership.bodies, "college;raad"), 1 when the data names none.
// where seats(k) = k.board_seats, or unknown_seats when the data has none.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

struct LoadWeights {
    std::map<std::string, double> form_meetings;  // meetings per year by arrangement form
    double default_form_meetings = 4.0;           // forms not listed
    std::map<std::string, double> role_factor;    // "member", "host", "client"
    double meetings_per_seat = 0.0;               // extra meetings per year per board seat
    double unknown_seats = 0.0;                   // seats assumed where a membership has none recorded
    std::map<std::string, double> body_factor;    // "college", "raad", ... ([bodies])
    double default_body_factor = 1.0;             // bodies not listed
    std::string source;                           // file the weights came from (for captions)

    double form(std::string_view f) const;        // default_form_meetings when absent
    double role(Role r) const;                    // 1.0 when absent
    // Highest factor of the ";"-separated bodies; 1.0 when bodies is empty.
    double bodies(std::string_view bodies) const;
};

// Parses weights from TOML text. Throws ImportError with "source:line:column"
// for syntax errors, unknown sections or keys, non-numeric or negative values.
LoadWeights parse_weights(std::string_view toml_text, const std::string& source);

struct MunicipalityLoad {
    std::string code;
    std::string name;
    std::size_t memberships = 0;
    std::size_t host_roles = 0;           // memberships with role host, or where the arrangement names it host
    std::int64_t board_seats = 0;         // recorded seats only
    double weighted_load = 0.0;
    std::optional<double> load_per_10k_inhabitants;  // empty without population
    std::size_t rank = 0;                 // 1 = heaviest load; ties broken by code
};

struct ArrangementLoad {
    std::string id;
    std::string name;
    std::string form;
    std::size_t members = 0;
    std::int64_t coordination_pairs = 0;  // n(n-1)/2
    double meetings_per_year = 0.0;       // form_meetings(form)
};

struct LoadResult {
    std::vector<MunicipalityLoad> municipalities;  // indexed like dataset.municipalities
    std::vector<ArrangementLoad> arrangements;     // indexed like dataset.arrangements
};

LoadResult load(const Dataset& dataset, const LoadWeights& weights);

// Table "load_municipality" sorted by rank; table "load_arrangement" sorted by
// coordination_pairs (descending), then id.
Table municipality_table(const LoadResult& result);
Table arrangement_table(const LoadResult& result);

}  // namespace regionet::analysis
