// 8. Municipality profiles: per municipality its facts, load and position
// ranks, arrangements, partners by shared arrangements and suggested partners.
#include <algorithm>
#include <map>

#include "analysis/statistics.hpp"
#include "render/result_texts.hpp"
#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

constexpr std::size_t k_partners_shown = 8;
constexpr std::size_t k_suggestions_shown = 5;

std::string facts(const Context& c, std::size_t m, const std::vector<std::size_t>& strength_rank,
                  const std::vector<std::size_t>& betweenness_rank) {
    const auto& d = c.data();
    const auto& x = d.municipalities[m];
    const auto& r = c.results();
    const auto& mine = d.memberships_of_municipality()[m];
    std::int64_t seats = 0;
    std::size_t regions = 0;
    for (auto k : mine) {
        seats += d.memberships[k].board_seats.value_or(0);
        regions += d.arrangements[d.memberships[k].arrangement].is_region();
    }
    const auto total = d.municipalities.size();
    const auto joint = static_cast<std::int64_t>(mine.size() - regions);
    const auto in_regions = static_cast<std::int64_t>(regions);
    std::string out = c.tf("prof.facts", {x.province.empty() ? c.t("unknown") : x.province, x.population ? c.i(*x.population) : c.t("unknown"),
                                          c.tn("prof.n.joint", joint, {c.i(joint)}), c.tn("prof.n.regions", in_regions, {c.i(in_regions)}),
                                          c.tn("prof.n.seats", seats, {c.i(seats)})});
    if (r.load) {
        const auto& l = r.load->municipalities[m];
        out += " " + c.tf("prof.load", {c.n(l.weighted_load, 1), c.i(l.rank), c.i(total)});
        if (l.load_per_10k_inhabitants) out += " " + c.tf("prof.per10k", {c.n(*l.load_per_10k_inhabitants, 2)});
    }
    if (r.centrality) {
        out += " " + c.tf("prof.position", {c.i(r.centrality->degree[m]), c.i(strength_rank[m]), c.i(total)});
        if (betweenness_rank[m] > 0 && r.centrality->betweenness[m] > 0)
            out += " " + c.tf("prof.broker", {c.i(betweenness_rank[m])});
    }
    return out;
}

void arrangements(const Context& c, std::size_t m, Section& s) {
    const auto& d = c.data();
    const auto& x = d.municipalities[m];
    // Ordinary arrangements as a table, regions as one line.
    TableBlock at{"", c.tf("prof.arr.caption", {x.name}),
                  {c.t("col.arrangement"), c.t("col.form"), c.t("col.domain"), c.t("col.role"), c.t("col.members")},
                  {Align::left, Align::left, Align::left, Align::left, Align::right}, {}, true, false, false};
    std::string region_line;
    bool marked = false;
    for (auto k : d.memberships_of_municipality()[m]) {
        const auto& ms = d.memberships[k];
        const auto& a = d.arrangements[ms.arrangement];
        if (a.is_region()) {
            region_line += (region_line.empty() ? "" : "; ") + a.name + " (" + a.division + ")";
            continue;
        }
        // A form or domain inferred at import (not stated by the source) is
        // marked; one that could not be inferred reads "onbekend".
        std::string form = form_label(c.lang(), a.form);
        if (!a.form_basis.empty()) form += c.t("cov.marker");
        std::string domain = a.domain_basis == "none" || a.domain.empty() ? c.t("unknown") : a.domain;
        if (!a.domain_basis.empty() && a.domain_basis != "none") domain += c.t("cov.marker");
        marked = marked || !a.form_basis.empty() || (!a.domain_basis.empty() && a.domain_basis != "none");
        at.rows.push_back({Context::text_cell(a.name), Context::text_cell(form), Context::text_cell(domain),
                           Context::text_cell(role_label(c.lang(), to_string(ms.role))),
                           c.int_cell(d.members_of_arrangement()[ms.arrangement].size())});
    }
    if (!at.rows.empty()) s.blocks.push_back(at);
    if (marked) s.blocks.push_back(Note{Context::text(c.t("cov.marker.note"))});
    if (!region_line.empty()) s.blocks.push_back(Paragraph{Context::text(c.t("prof.regions") + " " + region_line + ".")});
}

void suggestions(const Context& c, const analysis::PartnerSuggestions& p, Section& s) {
    const auto& d = c.data();
    List suggested;
    for (const auto& x : p.candidates) {
        if (suggested.items.size() >= k_suggestions_shown) break;
        Inline item{c.municipality_span(d.municipalities[x.municipality].code)};
        const auto reasons = partner_reasons(c.lang(), d, x);
        if (!reasons.empty()) item.push_back(Span{": " + reasons, "", false});
        suggested.items.push_back(item);
    }
    if (suggested.items.empty()) return;
    s.blocks.push_back(Paragraph{Context::text(c.t("prof.suggested"))});
    s.blocks.push_back(suggested);
}

}  // namespace

Section profiles_section(const Context& c) {
    const auto& d = c.data();
    const auto& r = c.results();
    Section s{"profiles", c.t("s.profiles"), {}};
    s.blocks.push_back(Paragraph{Context::text(c.t("prof.intro"))});
    std::vector<std::size_t> order;
    for (std::size_t m = 0; m < d.municipalities.size(); ++m)
        if (c.profiled(d.municipalities[m].code)) order.push_back(m);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d.municipalities[a].name < d.municipalities[b].name; });
    if (order.size() > 1) {
        // An index of profiles as one paragraph of links.
        Inline idx;
        for (auto m : order) {
            if (!idx.empty()) idx.push_back(Span{" \xc2\xb7 ", "", false});
            idx.push_back(Span{d.municipalities[m].name, "#" + profile_anchor(d.municipalities[m].code), false});
        }
        s.blocks.push_back(Paragraph{idx});
    }
    const auto ties = r.projection ? analysis::partner_ties(d, *r.projection)
                                   : std::vector<std::vector<std::pair<std::size_t, std::size_t>>>(d.municipalities.size());
    const auto strength_rank = analysis::ranks(c.by_strength(), d.municipalities.size());
    const auto betweenness_rank = analysis::ranks(c.by_betweenness(), d.municipalities.size());
    std::map<std::size_t, const analysis::PartnerSuggestions*> suggested;
    if (r.partners)
        for (const auto& p : *r.partners) suggested[p.municipality] = &p;
    for (auto m : order) {
        const auto& x = d.municipalities[m];
        s.blocks.push_back(Heading{profile_anchor(x.code), x.name + " (" + x.code + ")"});
        s.blocks.push_back(Paragraph{Context::text(facts(c, m, strength_rank, betweenness_rank))});
        arrangements(c, m, s);
        if (const auto& ps = ties[m]; !ps.empty()) {
            std::vector<Span> names;
            for (std::size_t k = 0; k < std::min(k_partners_shown, ps.size()); ++k) {
                auto span = c.municipality_span(d.municipalities[ps[k].first].code);
                span.text += " (" + c.i(ps[k].second) + ")";
                names.push_back(span);
            }
            Inline p = Context::text(c.tf("prof.partners", {c.i(ps.size())}) + " ");
            for (auto& y : c.join(names)) p.push_back(y);
            p.push_back(Span{".", "", false});
            s.blocks.push_back(Paragraph{p});
        }
        if (auto it = suggested.find(m); it != suggested.end()) suggestions(c, *it->second, s);
    }
    return s;
}

}  // namespace regionet::render::report
