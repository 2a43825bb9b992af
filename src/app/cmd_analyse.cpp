// regionet analyse [--weights FILE] [--betweenness] [--harmonic] [--seed N] [filters]
//
// overlap, load, centrality and communities on one loaded dataset, every result
// table stored as the separate commands store it (the same tables, rows and
// filter key); what each command would print is not printed, only a line per
// stored table.
#include <iostream>
#include <optional>

#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/load.hpp"
#include "analysis/overlap.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct AnalyseCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    analysis::OverlapOptions overlap;
    analysis::CentralityOptions centrality;
    analysis::CommunityOptions communities;
    std::string weights;
    std::string weighting = "count";
    std::string method = "louvain";
    bool betweenness = false;
    bool harmonic = false;
    bool no_save = false;
};

void run(AnalyseCommand cmd) {
    const auto weights = read_weights(cmd.weights);  // a bad file fails before any work
    const auto weighting = analysis::parse_weighting(cmd.weighting);
    cmd.centrality.weighting = weighting;
    cmd.centrality.betweenness = cmd.betweenness;
    cmd.centrality.harmonic = cmd.harmonic;
    cmd.communities.weighting = weighting;
    cmd.communities.method = analysis::parse_community_method(cmd.method);
    cmd.communities.include_regions = cmd.scope.include_regions;  // `communities --include-regions`
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    loaded.store.reset();

    // The datasets the commands work on: communities keep the regions as the
    // yardstick (the pass leaves them out of the graph unless --include-regions),
    // as `communities` does; overlap, load and centrality count cooperation only,
    // the same rows without the regions. Where there are none to leave out, they
    // read the communities' dataset itself, not a copy (1.1 GB at eu scale).
    auto community_scope = cmd.scope;
    community_scope.include_regions = true;
    const auto dc = filtered_scope(std::move(loaded.dataset), cmd.filter, community_scope);
    std::vector<Table> tables;
    {
        const auto cooperation = scope_for(cmd.filter, cmd.scope);
        std::optional<Dataset> narrowed;  // freed before communities builds its graph
        if (analysis::scope_counts(dc, cooperation).cooperation != dc.arrangements.size())
            narrowed = analysis::cooperation_scope(dc, cooperation);
        const Dataset& d = narrowed ? *narrowed : dc;
        tables.push_back(analysis::to_table(analysis::overlap(d, cmd.overlap)));
        {
            const auto r = analysis::load(d, weights);
            tables.push_back(analysis::municipality_table(r));
            tables.push_back(analysis::arrangement_table(r));
        }
        const auto r = analysis::centrality(d, cmd.centrality);
        if (!global().quiet && r.excluded_arrangements)
            std::cerr << "note: " << r.excluded_arrangements << " arrangement(s) with more than "
                      << cmd.centrality.max_arrangement_size
                      << " members left out of the centrality network; --max-arrangement-size 0 keeps them\n";
        tables.push_back(analysis::municipality_table(d, r));
        tables.push_back(analysis::arrangement_table(d, r));
    }
    {
        const auto r = analysis::communities(dc, cmd.communities);
        tables.push_back(analysis::summary_table(dc, r));
        tables.push_back(analysis::agreement_table(r));
        tables.push_back(analysis::to_table(dc, r));
    }
    std::vector<const Table*> pointers;
    for (const auto& t : tables) pointers.push_back(&t);
    if (!cmd.no_save) save_results(name, pointers, cmd.filter.describe());
    for (const auto& t : tables)
        std::cout << (cmd.no_save ? "computed " : "stored result_") << t.name << ": " << t.rows.size() << " rows\n";
}

}  // namespace

void setup_analyse(CLI::App& app) {
    auto cmd = std::make_shared<AnalyseCommand>();
    auto* sub = app.add_subcommand(
        "analyse", "overlap, load, centrality and communities in one run on one loaded dataset; stores every result table");
    sub->footer(
        "Stores the result tables of `overlap`, `load`, `centrality` and `communities` (result_overlap,\n"
        "result_load_municipality, result_load_arrangement, result_centrality_municipality,\n"
        "result_centrality_arrangement, result_community_summary, result_community_agreement,\n"
        "result_communities), exactly as the four commands with the same options store them; prints\n"
        "one line per table. Centrality leaves out betweenness and harmonic closeness (the costly\n"
        "measures) unless --betweenness or --harmonic asks for them.");
    sub->add_option("--weights", cmd->weights, "load: TOML weights file (sections [forms], [roles], [board])")
        ->check(CLI::ExistingFile);
    sub->add_option("--min-jaccard", cmd->overlap.min_jaccard, "overlap: report pairs with at least this Jaccard index")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--redundancy-threshold", cmd->overlap.redundancy_threshold,
                    "overlap: Jaccard from which a same-domain pair is a redundancy candidate")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--weighting", cmd->weighting, "centrality and communities: edge weight, count or newman")
        ->check(CLI::IsMember({"count", "newman"}))
        ->capture_default_str();
    sub->add_flag("--betweenness", cmd->betweenness, "centrality: compute betweenness too (O(n m log n))");
    sub->add_flag("--harmonic", cmd->harmonic, "centrality: compute harmonic closeness too (O(n m log n))");
    sub->add_option("--betweenness-cutoff", cmd->centrality.betweenness_cutoff,
                    "centrality: only count paths up to this distance (estimates)");
    sub->add_option("--sample", cmd->centrality.sample, "centrality: estimate betweenness from K source municipalities");
    sub->add_option("--max-arrangement-size", cmd->centrality.max_arrangement_size,
                    "centrality: leave larger arrangements out of the network (0: keep all)")
        ->capture_default_str();
    sub->add_option("--method", cmd->method, "communities: louvain or leiden")
        ->check(CLI::IsMember({"louvain", "leiden"}))
        ->capture_default_str();
    sub->add_option("--resolution", cmd->communities.resolution, "communities: modularity resolution")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_option("--seed", cmd->communities.seed, "communities (and centrality --sample): random seed")
        ->capture_default_str();
    add_filter_options(*sub, cmd->filter);
    add_scope_options(*sub, cmd->scope);
    sub->add_flag("--no-save", cmd->no_save, "compute only, store nothing");
    sub->callback([cmd] {
        cmd->centrality.seed = cmd->communities.seed;
        run(*cmd);
    });
}

}  // namespace regionet::app
