// regionet changes OLD NEW [--carry] [--min-share 0.05] [--format text|csv|json] [--table NAME] [--out FILE]
#include <filesystem>
#include <iostream>

#include "analysis/changes.hpp"
#include "analysis/graphs.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "geo/geo.hpp"
#include "importers/importer.hpp"

namespace regionet::app {

namespace {

struct ChangesCommand {
    std::string old_name;
    std::string new_name;
    bool carry = false;
    analysis::ChangesOptions options;
    std::string format = "text";
    std::string table;
    std::string out;
    bool no_save = false;
};

// The named dataset from the database; an embedded bundle of that name
// (data/<name>) is imported first when the database does not hold it.
Dataset load_named(const std::string& name) {
    {
        Store store(global().db, Store::Mode::read_write);
        if (!store.has_dataset(name)) {
            const auto bundle = data_dir() / name;
            if (!std::filesystem::exists(bundle / "municipalities.csv"))
                return store.load(store.resolve(name));  // throws UsageError listing the datasets
            if (!global().quiet) std::cerr << "regionet: importing embedded dataset " << name << "\n";
            ModelBuilder builder(name);
            ImportReport report;
            importer_for(bundle).read(bundle, builder, report, {});
            store.save(builder.finish(), "embedded");
        }
        return store.load(name);
    }
}

// Area shares of every old municipality's outline in the new outlines.
analysis::AreaShares overlay(const Dataset& old_d, const Dataset& new_d) {
    const auto a = geo::layer_from_outlines(old_d);
    const auto b = geo::layer_from_outlines(new_d);
    if (a.features.empty() || b.features.empty())
        throw Error("changes needs the outlines of both datasets; '" + (a.features.empty() ? old_d.name : new_d.name) +
                    "' has none (import its boundary file)");
    for (const auto* layer : {&a, &b})
        for (const auto& m : layer->messages)
            if (!global().quiet) std::cerr << "notice: " << m << "\n";
    const auto shares = geo::shares(a, b);
    analysis::AreaShares out;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        auto& v = out[a.features[i].code];
        for (const auto& s : shares[i]) v.push_back({b.features[s.b].code, s.share});
    }
    return out;
}


void run(const ChangesCommand& cmd) {
    if (cmd.old_name == cmd.new_name) throw UsageError("changes compares two different datasets");
    const auto old_d = load_named(cmd.old_name);
    const auto new_d = load_named(cmd.new_name);
    const auto shares = overlay(old_d, new_d);
    const auto changes = analysis::municipality_changes(old_d, new_d, shares, cmd.options);
    const auto municipalities = analysis::municipalities_table(old_d, new_d, changes);
    const auto [divisions, regions] = analysis::division_changes(old_d, new_d, changes);
    // Arrangements then and now; a dated register (nl-2026) as on its reference year.
    const auto counts = analysis::arrangement_counts(analysis::apply(old_d, {}), analysis::apply(new_d, {}), changes);
    std::vector<const Table*> tables{&municipalities, &counts, &divisions, &regions};
    Table carried;
    if (cmd.carry) {
        carried = analysis::carried_table(old_d, new_d, changes);
        tables.push_back(&carried);
    }
    emit(cmd.out, render::write_tables(tables, render::parse_format(cmd.format), cmd.table));
    if (!cmd.no_save) save_results(old_d.name, tables);
}

}  // namespace

void setup_changes(CLI::App& app) {
    auto cmd = std::make_shared<ChangesCommand>();
    auto* sub = app.add_subcommand(
        "changes", "From an earlier dataset to a later one: mergers and splits, carried memberships, changed regions");
    sub->footer(
        "Every earlier municipality goes to the later municipality holding most of its area (overlay of the\n"
        "stored outlines of both datasets, in RD New); a split one is listed with the share that went to each.\n"
        "Tables: changes_municipalities (code_old, name_old, code_new, name_new, share, status =\n"
        "unchanged|renamed|merged|split|gone, partners); changes_arrangements (per later municipality the\n"
        "arrangements, not regions, then and now: code, name, then, now, change, from_old; a dated register\n"
        "such as nl-2026 as on its reference year); changes_divisions for divisions present in both\n"
        "(division_old, division_new, municipalities, regions_old, regions_new, changed, ari, nmi);\n"
        "changes_regions (the municipalities that changed region); with --carry changes_carried (every\n"
        "earlier membership on the later municipalities: arrangement_id, arrangement_name, division,\n"
        "code_new, name_new, from_old, share, carried). --format csv prints one table (--table).\n"
        "Example: regionet changes nl-2016 nl-2026 --table changes_arrangements --format csv");
    sub->add_option("old", cmd->old_name, "earlier dataset, e.g. nl-2016")->required();
    sub->add_option("new", cmd->new_name, "later dataset, e.g. nl-2024")->required();
    sub->add_flag("--carry", cmd->carry, "carry every earlier membership onto the later municipalities");
    sub->add_option("--min-share", cmd->options.min_share,
                    "ignore parts of a municipality's area below this share (slivers of simplified outlines)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    add_format_option(*sub, cmd->format);
    sub->add_option("--table", cmd->table, "with --format csv: the table to print")
        ->check(CLI::IsMember({"changes_municipalities", "changes_arrangements", "changes_divisions", "changes_regions",
                               "changes_carried"}));
    add_output_options(*sub, cmd->out, cmd->no_save);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
