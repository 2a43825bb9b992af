#pragma once
// A workbook (.xlsx or .ods) with one sheet per bundle table, read through
// GDAL's XLSX and ODS drivers and validated by the same code as the CSV bundle
// (bundle::read_* on a TableSource), so the messages are the same, located as
// "inv.xlsx:memberships!C14: unknown municipality 'GM9999'".
//
// Sheets: municipalities, arrangements, memberships (required), dataset and
// participants (optional), found by name in any case. instructies and
// keuzelijsten (written by `regionet inventory`) are skipped; any other sheet
// is ignored with a notice. Hidden sheets (read from the package itself, as
// GDAL does not tell them apart) are skipped with a notice naming them, unless
// they are one of the bundle tables: those are read, with a notice. A merged
// range (also read from the package) gives its top-left value to each of its
// cells in rows that hold something else, with a notice per sheet. Every cell is read as text: numbers typed as text are
// numbers, a cell starting with '=' is text, a formula cell gives the value
// the spreadsheet program stored with it (GDAL's ODS driver works out simple
// formulas stored without a value; regionet never evaluates one).
#include <string>

#include "importers/importer.hpp"
#include "model/model.hpp"

namespace regionet {

class WorkbookImporter final : public Importer {
public:
    std::string_view name() const noexcept override { return "workbook"; }
    std::string_view description() const noexcept override {
        return ".xlsx or .ods workbook with sheets municipalities, arrangements, memberships";
    }
    bool accepts(const std::filesystem::path& input) const override;
    void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
              const ImportOptions& options) const override;
};

namespace workbook {

// The bundle tables a workbook holds, in reading order, and the sheets of
// explanation that `regionet inventory` adds (skipped when reading).
inline constexpr const char* instructions_sheet = "instructies";
inline constexpr const char* values_sheet = "keuzelijsten";

// A spreadsheet date as ISO text: "2024/03/01" (XLSX date cell through GDAL),
// "2024-03-01T00:00:00", or an Excel serial number of 10000 or more (1927-05-18
// onwards; smaller numbers are years or plain numbers and stay as they are).
std::string iso_date(const std::string& value);

// What an arrangement's source says when it came from an inventory.
inline constexpr const char* inventory_source = "inventaris";

// The inventory merged onto the dataset it was made from: municipalities,
// arrangements and memberships of the inventory replace those with the same
// key in base (the municipality may have corrected them) and new ones are
// added; an arrangement new to base gets source "inventaris" (or
// "inventaris: <its own source>"). What the inventory leaves out of base stays:
// a deleted row cannot be told from one never sent.
Dataset merge_onto(const Dataset& base, const Dataset& inventory);

}  // namespace workbook

}  // namespace regionet
