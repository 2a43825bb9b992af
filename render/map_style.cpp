#include "render/map_style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "render/report_texts.hpp"

namespace regionet::render::map {

Format parse_format(std::string_view name) {
    if (name == "dot" || name == "gv") return Format::dot;
    if (name == "svg") return Format::svg;
    if (name == "png") return Format::png;
    if (name == "pdf") return Format::pdf;
    throw UsageError("unknown map format '" + std::string(name) + "'; expected dot, svg, png or pdf");
}

std::optional<Format> format_from_path(std::string_view path) {
    const auto dot = path.rfind('.');
    const auto slash = path.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    for (auto& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == "dot" || ext == "gv") return Format::dot;
    if (ext == "svg") return Format::svg;
    if (ext == "png") return Format::png;
    if (ext == "pdf") return Format::pdf;
    return std::nullopt;
}

std::string_view to_string(Format f) noexcept {
    switch (f) {
        case Format::dot: return "dot";
        case Format::svg: return "svg";
        case Format::png: return "png";
        case Format::pdf: return "pdf";
    }
    return "svg";
}

TooLargeError::TooLargeError(std::string view, std::size_t nodes, std::size_t max_nodes)
    : RenderError("the " + view + " map would have " + std::to_string(nodes) + " nodes, more than the " +
                  std::to_string(max_nodes) +
                  " a drawing can show legibly; narrow it with --province, --region, --domain or "
                  "--exclude-larger-than, or draw `regionet map aggregate`"),
      m_view(std::move(view)),
      m_nodes(nodes),
      m_max_nodes(max_nodes) {}

}  // namespace regionet::render::map

namespace regionet::render::map::detail {

const std::vector<std::string>& palette() {
    static const std::vector<std::string> colours{
        // Okabe-Ito
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
        // Tol muted
        "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"};
    return colours;
}

std::string colour_of(std::int64_t group) {
    if (group < 0) return std::string(kNoGroupColour);
    const auto& p = palette();
    return p[static_cast<std::size_t>(group) % p.size()];
}

std::string tint(std::string_view colour, double t) {
    if (colour.size() != 7 || colour[0] != '#') return std::string(colour);
    auto channel = [&](std::size_t at) {
        unsigned v = 0;
        std::from_chars(colour.data() + at, colour.data() + at + 2, v, 16);
        const double mixed = v + (255.0 - v) * t;
        return static_cast<unsigned>(std::lround(std::clamp(mixed, 0.0, 255.0)));
    };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", channel(1), channel(3), channel(5));
    return buf;
}

std::vector<std::size_t> colour_slots(std::size_t groups, const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
    const auto k = palette().size();
    std::vector<std::vector<std::size_t>> adjacent(groups);
    for (const auto& [a, b] : pairs) {
        if (a >= groups || b >= groups || a == b) continue;
        adjacent[a].push_back(b);
        adjacent[b].push_back(a);
    }
    std::vector<std::size_t> slot(groups, 0);
    std::vector<std::size_t> uses(k, 0);
    for (std::size_t g = 0; g < groups; ++g) {
        std::vector<bool> taken(k, false);
        for (auto h : adjacent[g])
            if (h < g) taken[slot[h]] = true;
        // The least used free slot (ties: the lowest), so colours spread evenly.
        std::size_t best = k;
        for (std::size_t s = 0; s < k; ++s)
            if (!taken[s] && (best == k || uses[s] < uses[best])) best = s;
        if (best == k) best = g % k;  // every colour taken by a neighbour: repeat
        slot[g] = best;
        ++uses[best];
    }
    return slot;
}

namespace {

// XML 1.0 cannot carry C0 controls (but tab, newline, return) or DEL: SVG with
// them is refused by browsers. They are shown as U+FFFD instead.
bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
}
constexpr std::string_view replacement = "\xEF\xBF\xBD";

}  // namespace

