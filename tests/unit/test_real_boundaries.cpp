// The 2024 Netherlands from the real CBS/PDOK boundary files in
// ../shared/data/real: the facts in its README files are the expectations.
#include <catch2/catch.hpp>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>
#include <set>

#include "analysis/congruence.hpp"
#include "geo/geo.hpp"
#include "importers/boundary_importer.hpp"
#include "importers/csv_reader.hpp"
#include "render/bundle_writer.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using regionet::test::shared_dir;

namespace {

const std::vector<std::string> kDivisions{"veiligheidsregio", "ggdregio", "arbeidsmarktregio",
                                          "jeugdregio", "coropgebied", "regionale_energiestrategie",
                                          "zorgkantoorregio", "regionale_eenheid"};

BoundarySources real_sources() {
    const auto carto = shared_dir() / "data/real/cartomap";
    BoundarySources s;
    s.municipalities = carto / "gemeente_2024.topojson";
    s.divisions.emplace_back("provincie", carto / "provincie_2024.topojson");
    for (const auto& d : kDivisions) s.divisions.emplace_back(d, carto / (d + "_2024.topojson"));
    s.population = shared_dir() / "data/real/cbs/population_2024.csv";
    s.reference_date = "2024-01-01";
    return s;
}

struct Imported {
    Dataset dataset;
    ImportReport report;
};

// Imported once for all tests of this file.
const Imported& nl2024() {
    static const Imported imported = [] {
        Imported r;
        ModelBuilder builder("nl-2024");
        import_boundaries(real_sources(), builder, r.report, {});
        r.dataset = builder.finish();
        return r;
    }();
    return imported;
}

std::string code_of(const Dataset& d, const std::string& name) {
    for (const auto& m : d.municipalities)
        if (m.name == name) return m.code;
    FAIL("no municipality named " << name);
    return {};
}

bool borders(const Dataset& d, const std::string& x, const std::string& y) {
    const auto a = std::min(code_of(d, x), code_of(d, y)), b = std::max(code_of(d, x), code_of(d, y));
    return std::any_of(d.neighbours.begin(), d.neighbours.end(), [&](const Neighbour& n) { return n.a == a && n.b == b; });
}

// municipality code -> region id in a division
std::map<std::string, std::string> partition(const Dataset& d, const std::string& division) {
    std::map<std::string, std::string> p;
    for (const auto& m : d.memberships)
        if (d.arrangements[m.arrangement].division == division) p[m.municipality_code] = m.arrangement_id;
    return p;
}

// Adjusted Rand index (Hubert & Arabie) from the contingency table, written
// out here as an independent check of the congruence pass.
double adjusted_rand(const std::map<std::string, std::string>& x, const std::map<std::string, std::string>& y) {
    std::map<std::pair<std::string, std::string>, double> cells;
    std::map<std::string, double> rows, cols;
    double n = 0;
    for (const auto& [code, a] : x) {
        const auto& b = y.at(code);
        ++cells[{a, b}];
        ++rows[a];
        ++cols[b];
        ++n;
    }
    auto c2 = [](double v) { return v * (v - 1) / 2; };
    double index = 0, sum_rows = 0, sum_cols = 0;
    for (const auto& [k, v] : cells) index += c2(v);
    for (const auto& [k, v] : rows) sum_rows += c2(v);
    for (const auto& [k, v] : cols) sum_cols += c2(v);
    const double expected = sum_rows * sum_cols / c2(n);
    const double max = (sum_rows + sum_cols) / 2;
    return (index - expected) / (max - expected);
}

}  // namespace

