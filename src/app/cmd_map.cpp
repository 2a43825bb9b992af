// regionet map [network|ego CODE|overlap|division NAME|aggregate] [--out FILE] [--format F] [--lang nl|en]
//              [encodings] [filters]
#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>
#include <map>

#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/partition.hpp"
#include "analysis/load.hpp"
#include "analysis/overlap.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "model/lookup.hpp"
#include "model/text.hpp"
#include "render/map.hpp"
#include "render/result_texts.hpp"
#include "render/report_texts.hpp"

namespace regionet::app {

namespace {

namespace map = render::map;
namespace rep = render::report;

struct MapCommand {
    std::string view = "network";
    std::string key;
    analysis::Filter filter;
    std::string out;
    std::string format;
    std::string lang = "nl";             // as `regionet report`
    double min_weight = 1.0;
    std::string size;
    std::string color;
    std::string by = "province";
    std::string weights;
    std::string title;
    double threshold = 0.5;
    double redundancy = 0.8;
    std::size_t max_edges = 2500;
    bool stamp = false;
    bool no_geo = false;
    bool no_outlines = false;
    bool regions = false;
};

std::vector<std::int64_t> regions_of(const Dataset& d, const std::string& division) {
    return analysis::division_labels(d, division);
}

std::string known_divisions(const Dataset& d) {
    std::string s;
    for (const auto& x : d.divisions()) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? "(none in this dataset)" : s;
}

// Colour groups 0..k-1 from labels that are arrangement indexes (regions).
map::ColourEncoding colour_by_regions(const Dataset& d, const std::vector<std::int64_t>& region, const std::string& by) {
    map::ColourEncoding c;
    c.by = by;
    std::map<std::int64_t, std::int64_t> group;  // region index -> group, in id order
    for (auto r : region)
        if (r >= 0) group.emplace(r, 0);
    for (auto& [r, g] : group) {
        g = static_cast<std::int64_t>(c.names.size());
        c.names.push_back(d.arrangements[static_cast<std::size_t>(r)].name);
    }
    c.group.reserve(region.size());
    for (auto r : region) c.group.push_back(r >= 0 ? group[r] : -1);
    return c;
}

map::ColourEncoding colour_by_province(const Dataset& d, rep::Lang lang) {
    map::ColourEncoding c;
    c.by = rep::tr(lang, "map.colour.province");
    std::map<std::string, std::int64_t> group;
    for (const auto& m : d.municipalities)
        if (!m.province.empty()) group.emplace(m.province, 0);
    for (auto& [name, g] : group) {
        g = static_cast<std::int64_t>(c.names.size());
        c.names.push_back(name);
    }
    for (const auto& m : d.municipalities) c.group.push_back(m.province.empty() ? -1 : group[m.province]);
    return c;
}

map::ColourEncoding colour_by_community(const Dataset& d, rep::Lang lang) {
    analysis::CommunityOptions o;
    const auto result = analysis::communities(d, o);
    map::ColourEncoding c;
    c.by = rep::trf(lang, "map.colour.community", {std::string(analysis::to_string(o.method))});
    c.none = rep::tr(lang, "map.legend.no_tie");  // community 0: no tie in the graph
    for (std::size_t k = 1; k <= result.community_count; ++k)
        c.names.push_back(rep::trf(lang, "map.legend.cluster", {std::to_string(k)}));
    for (auto x : result.community) c.group.push_back(x >= 1 ? x - 1 : -1);
    return c;
}

map::ColourEncoding colour_encoding(const Dataset& d, const std::string& spec, rep::Lang lang) {
    if (spec.empty()) return {};
    if (spec == "province") return colour_by_province(d, lang);
    if (spec == "community") return colour_by_community(d, lang);
    if (spec.rfind("division:", 0) == 0) {
        const auto name = spec.substr(9);
        const auto region = regions_of(d, name);
        if (std::none_of(region.begin(), region.end(), [](auto r) { return r >= 0; }))
            throw UsageError("no division '" + name + "' in dataset " + d.name + "; known: " + known_divisions(d));
        return colour_by_regions(d, region, name);
    }
    throw UsageError("unknown --color '" + spec + "'; expected province, community or division:NAME");
}

map::SizeEncoding size_encoding(const Dataset& d, const analysis::Projection& p, const MapCommand& cmd, rep::Lang lang) {
    map::SizeEncoding s;
    if (cmd.size.empty()) return s;
    const auto n = d.municipalities.size();
    if (cmd.size == "population") {
        s.measure = rep::tr(lang, "map.measure.population");
        for (const auto& m : d.municipalities) s.values.push_back(m.population ? static_cast<double>(*m.population) : 0.0);
        if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [](const auto& m) { return m.population.has_value(); }))
            throw UsageError("dataset " + d.name + " has no population figures; choose another --size");
    } else if (cmd.size == "degree") {
        s.values.assign(n, 0.0);
        for (const auto& [a, b] : p.edges) s.values[a] += 1, s.values[b] += 1;
        s.measure = rep::tr(lang, "map.measure.degree");
    } else if (cmd.size == "load") {
        const auto result = analysis::load(d, read_weights(cmd.weights));
        for (const auto& m : result.municipalities) s.values.push_back(m.weighted_load);
        s.measure = rep::tr(lang, "map.measure.load");
    } else if (cmd.size == "betweenness") {
        analysis::CentralityOptions o;
        o.harmonic = false;
        const auto result = analysis::centrality(d, o);
        s.values = result.betweenness;
        s.measure = rep::tr(lang, "map.measure.betweenness") +
                    (result.betweenness_estimated ? " (" + rep::betweenness_method(lang, result) + ")" : std::string());
    } else {
        throw UsageError("unknown --size '" + cmd.size + "'; expected load, population, degree or betweenness");
    }
    return s;
}

