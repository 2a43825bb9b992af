// regionet centrality [--weighting count|newman] [--betweenness-cutoff D] [--sample K] [filters]
#include <iostream>
#include <sstream>

#include "analysis/centrality.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/result_texts.hpp"

namespace regionet::app {

namespace {

struct CentralityCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    analysis::CentralityOptions options;
    std::string weighting = "count";
    std::string table = "municipality";
    std::string format = "text";
    std::string out;
    bool no_betweenness = false;
    bool no_harmonic = false;
    bool no_save = false;
};

void run(CentralityCommand cmd) {
    cmd.options.weighting = analysis::parse_weighting(cmd.weighting);
    cmd.options.betweenness = !cmd.no_betweenness;
    cmd.options.harmonic = !cmd.no_harmonic;
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, cmd.scope);
    loaded.store.reset();
    const auto result = analysis::centrality(d, cmd.options);
    if (!global().quiet && result.excluded_arrangements)
        std::cerr << "note: " << result.excluded_arrangements << " arrangement(s) with more than "
                  << cmd.options.max_arrangement_size
                  << " members left out of the network (national ones link everyone); --max-arrangement-size 0 keeps them\n";
    if (!global().quiet && (result.betweenness_estimated || result.harmonic_estimated))
        std::cerr << "note: betweenness is an estimate (" << render::report::betweenness_method(render::report::Lang::en, result) << ")"
                  << (result.harmonic_estimated ? "; harmonic closeness counts only paths within the cutoff" : "")
                  << "\n";
    const auto municipalities = analysis::municipality_table(d, result);
    const auto arrangements = analysis::arrangement_table(d, result);
    print_table(cmd.table == "arrangement" ? arrangements : municipalities, cmd.format, cmd.out);
    if (!cmd.no_save) save_results(name, {&municipalities, &arrangements}, cmd.filter.describe());
}

}  // namespace

void setup_centrality(CLI::App& app) {
    auto cmd = std::make_shared<CentralityCommand>();
    auto* sub = app.add_subcommand(
        "centrality", "Network position of municipalities on the co-membership network; two-mode degree of arrangements");
    sub->footer(
        "The network: municipalities, linked when they share an arrangement; weight = shared\n"
        "arrangements (--weighting count) or the sum of 1/(n-1) over shared arrangements of n\n"
        "members (--weighting newman). Distance along an edge = 1/weight.\n"
        "Columns and normalisation:\n"
        "  degree       partner municipalities, raw count (not normalised)\n"
        "  strength     sum of edge weights, raw (not normalised)\n"
        "  betweenness  share of weighted shortest paths through it, each unordered pair once,\n"
        "               normalised: divided by (n-1)(n-2)/2, so 0..1\n"
        "  harmonic     harmonic closeness, normalised: mean of 1/distance over the other n-1\n"
        "  eigenvector  weighted eigenvector centrality, normalised: maximum = 1\n"
        "  pagerank     weighted PageRank (damping 0.85), normalised: sums to 1\n"
        "  constraint   Burt's constraint, weighted, raw (low = broker); empty when isolated\n"
        "  estimated    yes when betweenness/harmonic come from --betweenness-cutoff or --sample\n"
        "Arrangements (--table arrangement): id, name, domain, two_mode_degree (members).\n"
        "Arrangements with more than --max-arrangement-size members (default 100) are left out\n"
        "of the network; their two-mode degree is still reported.\n"
        "Betweenness and harmonic closeness cost O(n m log n) (all cores are used): on large\n"
        "networks use --betweenness-cutoff D, --sample K, --no-betweenness or --no-harmonic.\n"
        "--sample K estimates betweenness from K sources taken at even steps along a\n"
        "breadth-first order of the network (each municipality with probability K/n, --seed\n"
        "picks the start), each source's paths counted with linear scaling (Geisberger et al.\n"
        "2008), scaled by n/K: unbiased, exact for K >= n. Harmonic closeness stays exact (a\n"
        "full pass): add --no-harmonic. Measured at 11,000 municipalities (generated de data,\n"
        "275,000 memberships, 2 shared cores): --sample 300 finds 96-99 of the exact top 100\n"
        "in 13-22 s wall (11-14 s CPU), --sample 1000 all 100 in 50 s; exact: 319 s CPU.");
    sub->add_option("--weighting", cmd->weighting, "edge weight: count or newman")
        ->check(CLI::IsMember({"count", "newman"}))
        ->capture_default_str();
    sub->add_option("--betweenness-cutoff", cmd->options.betweenness_cutoff,
                    "only count paths up to this distance (betweenness and harmonic become estimates)");
    sub->add_option("--sample", cmd->options.sample,
                    "estimate betweenness from K source municipalities spread over the network (see below)");
    sub->add_option("--seed", cmd->options.seed, "seed for --sample")->capture_default_str();
    sub->add_option("--max-arrangement-size", cmd->options.max_arrangement_size,
                    "leave larger arrangements out of the network (0: keep all)")
        ->capture_default_str();
    sub->add_flag("--no-betweenness", cmd->no_betweenness, "skip betweenness (empty column)");
    sub->add_flag("--no-harmonic", cmd->no_harmonic, "skip harmonic closeness (empty column)");
    sub->add_option("--table", cmd->table, "which table to print (both are stored)")
        ->check(CLI::IsMember({"municipality", "arrangement"}))
        ->capture_default_str();
    add_analysis_options(*sub, cmd->filter, cmd->format, cmd->out, cmd->no_save);
    add_scope_options(*sub, cmd->scope);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
