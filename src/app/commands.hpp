#pragma once
// The list of subcommands. Each lives in src/app/cmd_<name>.cpp and only
// binds its options and calls a run function; add new ones here.
#include <vector>

#include "app/cli.hpp"

namespace regionet::app {

using Setup = void (*)(CLI::App&);

// One line per subcommand, defined in src/app/cmd_<name>.cpp.
void setup_import(CLI::App& app);
void setup_import_boundaries(CLI::App& app);
void setup_datasets(CLI::App& app);
void setup_show(CLI::App& app);
void setup_export(CLI::App& app);
void setup_overlap(CLI::App& app);
void setup_load(CLI::App& app);
void setup_centrality(CLI::App& app);
void setup_communities(CLI::App& app);
void setup_analyse(CLI::App& app);
void setup_congruence(CLI::App& app);
void setup_screen(CLI::App& app);
void setup_partners(CLI::App& app);
void setup_report(CLI::App& app);
void setup_map(CLI::App& app);
void setup_changes(CLI::App& app);
void setup_explore(CLI::App& app);
void setup_inventory(CLI::App& app);
void setup_classify(CLI::App& app);
void setup_services(CLI::App& app);

inline const std::vector<Setup>& all_commands() {
    static const std::vector<Setup> commands{
        setup_import,
        setup_import_boundaries,
        setup_datasets,
        setup_show,
        setup_export,
        setup_overlap,
        setup_load,
        setup_centrality,
        setup_communities,
        setup_analyse,
        setup_congruence,
        setup_screen,
        setup_partners,
        setup_report,
        setup_map,
        setup_changes,
        setup_explore,
        setup_inventory,
        setup_classify,
        setup_services,
    };
    return commands;
}

}  // namespace regionet::app
