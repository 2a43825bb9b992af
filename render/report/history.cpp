// "Wat is er veranderd": arrangements started and ended per year, who joined
// and left most, and who left and later rejoined (render/report_history.cpp
// draws it from analysis/history.hpp). Left out for data without dates.
#include "render/report/context.hpp"
#include "render/report_history.hpp"

namespace regionet::render::report {

Section history_section(const Context& c) {
    const auto* history = c.in().history;
    if (!history || history->empty()) return {};
    return history_section(c.in().history_dataset ? *c.in().history_dataset : c.data(), *history, c.lang());
}

}  // namespace regionet::render::report
