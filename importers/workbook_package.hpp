#pragma once
// What GDAL's XLSX and ODS drivers do not report about a workbook, read from
// the package itself (an .xlsx or .ods is a zip; its members are read through
// GDAL's /vsizip/ and parsed with libxml2): which sheets are hidden and which
// cell ranges are merged.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace regionet::workbook {

// A merged range of cells, 1-based and inclusive: B2:B7 is rows 2-7 of column 2.
struct CellRange {
    std::size_t first_row = 0;
    std::size_t first_column = 0;
    std::size_t last_row = 0;
    std::size_t last_column = 0;
};

struct SheetLayout {
    bool hidden = false;  // xlsx state="hidden" or "veryHidden"; ods table:display="false"
    std::vector<CellRange> merged;
};

// By sheet name, exactly as the workbook spells it (GDAL's layer names).
using PackageLayout = std::map<std::string, SheetLayout>;

// Reads the layout of an .xlsx ("XLSX") or .ods ("ODS") package. Throws
// ImportError naming the file and the package member that cannot be read.
PackageLayout read_layout(const std::filesystem::path& file, const std::string& format);

// "B14" -> row 14, column 2; false if ref is no cell reference.
bool parse_cell_ref(std::string_view ref, std::size_t& row, std::size_t& column);

// The text of one member of a zip package ("xl/workbook.xml"), through /vsizip/.
// Throws ImportError naming file and member if it is missing or unreadable.
std::string read_member(const std::filesystem::path& file, const std::string& member);

}  // namespace regionet::workbook
