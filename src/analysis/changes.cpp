#include "analysis/changes.hpp"

#include <algorithm>
#include <set>

#include "analysis/partition.hpp"

namespace regionet::analysis {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

std::string join_codes(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
    return s;
}

}  // namespace

std::vector<MunicipalityChange> municipality_changes(const Dataset& old_d, const Dataset& new_d, const AreaShares& shares,
                                                     const ChangesOptions& options) {
    std::vector<MunicipalityChange> out(old_d.municipalities.size());
    for (std::size_t i = 0; i < old_d.municipalities.size(); ++i) {
        auto& c = out[i];
        c.old_index = i;
        auto it = shares.find(old_d.municipalities[i].code);
        if (it == shares.end()) continue;
        for (const auto& s : it->second) {
            const auto j = new_d.municipality_index(s.to);
            if (!j || s.share < options.min_share) continue;
            c.parts.emplace_back(*j, s.share);
        }
        std::sort(c.parts.begin(), c.parts.end(), [&](const auto& a, const auto& b) {
            if (a.second != b.second) return a.second > b.second;
            return new_d.municipalities[a.first].code < new_d.municipalities[b.first].code;
        });
        // A municipality whose code lives on and holds most of its area kept
        // its territory: the other parts are slivers where two separately
        // generalised boundary files disagree, not transfers.
        if (!c.parts.empty() && new_d.municipalities[c.parts.front().first].code == old_d.municipalities[i].code)
            c.parts.resize(1);
    }
    std::map<std::size_t, std::vector<std::size_t>> by_successor;
    for (const auto& c : out)
        if (c.successor() != npos) by_successor[c.successor()].push_back(c.old_index);
    for (auto& c : out) {
        if (c.parts.empty()) {
            c.status = "gone";
            continue;
        }
        for (auto k : by_successor[c.successor()])
            if (k != c.old_index) c.partners.push_back(k);
        const auto& o = old_d.municipalities[c.old_index];
        const auto& n = new_d.municipalities[c.successor()];
        if (c.parts.size() > 1) c.status = "split";
        else if (!c.partners.empty()) c.status = "merged";
        else if (o.code == n.code && o.name == n.name) c.status = "unchanged";
        else c.status = "renamed";
    }
    return out;
}

Table municipalities_table(const Dataset& old_d, const Dataset& new_d, const std::vector<MunicipalityChange>& changes) {
    Table t;
    t.name = "changes_municipalities";
    t.columns = {{"code_old", "municipality code in the earlier dataset"},
                 {"name_old", "its name"},
                 {"code_new", "municipality of the later dataset holding (part of) its area"},
                 {"name_new", "its name"},
                 {"share", "share of the earlier municipality's area in it (0..1)"},
                 {"status", "unchanged | renamed | merged | split | gone"},
                 {"partners", "other earlier municipalities with the same successor (codes, ';')"}};
    for (const auto& c : changes) {
        const auto& o = old_d.municipalities[c.old_index];
        std::vector<std::string> partners;
        for (auto k : c.partners) partners.push_back(old_d.municipalities[k].code);
        if (c.parts.empty()) {
            t.rows.push_back({o.code, o.name, std::monostate{}, std::monostate{}, std::monostate{}, c.status, std::string()});
            continue;
        }
        for (const auto& [j, share] : c.parts) {
            const auto& n = new_d.municipalities[j];
            t.rows.push_back({o.code, o.name, n.code, n.name, share, c.status, join_codes(partners)});
        }
    }
    return t;
}