std::string label_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\') out += "\\\\";
        else if (c == '\r') {
            if (i + 1 < s.size() && s[i + 1] == '\n') continue;
            out += "\\n";
        } else if (c == '\n') out += "\\n";
        else if (is_control(c)) out += replacement;
        else out += c;
    }
    return out;
}

std::string html_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\r':
                if (i + 1 < s.size() && s[i + 1] == '\n') break;
                out += "<br/>";
                break;
            case '\n': out += "<br/>"; break;
            default: out += is_control(c) ? replacement : std::string_view(&c, 1);
        }
    }
    return out;
}

std::string id_safe(std::string_view key) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : key) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
            out += static_cast<char>(c);
        } else {
            out += '_';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0.0;  // no "-0.00"
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string integer(std::int64_t v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

std::string count(report::Lang lang, std::size_t n) { return report::integer(lang, static_cast<std::int64_t>(n)); }

std::string decimal(report::Lang lang, double v, int decimals) {
    if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0.0;  // no "-0.00"
    return report::number(lang, v, decimals);
}

std::vector<double> diameters(const std::vector<double>& values, std::size_t n, double min_d, double max_d,
                              double uniform_d) {
    std::vector<double> d(n, uniform_d);
    if (values.size() != n) return d;
    double top = 0;
    for (double v : values)
        if (std::isfinite(v)) top = std::max(top, v);
    if (top <= 0) return d;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = std::isfinite(values[i]) ? std::max(0.0, values[i]) : 0.0;
        // area ~ value: diameter ~ sqrt(value), on top of a visible minimum.
        d[i] = std::sqrt(min_d * min_d + (max_d * max_d - min_d * min_d) * (v / top));
    }
    return d;
}

double pen_width(double weight, double max_weight) {
    // The weakest tie drawn (weight 1) is a hairline; the strongest 5 pt.
    if (max_weight <= 1) return 1.2;
    return 0.7 + 4.3 * std::sqrt(std::clamp((weight - 1) / (max_weight - 1), 0.0, 1.0));
}

Projector::Projector(const std::vector<std::pair<double, double>>& lon_lat, double size) {
    if (lon_lat.empty()) return;
    double min_lon = lon_lat[0].first, max_lon = min_lon, min_lat = lon_lat[0].second, max_lat = min_lat;
    for (const auto& [lon, lat] : lon_lat) {
        min_lon = std::min(min_lon, lon);
        max_lon = std::max(max_lon, lon);
        min_lat = std::min(min_lat, lat);
        max_lat = std::max(max_lat, lat);
    }
    constexpr double kPi = 3.14159265358979323846;
    m_lon0 = min_lon;
    m_lat0 = min_lat;
    m_coslat = std::cos((min_lat + max_lat) / 2 * kPi / 180.0);
    const double w = (max_lon - min_lon) * m_coslat;
    const double h = max_lat - min_lat;
    const double side = std::max(w, h);
    m_scale = side > 0 ? size / side : 1.0;
    m_width = w * m_scale;
    m_height = h * m_scale;
}

std::pair<double, double> Projector::operator()(double lon, double lat) const noexcept {
    return {(lon - m_lon0) * m_coslat * m_scale, (lat - m_lat0) * m_scale};
}

void separate(std::vector<std::pair<double, double>>& centres, const std::vector<double>& radii, double gap) {
    const std::size_t n = centres.size();
    for (int round = 0; round < 200; ++round) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                auto& [xi, yi] = centres[i];
                auto& [xj, yj] = centres[j];
                const double want = radii[i] + radii[j] + gap;
                double dx = xj - xi, dy = yj - yi;
                double dist = std::hypot(dx, dy);
                if (dist >= want - 1e-6) continue;
                double ux = 0.0, uy = 0.0;  // unit vector from i to j
                if (dist < 1e-9) {  // the same point: apart along a direction fixed by the indexes
                    const double angle = static_cast<double>((i * 7 + j * 13) % 360) * 3.14159265358979 / 180.0;
                    ux = std::cos(angle), uy = std::sin(angle), dist = 0.0;
                } else {
                    ux = dx / dist, uy = dy / dist;
                }
                const double push = (want - dist) / 2.0 + 0.01;
                xi -= ux * push, yi -= uy * push;
                xj += ux * push, yj += uy * push;
                moved = true;
            }
        if (!moved) return;
    }
}

