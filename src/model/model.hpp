#pragma once
// The domain model: municipalities, arrangements (every form of cooperation,
// regional divisions included), memberships, and what the real registers add
// (participants that are not municipalities, neighbours, outlines).
//
// A Dataset is immutable once built by ModelBuilder::finish(): vectors sorted
// by key, memberships resolved to indexes, so passes can work on integers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/rare_text.hpp"

namespace regionet {

enum class Role { member, host, client };
std::string_view to_string(Role r) noexcept;
std::optional<Role> parse_role(std::string_view s) noexcept;

// Membership gaps as text, as stored and in bundles: "2022-2023", "2019;2022-2023"
// (ranges of whole years, ";"-separated, in order). parse_gaps returns nullopt for
// text that is not that (a range backwards, years out of order or overlapping).
std::string format_gaps(const std::vector<std::pair<int, int>>& gaps);
std::optional<std::vector<std::pair<int, int>>> parse_gaps(std::string_view text);

struct Municipality {
    std::string code;                    // CBS code "GM0363", or a user's own key
    std::string name;
    std::string province;
    std::optional<std::int64_t> population;
    std::optional<double> lat;           // WGS84, a point on the municipality's surface
    std::optional<double> lon;
    std::optional<double> area_km2;
};

// Any form of cooperation. A region of a regional division (veiligheidsregio
// "VR13 Amsterdam-Amstelland") is an Arrangement with form "regional_division"
// and division "veiligheidsregio".
struct Arrangement {
    std::string id;
    std::string name;
    std::string domain;                  // veiligheid, gezondheid, sociaal, afval, ...
    std::string form;                    // gr_openbaar_lichaam, ssc, ambtelijke_fusie, regional_division, ...
    std::string division;                // non-empty for regions of a division
    std::optional<int> start_year;
    std::optional<int> end_year;
    std::string host;                    // municipality code, may be empty
    std::string source;                  // provenance: "OpenGR (provinces, Wob)", "Regioatlas", ...
    std::string reference_date;          // ISO date or year the source describes
    std::optional<std::int64_t> inhabitants;  // as published for the region, if any
    // What registers add (empty when the source does not say, as for most
    // arrangements of other sources: one pointer each, model/rare_text.hpp):
    RareText legal_basis;                // laws it rests on, "; "-separated: "Wgr; Wet veiligheidsregio's"
    RareText purpose;                    // the register's purpose text (doel)
    RareText registrar;                  // who registers it (bronhouder): a municipality code or a name
    RareText body_of;                    // id of the region (of a division) this body governs: the VR's GR -> its region
    RareText duplicate_of;               // id of the arrangement this is a second registration of
    RareText form_basis;                 // how form was known: "" = stated by the source, else "name", "legal_basis", ...
    RareText domain_basis;               // how domain was known: "" = stated, else "legal_basis", "name", "purpose", ...

    bool is_region() const noexcept { return !division.empty(); }
};

struct Membership {
    std::string arrangement_id;
    std::string municipality_code;
    Role role = Role::member;
    std::optional<int> board_seats;
    std::optional<double> contribution_eur;
    std::optional<int> start_year;
    std::optional<int> end_year;
    std::optional<double> share;         // share of the municipality's area inside a region (0..1)
    // Texts most memberships leave empty, one pointer each (model/rare_text.hpp).
    RareText note;                       // "carried from GM0017 (merged 2019)", "split municipality", ...
    RareText bodies;                     // bodies of the municipality taking part, ";"-separated: "college;raad"
    RareText cost_key;                   // the register's cost key (verdeelsleutel), as written
    // Whole years between start and end in which the municipality was not a member
    // (left and rejoined the same arrangement, or missing from a version between two
    // that list it), as [first, last] year ranges in order. One membership per pair.
    std::vector<std::pair<int, int>> gaps;

    // Resolved by ModelBuilder::finish(): indexes into Dataset vectors.
    std::size_t arrangement = 0;
    std::size_t municipality = 0;

    bool active_in(int year) const noexcept {
        if ((start_year && year < *start_year) || (end_year && *end_year < year)) return false;
        for (const auto& [first, last] : gaps)
            if (first <= year && year <= last) return false;
        return true;
    }
};

// A participant of an arrangement that is not a municipality of the dataset:
// a province, a water board, another joint body, a foreign authority.
struct Participant {
    std::string arrangement_id;
    std::string name;
    std::string kind;                    // province | waterschap | joint_body | foreign | other | unmatched
    std::size_t arrangement = 0;         // resolved
};

// Two municipalities sharing a border of positive length.
struct Neighbour {
    std::string a;                       // a < b
    std::string b;
    double border_km = 0.0;
};

// A simplified outline for maps, as WKT in WGS84 (lon lat order).
struct Outline {
    std::string owner;                   // municipality code or arrangement id
    std::string wkt;
};

class Dataset {
public:
    std::string name;                    // "nl-2016"
    std::string source;                  // free text: where the data came from, licence
    std::string reference_date;          // "2016-03-01"

    std::vector<Municipality> municipalities;   // sorted by code
    std::vector<Arrangement> arrangements;      // sorted by id
    std::vector<Membership> memberships;        // sorted by (arrangement_id, municipality_code)
    std::vector<Participant> participants;      // sorted by (arrangement_id, name)
    std::vector<Neighbour> neighbours;          // sorted by (a, b)
    std::vector<Outline> outlines;              // sorted by owner

    const Municipality* find_municipality(std::string_view code) const;
    const Arrangement* find_arrangement(std::string_view id) const;
    std::optional<std::size_t> municipality_index(std::string_view code) const;
    std::optional<std::size_t> arrangement_index(std::string_view id) const;

    // Division names present (sorted), e.g. {"ggdregio", "veiligheidsregio"}.
    std::vector<std::string> divisions() const;

    // Memberships of each arrangement / municipality, as indexes into memberships.
    const std::vector<std::vector<std::size_t>>& members_of_arrangement() const { return m_by_arrangement; }
    const std::vector<std::vector<std::size_t>>& memberships_of_municipality() const { return m_by_municipality; }

    // Sorts, resolves indexes and builds lookups. Called by ModelBuilder::finish();
    // call again after editing vectors by hand (tests, derived datasets).
    void reindex();

private:
    std::unordered_map<std::string, std::size_t> m_municipality_index;
    std::unordered_map<std::string, std::size_t> m_arrangement_index;
    std::vector<std::vector<std::size_t>> m_by_arrangement;
    std::vector<std::vector<std::size_t>> m_by_municipality;
};

}  // namespace regionet
