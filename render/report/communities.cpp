// 6. Clusters and official regions: the communities of the network, their
// agreement with each division, and the congruence of the divisions (heat map).
#include <algorithm>
#include <map>
#include <set>

#include "analysis/statistics.hpp"
#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

TableBlock cluster_table(const Context& c, const analysis::CommunityResult& comm) {
    const auto& m = c.data().municipalities;
    TableBlock tb{"table-communities", c.t("com.table.caption"), {c.t("col.community"), c.t("col.size"), c.t("col.municipalities")},
                  {Align::left, Align::right, Align::left}, {}, true, true, false};
    for (const auto& [id, members] : analysis::community_members(comm.community)) {
        std::vector<std::string> names;
        for (auto x : members) names.push_back(m[x].name);
        std::sort(names.begin(), names.end());
        std::string joined;
        for (const auto& x : names) joined += (joined.empty() ? "" : ", ") + x;
        tb.rows.push_back({Context::text_cell(id == 0 ? c.t("com.isolated") : c.tf("map.legend.cluster", {std::to_string(id)})),
                           c.int_cell(members.size()), Context::text_cell(joined)});
    }
    return tb;
}

TableBlock agreement_table(const Context& c, const analysis::CommunityResult& comm) {
    TableBlock tb{"table-agreement", c.t("com.agreement.caption"), {c.t("col.division"), c.t("col.ari"), c.t("col.nmi")},
                  {Align::left, Align::right, Align::right}, {}, true, true, false};
    std::vector<double> ari;
    std::vector<std::string> names;
    for (const auto& x : comm.divisions) {
        ari.push_back(x.agreement.ari);
        names.push_back(x.division);
    }
    for (auto k : analysis::order_descending(ari, analysis::order_by_key(names))) {
        const auto& x = comm.divisions[k];
        tb.rows.push_back({Context::text_cell(c.division_label(x.division)), c.num_cell(x.agreement.ari, 2), c.num_cell(x.agreement.nmi, 2)});
    }
    return tb;
}

// Columns numbered, rows named "n. division": a compact matrix of ARI.
std::optional<TableBlock> heat_map(const Context& c, const analysis::CongruenceResult& cong) {
    std::set<std::string> names;
    std::map<std::pair<std::string, std::string>, double> ari;
    for (const auto& p : cong.pairs) {
        if (!std::isfinite(p.agreement.ari)) continue;
        names.insert(p.a);
        names.insert(p.b);
        ari[{p.a, p.b}] = p.agreement.ari;
        ari[{p.b, p.a}] = p.agreement.ari;
    }
    if (names.empty()) return std::nullopt;
    TableBlock hm{"table-congruence", c.t("com.heat.caption"), {c.t("col.division")}, {Align::left}, {}, true, false, true};
    for (std::size_t k = 0; k < names.size(); ++k) {
        hm.headers.push_back(std::to_string(k + 1));
        hm.align.push_back(Align::right);
    }
    std::size_t row = 0;
    for (const auto& a : names) {
        std::vector<TableCell> cells{Context::text_cell(std::to_string(++row) + ". " + c.division_label(a))};
        for (const auto& b : names) {
            if (a == b) cells.push_back(TableCell{c.n(1.0, 2), "", 1.0, 1.0});
            else if (auto it = ari.find({a, b}); it != ari.end())
                cells.push_back(TableCell{c.n(it->second, 2), "", it->second, std::clamp(it->second, 0.0, 1.0)});
            else cells.push_back(Context::text_cell(""));
        }
        hm.rows.push_back(std::move(cells));
    }
    return hm;
}

}  // namespace

Section communities_section(const Context& c) {
    Section s{"communities", c.t("s.communities"), {}};
    const auto& r = c.results();
    if (!r.communities && !r.congruence) {
        s.blocks.push_back(c.missing("what.communities"));
        return s;
    }
    s.blocks.push_back(Paragraph{Context::text(c.t("com.intro"))});
    if (r.communities) {
        s.blocks.push_back(cluster_table(c, *r.communities));
        s.blocks.push_back(agreement_table(c, *r.communities));
    }
    if (r.congruence)
        if (auto hm = heat_map(c, *r.congruence)) {
            s.blocks.push_back(*hm);
            s.blocks.push_back(Paragraph{Context::text(c.t("com.heat.legend"))});
        }
    return s;
}

}  // namespace regionet::render::report
