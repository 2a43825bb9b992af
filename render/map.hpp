#pragma once
// Graphviz maps of the cooperation network (issue 4): the views of
// `regionet map` and the SVG figures of the report.
//
// Renderers take prepared inputs (the Dataset for labels and coordinates,
// plus vectors computed by the analysis passes: projection edges, node size
// values, colour groups, overlap rows) and return the bytes of a DOT, SVG,
// PNG or PDF file. They never compute metrics. Output is deterministic: no
// timestamps unless the caller puts one in the caption.
//
// Graphs are built with cgraph and laid out in process (gvLayout +
// gvRenderData, never the `dot` binary). DOT output is the graph as built,
// before layout (agwrite); geographic maps carry pinned positions in points,
// so `neato -n2 -Tsvg map.dot` reproduces the drawing.
//
// SVG: every municipality node has id "<id_prefix><code>" (code made safe for
// ids: [A-Za-z0-9_-] kept, other bytes _xx), a tooltip with its name and key
// figures, and a link "#m-<code>" to its profile in the report.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/graphs.hpp"
#include "analysis/overlap.hpp"
#include "model/error.hpp"
#include "model/model.hpp"
#include "render/report_document.hpp"

namespace regionet::render::map {

enum class Format { dot, svg, png, pdf };
Format parse_format(std::string_view name);              // throws UsageError
// The format named by a file's extension (".svg" ...), if any.
std::optional<Format> format_from_path(std::string_view path);
std::string_view to_string(Format f) noexcept;

// A view with more nodes than Style::max_nodes. what() is the command line's
// English advice; the report words the reason from the catalogue with view(),
// nodes() and max_nodes() (render/report_figures.hpp, not_drawn_reason).
class TooLargeError : public RenderError {
public:
    TooLargeError(std::string view, std::size_t nodes, std::size_t max_nodes);
    const std::string& view() const noexcept { return m_view; }
    std::size_t nodes() const noexcept { return m_nodes; }
    std::size_t max_nodes() const noexcept { return m_max_nodes; }

private:
    std::string m_view;
    std::size_t m_nodes;
    std::size_t m_max_nodes;
};

// Node size: area proportional to a measure per municipality.
struct SizeEncoding {
    std::string measure;                 // legend text: "population", "load", "degree", "betweenness"
    std::vector<double> values;          // indexed like dataset.municipalities; empty: uniform size
};

// Node colour: a group per municipality, drawn from a colour-blind-safe palette
// with a legend. Groups are numbered 0..names.size()-1; -1 means none (grey).
struct ColourEncoding {
    std::string by;                      // legend title: "province", "community", "veiligheidsregio"
    std::vector<std::int64_t> group;     // indexed like dataset.municipalities; empty: no colouring
    std::vector<std::string> names;      // legend label per group
    std::string none;                    // legend label of municipalities without a group; empty: "none" in the map's language
};

// What every view shares.
struct Style {
    std::string title;                   // empty: a title made by the view
    std::string caption;                 // dataset, filters (and a date only when asked), composed by the caller
    std::string id_prefix = "map-";      // SVG ids of municipality nodes: <id_prefix><code>
    std::size_t max_nodes = 3000;        // more nodes: RenderError advising to filter or aggregate
    std::size_t max_edges = 2500;        // more ties: only the strongest are drawn (said in the caption)
    bool geographic = true;              // pin municipalities at their coordinates when all have them
    bool outlines = true;                // draw municipality outlines behind a geographic map when present
    // Language of every text the view writes (titles, legends, notes,
    // tooltips; render/report_texts.cpp, "map views"): the report's default.
    // Callers give measure, colour and caption texts in the same language.
    report::Lang lang = report::Lang::nl;
};

// network: municipalities linked by shared arrangements.
struct NetworkInput {
    const Dataset* dataset = nullptr;
    const analysis::Projection* projection = nullptr;  // over dataset.municipalities (count weighting)
    double min_weight = 1.0;             // ties with fewer shared arrangements are left out
    SizeEncoding size;
    ColourEncoding colour;
    bool ties = true;                    // false: municipalities only (the explorer shades partners itself)
};
std::string network(const NetworkInput& in, const Style& style, Format format);

// ego: one municipality, its joint arrangements grouped by domain (heaviest,
// i.e. most members, first), its partners. Roles by edge: host -> arrangement
// (bold arrow), arrangement -> client (dashed arrow), member (plain line).
// Regions of official divisions are listed under the title, not drawn, unless
// `regions` is set. With more than max_partners partners, the strongest (two
// or more shared) are drawn and the others named in one box per arrangement.
struct EgoInput {
    const Dataset* dataset = nullptr;
    std::size_t municipality = 0;        // index into dataset.municipalities
    std::size_t min_shared = 1;          // partners sharing fewer arrangements are left out (counted in the caption)
    bool regions = false;                // draw regions of divisions as arrangements too
    std::size_t max_partners = 40;       // more: summarised per arrangement
};
std::string ego(const EgoInput& in, const Style& style, Format format);

// overlap: arrangements as nodes, an edge for each row (pairs above the
// threshold); redundancy candidates highlighted, nested pairs as arrows from
// the smaller to the larger arrangement.
struct OverlapInput {
    const Dataset* dataset = nullptr;
    const std::vector<analysis::OverlapRow>* rows = nullptr;
    double min_jaccard = 0.5;            // threshold the rows were taken at (for the caption)
    double redundancy_threshold = 0.8;
};
std::string overlap(const OverlapInput& in, const Style& style, Format format);

// division: the regions of one division as clusters (or, on a geographic map,
// as colours) with their municipalities; ties between municipalities of
// different regions (arrangements crossing region borders) highlighted.
struct DivisionInput {
    const Dataset* dataset = nullptr;
    std::string division;
    std::vector<std::int64_t> region;    // per municipality: index into dataset.arrangements, -1 none
    const analysis::Projection* projection = nullptr;  // ties from ordinary arrangements
    double min_weight = 1.0;
    SizeEncoding size;
};
std::string division(const DivisionInput& in, const Style& style, Format format);

// aggregate: provinces or regions of a division as nodes, edge weight = the
// number of arrangements with members in both.
struct AggregateGroup {
    std::string key;                     // province name or region id
    std::string name;
    std::size_t municipalities = 0;
    std::int64_t population = 0;         // 0 when unknown
    std::optional<double> lat;           // mean of the members' coordinates
    std::optional<double> lon;
};
struct AggregateTie {
    std::size_t a = 0;                   // indexes into groups, a < b
    std::size_t b = 0;
    std::size_t arrangements = 0;        // arrangements with members in both groups
};
struct AggregateInput {
    std::string by;                      // "province" or the division name
    std::vector<AggregateGroup> groups;
    std::vector<AggregateTie> ties;      // sorted by (a, b)
    std::size_t min_arrangements = 1;    // ties with fewer are left out
};
// Groups municipalities by label (index into keys/names, -1 = left out) and
// counts, for each pair of groups, the arrangements with members in both.
// Regions of divisions are not counted unless count_regions is set.
AggregateInput aggregate_input(const Dataset& dataset, const std::vector<std::int64_t>& label,
                               const std::vector<std::string>& keys, const std::vector<std::string>& names,
                               const std::string& by, bool count_regions = false);
std::string aggregate(const AggregateInput& in, const Style& style, Format format);

}  // namespace regionet::render::map
