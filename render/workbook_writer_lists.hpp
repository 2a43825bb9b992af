#pragma once
// Drop-down lists (data validation) in a workbook written by GDAL. GDAL 3.6
// cannot write data validation, so the finished package is read member by
// member through GDAL's /vsizip/ and written anew (CPLCreateZip, the zip
// writer behind /vsizip/), with the lists added: in an .xlsx a
// <dataValidations> element in the sheets concerned; in an .ods
// table:content-validations in content.xml, named on the column's cells from
// row 2 to 1000 rows below the data (ODF ties a validation to cells, not to a column).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace regionet::render {

struct DropDown {
    std::string sheet;       // the sheet's name, as in xl/workbook.xml
    std::size_t column = 0;  // 1-based: 3 is column C
    std::vector<std::string> values;
    // The same values as cells ("keuzelijsten!$B$2:$B$16"): used when the
    // inline list would pass Excel's limit of 255 characters.
    std::string range;
    // Warn about a value outside the list (it is still accepted), or refuse it.
    bool refuse_others = false;
    std::string message;  // shown when a value outside the list is typed (Dutch)
};

// Excel's limit on an inline list ("a,b,c" without the quotes).
inline constexpr std::size_t inline_list_limit = 255;

// The <dataValidations> element for one sheet's drop-downs, each over its
// column from row 2 (below the header) to the sheet's last row.
std::string data_validations_xml(const std::vector<DropDown>& lists);

// Copies the .xlsx or .ods package `in` (told by its extension) to `out`
// (which must not exist), adding the drop-downs to their sheets. Throws
// RenderError naming `out`.
void add_drop_downs(const std::filesystem::path& in, const std::filesystem::path& out,
                    const std::vector<DropDown>& lists);

}  // namespace regionet::render
