// 7. Questions from practice: the screening findings as questions for the
// board, each with its lesson and source.
#include "render/report/context.hpp"

namespace regionet::render::report {

Section screening_section(const Context& c) {
    Section s{"screening", c.t("s.screening"), {}};
    if (!c.results().screen) {
        s.blocks.push_back(c.missing("what.screen"));
        return s;
    }
    const auto& findings = *c.results().screen;
    s.blocks.push_back(Paragraph{Context::text(c.t("scr.intro"))});
    if (findings.empty()) {
        s.blocks.push_back(Paragraph{Context::text(c.t("scr.none"))});
        return s;
    }
    const bool nl = c.lang() == Lang::nl;
    TableBlock tb{"table-screening", c.t("scr.caption"), {c.t("col.question"), c.t("col.rule"), c.t("col.finding"), c.t("col.source")},
                  {}, {}, false, true, false};
    for (const auto& f : findings) {
        const auto& practice = nl ? f.practice_nl : f.practice_en;
        tb.rows.push_back({Context::text_cell(nl ? f.question_nl : f.question_en), Context::text_cell(practice.empty() ? f.rule : practice),
                           Context::text_cell(nl ? f.detail_nl : f.detail_en), Context::text_cell(f.source)});
    }
    s.blocks.push_back(tb);
    s.blocks.push_back(Note{Context::text(c.t("scr.not_in_data"))});
    return s;
}

}  // namespace regionet::render::report
