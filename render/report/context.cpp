#include "render/report/context.hpp"

#include <cmath>
#include <numeric>

#include "analysis/statistics.hpp"

namespace regionet::render::report {

Context::Context(const ReportInput& in, Lang lang) : m_in(in), m_lang(lang), m_d(*in.dataset) {
    for (const auto& m : m_d.municipalities)
        if (in.municipality.empty() || m.code == in.municipality) {
            m_profiled.insert(m.code);
            m_profile_anchors.insert(profile_anchor(m.code));
        }
    const auto by_code = analysis::order_by_key(analysis::municipality_codes(m_d));
    const auto& r = results();
    if (r.load) {
        std::vector<double> load;
        for (const auto& x : r.load->municipalities) load.push_back(x.weighted_load);
        m_by_load = analysis::order_descending(load, by_code);
    }
    if (r.centrality) {
        // Ties in dataset order, as the centrality table lists them.
        std::vector<std::size_t> in_order(m_d.municipalities.size());
        std::iota(in_order.begin(), in_order.end(), std::size_t{0});
        m_by_strength = analysis::order_descending(r.centrality->strength, in_order);
        m_by_betweenness = analysis::order_descending(r.centrality->betweenness, in_order);
    }
}

std::string Context::municipality_name(const std::string& code) const {
    const auto* m = m_d.find_municipality(code);
    return m ? m->name : code;
}

std::string Context::municipality_label(const std::string& code) const {
    const auto* m = m_d.find_municipality(code);
    return m ? m->name + " (" + code + ")" : code;
}

std::string Context::names_of(const std::vector<std::string>& codes) const {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + municipality_name(c);
    return out.empty() ? "\xe2\x80\x93" : out;
}

std::string Context::division_label(const std::string& division) const {
    return division == "province" ? t("division.province") : division;
}

TableCell Context::num_cell(std::optional<double> v, int decimals) const {
    if (!v || !std::isfinite(*v)) return TableCell{"", "", std::nullopt, {}};
    return TableCell{n(*v, decimals), "", *v, {}};
}

Inline Context::join(const std::vector<Span>& items) const {
    Inline out;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (k > 0) out.push_back(Span{k + 1 == items.size() ? t("and") : ", ", "", false});
        out.push_back(items[k]);
    }
    return out;
}

}  // namespace regionet::render::report
