// regionet analyse [--weights FILE] [--seed N] [--betweenness] [--sample K] [filters]
//
// overlap, load, centrality and communities on one loaded dataset, every
// result table stored as the single commands store it. The dataset is read
// once; overlap and load (plain C++) run on a second thread while centrality
// and communities (igraph) run on this one, so igraph is only ever called
// from one thread.
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>

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
    analysis::OverlapOptions overlap;
    analysis::CentralityOptions centrality;
    analysis::CommunityOptions communities;
    std::string weights;
    std::string weighting = "count";
    std::string method = "louvain";
    std::string format = "text";
    std::string out;
    bool betweenness = false;
    bool harmonic = false;
    bool no_save = false;
};

analysis::LoadWeights read_weights(const std::string& file) {
    const auto path = file.empty() ? data_dir() / "weights.toml" : std::filesystem::path(file);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read the weights file");
    std::ostringstream text;
    text << in.rdbuf();
    return analysis::parse_weights(text.str(), path.string());
}

void run(AnalyseCommand cmd) {
    const auto weights = read_weights(cmd.weights);  // bad options fail before any work
    cmd.centrality.weighting = analysis::parse_weighting(cmd.weighting);
    cmd.communities.weighting = cmd.centrality.weighting;
    cmd.communities.method = analysis::parse_community_method(cmd.method);
    cmd.communities.seed = cmd.centrality.seed;
    cmd.centrality.betweenness = cmd.betweenness || cmd.centrality.sample.has_value();
    cmd.centrality.harmonic = cmd.harmonic;
    if (cmd.centrality.sample && *cmd.centrality.sample == 0) throw UsageError("--sample must be at least 1");
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = analysis::apply(loaded.dataset, cmd.filter);
    loaded.store.reset();
    loaded.dataset = Dataset{};

    struct Plain {
        Table overlap, load_municipalities, load_arrangements;
    };
    auto plain = std::async(std::launch::async, [&] {
        Plain p;
        p.overlap = analysis::to_table(analysis::overlap(d, cmd.overlap));
        const auto l = analysis::load(d, weights);
        p.load_municipalities = analysis::municipality_table(l);
        p.load_arrangements = analysis::arrangement_table(l);
        return p;
    });
    // If a pass here throws, the future's destructor still waits for the thread.
    const auto c = analysis::centrality(d, cmd.centrality);
    const auto centrality_municipalities = analysis::municipality_table(d, c);
    const auto centrality_arrangements = analysis::arrangement_table(d, c);
    const auto k = analysis::communities(d, cmd.communities);
    const auto summary = analysis::summary_table(d, k);
    const auto agreement = analysis::agreement_table(k);
    const auto members = analysis::to_table(d, k);
    const auto p = plain.get();

    if (!global().quiet && c.excluded_arrangements)
        std::cerr << "note: centrality left " << c.excluded_arrangements << " arrangement(s) with more than "
                  << cmd.centrality.max_arrangement_size << " members out of the network\n";
    if (!global().quiet && (c.betweenness_estimated || c.harmonic_estimated))
        std::cerr << "note: betweenness is an estimate (" << c.betweenness_method << ")\n";

    const std::vector<const Table*> tables{&p.overlap,         &p.load_municipalities, &p.load_arrangements,
                                           &centrality_municipalities, &centrality_arrangements,
                                           &summary,           &agreement,             &members};
    Table listing;
    listing.name = "analyse";
    listing.columns = {{"table", "result table (stored as result_<table>)"}, {"rows", "rows in it"}};
    for (const auto* t : tables)
        listing.rows.push_back({t->name, static_cast<std::int64_t>(t->rows.size())});
    std::ostringstream s;
    render::write_table(listing, render::parse_format(cmd.format), s);
    emit(cmd.out, s.str());
    if (!cmd.no_save) save_results(name, tables);
}

}  // namespace

void setup_analyse(CLI::App& app) {
    auto cmd = std::make_shared<AnalyseCommand>();
    auto* sub = app.add_subcommand(
        "analyse", "overlap, load, centrality and communities in one run; stores every result table");
    sub->footer(
        "Reads the dataset once and runs what `overlap`, `load`, `centrality` and `communities`\n"
        "run with the same options, storing the same result tables (result_overlap,\n"
        "result_load_*, result_centrality_*, result_community_*). Prints the tables stored and\n"
        "their row counts. Betweenness and harmonic closeness are off unless asked for\n"
        "(--betweenness, --harmonic, or --sample K for the estimate described in\n"
        "`regionet centrality --help`); their columns are then empty.");
    sub->add_option("--weights", cmd->weights, "TOML weights file for load (default data/weights.toml)")
        ->check(CLI::ExistingFile);
    sub->add_option("--min-jaccard", cmd->overlap.min_jaccard, "overlap: report pairs with at least this Jaccard index")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--redundancy-threshold", cmd->overlap.redundancy_threshold,
                    "overlap: same domain and at least this Jaccard -> redundancy candidate")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--weighting", cmd->weighting, "edge weight for centrality and communities: count or newman")
        ->check(CLI::IsMember({"count", "newman"}))
        ->capture_default_str();
    sub->add_option("--method", cmd->method, "communities: louvain or leiden")
        ->check(CLI::IsMember({"louvain", "leiden"}))
        ->capture_default_str();
    sub->add_option("--seed", cmd->centrality.seed, "seed for communities and --sample")->capture_default_str();
    sub->add_option("--max-arrangement-size", cmd->centrality.max_arrangement_size,
                    "centrality: leave out arrangements with more members (0 = keep all)")
        ->capture_default_str();
    sub->add_flag("--betweenness", cmd->betweenness, "also compute exact betweenness (slow on large networks)");
    sub->add_flag("--harmonic", cmd->harmonic, "also compute harmonic closeness");
    sub->add_option("--sample", cmd->centrality.sample, "estimate betweenness from K pivots (see centrality --help)");
    add_filter_options(*sub, cmd->filter);
    add_format_option(*sub, cmd->format);
    add_output_options(*sub, cmd->out, cmd->no_save);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
