// regionet_bench: synthetic data at nl / de / eu scale, and wall time and
// peak memory of each analysis pass (one pass per process, see run.sh).
//
//   regionet_bench generate SCALE DIR       write a bundle (for `regionet import`)
//   regionet_bench run SCALE PASS [OPTIONS] time one pass on data built in memory
//   regionet_bench load-db DB NAME           time Store::load of a stored dataset
//
// PASS: projection, overlap, load, centrality_fast (degree, strength,
// eigenvector, PageRank, constraint), betweenness, harmonic, communities, all.
// OPTIONS: --exclude-larger-than N (drop larger arrangements first, as the
// CLI filter does), --seed N.
#include <sys/resource.h>

#include <algorithm>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/centrality.hpp"
#include "analysis/graphs.hpp"
#include "analysis/load.hpp"
#include "analysis/overlap.hpp"
#include "capi/igraph.hpp"
#include "generate.hpp"
#include "model/error.hpp"
#include "render/bundle_writer.hpp"
#include "store/store.hpp"
#if __has_include("analysis/communities.hpp")
#include "analysis/communities.hpp"
#define REGIONET_BENCH_COMMUNITIES 1
#endif

using namespace regionet;

namespace {

unsigned g_threads = 0;  // REGIONET_THREADS, 0 = all cores

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double peak_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::string weights_text() {
    std::ifstream in(std::filesystem::path(REGIONET_DATA_DIR) / "weights.toml");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs the pass, returns a short summary of its result (so nothing is optimised away).
std::string run_pass(const std::string& pass, const Dataset& d, unsigned long seed) {
    using namespace regionet::analysis;
    if (pass == "projection") {
        const auto p = project_municipalities(d);
        return std::to_string(p.edges.size()) + " edges";
    }
    if (pass == "overlap") return std::to_string(overlap(d, {}).size()) + " pairs";
    if (pass == "load") {
        const auto r = load(d, parse_weights(weights_text(), "weights.toml"));
        return "top " + r.municipalities.front().code;
    }
    CentralityOptions o;
    o.seed = seed;
    o.threads = g_threads;
    if (pass == "centrality_fast" || pass == "harmonic" || pass == "betweenness") {
        o.betweenness = pass == "betweenness";
        o.harmonic = pass == "harmonic";
        const auto r = centrality(d, o);
        return "pagerank[0]=" + std::to_string(r.pagerank.empty() ? 0.0 : r.pagerank[0]);
    }
#ifdef REGIONET_BENCH_COMMUNITIES
    if (pass == "communities") {
        CommunityOptions c;
        c.seed = seed;
        const auto r = communities(d, c);
        return std::to_string(r.community_count) + " communities";
    }
#endif
    if (pass == "all") {
        std::string s = run_pass("overlap", d, seed) + "; " + run_pass("load", d, seed) + "; ";
        const auto r = centrality(d, o);
        s += "betweenness max " + std::to_string(*std::max_element(r.betweenness.begin(), r.betweenness.end()));
#ifdef REGIONET_BENCH_COMMUNITIES
        s += "; " + run_pass("communities", d, seed);
#endif
        return s;
    }
    throw UsageError("unknown pass '" + pass + "'");
}

int usage() {
    std::cerr << "usage: regionet_bench generate SCALE DIR\n"
                 "       regionet_bench run SCALE PASS [--exclude-larger-than N] [--seed N]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    ig::install_error_handler();
    try {
        if (argc == 4 && std::string(argv[1]) == "load-db") {
            // Wall seconds and peak MB of loading a stored dataset (what every command pays first).
            const auto t0 = std::chrono::steady_clock::now();
            Store store(argv[2], Store::Mode::read_only);
            const auto d = store.load(argv[3]);
            const auto t1 = std::chrono::steady_clock::now();
            std::cout << "load\t" << d.municipalities.size() << "\t" << d.arrangements.size() << "\t" << d.memberships.size()
                      << "\t" << std::chrono::duration<double>(t1 - t0).count() << " s\t" << peak_mb() << " MB\n";
            return 0;
        }
        if (argc < 4) return usage();
        const std::string what = argv[1];
        const auto sc = bench::scale(argv[2]);
        unsigned long seed = 1;
        std::optional<std::size_t> exclude;
        for (int i = 4; i + 1 < argc; i += 2) {
            const std::string opt = argv[i];
            if (opt == "--seed") seed = std::stoul(argv[i + 1]);
            else if (opt == "--exclude-larger-than") exclude = std::stoul(argv[i + 1]);
            else return usage();
        }
        const auto t0 = std::chrono::steady_clock::now();
        auto d = bench::generate(sc, seed);
        const auto t1 = std::chrono::steady_clock::now();
        if (what == "generate") {
            const std::filesystem::path dir = argv[3];
            std::filesystem::create_directories(dir);
            for (const auto& [file, content] : render::bundle_files(d)) std::ofstream(dir / file, std::ios::binary) << content;
            std::cout << dir.string() << ": " << d.municipalities.size() << " municipalities, " << d.arrangements.size()
                      << " arrangements, " << d.memberships.size() << " memberships\n";
            return 0;
        }
        if (what != "run") return usage();
        if (const char* t = std::getenv("REGIONET_THREADS")) g_threads = static_cast<unsigned>(std::stoul(t));
        if (exclude) {
            analysis::Filter f;
            f.exclude_larger_than = exclude;
            d = analysis::apply(d, f);
        }
        const double base_mb = peak_mb();
        const double c2 = cpu_seconds();
        const auto t2 = std::chrono::steady_clock::now();
        const auto summary = run_pass(argv[3], d, seed);
        const auto t3 = std::chrono::steady_clock::now();
        const double c3 = cpu_seconds();
        auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
        // scale pass municipalities arrangements memberships generate_s pass_s pass_cpu_s base_mb peak_mb summary
        std::cout << sc.name << "\t" << argv[3] << (exclude ? " (<=" + std::to_string(*exclude) + ")" : std::string())
                  << "\t" << d.municipalities.size() << "\t" << d.arrangements.size() << "\t" << d.memberships.size()
                  << "\t" << secs(t0, t1) << "\t" << secs(t2, t3) << "\t" << (c3 - c2) << "\t" << base_mb << "\t" << peak_mb() << "\t"
                  << summary << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "regionet_bench: " << e.what() << "\n";
        return 1;
    }
}
