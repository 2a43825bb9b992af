// regionet datasets [--format text|csv|json]
#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"

namespace regionet::app {

namespace {

void run(const std::string& format) {
    Store store(global().db, Store::Mode::read_only);
    Table t;
    t.name = "datasets";
    t.columns = {{"name", "dataset name"},
                 {"municipalities", "number of municipalities"},
                 {"arrangements", "number of arrangements (regions of divisions included)"},
                 {"memberships", "number of memberships"},
                 {"reference_date", "date the data describe"},
                 {"imported_at", "UTC time of import"},
                 {"source", "where the data came from"}};
    for (const auto& d : store.datasets())
        t.rows.push_back({d.name, d.municipalities, d.arrangements, d.memberships, d.reference_date, d.imported_at,
                          d.source});
    render::write_table(t, render::parse_format(format), std::cout);
}

}  // namespace

void setup_datasets(CLI::App& app) {
    auto format = std::make_shared<std::string>("text");
    auto* sub = app.add_subcommand("datasets", "List the datasets in the database");
    add_format_option(*sub, *format);
    sub->callback([format] { run(*format); });
}

}  // namespace regionet::app
