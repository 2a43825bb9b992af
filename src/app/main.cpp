// regionet: network analysis of regional cooperation between municipalities.
// main() only registers the subcommands, parses, and maps errors to exit
// status: 0 success, 1 data error, 2 usage error.
#include <gdal_priv.h>

#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "capi/igraph.hpp"

int main(int argc, char** argv) {
    using namespace regionet;
    ig::install_error_handler();
    GDALAllRegister();
    CLI::App app{"regionet: who cooperates with whom. Imports registers of municipal cooperation\n"
                 "arrangements into SQLite, analyses overlap, load and network position, and draws\n"
                 "maps and board reports.",
                 "regionet"};
    app.set_version_flag("--version", std::string("regionet ") + REGIONET_VERSION);
    app.add_option("--db", app::global().db, "SQLite database file")->capture_default_str();
    app.add_option("--dataset", app::global().dataset, "dataset to use when the database holds several");
    app.add_flag("-q,--quiet", app::global().quiet, "no progress or notices on stderr");
    app.require_subcommand(1);
    app.fallthrough();
    for (const auto& setup : app::all_commands()) setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);  // prints help, version or the usage error
        return rc == 0 ? 0 : 2;
    } catch (const UsageError& e) {
        std::cerr << "regionet: " << e.what() << "\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << "regionet: " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "regionet: out of memory; filter the data (--province, --exclude-larger-than) or use a larger machine\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "regionet: internal error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
