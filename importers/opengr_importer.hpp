#pragma once
// The OpenGR register (Open State Foundation, from the twelve provinces under
// the Wob, 2015-2016): one row per participant of a gemeenschappelijke
// regeling. Header: Deelnemer,Gemeenschappelijke regeling,Postcode,Plaats,Provincie.
//
// Participants are names. They are matched to the municipalities already in
// the builder (import the Regioatlas or a boundary file first) by
// names::fold(), the alias table (names::aliases()), a municipality name
// without its qualifier ("Hengelo" -> "Hengelo (O)") and, for a name that
// fits two municipalities ("Bergen"), the province of the reporting province
// or of the arrangement's other members. Everything else is kept as a
// Participant of its kind. Arrangement ids are CBS GR codes from
// ../partial/gemeenschappelijke_regelingen.csv beside the register where the
// names match, else "gr:<slug of the name>". See docs/data-2016.md.
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "importers/importer.hpp"

namespace regionet {

class OpenGrImporter final : public Importer {
public:
    std::string_view name() const noexcept override { return "opengr"; }
    std::string_view description() const noexcept override {
        return "OpenGR register CSV headed Deelnemer,Gemeenschappelijke regeling,... (after the municipalities)";
    }
    bool accepts(const std::filesystem::path& input) const override;
    void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
              const ImportOptions& options) const override;
};

namespace opengr {

inline constexpr const char* source = "OpenGR register (provinces, Wob) via Open State Foundation";
inline constexpr const char* reference_date = "2016";

bool is_opengr_header(std::string_view first_line);

// CBS GR codes by folded arrangement name (both DSTA_GR_naam and CBS_GR_naam
// of rows that have a CBS_GR_code).
std::map<std::string, std::string> read_codes(std::istream& in, const std::string& file);
// The code list beside a register file: <register>/../../partial/gemeenschappelijke_regelingen.csv.
std::filesystem::path codes_beside(const std::filesystem::path& register_file);

// How one participant name (as given, repaired) was resolved.
struct Match {
    std::string name;                    // as in the register, mojibake repaired, trimmed
    std::size_t rows = 0;                // rows with this name and this outcome
    std::string method;                  // exact | normalised | suffix | context | alias | successor | none
    std::vector<std::string> codes;      // municipality codes (empty when not a municipality)
    std::string kind;                    // "municipality" or the participant kind
    std::string note;                    // why (alias note, context used, ...)
};

struct Summary {
    std::size_t rows = 0;                // data rows read
    std::size_t duplicate_rows = 0;      // same participant and arrangement again (collapsed)
    std::size_t repaired_texts = 0;      // fields whose mojibake was repaired
    std::size_t arrangements = 0;
    std::size_t merged_arrangements = 0; // reported by more than one province
    std::size_t coded_arrangements = 0;  // ids from the CBS GR code list
    std::vector<Match> matches;          // sorted by method, name
};

// Reads the register from a stream; codes from read_codes() (may be empty).
Summary read_register(std::istream& in, const std::string& file, const std::map<std::string, std::string>& codes,
                      ModelBuilder& out, ImportReport& report, const ImportOptions& options);

// Kind of a participant that is not a municipality: province | waterschap |
// foreign | national | joint_body | unmatched. arrangement_names: folded
// names of the register's arrangements (a participant with such a name is a
// joint body).
std::string participant_kind(std::string_view name, const std::vector<std::string>& arrangement_names = {});
// Policy domain guessed from an arrangement's name by keywords (documented table).
std::string domain_of(std::string_view arrangement_name);
// Legal form guessed from the name: gr_gemeenschappelijk_orgaan, gr_centrumgemeente,
// gr_bedrijfsvoeringsorganisatie, gr_openbaar_lichaam, gemeenschappelijke_regeling, ...
std::string form_of(std::string_view arrangement_name);

}  // namespace opengr

}  // namespace regionet
