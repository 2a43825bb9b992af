#pragma once
// Boundary files (CBS gebiedsindelingen and any file GDAL reads: TopoJSON,
// GeoJSON, GeoPackage, Shapefile) -> municipalities with a point on their
// surface, area, province, neighbours and outlines; every division file ->
// regions (arrangements of form regional_division) with area-share memberships.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geo/geo.hpp"
#include "importers/importer.hpp"

namespace regionet {

struct BoundarySources {
    std::filesystem::path municipalities;
    // (division name, file), e.g. ("veiligheidsregio", ".../veiligheidsregio_2024.topojson").
    // A division named "provincie" also sets Municipality::province.
    std::vector<std::pair<std::string, std::filesystem::path>> divisions;
    std::optional<std::filesystem::path> population;   // CSV code,name,population[,year]
    geo::ReadOptions fields;                           // code and name fields of every file
    std::string reference_date;                        // "2024-01-01"; empty = unknown
    double outline_tolerance_m = 0.0;                  // simplification of stored outlines (m); 0 = none
    double report_share_below = 0.95;                  // report municipalities less inside their region
};

// Reads every file of sources into out. Reports (ImportReport::notice) every
// municipality whose largest region holds less than report_share_below of
// its area, regions without municipalities, codes that are not CBS codes and
// GDAL's warnings; a municipality without any region is an ImportError
// (recorded with --keep-going).
void import_boundaries(const BoundarySources& sources, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options);

// Population CSV (code,name,population[,year]) onto municipalities already in
// out; codes not in out are reported (skipped with --keep-going).
void import_population(const std::filesystem::path& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options);

// The division name a file stands for: "veiligheidsregio_2024.topojson" ->
// "veiligheidsregio" (the stem without a trailing _<year>).
std::string division_name_from_file(const std::filesystem::path& file);

// The policy domain of a CBS division ("veiligheidsregio" -> "veiligheid");
// the division name itself for unknown ones.
std::string division_domain(std::string_view division);

// A CBS municipality code: "GM" and four digits.
bool is_cbs_municipality_code(std::string_view code) noexcept;

// `regionet import gemeente_2024.topojson`: a municipality boundary file with
// the default fields, no divisions (use import-boundaries for those).
class BoundaryImporter : public Importer {
public:
    std::string_view name() const noexcept override { return "boundaries"; }
    std::string_view description() const noexcept override {
        return "municipality boundary file (.topojson, .geojson, .gpkg, .shp) with fields statcode, statnaam";
    }
    bool accepts(const std::filesystem::path& input) const override;
    void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
              const ImportOptions& options) const override;
};

}  // namespace regionet
