// "Taken, motieven en dienstverlening" (issue 18): the share of arrangements
// per kind of task and motive, and who serves whom, worded by
// render/report_services.cpp from analysis/classify.hpp and services.hpp.
// Left out when neither pass ran.
#include "render/report/context.hpp"
#include "render/report_services.hpp"

namespace regionet::render::report {

Section services_section(const Context& c) {
    const auto& r = c.results();
    if (!r.classes && !r.services) return {};
    ServicesSectionInput s;
    s.dataset = &c.scoped();  // both passes index the cooperation scope's arrangements
    s.classes = r.classes ? &*r.classes : nullptr;
    s.services = r.services ? &*r.services : nullptr;
    if (const auto& m = c.in().services_map) {
        auto keep = [&c](const std::string& target) { return c.has_profile_anchor(target); };
        s.map_svg = scope_svg(m->svg, "svc-", keep);
    }
    return services_section(s, c.lang());
}

}  // namespace regionet::render::report