std::string pos(std::pair<double, double> xy) { return fixed(xy.first, 2) + "," + fixed(xy.second, 2); }

std::vector<std::vector<std::pair<double, double>>> outer_rings(std::string_view wkt, std::string_view owner) {
    auto fail = [&](const std::string& why) -> RenderError {
        return RenderError("outline of " + std::string(owner) + ": " + why);
    };
    std::size_t i = 0;
    while (i < wkt.size() && (wkt[i] == ' ' || wkt[i] == '\t' || wkt[i] == '\n' || wkt[i] == '\r')) ++i;
    std::string word;
    while (i < wkt.size() && ((wkt[i] >= 'A' && wkt[i] <= 'Z') || (wkt[i] >= 'a' && wkt[i] <= 'z')))
        word += static_cast<char>(wkt[i] >= 'a' ? wkt[i] - 'a' + 'A' : wkt[i]), ++i;
    int ring_depth = 0;
    if (word == "POLYGON") ring_depth = 2;
    else if (word == "MULTIPOLYGON") ring_depth = 3;
    else throw fail("expected POLYGON or MULTIPOLYGON WKT, got '" + word + "'");

    std::vector<std::vector<std::pair<double, double>>> rings;
    std::vector<std::pair<double, double>> ring;
    int depth = 0;
    bool first_ring_of_polygon = true;
    bool seen = false;
    while (i < wkt.size()) {
        const char c = wkt[i];
        if (c == '(') {
            ++depth;
            if (depth == ring_depth - 1) first_ring_of_polygon = true;
            if (depth > ring_depth) throw fail("too deeply nested");
            seen = true;
            ++i;
        } else if (c == ')') {
            if (depth == ring_depth) {
                if (first_ring_of_polygon && ring.size() >= 3) rings.push_back(std::move(ring));
                ring.clear();
                first_ring_of_polygon = false;
            }
            if (--depth < 0) throw fail("unbalanced parentheses");
            ++i;
        } else if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else {
            if (depth != ring_depth) {
                // "EMPTY" or garbage outside a ring
                if (wkt.substr(i, 5) == "EMPTY" && !seen) return rings;
                throw fail("unexpected text at offset " + std::to_string(i));
            }
            double v[2];
            for (double& x : v) {
                while (i < wkt.size() && wkt[i] == ' ') ++i;
                const char* begin = wkt.data() + i;
                const char* end = wkt.data() + wkt.size();
                auto [p, ec] = std::from_chars(begin, end, x);
                if (ec != std::errc{}) throw fail("bad number at offset " + std::to_string(i));
                i += static_cast<std::size_t>(p - begin);
            }
            // Skip Z or M values, if any, up to the next ',' or ')'.
            while (i < wkt.size() && wkt[i] != ',' && wkt[i] != ')') ++i;
            if (first_ring_of_polygon) ring.emplace_back(v[0], v[1]);
        }
    }
    if (depth != 0) throw fail("unbalanced parentheses");
    return rings;
}

void XDot::text_op(char op, std::string_view s) {
    m_ops += op;
    m_ops += ' ';
    m_ops += std::to_string(s.size());
    m_ops += " -";
    m_ops += s;
    m_ops += ' ';
}
void XDot::pen(std::string_view colour) { text_op('c', colour); }
void XDot::fill(std::string_view colour) { text_op('C', colour); }
void XDot::line_width(double w) { text_op('S', "setlinewidth(" + fixed(w, 2) + ")"); }
void XDot::polygon(const std::vector<std::pair<double, double>>& pts) {
    if (pts.size() < 3) return;
    m_ops += "P " + std::to_string(pts.size());
    for (const auto& [x, y] : pts) m_ops += " " + fixed(x, 1) + " " + fixed(y, 1);
    m_ops += ' ';
}

