// 5. Network position: what each measure means, the most central
// municipalities and the brokers between groups.
#include <algorithm>

#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

constexpr std::size_t k_rows = 15;

}  // namespace

Section position_section(const Context& c) {
    Section s{"position", c.t("s.position"), {}};
    if (!c.results().centrality) {
        s.blocks.push_back(c.missing("what.centrality"));
        return s;
    }
    const auto& cent = *c.results().centrality;
    const auto& m = c.data().municipalities;
    s.blocks.push_back(Paragraph{Context::text(c.t("pos.intro"))});
    List measures;
    for (const char* key : {"degree", "strength", "eigenvector", "pagerank", "harmonic", "betweenness", "constraint"}) {
        Inline item{Span{c.t(std::string("measure.") + key), "", true}};
        item.push_back(Span{": " + c.t(std::string("pos.means.") + key), "", false});
        measures.items.push_back(item);
    }
    s.blocks.push_back(measures);
    auto value = [](const std::vector<double>& v, std::size_t k) { return k < v.size() ? std::optional<double>(v[k]) : std::nullopt; };
    TableBlock ct{"table-central", c.t("pos.central.caption"),
                  {c.t("col.municipality"), c.t("measure.degree"), c.t("measure.strength"), c.t("measure.eigenvector"), c.t("measure.pagerank"),
                   c.t("measure.harmonic")},
                  {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right}, {}, true, true, false};
    const auto& central = c.by_strength();
    for (std::size_t k = 0; k < std::min(k_rows, central.size()); ++k) {
        const auto x = central[k];
        ct.rows.push_back({c.municipality_cell(m[x].code), c.int_cell(cent.degree[x]), c.num_cell(cent.strength[x], 0),
                           c.num_cell(value(cent.eigenvector, x), 3), c.num_cell(value(cent.pagerank, x), 4),
                           c.num_cell(value(cent.harmonic, x), 3)});
    }
    s.blocks.push_back(ct);
    TableBlock bt{"table-brokers", c.t("pos.brokers.caption"), {c.t("col.municipality"), c.t("measure.betweenness"), c.t("measure.constraint")},
                  {Align::left, Align::right, Align::right}, {}, true, true, false};
    const auto& brokers = c.by_betweenness();
    for (std::size_t k = 0; k < std::min(k_rows, brokers.size()); ++k) {
        const auto x = brokers[k];
        if (cent.betweenness[x] <= 0) break;
        bt.rows.push_back({c.municipality_cell(m[x].code), c.num_cell(cent.betweenness[x], 4),
                           c.num_cell(x < cent.constraint.size() ? cent.constraint[x] : std::nullopt, 3)});
    }
    if (bt.rows.empty()) s.blocks.push_back(Paragraph{Context::text(c.t("pos.brokers.none"))});
    else s.blocks.push_back(bt);
    if (cent.betweenness_estimated || cent.harmonic_estimated) s.blocks.push_back(Note{Context::text(c.t("pos.estimated"))});
    return s;
}

}  // namespace regionet::render::report
