// 2. Maps: the figures drawn for the report (render/report_figures.cpp), with
// ids made unique per figure, and a note for every map that could not be drawn.
#include "render/report/context.hpp"

namespace regionet::render::report {

Section maps_section(const Context& c) {
    Section s{"maps", c.t("s.maps"), {}};
    const auto& in = c.in();
    // The explorer (regionet explore) written beside the report: a relative
    // link, so it works from a folder, a USB stick or a mail attachment pair.
    auto explorer_link = [&] {
        const auto& sentence = c.t("map.report.explorer");
        const auto at = sentence.find("{0}");
        Inline content{Span{sentence.substr(0, at), "", false}, Span{in.explorer, in.explorer, true},
                       Span{at == std::string::npos ? std::string() : sentence.substr(at + 3), "", false}};
        s.blocks.push_back(Paragraph{std::move(content)});
    };
    if (in.maps.empty() && in.map_notes.empty()) {
        s.blocks.push_back(c.missing("what.maps"));
        if (!in.explorer.empty()) explorer_link();
        return s;
    }
    if (!in.maps.empty()) s.blocks.push_back(Paragraph{Context::text(c.t("maps.intro"))});
    if (!in.explorer.empty()) explorer_link();
    int number = 0;
    for (const auto& m : in.maps) {
        const auto prefix = "fig" + std::to_string(++number) + "-";
        auto keep = [&c](const std::string& target) { return c.has_profile_anchor(target); };
        s.blocks.push_back(Figure{m.file, scope_svg(m.svg, prefix, keep), m.caption, m.alt});
    }
    for (const auto& note : in.map_notes) s.blocks.push_back(Note{Context::text(c.tf("maps.not_drawn", {note}))});
    return s;
}

}  // namespace regionet::render::report
