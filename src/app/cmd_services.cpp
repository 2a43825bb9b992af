// regionet services [--table municipality|pair|link] [--map FILE.svg|png|pdf|dot] [--lang nl|en] [filters]
#include <iostream>
#include <sstream>

#include "analysis/services.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/map_services.hpp"
#include "render/report_texts.hpp"

namespace regionet::app {

namespace {

struct ServicesCommand {
    analysis::Filter filter;
    analysis::ScopeOptions scope;
    std::string table = "municipality";
    std::string map;
    std::string lang = "nl";             // of the map's texts, as `regionet map`
    std::string format = "text";
    std::string out;
    bool no_save = false;
};

void run(const ServicesCommand& cmd) {
    std::optional<render::map::Format> map_format;
    if (!cmd.map.empty()) {
        map_format = render::map::format_from_path(cmd.map);
        if (!map_format) throw UsageError(cmd.map + ": --map needs a file ending in .svg, .png, .pdf or .dot");
    }
    const auto lang = render::report::parse_lang(cmd.lang);
    auto loaded = load_dataset(true);
    const auto name = loaded.dataset.name;
    // Captioned as `regionet map` captions; the region --region names is in the
    // loaded dataset (the scope leaves regions of divisions out), so the caption
    // is made before the dataset is handed on.
    const auto caption = map_format ? map_caption(loaded.dataset, cmd.filter, lang) : std::string();
    const auto d = filtered_scope(std::move(loaded.dataset), cmd.filter, cmd.scope);
    loaded.store.reset();
    const auto result = analysis::services(d);
    const auto municipalities = analysis::municipality_table(d, result);
    const auto pairs = analysis::pair_table(d, result);
    const auto links = analysis::link_table(d, result);
    if (!global().quiet && !result.unresolved_registrars.empty()) {
        std::string ids;
        for (const auto& id : result.unresolved_registrars) ids += (ids.empty() ? "" : ", ") + id;
        std::cerr << "regionet: note: " << result.unresolved_registrars.size()
                  << " centrum arrangements name a registrar that is not one of their member municipalities (no "
                     "service links): " << ids << "\n";
    }
    std::ostringstream s;
    const Table& shown = cmd.table == "pair" ? pairs : cmd.table == "link" ? links : municipalities;
    render::write_table(shown, render::parse_format(cmd.format), s);
    emit(cmd.out, s.str());
    if (map_format) {
        render::map::Style style;
        style.lang = lang;
        style.caption = caption;
        write_file_atomic(cmd.map, render::map::services(d, result, style, *map_format));
    }
    if (!cmd.no_save) save_results(name, {&municipalities, &pairs, &links});
}

}  // namespace

void setup_services(CLI::App& app) {
    auto cmd = std::make_shared<ServicesCommand>();
    auto* sub = app.add_subcommand("services", "Who serves whom: services provided and received, per municipality and pair");
    sub->footer(
        "A service link runs from a provider to a client in one arrangement. Per arrangement the\n"
        "first source that applies decides: members with role host serve those with role client\n"
        "(or all other members); else the arrangement's host serves the other members; else the\n"
        "registrar (bronhouder) of a centrum arrangement (form centrumgemeente or regeling zonder\n"
        "meer, or 'centrumregeling'/'centrumgemeente' in the name) serves the other members.\n"
        "Regions of divisions, second registrations (duplicate_of) and ended bodies give no links.\n"
        "Tables: municipality (code, name, provided, received, balance, arrangements_providing,\n"
        "arrangements_receiving, serves, served_by; by balance); pair (a, a_name, b, b_name,\n"
        "a_serves_b, b_serves_a, direction reciprocal|one-way, arrangements); link (arrangement,\n"
        "arrangement_name, provider, provider_name, client, client_name, reason).\n"
        "--map FILE draws the directed map of the (filtered) data. See docs/practice.md.");
    sub->add_option("--table", cmd->table, "which table to print (all are stored)")
        ->check(CLI::IsMember({"municipality", "pair", "link"}))
        ->capture_default_str();
    sub->add_option("--map", cmd->map, "also draw the service relations to FILE (.svg, .png, .pdf or .dot)");
    sub->add_option("--lang", cmd->lang, "language of the map's titles, legends and tooltips (as the report)")
        ->check(CLI::IsMember({"nl", "en"}))
        ->capture_default_str();
    add_filter_options(*sub, cmd->filter);
    add_scope_options(*sub, cmd->scope);
    add_format_option(*sub, cmd->format);
    add_output_options(*sub, cmd->out, cmd->no_save);
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