std::string header_html(const std::string& title, const std::string& caption, const std::string& legend_title,
                        const std::vector<LegendEntry>& entries, const std::vector<std::string>& notes) {
    const std::string ink(kInk);
    const std::string muted(kMuted);
    std::string h = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\">";
    h += "<tr><td align=\"left\" balign=\"left\"><font point-size=\"24\" color=\"" + ink + "\"><b>" + html_text(title) +
         "</b></font></td></tr>";
    if (!caption.empty())
        h += "<tr><td align=\"left\" balign=\"left\"><font point-size=\"12\" color=\"" + muted + "\">" +
             html_text(caption) + "</font></td></tr>";
    if (!entries.empty()) {
        // One text line per row of entries: a coloured glyph (square for areas
        // and groups, bar for lines) before each label.
        constexpr std::size_t kPerRow = 7;
        for (std::size_t start = 0; start < entries.size(); start += kPerRow) {
            h += "<tr><td align=\"left\"><font point-size=\"13\" color=\"" + ink + "\">";
            if (start == 0 && !legend_title.empty()) h += "<b>" + html_text(legend_title) + "</b>   ";
            for (std::size_t k = start; k < std::min(entries.size(), start + kPerRow); ++k) {
                const auto& e = entries[k];
                h += "<font color=\"" + e.colour + "\">" + (e.shape == "line" ? "\u2501\u2501" : "\u25A0") +
                     "</font> " + html_text(e.label) + (k + 1 < entries.size() ? "    " : "");
            }
            h += "</font></td></tr>";
        }
    }
    for (const auto& n : notes)
        h += "<tr><td align=\"left\" balign=\"left\"><font point-size=\"11\" color=\"" + muted + "\">" + html_text(n) +
             "</font></td></tr>";
    h += "</table>";
    return h;
}

void declare_all(Agraph_t* g) {
    for (const char* a : {"label", "labelloc", "labeljust", "fontname", "fontsize", "fontcolor", "bgcolor", "pad",
                          "margin", "outputorder", "overlap", "sep", "esep", "_background",
                          "rankdir", "ranksep", "nodesep", "newrank", "compound", "pack", "packmode", "K", "style",
                          "color", "fillcolor", "penwidth", "id", "tooltip", "URL", "target", "dpi", "ratio",
                          "start", "maxiter", "notranslate", "clusterrank", "remincross", "rank", "root", "layout"})
        gv::declare(g, AGRAPH, a, "");
    // Where "" does not mean "unset", the default is Graphviz's own:
    // splines="" draws no edges at all, forcelabels="" would mean false.
    gv::declare(g, AGRAPH, "splines", "true");
    gv::declare(g, AGRAPH, "forcelabels", "true");
    gv::declare(g, AGNODE, "label", "\\N");
    for (const char* a : {"xlabel", "shape", "width", "height", "fixedsize", "style", "fillcolor", "color",
                          "penwidth", "fontname", "fontsize", "fontcolor", "pos", "pin", "id", "tooltip", "URL",
                          "target", "margin", "peripheries", "group", "class"})
        gv::declare(g, AGNODE, a, "");
    for (const char* a : {"label", "color", "penwidth", "style", "dir", "arrowhead", "arrowtail", "arrowsize",
                          "tooltip", "id", "weight", "len", "constraint", "URL", "target", "fontname", "fontsize",
                          "fontcolor", "labeltooltip", "edgetooltip", "minlen", "class"})
        gv::declare(g, AGEDGE, a, "");
}

