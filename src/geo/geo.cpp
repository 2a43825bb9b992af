#include "geo/geo.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace regionet::geo {

namespace {

// GDAL's coordinate transformation, owned (DestroyCT is GDAL's own deleter).
struct DestroyTransformation {
    void operator()(OGRCoordinateTransformation* t) const noexcept { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformationPtr = std::unique_ptr<OGRCoordinateTransformation, DestroyTransformation>;

OGRSpatialReference make_srs(int epsg) {
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE)
        throw GeoError("PROJ does not know EPSG:" + std::to_string(epsg) + " (is proj-data installed?)");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = lon / easting, y = lat / northing
    return srs;
}

const OGRSpatialReference& wgs84() {
    thread_local const OGRSpatialReference srs = make_srs(4326);
    return srs;
}

const OGRSpatialReference& rd_new() {
    thread_local const OGRSpatialReference srs = make_srs(28992);
    return srs;
}

TransformationPtr transformation(const OGRSpatialReference& from, const OGRSpatialReference& to) {
    TransformationPtr t(OGRCreateCoordinateTransformation(&from, &to));
    if (!t) throw GeoError("cannot transform coordinates: " + std::string(CPLGetLastErrorMsg()));
    return t;
}

OGRCoordinateTransformation& to_wgs84() {
    thread_local const TransformationPtr t = transformation(rd_new(), wgs84());
    return *t;
}

bool is_polygonal(const OGRGeometry& g) {
    const auto type = wkbFlatten(g.getGeometryType());
    return type == wkbPolygon || type == wkbMultiPolygon;
}

// GEOS refuses overlays on invalid rings (self-touching after simplification);
// repair them, keeping only the polygonal part.
// GEOS explains invalidity through CPLError; those messages are replaced by one
// line of our own in `notes`.
OGRGeometryUniquePtr make_valid(OGRGeometryUniquePtr g, const std::string& what, std::vector<std::string>& notes) {
    bool valid = false;
    std::string reason;
    {
        MessageCollector geos;
        valid = g->IsValid();
        if (!geos.messages().empty()) reason = geos.messages().front();
    }
    if (valid) return g;
    const auto colon = reason.find(": ");
    if (colon != std::string::npos) reason.erase(0, colon + 2);
    notes.push_back(what + ": invalid outline (" + (reason.empty() ? "GEOS" : reason) + ", RD New), repaired");
    OGRGeometryUniquePtr fixed(g->MakeValid());
    if (!fixed) return g;
    if (is_polygonal(*fixed)) return fixed;
    if (auto* collection = dynamic_cast<OGRGeometryCollection*>(fixed.get())) {
        auto polygons = std::make_unique<OGRMultiPolygon>();
        for (const auto* part : *collection) {
            if (!part) continue;
            const auto type = wkbFlatten(part->getGeometryType());
            if (type == wkbPolygon) polygons->addGeometry(part);
            if (type == wkbMultiPolygon)
                for (const auto* p : *part->toMultiPolygon()) polygons->addGeometry(p);
        }
        if (!polygons->IsEmpty()) return OGRGeometryUniquePtr(polygons.release());
    }
    return g;
}

void CPL_STDCALL collect_message(CPLErr level, CPLErrorNum number, const char* message) {
    auto* sink = static_cast<std::vector<std::string>*>(CPLGetErrorHandlerUserData());
    if (!sink || level == CE_Debug) return;
    const char* kind = level == CE_Warning ? "warning" : "error";
    sink->push_back(std::string(kind) + " " + std::to_string(number) + ": " + (message ? message : ""));
}

double length_m(const OGRGeometry& g) {
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbLineString || type == wkbLinearRing) return g.toLineString()->get_Length();
    if (type == wkbMultiLineString) return g.toMultiLineString()->get_Length();
    if (type == wkbGeometryCollection) {
        double sum = 0.0;
        for (const auto* part : *g.toGeometryCollection())
            if (part) sum += length_m(*part);
        return sum;
    }
    return 0.0;  // points
}

// Fixed-point with at most `decimals` decimals, trailing zeros dropped ("4.9", "52.37").
void write_number(std::ostringstream& out, double v, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v == 0.0 ? 0.0 : v);
    std::string s(buffer);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    out << s;
}

