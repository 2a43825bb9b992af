// Layouts as drawn in process: no two node shapes of a drawing intersect, and
// every view survives generated datasets of many sizes with every layout
// engine. These fail when another library of the process takes over one of
// Graphviz's plugin functions (issue 14: neato's normalize() bound to
// librttopo's, brought in by GDAL, switched overlap removal off silently and
// made fdp crash in agclose).
#include <catch2/catch.hpp>
#include <dlfcn.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/graphs.hpp"
#include "analysis/overlap.hpp"
#include "analysis/partition.hpp"
#include "bench/generate.hpp"
#include "importers/bundle_importer.hpp"
#include "capi/graphviz.hpp"
#include "render/map.hpp"
#include "support/test_support.hpp"

using namespace regionet;
namespace map = regionet::render::map;

namespace {

// The drawn shape of one SVG node: its bounding box, and the circle when the
// node is one ellipse with equal radii (municipalities on geographic maps).
struct Shape {
    std::string id;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    int parts = 0;
    bool circle = false;
    double cx = 0, cy = 0, r = 0;
    void add(double x, double y) {
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
};

std::string attr(xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

// Every number pair in a points list or path: "x,y x,y" or "M x,y C x,y ...".
void add_points(Shape& s, const std::string& text) {
    std::string t = text;
    for (auto& c : t)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == 'e')) c = ' ';
    std::istringstream in(t);
    double x = 0, y = 0;
    while (in >> x >> y) s.add(x, y);
}

void collect(xmlNode* n, Shape& s) {
    for (xmlNode* c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(c->name);
        if (name == "ellipse") {
            const double cx = std::stod(attr(c, "cx")), cy = std::stod(attr(c, "cy"));
            const double rx = std::stod(attr(c, "rx")), ry = std::stod(attr(c, "ry"));
            s.add(cx - rx, cy - ry);
            s.add(cx + rx, cy + ry);
            s.circle = std::abs(rx - ry) < 0.01;
            s.cx = cx, s.cy = cy, s.r = rx;
            ++s.parts;
        } else if (name == "polygon" || name == "polyline") {
            add_points(s, attr(c, "points"));
            ++s.parts;
        } else if (name == "path") {
            add_points(s, attr(c, "d"));
            ++s.parts;
        } else if (name != "text" && name != "title") {
            collect(c->children, s);
        }
    }
}

void find_nodes(xmlNode* n, std::vector<Shape>& out) {
    for (xmlNode* c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (std::string(reinterpret_cast<const char*>(c->name)) == "g" && attr(c, "class") == "node") {
            Shape s;
            s.id = attr(c, "id");
            collect(c->children, s);
            if (s.parts != 1) s.circle = false;
            if (s.parts > 0) out.push_back(s);
        } else {
            find_nodes(c->children, out);
        }
    }
}

std::vector<Shape> node_shapes(const std::string& svg) {
    xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "map.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    REQUIRE(doc);
    std::vector<Shape> shapes;
    find_nodes(xmlDocGetRootElement(doc), shapes);
    xmlFreeDoc(doc);
    return shapes;
}

// Pairs of node shapes that intersect by more than `tolerance` points.
std::vector<std::string> intersecting(const std::vector<Shape>& shapes, double tolerance = 0.5) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        for (std::size_t j = i + 1; j < shapes.size(); ++j) {
            const Shape& a = shapes[i];
            const Shape& b = shapes[j];
            bool hit = false;
            if (a.circle && b.circle) {
                hit = std::hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r - tolerance;
            } else {
                hit = std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > tolerance &&
                      std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > tolerance;
            }
            if (hit) out.push_back(a.id + " / " + b.id);
        }
    return out;
}

std::string layout_of(const std::string& dot) {
    const auto at = dot.find("layout=");
    if (at == std::string::npos) return {};
    auto end = dot.find_first_of(",\n]", at);
    std::string v = dot.substr(at + 7, end - at - 7);
    v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
    return v;
}

std::vector<analysis::OverlapRow> overlap_rows(const Dataset& d, double min_jaccard, std::size_t cap) {
    analysis::OverlapOptions o;
    o.min_jaccard = min_jaccard;
    auto rows = analysis::overlap(d, o);
    if (rows.size() > cap) rows.resize(cap);
    return rows;
}

map::Style plain_style() {
    map::Style s;
    s.caption = "generated";
    return s;
}

}  // namespace

