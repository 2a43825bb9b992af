// regionet communities [--method louvain|leiden] [--seed N] [--weighting count|newman] [filters]
#include <iostream>

#include "analysis/communities.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct CommunitiesCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    analysis::CommunityOptions options;
    std::string method = "louvain";
    std::string weighting = "count";
    std::string format = "text";
    std::string table;
    std::string out;
    bool no_save = false;
};

void run(CommunitiesCommand cmd) {
    cmd.options.method = analysis::parse_community_method(cmd.method);
    cmd.options.weighting = analysis::parse_weighting(cmd.weighting);
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    // Regions stay as the yardstick the clusters are compared with; the pass keeps
    // them out of the graph unless --include-regions.
    auto scope = cmd.scope;
    scope.include_regions = true;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, scope);
    loaded.store.reset();
    const auto result = analysis::communities(d, cmd.options);
    const auto summary = analysis::summary_table(d, result);
    const auto agreement = analysis::agreement_table(result);
    const auto members = analysis::to_table(d, result);
    emit(cmd.out, render::write_tables({&summary, &agreement, &members}, render::parse_format(cmd.format), cmd.table));
    if (!cmd.no_save) save_results(name, {&summary, &agreement, &members}, cmd.filter.describe());
}

}  // namespace

void setup_communities(CLI::App& app) {
    auto cmd = std::make_shared<CommunitiesCommand>();
    auto* sub = app.add_subcommand(
        "communities", "Communities of the co-membership network and their agreement with the regional divisions");
    sub->footer(
        "The graph links municipalities that share ordinary arrangements (regions of divisions are left\n"
        "out unless --include-regions, or when there are no ordinary arrangements), weighted by count or\n"
        "newman. Deterministic for a given --seed; communities numbered by their smallest member code.\n"
        "Tables: community_summary (method, seed, weighting, resolution, used_regions, municipalities,\n"
        "clustered, edges, communities, modularity); community_agreement per division (municipalities,\n"
        "regions, communities, ari = adjusted Rand index, nmi = normalised mutual information,\n"
        "vi = variation of information); communities per municipality (code, name, province, community\n"
        "(0 = no tie), community_size). A municipality in two regions of one division counts in the one\n"
        "with the largest share (ties: smallest region id). --format csv prints one table (--table).");
    sub->add_option("--method", cmd->method, "louvain or leiden")->check(CLI::IsMember({"louvain", "leiden"}))->capture_default_str();
    sub->add_option("--seed", cmd->options.seed, "seed of the random number generator")->capture_default_str();
    sub->add_option("--weighting", cmd->weighting, "edge weight: count (shared arrangements) or newman (1/(n-1) per arrangement)")
        ->check(CLI::IsMember({"count", "newman"}))
        ->capture_default_str();
    sub->add_option("--resolution", cmd->options.resolution, "modularity resolution (higher: smaller communities)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_flag("--include-regions", cmd->options.include_regions, "build the graph from regions of divisions too");
    add_filter_options(*sub, cmd->filter);
    sub->add_flag("--include-duplicates", cmd->scope.include_duplicates, "count second registrations of one body");
    sub->add_flag("--include-ended", cmd->scope.include_ended, "count arrangements ended by the reference year");
    add_format_option(*sub, cmd->format);
    sub->add_option("--table", cmd->table, "with --format csv: community_summary, community_agreement or communities")
        ->check(CLI::IsMember({"community_summary", "community_agreement", "communities"}));
    add_output_options(*sub, cmd->out, cmd->no_save);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
