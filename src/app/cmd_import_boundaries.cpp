// regionet import-boundaries MUNICIPALITY_FILE [--division NAME=FILE ...] [--province-file FILE]
//     [--population FILE] [--code-field statcode] [--name-field statnaam] [--as NAME]
#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "importers/boundary_importer.hpp"

namespace regionet::app {

namespace {

struct ImportBoundariesCommand {
    std::string municipalities;
    std::vector<std::string> divisions;  // NAME=FILE or FILE
    std::string province_file;
    std::string population;
    std::string code_field = "statcode";
    std::string name_field = "statnaam";
    std::string as;
    std::string reference_date;
    std::string source;
    double tolerance_m = 0.0;
    bool keep_going = false;
};

void print_report(const ImportReport& report, const Dataset& d) {
    if (global().quiet && report.skipped.empty()) return;
    for (const auto& n : report.notices) std::cerr << "notice: " << n << "\n";
    for (const auto& e : report.skipped) std::cerr << "skipped: " << e.what() << "\n";
    if (global().quiet) return;
    std::cerr << "imported " << d.name << ": " << d.municipalities.size() << " municipalities, "
              << d.neighbours.size() << " neighbour pairs, " << d.arrangements.size() << " regions in "
              << d.divisions().size() << " divisions, " << d.outlines.size() << " outlines\n";
    for (const auto& [file, c] : report.files) {
        std::cerr << "  " << file << ": " << c.imported << " read";
        if (c.skipped) std::cerr << ", " << c.skipped << " skipped";
        std::cerr << "\n";
    }
}

void run(const ImportBoundariesCommand& cmd) {
    BoundarySources sources;
    sources.municipalities = cmd.municipalities;
    sources.fields.code_field = cmd.code_field;
    sources.fields.name_field = cmd.name_field;
    sources.reference_date = cmd.reference_date;
    sources.outline_tolerance_m = cmd.tolerance_m;
    if (!cmd.province_file.empty()) sources.divisions.emplace_back("provincie", cmd.province_file);
    for (const auto& d : cmd.divisions) {
        const auto eq = d.find('=');
        if (eq == std::string::npos) {
            if (!std::filesystem::exists(d))
                throw UsageError("--division " + d + ": expected NAME=FILE, or an existing FILE named after its division");
            sources.divisions.emplace_back(division_name_from_file(d), d);
        } else {
            if (eq == 0 || eq + 1 == d.size())
                throw UsageError("--division wants NAME=FILE (or FILE), not '" + d + "'");
            sources.divisions.emplace_back(d.substr(0, eq), d.substr(eq + 1));
        }
    }
    if (!cmd.population.empty()) sources.population = cmd.population;

    std::string name = cmd.as;
    if (name.empty()) name = std::filesystem::path(cmd.municipalities).stem().string();
    ImportOptions options;
    options.keep_going = cmd.keep_going;
    ModelBuilder builder(name);
    ImportReport report;
    {
        Progress progress("importing boundaries " + name);
        progress.update(cmd.municipalities);
        import_boundaries(sources, builder, report, options);
        progress.done();
    }
    builder.dataset().source = cmd.source.empty()
                                   ? "boundaries: " + std::filesystem::path(cmd.municipalities).filename().string()
                                   : cmd.source;
    builder.dataset().reference_date = cmd.reference_date;
    auto dataset = builder.finish();
    dataset.name = name;
    Store store(global().db, Store::Mode::read_write);
    store.save(dataset, utc_now());
    print_report(report, dataset);
}

}  // namespace

void setup_import_boundaries(CLI::App& app) {
    auto cmd = std::make_shared<ImportBoundariesCommand>();
    auto* sub = app.add_subcommand(
        "import-boundaries",
        "Import municipality boundaries (and division boundaries) from TopoJSON, GeoJSON, GeoPackage or Shapefile: "
        "points, areas, neighbours, provinces, regions and outlines");
    sub->add_option("municipalities", cmd->municipalities, "municipality boundary file")->required();
    sub->add_option("--division", cmd->divisions,
                    "division boundary file as NAME=FILE (e.g. veiligheidsregio=vr.gpkg) or FILE (name from the "
                    "file: veiligheidsregio_2024.topojson -> veiligheidsregio); repeatable");
    sub->add_option("--province-file", cmd->province_file,
                    "province boundary file: sets each municipality's province and adds division 'provincie'");
    sub->add_option("--population", cmd->population, "CSV with columns code,name,population");
    sub->add_option("--code-field", cmd->code_field, "field holding the CBS code")->capture_default_str();
    sub->add_option("--name-field", cmd->name_field, "field holding the name")->capture_default_str();
    sub->add_option("--as", cmd->as, "dataset name (default: the municipality file's name)");
    sub->add_option("--reference-date", cmd->reference_date, "date the boundaries describe, e.g. 2024-01-01");
    sub->add_option("--source", cmd->source, "provenance text stored with the dataset");
    sub->add_option("--outline-tolerance", cmd->tolerance_m, "simplify stored outlines (SimplifyPreserveTopology, metres in RD New); 0 keeps the vertices, rounded to 5 decimals. Per-outline simplification opens gaps between neighbours: use it only for detailed files (e.g. 50 for PDOK GeoPackages)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 10000.0));
    sub->add_flag("--keep-going", cmd->keep_going, "report municipalities without region and import the rest");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