Table carried_table(const Dataset& old_d, const Dataset& new_d, const std::vector<MunicipalityChange>& changes) {
    Table t;
    t.name = "changes_carried";
    t.columns = {{"arrangement_id", "arrangement of the earlier dataset"},
                 {"arrangement_name", "its name"},
                 {"division", "its division, for regions"},
                 {"code_new", "later municipality the membership is carried to"},
                 {"name_new", "its name"},
                 {"from_old", "earlier member municipalities it came from (codes, ';')"},
                 {"share", "largest share of an earlier member's area lying in it"},
                 {"carried", "true when it came from another code (merger, split), false when the same municipality"}};
    struct Carried {
        std::vector<std::string> from;
        double share = 0.0;
    };
    std::map<std::pair<std::string, std::string>, Carried> rows;  // (arrangement id, new code)
    for (const auto& m : old_d.memberships) {
        const auto& c = changes[m.municipality];
        for (const auto& [j, share] : c.parts) {
            auto& r = rows[{m.arrangement_id, new_d.municipalities[j].code}];
            r.from.push_back(m.municipality_code);
            r.share = std::max(r.share, share);
        }
    }
    for (auto& [key, r] : rows) {
        std::sort(r.from.begin(), r.from.end());
        r.from.erase(std::unique(r.from.begin(), r.from.end()), r.from.end());
        const auto* a = old_d.find_arrangement(key.first);
        const auto* n = new_d.find_municipality(key.second);
        const bool same = r.from.size() == 1 && r.from.front() == key.second;
        t.rows.push_back({key.first, a->name, a->division, key.second, n->name, join_codes(r.from), r.share, !same});
    }
    return t;
}

std::vector<std::pair<std::string, std::string>> matching_divisions(const Dataset& old_d, const Dataset& new_d) {
    static const std::pair<const char*, const char*> table[] = {
        {"arbeidsmarktregios", "arbeidsmarktregio"}, {"corop-regios", "coropgebied"},
        {"ggds", "ggdregio"},                        {"jeugdzorgregios", "jeugdregio"},
        {"politie-eenheden", "regionale_eenheid"},   {"provincies", "provincie"},
        {"veiligheidsregios", "veiligheidsregio"},   {"zorgkantoorregios", "zorgkantoorregio"},
    };
    const auto old_divisions = old_d.divisions();
    const auto new_divisions = new_d.divisions();
    auto in = [](const std::vector<std::string>& v, const std::string& x) { return std::binary_search(v.begin(), v.end(), x); };
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& [o, n] : table)
        if (in(old_divisions, o) && in(new_divisions, n)) out.emplace(o, n);
    for (const auto& d : old_divisions)
        if (in(new_divisions, d)) out.emplace(d, d);
    return {out.begin(), out.end()};
}