void write_ring(std::ostringstream& out, const OGRLinearRing& ring, int decimals) {
    const double scale = std::pow(10.0, decimals);
    auto round = [scale](double v) { return std::round(v * scale) / scale; };
    out << '(';
    bool first = true;
    double last_x = NAN, last_y = NAN;
    const int n = ring.getNumPoints();
    for (int i = 0; i < n; ++i) {
        const double x = round(ring.getX(i)), y = round(ring.getY(i));
        if (x == last_x && y == last_y) continue;  // rounding made it a duplicate
        out << (first ? "" : ",");
        write_number(out, x, decimals);
        out << ' ';
        write_number(out, y, decimals);
        first = false;
        last_x = x;
        last_y = y;
    }
    out << ')';
}

void write_polygon(std::ostringstream& out, const OGRPolygon& polygon, int decimals) {
    out << '(';
    bool first = true;
    for (const auto* ring : polygon) {
        if (!ring || ring->getNumPoints() < 4) continue;
        if (!first) out << ',';
        write_ring(out, *ring, decimals);
        first = false;
    }
    out << ')';
}

void append_polygons(const OGRGeometry& g, std::vector<const OGRPolygon*>& out) {
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon) {
        if (!g.IsEmpty()) out.push_back(g.toPolygon());
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const auto* part : *g.toGeometryCollection())
            if (part) append_polygons(*part, out);
    }
}

}  // namespace

MessageCollector::MessageCollector() { CPLPushErrorHandlerEx(&collect_message, &m_messages); }

MessageCollector::~MessageCollector() { CPLPopErrorHandler(); }

std::string MessageCollector::last_error() const {
    for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it)
        if (it->rfind("error", 0) == 0) return *it;
    return m_messages.empty() ? std::string("unknown GDAL error") : m_messages.back();
}

