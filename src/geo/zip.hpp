#pragma once
// Members of zip packages (.xlsx and .ods workbooks) read through GDAL's
// /vsizip/ file system: the workbook importer reads what GDAL's drivers do not
// report (hidden sheets, merged cells), the workbook writer adds drop-down lists.
#include <filesystem>
#include <optional>
#include <string>

namespace regionet::geo {

// "/vsizip/{FILE}/MEMBER" (the archive itself when member is empty). The {}
// form keeps a file name holding ".zip" or "/" from being split there.
std::string vsizip_path(const std::filesystem::path& zip, const std::string& member = {});

// The bytes of one member, or nothing if the archive or the member cannot be read.
std::optional<std::string> read_zip_member(const std::filesystem::path& zip, const std::string& member);

}  // namespace regionet::geo
