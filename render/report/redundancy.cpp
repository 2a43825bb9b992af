// 3. Overlap and redundancy: candidate duplicates (same domain, nearly the
// same members), regions of different divisions that coincide, the strongest
// other overlaps and arrangements nested in others.
#include <algorithm>

#include "render/report/context.hpp"

namespace regionet::render::report {

namespace {

constexpr std::size_t k_max_rows = 100;  // longer lists: `regionet overlap` has them all
constexpr std::size_t k_top_rows = 15;

std::string name_or_id(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

}  // namespace

Section redundancy_section(const Context& c) {
    Section s{"redundancy", c.t("s.redundancy"), {}};
    if (!c.results().overlap) {
        s.blocks.push_back(c.missing("what.overlap"));
        return s;
    }
    const auto& rows = *c.results().overlap;
    const auto& d = c.scoped();  // the rows index its arrangements
    s.blocks.push_back(Paragraph{Context::text(c.t("red.intro"))});
    std::vector<const analysis::OverlapRow*> joint, region_pairs, nested;
    std::size_t candidates = 0, pairs_two = 0;
    for (const auto& x : rows) {
        if (x.redundancy_candidate) {
            ++candidates;
            // Regions of two divisions with the same municipalities are a matter of
            // the divisions' borders, not of two bodies doing one job: shown apart.
            const bool regions = d.arrangements[x.a_index].is_region() && d.arrangements[x.b_index].is_region();
            (regions ? region_pairs : joint).push_back(&x);
        }
        if (x.nested && !x.identical) nested.push_back(&x);
        pairs_two += x.two_member_pair;
    }
    const auto count = [](std::size_t x) { return static_cast<std::int64_t>(x); };
    s.blocks.push_back(Paragraph{Context::text(c.tf(
        "red.counts", {c.tn("red.shared", count(rows.size()), {c.i(rows.size())}),
                       c.tn("red.of_them", count(candidates), {c.i(candidates)}),
                       c.tn("find.nested", count(nested.size()), {c.i(nested.size())}),
                       c.tn("red.two_member", count(pairs_two), {c.i(pairs_two)})}))});
    if (!joint.empty()) {
        // A candidate rests on the shared domain: one inferred at import (not
        // stated by the source) is marked, as in the profiles.
        TableBlock tb{"table-redundancy", c.t("red.candidates.caption"),
                      {c.t("col.arrangement_a"), c.t("col.arrangement_b"), c.t("col.domain"), c.t("col.shared"), c.t("col.jaccard"),
                       c.t("col.only_a"), c.t("col.only_b")},
                      {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left, Align::left}, {}, true, true, false};
        bool marked = false;
        auto inferred = [](const Arrangement& a) { return !a.domain_basis.empty() && a.domain_basis != "none"; };
        for (const auto* x : joint) {
            const auto& a = d.arrangements[x->a_index];
            const bool guess = inferred(a) || inferred(d.arrangements[x->b_index]);
            marked = marked || guess;
            tb.rows.push_back({Context::text_cell(name_or_id(x->a_name, x->a)), Context::text_cell(name_or_id(x->b_name, x->b)),
                               Context::text_cell(a.domain + (guess ? c.t("cov.marker") : "")), c.int_cell(x->shared),
                               c.num_cell(x->jaccard, 2), Context::text_cell(c.names_of(x->only_in_a)),
                               Context::text_cell(c.names_of(x->only_in_b))});
        }
        s.blocks.push_back(tb);
        if (marked) s.blocks.push_back(Note{Context::text(c.t("cov.marker.note"))});
    } else {
        s.blocks.push_back(Paragraph{Context::text(c.t("red.none"))});
    }
    if (!region_pairs.empty()) {
        TableBlock tb{"table-region-pairs", c.t("red.regions.caption"),
                      {c.t("col.arrangement_a"), c.t("col.arrangement_b"), c.t("col.shared"), c.t("col.jaccard")},
                      {Align::left, Align::left, Align::right, Align::right}, {}, true, true, false};
        for (std::size_t k = 0; k < std::min(k_max_rows, region_pairs.size()); ++k) {
            const auto& a = d.arrangements[region_pairs[k]->a_index];
            const auto& b = d.arrangements[region_pairs[k]->b_index];
            tb.rows.push_back({Context::text_cell(a.name + " (" + a.division + ")"), Context::text_cell(b.name + " (" + b.division + ")"),
                               c.int_cell(region_pairs[k]->shared), c.num_cell(region_pairs[k]->jaccard, 2)});
        }
        s.blocks.push_back(tb);
        if (region_pairs.size() > k_max_rows)
            s.blocks.push_back(Note{Context::text(c.tf("red.nested.more", {c.i(k_max_rows), c.i(region_pairs.size())}))});
    }
    if (rows.size() > joint.size()) {
        // The strongest overlaps that are not candidates (other domains, or below the threshold).
        TableBlock tb{"table-overlap", c.t("red.top.caption"),
                      {c.t("col.arrangement_a"), c.t("col.arrangement_b"), c.t("col.shared"), c.t("col.jaccard"), c.t("col.overlap_coefficient")},
                      {Align::left, Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
        for (const auto& x : rows) {
            if (tb.rows.size() >= k_top_rows) break;
            if (x.redundancy_candidate) continue;
            tb.rows.push_back({Context::text_cell(name_or_id(x.a_name, x.a)), Context::text_cell(name_or_id(x.b_name, x.b)),
                               c.int_cell(x.shared), c.num_cell(x.jaccard, 2), c.num_cell(x.overlap_coefficient, 2)});
        }
        s.blocks.push_back(tb);
    }
    if (!nested.empty()) {
        TableBlock tb{"table-nested", c.t("red.nested.caption"), {c.t("col.smaller"), c.t("col.members"), c.t("col.inside"), c.t("col.members")},
                      {Align::left, Align::right, Align::left, Align::right}, {}, true, true, false};
        for (std::size_t k = 0; k < std::min(k_max_rows, nested.size()); ++k) {
            const auto& x = *nested[k];
            const bool a_small = x.size_a <= x.size_b;
            tb.rows.push_back({Context::text_cell(a_small ? name_or_id(x.a_name, x.a) : name_or_id(x.b_name, x.b)),
                               c.int_cell(a_small ? x.size_a : x.size_b),
                               Context::text_cell(a_small ? name_or_id(x.b_name, x.b) : name_or_id(x.a_name, x.a)),
                               c.int_cell(a_small ? x.size_b : x.size_a)});
        }
        s.blocks.push_back(tb);
        if (nested.size() > k_max_rows)
            s.blocks.push_back(Note{Context::text(c.tf("red.nested.more", {c.i(k_max_rows), c.i(nested.size())}))});
    }
    return s;
}

}  // namespace regionet::render::report
