#pragma once
// The ROO register of joint arrangements (Register van Overheidsorganisaties,
// KOOP for BZK, CC0) as published one YAML file per organisation by the open
// dataset polder: <root>/gemeenschappelijke-regelingen/*.yaml (arrangement
// versions with gr_meta, and their executing bodies) and <root>/gemeenten/*.yaml
// (613 municipalities, current and dissolved). Read with yaml-cpp.
//
// - Municipal participants by the CBS code at the end of their `tooi`
//   (.../gemeente/gm0796 -> GM0796), or by their roo_id in gemeenten/ when the
//   tooi is missing; never by name. A dissolved code is carried to its
//   successor, derived from gemeenten/: its `successor_id`, else the current
//   municipality holding most (over half) of its places (geography.bevat_plaatsen).
// - One Arrangement per chain of versions (previous_version / next_version);
//   memberships from the joining dates, ended when a municipality is no longer
//   in the next version or the arrangement ended. Years are the last day in
//   force: a version ending on 2024-01-01 was last in force in 2023.
// - Files of executing bodies (hoort_bij_gemeenschappelijke_regeling) add their
//   name to the arrangement's purpose ("(uitvoering: ...)").
// - Domain from data/roo_domains.toml (legal basis first, then name, purpose);
//   kinds of the other participants from data/roo_participants.toml.
// See docs/data-2026.md.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace regionet {

class RooImporter final : public Importer {
public:
    std::string_view name() const noexcept override { return "roo"; }
    std::string_view description() const noexcept override {
        return "ROO register (polder YAML): a folder with gemeenschappelijke-regelingen/ and gemeenten/, or the "
               "gemeenschappelijke-regelingen/ folder itself";
    }
    bool accepts(const std::filesystem::path& input) const override;
    void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
              const ImportOptions& options) const override;
};

namespace roo {

inline constexpr const char* source =
    "ROO register of gemeenschappelijke regelingen (Register van Overheidsorganisaties, KOOP/BZK, CC0) via polder";

// One rule of the domain table: when a text of kind `on` (legal_basis, name,
// purpose) contains one of `words` (folded: lower case, no accents), the domain.
struct DomainRule {
    std::string on;
    std::string domain;
    std::vector<std::string> words;
};
// Parses the domain table; ImportError with source:line:column on bad input.
std::vector<DomainRule> parse_domains(std::string_view toml_text, const std::string& source);
// data/roo_domains.toml: $REGIONET_DATA, else the build's data folder.
std::filesystem::path default_domains_file();

struct Domain {
    std::string domain;                  // "overig" when no rule matched
    std::string basis;                   // legal_basis | name | purpose | "" (none matched)
};
Domain domain_of(const std::vector<DomainRule>& rules, const std::vector<std::string>& legal_bases,
                 std::string_view name, std::string_view purpose);

// "College van burgemeester en wethouders" -> "college", "Gemeenteraad" -> "raad", ...
std::string body_key(std::string_view body_name);
// ".../tooi/id/gemeente/gm0796" -> "GM0796"; nullopt for other identifiers.
std::optional<std::string> municipality_code(std::string_view tooi);
// One rule of the participant-kind table (data/roo_participants.toml): every
// condition given must hold; identifier is "" (any), "none", "owms" or "tooi".
struct KindRule {
    std::string kind;
    std::vector<std::string> tooi, owms, name;  // name: folded words
    std::string identifier;
};
// Parses the kind table; ImportError with source:line:column on bad input.
std::vector<KindRule> parse_kinds(std::string_view toml_text, const std::string& source);
// data/roo_participants.toml: $REGIONET_DATA, else the build's data folder.
std::filesystem::path default_kinds_file();
// Kind of a participant that is not a municipality, from its identifiers and name by
// the first matching rule: province | waterschap | national | joint_body | foreign |
// former_municipality | other (no rule matched).
std::string participant_kind(const std::vector<KindRule>& rules, std::string_view tooi, std::string_view owms,
                             std::string_view name);
// "OL" -> gr_openbaar_lichaam, ...; nullopt for an unknown abbreviation.
std::optional<std::string> form_of(std::string_view afkorting);

}  // namespace roo

}  // namespace regionet
