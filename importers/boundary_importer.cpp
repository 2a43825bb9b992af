#include "importers/boundary_importer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "importers/csv_reader.hpp"

namespace regionet {

namespace {

double round_to(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100.0);
    return buffer;
}

std::string describe(const geo::Layer& layer, const geo::Feature& f) {
    return layer.file + ": feature " + std::to_string(f.number) + " (" + f.code + " " + f.name + ")";
}

// Outlines and neighbours may already be in the builder (another input of
// the same dataset): add only what is new.
struct Existing {
    std::set<std::string> outlines;
    std::set<std::pair<std::string, std::string>> neighbours;
    explicit Existing(ModelBuilder& out) {
        for (const auto& o : out.dataset().outlines) outlines.insert(o.owner);
        for (const auto& n : out.dataset().neighbours) neighbours.emplace(n.a, n.b);
    }
};

// Adds or enriches the municipalities of layer (upsert: fill only missing fields).
void add_municipalities(const geo::Layer& layer, const BoundarySources& sources, ModelBuilder& out,
                        ImportReport& report, Existing& existing) {
    for (const auto& f : layer.features) {
        const SourceLoc at{layer.file, f.number, 0};
        if (!is_cbs_municipality_code(f.code))
            report.notice(describe(layer, f) + ": '" + f.code + "' is not a CBS municipality code (GM and four digits)");
        const auto point = geo::point_on_surface(*f.geometry);
        const double area = round_to(geo::area_km2(*f.geometry), 3);
        if (!out.has_municipality(f.code)) {
            Municipality m;
            m.code = f.code;
            m.name = f.name.empty() ? f.code : f.name;
            out.add_municipality(std::move(m), at);
        }
        Municipality& m = *out.municipality(f.code);
        if (m.name.empty()) m.name = f.name;
        if (!m.lat || !m.lon) {
            m.lat = round_to(point.lat, 6);
            m.lon = round_to(point.lon, 6);
        }
        if (!m.area_km2) m.area_km2 = area;
        if (existing.outlines.insert(f.code).second)
            out.add_outline({f.code, geo::outline_wkt(*f.geometry, sources.outline_tolerance_m)}, at);
        report.imported(layer.file);
    }
}

void add_neighbours(const geo::Layer& layer, ModelBuilder& out, Existing& existing) {
    for (const auto& pair : geo::neighbours(layer)) {
        Neighbour n{layer.features[pair.a].code, layer.features[pair.b].code, round_to(pair.border_m / 1000.0, 3)};
        if (n.b < n.a) std::swap(n.a, n.b);
        if (!existing.neighbours.emplace(n.a, n.b).second) continue;
        out.add_neighbour(std::move(n), {layer.file, layer.features[pair.a].number, 0});
    }
}

void add_division(const std::string& division, const std::filesystem::path& file, const geo::Layer& municipalities,
                  const BoundarySources& sources, ModelBuilder& out, ImportReport& report,
                  const ImportOptions& options, Existing& existing) {
    auto regions = geo::read_layer(file, sources.fields);
    for (auto& m : regions.messages) report.notice(std::move(m));
    const std::string source = "CBS gebiedsindelingen (" + file.filename().string() + ")";
    for (const auto& r : regions.features) {
        const SourceLoc at{regions.file, r.number, 0};
        if (out.has_arrangement(r.code)) {
            const Arrangement* a = out.arrangement(r.code);
            if (a->division != division)
                throw ImportError(at, "region code " + r.code + " is already used by '" + a->name + "' of " +
                                          (a->division.empty() ? std::string("another arrangement")
                                                               : "division " + a->division));
        } else {
            Arrangement a;
            a.id = r.code;
            a.name = r.name.empty() ? r.code : r.name;
            a.domain = division_domain(division);
            a.form = "regional_division";
            a.division = division;
            a.source = source;
            a.reference_date = sources.reference_date;
            out.add_arrangement(std::move(a), at);
        }
        if (existing.outlines.insert(r.code).second)
            out.add_outline({r.code, geo::outline_wkt(*r.geometry, sources.outline_tolerance_m)}, at);
    }
    const auto overlay = geo::shares(municipalities, regions);
    std::vector<std::size_t> members(regions.features.size(), 0);
    for (std::size_t i = 0; i < overlay.size(); ++i) {
        const auto& m = municipalities.features[i];
        if (overlay[i].empty()) {
            report.skip(ImportError({municipalities.file, m.number, 0},
                                    m.code + " " + m.name + " lies in no region of " + division + " (" +
                                        regions.file + ")"),
                        options);
            continue;
        }
        const auto& best = overlay[i].front();
        const auto& region = regions.features[best.b];
        ++members[best.b];
        if (best.share < sources.report_share_below) {
            std::string others;
            for (std::size_t k = 1; k < overlay[i].size() && k < 3; ++k)
                others += ", " + regions.features[overlay[i][k].b].code + " " + percent(overlay[i][k].share);
            report.notice(division + ": " + m.code + " " + m.name + " lies for " + percent(best.share) + " in " +
                          region.code + " " + region.name + " (largest share" + others + ")");
        }
        if (division == "provincie" && out.municipality(m.code)->province.empty())
            out.municipality(m.code)->province = region.name;
        if (out.has_membership(region.code, m.code)) continue;
        Membership ms;
        ms.arrangement_id = region.code;
        ms.municipality_code = m.code;
        ms.share = std::min(1.0, round_to(best.share, 4));
        out.add_membership(std::move(ms), {municipalities.file, m.number, 0});
    }
    for (std::size_t j = 0; j < regions.features.size(); ++j)
        if (members[j] == 0) report.notice(describe(regions, regions.features[j]) + ": region without municipalities");
    report.files[regions.file].imported += regions.features.size();
}

}  // namespace

