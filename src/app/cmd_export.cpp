// regionet export --format csv DIR | --format graphml FILE
#include <filesystem>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/bundle_writer.hpp"

namespace regionet::app {

namespace {

struct ExportCommand {
    std::string format = "csv";
    std::string target;
};

void run(const ExportCommand& cmd) {
    auto loaded = load_dataset();
    if (cmd.format == "graphml") {
        write_file_atomic(cmd.target, render::graphml(loaded.dataset));
        return;
    }
    const std::filesystem::path dir(cmd.target);
    std::filesystem::create_directories(dir);
    for (const auto& [file, content] : render::bundle_files(loaded.dataset)) write_file_atomic(dir / file, content);
}

}  // namespace

void setup_export(CLI::App& app) {
    auto cmd = std::make_shared<ExportCommand>();
    auto* sub = app.add_subcommand("export", "Export a dataset as a CSV bundle (re-importable) or GraphML");
    sub->add_option("--format", cmd->format, "csv: a bundle folder; graphml: one file (Gephi, Cytoscape)")
        ->check(CLI::IsMember({"csv", "graphml"}))
        ->capture_default_str();
    sub->add_option("target", cmd->target, "folder (csv) or file (graphml)")->required();
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
