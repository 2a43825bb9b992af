// regionet import BUNDLE... [--as NAME] [--keep-going] [--format NAME]
#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "importers/importer.hpp"
#include "importers/workbook_importer.hpp"

namespace regionet::app {

namespace {

struct ImportCommand {
    std::vector<std::string> inputs;
    std::string as;
    std::string format;
    std::string source;                  // overrides the dataset's source text
    std::string reference_date;          // overrides the dataset's reference date
    std::string onto;                    // merge onto this dataset (an inventory onto its source)
    bool keep_going = false;
};

void print_report(const ImportReport& report, const std::string& dataset, bool keep_going) {
    if (global().quiet && report.skipped.empty()) return;
    for (const auto& n : report.notices) std::cerr << "notice: " << n << "\n";
    for (const auto& e : report.skipped) std::cerr << "skipped: " << e.what() << "\n";
    std::cerr << "imported " << dataset << ":\n";
    for (const auto& [file, c] : report.files) {
        std::cerr << "  " << file << ": " << c.imported << " rows imported";
        if (keep_going || c.skipped) std::cerr << ", " << c.skipped << " skipped";
        std::cerr << "\n";
    }
}

void run(const ImportCommand& cmd) {
    ImportOptions options;
    options.keep_going = cmd.keep_going;
    // Without --as every input becomes its own dataset named after it;
    // with --as all inputs are merged into one.
    std::vector<std::pair<std::string, std::vector<std::filesystem::path>>> jobs;
    if (!cmd.as.empty()) {
        jobs.push_back({cmd.as, {}});
        for (const auto& i : cmd.inputs) jobs.back().second.emplace_back(i);
    } else {
        for (const auto& i : cmd.inputs) {
            auto p = std::filesystem::path(i).lexically_normal();
            if (!p.has_filename()) p = p.parent_path();  // "bundle/" names the folder
            auto name = std::filesystem::is_directory(p) ? p.filename().string() : p.stem().string();
            if (name.empty() || name == "." || name == "..")
                name = std::filesystem::absolute(p).lexically_normal().filename().string();
            jobs.push_back({name, {p}});
        }
    }
    if (!cmd.onto.empty() && jobs.size() != 1)
        throw UsageError("--onto merges one input (or several with --as) onto a dataset");
    // The dataset an inventory is merged onto, read before anything is written.
    std::optional<Dataset> base;
    if (!cmd.onto.empty()) base = Store(global().db, Store::Mode::read_only).load(cmd.onto);
    // Read and validate everything before the database is touched.
    std::vector<std::pair<Dataset, ImportReport>> ready;
    for (const auto& [name, paths] : jobs) {
        ModelBuilder builder(name);
        ImportReport report;
        Progress progress("importing " + name);
        for (const auto& p : paths) {
            progress.update(p.string());
            importer_for(p, cmd.format).read(p, builder, report, options);
        }
        progress.done();
        auto d = builder.finish();
        if (base) {
            const auto added = d.arrangements.size();
            d = workbook::merge_onto(*base, d);
            report.notice("merged onto " + cmd.onto + ": " + std::to_string(added) + " arrangements from the input, " +
                          std::to_string(d.arrangements.size()) + " in all");
        }
        d.name = name;  // --as or the folder name wins over a name inside the bundle
        if (!cmd.source.empty()) d.source = cmd.source;
        if (!cmd.reference_date.empty()) d.reference_date = cmd.reference_date;
        ready.emplace_back(std::move(d), std::move(report));
    }
    Store store(global().db, Store::Mode::read_write);
    const auto now = utc_now();
    for (auto& [d, report] : ready) {
        store.save(d, now);
        print_report(report, d.name, cmd.keep_going);
    }
}

}  // namespace

void setup_import(CLI::App& app) {
    auto cmd = std::make_shared<ImportCommand>();
    auto* sub = app.add_subcommand("import", "Import bundles or registers into the database (one transaction per dataset)");
    sub->add_option("inputs", cmd->inputs, "bundle folders or register files")->required();
    sub->add_option("--as", cmd->as, "dataset name (default: the folder name; with several inputs: merge them)");
    sub->add_option("--input-format", cmd->format, "importer to use instead of detecting it (bundle, ...)");
    sub->add_option("--source", cmd->source, "the dataset's source text (default: what the importers say)");
    sub->add_option("--reference-date", cmd->reference_date, "the date the data describe (default: from the inputs)");
    sub->add_option("--onto", cmd->onto,
                    "merge the input onto this dataset (an inventory onto the dataset it was made from)");
    sub->add_flag("--keep-going", cmd->keep_going, "report every bad row and import the rest");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
