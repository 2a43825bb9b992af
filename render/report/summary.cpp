// 1. Summary: key figures, memberships per municipality against the "more
// than twenty" of the literature, the main findings of the other sections,
// arrangements by form, domain and division.
#include <algorithm>
#include <functional>
#include <map>

#include "analysis/statistics.hpp"
#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

constexpr double k_twenty = 20.0;  // "more than twenty arrangements per municipality" (DOMAIN.md)

std::vector<Inline> top_findings(const Context& c) {
    const auto& r = c.results();
    std::vector<Inline> out;
    if (r.overlap) {
        std::size_t candidates = 0, nested = 0;
        for (const auto& x : *r.overlap) {
            candidates += x.redundancy_candidate;
            nested += x.nested;
        }
        const auto n = static_cast<std::int64_t>(candidates), k = static_cast<std::int64_t>(nested);
        const auto inside = c.tn("find.nested", k, {c.i(nested)});
        Inline p = Context::text(candidates ? c.tf("find.redundancy", {c.tn("find.candidates", n, {c.i(candidates)}), inside})
                                            : c.tf("find.redundancy.none", {inside}));
        p.push_back(Span{" (" + c.t("see") + " ", "", false});
        p.push_back(Span{c.t("s.redundancy"), "#redundancy", false});
        p.push_back(Span{").", "", false});
        out.push_back(p);
    }
    if (r.load && !c.by_weighted_load().empty()) {
        const auto& rows = r.load->municipalities;
        const auto top = c.by_weighted_load().front();
        Inline p = Context::text(c.t("find.load") + " ");
        p.push_back(c.municipality_span(rows[top].code));
        p.push_back(Span{c.tf("find.load.value", {c.n(rows[top].weighted_load, 1)}), "", false});
        std::vector<std::optional<double>> per10k;
        for (const auto& x : rows) per10k.push_back(x.load_per_10k_inhabitants);
        const auto per = analysis::order_descending(per10k, c.by_weighted_load());
        if (!per.empty()) {
            p.push_back(Span{c.t("find.load.per10k") + " ", "", false});
            p.push_back(c.municipality_span(rows[per[0]].code));
            p.push_back(Span{c.tf("find.load.per10k.value", {c.n(*rows[per[0]].load_per_10k_inhabitants, 1)}), "", false});
        }
        p.push_back(Span{".", "", false});
        out.push_back(p);
    }
    if (r.centrality && !c.by_strength().empty()) {
        const auto& m = c.data().municipalities;
        std::vector<Span> names;
        for (std::size_t k = 0; k < std::min<std::size_t>(3, c.by_strength().size()); ++k)
            names.push_back(c.municipality_span(m[c.by_strength()[k]].code));
        Inline p = Context::text(c.t("find.central") + " ");
        for (auto& x : c.join(names)) p.push_back(x);
        const auto& brokers = c.by_betweenness();
        if (!brokers.empty() && r.centrality->betweenness[brokers[0]] > 0) {
            p.push_back(Span{"; " + c.t("find.broker") + " ", "", false});
            p.push_back(c.municipality_span(m[brokers[0]].code));
        }
        p.push_back(Span{".", "", false});
        out.push_back(p);
    }
    if (r.communities) {
        const auto& div = r.communities->divisions;
        std::vector<double> ari;
        for (const auto& x : div) ari.push_back(x.agreement.ari);
        const auto order = analysis::order_descending(ari, analysis::order_by_key([&] {
            std::vector<std::string> names;
            for (const auto& x : div) names.push_back(x.division);
            return names;
        }()));
        if (!order.empty())
            out.push_back(Context::text(
                c.tf("find.communities", {c.division_label(div[order[0]].division), c.n(div[order[0]].agreement.ari, 2)})));
    }
    if (r.screen)
        out.push_back(Context::text(c.tf(r.screen->empty() ? "find.screen.none" : "find.screen", {c.i(r.screen->size())})));
    return out;
}

// Arrangements by form or domain: count, memberships, mean members; most first,
// ties by label.
TableBlock count_table(const Context& c, const std::string& id, const std::string& caption, const std::string& head,
                       const std::map<std::string, analysis::GroupCount>& counts) {
    std::vector<std::pair<std::string, analysis::GroupCount>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.arrangements > b.second.arrangements; });
    TableBlock tb{id, caption, {head, c.t("col.count"), c.t("col.memberships"), c.t("col.mean_members")},
                  {Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
    for (const auto& [label, g] : rows)
        tb.rows.push_back({Context::text_cell(label), c.int_cell(g.arrangements), c.int_cell(g.memberships),
                           c.num_cell(static_cast<double>(g.memberships) / static_cast<double>(g.arrangements), 1)});
    return tb;
}

// Group counts re-keyed by the reader's label (labels sort the table's ties).
std::map<std::string, analysis::GroupCount> by_label(const std::map<std::string, analysis::GroupCount>& counts,
                                                     const std::function<std::string(const std::string&)>& label) {
    std::map<std::string, analysis::GroupCount> out;
    for (const auto& [code, g] : counts) {
        auto& x = out[label(code)];
        x.arrangements += g.arrangements;
        x.memberships += g.memberships;
    }
    return out;
}

}  // namespace