TEST_CASE("nl-2024: 342 municipalities with a point inside, area and population", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    REQUIRE(d.municipalities.size() == 342);
    std::int64_t total = 0;
    for (const auto& m : d.municipalities) {
        REQUIRE(m.population);
        total += *m.population;
        REQUIRE(m.lat);
        REQUIRE(m.lon);
        CHECK(*m.lat > 50.7);
        CHECK(*m.lat < 53.6);
        CHECK(*m.lon > 3.3);
        CHECK(*m.lon < 7.3);
        CHECK(*m.area_km2 > 5.0);
    }
    CHECK(total == 17'942'942);
    CHECK(d.find_municipality("GM0014")->population == 243'768);
    CHECK(d.find_municipality("GM0363")->population == 931'298);
    CHECK(d.find_municipality("GM1992")->population == 74'304);
    CHECK(d.find_municipality("GM0088")->population == 972);
    // Amsterdam's point lies in Amsterdam (lat ~52.37, lon ~4.9), not swapped.
    const auto* amsterdam = d.find_municipality("GM0363");
    CHECK(std::abs(*amsterdam->lat - 52.37) < 0.1);
    CHECK(std::abs(*amsterdam->lon - 4.9) < 0.15);
    // CBS gives Amsterdam 219 km2 (land and water); the generalised outline is close.
    CHECK(*amsterdam->area_km2 == Approx(219.0).epsilon(0.05));
}

TEST_CASE("nl-2024: every point lies inside its own stored outline (lon lat order)", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    std::map<std::string, const Outline*> outlines;
    for (const auto& o : d.outlines) outlines[o.owner] = &o;
    std::size_t inside = 0;
    for (const auto& m : d.municipalities) {
        REQUIRE(outlines.count(m.code));
        OGRGeometry* raw = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(outlines[m.code]->wkt.c_str(), nullptr, &raw) == OGRERR_NONE);
        OGRGeometryUniquePtr shape(raw);
        OGRPoint point(*m.lon, *m.lat);
        // Rounding moves vertices by up to about 1 m: a point within 100 m of it counts.
        if (shape->Contains(&point) || shape->Distance(&point) < 0.001) ++inside;
        else WARN(m.code << " " << m.name << " point outside its outline");
    }
    CHECK(inside == 342);
    // Every region has an outline too.
    for (const auto& a : d.arrangements) CHECK(outlines.count(a.id) == 1);
}

TEST_CASE("nl-2024: the province of every municipality is CBS's (85755NED)", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    std::ifstream in(shared_dir() / "data/real/cbs/divisions_2024.csv", std::ios::binary);
    csv::Reader reader(in, "divisions_2024.csv");
    const auto code = reader.require("code"), province = reader.require("province");
    csv::Record r;
    std::size_t checked = 0;
    while (reader.next(r)) {
        const auto* m = d.find_municipality(r.fields[code]);
        REQUIRE(m);
        CHECK(m->province == r.fields[province]);
        ++checked;
    }
    CHECK(checked == 342);
    CHECK(d.find_municipality("GM0080")->province == "Fryslân");  // Leeuwarden
}

TEST_CASE("nl-2024: every division is a partition of all 342 municipalities", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    const std::map<std::string, std::size_t> regions{
        {"provincie", 12},         {"veiligheidsregio", 25},           {"ggdregio", 25},
        {"arbeidsmarktregio", 35}, {"jeugdregio", 42},                 {"coropgebied", 40},
        {"regionale_energiestrategie", 30}, {"zorgkantoorregio", 31}, {"regionale_eenheid", 10}};
    CHECK(d.divisions().size() == 9);
    for (const auto& [division, count] : regions) {
        INFO(division);
        std::set<std::string> ids, with_members;
        for (const auto& a : d.arrangements)
            if (a.division == division) {
                ids.insert(a.id);
                CHECK(a.form == "regional_division");
            }
        CHECK(ids.size() == count);
        std::map<std::string, int> per_municipality;
        for (const auto& m : d.memberships)
            if (ids.count(m.arrangement_id)) {
                ++per_municipality[m.municipality_code];
                with_members.insert(m.arrangement_id);
            }
        CHECK(per_municipality.size() == 342);
        for (const auto& [code, n] : per_municipality) CHECK(n == 1);
        CHECK(with_members == ids);  // no region without municipalities
    }
}

TEST_CASE("nl-2024: Kerkrade's largest region share is reported below 95%", "[real][boundary]") {
    const auto& [d, report] = nl2024();
    bool reported = false;
    for (const auto& n : report.notices)
        if (n.find("veiligheidsregio: GM0928 Kerkrade lies for 88.") != std::string::npos) reported = true;
    CHECK(reported);
    for (const auto& m : d.memberships)
        if (m.municipality_code == "GM0928") CHECK(*m.share == Approx(0.88).margin(0.01));
    for (const auto& m : d.memberships)
        if (m.municipality_code == "GM0363") CHECK(*m.share > 0.97);  // Amsterdam: 98-99% (separate simplification)
    CHECK(report.skipped.empty());
}

TEST_CASE("nl-2024: 850 neighbour pairs, five Wadden islands alone, seven components", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    CHECK(d.neighbours.size() == 850);
    std::map<std::string, std::vector<std::string>> adjacent;
    for (const auto& n : d.neighbours) {
        CHECK(n.border_km > 0.0);
        adjacent[n.a].push_back(n.b);
        adjacent[n.b].push_back(n.a);
    }
    std::set<std::string> alone;
    for (const auto& m : d.municipalities)
        if (!adjacent.count(m.code)) alone.insert(m.name);
    CHECK(alone == std::set<std::string>{"Ameland", "Schiermonnikoog", "Terschelling", "Texel", "Vlieland"});

    // Components by breadth-first search.
    std::map<std::string, int> component;
    int components = 0;
    for (const auto& m : d.municipalities) {
        if (component.count(m.code)) continue;
        std::vector<std::string> queue{m.code};
        component[m.code] = components;
        for (std::size_t i = 0; i < queue.size(); ++i)
            for (const auto& next : adjacent[queue[i]])
                if (component.emplace(next, components).second) queue.push_back(next);
        ++components;
    }
    CHECK(components == 7);
    const int zv = component[code_of(d, "Sluis")];
    std::set<std::string> zeeuws_vlaanderen;
    for (const auto& m : d.municipalities)
        if (component[m.code] == zv) zeeuws_vlaanderen.insert(m.name);
    CHECK(zeeuws_vlaanderen == std::set<std::string>{"Hulst", "Sluis", "Terneuzen"});

    CHECK(borders(d, "Amsterdam", "Amstelveen"));
    CHECK_FALSE(borders(d, "Amsterdam", "Utrecht"));
    CHECK(borders(d, "Sluis", "Terneuzen"));  // no shared arc in the file, yet neighbours
    CHECK(borders(d, "Terneuzen", "Hulst"));
}

TEST_CASE("nl-2024: safety regions and GGD regions nearly coincide (ARI about 0.95)", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    const auto vr = partition(d, "veiligheidsregio"), ggd = partition(d, "ggdregio");
    const double ari = adjusted_rand(vr, ggd);
    CHECK(ari == Approx(0.95).margin(0.03));
    // The police units agree less with the safety regions than the GGD regions do.
    CHECK(adjusted_rand(vr, partition(d, "regionale_eenheid")) < ari - 0.1);
    // A partition agrees perfectly with itself.
    CHECK(adjusted_rand(vr, vr) == Approx(1.0));
    // The congruence pass (igraph) gives the same ARI for every pair of the nine divisions.
    const auto result = analysis::congruence(d, {});
    std::size_t compared = 0;
    for (const auto& pair : result.pairs) {
        if (pair.a == "province" || pair.b == "province") continue;
        INFO(pair.a << " / " << pair.b);
        CHECK(pair.agreement.items == 342);
        CHECK(pair.agreement.ari == Approx(adjusted_rand(partition(d, pair.a), partition(d, pair.b))).margin(1e-9));
        ++compared;
    }
    CHECK(compared == 36);
}

TEST_CASE("nl-2024: outlines stored as WKT give the geometry back (layer_from_outlines)", "[real][boundary]") {
    const auto& d = nl2024().dataset;
    const auto layer = geo::layer_from_outlines(d);
    REQUIRE(layer.features.size() == 342);
    // Stored outlines keep the areas and every
    // municipality's largest overlap in the original file is itself.
    const auto original = geo::read_layer(shared_dir() / "data/real/cartomap/gemeente_2024.topojson");
    const auto s = geo::shares(layer, original);
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        INFO(layer.features[i].code);
        REQUIRE_FALSE(s[i].empty());
        CHECK(original.features[s[i][0].b].code == layer.features[i].code);
        CHECK(s[i][0].share > 0.99);
    }
    // Outlines are stored unsimplified (only rounded to 5 decimals, about 1 m):
    // the neighbour graph computed from them is the same 850 pairs.
    const auto pairs = geo::neighbours(layer);
    CHECK(pairs.size() == 850);
}

TEST_CASE("data/nl-2024 is what the importer makes of the real files (rebuild with scripts/build-nl-2024)",
          "[real][boundary]") {
    Dataset d = nl2024().dataset;  // copy: the committed bundle's dataset.csv carries its own source text
    const auto files = render::bundle_files(d);
    const auto dir = test::data_dir() / "nl-2024";
    REQUIRE(std::filesystem::exists(dir / "municipalities.csv"));
    for (const auto& [file, content] : files) {
        if (file == "dataset.csv") continue;
        INFO(file);
        if (!std::filesystem::exists(dir / file)) {
            CHECK(content.find('\n') == content.rfind('\n'));  // header only: not written
            continue;
        }
        CHECK(test::read_file(dir / file) == content);
    }
}
