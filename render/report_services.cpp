#include "render/report_services.hpp"

#include <algorithm>

#include "render/report_texts.hpp"

namespace regionet::render::report {

namespace {

TableCell text_cell(std::string s) { return TableCell{std::move(s), "", {}, {}}; }
TableCell int_cell(Lang lang, std::int64_t v) { return TableCell{integer(lang, v), "", static_cast<double>(v), {}}; }
TableCell name_cell(const Municipality& m) { return TableCell{m.name.empty() ? m.code : m.name, "#" + profile_anchor(m.code), {}, {}}; }
Inline text(std::string s) { return Inline{Span{std::move(s), "", false}}; }

void classification_part(const ServicesSectionInput& in, Lang lang, Section& s) {
    const auto& c = *in.classes;
    s.blocks.push_back(Heading{"tasks-kind", tr(lang, "svc.kind.title")});
    const auto total = c.arrangements.size();
    if (total == 0) {
        s.blocks.push_back(Paragraph{text(tr(lang, "svc.kind.none"))});
        return;
    }
    s.blocks.push_back(Paragraph{text(trf(lang, "svc.kind.intro", {integer(lang, static_cast<std::int64_t>(total))}))});
    TableBlock tb{"table-tasks", tr(lang, "svc.kind.caption"),
                  {tr(lang, "svc.col.dimension"), tr(lang, "svc.col.value"), tr(lang, "svc.col.arrangements"), tr(lang, "svc.col.share")},
                  {Align::left, Align::left, Align::right, Align::right}, {}, false, false, false};
    auto add = [&](const std::string& dim, const std::string& key, std::size_t n) {
        const double share = static_cast<double>(n) / static_cast<double>(total);
        tb.rows.push_back({text_cell(dim), text_cell(tr(lang, key)), int_cell(lang, static_cast<std::int64_t>(n)),
                           TableCell{percent(lang, share, 0), "", share, {}}});
    };
    for (std::size_t k = 0; k < analysis::kTaskKinds; ++k)
        add(tr(lang, "svc.dim.kind"), "svc.kind." + std::string(to_string(static_cast<analysis::TaskKind>(k))), c.by_kind[k]);
    for (std::size_t k = 0; k < analysis::kMotives; ++k)
        add(tr(lang, "svc.dim.motive"), "svc.motive." + std::string(to_string(static_cast<analysis::Motive>(k))), c.by_motive[k]);
    s.blocks.push_back(tb);
    std::size_t small = 0;
    for (const auto& m : c.municipalities) small += m.relies_for_vulnerability;
    // Without any population a count of small municipalities would read as "none".
    const bool population_known = std::any_of(in.dataset->municipalities.begin(), in.dataset->municipalities.end(),
                                              [](const Municipality& m) { return m.population.has_value(); });
    if (population_known)
        s.blocks.push_back(Paragraph{text(trf(lang, "svc.small", {integer(lang, static_cast<std::int64_t>(small)), integer(lang, c.small_population)}))});
    else
        s.blocks.push_back(Paragraph{text(tr(lang, "svc.small.unknown"))});
    s.blocks.push_back(Note{text(tr(lang, "svc.kind.note"))});
}

void services_part(const ServicesSectionInput& in, Lang lang, Section& s) {
    const auto& d = *in.dataset;
    const auto& r = *in.services;
    s.blocks.push_back(Heading{"services-who", tr(lang, "svc.who.title")});
    if (r.links.empty()) {
        s.blocks.push_back(Paragraph{text(tr(lang, "svc.who.none"))});
        return;
    }
    std::size_t reciprocal = 0;
    for (const auto& p : r.pairs) reciprocal += p.reciprocal();
    std::vector<std::size_t> arrangements;
    for (const auto& l : r.links) arrangements.push_back(l.arrangement);
    std::sort(arrangements.begin(), arrangements.end());
    arrangements.erase(std::unique(arrangements.begin(), arrangements.end()), arrangements.end());
    s.blocks.push_back(Paragraph{text(trf(lang, "svc.who.intro",
                                          {integer(lang, static_cast<std::int64_t>(arrangements.size())),
                                           integer(lang, static_cast<std::int64_t>(r.pairs.size())),
                                           integer(lang, static_cast<std::int64_t>(reciprocal))}))});
    auto ranked = [&](bool providing) {
        std::vector<const analysis::MunicipalityServices*> rows;
        for (const auto& m : r.municipalities)
            if (providing ? m.provided > 0 : m.received > 0) rows.push_back(&m);
        std::sort(rows.begin(), rows.end(), [&](auto* x, auto* y) {
            const auto vx = providing ? x->provided : x->received;
            const auto vy = providing ? y->provided : y->received;
            if (vx != vy) return vx > vy;
            return d.municipalities[x->municipality].code < d.municipalities[y->municipality].code;
        });
        if (rows.size() > in.top) rows.resize(in.top);
        TableBlock tb{providing ? "table-services-providing" : "table-services-receiving",
                      tr(lang, providing ? "svc.who.providing" : "svc.who.receiving"),
                      {tr(lang, "svc.col.municipality"), tr(lang, "svc.col.provided"), tr(lang, "svc.col.received"),
                       tr(lang, "svc.col.balance"), tr(lang, providing ? "svc.col.serves" : "svc.col.served_by")},
                      {Align::left, Align::right, Align::right, Align::right, Align::right}, {}, true, false, false};
        for (const auto* m : rows)
            tb.rows.push_back({name_cell(d.municipalities[m->municipality]),
                               int_cell(lang, static_cast<std::int64_t>(m->provided)),
                               int_cell(lang, static_cast<std::int64_t>(m->received)), int_cell(lang, m->balance),
                               int_cell(lang, static_cast<std::int64_t>(providing ? m->serves : m->served_by))});
        return tb;
    };
    s.blocks.push_back(ranked(true));
    s.blocks.push_back(ranked(false));
    if (!in.map_svg.empty())
        s.blocks.push_back(Figure{"services.svg", in.map_svg, tr(lang, "svc.map.caption"), tr(lang, "svc.map.alt")});
    s.blocks.push_back(Note{text(tr(lang, "svc.who.note"))});
}

}  // namespace

Section services_section(const ServicesSectionInput& in, Lang lang) {
    Section s{"tasks-services", tr(lang, "svc.title"), {}};
    if (in.dataset && in.classes) classification_part(in, lang, s);
    if (in.dataset && in.services) services_part(in, lang, s);
    return s;
}

}  // namespace regionet::render::report