gv::GraphPtr open_view_graph(const std::string& name, bool directed) {
    auto graph = gv::open_ordered_graph(name, directed);
    Agraph_t* g = graph.get();
    declare_all(g);
    gv::set(g, "fontname", std::string(kFont));
    gv::set(g, "bgcolor", "white");
    gv::set(g, "pad", "0.3");
    gv::set(g, "labelloc", "t");
    gv::set(g, "labeljust", "l");
    return graph;
}

void set_html(void* object, const std::string& name, const std::string& html) {
    Agraph_t* root = agroot(object);
    std::vector<char> n(name.begin(), name.end());
    n.push_back('\0');
    std::vector<char> v(html.begin(), html.end());
    v.push_back('\0');
    Agsym_t* sym = agattr(root, AGTYPE(object), n.data(), nullptr);
    if (!sym) throw RenderError("graphviz: attribute '" + name + "' was not declared");
    // Make the string an HTML string first: agxset's own agstrdup then finds
    // this one (same text) and keeps its HTML mark.
    char* s = agstrdup_html(root, v.data());
    const int rc = agxset(object, sym, s);
    agstrfree(root, s);
    if (rc != 0) throw RenderError("graphviz: cannot set " + name);
}

std::string finish(Agraph_t* g, const std::string& engine, Format format) {
    // The engine travels with the DOT text: `dot -Tsvg map.dot` lays it out as
    // regionet does, and tests read it to know which engine a view chose.
    gv::set(g, "layout", engine);
    if (format == Format::dot) return gv::write_dot(g);
    gv::take_messages();
    auto bytes = gv::render(gv::context(), g, engine, std::string(to_string(format)));
    // Only errors reach the capture (warnings are below the AGERR level), and
    // Graphviz goes on after some of them (a bad HTML label becomes the graph name).
    if (auto messages = gv::take_messages(); !messages.empty())
        throw RenderError("graphviz: " + messages.substr(0, messages.find_last_not_of("\n") + 1));
    return bytes;
}

void check_size(std::size_t nodes, std::size_t max_nodes, std::string_view what) {
    if (nodes > max_nodes) throw TooLargeError(std::string(what), nodes, max_nodes);
}

std::string force_engine(std::size_t nodes) {
    if (nodes <= 150) return "neato";
    if (nodes <= 600) return "fdp";
    return "sfdp";
}

bool has_coordinates(const Dataset& d, const std::vector<std::size_t>& used) {
    if (used.empty()) return false;
    for (auto i : used)
        if (!d.municipalities[i].lat || !d.municipalities[i].lon) return false;
    return true;
}

std::vector<std::string> outlines_of(const Dataset& d) {
    std::vector<std::string> out(d.municipalities.size());
    for (const auto& o : d.outlines)
        if (auto i = d.municipality_index(o.owner)) out[*i] = o.wkt;
    return out;
}

}  // namespace regionet::render::map::detail

