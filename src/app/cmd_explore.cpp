// regionet explore [--out DIR] [--lang nl|en] [filters]: the offline explorer,
// one self-contained HTML page (render/explorer.hpp).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/centrality.hpp"
#include "analysis/load.hpp"
#include "analysis/screen.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/explorer.hpp"
#include "render/map.hpp"

namespace regionet::app {

namespace {

struct ExploreCommand {
    std::string out = "explorer";
    std::string lang = "nl";
    analysis::Filter filter;
};

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void run(const ExploreCommand& cmd) {
    const auto lang = render::report::parse_lang(cmd.lang);
    auto loaded = load_dataset(true);
    const auto d = analysis::apply(loaded.dataset, cmd.filter);
    loaded.store.reset();

    render::explorer::Input in;
    in.dataset = &d;
    in.lang = lang;
    in.map_svg = render::explorer::map_svg(d, lang);

    const auto weights_file = data_dir() / "weights.toml";
    if (std::filesystem::exists(weights_file)) {
        const auto result = analysis::load(d, analysis::parse_weights(read_text(weights_file), weights_file.string()));
        for (const auto& m : result.municipalities) in.weighted_load.push_back(m.weighted_load);
    }
    analysis::CentralityOptions co;
    co.harmonic = false;
    in.betweenness = analysis::centrality(d, co).betweenness;
    analysis::ScreenOptions so;
    const auto screening_file = data_dir() / "screening.toml";
    if (std::filesystem::exists(screening_file))
        so = analysis::parse_screen_options(read_text(screening_file), screening_file.string());
    in.findings = analysis::screen(d, so);

    const auto page = render::explorer::page(in);
    std::filesystem::create_directories(cmd.out);
    const auto file = std::filesystem::path(cmd.out) / render::explorer::k_file_name;
    write_file_atomic(file, page);
    if (!global().quiet) std::cerr << "regionet: wrote " << file.string() << " (" << page.size() / 1024 << " KB)\n";
}

}  // namespace

void setup_explore(CLI::App& app) {
    auto cmd = std::make_shared<ExploreCommand>();
    auto* sub = app.add_subcommand("explore", "Write the offline explorer: one HTML page to click through the network");
    sub->footer("Writes DIR/explorer.html: the map with every municipality clickable, its partners shaded, its\n"
                "profile beside the map, filters by domain, form and division, and a search box. Needs no network.");
    sub->add_option("-o,--out", cmd->out, "output folder")->capture_default_str();
    sub->add_option("--lang", cmd->lang, "nl or en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    add_filter_options(*sub, cmd->filter);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