TEST_CASE("layout plugins bind their own functions even where GDAL's libraries define the same names",
          "[render][map][layout]") {
    // The clash this guards against is present in this process (the test
    // binary links GDAL): the global `normalize` is librttopo's.
    void* global = dlsym(RTLD_DEFAULT, "normalize");
    Dl_info where{};
    REQUIRE(global);
    REQUIRE(dladdr(global, &where));
    INFO("global normalize comes from " << where.dli_fname);
    CHECK(std::string(where.dli_fname).find("librttopo") != std::string::npos);
    // After a neato layout that removes overlaps (and so calls normalize),
    // the plugin's call slot still points into the plugin itself.
    Dataset d = bench::generate({"tiny", 10, 30, 90}, 1);
    const auto rows = overlap_rows(d, 0.2, 50);
    map::OverlapInput in;
    in.dataset = &d;
    in.rows = &rows;
    map::overlap(in, plain_style(), map::Format::svg);
    const auto bound = gv::binding_of("libgvplugin_neato_layout.so.6", "normalize");
    INFO("neato plugin's normalize bound to " << bound);
    CHECK(bound.find("libgvplugin_neato_layout") != std::string::npos);
}

TEST_CASE("overlap and ego views laid out in process have no intersecting node shapes", "[render][map][layout]") {
    // A dataset whose overlap view has about 60 arrangements (neato) and whose
    // busiest municipality has more than 30 partners (twopi).
    const auto d = bench::generate({"layout", 80, 260, 1400}, 3);
    const auto rows = overlap_rows(d, 0.3, 300);
    REQUIRE(rows.size() > 20);
    map::OverlapInput in;
    in.dataset = &d;
    in.rows = &rows;
    const auto svg = map::overlap(in, plain_style(), map::Format::svg);
    const auto shapes = node_shapes(svg);
    REQUIRE(shapes.size() > 20);
    const auto bad = intersecting(shapes);
    INFO(bad.size() << " intersecting pairs, first: " << (bad.empty() ? "" : bad.front()));
    CHECK(bad.empty());

    std::size_t busiest = 0;
    for (std::size_t i = 0; i < d.municipalities.size(); ++i)
        if (d.memberships_of_municipality()[i].size() > d.memberships_of_municipality()[busiest].size()) busiest = i;
    map::EgoInput ego;
    ego.dataset = &d;
    ego.municipality = busiest;
    const auto ego_svg = map::ego(ego, plain_style(), map::Format::svg);
    const auto ego_bad = intersecting(node_shapes(ego_svg));
    INFO(ego_bad.size() << " intersecting pairs, first: " << (ego_bad.empty() ? "" : ego_bad.front()));
    CHECK(ego_bad.empty());
}

TEST_CASE("every view draws generated datasets of many sizes with every layout engine", "[render][map][layout]") {
    // Sizes chosen so that the force views reach neato (<= 150 nodes), fdp
    // (151-600; the size that crashed) and sfdp (> 600), the ego view dot, the
    // aggregate view circo, the geographic views nop2. (twopi is no longer
    // used: the ego view names the partners it does not draw instead.)
    struct Case {
        std::size_t municipalities, arrangements, memberships;
        unsigned long seed;
    };
    const std::vector<Case> cases{{8, 20, 60, 1},        {40, 150, 700, 2},     {120, 420, 2400, 3},
                                  {300, 1300, 7000, 4}, {700, 2600, 14000, 5}};
    std::set<std::string> engines;
    for (const auto& c : cases) {
        const auto d = bench::generate({"gen", c.municipalities, c.arrangements, c.memberships}, c.seed);
        INFO("generated dataset of " << c.municipalities << " municipalities, seed " << c.seed);
        auto draw = [&](const std::string& view, auto&& f) {
            INFO("view " << view);
            const auto dot = f(map::Format::dot);
            engines.insert(layout_of(dot));
            const auto svg = f(map::Format::svg);
            CHECK(svg.find("</svg>") != std::string::npos);
        };
        const auto p = analysis::project_municipalities(d);
        for (bool geo : {true, false}) {
            map::NetworkInput in;
            in.dataset = &d;
            in.projection = &p;
            auto style = plain_style();
            style.geographic = geo;
            style.max_edges = 800;
            draw(geo ? "network (geographic)" : "network (force)", [&](map::Format f) { return map::network(in, style, f); });
        }
        for (double jaccard : {0.5, 0.2}) {
            const auto rows = overlap_rows(d, jaccard, 300);
            map::OverlapInput in;
            in.dataset = &d;
            in.rows = &rows;
            in.min_jaccard = jaccard;
            draw("overlap", [&](map::Format f) { return map::overlap(in, plain_style(), f); });
        }
        for (std::size_t m : {std::size_t{0}, d.municipalities.size() / 2}) {
            map::EgoInput in;
            in.dataset = &d;
            in.municipality = m;
            draw("ego", [&](map::Format f) { return map::ego(in, plain_style(), f); });
        }
        const auto divisions = d.divisions();
        REQUIRE_FALSE(divisions.empty());
        {
            map::DivisionInput in;
            in.dataset = &d;
            in.division = divisions.front();
            in.region = analysis::division_labels(d, in.division);
            in.projection = &p;
            for (bool geo : {true, false}) {
                auto style = plain_style();
                style.geographic = geo;
                style.max_edges = 800;
                draw("division", [&](map::Format f) { return map::division(in, style, f); });
            }
        }
        {
            std::map<std::string, std::int64_t> province;
            std::vector<std::string> keys;
            for (const auto& m : d.municipalities)
                if (province.emplace(m.province, static_cast<std::int64_t>(keys.size())).second) keys.push_back(m.province);
            std::vector<std::int64_t> label;
            for (const auto& m : d.municipalities) label.push_back(province[m.province]);
            auto in = map::aggregate_input(d, label, keys, keys, "province");
            draw("aggregate", [&](map::Format f) { return map::aggregate(in, plain_style(), f); });
            for (auto& g : in.groups) g.lat.reset(), g.lon.reset();
            draw("aggregate (force)", [&](map::Format f) { return map::aggregate(in, plain_style(), f); });
        }
    }
    for (const char* e : {"neato", "fdp", "sfdp", "dot", "circo", "nop2"}) {
        INFO("engines reached: " << [&] {
            std::string s;
            for (const auto& x : engines) s += x + " ";
            return s;
        }());
        CHECK(engines.count(e) == 1);
    }
}

