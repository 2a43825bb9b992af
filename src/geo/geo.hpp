#pragma once
// Geometry of boundary files, on GDAL/OGR (GEOS for predicates, PROJ for
// transformations). Everything here measures in RD New (EPSG:28992, metres):
// areas, border lengths and overlays are never computed in degrees.
//
// Reused by the boundary importer (import-boundaries), by the 2016 -> 2024
// change analysis (shares of old municipalities in new ones) and by anyone who
// needs municipality outlines as geometry again (layer_from_outlines).
#include <ogr_geometry.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/model.hpp"

namespace regionet::geo {

// GDAL/OGR failures (cannot open, cannot transform) that are not about one
// feature of a user's file. Feature problems are ImportErrors with the file.
class GeoError : public Error {
public:
    using Error::Error;
};

// One feature of a boundary layer: its code and name and its geometry in RD New.
struct Feature {
    std::string code;                    // value of the code field ("GM0363")
    std::string name;                    // value of the name field ("Amsterdam")
    std::size_t number = 0;              // 1-based position in the layer (for messages: "file:feature 12")
    OGRGeometryUniquePtr geometry;       // polygon or multipolygon, EPSG:28992
};

struct Layer {
    std::string file;                    // as given, for messages
    std::vector<Feature> features;       // in file order
    std::vector<std::string> messages;   // GDAL warnings collected while reading ("file: ...")
};

struct ReadOptions {
    std::string code_field = "statcode";
    std::string name_field = "statnaam";
};

// Reads the first layer of any vector file GDAL reads (TopoJSON, GeoJSON,
// GeoPackage, Shapefile). A layer without CRS (TopoJSON) is taken as WGS84.
// Throws ImportError (file, feature number) for a missing field, an empty or
// non-polygonal geometry or a duplicate code. Needs GDALAllRegister() first.
Layer read_layer(const std::filesystem::path& file, const ReadOptions& options = {});

// Builds a layer from WKT in WGS84 (lon lat), as stored in Outline: the
// outlines of municipalities (code = municipality code, name from the dataset).
// Municipalities without outline are left out (listed in messages).
Layer layer_from_outlines(const Dataset& dataset);
// The same from (code, name, wkt) triples; owner = a label for messages.
struct WktFeature {
    std::string code;
    std::string name;
    std::string wkt;                     // WGS84, lon lat
};
Layer layer_from_wkt(const std::string& owner, const std::vector<WktFeature>& features);

// Two features of one layer sharing a border of positive length.
// Features that touch at single points only are not neighbours.
struct NeighbourPair {
    std::size_t a = 0;                   // index into Layer::features, a < b
    std::size_t b = 0;
    double border_m = 0.0;               // length of the shared border in metres
};
// Sorted by (a, b). Pairs are prefiltered by envelope. min_border_m: shared
// lines shorter than this are ignored (0 = any positive length).
std::vector<NeighbourPair> neighbours(const Layer& layer, double min_border_m = 0.0);

// For each feature of a: the features of b overlapping it, with the share of
// a's area they cover (0..1), largest share first, ties by code. Shares below
// min_share are left out (sliver overlaps from separately simplified files).
struct Share {
    std::size_t b = 0;                   // index into b.features
    double share = 0.0;                  // area(a ∩ b) / area(a)
    double area_km2 = 0.0;               // area(a ∩ b)
};
std::vector<std::vector<Share>> shares(const Layer& a, const Layer& b, double min_share = 1e-4);

// Area of an RD geometry in km2.
double area_km2(const OGRGeometry& rd);

// A point guaranteed inside the geometry (OGR PointOnSurface), in WGS84.
struct LatLon {
    double lat = 0.0;
    double lon = 0.0;
};
LatLon point_on_surface(const OGRGeometry& rd);

// Simplified outline for maps: SimplifyPreserveTopology(tolerance_m) in RD,
// back to WGS84, coordinates rounded to `decimals`, as WKT in lon lat order.
std::string outline_wkt(const OGRGeometry& rd, double tolerance_m = 100.0, int decimals = 5);

// Collects GDAL/OGR messages (CPLPushErrorHandlerEx) for its lifetime instead
// of letting GDAL print them on stderr. Scope-bound, not copyable.
class MessageCollector {
public:
    MessageCollector();
    ~MessageCollector();
    MessageCollector(const MessageCollector&) = delete;
    MessageCollector& operator=(const MessageCollector&) = delete;
    // Messages so far ("Warning 1: ..."), and the last failure text.
    const std::vector<std::string>& messages() const noexcept { return m_messages; }
    std::string last_error() const;

private:
    std::vector<std::string> m_messages;
};

}  // namespace regionet::geo
