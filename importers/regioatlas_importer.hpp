#pragma once
// The Ministry of the Interior's Regioatlas, as exported by Open State
// Foundation: one CSV per regional division, in folders per policy domain
// (Bestuurlijk, Fysiek, Sociaal, Veiligheid). UTF-8 with BOM, ';', every
// field quoted; columns Gemeente, CBS (4-digit code), the division's name as
// third header (its regions as values), Inwoneraantal van regio.
//
// Every region becomes an Arrangement (form regional_division, division = a
// slug of the third header, domain = the folder in lower case, inhabitants as
// published); every row a Membership. Municipalities are upserted (GM + code).
// A municipality listed in several regions of one division keeps every
// membership and is reported in a notice. See docs/data-2016.md.
#include <istream>
#include <string>

#include "importers/importer.hpp"

namespace regionet {

class RegioatlasImporter final : public Importer {
public:
    std::string_view name() const noexcept override { return "regioatlas"; }
    std::string_view description() const noexcept override {
        return "Regioatlas exports: a folder (Bestuurlijk/, Fysiek/, Sociaal/, Veiligheid/) or files headed "
               "Gemeente;CBS;<division>;Inwoneraantal van regio";
    }
    bool accepts(const std::filesystem::path& input) const override;
    void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
              const ImportOptions& options) const override;
};

namespace regioatlas {

inline constexpr const char* source = "Regioatlas (Ministerie van BZK) via Open State Foundation";
inline constexpr const char* reference_date = "2016";

// True when the text starts (after an optional BOM) with the header
// "Gemeente";"CBS"; (quotes optional).
bool is_regioatlas_header(std::string_view first_line);

// One export file from a stream. domain: the policy domain ("veiligheid"),
// empty when unknown. Returns the division slug it read.
std::string read_division(std::istream& in, const std::string& file, const std::string& domain, ModelBuilder& out,
                          ImportReport& report, const ImportOptions& options);

}  // namespace regioatlas

}  // namespace regionet