Layer read_layer(const std::filesystem::path& file, const ReadOptions& options) {
    MessageCollector gdal;
    Layer layer;
    layer.file = file.string();
    if (!std::filesystem::exists(file)) throw ImportError({layer.file}, "no such file");
    GDALDatasetUniquePtr ds(GDALDataset::Open(layer.file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        throw ImportError({layer.file}, "GDAL cannot read it as a vector file (TopoJSON, GeoJSON, GeoPackage, Shapefile)" +
                                            (gdal.messages().empty() ? std::string() : ": " + gdal.last_error()));
    if (ds->GetLayerCount() < 1) throw ImportError({layer.file}, "holds no layer");
    OGRLayer* source = ds->GetLayer(0);
    const OGRFeatureDefn* definition = source->GetLayerDefn();
    const int code_index = definition->GetFieldIndex(options.code_field.c_str());
    const int name_index = definition->GetFieldIndex(options.name_field.c_str());
    auto fields = [definition] {
        std::string s;
        for (int i = 0; i < definition->GetFieldCount(); ++i)
            s += (i ? ", " : "") + std::string(definition->GetFieldDefn(i)->GetNameRef());
        return s;
    };
    if (code_index < 0)
        throw ImportError({layer.file}, "no code field '" + options.code_field + "' (fields: " + fields() + ")");
    if (name_index < 0)
        throw ImportError({layer.file}, "no name field '" + options.name_field + "' (fields: " + fields() + ")");

    // TopoJSON carries no CRS: its coordinates are WGS84 longitude/latitude.
    OGRSpatialReference source_srs = wgs84();
    if (const OGRSpatialReference* srs = source->GetSpatialRef()) {
        source_srs = *srs;
        source_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    const auto to_rd = transformation(source_srs, rd_new());

    std::set<std::string> codes;
    std::size_t number = 0;
    for (auto& feature : *source) {
        ++number;
        const SourceLoc at{layer.file, number, 0};
        std::string code = feature->GetFieldAsString(code_index);
        std::string name = feature->GetFieldAsString(name_index);
        if (code.empty()) throw ImportError(at, "feature without " + options.code_field);
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty())
            throw ImportError(at, "feature " + code + " (" + name + ") has no geometry");
        if (!is_polygonal(*geometry))
            throw ImportError(at, "feature " + code + " (" + name + ") is a " +
                                      OGRGeometryTypeToName(geometry->getGeometryType()) + ", not an area");
        if (!codes.insert(code).second) throw ImportError(at, "code " + code + " occurs twice");
        OGRGeometryUniquePtr rd(geometry->clone());
        if (rd->transform(to_rd.get()) != OGRERR_NONE)
            throw ImportError(at, "feature " + code + ": cannot transform to RD New: " + gdal.last_error());
        const std::string what = layer.file + ": feature " + std::to_string(number) + " (" + code + " " + name + ")";
        layer.features.push_back({std::move(code), std::move(name), number, make_valid(std::move(rd), what, layer.messages)});
    }
    for (const auto& m : gdal.messages()) layer.messages.push_back(layer.file + ": " + m);
    return layer;
}

Layer layer_from_wkt(const std::string& owner, const std::vector<WktFeature>& features) {
    MessageCollector gdal;
    Layer layer;
    layer.file = owner;
    const auto to_rd = transformation(wgs84(), rd_new());
    std::size_t number = 0;
    for (const auto& f : features) {
        ++number;
        const SourceLoc at{owner, number, 0};
        OGRGeometry* raw = nullptr;
        const char* text = f.wkt.c_str();
        const OGRErr rc = OGRGeometryFactory::createFromWkt(text, nullptr, &raw);
        OGRGeometryUniquePtr g(raw);
        if (rc != OGRERR_NONE || !g) throw ImportError(at, "outline of " + f.code + " is not valid WKT");
        if (!is_polygonal(*g)) throw ImportError(at, "outline of " + f.code + " is not an area");
        g->assignSpatialReference(nullptr);  // the transformation says what the coordinates are
        if (g->transform(to_rd.get()) != OGRERR_NONE)
            throw ImportError(at, "outline of " + f.code + ": cannot transform to RD New: " + gdal.last_error());
        layer.features.push_back({f.code, f.name, number, make_valid(std::move(g), owner + ": " + f.code, layer.messages)});
    }
    for (const auto& m : gdal.messages()) layer.messages.push_back(owner + ": " + m);
    return layer;
}

Layer layer_from_outlines(const Dataset& dataset) {
    std::map<std::string, const std::string*> wkt;
    for (const auto& o : dataset.outlines) wkt[o.owner] = &o.wkt;
    std::vector<WktFeature> features;
    std::vector<std::string> missing;
    for (const auto& m : dataset.municipalities) {
        const auto it = wkt.find(m.code);
        if (it == wkt.end()) {
            missing.push_back(m.code);
            continue;
        }
        features.push_back({m.code, m.name, *it->second});
    }
    auto layer = layer_from_wkt("dataset " + dataset.name + " outlines", features);
    for (const auto& code : missing)
        layer.messages.push_back("dataset " + dataset.name + ": municipality " + code + " has no outline");
    return layer;
}

std::vector<NeighbourPair> neighbours(const Layer& layer, double min_border_m) {
    MessageCollector gdal;
    const std::size_t n = layer.features.size();
    std::vector<OGREnvelope> envelopes(n);
    std::vector<OGRGeometryUniquePtr> boundaries(n);
    for (std::size_t i = 0; i < n; ++i) {
        layer.features[i].geometry->getEnvelope(&envelopes[i]);
        boundaries[i].reset(layer.features[i].geometry->Boundary());
    }
    // Sweep over x: candidates are pairs whose envelopes intersect.
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return envelopes[x].MinX < envelopes[y].MinX; });
    std::vector<NeighbourPair> pairs;
    for (std::size_t oi = 0; oi < n; ++oi) {
        const std::size_t i = order[oi];
        for (std::size_t oj = oi + 1; oj < n; ++oj) {
            const std::size_t j = order[oj];
            if (envelopes[j].MinX > envelopes[i].MaxX) break;
            if (!envelopes[i].Intersects(envelopes[j])) continue;
            if (!boundaries[i] || !boundaries[j]) continue;
            OGRGeometryUniquePtr shared(boundaries[i]->Intersection(boundaries[j].get()));
            if (!shared || shared->IsEmpty()) continue;
            const double length = length_m(*shared);
            if (length <= min_border_m || length <= 0.0) continue;
            pairs.push_back({std::min(i, j), std::max(i, j), length});
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const NeighbourPair& x, const NeighbourPair& y) {
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    return pairs;
}

std::vector<std::vector<Share>> shares(const Layer& a, const Layer& b, double min_share) {
    MessageCollector gdal;
    std::vector<OGREnvelope> env_b(b.features.size());
    std::vector<double> area_b(b.features.size());
    for (std::size_t j = 0; j < b.features.size(); ++j) {
        b.features[j].geometry->getEnvelope(&env_b[j]);
        area_b[j] = area_km2(*b.features[j].geometry);
    }
    std::vector<std::vector<Share>> result(a.features.size());
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        const OGRGeometry& ga = *a.features[i].geometry;
        OGREnvelope env_a;
        ga.getEnvelope(&env_a);
        const double area_a = area_km2(ga);
        if (area_a <= 0.0) continue;
        for (std::size_t j = 0; j < b.features.size(); ++j) {
            if (!env_a.Intersects(env_b[j])) continue;
            const OGRGeometry& gb = *b.features[j].geometry;
            double overlap = 0.0;
            if (env_b[j].Contains(env_a) && gb.Contains(&ga)) {
                overlap = area_a;
            } else {
                OGRGeometryUniquePtr cut(ga.Intersection(&gb));
                if (!cut || cut->IsEmpty()) continue;
                overlap = area_km2(*cut);
            }
            const double share = std::min(1.0, overlap / area_a);
            if (share < min_share || share <= 0.0) continue;
            result[i].push_back({j, share, overlap});
        }
        std::sort(result[i].begin(), result[i].end(), [&](const Share& x, const Share& y) {
            if (x.share != y.share) return x.share > y.share;
            return b.features[x.b].code < b.features[y.b].code;
        });
    }
    return result;
}

double area_km2(const OGRGeometry& rd) {
    const auto type = wkbFlatten(rd.getGeometryType());
    double m2 = 0.0;
    if (type == wkbPolygon) m2 = rd.toPolygon()->get_Area();
    else if (type == wkbMultiPolygon) m2 = rd.toMultiPolygon()->get_Area();
    else if (type == wkbGeometryCollection) m2 = rd.toGeometryCollection()->get_Area();
    return m2 / 1e6;
}

LatLon point_on_surface(const OGRGeometry& rd) {
    MessageCollector gdal;
    OGRGeometryUniquePtr point(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&rd)))));
    if (!point || point->IsEmpty() || wkbFlatten(point->getGeometryType()) != wkbPoint)
        throw GeoError("no point on surface: " + gdal.last_error());
    double x = point->toPoint()->getX(), y = point->toPoint()->getY();
    if (!to_wgs84().Transform(1, &x, &y)) throw GeoError("cannot transform a point to WGS84");
    return {y, x};
}

std::string outline_wkt(const OGRGeometry& rd, double tolerance_m, int decimals) {
    MessageCollector gdal;
    OGRGeometryUniquePtr simple(rd.SimplifyPreserveTopology(tolerance_m));
    if (!simple || simple->IsEmpty()) simple.reset(rd.clone());
    if (simple->transform(&to_wgs84()) != OGRERR_NONE) throw GeoError("cannot transform an outline to WGS84");
    std::vector<const OGRPolygon*> polygons;
    append_polygons(*simple, polygons);
    std::ostringstream out;
    out << "MULTIPOLYGON(";
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        if (i) out << ',';
        write_polygon(out, *polygons[i], decimals);
    }
    out << ')';
    return out.str();
}

}  // namespace regionet::geo
