// regionet screen [--config FILE] [--size-ratio R] [--language nl|en] [filters]
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/screen.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/result_texts.hpp"

namespace regionet::app {

namespace {

struct ScreenCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    std::string config;
    std::optional<double> size_ratio;
    std::optional<std::size_t> max_fusion_partners;
    std::optional<double> neighbour_distance_km;
    std::string language = "nl";
    std::string format = "text";
    std::string out;
    bool no_save = false;
};

analysis::ScreenOptions options(const ScreenCommand& cmd) {
    analysis::ScreenOptions o;
    if (!cmd.config.empty()) {
        std::ifstream in(cmd.config, std::ios::binary);
        if (!in) throw UsageError(cmd.config + ": cannot read screening configuration");
        std::ostringstream text;
        text << in.rdbuf();
        o = analysis::parse_screen_options(text.str(), cmd.config);
    }
    if (cmd.size_ratio) o.size_ratio = *cmd.size_ratio;
    if (cmd.max_fusion_partners) o.max_fusion_partners = *cmd.max_fusion_partners;
    if (cmd.neighbour_distance_km) o.neighbour_distance_km = *cmd.neighbour_distance_km;
    return o;
}

void run(const ScreenCommand& cmd) {
    const auto o = options(cmd);
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    // Ended arrangements stay: leaving and rejoining (knipperlicht) is read from them.
    auto scope = cmd.scope;
    scope.include_ended = true;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, scope);
    loaded.store.reset();
    namespace rep = render::report;
    const auto table = analysis::to_table(d, analysis::screen(d, o), rep::finding_words(rep::parse_lang(cmd.language)));
    // Notes are diagnostics, in English like every other message on stderr.
    if (!global().quiet)
        for (const auto& note : analysis::screen_notes(d, o))
            std::cerr << "regionet: note: " << rep::screen_note(rep::Lang::en, note) << "\n";
    print_table(table, cmd.format, cmd.out);
    if (!cmd.no_save) save_results(name, {&table}, cmd.filter.describe());
}

}  // namespace

void setup_screen(CLI::App& app) {
    auto cmd = std::make_shared<ScreenCommand>();
    auto* sub = app.add_subcommand("screen", "Screen arrangements against lessons from practice, as questions for the board");
    sub->footer(
        "Rules (DOMAIN.md, from evaluations of ambtelijke fusies 2005-2017, Korsten):\n"
        "  fusion_partners   an ambtelijke fusie with more than 3 partners\n"
        "  dominant_partner  largest population / next largest >= --size-ratio (all populations known)\n"
        "  other_province    partners in more than one province\n"
        "  not_neighbours    partners not connected by shared borders (neighbour table), or, without\n"
        "                    one, by points within --neighbour-distance-km\n"
        "  knipperlicht      a municipality left an arrangement and later joined another of the same\n"
        "                    form and domain (an immediate successor of an ended arrangement holding\n"
        "                    all its members excepted)\n"
        "The partner rules apply to ordinary arrangements with 2..max_partners (8) members.\n"
        "Columns: rule, arrangement, arrangement_name, subjects, subject_names, value, finding,\n"
        "question, practice, source. Thresholds: --config FILE (see data/screening.toml).");
    sub->add_option("--config", cmd->config, "TOML file with thresholds (data/screening.toml documents the keys)")
        ->check(CLI::ExistingFile);
    sub->add_option("--size-ratio", cmd->size_ratio, "dominant_partner threshold (default 3)")->check(CLI::PositiveNumber);
    sub->add_option("--max-fusion-partners", cmd->max_fusion_partners, "fusion_partners threshold (default 3)")
        ->check(CLI::PositiveNumber);
    sub->add_option("--neighbour-distance-km", cmd->neighbour_distance_km,
                    "not_neighbours distance without a neighbour table (default 25)")
        ->check(CLI::PositiveNumber);
    sub->add_option("--language", cmd->language, "language of findings and questions")
        ->check(CLI::IsMember({"nl", "en"}))
        ->capture_default_str();
    add_analysis_options(*sub, cmd->filter, cmd->format, cmd->out, cmd->no_save);
    sub->add_flag("--include-regions", cmd->scope.include_regions, "screen regions of divisions as arrangements");
    sub->add_flag("--include-duplicates", cmd->scope.include_duplicates, "screen second registrations of one body too");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