namespace regionet::render::map::detail {

std::vector<std::string> group_colours(const Dataset& d, const ColourEncoding& c) {
    const std::size_t groups = c.names.size();
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    if (c.group.size() == d.municipalities.size()) {
        for (const auto& nb : d.neighbours) {
            auto a = d.municipality_index(nb.a);
            auto b = d.municipality_index(nb.b);
            if (!a || !b) continue;
            const auto ga = c.group[*a];
            const auto gb = c.group[*b];
            if (ga >= 0 && gb >= 0 && ga != gb && static_cast<std::size_t>(ga) < groups &&
                static_cast<std::size_t>(gb) < groups)
                pairs.emplace_back(static_cast<std::size_t>(std::min(ga, gb)), static_cast<std::size_t>(std::max(ga, gb)));
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    const auto slots = colour_slots(groups, pairs);
    std::vector<std::string> out;
    out.reserve(groups);
    for (auto s : slots) out.push_back(palette()[s]);
    return out;
}

std::vector<LegendEntry> group_legend(const ColourEncoding& c, const std::vector<std::string>& colours,
                                      const std::vector<std::size_t>& used, report::Lang lang) {
    std::vector<bool> present(c.names.size(), false);
    bool none = false;
    if (c.group.empty()) return {};
    for (auto i : used) {
        const auto g = i < c.group.size() ? c.group[i] : -1;
        if (g >= 0 && static_cast<std::size_t>(g) < present.size()) present[static_cast<std::size_t>(g)] = true;
        else none = true;
    }
    std::vector<LegendEntry> out;
    for (std::size_t g = 0; g < present.size(); ++g)
        if (present[g]) out.push_back({colours[g], c.names[g], "box"});
    if (none) out.push_back({std::string(kNoGroupColour), c.none.empty() ? report::tr(lang, "map.none") : c.none, "box"});
    return out;
}

Projector fit(const Dataset& d, const std::vector<std::size_t>& used, const std::vector<std::string>& outlines,
              bool with_outlines, double size) {
    std::vector<std::pair<double, double>> pts;
    for (auto i : used) {
        const auto& m = d.municipalities[i];
        if (m.lat && m.lon) pts.emplace_back(*m.lon, *m.lat);
        if (with_outlines && i < outlines.size() && !outlines[i].empty())
            for (const auto& ring : outer_rings(outlines[i], m.code))
                pts.insert(pts.end(), ring.begin(), ring.end());
    }
    return Projector(pts, size);
}

std::size_t add_outlines(Agraph_t* g, const Projector& p, const std::vector<std::string>& outlines,
                         const std::vector<std::string>& fill, const Dataset& d) {
    XDot x;
    x.line_width(0.6);
    x.pen("#FFFFFF");
    std::size_t drawn = 0;
    std::string last_fill;
    for (std::size_t i = 0; i < outlines.size() && i < fill.size(); ++i) {
        if (outlines[i].empty() || fill[i].empty()) continue;
        if (fill[i] != last_fill) x.fill(fill[i]), last_fill = fill[i];
        for (const auto& ring : outer_rings(outlines[i], d.municipalities[i].code)) {
            std::vector<std::pair<double, double>> pts;
            pts.reserve(ring.size());
            for (const auto& [lon, lat] : ring) pts.push_back(p(lon, lat));
            x.polygon(pts);
        }
        ++drawn;
    }
    if (drawn) gv::set(g, "_background", x.str());
    return drawn;
}

Agnode_t* add_municipality(Agraph_t* g, const Municipality& m, const Style& style, double diameter,
                           const std::string& fill, const std::string& tooltip) {
    Agnode_t* n = gv::node(g, m.code);
    gv::set(n, "xlabel", label_text(m.name));
    const auto d = fixed(diameter, 3);
    gv::set(n, "width", d);
    gv::set(n, "height", d);
    gv::set(n, "fillcolor", fill);
    gv::set(n, "id", style.id_prefix + id_safe(m.code));
    gv::set(n, "tooltip", label_text(tooltip));
    gv::set(n, "URL", "#m-" + id_safe(m.code));
    return n;
}

std::string size_note(const Dataset& d, const SizeEncoding& size, const std::vector<std::size_t>& used, report::Lang lang) {
    if (size.values.size() != d.municipalities.size() || size.measure.empty()) return {};
    std::optional<std::size_t> top;
    for (auto i : used)
        if (std::isfinite(size.values[i]) && (!top || size.values[i] > size.values[*top])) top = i;
    if (!top || size.values[*top] <= 0) return report::trf(lang, "map.size.zero", {size.measure});
    const double v = size.values[*top];
    const bool whole = std::floor(v) == v && std::abs(v) < 1e15;
    return report::trf(lang, "map.size.note",
                       {size.measure, d.municipalities[*top].name, whole ? decimal(lang, v, 0) : decimal(lang, v, v < 1 ? 4 : 2)});
}

}  // namespace regionet::render::map::detail
