// regionet classify [--rules FILE] [--table arrangement|municipality|small|summary] [filters]
#include <iostream>
#include <sstream>

#include "analysis/classify.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

struct ClassifyCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    std::string rules;
    std::string table = "arrangement";
    std::optional<std::int64_t> small_population;
    std::string format = "text";
    std::string out;
    bool no_save = false;
};

void run(const ClassifyCommand& cmd) {
    auto rules = read_classification_rules(cmd.rules);  // a bad file fails before any work
    if (cmd.small_population) rules.small_population = *cmd.small_population;
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, cmd.scope);
    loaded.store.reset();
    const auto result = analysis::classify(d, rules);
    const auto arrangements = analysis::arrangement_table(d, result);
    auto municipalities = analysis::municipality_table(d, result);
    const auto summary = analysis::summary_table(result);
    const Table* shown = &arrangements;
    Table small;
    if (cmd.table == "municipality") shown = &municipalities;
    if (cmd.table == "summary") shown = &summary;
    if (cmd.table == "small") {
        // The small municipalities relying on cooperation for vulnerability.
        small = municipalities;
        small.name = "classify_small";
        const auto col = small.column_index("relies_for_vulnerability");
        std::erase_if(small.rows, [&](const std::vector<Cell>& row) { return !std::get<bool>(row[col]); });
        shown = &small;
    }
    std::ostringstream s;
    render::write_table(*shown, render::parse_format(cmd.format), s);
    emit(cmd.out, s.str());
    if (!cmd.no_save) save_results(name, {&arrangements, &municipalities, &summary});
}

}  // namespace

void setup_classify(CLI::App& app) {
    auto cmd = std::make_shared<ClassifyCommand>();
    auto* sub = app.add_subcommand("classify", "Kind of task and main motive of every arrangement, and each municipality's mix");
    sub->footer(
        "Kind of task: beleid, uitvoering, bedrijfsvoering; main motive: kwetsbaarheid, kwaliteit,\n"
        "kosten, kennisdeling, bestuurskracht; onbekend where no rule matches. The first matching\n"
        "rule of data/classification.toml (or --rules FILE, which replaces it) decides; its field,\n"
        "text, file and line are in kind_reason / motive_reason. Regions of divisions, second\n"
        "registrations and ended bodies are left out (--include-regions/-duplicates/-ended).\n"
        "Tables: arrangement (id, name, form, domain, kind, kind_reason, motive, motive_reason);\n"
        "municipality (code, name, population, small, arrangements, kind_*, motive_*,\n"
        "relies_for_vulnerability); small (the municipality rows of small municipalities in at\n"
        "least one arrangement with motive kwetsbaarheid); summary (dimension, value, arrangements,\n"
        "share). See docs/practice.md.");
    sub->add_option("--rules", cmd->rules, "TOML rules file replacing data/classification.toml")->check(CLI::ExistingFile);
    sub->add_option("--table", cmd->table, "which table to print (all are stored)")
        ->check(CLI::IsMember({"arrangement", "municipality", "small", "summary"}))
        ->capture_default_str();
    sub->add_option("--small-population", cmd->small_population,
                    "municipalities below this population count as small (default from the rules file: 30000)")
        ->check(CLI::NonNegativeNumber);
    add_filter_options(*sub, cmd->filter);
    add_scope_options(*sub, cmd->scope);
    add_format_option(*sub, cmd->format);
    add_output_options(*sub, cmd->out, cmd->no_save);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
