#include "analysis/fusies.hpp"

#include <algorithm>
#include <tuple>

namespace regionet::analysis {

namespace {

// "A", "A and B", "A, B and C"
std::string join_names(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i)
        s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return s;
}

}  // namespace

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
        const std::string year = f.year ? std::to_string(*f.year) : std::string("?");
        const std::string with = f.partners.empty() ? " " + a.name : " with " + join_names(f.partners);
        switch (f.status) {
            case FusieStatus::stopped: f.sentence = "stopped the fusie" + with + " in " + year; break;
            case FusieStatus::paused: f.sentence = "talks on a fusie" + with + " paused in " + year; break;
            case FusieStatus::running:
                if (a.form == "gastheer")
                    f.sentence = (f.host ? "hosts the civil service of " + join_names(f.partners)
                                         : "civil service hosted by " + join_names(f.partners)) +
                                 " (" + a.name + ") since " + year;
                else
                    f.sentence = "ambtelijke fusie " + a.name + " since " + year +
                                 (f.partners.empty() ? "" : " (with " + join_names(f.partners) + ")");
                if (a.source.find("tijdelijk") != std::string::npos) f.sentence += ", temporary";
                break;
        }
        if (!f.note.empty()) f.sentence += "; " + f.note;
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const FusieFact& x, const FusieFact& y) {
        return std::tie(x.year, x.arrangement) < std::tie(y.year, y.arrangement);
    });
    return out;
}

}  // namespace regionet::analysis