namespace {

const Dataset& nl_2016() {
    static const Dataset d = [] {
        ModelBuilder b("nl-2016");
        ImportReport report;
        BundleImporter{}.read(test::data_dir() / "nl-2016", b, report, {});
        return b.finish();
    }();
    return d;
}

// The smallest font size in an SVG (points; Graphviz writes font-size="...").
double smallest_font(const std::string& svg) {
    double least = 1e9;
    for (auto at = svg.find("font-size=\""); at != std::string::npos; at = svg.find("font-size=\"", at + 1))
        least = std::min(least, std::stod(svg.substr(at + 11)));
    return least;
}

}  // namespace

TEST_CASE("nl-2016: ego views of Amsterdam, Utrecht and Schiermonnikoog read without overlaps", "[render][map][layout][real]") {
    const auto& d = nl_2016();
    for (const char* code : {"GM0363", "GM0344", "GM0088"}) {
        INFO(code);
        const auto m = d.municipality_index(code);
        REQUIRE(m);
        map::EgoInput in;
        in.dataset = &d;
        in.municipality = *m;
        const auto svg = map::ego(in, plain_style(), map::Format::svg);
        const auto shapes = node_shapes(svg);
        REQUIRE(shapes.size() > 2);
        const auto bad = intersecting(shapes);
        INFO(bad.size() << " intersecting pairs, first: " << (bad.empty() ? "" : bad.front()));
        CHECK(bad.empty());
        CHECK(smallest_font(svg) >= 8.0);  // readable at the SVG's natural size
        // A drawing, not a wall: the municipality, its joint arrangements, at
        // most 40 partners and at most one box of other members per arrangement.
        std::size_t joint = 0;
        for (auto k : d.memberships_of_municipality()[*m]) joint += d.arrangements[d.memberships[k].arrangement].is_region() ? 0 : 1;
        CHECK(shapes.size() <= 1 + 2 * joint + 40);
        CHECK(shapes.size() >= 1 + joint);
    }
}

TEST_CASE("nl-2016: the overlap view and the geographic network have no intersecting node shapes",
          "[render][map][layout][real]") {
    const auto& d = nl_2016();
    const auto rows = overlap_rows(d, 0.5, 300);
    map::OverlapInput in;
    in.dataset = &d;
    in.rows = &rows;
    const auto svg = map::overlap(in, plain_style(), map::Format::svg);
    const auto bad = intersecting(node_shapes(svg));
    INFO(bad.size() << " intersecting pairs in the overlap view, first: " << (bad.empty() ? "" : bad.front()));
    CHECK(bad.empty());

    const auto p = analysis::project_municipalities(d);
    map::NetworkInput net;
    net.dataset = &d;
    net.projection = &p;
    const auto geo = map::network(net, plain_style(), map::Format::svg);
    const auto circles = node_shapes(geo);
    CHECK(circles.size() == d.municipalities.size());
    const auto crowded = intersecting(circles);
    INFO(crowded.size() << " intersecting circles on the map, first: " << (crowded.empty() ? "" : crowded.front()));
    CHECK(crowded.empty());
}
