// regionet load [--weights FILE] [--table municipality|arrangement] [filters]
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/load.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct LoadCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    std::string weights;
    std::string table = "municipality";
    std::string format = "text";
    std::string out;
    bool no_save = false;
};

void run(const LoadCommand& cmd) {
    const auto weights = read_weights(cmd.weights);  // a bad file fails before any work
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, cmd.scope);
    loaded.store.reset();
    const auto result = analysis::load(d, weights);
    const auto municipalities = analysis::municipality_table(result);
    const auto arrangements = analysis::arrangement_table(result);
    print_table(cmd.table == "arrangement" ? arrangements : municipalities, cmd.format, cmd.out);
    if (!cmd.no_save) save_results(name, {&municipalities, &arrangements}, cmd.filter.describe());
}

}  // namespace

void setup_load(CLI::App& app) {
    auto cmd = std::make_shared<LoadCommand>();
    auto* sub = app.add_subcommand("load", "Administrative load per municipality and coordination cost per arrangement");
    sub->footer(
        "Per municipality (--table municipality): code, name, memberships, host_roles, board_seats,\n"
        "weighted_load (meetings per year: for each membership the meetings of the arrangement's\n"
        "form times the factor of the role, plus board seats times meetings per seat),\n"
        "load_per_10k_inhabitants, rank (1 = heaviest, ties by code).\n"
        "Per arrangement (--table arrangement): id, name, form, members, coordination_pairs =\n"
        "n(n-1)/2, meetings_per_year. Weights: data/weights.toml unless --weights is given.");
    sub->add_option("--weights", cmd->weights, "TOML weights file (sections [forms], [roles], [board])")
        ->check(CLI::ExistingFile);
    sub->add_option("--table", cmd->table, "which table to print (both are stored)")
        ->check(CLI::IsMember({"municipality", "arrangement"}))
        ->capture_default_str();
    add_analysis_options(*sub, cmd->filter, cmd->format, cmd->out, cmd->no_save);
    add_scope_options(*sub, cmd->scope);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