// Most overlap pairs the overlap view lays out (a force layout; more take minutes).
constexpr std::size_t max_overlap_pairs = 300;

std::string caption(const Dataset& d, const MapCommand& cmd, const std::string& extra, rep::Lang lang) {
    std::string c = map_caption(d, cmd.filter, lang);
    if (!extra.empty()) c += ", " + extra;
    if (cmd.stamp) {
        const std::time_t now = std::time(nullptr);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&now));
        c += ". " + rep::trf(lang, "map.caption.drawn", {buf});
    }
    return c;
}

std::string weight_text(double w, rep::Lang lang) {
    return rep::number(lang, w, std::floor(w) == w ? 0 : 2);
}

void run(const MapCommand& cmd) {
    map::Format format = map::Format::svg;
    if (!cmd.format.empty()) format = map::parse_format(cmd.format);
    else if (auto f = map::format_from_path(cmd.out)) format = *f;
    else if (!cmd.out.empty() && cmd.out != "-")
        throw UsageError("cannot tell the format from '" + cmd.out + "'; use .dot, .svg, .png or .pdf, or --format");
    if ((format == map::Format::png || format == map::Format::pdf) && (cmd.out.empty() || cmd.out == "-"))
        throw UsageError(std::string(map::to_string(format)) + " output needs --out FILE");

    auto loaded = load_dataset(true);
    const auto d = analysis::apply(loaded.dataset, cmd.filter);
    loaded.store.reset();

    const auto lang = rep::parse_lang(cmd.lang);
    map::Style style;
    style.lang = lang;
    style.title = cmd.title;
    style.max_edges = cmd.max_edges;
    style.geographic = !cmd.no_geo;
    style.outlines = !cmd.no_outlines;

    std::string bytes;
    if (cmd.view == "network") {
        const auto p = analysis::project_municipalities(d);
        map::NetworkInput in;
        in.dataset = &d;
        in.projection = &p;
        in.min_weight = cmd.min_weight;
        in.size = size_encoding(d, p, cmd, lang);
        in.colour = colour_encoding(d, cmd.color, lang);
        style.caption = caption(
            d, cmd, cmd.min_weight > 1 ? rep::trf(lang, "map.caption.min_weight", {weight_text(cmd.min_weight, lang)}) : "",
            lang);
        bytes = map::network(in, style, format);
    } else if (cmd.view == "ego") {
        if (cmd.key.empty()) throw UsageError("map ego needs a municipality code or name");
        map::EgoInput in;
        in.dataset = &d;
        in.municipality = find_municipality_by_key(d, cmd.key);
        in.min_shared = static_cast<std::size_t>(std::max(1.0, std::ceil(cmd.min_weight)));
        in.regions = cmd.regions;
        style.caption = caption(d, cmd, "", lang);
        bytes = map::ego(in, style, format);
    } else if (cmd.view == "overlap") {
        analysis::OverlapOptions o;
        o.min_jaccard = cmd.threshold;
        o.redundancy_threshold = cmd.redundancy;
        auto rows = analysis::overlap(d, o);
        // A force layout of thousands of pairs takes minutes (nl-2016 has over
        // 3,000 at 0.5): draw the strongest pairs only (rows come sorted by Jaccard).
        const std::size_t total = rows.size();
        const std::size_t cap = std::min<std::size_t>(cmd.max_edges, max_overlap_pairs);
        if (rows.size() > cap) rows.resize(cap);
        map::OverlapInput in;
        in.dataset = &d;
        in.rows = &rows;
        in.min_jaccard = cmd.threshold;
        in.redundancy_threshold = cmd.redundancy;
        style.caption = caption(d, cmd,
                                total > cap ? rep::trf(lang, "map.caption.strongest",
                                                       {rep::integer(lang, static_cast<std::int64_t>(cap)),
                                                        rep::integer(lang, static_cast<std::int64_t>(total))})
                                            : "",
                                lang);
        bytes = map::overlap(in, style, format);
    } else if (cmd.view == "division") {
        if (cmd.key.empty()) throw UsageError("map division needs a division name; known: " + known_divisions(d));
        const auto region = regions_of(d, cmd.key);
        if (std::none_of(region.begin(), region.end(), [](auto r) { return r >= 0; }))
            throw UsageError("no division '" + cmd.key + "' in dataset " + d.name + "; known: " + known_divisions(d));
        // Ties from ordinary arrangements (the regions themselves would tie every
        // region together); a dataset of divisions only (nl-2024) uses the other divisions.
        auto ties_d = analysis::apply(d, analysis::ordinary_arrangements());  // keeps every municipality, in order
        std::string ties_from = rep::tr(lang, "map.caption.ties_ordinary");
        if (ties_d.memberships.empty()) {
            ties_d = d;
            const auto wanted = lower(cmd.key);
            std::erase_if(ties_d.memberships,
                          [&](const Membership& ms) { return lower(d.arrangements[ms.arrangement].division) == wanted; });
            ties_d.reindex();
            ties_from = rep::tr(lang, "map.caption.ties_other_divisions");
        }
        const auto p = analysis::project_municipalities(ties_d);
        map::DivisionInput in;
        in.dataset = &d;
        in.division = cmd.key;
        in.region = region;
        in.projection = &p;
        in.min_weight = cmd.min_weight;
        in.size = size_encoding(d, analysis::project_municipalities(d), cmd, lang);
        style.caption = caption(d, cmd, ties_from, lang);
        bytes = map::division(in, style, format);
    } else if (cmd.view == "aggregate") {
        std::vector<std::int64_t> label(d.municipalities.size(), -1);
        std::vector<std::string> keys, names;
        std::string by = cmd.by;
        if (cmd.by == "province") {
            const auto c = colour_by_province(d, lang);
            label = c.group;
            keys = c.names;
            names = c.names;
        } else if (cmd.by.rfind("division:", 0) == 0) {
            by = cmd.by.substr(9);
            const auto region = regions_of(d, by);
            const auto c = colour_by_regions(d, region, by);
            if (c.names.empty()) throw UsageError("no division '" + by + "' in dataset " + d.name + "; known: " + known_divisions(d));
            label = c.group;
            names = c.names;
            std::map<std::int64_t, std::string> id_of;
            for (std::size_t i = 0; i < d.municipalities.size(); ++i)
                if (label[i] >= 0) id_of[label[i]] = d.arrangements[static_cast<std::size_t>(region[i])].id;
            for (std::size_t g = 0; g < names.size(); ++g) keys.push_back(id_of[static_cast<std::int64_t>(g)]);
        } else {
            throw UsageError("unknown --by '" + cmd.by + "'; expected province or division:NAME");
        }
        // A dataset of divisions only (nl-2024): links are the regions spanning both.
        const bool regions_only = std::none_of(d.memberships.begin(), d.memberships.end(), [&](const Membership& ms) {
            return !d.arrangements[ms.arrangement].is_region();
        });
        auto in = map::aggregate_input(d, label, keys, names, by, regions_only);
        in.min_arrangements = static_cast<std::size_t>(std::max(1.0, std::ceil(cmd.min_weight)));
        style.caption = caption(d, cmd, rep::tr(lang, regions_only ? "map.caption.links_regions" : "map.caption.links_ordinary"),
                                lang);
        bytes = map::aggregate(in, style, format);
    } else {
        throw UsageError("unknown view '" + cmd.view + "'; expected network, ego, overlap, division or aggregate");
    }
    emit(cmd.out, bytes);
}

}  // namespace

