// regionet export --format csv DIR | --format graphml FILE | --format xlsx|ods FILE
#include <filesystem>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/bundle_writer.hpp"
#include "render/workbook_writer.hpp"

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
    if (cmd.format == "xlsx" || cmd.format == "ods") {
        // The workbook importer reads it back; outlines and neighbours stay out
        // (a cell holds at most 32,767 characters; they are boundary data, not inventory).
        std::filesystem::path file(cmd.target);
        if (file.extension().empty()) file += "." + cmd.format;
        if (render::workbook_format(file) != (cmd.format == "xlsx" ? render::WorkbookFormat::xlsx : render::WorkbookFormat::ods))
            throw UsageError("export --format " + cmd.format + ": " + cmd.target + " does not end in ." + cmd.format);
        render::write_workbook(loaded.dataset, file);
        return;
    }
    const std::filesystem::path dir(cmd.target);
    std::filesystem::create_directories(dir);
    for (const auto& [file, content] : render::bundle_files(loaded.dataset)) write_file_atomic(dir / file, content);
}

}  // namespace

void setup_export(CLI::App& app) {
    auto cmd = std::make_shared<ExportCommand>();
    auto* sub = app.add_subcommand("export", "Export a dataset as a CSV bundle or workbook (re-importable) or GraphML");
    sub->add_option("--format", cmd->format, "csv: a bundle folder; xlsx, ods: a workbook; graphml: one file (Gephi, Cytoscape)")
        ->check(CLI::IsMember({"csv", "graphml", "xlsx", "ods"}))
        ->capture_default_str();
    sub->add_option("target", cmd->target, "folder (csv) or file (graphml, xlsx, ods)")->required();
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
