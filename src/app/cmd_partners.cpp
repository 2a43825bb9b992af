// regionet partners CODE [--top 10] [--new-only] [filters]
// regionet partners --all [--per-municipality 3] [--max-times 10] [--new-only] [filters]
#include <cctype>
#include <iostream>
#include <sstream>

#include "analysis/partner_suggestions.hpp"
#include "analysis/partners.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/result_texts.hpp"

namespace regionet::app {

namespace {

namespace rep = render::report;

struct PartnersCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    analysis::PartnerOptions options;
    std::string code;
    bool all = false;                    // every municipality, by the report's rule (partner_suggestions.hpp)
    std::size_t per_municipality = analysis::SuggestionOptions{}.per_municipality;
    std::size_t max_times = analysis::SuggestionOptions{}.max_times_suggested;
    std::string language = "en";
    std::string format = "text";
    std::string out;
    bool no_save = false;
};

void run(const PartnersCommand& cmd) {
    if (cmd.all == !cmd.code.empty())
        throw UsageError(cmd.all ? "partners: give a municipality code or --all, not both" : "partners: give a municipality code, or --all for every municipality");
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    // Regions stay as context (the same-region component); duplicates and ended bodies go.
    auto scope = cmd.scope;
    scope.include_regions = true;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, scope);
    loaded.store.reset();
    if (cmd.all) {
        // The suggestions the report makes: SETA-eligible neighbours, capped per
        // municipality and per suggested partner.
        analysis::SuggestionOptions o;
        o.partner = cmd.options;
        o.per_municipality = cmd.per_municipality;
        o.max_times_suggested = cmd.max_times;
        auto table = analysis::to_table(d, analysis::suggest_partners(d, o), rep::reason_words(rep::parse_lang(cmd.language), d));
        print_table(table, cmd.format, cmd.out);
        table.name = "partners_all";
        if (!cmd.no_save) save_results(name, {&table}, cmd.filter.describe());
        return;
    }
    auto table = analysis::to_table(d, analysis::partners(d, cmd.code, cmd.options), rep::reason_words(rep::parse_lang(cmd.language), d));
    print_table(table, cmd.format, cmd.out);
    if (!cmd.no_save) {
        // One stored table per municipality asked about.
        std::string key;
        for (char c : cmd.code) key += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
        table.name = "partners_" + key;
        save_results(name, {&table}, cmd.filter.describe());
    }
}

}  // namespace

void setup_partners(CLI::App& app) {
    auto cmd = std::make_shared<PartnersCommand>();
    auto* sub = app.add_subcommand("partners", "Candidate partners of a municipality, ranked by a documented score");
    sub->footer(
        "score = 0.30 co + 0.25 regions + 0.25 proximity + 0.10 size + 0.10 province, each in 0..1:\n"
        "  co        c / (c + 1), c = ordinary arrangements both take part in\n"
        "  regions   divisions with the same region / divisions where both have a region\n"
        "  proximity 1 for neighbours, else max(0, 1 - distance_km / 50) from coordinates, else 0\n"
        "  size      smaller / larger population (0 when unknown)\n"
        "  province  1 when in the same province\n"
        "Ties by code. Columns: rank, code, name, province, score, co_memberships, same_regions,\n"
        "common_divisions, neighbour, distance_km, size_similarity, same_province, reasons,\n"
        "open_arrangements (the candidate's arrangements the municipality is not in; shared ones\n"
        "are excluded). Stored as result_partners_<code>.\n"
        "\n"
        "--all: the suggestions for every municipality, by the report's rule: candidates must\n"
        "border the municipality (or, for an island, lie within --proximity-km), lie in the same\n"
        "province and be within a factor 3 in population; pairs are taken best score first, at\n"
        "most --per-municipality per municipality and nobody suggested to more than --max-times\n"
        "others. Columns: municipality, municipality_name, then those above (rank within the\n"
        "municipality). With --new-only it gives exactly the report's suggestions.\n"
        "Stored as result_partners_all.");
    sub->add_option("code", cmd->code, "municipality code (or exact name); or --all");
    sub->add_flag("--all", cmd->all, "suggestions for every municipality, capped as in the report");
    sub->add_option("--per-municipality", cmd->per_municipality, "with --all: suggestions per municipality")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_option("--max-times", cmd->max_times, "with --all: times one municipality may be suggested")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_option("--top", cmd->options.top, "number of candidates")->check(CLI::PositiveNumber)->capture_default_str();
    sub->add_flag("--new-only", cmd->options.new_only, "leave out municipalities that already share an arrangement");
    sub->add_option("--proximity-km", cmd->options.proximity_km, "distance at which proximity reaches 0")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_option("--language", cmd->language, "language of the reasons")
        ->check(CLI::IsMember({"nl", "en"}))
        ->capture_default_str();
    add_analysis_options(*sub, cmd->filter, cmd->format, cmd->out, cmd->no_save);
    sub->add_flag("--include-duplicates", cmd->scope.include_duplicates, "count second registrations of one body");
    sub->add_flag("--include-ended", cmd->scope.include_ended, "count arrangements ended by the reference year");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
