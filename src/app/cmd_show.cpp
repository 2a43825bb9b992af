// regionet show municipality CODE | show arrangement ID
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/fusies.hpp"
#include "app/cli.hpp"
#include "importers/importer.hpp"
#include "app/commands.hpp"
#include "model/lookup.hpp"
#include "render/result_texts.hpp"

namespace regionet::app {

namespace {

// The seed's ambtelijke fusies that name this municipality by its CBS code of
// 2016 (data/ambtelijke-fusies-2016, issue 18), as "; "-separated sentences.
std::string fusies_of(const Dataset& d, const Municipality& m) {
    const auto path = data_dir() / "ambtelijke-fusies-2016";
    if (d.name != "ambtelijke-fusies-2016" && !std::filesystem::exists(path / "municipalities.csv")) return {};
    Dataset embedded;
    if (d.name != "ambtelijke-fusies-2016") {
        ModelBuilder builder("ambtelijke-fusies-2016");
        ImportReport report;
        importer_for(path).read(path, builder, report, ImportOptions{});
        embedded = builder.finish();
    }
    std::string out;
    for (const auto& f : analysis::fusie_facts(d.name == "ambtelijke-fusies-2016" ? d : embedded, m.code))
        out += (out.empty() ? "" : "; ") + m.name + ": " + render::report::fusie_sentence(render::report::Lang::en, f);
    return out;
}

struct ShowCommand {
    std::string kind;
    std::string key;
    std::string format = "text";
};

std::string opt(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

Table memberships_of_municipality(const Dataset& d, std::size_t m) {
    Table t;
    t.name = "memberships";
    t.columns = {{"arrangement", ""}, {"name", ""}, {"form", ""}, {"domain", ""}, {"division", ""},
                 {"role", ""}, {"board_seats", ""}, {"members", ""}};
    for (auto k : d.memberships_of_municipality()[m]) {
        const auto& ms = d.memberships[k];
        const auto& a = d.arrangements[ms.arrangement];
        Cell seats = ms.board_seats ? Cell(std::int64_t{*ms.board_seats}) : Cell{};
        t.rows.push_back({a.id, a.name, a.form, a.domain, a.division, std::string(to_string(ms.role)), seats,
                          static_cast<std::int64_t>(d.members_of_arrangement()[ms.arrangement].size())});
    }
    return t;
}

Table partners_of_municipality(const Dataset& d, std::size_t m) {
    std::map<std::size_t, std::int64_t> shared;
    for (auto k : d.memberships_of_municipality()[m])
        for (auto j : d.members_of_arrangement()[d.memberships[k].arrangement])
            if (d.memberships[j].municipality != m) ++shared[d.memberships[j].municipality];
    std::vector<std::pair<std::size_t, std::int64_t>> rows(shared.begin(), shared.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    Table t;
    t.name = "partners";
    t.columns = {{"code", ""}, {"name", ""}, {"shared_arrangements", ""}};
    for (const auto& [j, n] : rows) t.rows.push_back({d.municipalities[j].code, d.municipalities[j].name, n});
    return t;
}

Table members_of_arrangement(const Dataset& d, std::size_t a) {
    Table t;
    t.name = "members";
    t.columns = {{"code", ""}, {"name", ""}, {"province", ""}, {"role", ""}, {"board_seats", ""}, {"start_year", ""},
                 {"end_year", ""}, {"note", ""}};
    for (auto k : d.members_of_arrangement()[a]) {
        const auto& ms = d.memberships[k];
        const auto& m = d.municipalities[ms.municipality];
        auto year = [](const std::optional<int>& y) { return y ? Cell(std::int64_t{*y}) : Cell{}; };
        Cell seats = ms.board_seats ? Cell(std::int64_t{*ms.board_seats}) : Cell{};
        t.rows.push_back({m.code, m.name, m.province, std::string(to_string(ms.role)), seats, year(ms.start_year),
                          year(ms.end_year), ms.note});
    }
    for (const auto& p : d.participants)
        if (p.arrangement == a) t.rows.push_back({Cell{}, p.name, Cell{}, "participant (" + p.kind + ")", Cell{}, Cell{}, Cell{}, Cell{}});
    return t;
}

void print(const std::vector<std::pair<std::string, std::string>>& fields, const std::vector<Table>& tables,
           const std::string& format) {
    if (format == "json") {
        nlohmann::ordered_json j;
        for (const auto& [k, v] : fields) j[k] = v;
        for (const auto& t : tables) {
            std::ostringstream s;
            render::write_json(t, s);
            j[t.name] = nlohmann::ordered_json::parse(s.str());
        }
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return;
    }
    for (const auto& [k, v] : fields)
        if (!v.empty()) std::cout << k << ": " << v << "\n";
    for (const auto& t : tables) {
        std::cout << "\n" << t.name << " (" << t.rows.size() << ")\n";
        render::write_text(t, std::cout);
    }
}

void run(const ShowCommand& cmd) {
    auto loaded = load_dataset();
    const auto& d = loaded.dataset;
    if (cmd.kind == "municipality") {
        const std::optional<std::size_t> m = find_municipality_by_key(d, cmd.key);
        const auto& x = d.municipalities[*m];
        std::int64_t seats = 0;
        for (auto k : d.memberships_of_municipality()[*m]) seats += d.memberships[k].board_seats.value_or(0);
        print({{"code", x.code},
               {"name", x.name},
               {"province", x.province},
               {"population", opt(x.population)},
               {"memberships", std::to_string(d.memberships_of_municipality()[*m].size())},
               {"board_seats", std::to_string(seats)},
               {"ambtelijke_fusies", fusies_of(d, x)}},
              {memberships_of_municipality(d, *m), partners_of_municipality(d, *m)}, cmd.format);
    } else {
        const std::optional<std::size_t> a = find_arrangement_by_key(d, cmd.key);
        const auto& x = d.arrangements[*a];
        const auto n = d.members_of_arrangement()[*a].size();
        auto year = [](const std::optional<int>& y) { return y ? std::to_string(*y) : std::string(); };
        print({{"id", x.id},
               {"name", x.name},
               {"domain", x.domain},
               {"form", x.form},
               {"division", x.division},
               {"start_year", year(x.start_year)},
               {"end_year", year(x.end_year)},
               {"host", x.host},
               {"source", x.source},
               {"members", std::to_string(n)},
               {"coordination_pairs", std::to_string(n * (n - (n > 0 ? 1 : 0)) / 2)}},
              {members_of_arrangement(d, *a)}, cmd.format);
    }
}

}  // namespace

void setup_show(CLI::App& app) {
    auto cmd = std::make_shared<ShowCommand>();
    auto* sub = app.add_subcommand("show", "Profile of one municipality or arrangement");
    sub->add_option("kind", cmd->kind, "municipality or arrangement")
        ->required()
        ->check(CLI::IsMember({"municipality", "arrangement"}));
    sub->add_option("key", cmd->key, "code / id (or exact name)")->required();
    sub->add_option("--format", cmd->format, "output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
