#include "analysis/report_results.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/partition.hpp"
#include "model/text.hpp"

namespace regionet::analysis {

ReportResults run_report_passes(const Dataset& d, const ReportOptions& options,
                                const std::function<void(const std::string&)>& step) {
    auto at = [&](const char* what) {
        if (step) step(what);
    };
    ReportResults r;
    r.options = options;
    // Cooperation only for overlap, load and position; regions kept as the
    // yardstick for clusters and the context of partners; ended arrangements
    // kept for screening (leaving and rejoining).
    r.cooperation = cooperation_scope(d, options.scope);
    r.scoped = true;
    auto context_scope = options.scope;
    context_scope.include_regions = true;
    const Dataset context = cooperation_scope(d, context_scope);
    auto history_scope = options.scope;
    history_scope.include_ended = true;
    const Dataset history = cooperation_scope(d, history_scope);
    const Dataset& coop = r.cooperation;
    at("projection");
    r.projection = project_municipalities(coop);
    at("overlap");
    r.overlap = overlap(coop, options.overlap);
    at("load");
    r.load = load(coop, options.weights);
    at("centrality");
    r.centrality = centrality(coop, options.centrality);
    at("communities");
    r.communities = communities(context, options.communities);
    at("congruence");
    r.congruence = congruence(d, {});
    if (options.classification) {
        at("classification");
        r.classes = classify(coop, *options.classification);
    }
    at("services");
    r.services = services(coop);
    at("screening");
    r.screen = screen(history, options.screen);
    at("partners");
    r.partners.emplace();
    for (auto& s : suggest_partners(context, options.partners)) {
        if (!options.focus.empty() && d.municipalities[s.municipality].code != options.focus) continue;
        if (r.partners->empty() || r.partners->back().municipality != s.municipality)
            r.partners->push_back({s.municipality, {}});
        r.partners->back().candidates.push_back(std::move(s.candidate));
    }
    at("coverage");
    r.coverage = coverage(coop);
    r.origins = origins(coop);
    return r;
}

std::vector<Table> result_tables(const Dataset& d, const ReportResults& r, const ResultWords& words) {
    std::vector<Table> out;
    if (r.overlap) out.push_back(to_table(*r.overlap));
    if (r.load) {
        out.push_back(municipality_table(*r.load));
        out.push_back(arrangement_table(*r.load));
    }
    if (r.centrality) out.push_back(municipality_table(r.cooperation, *r.centrality));
    if (r.communities) {
        out.push_back(to_table(d, *r.communities));
        out.push_back(agreement_table(*r.communities));
    }
    if (r.congruence) out.push_back(divisions_table(*r.congruence));
    if (r.screen) out.push_back(to_table(d, *r.screen, words.findings));
    if (r.classes) {
        out.push_back(arrangement_table(r.cooperation, *r.classes));
        out.push_back(municipality_table(r.cooperation, *r.classes));
        out.push_back(summary_table(*r.classes));
    }
    if (r.services) {
        out.push_back(municipality_table(r.cooperation, *r.services));
        out.push_back(pair_table(r.cooperation, *r.services));
        out.push_back(link_table(r.cooperation, *r.services));
    }
    if (r.partners) {
        Table t;
        t.name = "partner_suggestions";
        t.columns = {{"municipality", "the municipality the suggestion is for"},
                     {"partner", "code of the suggested partner"},
                     {"score", "partner score (see regionet partners --help)"},
                     {"reasons", "why, in the report's language"}};
        for (const auto& p : *r.partners)
            for (const auto& c : p.candidates) {
                t.rows.push_back({d.municipalities[p.municipality].code, d.municipalities[c.municipality].code, c.score,
                                  words.reasons(c)});
            }
        out.push_back(std::move(t));
    }
    if (r.coverage) out.push_back(to_table(*r.coverage));
    return out;
}

std::vector<OverlapRow> map_overlap_rows(const std::vector<OverlapRow>& rows, const ReportOptions& options) {
    std::vector<OverlapRow> out;
    for (const auto& x : rows)
        if (x.jaccard >= options.map_min_jaccard && out.size() < options.map_max_pairs) out.push_back(x);
    return out;
}

std::string default_map_division(const Dataset& d) {
    const auto divisions = d.divisions();
    if (divisions.empty()) return {};
    // Safety regions are the division boards know best (CBS: veiligheidsregio;
    // the Regioatlas: veiligheidsregios).
    for (const char* known : {"veiligheidsregio", "veiligheidsregios"})
        for (const auto& x : divisions)
            if (lower(x) == known) return x;
    std::map<std::string, std::set<std::size_t>> covered;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a)
        if (d.arrangements[a].is_region())
            for (auto k : d.members_of_arrangement()[a]) covered[d.arrangements[a].division].insert(d.memberships[k].municipality);
    std::string best = divisions.front();
    for (const auto& x : divisions)
        if (covered[x].size() > covered[best].size()) best = x;
    return best;
}

DivisionTies division_map_ties(const Dataset& d, const std::string& division) {
    auto ties = apply(d, ordinary_arrangements());  // keeps every municipality, in order
    DivisionTies out;
    if (ties.memberships.empty()) {
        ties = d;
        const auto wanted = lower(division);
        std::erase_if(ties.memberships,
                      [&](const Membership& ms) { return lower(d.arrangements[ms.arrangement].division) == wanted; });
        ties.reindex();
        out.from_other_divisions = true;
    }
    out.projection = project_municipalities(ties);
    return out;
}

}  // namespace regionet::analysis
