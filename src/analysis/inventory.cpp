#include "analysis/inventory.hpp"

#include <set>

#include "model/error.hpp"

namespace regionet::analysis {

Dataset inventory_subset(const Dataset& d, const std::vector<std::string>& codes) {
    std::set<std::string> region;
    for (const auto& c : codes) {
        if (!d.find_municipality(c)) throw UsageError("no municipality '" + c + "' in dataset " + d.name);
        region.insert(c);
    }
    std::set<std::string> ids;
    for (const auto& m : d.memberships)
        if (region.count(m.municipality_code)) ids.insert(m.arrangement_id);
    // References must resolve inside the workbook: follow body_of and duplicate_of.
    for (bool grown = true; grown;) {
        grown = false;
        for (const auto& a : d.arrangements) {
            if (!ids.count(a.id)) continue;
            for (const auto* to : {&a.body_of, &a.duplicate_of})
                if (!to->empty() && d.find_arrangement(*to) && ids.insert(*to).second) grown = true;
        }
    }
    std::set<std::string> municipalities = region;
    Dataset out;
    out.name = d.name;
    out.source = d.source;
    out.reference_date = d.reference_date;
    for (const auto& a : d.arrangements)
        if (ids.count(a.id)) {
            out.arrangements.push_back(a);
            if (!a.host.empty()) municipalities.insert(a.host);
        }
    for (const auto& m : d.municipalities)
        if (municipalities.count(m.code)) out.municipalities.push_back(m);
    for (const auto& m : d.memberships)
        if (region.count(m.municipality_code) && ids.count(m.arrangement_id)) out.memberships.push_back(m);
    for (const auto& p : d.participants)
        if (ids.count(p.arrangement_id)) out.participants.push_back(p);
    out.reindex();
    return out;
}

Origin origin_of(const Arrangement& a) {
    if (a.source.empty()) return Origin::unknown;
    std::string head = a.source.substr(0, 10);
    for (auto& c : head)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return head == "inventaris" ? Origin::inventory : Origin::register_;
}

Origins origins(const Dataset& d) {
    Origins o;
    for (const auto& a : d.arrangements) {  // sorted by id already
        switch (origin_of(a)) {
        case Origin::register_: o.register_.push_back(a.id); break;
        case Origin::inventory: o.inventory.push_back(a.id); break;
        case Origin::unknown: o.unknown.push_back(a.id); break;
        }
    }
    return o;
}

}  // namespace regionet::analysis
