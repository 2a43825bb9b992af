// Graphviz maps: DOT golden files, hand-computed projection, escaping,
// smoke tests of SVG/PNG/PDF rendered in process, errors.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <libxml/parser.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "analysis/graphs.hpp"
#include "analysis/overlap.hpp"
#include "analysis/services.hpp"
#include "capi/graphviz.hpp"
#include "render/explorer.hpp"
#include "render/map.hpp"
#include "render/map_services.hpp"
#include "render/map_style.hpp"
#include "render/report_figures.hpp"
#include "render/report_texts.hpp"
#include "support/test_support.hpp"

using namespace regionet;
namespace map = regionet::render::map;
namespace report = regionet::render::report;
namespace detail = regionet::render::map::detail;

namespace {

Municipality municipality(std::string code, std::string name, std::string province, std::optional<std::int64_t> pop,
                          std::optional<double> lat, std::optional<double> lon) {
    Municipality m;
    m.code = std::move(code);
    m.name = std::move(name);
    m.province = std::move(province);
    m.population = pop;
    m.lat = lat;
    m.lon = lon;
    return m;
}

Arrangement arrangement(std::string id, std::string name, std::string domain, std::string division = {}) {
    Arrangement a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.domain = std::move(domain);
    a.form = division.empty() ? "gr_openbaar_lichaam" : "regional_division";
    a.division = std::move(division);
    return a;
}

Membership member(std::string a, std::string m, Role role = Role::member) {
    Membership ms;
    ms.arrangement_id = std::move(a);
    ms.municipality_code = std::move(m);
    ms.role = role;
    return ms;
}

// Four municipalities on a 1-degree square; the projection (count weighting):
// 1-2: a1 a2 r1 = 3; 1-3: a1 = 1; 2-3: a1 = 1; 2-4: a4 = 1; 3-4: a3 r2 = 2.
Dataset small(bool coordinates, const std::string& first_name = "Alpha") {
    Dataset d;
    d.name = "small";
    d.reference_date = "2024";
    auto c = [&](double v) { return coordinates ? std::optional<double>(v) : std::nullopt; };
    d.municipalities = {municipality("GM0001", first_name, "P1", 1000, c(52.0), c(5.0)),
                        municipality("GM0002", "Beta", "P1", 4000, c(52.0), c(6.0)),
                        municipality("GM0003", "Gamma", "P2", 9000, c(51.0), c(5.0)),
                        municipality("GM0004", "Delta", "P2", std::nullopt, c(51.0), c(6.0))};
    d.arrangements = {arrangement("a1", "Afval", "afval"), arrangement("a2", "Belasting", "belastingen"),
                      arrangement("a3", "ICT", "ict"), arrangement("a4", "Werk", "werk"),
                      arrangement("r1", "Region North", "veiligheid", "vr"),
                      arrangement("r2", "Region South", "veiligheid", "vr")};
    d.memberships = {member("a1", "GM0001", Role::host), member("a1", "GM0002"), member("a1", "GM0003"),
                     member("a2", "GM0001"), member("a2", "GM0002"), member("a3", "GM0003"),
                     member("a3", "GM0004", Role::client), member("a4", "GM0002"), member("a4", "GM0004"),
                     member("r1", "GM0001"), member("r1", "GM0002"), member("r2", "GM0003"), member("r2", "GM0004")};
    d.reindex();
    return d;
}

// English, as the golden DOT files were written (the views default to Dutch,
// as the report; "map texts in Dutch" below checks that).
map::Style quiet_style() {
    map::Style s;
    s.lang = report::Lang::en;
    s.caption = "Dataset small (2024)";
    return s;
}

// What a reader of an SVG sees: its text elements and its tooltips
// (xlink:title), entities for '-' and quotes decoded.
std::string visible_text(const std::string& svg) {
    std::string out;
    static const std::regex text_re(R"re(<text[^>]*>([^<]*)</text>)re");
    static const std::regex title_re(R"re(xlink:title="([^"]*)")re");
    for (const auto* re : {&text_re, &title_re})
        for (auto it = std::sregex_iterator(svg.begin(), svg.end(), *re); it != std::sregex_iterator(); ++it)
            out += (*it)[1].str() + "\n";
    for (const auto& [entity, c] : std::vector<std::pair<std::string, std::string>>{{"&#45;", "-"}, {"&#160;", " "}, {"&#10;", "\n"}, {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
        for (auto at = out.find(entity); at != std::string::npos; at = out.find(entity, at + c.size()))
            out.replace(at, entity.size(), c);
    return out;
}

bool well_formed_xml(const std::string& text) {
    xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "map.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    const bool ok = doc != nullptr;
    if (doc) xmlFreeDoc(doc);
    return ok;
}

// Runs f with stderr redirected to a temporary file; returns what was written.
template <typename F>
std::string captured_stderr(F&& f) {
    test::TempDir dir;
    const auto path = (dir / "stderr.txt").string();
    std::fflush(stderr);
    const int saved = ::dup(2);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 2);
    ::close(fd);
    try {
        f();
    } catch (...) {
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        throw;
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    return test::read_file(path);
}

// Reads DOT text back with cgraph and returns an attribute of a node.
std::string node_attr(const std::string& dot, const std::string& node, const std::string& attr) {
    std::vector<char> text(dot.begin(), dot.end());
    text.push_back('\0');
    gv::GraphPtr g(agmemread(text.data()));
    REQUIRE(g);
    std::vector<char> n(node.begin(), node.end());
    n.push_back('\0');
    Agnode_t* nd = agnode(g.get(), n.data(), 0);
    REQUIRE(nd);
    std::vector<char> a(attr.begin(), attr.end());
    a.push_back('\0');
    const char* v = agget(nd, a.data());
    return v ? v : "";
}

std::string graph_attr(const std::string& dot, const std::string& attr) {
    std::vector<char> text(dot.begin(), dot.end());
    text.push_back('\0');
    gv::GraphPtr g(agmemread(text.data()));
    REQUIRE(g);
    std::vector<char> a(attr.begin(), attr.end());
    a.push_back('\0');
    const char* v = agget(g.get(), a.data());
    return v ? v : "";
}

}  // namespace

TEST_CASE("map formats come from names and file extensions", "[render][map]") {
    CHECK(map::parse_format("svg") == map::Format::svg);
    CHECK(map::parse_format("pdf") == map::Format::pdf);
    CHECK_THROWS_AS(map::parse_format("jpg"), UsageError);
    CHECK(map::format_from_path("out/network.PNG") == map::Format::png);
    CHECK(map::format_from_path("a.gv") == map::Format::dot);
    CHECK_FALSE(map::format_from_path("folder.svg/file").has_value());
    CHECK_FALSE(map::format_from_path("-").has_value());
}

TEST_CASE("map text escaping keeps names intact and harmless", "[render][map]") {
    CHECK(detail::label_text("A\\N \"q\"\nline") == "A\\\\N \"q\"\\nline");
    CHECK(detail::html_text("<b>&'\"\n") == "&lt;b&gt;&amp;&#39;&quot;<br/>");
    CHECK(detail::id_safe("GM0363") == "GM0363");
    CHECK(detail::id_safe("a b/\xc3\xa9") == "a_20b_2f_c3_a9");
    CHECK(detail::integer(931298) == "931,298");
    CHECK(detail::integer(-1000) == "-1,000");
    CHECK(detail::integer(999) == "999");
}

TEST_CASE("map projection is equirectangular scaled by cos(mean latitude), north up", "[render][map]") {
    // Extent lon 5..6, lat 51..52: width 1 * cos(51.5 deg) = 0.62251, height 1; larger side -> 1000 pt.
    detail::Projector p({{5.0, 51.0}, {6.0, 52.0}}, 1000.0);
    const double c = std::cos(51.5 * 3.14159265358979323846 / 180.0);
    auto [x, y] = p(6.0, 52.0);
    CHECK(x == Approx(1000.0 * c));
    CHECK(y == Approx(1000.0));
    auto [x0, y0] = p(5.0, 51.0);
    CHECK(x0 == Approx(0.0));
    CHECK(y0 == Approx(0.0));
    CHECK(p.height() == Approx(1000.0));
    CHECK(p.width() == Approx(622.51).epsilon(1e-4));
}

TEST_CASE("map WKT outlines: outer rings of polygons and multipolygons", "[render][map]") {
    const auto one = detail::outer_rings("POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.3 0.2, 0.3 0.3, 0.2 0.2))", "x");
    REQUIRE(one.size() == 1);
    CHECK(one[0].size() == 4);
    CHECK(one[0][1] == std::pair<double, double>(1.0, 0.0));
    const auto two = detail::outer_rings("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 6,5 5),(5.1 5.1,5.2 5.1,5.2 5.2,5.1 5.1)))", "x");
    REQUIRE(two.size() == 2);
    CHECK(two[1].size() == 5);
    CHECK(two[1][2] == std::pair<double, double>(6.0, 6.0));
    CHECK_THROWS_WITH(detail::outer_rings("LINESTRING (0 0, 1 1)", "GM0001"), Catch::Contains("GM0001"));
    CHECK_THROWS_AS(detail::outer_rings("POLYGON ((0 0, 1 0, 1 1, 0 0)", "GM0001"), RenderError);
    CHECK_THROWS_AS(detail::outer_rings("POLYGON ((0 0, x 0, 1 1, 0 0))", "GM0001"), RenderError);
}

TEST_CASE("map colours: adjacent groups differ, diameters grow with the square root", "[render][map]") {
    // A triangle of groups 0-1-2 plus 3 adjacent to all: four distinct slots.
    const auto slots = detail::colour_slots(4, {{0, 1}, {1, 2}, {0, 2}, {0, 3}, {1, 3}, {2, 3}});
    for (std::size_t a = 0; a < 4; ++a)
        for (std::size_t b = a + 1; b < 4; ++b) CHECK(slots[a] != slots[b]);
    CHECK(detail::palette().size() == 16);
    const auto d = detail::diameters({0.0, 25.0, 100.0}, 3, 0.1, 0.5, 0.2);
    CHECK(d[0] == Approx(0.1));
    CHECK(d[2] == Approx(0.5));
    // area ~ value: d^2 = 0.01 + (0.25 - 0.01) * 0.25
    CHECK(d[1] * d[1] == Approx(0.01 + 0.24 * 0.25));
    CHECK(detail::diameters({}, 2, 0.1, 0.5, 0.2) == std::vector<double>{0.2, 0.2});
    CHECK(detail::tint("#000000", 0.5) == "#808080");
}

TEST_CASE("map ties: the cap keeps the strongest and never splits a weight", "[render][map]") {
    analysis::Projection p;
    p.vertex_count = 4;
    p.edges = {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}};
    p.weights = {3, 1, 1, 1, 3};
    auto s = detail::select_ties(p, 1, 10);
    CHECK(s.edges.size() == 5);
    s = detail::select_ties(p, 1, 3);  // three would split the weight-1 ties: only the two 3s
    CHECK(s.edges == std::vector<std::size_t>{0, 4});
    CHECK(s.threshold == 3);
    CHECK(s.eligible == 5);
    s = detail::select_ties(p, 2, 10);
    CHECK(s.edges.size() == 2);
    p.weights = {1, 2, 3, 4, 5};
    s = detail::select_ties(p, 1, 2);
    CHECK(s.edges == std::vector<std::size_t>{3, 4});
    CHECK(s.threshold == 4);
}

TEST_CASE("map network DOT: force layout without coordinates (golden)", "[render][map][golden]") {
    const auto d = small(false);
    const auto p = analysis::project_municipalities(d);
    map::NetworkInput in;
    in.dataset = &d;
    in.projection = &p;
    map::ColourEncoding colour;
    colour.by = "province";
    colour.names = {"P1", "P2"};
    colour.group = {0, 0, 1, 1};
    in.colour = colour;
    in.size.measure = "population";
    in.size.values = {1000, 4000, 9000, 0};
    const auto dot = map::network(in, quiet_style(), map::Format::dot);
    CHECK(test::check_golden(dot, "map/network_small.dot") == "");
    // The strongest tie (3 shared) is the widest; nodes link to profiles.
    CHECK(node_attr(dot, "GM0001", "URL") == "#m-GM0001");
    CHECK(node_attr(dot, "GM0003", "id") == "map-GM0003");
    CHECK(node_attr(dot, "GM0003", "fillcolor") == node_attr(dot, "GM0004", "fillcolor"));
    CHECK(node_attr(dot, "GM0001", "fillcolor") != node_attr(dot, "GM0003", "fillcolor"));
    CHECK(std::stod(node_attr(dot, "GM0003", "width")) > std::stod(node_attr(dot, "GM0002", "width")));
}

TEST_CASE("map network DOT: pinned at projected coordinates, outlines behind (golden)", "[render][map][golden]") {
    auto d = small(true);
    // Squares of 0.2 degree around each point.
    for (const auto& m : d.municipalities) {
        const double x = *m.lon, y = *m.lat;
        auto f = [](double v) { return detail::fixed(v, 1); };
        d.outlines.push_back({m.code, "POLYGON ((" + f(x - 0.1) + " " + f(y - 0.1) + ", " + f(x + 0.1) + " " + f(y - 0.1) +
                                          ", " + f(x + 0.1) + " " + f(y + 0.1) + ", " + f(x - 0.1) + " " + f(y + 0.1) +
                                          ", " + f(x - 0.1) + " " + f(y - 0.1) + "))"});
    }
    d.reindex();
    const auto p = analysis::project_municipalities(d);
    map::NetworkInput in;
    in.dataset = &d;
    in.projection = &p;
    in.min_weight = 2;
    auto style = quiet_style();
    const auto dot = map::network(in, style, map::Format::dot);
    CHECK(test::check_golden(dot, "map/network_geo.dot") == "");
    // Extent with outlines: lon 4.9..6.1, lat 50.9..52.1, cos(51.5) = 0.622515;
    // width 0.747 < height 1.2 -> scale 1000 / 1.2. GM0002 (6.0, 52.0):
    // x = 1.1 * 0.622515 * 833.33 = 570.64, y = 1.1 * 833.33 = 916.67.
    CHECK(node_attr(dot, "GM0002", "pos") == "570.64,916.67");
    CHECK(node_attr(dot, "GM0003", "pos") == "51.88,83.33");
    // Only ties with 2 or more shared arrangements: 1-2 and 3-4.
    CHECK(dot.find("GM0001 -- GM0002") != std::string::npos);
    CHECK(dot.find("GM0003 -- GM0004") != std::string::npos);
    CHECK(dot.find("GM0001 -- GM0003") == std::string::npos);
    CHECK(graph_attr(dot, "_background").find("c 7 -#FFFFFF C 7 -#E8ECF0 P 5") != std::string::npos);

    style.outlines = false;
    const auto plain = map::network(in, style, map::Format::dot);
    CHECK(plain.find("_background") == std::string::npos);
    style.geographic = false;
    CHECK(node_attr(map::network(in, style, map::Format::dot), "GM0002", "pos").empty());
}

TEST_CASE("map ego, overlap, division, aggregate DOT (golden)", "[render][map][golden]") {
    const auto d = small(false);
    auto style = quiet_style();

    map::EgoInput ego;
    ego.dataset = &d;
    ego.municipality = 2;  // GM0003 Gamma
    const auto ego_dot = map::ego(ego, style, map::Format::dot);
    CHECK(test::check_golden(ego_dot, "map/ego_gamma.dot") == "");
    CHECK(graph_attr(ego_dot, "root").empty());  // three partners: columns, not radial
    CHECK(graph_attr(ego_dot, "rankdir") == "LR");
    // Gamma is in a1 (hosted by Alpha), a3 (Delta client), r2: partners Alpha, Beta, Delta.
    CHECK(ego_dot.find("\"a:a1\" -> GM0001") != std::string::npos);
    CHECK(ego_dot.find("\"a:a3\" -> GM0004") != std::string::npos);
    CHECK(ego_dot.find("\"a:r2\"") == std::string::npos);  // a region: listed under the title, not drawn
    CHECK(ego_dot.find("Region South (vr)") != std::string::npos);
    ego.regions = true;
    ego.min_shared = 2;  // with regions drawn, only Delta shares two (a3, r2)
    const auto ego2 = map::ego(ego, style, map::Format::dot);
    CHECK(ego2.find("\"a:a3\" -> GM0004") != std::string::npos);
    CHECK(ego2.find("-> GM0001") == std::string::npos);
    CHECK(ego2.find("2 sharing fewer left out") != std::string::npos);

    analysis::OverlapOptions oo;
    oo.min_jaccard = 0.3;
    const auto rows = analysis::overlap(d, oo);
    map::OverlapInput ov;
    ov.dataset = &d;
    ov.rows = &rows;
    ov.min_jaccard = 0.3;
    const auto overlap_dot = map::overlap(ov, style, map::Format::dot);
    CHECK(test::check_golden(overlap_dot, "map/overlap_small.dot") == "");
    // a2 {1,2} lies inside a1 {1,2,3}: an arrow from the smaller into the larger.
    CHECK(overlap_dot.find("a2 -> a1") != std::string::npos);

    const auto ordinary = analysis::apply(d, [] {
        analysis::Filter f;
        f.division = "none";
        return f;
    }());
    const auto p = analysis::project_municipalities(ordinary);
    map::DivisionInput div;
    div.dataset = &d;
    div.division = "vr";
    div.region = {4, 4, 5, 5};
    div.projection = &p;
    const auto division_dot = map::division(div, style, map::Format::dot);
    CHECK(test::check_golden(division_dot, "map/division_vr.dot") == "");
    // Clusters in the order they were made (not by the address of their names).
    CHECK(division_dot.find("subgraph cluster_0") < division_dot.find("subgraph cluster_1"));
    // Ties 1-3, 2-3 (a1) and 2-4 (a4) cross North/South; 1-2 (a1, a2) and 3-4 (a3) do not.
    CHECK(division_dot.find("2 of 4 arrangements cross") != std::string::npos);
    CHECK(division_dot.find("3 of 5 ties drawn cross") != std::string::npos);

    const auto agg = map::aggregate_input(d, {0, 0, 1, 1}, {"P1", "P2"}, {"P1", "P2"}, "province");
    REQUIRE(agg.groups.size() == 2);
    CHECK(agg.groups[0].municipalities == 2);
    CHECK(agg.groups[0].population == 5000);
    CHECK_FALSE(agg.groups[0].lat.has_value());
    // a1 (1,2,3) and a4 (2,4) have members in both provinces; a2, a3 and the regions do not.
    REQUIRE(agg.ties.size() == 1);
    CHECK(agg.ties[0].arrangements == 2);
    const auto agg_dot = map::aggregate(agg, style, map::Format::dot);
    CHECK(test::check_golden(agg_dot, "map/aggregate_province.dot") == "");
    const auto with_regions = map::aggregate_input(small(true), {0, 1, 0, 1}, {"N", "S"}, {"N", "S"}, "x", true);
    // Grouping 1,3 vs 2,4: a1, a2, a3? (3,4 split) a4 (2,4 same) ... counted by hand:
    // a1 {1,2,3} both, a2 {1,2} both, a3 {3,4} both, a4 {2,4} S only, r1 {1,2} both, r2 {3,4} both.
    REQUIRE(with_regions.ties.size() == 1);
    CHECK(with_regions.ties[0].arrangements == 5);
    CHECK(with_regions.groups[0].lat == Approx(51.5));
    CHECK(with_regions.groups[1].lon == Approx(6.0));
}

TEST_CASE("map DOT is the same before and after a layout ran in the process", "[render][map][golden]") {
    const auto d = small(false);
    const auto p = analysis::project_municipalities(d);
    map::NetworkInput in;
    in.dataset = &d;
    in.projection = &p;
    const auto before = map::network(in, quiet_style(), map::Format::dot);
    (void)map::network(in, quiet_style(), map::Format::svg);
    map::EgoInput ego;
    ego.dataset = &d;
    (void)map::ego(ego, quiet_style(), map::Format::svg);
    CHECK(map::network(in, quiet_style(), map::Format::dot) == before);
}

TEST_CASE("map SVG, PNG and PDF render in process", "[render][map][smoke]") {
    const auto d = small(true);
    const auto p = analysis::project_municipalities(d);
    map::NetworkInput in;
    in.dataset = &d;
    in.projection = &p;
    std::string svg;
    const auto err = captured_stderr([&] { svg = map::network(in, quiet_style(), map::Format::svg); });
    CHECK(err.empty());
    CHECK(well_formed_xml(svg));
    CHECK(svg.find("id=\"map&#45;GM0001\"") != std::string::npos);  // Graphviz writes '-' as &#45; in ids
    CHECK(svg.find("xlink:href=\"#m-GM0004\"") != std::string::npos);
    CHECK(svg.find("Beta (GM0002)") != std::string::npos);  // tooltip
    CHECK(svg.find("Cooperation network") != std::string::npos);

    const auto png = map::network(in, quiet_style(), map::Format::png);
    REQUIRE(png.size() > 8);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    const auto pdf = map::network(in, quiet_style(), map::Format::pdf);
    CHECK(pdf.substr(0, 5) == "%PDF-");

    map::EgoInput ego;
    ego.dataset = &d;
    ego.municipality = 0;
    const auto ego_svg = map::ego(ego, quiet_style(), map::Format::svg);
    CHECK(well_formed_xml(ego_svg));
    CHECK(ego_svg.find("class=\"edge\"") != std::string::npos);  // edges drawn (splines declared right)
    const auto agg = map::aggregate(map::aggregate_input(d, {0, 0, 1, 1}, {"P1", "P2"}, {"P1", "P2"}, "province"),
                                    quiet_style(), map::Format::svg);
    CHECK(well_formed_xml(agg));
}

TEST_CASE("map hostile names come out intact and harmless", "[render][map]") {
    const std::string hostile = "Quote \" <b>angle</b> back\\slash \\N\nnew & line";
    const auto d = small(true, hostile);
    const auto p = analysis::project_municipalities(d);
    map::NetworkInput in;
    in.dataset = &d;
    in.projection = &p;
    auto style = quiet_style();
    style.geographic = false;  // force layout draws every name
    style.title = "Title <with> \"quotes\" & \\N";
    const auto dot = map::network(in, style, map::Format::dot);
    // Read back, the label is the escString of the name: no \N substitution, a real line break.
    CHECK(node_attr(dot, "GM0001", "xlabel") == detail::label_text(hostile));
    std::string svg;
    const auto err = captured_stderr([&] { svg = map::network(in, style, map::Format::svg); });
    CHECK(err.empty());
    REQUIRE(well_formed_xml(svg));
    CHECK(svg.find("<b>angle") == std::string::npos);
    CHECK(svg.find("&lt;b&gt;angle&lt;/b&gt; back\\slash \\N") != std::string::npos);
    CHECK(svg.find("Title &lt;with&gt; &quot;quotes&quot; &amp; \\N") != std::string::npos);
    map::EgoInput ego;
    ego.dataset = &d;
    CHECK(well_formed_xml(map::ego(ego, style, map::Format::svg)));
}

TEST_CASE("map errors: too large, bad outlines, Graphviz failures", "[render][map]") {
    const auto d = small(false);
    const auto p = analysis::project_municipalities(d);
    map::NetworkInput in;
    in.dataset = &d;
    in.projection = &p;
    auto style = quiet_style();
    style.max_nodes = 3;
    CHECK_THROWS_WITH(map::network(in, style, map::Format::svg),
                      Catch::Contains("4 nodes") && Catch::Contains("aggregate") && Catch::Contains("--province"));

    auto geo = small(true);
    geo.outlines.push_back({"GM0002", "POLYGON ((5 51, 6 51"});
    geo.reindex();
    const auto gp = analysis::project_municipalities(geo);
    in.dataset = &geo;
    in.projection = &gp;
    CHECK_THROWS_WITH(map::network(in, quiet_style(), map::Format::svg), Catch::Contains("outline of GM0002"));

    // A Graphviz error (unknown layout engine) comes back as a RenderError, silently.
    auto g = gv::open_graph("x", false);
    detail::declare_all(g.get());
    std::string message;
    const auto err = captured_stderr([&] {
        try {
            detail::finish(g.get(), "no-such-engine", map::Format::svg);
        } catch (const RenderError& e) {
            message = e.what();
        }
    });
    CHECK(err.empty());
    CHECK(message.find("no-such-engine") != std::string::npos);
}

// A map the report cannot draw is a note in the report's language: the reason
// too, not the command line's English advice (it read "Een kaart is niet
// getekend: Samenwerkingsnetwerk: the network map would have ... nodes").
TEST_CASE("report maps: a map too large to draw is a note in the report's language", "[render][map][report]") {
    Dataset d;
    d.name = "large";
    for (int i = 0; i < 3001; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "GM%04d", i);
        d.municipalities.push_back(municipality(code, "M" + std::to_string(i), "P", std::nullopt, std::nullopt, std::nullopt));
    }
    d.arrangements = {arrangement("a1", "Afval", "afval")};
    d.memberships = {member("a1", "GM0000"), member("a1", "GM0001")};
    d.reindex();
    analysis::ReportResults r;
    r.projection = analysis::project_municipalities(d);
    REQUIRE(!r.projection->edges.empty());  // so the report tries the network map, with 3,001 nodes (3,000 allowed)

    const auto nl = report::draw_report_maps(d, r, "large", "", report::Lang::nl);
    CHECK(nl.figures.empty());
    REQUIRE(nl.notes.size() == 1);
    CHECK(nl.notes[0] == report::tr(report::Lang::nl, "map.network.title") +
                             ": de kaart zou 3.001 punten krijgen, meer dan de 3.000 die een tekening leesbaar kan tonen; "
                             "met een kleinere afbakening (een provincie, een regio of een domein) wordt hij wel getekend");
    for (const char* english : {"map", "nodes", "would", "narrow", "--"}) {
        INFO(english);
        CHECK_THAT(nl.notes[0], !Catch::Contains(english));
    }
    const auto en = report::draw_report_maps(d, r, "large", "", report::Lang::en);
    REQUIRE(en.notes.size() == 1);
    CHECK_THAT(en.notes[0], Catch::Contains("the map would have 3,001 nodes, more than the 3,000"));

    // Any other failure: the reason in words, the technical message beside it.
    CHECK(report::not_drawn_reason(report::Lang::nl, RenderError("graphviz: layout with neato failed")) ==
          "het tekenen mislukte (technische melding: graphviz: layout with neato failed)");
    CHECK(report::not_drawn_reason(report::Lang::en, map::TooLargeError("overlap", 12, 10)) ==
          "the map would have 12 nodes, more than the 10 a drawing can show legibly; a narrower scope (a province, a region or a "
          "domain) draws it");
}

// The explorer names forms as the report does (report::form_label): its page
// showed the codes (gr_openbaar_lichaam) in profiles and the form filter. The
// page's script shows a form only through D.form_names (its self-test checks
// the profile and the filter in Chromium, tests/e2e/explorer_check.sh).
TEST_CASE("explorer: forms carry the report's names in the page's language", "[render][explorer]") {
    auto d = small(false);
    d.arrangements[1].form = "ssc";
    d.arrangements[3].form = "een_eigen_vorm";  // unknown to the catalogue: shown as written
    for (const auto lang : {report::Lang::nl, report::Lang::en}) {
        render::explorer::Input in;
        in.dataset = &d;
        in.lang = lang;
        const auto page = render::explorer::page(in);
        const std::string open = "<script type=\"application/json\" id=\"data\">";
        const auto from = page.find(open);
        REQUIRE(from != std::string::npos);
        const auto to = page.find("</script>", from);
        const auto data = nlohmann::json::parse(page.substr(from + open.size(), to - from - open.size()));
        const auto expected = lang == report::Lang::nl
                                  ? nlohmann::json{{"een_eigen_vorm", "een_eigen_vorm"},
                                                   {"gr_openbaar_lichaam", "GR openbaar lichaam"},
                                                   {"regional_division", "Regio-indeling"},
                                                   {"ssc", "Shared service center (SSC)"}}
                                  : nlohmann::json{{"een_eigen_vorm", "een_eigen_vorm"},
                                                   {"gr_openbaar_lichaam", "Joint arrangement (public body)"},
                                                   {"regional_division", "Regional division"},
                                                   {"ssc", "Shared service centre"}};
        CHECK(data["form_names"] == expected);
        for (const auto& [code, name] : expected.items()) CHECK(name == report::form_label(lang, code));
        CHECK(page.find("formName(a[3])") != std::string::npos);
        CHECK(page.find("row(T.form, a[3])") == std::string::npos);  // the code itself, as before
    }
}

TEST_CASE("map command: formats, views and usage errors", "[render][map][app]") {
    test::TempDir dir;
    const auto db = (dir / "m.db").string();
    auto run = [&](std::vector<std::string> args) {
        std::vector<std::string> all{"--db", db, "--dataset", "ambtelijke-fusies", "-q", "map"};
        all.insert(all.end(), args.begin(), args.end());
        return test::run_regionet(all);
    };
    auto r = run({"--format", "dot"});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("graph network {", 0) == 0);
    r = run({"--out", (dir / "n.svg").string(), "--color", "province", "--size", "degree"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(well_formed_xml(test::read_file(dir / "n.svg")));
    r = run({"ego", "Wijchen", "--out", (dir / "e.pdf").string()});
    CHECK(r.status == 0);
    CHECK(test::read_file(dir / "e.pdf").substr(0, 5) == "%PDF-");
    r = run({"overlap", "--threshold", "0.2", "--format", "svg"});
    CHECK(r.status == 0);
    CHECK(well_formed_xml(r.out));
    r = run({"aggregate", "--format", "dot"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Noord-Holland") != std::string::npos);
    // Same bytes twice: no timestamps.
    CHECK(run({"--format", "svg"}).out == run({"--format", "svg"}).out);

    CHECK(run({"--out", (dir / "x.jpg").string()}).status == 2);
    CHECK(run({"--format", "png"}).status == 2);  // PNG to a terminal
    CHECK(run({"ego", "Nowhere"}).status == 2);
    r = run({"division", "nosuch"});
    CHECK(r.status == 2);
    CHECK(r.err.find("no division") != std::string::npos);
    CHECK(run({"--color", "division:nosuch"}).status == 2);
}

TEST_CASE("map ego with many partners names the others per arrangement", "[render][map]") {
    Dataset d;
    d.name = "many";
    d.arrangements = {arrangement("big", "Big", "afval"), arrangement("duo", "Duo", "ict"),
                      arrangement("vr1", "Region One", "veiligheid", "vr")};
    for (int i = 0; i < 45; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "GM%04d", i);
        d.municipalities.push_back(municipality(code, "M" + std::to_string(i), "P", std::nullopt, std::nullopt, std::nullopt));
        d.memberships.push_back(member("big", code));
        d.memberships.push_back(member("vr1", code));
    }
    d.memberships.push_back(member("duo", "GM0000"));
    d.memberships.push_back(member("duo", "GM0007"));
    d.reindex();
    map::EgoInput ego;
    ego.dataset = &d;
    ego.municipality = 0;
    const auto dot = map::ego(ego, quiet_style(), map::Format::dot);
    CHECK(graph_attr(dot, "layout") == "dot");
    // 44 partners, more than 40: only M7 shares two and is drawn; 43 named in Big's box.
    CHECK(dot.find("44 partners in 2 joint arrangements") != std::string::npos);
    CHECK(node_attr(dot, "GM0007", "label") == "M7");
    CHECK(node_attr(dot, "others:big", "label").rfind("+ 43 other members:", 0) == 0);
    CHECK(dot.find("the other 43 are named") != std::string::npos);
    // The region is listed, not drawn.
    CHECK(dot.find("\"a:vr1\"") == std::string::npos);
    CHECK(dot.find("Region One (vr)") != std::string::npos);
    const auto svg = map::ego(ego, quiet_style(), map::Format::svg);
    CHECK(well_formed_xml(svg));
    ego.min_shared = 2;  // only M7 shares two: drawn alone, nobody summarised
    const auto two = map::ego(ego, quiet_style(), map::Format::dot);
    CHECK(two.find("others:big") == std::string::npos);
    CHECK(two.find("43 sharing fewer left out") != std::string::npos);
    ego.min_shared = 1;
    ego.regions = true;  // regions drawn as arrangements on request
    CHECK(map::ego(ego, quiet_style(), map::Format::dot).find("\"a:vr1\"") != std::string::npos);
}

TEST_CASE("map texts in Dutch: titles, legends, notes and tooltips, no English left", "[render][map]") {
    auto d = small(true);
    const auto p = analysis::project_municipalities(d);
    map::Style nl;
    nl.caption = "Gegevens small (2024)";
    REQUIRE(nl.lang == report::Lang::nl);  // the default, as the report's
    auto en = nl;
    en.lang = report::Lang::en;

    auto network = [&](const map::Style& style) {
        map::NetworkInput in;
        in.dataset = &d;
        in.projection = &p;
        in.size.measure = report::tr(style.lang, "map.measure.population");
        in.size.values = {1000, 4000, 9000, 0};
        in.colour.by = report::tr(style.lang, "map.colour.province");
        in.colour.names = {"P1"};
        in.colour.group = {0, 0, -1, -1};  // Gamma and Delta: no group ("geen")
        return map::network(in, style, map::Format::svg);
    };
    auto ego = [&](const map::Style& style) {
        map::EgoInput in;
        in.dataset = &d;
        in.municipality = 2;  // Gamma: a1 (hosted by Alpha), a3 (Delta client), region r2
        return map::ego(in, style, map::Format::svg);
    };
    analysis::OverlapOptions oo;
    oo.min_jaccard = 0.3;
    const auto rows = analysis::overlap(d, oo);
    auto overlap = [&](const map::Style& style) {
        map::OverlapInput in;
        in.dataset = &d;
        in.rows = &rows;
        in.min_jaccard = 0.3;
        return map::overlap(in, style, map::Format::svg);
    };
    const auto ordinary = analysis::apply(d, [] {
        analysis::Filter f;
        f.division = "none";
        return f;
    }());
    const auto op = analysis::project_municipalities(ordinary);
    auto division = [&](const map::Style& style) {
        map::DivisionInput in;
        in.dataset = &d;
        in.division = "vr";
        in.region = {4, 4, 5, 5};
        in.projection = &op;
        return map::division(in, style, map::Format::svg);
    };
    auto aggregate = [&](const map::Style& style) {
        return map::aggregate(map::aggregate_input(d, {0, 0, 1, 1}, {"P1", "P2"}, {"P1", "P2"}, "province"), style,
                              map::Format::svg);
    };

    std::string all_nl, all_en;
    for (const auto& view : std::vector<std::function<std::string(const map::Style&)>>{network, ego, overlap, division, aggregate}) {
        const auto svg_nl = view(nl);
        REQUIRE(well_formed_xml(svg_nl));
        all_nl += visible_text(svg_nl);
        all_en += visible_text(view(en));
    }
    INFO(all_nl);
    // Dutch texts, with Dutch numbers; counts worked out by hand from small():
    // Gamma's partners are Alpha and Beta (a1) and Delta (a3), in 2 joint
    // arrangements; at Jaccard >= 0.3 the overlap has 8 pairs (golden file).
    for (const char* expected :
         {"Samenwerkingsnetwerk: gedeelde verbanden", "provincie:", "Cirkeloppervlak: inwoners (grootste: Gamma, 9.000)",
          "Lijndikte: aantal gedeelde verbanden", "provincie: P1", "inwoners: 4.000", "deelnames: 3", "geen",
          "Gamma: samenwerkingsverbanden en partners", "Domein:", "3 partners in 2 samenwerkingsverbanden (grootste eerst).",
          "Dikke oranje pijl: gastheer", "3 deelnemers", "rol van Gamma: deelnemer", "Alpha in Afval: gastheer",
          "Delta in ICT: afnemer", "Ligt in 1 regio van offici\xc3\xable regio-indelingen", "vorm: GR openbaar lichaam",
          "deelt 1 verband met Gamma", "Overlappende verbanden", "Paren met Jaccard \xe2\x89\xa5 0,30", "8 paren",
          "De regio's van vr en de banden ertussen", "Regio:", "band over een regiogrens",
          "2 van de 4 verbanden gaan over de grenzen van de regio's van vr", "Samenwerking tussen provincies",
          "Cirkeloppervlak: inwoners; het getal erin: aantal gemeenten.", "gemeenten: 2", "inwoners: 5.000"}) {
        INFO(expected);
        CHECK(all_nl.find(expected) != std::string::npos);
    }
    // None of the former English words (the English maps do have them).
    for (const char* english :
         {"Cooperation", "arrangement", "municipalit", "Circle area", "Line width", "largest", "Domain", "Region:",
          "member", "shares", "sharing", "partner in", "heaviest", "host", "client", "province", "population", "form:",
          "domain:", "region of", "role of", "none", "no domain", "Lies in", "Thick", "Pairs with", "pairs", "redundancy",
          "nested", "Overlapping", "Regions of", "tie crossing", "ties", "cross", "inside", "same members", "Each circle",
          "links", "Positions", "Drawn"}) {
        INFO(english);
        CHECK(all_nl.find(english) == std::string::npos);
    }
    for (const char* english : {"Cooperation network: shared arrangements", "Circle area: population (largest: Gamma, 9,000)",
                                "3 partners in 2 joint arrangements (heaviest first).", "Domain:", "8 pairs", "Region:",
                                "tie crossing a region border", "Cooperation between provinces", "none"}) {
        INFO(english);
        CHECK(all_en.find(english) != std::string::npos);
    }
    for (const char* dutch : {"Cirkeloppervlak", "Lijndikte", "deelnemer", "verband", "geen", "Domein", "Regio:"}) {
        INFO(dutch);
        CHECK(all_en.find(dutch) == std::string::npos);
    }
}

// The services map's caption names the filter in words, as `regionet map`
// does; it read "Gegevens ambtelijke-fusies (domain=bedrijfsvoering;
// province=Gelderland)", the filter's machine key.
TEST_CASE("services --map: the caption names the filter in the map's language", "[render][map][services][app]") {
    test::TempDir dir;
    const auto db = (dir / "s.db").string();
    auto caption = [&](const std::string& lang) {
        const auto out = (dir / ("s-" + lang + ".dot")).string();
        const auto r = test::run_regionet({"--db", db, "--dataset", "ambtelijke-fusies", "-q", "services", "--province",
                                           "Gelderland", "--domain", "bedrijfsvoering", "--lang", lang, "--no-save", "--map", out});
        INFO(r.err);
        REQUIRE(r.status == 0);
        return graph_attr(test::read_file(out), "label");
    };
    const auto nl = caption("nl");
    INFO(nl);
    CHECK_THAT(nl, Catch::Contains("Gegevens ambtelijke-fusies (2016), domein bedrijfsvoering, provincie Gelderland"));
    const auto en = caption("en");
    INFO(en);
    CHECK_THAT(en, Catch::Contains("Dataset ambtelijke-fusies (2016), domain bedrijfsvoering, province Gelderland"));
    for (const auto& label : {nl, en}) {
        CHECK_THAT(label, !Catch::Contains("province="));
        CHECK_THAT(label, !Catch::Contains("domain="));
    }
    // --region: the region's name comes from the loaded dataset, which the
    // command hands on to its scope (moved): it must be named before that.
    const auto out = (dir / "s-region.dot").string();
    const auto r = test::run_regionet({"--db", db, "--dataset", "nl-2026", "-q", "services", "--region", "VR01", "--no-save",
                                       "--map", out});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto region = graph_attr(test::read_file(out), "label");
    INFO(region);
    CHECK_THAT(region, Catch::Contains("regio Groningen (veiligheidsregio)"));
}

// Issue 18: the services view in the report's language. Alpha hosts a1
// (members Beta and Gamma): two links, Alpha the only provider.
TEST_CASE("services map: Dutch and English texts, arrows from the host", "[render][map][services]") {
    const auto d = small(true);
    const auto r = analysis::services(d);
    REQUIRE(r.links.size() == 2);
    map::Style nl;
    nl.caption = "Gegevens small";
    auto en = nl;
    en.lang = report::Lang::en;
    const auto svg_nl = map::services(d, r, nl, map::Format::svg);
    const auto svg_en = map::services(d, r, en, map::Format::svg);
    CHECK(well_formed_xml(svg_nl));
    const auto text_nl = visible_text(svg_nl);
    const auto text_en = visible_text(svg_en);
    for (const char* dutch : {"Wie levert aan wie: dienstverlening", "levert meer dan zij ontvangt", "ontvangt meer dan zij levert",
                              "Pijl: van leverancier naar afnemer; dikte: aantal verbanden (1 tot 1). 2 gerichte paren, 0 wederkerig.",
                              "Alpha levert aan Beta in 1 verband:", "levert: 2 aan 2 gemeenten", "saldo: 2"})
        CHECK_THAT(text_nl, Catch::Contains(dutch));
    for (const char* english : {"Who serves", "provides", "receives", "balance", "serves", "Arrow", "Circle"})
        CHECK_THAT(text_nl, !Catch::Contains(english));
    for (const char* english : {"Who serves whom: service relations", "Alpha serves Beta in 1 arrangement:", "balance: 2"})
        CHECK_THAT(text_en, Catch::Contains(english));
}