bool is_cbs_municipality_code(std::string_view code) noexcept {
    return code.size() == 6 && code[0] == 'G' && code[1] == 'M' &&
           std::all_of(code.begin() + 2, code.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string division_name_from_file(const std::filesystem::path& file) {
    std::string stem = file.stem().string();
    const auto underscore = stem.rfind('_');
    if (underscore != std::string::npos && underscore + 5 == stem.size() &&
        std::all_of(stem.begin() + underscore + 1, stem.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        stem.erase(underscore);
    return stem;
}

std::string division_domain(std::string_view division) {
    static const std::map<std::string, std::string, std::less<>> domains{
        {"provincie", "bestuur"},
        {"veiligheidsregio", "veiligheid"},
        {"regionale_eenheid", "veiligheid"},
        {"ggdregio", "gezondheid"},
        {"zorgkantoorregio", "zorg"},
        {"jeugdregio", "jeugd"},
        {"arbeidsmarktregio", "werk en inkomen"},
        {"regionale_energiestrategie", "energie"},
        {"coropgebied", "statistiek"},
    };
    const auto it = domains.find(division);
    return it == domains.end() ? std::string(division) : it->second;
}

void import_population(const std::filesystem::path& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ImportError({file.string()}, "cannot open");
    csv::Reader reader(in, file.string());
    const auto code_col = reader.require("code");
    const auto population_col = reader.require("population");
    const auto name_col = reader.find("name");
    std::set<std::string> seen;
    csv::Record r;
    while (reader.next(r)) {
        try {
            const std::string code = csv::trim(r.fields[code_col]);
            if (!seen.insert(code).second) throw ImportError(reader.at(r, code_col), "code " + code + " occurs twice");
            const auto population = csv::parse_int(r.fields[population_col], reader.at(r, population_col),
                                                   "population", 0, 100'000'000);
            Municipality* m = out.municipality(code);
            if (!m)
                throw ImportError(reader.at(r, code_col),
                                  "municipality " + code +
                                      (name_col ? " (" + csv::trim(r.fields[*name_col]) + ")" : std::string()) +
                                      " is not in the boundary file");
            if (name_col && !m->name.empty() && csv::trim(r.fields[*name_col]) != m->name)
                report.notice(reader.at(r, *name_col).str() + ": " + code + " is called '" +
                              csv::trim(r.fields[*name_col]) + "' here and '" + m->name + "' in the boundary file");
            if (population && !m->population) m->population = population;
            report.imported(file.string());
        } catch (const ImportError& e) {
            report.skip(e, options);
        }
    }
    for (const auto& m : out.dataset().municipalities)
        if (!seen.count(m.code)) report.notice(file.string() + ": no population for " + m.code + " " + m.name);
}

void import_boundaries(const BoundarySources& sources, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    auto municipalities = geo::read_layer(sources.municipalities, sources.fields);
    for (auto& m : municipalities.messages) report.notice(std::move(m));
    if (municipalities.features.empty()) throw ImportError({municipalities.file}, "holds no municipality");
    Existing existing(out);
    add_municipalities(municipalities, sources, out, report, existing);
    add_neighbours(municipalities, out, existing);
    std::set<std::string> names;
    for (const auto& [division, file] : sources.divisions) {
        if (!names.insert(division).second)
            throw ImportError({file.string()}, "division '" + division + "' is given twice");
        add_division(division, file, municipalities, sources, out, report, options, existing);
    }
    if (sources.population) import_population(*sources.population, out, report, options);
}

bool BoundaryImporter::accepts(const std::filesystem::path& input) const {
    if (!std::filesystem::is_regular_file(input)) return false;
    auto ext = input.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".topojson" || ext == ".geojson" || ext == ".gpkg" || ext == ".shp";
}

void BoundaryImporter::read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
                            const ImportOptions& options) const {
    BoundarySources sources;
    sources.municipalities = input;
    import_boundaries(sources, out, report, options);
}

}  // namespace regionet
