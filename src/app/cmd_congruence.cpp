// regionet congruence [--against province] [filters]
#include <iostream>

#include "analysis/congruence.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct CongruenceCommand {
    analysis::Filter filter;
    analysis::CongruenceOptions options;
    std::string format = "text";
    std::string table;
    std::string out;
    bool no_save = false;
};

void run(const CongruenceCommand& cmd) {
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = analysis::apply(loaded.dataset, cmd.filter);
    loaded.store.reset();
    const auto result = analysis::congruence(d, cmd.options);
    const auto divisions = analysis::divisions_table(result);
    const auto fits = analysis::to_table(d, result);
    emit(cmd.out, render::write_tables({&divisions, &fits}, render::parse_format(cmd.format), cmd.table));
    if (!cmd.no_save) save_results(name, {&divisions, &fits}, cmd.filter.describe());
}

}  // namespace

void setup_congruence(CLI::App& app) {
    auto cmd = std::make_shared<CongruenceCommand>();
    auto* sub = app.add_subcommand(
        "congruence", "Agreement between regional divisions, and how well each arrangement fits one region");
    sub->footer(
        "Tables: congruence_divisions for every pair of divisions (division_a, division_b, municipalities\n"
        "with a region in both, regions_a, regions_b, ari, nmi, vi); congruence_arrangements for every\n"
        "ordinary arrangement (id, name, domain, form, members, against, best_region, best_region_name,\n"
        "inside, share = inside / members, regions, unassigned, provinces, crosses_province).\n"
        "'province' is a division named province(s)/provincie(s) when present, else the municipalities'\n"
        "province field. --format csv prints one table (--table).");
    sub->add_option("--against", cmd->options.against, "division to fit the arrangements in")->capture_default_str();
    add_filter_options(*sub, cmd->filter);
    add_format_option(*sub, cmd->format);
    sub->add_option("--table", cmd->table, "with --format csv: congruence_divisions or congruence_arrangements")
        ->check(CLI::IsMember({"congruence_divisions", "congruence_arrangements"}));
    add_output_options(*sub, cmd->out, cmd->no_save);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
