// Boundary importer and src/geo on tiny hand-made files whose areas, borders
// and shares are known exactly (1 km squares in RD New; see
// tests/fixtures/geo/municipalities.geojson for the picture).
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

#include "geo/geo.hpp"
#include "importers/boundary_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using regionet::test::fixture;

namespace {

std::size_t index_of(const geo::Layer& layer, const std::string& code) {
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (layer.features[i].code == code) return i;
    FAIL("no feature " << code);
    return 0;
}

bool has_notice(const ImportReport& report, const std::string& part) {
    return std::any_of(report.notices.begin(), report.notices.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

BoundarySources fixture_sources() {
    BoundarySources s;
    s.municipalities = fixture("geo/municipalities.geojson");
    s.divisions.emplace_back("provincie", fixture("geo/provinces.geojson"));
    s.divisions.emplace_back("testregio", fixture("geo/regions.geojson"));
    s.population = fixture("geo/population.csv");
    s.reference_date = "2024-01-01";
    return s;
}

const Membership* membership(const Dataset& d, const std::string& arrangement, const std::string& code) {
    for (const auto& m : d.memberships)
        if (m.arrangement_id == arrangement && m.municipality_code == code) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("read_layer reads features in file order with areas in km2 measured in RD New", "[importer][geo]") {
    const auto layer = geo::read_layer(fixture("geo/municipalities.geojson"));
    REQUIRE(layer.features.size() == 5);
    CHECK(layer.features[0].code == "GM0001");
    CHECK(layer.features[0].name == "Aa");
    CHECK(layer.features[4].code == "X99");
    CHECK(layer.features[4].number == 5);
    for (const auto& f : layer.features) CHECK(geo::area_km2(*f.geometry) == Approx(1.0).epsilon(1e-9));
}

TEST_CASE("neighbours share a border of positive length; touching at a point is not enough", "[importer][geo]") {
    const auto layer = geo::read_layer(fixture("geo/municipalities.geojson"));
    const auto pairs = geo::neighbours(layer);
    // A-B and A-D share 1 km; B-C and B-D touch at one corner; the island touches nothing.
    REQUIRE(pairs.size() == 2);
    const auto a = index_of(layer, "GM0001"), b = index_of(layer, "GM0002"), d = index_of(layer, "GM0004");
    CHECK(pairs[0].a == a);
    CHECK(pairs[0].b == b);
    CHECK(pairs[0].border_m == Approx(1000.0).epsilon(1e-9));
    CHECK(pairs[1].a == a);
    CHECK(pairs[1].b == d);
    CHECK(pairs[1].border_m == Approx(1000.0).epsilon(1e-9));
    // A border shorter than the threshold is dropped.
    CHECK(geo::neighbours(layer, 1000.5).empty());
}

TEST_CASE("shares give each feature's area share in the features of another layer", "[importer][geo]") {
    const auto m = geo::read_layer(fixture("geo/municipalities.geojson"));
    const auto r = geo::read_layer(fixture("geo/regions.geojson"));
    const auto s = geo::shares(m, r);
    REQUIRE(s.size() == 5);
    const auto& bee = s[index_of(m, "GM0002")];  // x 1000..2000, the region border at 1800
    REQUIRE(bee.size() == 2);
    CHECK(r.features[bee[0].b].code == "RG01");
    CHECK(bee[0].share == Approx(0.8).epsilon(1e-9));
    CHECK(bee[0].area_km2 == Approx(0.8).epsilon(1e-9));
    CHECK(r.features[bee[1].b].code == "RG02");
    CHECK(bee[1].share == Approx(0.2).epsilon(1e-9));
    const auto& aa = s[index_of(m, "GM0001")];
    REQUIRE(aa.size() == 1);
    CHECK(r.features[aa[0].b].code == "RG01");
    CHECK(aa[0].share == Approx(1.0));
    const auto& island = s[index_of(m, "X99")];
    REQUIRE(island.size() == 1);
    CHECK(r.features[island[0].b].code == "RG02");
}

TEST_CASE("TopoJSON has no CRS: it is read as WGS84 and measured in metres", "[importer][geo]") {
    const auto layer = geo::read_layer(fixture("geo/two_squares.topojson"));
    REQUIRE(layer.features.size() == 2);
    // Independent check: a 0.01 x 0.01 degree cell at 52N on a sphere of the
    // authalic radius, R^2 * dlon * (sin(lat2) - sin(lat1)).
    const double pi = std::acos(-1.0), R = 6371.0072;
    const double expected = R * R * (0.01 * pi / 180) * (std::sin(52.01 * pi / 180) - std::sin(52.0 * pi / 180));
    for (const auto& f : layer.features) CHECK(geo::area_km2(*f.geometry) == Approx(expected).epsilon(0.005));
    const auto pairs = geo::neighbours(layer);
    REQUIRE(pairs.size() == 1);
    // 0.01 degree of latitude is about 1.112 km.
    CHECK(pairs[0].border_m == Approx(1112.0).epsilon(0.005));
}

TEST_CASE("outlines are WKT in lon lat order and round-trip through layer_from_wkt", "[importer][geo]") {
    const auto layer = geo::read_layer(fixture("geo/municipalities.geojson"));
    const std::string wkt = geo::outline_wkt(*layer.features[0].geometry);
    REQUIRE(wkt.rfind("MULTIPOLYGON(((", 0) == 0);
    // RD (150000, 450000) lies near 5.3E 52.0N: longitude first.
    const double lon = std::stod(wkt.substr(15));
    CHECK(lon > 5.0);
    CHECK(lon < 5.6);
    const auto back = geo::layer_from_wkt("test", {{"GM0001", "Aa", wkt}});
    REQUIRE(back.features.size() == 1);
    CHECK(geo::area_km2(*back.features[0].geometry) == Approx(1.0).epsilon(0.01));
    CHECK_THROWS_AS(geo::layer_from_wkt("test", {{"GM0001", "Aa", "POLYGON((1 2"}}), ImportError);
}

TEST_CASE("import_boundaries builds municipalities, neighbours, regions with shares and outlines", "[importer][boundary]") {
    ModelBuilder builder("fixture");
    ImportReport report;
    import_boundaries(fixture_sources(), builder, report, {});
    const Dataset d = builder.finish();

    REQUIRE(d.municipalities.size() == 5);
    const auto* aa = d.find_municipality("GM0001");
    REQUIRE(aa);
    CHECK(aa->name == "Aa");
    CHECK(aa->province == "Fryslân");
    CHECK(aa->population == 1000);
    CHECK(aa->area_km2 == Approx(1.0));
    REQUIRE(aa->lat);
    REQUIRE(aa->lon);

    // The point lies inside the stored outline when read as (lon, lat).
    const Outline* outline = nullptr;
    for (const auto& o : d.outlines)
        if (o.owner == "GM0001") outline = &o;
    REQUIRE(outline);
    OGRGeometry* raw = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(outline->wkt.c_str(), nullptr, &raw) == OGRERR_NONE);
    OGRGeometryUniquePtr shape(raw);
    OGRPoint point(*aa->lon, *aa->lat);
    CHECK(shape->Contains(&point));

    // Neighbours with border length in km.
    REQUIRE(d.neighbours.size() == 2);
    CHECK(d.neighbours[0].a == "GM0001");
    CHECK(d.neighbours[0].b == "GM0002");
    CHECK(d.neighbours[0].border_km == Approx(1.0));
    CHECK(d.neighbours[1].b == "GM0004");

    // Regions: arrangements of form regional_division; every municipality in one region per division.
    const auto* west = d.find_arrangement("RG01");
    REQUIRE(west);
    CHECK(west->form == "regional_division");
    CHECK(west->division == "testregio");
    CHECK(west->domain == "testregio");
    CHECK(west->reference_date == "2024-01-01");
    CHECK(d.find_arrangement("PV21")->domain == "bestuur");
    const auto* bee = membership(d, "RG01", "GM0002");
    REQUIRE(bee);
    CHECK(*bee->share == Approx(0.8));
    CHECK(membership(d, "RG02", "GM0002") == nullptr);
    CHECK(membership(d, "RG02", "X99"));
    CHECK(d.memberships.size() == 10);  // 5 municipalities x 2 divisions
    // Outlines of municipalities and regions (RG03 too, although empty).
    CHECK(d.outlines.size() == 5 + 1 + 3);

    CHECK(has_notice(report, "GM0002 Bee lies for 80.0% in RG01 West (largest share, RG02 20.0%)"));
    CHECK(has_notice(report, "feature 3 (RG03 Leeg): region without municipalities"));
    CHECK(has_notice(report, "'X99' is not a CBS municipality code"));
    CHECK_FALSE(has_notice(report, "GM0001 Aa lies"));
}

TEST_CASE("a municipality outside every region is an error naming file and feature", "[importer][boundary]") {
    auto sources = fixture_sources();
    sources.divisions = {{"testregio", fixture("geo/regions_partial.geojson")}};
    sources.population.reset();
    {
        ModelBuilder builder;
        ImportReport report;
        try {
            import_boundaries(sources, builder, report, {});
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(e.where().file == fixture("geo/municipalities.geojson").string());
            CHECK(e.where().line == 5);
            CHECK(e.reason().find("X99 Eiland lies in no region of testregio") != std::string::npos);
        }
    }
    ModelBuilder builder;
    ImportReport report;
    ImportOptions keep_going;
    keep_going.keep_going = true;
    import_boundaries(sources, builder, report, keep_going);
    REQUIRE(report.skipped.size() == 1);
    const auto d = builder.finish();
    CHECK(d.municipalities.size() == 5);  // still imported, only without region
    CHECK(d.memberships.size() == 4);
}

TEST_CASE("bad boundary files are ImportErrors that say where", "[importer][boundary]") {
    SECTION("missing code field lists the fields there are") {
        try {
            geo::read_layer(fixture("geo/other_fields.geojson"));
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(e.reason().find("no code field 'statcode'") != std::string::npos);
            CHECK(e.reason().find("gemcode") != std::string::npos);
        }
        geo::ReadOptions fields;
        fields.code_field = "gemcode";
        fields.name_field = "gemnaam";
        const auto layer = geo::read_layer(fixture("geo/other_fields.geojson"), fields);
        REQUIRE(layer.features.size() == 1);
        CHECK(layer.features[0].code == "GM0001");
    }
    SECTION("a point is not an area") {
        try {
            geo::read_layer(fixture("geo/point_feature.geojson"));
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(e.where().line == 2);
            CHECK(e.reason().find("GM0002 (Punt) is a Point") != std::string::npos);
        }
    }
    SECTION("duplicate code") {
        try {
            geo::read_layer(fixture("geo/duplicate_code.geojson"));
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(e.where().line == 2);
            CHECK(e.reason() == "code GM0001 occurs twice");
        }
    }
    SECTION("not a vector file") {
        CHECK_THROWS_WITH(geo::read_layer(fixture("geo/not_geo.geojson")),
                          Catch::Contains("GDAL cannot read it as a vector file"));
        CHECK_THROWS_WITH(geo::read_layer(fixture("geo/absent.geojson")), Catch::Contains("no such file"));
    }
}

TEST_CASE("population fills municipalities; unknown codes are reported with line and column", "[importer][boundary]") {
    ModelBuilder builder;
    ImportReport report;
    BoundarySources s;
    s.municipalities = fixture("geo/municipalities.geojson");
    import_boundaries(s, builder, report, {});
    try {
        import_population(fixture("geo/population_unknown.csv"), builder, report, {});
        FAIL("no error");
    } catch (const ImportError& e) {
        CHECK(e.where().line == 3);
        CHECK(e.where().column == 1);
        CHECK(e.reason().find("GM9999 (Nergens) is not in the boundary file") != std::string::npos);
    }
    ImportOptions keep_going;
    keep_going.keep_going = true;
    ModelBuilder b2;
    ImportReport r2;
    import_boundaries(s, b2, r2, {});
    import_population(fixture("geo/population_unknown.csv"), b2, r2, keep_going);
    CHECK(r2.skipped.size() == 1);
    CHECK(has_notice(r2, "no population for GM0002 Bee"));
    CHECK(b2.municipality("GM0001")->population == 1000);
}

TEST_CASE("boundary import enriches municipalities already in the builder", "[importer][boundary]") {
    ModelBuilder builder;
    Municipality m;
    m.code = "GM0001";
    m.name = "Aa (own name)";
    m.province = "Groningen";
    m.population = 77;
    builder.add_municipality(m, {"earlier.csv", 2, 0});
    ImportReport report;
    auto sources = fixture_sources();
    import_boundaries(sources, builder, report, {});
    const auto d = builder.finish();
    const auto* aa = d.find_municipality("GM0001");
    CHECK(aa->name == "Aa (own name)");
    CHECK(aa->province == "Groningen");
    CHECK(aa->population == 77);
    CHECK(aa->area_km2 == Approx(1.0));
    CHECK(aa->lat);
}

TEST_CASE("the importer registry picks the boundary importer for boundary files", "[importer][boundary]") {
    CHECK(importer_for(fixture("geo/municipalities.geojson")).name() == "boundaries");
    CHECK(importer_for(fixture("geo/two_squares.topojson")).name() == "boundaries");
    CHECK(division_name_from_file("x/veiligheidsregio_2024.topojson") == "veiligheidsregio");
    CHECK(division_name_from_file("regionale_energiestrategie.gpkg") == "regionale_energiestrategie");
    CHECK(division_name_from_file("gebied_24.gpkg") == "gebied_24");
    CHECK(is_cbs_municipality_code("GM0363"));
    CHECK_FALSE(is_cbs_municipality_code("GM363"));
    CHECK_FALSE(is_cbs_municipality_code("VR13"));
}

namespace {

// Writes `source` in another format (and optionally CRS) with GDAL's ogr2ogr library call.
void translate(const std::filesystem::path& source, const std::filesystem::path& target, const char* format,
               const char* srs = nullptr) {
    GDALDatasetUniquePtr in(GDALDataset::Open(source.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(in);
    std::vector<std::string> args{"-f", format};
    if (srs) {
        args.push_back("-t_srs");
        args.push_back(srs);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    REQUIRE(options);
    GDALDatasetH handle = GDALDataset::ToHandle(in.get());
    int usage_error = 0;
    GDALDatasetUniquePtr out(GDALDataset::FromHandle(
        GDALVectorTranslate(target.string().c_str(), nullptr, 1, &handle, options, &usage_error)));
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(out);
}

}  // namespace

TEST_CASE("GeoPackage and Shapefile give the same municipalities; a file's own CRS is honoured", "[importer][geo]") {
    test::TempDir dir;
    const auto source = fixture("geo/municipalities.geojson");
    translate(source, dir / "gemeenten.gpkg", "GPKG");
    translate(source, dir / "gemeenten.shp", "ESRI Shapefile");
    translate(source, dir / "gemeenten_wgs84.gpkg", "GPKG", "EPSG:4326");
    for (const auto* name : {"gemeenten.gpkg", "gemeenten.shp", "gemeenten_wgs84.gpkg"}) {
        INFO(name);
        const auto layer = geo::read_layer(dir / name);
        REQUIRE(layer.features.size() == 5);
        CHECK(layer.features[1].code == "GM0002");
        // WGS84 round trip moves vertices by millimetres at most.
        for (const auto& f : layer.features) CHECK(geo::area_km2(*f.geometry) == Approx(1.0).epsilon(1e-6));
        const auto pairs = geo::neighbours(layer);
        REQUIRE(pairs.size() == 2);
        CHECK(pairs[0].border_m == Approx(1000.0).epsilon(1e-6));
        CHECK(importer_for(dir / name).name() == "boundaries");
    }
}
