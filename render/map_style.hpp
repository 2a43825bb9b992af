#pragma once
// What the map views share: palette, text escaping, ids, size scaling, the
// lat/lon projection, outlines as xdot drawing operations, title and legend,
// and the final step (DOT as built, or layout and rendering in process).
// Internal to render/map_*.cpp; tests use it directly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capi/graphviz.hpp"
#include "model/model.hpp"
#include "render/map.hpp"

namespace regionet::render::map::detail {

// ---- palette ----------------------------------------------------------------
// Okabe-Ito (without black) followed by Paul Tol's "muted" scheme: 16 colours
// that stay distinguishable with the common colour-vision deficiencies.
// Group g gets palette()[g % size]; the legend names every group.
const std::vector<std::string>& palette();
inline constexpr std::string_view kNoGroupColour = "#BBBBBB";
inline constexpr std::string_view kInk = "#333333";          // text
inline constexpr std::string_view kMuted = "#777777";        // captions
inline constexpr std::string_view kTie = "#4A6078";          // ordinary edges
inline constexpr std::string_view kHighlight = "#D55E00";    // vermillion: crossing ties, redundancy
inline constexpr std::string_view kFont = "Helvetica,Arial,sans-serif";
std::string colour_of(std::int64_t group);     // palette colour, or kNoGroupColour for -1
// A lighter tint of "#RRGGBB" (t = 0: the colour, 1: white), for outlines.
std::string tint(std::string_view colour, double t);

// Assigns palette slots to groups so that groups adjacent in `pairs` get
// different colours where the palette allows it (greedy, in group order).
// Returns the slot per group.
std::vector<std::size_t> colour_slots(std::size_t groups, const std::vector<std::pair<std::size_t, std::size_t>>& pairs);

// ---- text ---------------------------------------------------------------------
// A label for Graphviz escString attributes (label, xlabel, tooltip): a
// backslash is doubled (no \N or \G substitution), a newline becomes \n.
std::string label_text(std::string_view s);
// Text for HTML-like labels: & < > " ' escaped, a newline becomes <br/>.
std::string html_text(std::string_view s);
// An id safe in SVG/HTML ids and URL fragments: [A-Za-z0-9_-] kept, every
// other byte as _xx (lower-case hex). Matches report::anchor().
std::string id_safe(std::string_view key);
// Fixed decimals, no locale: "12.5".
std::string fixed(double v, int decimals);
// Whole numbers with thousands separators: "931,298".
std::string integer(std::int64_t v);
// Numbers in visible text (notes, legends, tooltips), written as the map's
// language writes them: nl "931.298" and "0,50", en "931,298" and "0.50".
// Attribute values (pos, width, penwidth) keep fixed().
std::string count(report::Lang lang, std::size_t n);
std::string decimal(report::Lang lang, double v, int decimals);

// ---- node size ----------------------------------------------------------------
// Diameter in inches for each value: the circle's area grows with the value,
// between min_d (value 0 or missing) and max_d (the largest value). Uniform
// when values is empty or all zero.
std::vector<double> diameters(const std::vector<double>& values, std::size_t n, double min_d, double max_d,
                              double uniform_d);
// Edge pen width for a weight relative to the largest weight.
double pen_width(double weight, double max_weight);

// ---- projection ---------------------------------------------------------------
// Equirectangular projection scaled by cos(mean latitude): distances come out
// right in the middle of a region as small as the Netherlands. North up.
// Fitted so that the larger side of the extent is `size` points.
class Projector {
public:
    // Extent from the points (lon, lat) given.
    Projector(const std::vector<std::pair<double, double>>& lon_lat, double size);
    std::pair<double, double> operator()(double lon, double lat) const noexcept;  // points, y up
    double width() const noexcept { return m_width; }
    double height() const noexcept { return m_height; }

private:
    double m_lon0 = 0, m_lat0 = 0, m_coslat = 1, m_scale = 1, m_width = 0, m_height = 0;
};

// Moves pinned circles (centres and radii in points) apart until no two
// overlap (gap: at least `gap` points between them), each by as little as
// possible: a dense cluster (the Randstad) spreads a few points, the rest of
// the map stays where it is. Deterministic (pairs in index order).
void separate(std::vector<std::pair<double, double>>& centres, const std::vector<double>& radii, double gap = 1.0);

// "x,y" in points with two decimals (for pos with engine nop2).
std::string pos(std::pair<double, double> xy);

// Outer rings of a WKT POLYGON or MULTIPOLYGON (lon lat pairs); holes are
// skipped (they are other municipalities, drawn on their own). Throws
// RenderError naming the owner for text that is not a polygon.
std::vector<std::vector<std::pair<double, double>>> outer_rings(std::string_view wkt, std::string_view owner);

// xdot drawing operations: filled polygons with an outline colour.
class XDot {
public:
    void pen(std::string_view colour);
    void fill(std::string_view colour);
    void line_width(double w);
    void polygon(const std::vector<std::pair<double, double>>& points_pt);
    const std::string& str() const noexcept { return m_ops; }

private:
    void text_op(char op, std::string_view s);
    std::string m_ops;
};

// ---- title, legend --------------------------------------------------------------
struct LegendEntry {
    std::string colour;                  // "#RRGGBB"
    std::string label;
    std::string shape = "box";           // "box" (swatch) or "line"
};
// The graph label (HTML-like): title, caption, legend entries (swatches in
// rows) and notes (size encoding, edge meaning).
std::string header_html(const std::string& title, const std::string& caption, const std::string& legend_title,
                        const std::vector<LegendEntry>& entries, const std::vector<std::string>& notes);

// ---- graph and output ---------------------------------------------------------
// Declares every attribute the views use, with neutral defaults, so DOT
// output is the same whether or not a layout ran before in the process.
void declare_all(Agraph_t* g);
// A view's graph: ordered, every attribute declared (declare_all), and the page
// every view shares: the report's font, a white background, a margin, the title
// block at the top left.
gv::GraphPtr open_view_graph(const std::string& name, bool directed);
// Sets an HTML-like label (agstrdup_html) on a graph, node or edge.
void set_html(void* object, const std::string& name, const std::string& html);

// DOT: agwrite of the graph as built. Otherwise lays out with `engine` and
// renders in process; Graphviz messages end up in the RenderError.
std::string finish(Agraph_t* g, const std::string& engine, Format format);

// Refuses a drawing with more than max nodes, advising to filter or aggregate.
void check_size(std::size_t nodes, std::size_t max_nodes, std::string_view what);

// The force layout engine for a graph without coordinates.
std::string force_engine(std::size_t nodes);

// True when every municipality in `used` has lat and lon.
bool has_coordinates(const Dataset& d, const std::vector<std::size_t>& used);

// Outline WKT per municipality index (empty when absent).
std::vector<std::string> outlines_of(const Dataset& d);

// ---- pieces shared by the municipality views ------------------------------------
// Colour per group of the encoding; groups whose municipalities are neighbours
// (Dataset::neighbours) get different palette colours where possible.
std::vector<std::string> group_colours(const Dataset& d, const ColourEncoding& c);
// Legend entries for the groups used by `used` municipalities (plus "none").
std::vector<LegendEntry> group_legend(const ColourEncoding& c, const std::vector<std::string>& colours,
                                      const std::vector<std::size_t>& used, report::Lang lang);

// The projection fitted to the used municipalities (and their outlines when
// `with_outlines`), larger side `size` points.
Projector fit(const Dataset& d, const std::vector<std::size_t>& used, const std::vector<std::string>& outlines,
              bool with_outlines, double size);
// Outlines as the graph's _background: fill per municipality index (empty: skip).
// Returns the number of outlines drawn.
std::size_t add_outlines(Agraph_t* g, const Projector& p, const std::vector<std::string>& outlines,
                         const std::vector<std::string>& fill, const Dataset& d);

// A municipality node: a filled circle of the given diameter (inches), the
// name as external label, id/tooltip/URL for SVG.
Agnode_t* add_municipality(Agraph_t* g, const Municipality& m, const Style& style, double diameter,
                           const std::string& fill, const std::string& tooltip);
// The node size legend note: "Circle area: population (largest: Amsterdam, 931,298)".
std::string size_note(const Dataset& d, const SizeEncoding& size, const std::vector<std::size_t>& used, report::Lang lang);

// ---- ties (map_network.cpp) ---------------------------------------------------------
// The municipality ties of a projection with weight >= min_weight, capped at
// max_edges: the threshold is raised until at most max_edges remain (ties at
// the cut-off weight are all dropped, so the choice never depends on order).
struct TieSelection {
    std::vector<std::size_t> edges;      // indexes into the projection's edges
    double threshold = 1.0;              // weight actually required
    std::size_t eligible = 0;            // ties with weight >= min_weight
    double max_weight = 0.0;
};
TieSelection select_ties(const analysis::Projection& p, double min_weight, std::size_t max_edges);
std::string weight_text(double w, report::Lang lang);
std::string ties_note(const TieSelection& s, double min_weight, report::Lang lang);
// "Alpha - Beta: 3 shared arrangements"
std::string tie_tooltip(const Dataset& d, std::size_t a, std::size_t b, double w, report::Lang lang);
// Graph attributes of a municipality map; returns the engine ("nop2" when geographic).
std::string setup_municipality_graph(Agraph_t* g, bool geographic, std::size_t nodes);

}  // namespace regionet::render::map::detail
