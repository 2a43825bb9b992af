// regionet overlap [--min-jaccard 0.5] [--redundancy-threshold 0.8] [filters]
#include <iostream>
#include <sstream>

#include "analysis/overlap.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct OverlapCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    analysis::OverlapOptions options;
    std::string format = "text";
    std::string out;
    bool no_save = false;
};

void run(const OverlapCommand& cmd) {
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, cmd.scope);
    loaded.store.reset();
    const auto table = analysis::to_table(analysis::overlap(d, cmd.options));
    print_table(table, cmd.format, cmd.out);
    if (!cmd.no_save) save_results(name, {&table}, cmd.filter.describe());
}

}  // namespace

void setup_overlap(CLI::App& app) {
    auto cmd = std::make_shared<OverlapCommand>();
    auto* sub = app.add_subcommand(
        "overlap",
        "Pairs of arrangements that share members: Jaccard, overlap coefficient, nesting, redundancy candidates");
    sub->footer(
        "Columns: a, b, a_name, b_name, shared, size_a, size_b, jaccard (shared / union),\n"
        "overlap_coefficient (shared / smaller size), nested, same_domain, redundancy_candidate\n"
        "(same domain and jaccard >= threshold), identical, two_member_pair, only_in_a, only_in_b\n"
        "(codes of the members that differ, for redundancy candidates). Sorted by jaccard, then\n"
        "shared (both descending), then a, b. Computed from co-membership counts.");
    sub->add_option("--min-jaccard", cmd->options.min_jaccard, "report pairs with at least this Jaccard index (0: all pairs sharing a member)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--redundancy-threshold", cmd->options.redundancy_threshold,
                    "Jaccard from which a same-domain pair is a redundancy candidate")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    add_analysis_options(*sub, cmd->filter, cmd->format, cmd->out, cmd->no_save);
    add_scope_options(*sub, cmd->scope);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
