// 7. Questions from practice: the screening findings as questions for the
// board, each with its lesson and source.
#include "render/result_texts.hpp"
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
    TableBlock tb{"table-screening", c.t("scr.caption"), {c.t("col.question"), c.t("col.rule"), c.t("col.finding"), c.t("col.source")},
                  {}, {}, false, true, false};
    for (const auto& f : findings) {
        tb.rows.push_back({Context::text_cell(finding_question(c.lang(), f)), Context::text_cell(finding_practice(c.lang(), f)),
                           Context::text_cell(finding_text(c.lang(), f)), Context::text_cell(finding_source(c.lang(), f))});
    }
    s.blocks.push_back(tb);
    s.blocks.push_back(Note{Context::text(c.t("scr.not_in_data"))});
    return s;
}

}  // namespace regionet::render::report
