// regionet report [--out DIR] [--lang nl|en] [--province P | --division D | --region R]
//                 [--municipality CODE] [--stamp] [--pdf]
// The main job: from the dataset (the embedded default when the database is
// empty) through every analysis pass to a board report in DIR: report.html
// (self-contained), report.md with its figures in DIR/maps/, report.pdf on
// request when a headless Chromium is installed, and the offline explorer
// (explorer.html, as `regionet explore`) that the maps section links to.
//
// parse -> load -> run the passes (analysis::run_report_passes) -> draw the
// maps and build the document (render) -> write the files.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "analysis/history.hpp"
#include "analysis/report_results.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/pdf.hpp"
#include "model/lookup.hpp"
#include "render/explorer.hpp"
#include "render/report_build.hpp"
#include "render/report_figures.hpp"
#include "render/report_texts.hpp"

namespace regionet::app {

namespace {

namespace fs = std::filesystem;
namespace rep = render::report;

struct ReportCommand {
    std::string out = "report";
    std::string lang = "nl";
    analysis::Filter filter;
    std::string municipality;
    bool stamp = false;
    bool pdf = false;
};

std::string describe_scope(const Dataset& d, const analysis::Filter& f, rep::Lang lang) {
    if (!f.province.empty()) return rep::trf(lang, "scope.province", {f.province});
    if (!f.region.empty()) return rep::trf(lang, "scope.region", {region_in_words(d, f.region)});
    if (!f.division.empty()) return rep::trf(lang, "scope.division", {f.division});
    return {};
}

// Writes report.html, report.md and the figures beside it; returns the number of figures.
std::size_t write_report(const rep::Document& doc, const fs::path& dir) {
    fs::create_directories(dir / "maps");
    std::ostringstream html, md;
    rep::write_html(doc, html);
    rep::write_markdown(doc, md, "maps");
    std::size_t figures = 0;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (const auto* f = std::get_if<rep::Figure>(&b)) {
                write_file_atomic(dir / "maps" / f->file, f->svg);
                ++figures;
            }
    write_file_atomic(dir / "report.md", md.str());
    write_file_atomic(dir / "report.html", html.str());
    return figures;
}

void run(const ReportCommand& cmd) {
    const auto lang = rep::parse_lang(cmd.lang);
    Progress progress("report");
    auto loaded = load_dataset(true);
    // A dated register (nl-2026) as it stands in its reference year unless --active-in / --all-years.
    const Dataset dataset = analysis::apply(loaded.dataset, cmd.filter);
    const auto& name = loaded.dataset.name;
    if (dataset.municipalities.empty())
        throw UsageError("no municipalities left in dataset " + name + " after the filter (" + cmd.filter.describe() + ")");
    const std::string focus =
        cmd.municipality.empty() ? std::string() : dataset.municipalities[find_municipality_by_key(dataset, cmd.municipality)].code;

    analysis::ReportOptions options;
    if (fs::exists(data_dir() / "weights.toml")) options.weights = read_weights("");
    options.screen = read_screen_options("");
    options.focus = focus;
    if (fs::exists(data_dir() / "classification.toml")) options.classification = read_classification_rules("");
    const auto results = analysis::run_report_passes(dataset, options, [&](const std::string& step) { progress.update(step); });

    rep::ReportInput in;
    in.dataset = &dataset;
    in.results = &results;
    in.dataset_name = name;
    in.scope = describe_scope(dataset, cmd.filter, lang);
    in.municipality = focus;
    in.version = REGIONET_VERSION;
    if (cmd.stamp) in.stamp = utc_now("%Y-%m-%d %H:%M UTC");
    // Its history over every year, in the same scope otherwise (render/report/history.cpp).
    auto every_year = cmd.filter;
    every_year.active_in.reset();
    every_year.all_years = true;
    const Dataset history_dataset = analysis::apply(loaded.dataset, every_year);
    const auto history = analysis::history(history_dataset);
    in.history = &history;
    in.history_dataset = &history_dataset;
    progress.update("maps");
    auto maps = rep::draw_report_maps(dataset, results, name + (in.scope.empty() ? "" : ", " + in.scope), focus, lang);
    in.maps = std::move(maps.figures);
    in.map_notes = std::move(maps.notes);
    in.services_map = std::move(maps.services);

    // The offline explorer beside the report, from the same dataset and the
    // figures the report shows (load, betweenness, screening), so the page and
    // the report agree; the maps section links to it.
    progress.update("explorer");
    render::explorer::Input explorer;
    explorer.dataset = &dataset;
    explorer.lang = lang;
    explorer.map_svg = render::explorer::map_svg(dataset, lang);
    if (results.load)
        for (const auto& m : results.load->municipalities) explorer.weighted_load.push_back(m.weighted_load);
    if (results.centrality) explorer.betweenness = results.centrality->betweenness;
    if (results.screen) explorer.findings = *results.screen;
    const auto explorer_page = render::explorer::page(explorer);
    in.explorer = render::explorer::k_file_name;

    progress.update("storing results");
    save_report_results(name, dataset, results, lang == rep::Lang::nl ? "nl" : "en", cmd.filter.describe());

    progress.update("writing");
    const fs::path dir = cmd.out;
    const auto figures = write_report(rep::build_report(in, lang), dir);
    write_file_atomic(dir / render::explorer::k_file_name, explorer_page);
    if (cmd.pdf) {
        progress.update("pdf");
        print_pdf(dir / "report.html", dir / "report.pdf");
    }
    progress.done();
    if (!global().quiet) {
        std::cout << (dir / "report.html").string() << "\n" << (dir / "report.md").string() << "\n";
        std::cout << (dir / render::explorer::k_file_name).string() << "\n";
        if (cmd.pdf) std::cout << (dir / "report.pdf").string() << "\n";
        std::cout << figures << " figure" << (figures == 1 ? "" : "s") << " in " << (dir / "maps").string() << "\n";
    }
}

}  // namespace

void setup_report(CLI::App& app) {
    auto cmd = std::make_shared<ReportCommand>();
    auto* sub = app.add_subcommand("report", "Board report: HTML (self-contained) and Markdown, PDF with --pdf");
    sub->add_option("--out", cmd->out, "output folder (created if needed)")->capture_default_str();
    sub->add_option("--lang", cmd->lang, "language of the report")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    auto* p = sub->add_option("--province", cmd->filter.province, "only municipalities of this province");
    auto* d = sub->add_option("--division", cmd->filter.division, "only regions of this division ('none': only ordinary arrangements)");
    auto* r = sub->add_option("--region", cmd->filter.region, "only municipalities in this region (id or name)");
    p->excludes(d)->excludes(r);
    d->excludes(r);
    sub->add_option("--municipality", cmd->municipality, "open with this municipality (code or exact name); profile only this one");
    sub->add_flag("--stamp", cmd->stamp, "put the date and time of making in the report (off: output is reproducible)");
    sub->add_flag("--pdf", cmd->pdf, "also print report.pdf (A4) with a headless Chromium, when installed");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