void setup_map(CLI::App& app) {
    auto cmd = std::make_shared<MapCommand>();
    auto* sub = app.add_subcommand("map", "Draw the cooperation network with Graphviz (DOT, SVG, PNG, PDF)");
    sub->footer(
        "Views:\n"
        "  network        municipalities linked by shared arrangements (default); pinned at\n"
        "                 their coordinates with outlines when the dataset has them\n"
        "  ego CODE       one municipality, its arrangements by domain, its partners\n"
        "  overlap        arrangements linked where their members overlap (Jaccard >= --threshold)\n"
        "  division NAME  the regions of a division with their municipalities; ties crossing\n"
        "                 region borders highlighted\n"
        "  aggregate      provinces (--by province) or regions (--by division:NAME) as nodes\n"
        "The format follows --out's extension (.dot .svg .png .pdf) or --format; default SVG on stdout.\n"
        "DOT output is the graph before layout: render it with `neato -n2` (geographic) or the\n"
        "engine named in docs/maps.md.");
    sub->add_option("view", cmd->view, "network | ego | overlap | division | aggregate")
        ->check(CLI::IsMember({"network", "ego", "overlap", "division", "aggregate"}))
        ->capture_default_str();
    sub->add_option("key", cmd->key, "municipality code or name (ego), division name (division)");
    sub->add_option("-o,--out", cmd->out, "output file (format from its extension)");
    sub->add_option("--format", cmd->format, "dot, svg, png or pdf (overrides the extension)")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}));
    sub->add_option("--lang", cmd->lang, "language of titles, legends, notes and tooltips (as the report)")
        ->check(CLI::IsMember({"nl", "en"}))
        ->capture_default_str();
    sub->add_option("--min-weight", cmd->min_weight, "draw ties sharing at least this many arrangements")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_option("--size", cmd->size, "node size by load, population, degree or betweenness")
        ->check(CLI::IsMember({"load", "population", "degree", "betweenness"}));
    sub->add_option("--color,--colour", cmd->color, "node colour by province, community or division:NAME");
    sub->add_option("--by", cmd->by, "aggregate: province or division:NAME")->capture_default_str();
    sub->add_option("--weights", cmd->weights, "TOML weights for --size load (default data/weights.toml)")
        ->check(CLI::ExistingFile);
    sub->add_option("--threshold", cmd->threshold, "overlap: least Jaccard index drawn")->capture_default_str();
    sub->add_option("--redundancy", cmd->redundancy, "overlap: Jaccard from which same-domain pairs are redundancy candidates")
        ->capture_default_str();
    sub->add_option("--max-edges", cmd->max_edges, "draw at most this many ties (the strongest)")->capture_default_str();
    sub->add_option("--title", cmd->title, "title above the map");
    sub->add_flag("--stamp", cmd->stamp, "put today's date in the caption (output then differs per day)");
    sub->add_flag("--no-geo", cmd->no_geo, "force layout even when coordinates are known");
    sub->add_flag("--no-outlines", cmd->no_outlines, "do not draw municipality outlines");
    sub->add_flag("--regions", cmd->regions, "ego: draw the regions of divisions it lies in as arrangements too");
    add_filter_options(*sub, cmd->filter);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
