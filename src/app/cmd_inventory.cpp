// regionet inventory --region R | --province P | --municipalities CODE,... --out FILE.xlsx|.ods
#include <iostream>

#include "analysis/graphs.hpp"
#include "analysis/inventory.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "render/workbook_writer.hpp"

namespace regionet::app {

namespace {

struct InventoryCommand {
    std::string region;
    std::string province;
    std::vector<std::string> municipalities;
    std::string out;
};

void run(const InventoryCommand& cmd) {
    const int given = !cmd.region.empty() + !cmd.province.empty() + !cmd.municipalities.empty();
    if (given != 1) throw UsageError("inventory: give exactly one of --region, --province or --municipalities");
    render::workbook_format(cmd.out);  // a wrong extension is found before the database is read
    auto loaded = load_dataset();
    std::vector<std::string> codes = cmd.municipalities;
    std::string label;
    if (cmd.municipalities.empty()) {
        analysis::Filter filter;
        filter.region = cmd.region;
        filter.province = cmd.province;
        for (const auto& m : analysis::apply(loaded.dataset, filter).municipalities) codes.push_back(m.code);
        if (codes.empty())
            throw UsageError("no municipalities in " + (cmd.region.empty() ? "province '" + cmd.province + "'"
                                                                           : "region '" + cmd.region + "'") +
                             " in dataset " + loaded.dataset.name);
        label = cmd.region.empty() ? cmd.province : cmd.region;
        if (const auto* a = loaded.dataset.find_arrangement(cmd.region)) label = a->name;
    }
    auto subset = analysis::inventory_subset(loaded.dataset, codes);
    render::WorkbookOptions options;
    options.inventory = true;
    options.region = label;
    render::write_workbook(subset, cmd.out, options);
    if (!global().quiet)
        std::cerr << "inventory: " << cmd.out << ": " << codes.size() << " municipalities, "
                  << subset.arrangements.size() << " arrangements, " << subset.memberships.size()
                  << " memberships from dataset " << loaded.dataset.name << "\n";
}

}  // namespace

void setup_inventory(CLI::App& app) {
    auto cmd = std::make_shared<InventoryCommand>();
    auto* sub = app.add_subcommand(
        "inventory", "Write a workbook (.xlsx/.ods) for a region to fill in: its municipalities and known arrangements");
    sub->add_option("--region", cmd->region, "the municipalities of this region (arrangement id or name)");
    sub->add_option("--province", cmd->province, "the municipalities of this province");
    sub->add_option("--municipalities", cmd->municipalities, "these municipality codes")->delimiter(',');
    sub->add_option("--out", cmd->out, "the workbook to write: FILE.xlsx or FILE.ods")->required();
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
