#include "analysis/fusies.hpp"

#include <algorithm>
#include <tuple>

namespace regionet::analysis {

FusieStatus fusie_status(const Arrangement& a) {
    if (a.source.find("not pursued") != std::string::npos) return FusieStatus::stopped;
    if (a.source.find("paused") != std::string::npos) return FusieStatus::paused;
    return FusieStatus::running;
}

std::vector<FusieFact> fusie_facts(const Dataset& d, const std::string& code) {
    std::vector<FusieFact> out;
    const auto m = d.municipality_index(code);
    if (!m) return out;
    for (auto k : d.memberships_of_municipality()[*m]) {
        const auto& ms = d.memberships[k];
        const auto& a = d.arrangements[ms.arrangement];
        if (a.form != "ambtelijke_fusie" && a.form != "gastheer") continue;
        FusieFact f;
        f.arrangement = a.id;
        f.name = a.name;
        f.form = a.form;
        f.status = fusie_status(a);
        f.year = f.status == FusieStatus::running ? a.start_year : (a.end_year ? a.end_year : a.start_year);
        f.host = ms.role == Role::host || a.host == code;
        f.note = ms.note;
        for (auto j : d.members_of_arrangement()[ms.arrangement])
            if (d.memberships[j].municipality != *m) f.partners.push_back(d.municipalities[d.memberships[j].municipality].name);
        f.temporary = a.source.find("tijdelijk") != std::string::npos;
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const FusieFact& x, const FusieFact& y) {
        return std::tie(x.year, x.arrangement) < std::tie(y.year, y.arrangement);
    });
    return out;
}

}  // namespace regionet::analysis