std::pair<Table, Table> division_changes(const Dataset& old_d, const Dataset& new_d,
                                         const std::vector<MunicipalityChange>& changes) {
    Table divisions;
    divisions.name = "changes_divisions";
    divisions.columns = {{"division_old", "division in the earlier dataset"},
                         {"division_new", "its counterpart in the later dataset"},
                         {"municipalities", "earlier municipalities with a region in both (via their successor)"},
                         {"regions_old", "regions among them, earlier"},
                         {"regions_new", "regions among them, later"},
                         {"changed", "earlier municipalities whose successor lies in another region than the one "
                                     "corresponding to their earlier region"},
                         {"ari", "adjusted Rand index of the two partitions (1 = identical)"},
                         {"nmi", "normalised mutual information (1 = identical)"}};
    Table regions;
    regions.name = "changes_regions";
    regions.columns = {{"division_old", "division in the earlier dataset"},
                       {"division_new", "its counterpart in the later dataset"},
                       {"code_old", "earlier municipality"},
                       {"name_old", "its name"},
                       {"code_new", "its successor"},
                       {"region_old", "its earlier region"},
                       {"region_new", "its successor's later region"},
                       {"expected_new", "the later region corresponding to its earlier region"}};
    for (const auto& [div_old, div_new] : matching_divisions(old_d, new_d)) {
        const auto labels_old = division_labels(old_d, div_old);
        const auto labels_new_of_new = division_labels(new_d, div_new);
        std::vector<std::int64_t> labels_new(old_d.municipalities.size(), kUnassigned);
        for (const auto& c : changes)
            if (c.successor() != npos) labels_new[c.old_index] = labels_new_of_new[c.successor()];
        // Correspondence: old region -> the new region most of its municipalities are in.
        std::map<std::int64_t, std::map<std::int64_t, std::size_t>> counts;
        for (std::size_t i = 0; i < labels_old.size(); ++i)
            if (labels_old[i] != kUnassigned && labels_new[i] != kUnassigned) ++counts[labels_old[i]][labels_new[i]];
        std::map<std::int64_t, std::int64_t> corresponds;
        for (const auto& [o, by_new] : counts) {
            std::int64_t best = kUnassigned;
            std::size_t best_n = 0;
            for (const auto& [n, k] : by_new) {
                const bool better = k > best_n || (k == best_n && new_d.arrangements[n].id < new_d.arrangements[best].id);
                if (better) best = n, best_n = k;
            }
            corresponds[o] = best;
        }
        std::size_t items = 0, changed = 0;
        for (std::size_t i = 0; i < labels_old.size(); ++i) {
            if (labels_old[i] == kUnassigned || labels_new[i] == kUnassigned) continue;
            ++items;
            const auto expected = corresponds[labels_old[i]];
            if (labels_new[i] == expected) continue;
            ++changed;
            const auto& c = changes[i];
            regions.rows.push_back({div_old, div_new, old_d.municipalities[i].code, old_d.municipalities[i].name,
                                    new_d.municipalities[c.successor()].code, old_d.arrangements[labels_old[i]].name,
                                    new_d.arrangements[labels_new[i]].name, new_d.arrangements[expected].name});
        }
        const auto agreement = compare_partitions(labels_old, labels_new);
        divisions.rows.push_back({div_old, div_new, static_cast<std::int64_t>(items),
                                  static_cast<std::int64_t>(agreement.groups_a), static_cast<std::int64_t>(agreement.groups_b),
                                  static_cast<std::int64_t>(changed), agreement.ari, agreement.nmi});
    }
    return {std::move(divisions), std::move(regions)};
}

}  // namespace regionet::analysis

namespace regionet::analysis {

Table arrangement_counts(const Dataset& old_d, const Dataset& new_d, const std::vector<MunicipalityChange>& changes) {
    Table t;
    t.name = "changes_arrangements";
    t.columns = {{"code", "later municipality code"},
                 {"name", "later municipality name"},
                 {"then", "arrangements (not regions) of its earlier municipalities, each counted once"},
                 {"now", "arrangements (not regions) it takes part in"},
                 {"change", "now - then"},
                 {"from_old", "earlier municipalities whose successor it is (';')"}};
    std::vector<std::set<std::size_t>> then(new_d.municipalities.size());
    std::vector<std::vector<std::string>> from(new_d.municipalities.size());
    for (const auto& c : changes) {
        const auto s = c.successor();
        if (s >= new_d.municipalities.size()) continue;
        from[s].push_back(old_d.municipalities[c.old_index].code);
        for (auto k : old_d.memberships_of_municipality()[c.old_index]) {
            const auto a = old_d.memberships[k].arrangement;
            if (!old_d.arrangements[a].is_region()) then[s].insert(a);
        }
    }
    for (std::size_t m = 0; m < new_d.municipalities.size(); ++m) {
        std::int64_t now = 0;
        for (auto k : new_d.memberships_of_municipality()[m])
            now += !new_d.arrangements[new_d.memberships[k].arrangement].is_region();
        std::sort(from[m].begin(), from[m].end());
        std::string f;
        for (const auto& c : from[m]) f += (f.empty() ? "" : ";") + c;
        const auto n_then = static_cast<std::int64_t>(then[m].size());
        t.rows.push_back({new_d.municipalities[m].code, new_d.municipalities[m].name, n_then, now, now - n_then, f});
    }
    return t;
}

}  // namespace regionet::analysis
