#pragma once
// A Dataset as a workbook (.xlsx or .ods) through GDAL's XLSX and ODS
// drivers: one sheet per bundle table with the bundle's columns, which the
// workbook importer reads back exactly. The inventory adds an instructions
// sheet in Dutch and a sheet with the allowed values.
//
// What GDAL 3.6 can write: sheets (layers) with a header row of field names
// and typed cells (text, integer, real). It cannot write data validation
// (drop-down lists), protected or read-only cells, column widths or styles,
// so the allowed values stand in their own sheet (keuzelijsten) and the rows
// of the register are marked by their source column, not locked. The
// inventory gets drop-down lists on form, domain and role afterwards
// (workbook_writer_lists.hpp).
#include <filesystem>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace regionet::render {

enum class WorkbookFormat { xlsx, ods };

// The format an output file's extension names (.xlsx, .ods); throws RenderError otherwise.
WorkbookFormat workbook_format(const std::filesystem::path& file);

struct WorkbookOptions {
    // The inventory for a region: instructions and allowed values, every column
    // (also the empty ones a municipality may fill), source "register" on
    // arrangements the dataset holds without one.
    bool inventory = false;
    std::string region;                  // the region's name for the instructions
};

// Allowed values shown to the people filling in an inventory: column, value, meaning (Dutch).
struct AllowedValue {
    std::string column, value, meaning;
};
const std::vector<AllowedValue>& allowed_values();

// Writes the workbook to path (replaced only when the whole write succeeded).
void write_workbook(const Dataset& dataset, const std::filesystem::path& path, const WorkbookOptions& options = {});

}  // namespace regionet::render
