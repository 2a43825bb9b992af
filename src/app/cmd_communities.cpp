// regionet communities [--method louvain|leiden] [--seed N] [--weighting count|newman] [filters]
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/communities.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct CommunitiesCommand {
    analysis::Filter filter;
    analysis::CommunityOptions options;
    std::string method = "louvain";
    std::string weighting = "count";
    std::string format = "text";
    std::string table;
    std::string out;
    bool no_save = false;
};

// Prints several result tables: text shows each under its name, json an object
// keyed by table name, csv only the table chosen with --table (default the first).
std::string write_tables(const std::vector<const Table*>& tables, const std::string& format, const std::string& only) {
    std::ostringstream s;
    const auto f = render::parse_format(format);
    if (f == render::Format::csv) {
        const Table* chosen = tables.front();
        for (const auto* t : tables)
            if (t->name == only) chosen = t;
        if (!only.empty() && chosen->name != only) throw UsageError("no table '" + only + "' in this command's output");
        render::write_csv(*chosen, s);
    } else if (f == render::Format::json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        for (const auto* t : tables) {
            std::ostringstream one;
            render::write_json(*t, one);
            j[t->name] = nlohmann::ordered_json::parse(one.str());
        }
        s << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            s << (i ? "\n" : "") << tables[i]->name << " (" << tables[i]->rows.size() << ")\n";
            render::write_text(*tables[i], s);
        }
    }
    return s.str();
}
void run(CommunitiesCommand cmd) {
    cmd.options.method = analysis::parse_community_method(cmd.method);
    cmd.options.weighting = analysis::parse_weighting(cmd.weighting);
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = analysis::apply(loaded.dataset, cmd.filter);
    loaded.store.reset();
    const auto result = analysis::communities(d, cmd.options);
    const auto summary = analysis::summary_table(d, result);
    const auto agreement = analysis::agreement_table(result);
    const auto members = analysis::to_table(d, result);
    emit(cmd.out, write_tables({&summary, &agreement, &members}, cmd.format, cmd.table));
    if (!cmd.no_save) save_results(name, {&summary, &agreement, &members});
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
    add_format_option(*sub, cmd->format);
    sub->add_option("--table", cmd->table, "with --format csv: community_summary, community_agreement or communities")
        ->check(CLI::IsMember({"community_summary", "community_agreement", "communities"}));
    sub->add_option("--out", cmd->out, "write to this file instead of stdout");
    sub->add_flag("--no-save", cmd->no_save, "do not store the result in the database");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