Section summary_section(const Context& c) {
    const auto& d = c.data();
    Section s{"summary", c.t("s.summary"), {}};
    const auto stats = analysis::membership_stats(d);
    // The headline counts cooperation only (analysis/scope.hpp): regions of
    // divisions, second registrations and ended bodies are not arrangements.
    const auto coop = analysis::membership_stats(c.scoped());
    const auto all = analysis::count_stats(coop.ordinary, k_twenty);
    KeyFigures k;
    k.items.push_back({c.i(stats.municipalities), c.t("kf.municipalities")});
    k.items.push_back({c.i(coop.ordinary_arrangements), c.t("kf.arrangements")});
    if (stats.regions > 0) k.items.push_back({c.i(stats.regions), c.tf("kf.regions", {c.i(stats.divisions.size())})});
    k.items.push_back({c.n(all.mean, 1), c.t("kf.mean_memberships")});
    s.blocks.push_back(k);

    if (stats.municipalities > 0) {
        Inline p = Context::text(c.tf("sum.memberships", {c.n(all.mean, 1), c.n(all.median, 1)}));
        p.push_back(c.municipality_span(d.municipalities[coop.most].code));
        p.push_back(Span{c.tf("sum.memberships.max", {c.i(static_cast<std::int64_t>(all.max))}), "", false});
        p.push_back(Span{" " + c.tf(all.mean > k_twenty ? "sum.twenty.above" : "sum.twenty.below", {c.i(all.above), c.i(stats.municipalities)}),
                         "", false});
        s.blocks.push_back(Paragraph{p});

        TableBlock st{"table-memberships", c.t("sum.stats.caption"),
                      {c.t("col.arrangements"), c.t("col.mean"), c.t("col.median"), c.t("col.max"), c.t("col.above_twenty")},
                      {Align::left, Align::right, Align::right, Align::right, Align::right}, {}, true, false, false};
        auto stat_row = [&](const std::string& label, const std::vector<double>& v) {
            const auto x = analysis::count_stats(v, k_twenty);
            st.rows.push_back({Context::text_cell(label), c.num_cell(x.mean, 1), c.num_cell(x.median, 1), c.num_cell(x.max, 0),
                               c.int_cell(x.above)});
        };
        stat_row(c.t("sum.stats.joint"), coop.ordinary);
        if (stats.regions > 0) stat_row(c.t("sum.stats.regions"), stats.regional);
        s.blocks.push_back(st);
    }

    auto findings = top_findings(c);
    if (!findings.empty()) {
        s.blocks.push_back(Heading{"", c.t("sum.findings")});
        s.blocks.push_back(List{findings, false});
    }
    const auto& focus = c.in().municipality;
    if (!focus.empty()) {
        Inline p = Context::text(c.t("sum.focus") + " ");
        p.push_back(Span{c.municipality_label(focus), c.link(focus), true});
        p.push_back(Span{".", "", false});
        s.blocks.push_back(Paragraph{p});
    }

    if (stats.ordinary_arrangements > 0) {
        s.blocks.push_back(Heading{"", c.t("sum.forms")});
        s.blocks.push_back(count_table(c, "table-forms", c.t("sum.forms.caption"), c.t("col.form"),
                                       by_label(stats.by_form, [&](const std::string& f) { return form_label(c.lang(), f); })));
        s.blocks.push_back(count_table(c, "table-domains", c.t("sum.domains.caption"), c.t("col.domain"),
                                       by_label(stats.by_domain, [&](const std::string& x) { return x.empty() ? c.t("unknown") : x; })));
    }
    if (stats.regions > 0) {
        TableBlock tb{"table-divisions", c.t("sum.divisions.caption"), {c.t("col.division"), c.t("col.regions"), c.t("col.municipalities")},
                      {Align::left, Align::right, Align::right}, {}, true, true, false};
        for (const auto& div : stats.divisions)
            tb.rows.push_back({Context::text_cell(div.division), c.int_cell(div.regions), c.int_cell(div.municipalities)});
        s.blocks.push_back(tb);
    }
    return s;
}

}  // namespace regionet::render::report
