// Builds the board report document (see report_build.hpp).
#include "render/report_build.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <cstdio>
#include <sstream>

#include "model/error.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::report {

namespace {

// Read access to a result table by column name; absent columns read as empty.
class View {
public:
    explicit View(const Table* t) : m_t(t) {
        if (!t) return;
        for (std::size_t i = 0; i < t->columns.size(); ++i) m_cols[t->columns[i].name] = i;
    }
    explicit operator bool() const noexcept { return m_t != nullptr; }
    std::size_t size() const noexcept { return m_t ? m_t->rows.size() : 0; }
    bool has(const std::string& col) const { return m_cols.count(col) > 0; }
    const Cell* cell(std::size_t row, const std::string& col) const {
        auto it = m_cols.find(col);
        if (!m_t || it == m_cols.end() || it->second >= m_t->rows[row].size()) return nullptr;
        return &m_t->rows[row][it->second];
    }
    std::optional<double> num(std::size_t row, const std::string& col) const {
        const Cell* c = cell(row, col);
        if (!c) return std::nullopt;
        if (auto* i = std::get_if<std::int64_t>(c)) return static_cast<double>(*i);
        if (auto* d = std::get_if<double>(c)) return std::isfinite(*d) ? std::optional<double>(*d) : std::nullopt;
        if (auto* b = std::get_if<bool>(c)) return *b ? 1.0 : 0.0;
        return std::nullopt;
    }
    std::string str(std::size_t row, const std::string& col) const {
        const Cell* c = cell(row, col);
        if (!c) return {};
        if (auto* s = std::get_if<std::string>(c)) return *s;
        if (auto* i = std::get_if<std::int64_t>(c)) return std::to_string(*i);
        return {};
    }
    bool flag(std::size_t row, const std::string& col) const {
        const Cell* c = cell(row, col);
        if (!c) return false;
        if (auto* b = std::get_if<bool>(c)) return *b;
        if (auto* i = std::get_if<std::int64_t>(c)) return *i != 0;
        if (auto* s = std::get_if<std::string>(c)) return *s == "true" || *s == "yes" || *s == "1";
        return false;
    }

private:
    const Table* m_t = nullptr;
    std::map<std::string, std::size_t> m_cols;
};

std::vector<std::string> split_codes(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, ';')) {
        auto b = cur.find_first_not_of(' ');
        auto e = cur.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
    }
    return out;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

Inline text(std::string s) { return {Span{std::move(s), "", false}}; }

class Builder {
public:
    Builder(const ReportInput& in, Lang lang) : m_in(in), m_lang(lang), m_d(*in.dataset) {
        for (std::size_t i = 0; i < m_d.municipalities.size(); ++i) {
            const auto& m = m_d.municipalities[i];
            if (in.municipality.empty() || m.code == in.municipality) {
                m_profiled.insert(m.code);
                m_profile_anchors.insert(profile_anchor(m.code));
            }
        }
    }

    Document build() {
        Document doc;
        doc.lang = m_lang;
        doc.title = t("title");
        doc.subtitle = m_in.scope.empty() ? trf(m_lang, "subtitle", {m_in.dataset_name})
                                          : trf(m_lang, "subtitle.scope", {m_in.dataset_name, m_in.scope});
        doc.meta.push_back({t("meta.dataset"), m_in.dataset_name});
        if (!m_d.reference_date.empty()) doc.meta.push_back({t("meta.reference_date"), m_d.reference_date});
        if (!m_in.scope.empty()) doc.meta.push_back({t("meta.scope"), m_in.scope});
        if (!m_in.municipality.empty()) doc.meta.push_back({t("meta.focus"), municipality_label(m_in.municipality)});
        doc.meta.push_back({t("meta.version"), "regionet " + m_in.version});
        if (!m_in.stamp.empty()) doc.meta.push_back({t("meta.stamp"), m_in.stamp});
        doc.toc_title = t("toc");
        doc.sections.push_back(summary());
        doc.sections.push_back(maps());
        doc.sections.push_back(redundancy());
        doc.sections.push_back(load());
        doc.sections.push_back(position());
        doc.sections.push_back(communities());
        for (const auto& extra : m_in.extra_sections) doc.sections.push_back(extra);
        doc.sections.push_back(screening());
        doc.sections.push_back(profiles());
        doc.sections.push_back(methods());
        return doc;
    }

private:
    const ReportInput& m_in;
    Lang m_lang;
    const Dataset& m_d;
    std::set<std::string> m_profiled;
    std::set<std::string> m_profile_anchors;

    std::string t(std::string_view key) const { return tr(m_lang, key); }
    std::string n(double v, int decimals) const { return number(m_lang, v, decimals); }
    std::string i(std::int64_t v) const { return integer(m_lang, v); }

    const Table* table(const std::string& name) const {
        for (const auto* x : m_in.tables)
            if (x && x->name == name) return x;
        return nullptr;
    }

    // The province pseudo-division of the passes in the reader's words.
    std::string division_label(const std::string& division) const {
        return division == "province" ? t("division.province") : division;
    }
    std::string municipality_name(const std::string& code) const {
        const auto* m = m_d.find_municipality(code);
        return m ? m->name : code;
    }
    std::string municipality_label(const std::string& code) const {
        const auto* m = m_d.find_municipality(code);
        return m ? m->name + " (" + code + ")" : code;
    }
    std::string link(const std::string& code) const { return m_profiled.count(code) ? "#" + profile_anchor(code) : ""; }
    Span municipality_span(const std::string& code) const { return Span{municipality_name(code), link(code), false}; }
    TableCell municipality_cell(const std::string& code) const { return TableCell{municipality_name(code), link(code), {}, {}}; }
    TableCell num_cell(std::optional<double> v, int decimals) const {
        if (!v) return TableCell{"", "", std::nullopt, {}};
        return TableCell{n(*v, decimals), "", *v, {}};
    }
    TableCell int_cell(std::int64_t v) const { return TableCell{i(v), "", static_cast<double>(v), {}}; }
    static TableCell text_cell(std::string s) { return TableCell{std::move(s), "", {}, {}}; }

    Note missing(std::string_view what_key) const { return Note{text(trf(m_lang, "missing", {t(what_key)}))}; }

    // Names of codes joined by ", " (codes in a; separated list).
    std::string names_of(const std::string& codes) const {
        std::string out;
        for (const auto& c : split_codes(codes)) out += (out.empty() ? "" : ", ") + municipality_name(c);
        return out.empty() ? "\xe2\x80\x93" : out;
    }

    // Joins spans with ", " and " en "/" and ".
    Inline join(const std::vector<Span>& items) const {
        Inline out;
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (k > 0) out.push_back(Span{k + 1 == items.size() ? t("and") : ", ", "", false});
            out.push_back(items[k]);
        }
        return out;
    }

    // Rows of a view ordered by a numeric column (descending, ties by code/name order of the table).
    std::vector<std::size_t> ranked(const View& v, const std::string& col, bool descending = true) const {
        std::vector<std::size_t> rows;
        for (std::size_t r = 0; r < v.size(); ++r)
            if (v.num(r, col)) rows.push_back(r);
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
            return descending ? *v.num(a, col) > *v.num(b, col) : *v.num(a, col) < *v.num(b, col);
        });
        return rows;
    }

    // ---- 1 summary -------------------------------------------------------
    Section summary() const {
        Section s{"summary", t("s.summary"), {}};
        std::size_t ordinary = 0, ordinary_members = 0, region_members = 0;
        std::set<std::string> divisions;
        std::size_t regions = 0;
        for (std::size_t a = 0; a < m_d.arrangements.size(); ++a) {
            const auto size = m_d.members_of_arrangement()[a].size();
            if (m_d.arrangements[a].is_region()) {
                ++regions;
                divisions.insert(m_d.arrangements[a].division);
                region_members += size;
            } else {
                ++ordinary;
                ordinary_members += size;
            }
        }
        const auto nm = m_d.municipalities.size();
        std::vector<double> all, joint, regional;
        for (std::size_t m = 0; m < nm; ++m) {
            std::size_t j = 0, r = 0;
            for (auto k : m_d.memberships_of_municipality()[m]) (m_d.arrangements[m_d.memberships[k].arrangement].is_region() ? r : j)++;
            all.push_back(static_cast<double>(j + r));
            joint.push_back(static_cast<double>(j));
            regional.push_back(static_cast<double>(r));
        }
        auto mean = [](const std::vector<double>& v) {
            double sum = 0;
            for (double x : v) sum += x;
            return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
        };
        KeyFigures k;
        k.items.push_back({i(static_cast<std::int64_t>(nm)), t("kf.municipalities")});
        k.items.push_back({i(static_cast<std::int64_t>(ordinary)), t("kf.arrangements")});
        if (regions > 0)
            k.items.push_back({i(static_cast<std::int64_t>(regions)),
                               trf(m_lang, "kf.regions", {i(static_cast<std::int64_t>(divisions.size()))})});
        k.items.push_back({n(mean(all), 1), t("kf.mean_memberships")});
        s.blocks.push_back(k);

        // The "more than twenty" comparison.
        if (nm > 0) {
            std::size_t top = 0;
            for (std::size_t m = 1; m < nm; ++m)
                if (all[m] > all[top]) top = m;
            const auto above = std::count_if(all.begin(), all.end(), [](double x) { return x > 20; });
            Inline p = text(trf(m_lang, "sum.memberships",
                                {n(mean(all), 1), n(median(all), 1)}));
            p.push_back(municipality_span(m_d.municipalities[top].code));
            p.push_back(Span{trf(m_lang, "sum.memberships.max", {i(static_cast<std::int64_t>(all[top]))}), "", false});
            p.push_back(Span{" " + trf(m_lang, mean(all) > 20 ? "sum.twenty.above" : "sum.twenty.below",
                                       {i(static_cast<std::int64_t>(above)), i(static_cast<std::int64_t>(nm))}),
                             "", false});
            s.blocks.push_back(Paragraph{p});

            TableBlock st{"table-memberships", t("sum.stats.caption"),
                          {t("col.arrangements"), t("col.mean"), t("col.median"), t("col.max"), t("col.above_twenty")},
                          {Align::left, Align::right, Align::right, Align::right, Align::right}, {}, true, false, false};
            auto stat_row = [&](const std::string& label, const std::vector<double>& v) {
                const auto over = std::count_if(v.begin(), v.end(), [](double x) { return x > 20; });
                st.rows.push_back({text_cell(label), num_cell(mean(v), 1), num_cell(median(v), 1),
                                   num_cell(*std::max_element(v.begin(), v.end()), 0),
                                   int_cell(static_cast<std::int64_t>(over))});
            };
            stat_row(t("sum.stats.all"), all);
            if (regions > 0 && ordinary > 0) {
                stat_row(t("sum.stats.joint"), joint);
                stat_row(t("sum.stats.regions"), regional);
            }
            s.blocks.push_back(st);
        }

        // Top findings.
        auto findings = top_findings();
        if (!findings.empty()) {
            s.blocks.push_back(Heading{"", t("sum.findings")});
            s.blocks.push_back(List{findings, false});
        }
        if (!m_in.municipality.empty()) {
            Inline p = text(t("sum.focus") + " ");
            p.push_back(Span{municipality_label(m_in.municipality), link(m_in.municipality), true});
            p.push_back(Span{".", "", false});
            s.blocks.push_back(Paragraph{p});
        }

        // By form and domain.
        std::map<std::string, std::pair<std::size_t, std::size_t>> by_form, by_domain;
        for (std::size_t a = 0; a < m_d.arrangements.size(); ++a) {
            const auto& x = m_d.arrangements[a];
            if (x.is_region()) continue;
            const auto size = m_d.members_of_arrangement()[a].size();
            auto& f = by_form[form_label(m_lang, x.form)];
            ++f.first;
            f.second += size;
            auto& g = by_domain[x.domain.empty() ? t("unknown") : x.domain];
            ++g.first;
            g.second += size;
        }
        auto count_table = [&](const std::string& id, const std::string& caption, const std::string& head,
                               const std::map<std::string, std::pair<std::size_t, std::size_t>>& counts) {
            std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> rows(counts.begin(), counts.end());
            std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
            TableBlock tb{id, caption, {head, t("col.count"), t("col.memberships"), t("col.mean_members")},
                          {Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
            for (const auto& [label, c] : rows)
                tb.rows.push_back({text_cell(label), int_cell(static_cast<std::int64_t>(c.first)),
                                   int_cell(static_cast<std::int64_t>(c.second)),
                                   num_cell(static_cast<double>(c.second) / static_cast<double>(c.first), 1)});
            return tb;
        };
        if (ordinary > 0) {
            s.blocks.push_back(Heading{"", t("sum.forms")});
            s.blocks.push_back(count_table("table-forms", t("sum.forms.caption"), t("col.form"), by_form));
            s.blocks.push_back(count_table("table-domains", t("sum.domains.caption"), t("col.domain"), by_domain));
        }
        if (regions > 0) {
            TableBlock tb{"table-divisions", t("sum.divisions.caption"), {t("col.division"), t("col.regions"), t("col.municipalities")},
                          {Align::left, Align::right, Align::right}, {}, true, true, false};
            for (const auto& div : divisions) {
                std::size_t count = 0;
                std::set<std::size_t> covered;
                for (std::size_t a = 0; a < m_d.arrangements.size(); ++a) {
                    if (m_d.arrangements[a].division != div) continue;
                    ++count;
                    for (auto kk : m_d.members_of_arrangement()[a]) covered.insert(m_d.memberships[kk].municipality);
                }
                tb.rows.push_back({text_cell(div), int_cell(static_cast<std::int64_t>(count)),
                                   int_cell(static_cast<std::int64_t>(covered.size()))});
            }
            s.blocks.push_back(tb);
        }
        return s;
    }

    std::vector<Inline> top_findings() const {
        std::vector<Inline> out;
        if (View ov{table("overlap")}) {
            std::size_t candidates = 0, nested = 0;
            for (std::size_t r = 0; r < ov.size(); ++r) {
                candidates += ov.flag(r, "redundancy_candidate");
                nested += ov.flag(r, "nested");
            }
            Inline p = text(trf(m_lang, candidates ? "find.redundancy" : "find.redundancy.none",
                                {i(static_cast<std::int64_t>(candidates)), i(static_cast<std::int64_t>(nested))}));
            p.push_back(Span{" (" + t("see") + " ", "", false});
            p.push_back(Span{t("s.redundancy"), "#redundancy", false});
            p.push_back(Span{").", "", false});
            out.push_back(p);
        }
        if (View lv{table("load_municipality")}) {
            auto rows = ranked(lv, "weighted_load");
            if (!rows.empty()) {
                Inline p = text(t("find.load") + " ");
                p.push_back(municipality_span(lv.str(rows[0], "code")));
                p.push_back(Span{trf(m_lang, "find.load.value", {n(*lv.num(rows[0], "weighted_load"), 1)}), "", false});
                auto per = ranked(lv, "load_per_10k_inhabitants");
                if (!per.empty()) {
                    p.push_back(Span{t("find.load.per10k") + " ", "", false});
                    p.push_back(municipality_span(lv.str(per[0], "code")));
                    p.push_back(Span{trf(m_lang, "find.load.per10k.value", {n(*lv.num(per[0], "load_per_10k_inhabitants"), 1)}), "", false});
                }
                p.push_back(Span{".", "", false});
                out.push_back(p);
            }
        }
        if (View cv{table("centrality_municipality")}) {
            auto central = ranked(cv, "strength");
            auto brokers = ranked(cv, "betweenness");
            if (!central.empty()) {
                std::vector<Span> names;
                for (std::size_t k = 0; k < std::min<std::size_t>(3, central.size()); ++k) names.push_back(municipality_span(cv.str(central[k], "code")));
                Inline p = text(t("find.central") + " ");
                for (auto& x : join(names)) p.push_back(x);
                if (!brokers.empty() && *cv.num(brokers[0], "betweenness") > 0) {
                    p.push_back(Span{"; " + t("find.broker") + " ", "", false});
                    p.push_back(municipality_span(cv.str(brokers[0], "code")));
                }
                p.push_back(Span{".", "", false});
                out.push_back(p);
            }
        }
        if (View ag{table("community_agreement")}) {
            auto rows = ranked(ag, "ari");
            if (!rows.empty()) {
                out.push_back(text(trf(m_lang, "find.communities",
                                       {division_label(ag.str(rows[0], "division")), n(*ag.num(rows[0], "ari"), 2)})));
            }
        }
        if (View sc{table("screen")}) {
            out.push_back(text(trf(m_lang, sc.size() ? "find.screen" : "find.screen.none", {i(static_cast<std::int64_t>(sc.size()))})));
        }
        return out;
    }

    // ---- 2 maps ------------------------------------------------------------
    Section maps() const {
        Section s{"maps", t("s.maps"), {}};
        if (m_in.maps.empty() && m_in.map_notes.empty()) {
            s.blocks.push_back(missing("what.maps"));
            return s;
        }
        if (!m_in.maps.empty()) s.blocks.push_back(Paragraph{text(t("maps.intro"))});
        int number = 0;
        for (const auto& m : m_in.maps) {
            const auto prefix = "fig" + std::to_string(++number) + "-";
            auto keep = [this](const std::string& target) { return m_profile_anchors.count(target) > 0; };
            s.blocks.push_back(Figure{m.file, scope_svg(m.svg, prefix, keep), m.caption, m.alt});
        }
        for (const auto& note : m_in.map_notes) s.blocks.push_back(Note{text(trf(m_lang, "maps.not_drawn", {note}))});
        return s;
    }

    // ---- 3 redundancy ------------------------------------------------------
    Section redundancy() const {
        Section s{"redundancy", t("s.redundancy"), {}};
        View ov{table("overlap")};
        if (!ov) {
            s.blocks.push_back(missing("what.overlap"));
            return s;
        }
        s.blocks.push_back(Paragraph{text(t("red.intro"))});
        std::vector<std::size_t> cand, nested;
        std::optional<TableBlock> region_block;
        std::string region_note;
        std::size_t pairs_two = 0;
        for (std::size_t r = 0; r < ov.size(); ++r) {
            if (ov.flag(r, "redundancy_candidate")) cand.push_back(r);
            if (ov.flag(r, "nested") && !ov.flag(r, "identical")) nested.push_back(r);
            pairs_two += ov.flag(r, "two_member_pair");
        }
        s.blocks.push_back(Paragraph{text(trf(m_lang, "red.counts",
                                              {i(static_cast<std::int64_t>(ov.size())), i(static_cast<std::int64_t>(cand.size())),
                                               i(static_cast<std::int64_t>(nested.size())), i(static_cast<std::int64_t>(pairs_two))}))});
        auto arrangement_name = [&](std::size_t r, const char* id_col, const char* name_col) {
            auto name = ov.str(r, name_col);
            return name.empty() ? ov.str(r, id_col) : name;
        };
        // Regions of two divisions with the same municipalities are a matter of
        // the divisions' borders, not of two bodies doing one job: shown apart.
        auto is_region = [&](std::size_t r, const char* col) {
            const auto* a = m_d.find_arrangement(ov.str(r, col));
            return a && a->is_region();
        };
        std::vector<std::size_t> region_pairs;
        std::vector<std::size_t> joint;
        for (auto r : cand) (is_region(r, "a") && is_region(r, "b") ? region_pairs : joint).push_back(r);
        cand = joint;
        if (!region_pairs.empty()) {
            const std::size_t limit = 100;
            TableBlock tb{"table-region-pairs", t("red.regions.caption"),
                          {t("col.arrangement_a"), t("col.arrangement_b"), t("col.shared"), t("col.jaccard")},
                          {Align::left, Align::left, Align::right, Align::right}, {}, true, true, false};
            for (std::size_t k = 0; k < std::min(limit, region_pairs.size()); ++k) {
                const auto r = region_pairs[k];
                const auto* a = m_d.find_arrangement(ov.str(r, "a"));
                const auto* b = m_d.find_arrangement(ov.str(r, "b"));
                tb.rows.push_back({text_cell(a->name + " (" + a->division + ")"), text_cell(b->name + " (" + b->division + ")"),
                                   num_cell(ov.num(r, "shared"), 0), num_cell(ov.num(r, "jaccard"), 2)});
            }
            region_block = tb;
            if (region_pairs.size() > limit)
                region_note = trf(m_lang, "red.nested.more", {i(static_cast<std::int64_t>(limit)), i(static_cast<std::int64_t>(region_pairs.size()))});
        }
        if (!cand.empty()) {
            TableBlock tb{"table-redundancy", t("red.candidates.caption"),
                          {t("col.arrangement_a"), t("col.arrangement_b"), t("col.shared"), t("col.jaccard"), t("col.only_a"), t("col.only_b")},
                          {Align::left, Align::left, Align::right, Align::right, Align::left, Align::left}, {}, true, true, false};
            for (auto r : cand)
                tb.rows.push_back({text_cell(arrangement_name(r, "a", "a_name")), text_cell(arrangement_name(r, "b", "b_name")),
                                   num_cell(ov.num(r, "shared"), 0), num_cell(ov.num(r, "jaccard"), 2),
                                   text_cell(names_of(ov.str(r, "only_in_a"))), text_cell(names_of(ov.str(r, "only_in_b")))});
            s.blocks.push_back(tb);
        } else {
            s.blocks.push_back(Paragraph{text(t("red.none"))});
        }
        if (region_block) {
            s.blocks.push_back(*region_block);
            if (!region_note.empty()) s.blocks.push_back(Note{text(region_note)});
        }
        if (ov.size() > cand.size()) {
            // The strongest overlaps that are not candidates (other domains, or below the threshold).
            TableBlock tb{"table-overlap", t("red.top.caption"),
                          {t("col.arrangement_a"), t("col.arrangement_b"), t("col.shared"), t("col.jaccard"), t("col.overlap_coefficient")},
                          {Align::left, Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
            for (std::size_t r = 0; r < ov.size() && tb.rows.size() < 15; ++r) {
                if (ov.flag(r, "redundancy_candidate")) continue;
                tb.rows.push_back({text_cell(arrangement_name(r, "a", "a_name")), text_cell(arrangement_name(r, "b", "b_name")),
                                   num_cell(ov.num(r, "shared"), 0), num_cell(ov.num(r, "jaccard"), 2),
                                   num_cell(ov.num(r, "overlap_coefficient"), 2)});
            }
            s.blocks.push_back(tb);
        }
        if (!nested.empty()) {
            const std::size_t limit = 100;
            TableBlock tb{"table-nested", t("red.nested.caption"),
                          {t("col.smaller"), t("col.members"), t("col.inside"), t("col.members")},
                          {Align::left, Align::right, Align::left, Align::right}, {}, true, true, false};
            for (std::size_t k = 0; k < std::min(limit, nested.size()); ++k) {
                const auto r = nested[k];
                const bool a_small = ov.num(r, "size_a").value_or(0) <= ov.num(r, "size_b").value_or(0);
                const char* si = a_small ? "a" : "b";
                const char* li = a_small ? "b" : "a";
                tb.rows.push_back({text_cell(arrangement_name(r, si, a_small ? "a_name" : "b_name")),
                                   num_cell(ov.num(r, a_small ? "size_a" : "size_b"), 0),
                                   text_cell(arrangement_name(r, li, a_small ? "b_name" : "a_name")),
                                   num_cell(ov.num(r, a_small ? "size_b" : "size_a"), 0)});
            }
            s.blocks.push_back(tb);
            if (nested.size() > limit)
                s.blocks.push_back(Note{text(trf(m_lang, "red.nested.more", {i(static_cast<std::int64_t>(limit)),
                                                                             i(static_cast<std::int64_t>(nested.size()))}))});
        }
        return s;
    }

    // ---- 4 load ------------------------------------------------------------
    Section load() const {
        Section s{"load", t("s.load"), {}};
        View lv{table("load_municipality")};
        if (!lv) {
            s.blocks.push_back(missing("what.load"));
            return s;
        }
        s.blocks.push_back(Paragraph{text(t("load.intro"))});
        auto rows = ranked(lv, "weighted_load");
        std::vector<Bar> bars;
        for (std::size_t k = 0; k < std::min<std::size_t>(20, rows.size()); ++k) {
            const auto code = lv.str(rows[k], "code");
            const double v = *lv.num(rows[k], "weighted_load");
            bars.push_back(Bar{municipality_name(code), v, n(v, 1), link(code)});
        }
        if (!bars.empty()) {
            const auto title = trf(m_lang, "load.chart.title", {i(static_cast<std::int64_t>(bars.size()))});
            s.blocks.push_back(Figure{"load.svg", bar_chart_svg(bars, title, t("col.weighted_load") + " (" + t("unit.meetings") + ")"), title,
                                      trf(m_lang, "load.chart.alt", {bars.front().label, bars.front().value_text})});
        }
        const bool per10k = lv.has("load_per_10k_inhabitants");
        TableBlock tb{"table-load", t("load.table.caption"),
                      {t("col.rank"), t("col.municipality"), t("col.memberships"), t("col.host_roles"), t("col.board_seats"),
                       t("col.weighted_load")},
                      {Align::right, Align::left, Align::right, Align::right, Align::right, Align::right}, {}, false, true, false};
        if (per10k) {
            tb.headers.push_back(t("col.per_10k"));
            tb.align.push_back(Align::right);
        }
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const auto r = rows[k];
            std::vector<TableCell> row{num_cell(lv.num(r, "rank").value_or(static_cast<double>(k + 1)), 0),
                                       municipality_cell(lv.str(r, "code")), num_cell(lv.num(r, "memberships"), 0),
                                       num_cell(lv.num(r, "host_roles"), 0), num_cell(lv.num(r, "board_seats"), 0),
                                       num_cell(lv.num(r, "weighted_load"), 1)};
            if (per10k) row.push_back(num_cell(lv.num(r, "load_per_10k_inhabitants"), 2));
            tb.rows.push_back(std::move(row));
        }
        s.blocks.push_back(tb);
        if (View av{table("load_arrangement")}) {
            auto arows = ranked(av, "coordination_pairs");
            TableBlock at{"table-coordination", t("load.arr.caption"),
                          {t("col.arrangement"), t("col.form"), t("col.members"), t("col.pairs"), t("col.meetings")},
                          {Align::left, Align::left, Align::right, Align::right, Align::right}, {}, true, true, false};
            for (std::size_t k = 0; k < std::min<std::size_t>(15, arows.size()); ++k) {
                const auto r = arows[k];
                std::string label = av.str(r, "name");
                if (const auto* x = m_d.find_arrangement(av.str(r, "id")); x && x->is_region()) label += " (" + x->division + ")";
                at.rows.push_back({text_cell(label), text_cell(form_label(m_lang, av.str(r, "form"))),
                                   num_cell(av.num(r, "members"), 0), num_cell(av.num(r, "coordination_pairs"), 0),
                                   num_cell(av.num(r, "meetings_per_year"), 1)});
            }
            s.blocks.push_back(Paragraph{text(t("load.arr.intro"))});
            s.blocks.push_back(at);
        }
        return s;
    }

    // ---- 5 position --------------------------------------------------------
    Section position() const {
        Section s{"position", t("s.position"), {}};
        View cv{table("centrality_municipality")};
        if (!cv) {
            s.blocks.push_back(missing("what.centrality"));
            return s;
        }
        s.blocks.push_back(Paragraph{text(t("pos.intro"))});
        List measures;
        for (const char* key : {"degree", "strength", "eigenvector", "pagerank", "harmonic", "betweenness", "constraint"}) {
            Inline item{Span{t(std::string("measure.") + key), "", true}};
            item.push_back(Span{": " + t(std::string("pos.means.") + key), "", false});
            measures.items.push_back(item);
        }
        s.blocks.push_back(measures);
        auto central = ranked(cv, "strength");
        TableBlock ct{"table-central", t("pos.central.caption"),
                      {t("col.municipality"), t("measure.degree"), t("measure.strength"), t("measure.eigenvector"), t("measure.pagerank"),
                       t("measure.harmonic")},
                      {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right}, {}, true, true, false};
        for (std::size_t k = 0; k < std::min<std::size_t>(15, central.size()); ++k) {
            const auto r = central[k];
            ct.rows.push_back({municipality_cell(cv.str(r, "code")), num_cell(cv.num(r, "degree"), 0), num_cell(cv.num(r, "strength"), 0),
                               num_cell(cv.num(r, "eigenvector"), 3), num_cell(cv.num(r, "pagerank"), 4), num_cell(cv.num(r, "harmonic"), 3)});
        }
        s.blocks.push_back(ct);
        auto brokers = ranked(cv, "betweenness");
        TableBlock bt{"table-brokers", t("pos.brokers.caption"), {t("col.municipality"), t("measure.betweenness"), t("measure.constraint")},
                      {Align::left, Align::right, Align::right}, {}, true, true, false};
        for (std::size_t k = 0; k < std::min<std::size_t>(15, brokers.size()); ++k) {
            const auto r = brokers[k];
            if (*cv.num(r, "betweenness") <= 0) break;
            bt.rows.push_back({municipality_cell(cv.str(r, "code")), num_cell(cv.num(r, "betweenness"), 4), num_cell(cv.num(r, "constraint"), 3)});
        }
        if (bt.rows.empty()) s.blocks.push_back(Paragraph{text(t("pos.brokers.none"))});
        else s.blocks.push_back(bt);
        for (std::size_t r = 0; r < cv.size(); ++r) {
            if (cv.flag(r, "estimated") || cv.flag(r, "betweenness_estimated")) {
                s.blocks.push_back(Note{text(t("pos.estimated"))});
                break;
            }
        }
        return s;
    }

    // ---- 6 communities and congruence -------------------------------------
    Section communities() const {
        Section s{"communities", t("s.communities"), {}};
        View cm{table("communities")};
        View ag{table("community_agreement")};
        View cg{table("congruence_divisions")};
        if (!cm && !ag && !cg) {
            s.blocks.push_back(missing("what.communities"));
            return s;
        }
        s.blocks.push_back(Paragraph{text(t("com.intro"))});
        if (cm) {
            std::map<std::string, std::vector<std::string>> groups;
            for (std::size_t r = 0; r < cm.size(); ++r) groups[cm.str(r, "community")].push_back(cm.str(r, "code"));
            std::vector<std::pair<std::string, std::vector<std::string>>> ordered(groups.begin(), groups.end());
            std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
            TableBlock tb{"table-communities", t("com.table.caption"), {t("col.community"), t("col.size"), t("col.municipalities")},
                          {Align::left, Align::right, Align::left}, {}, true, true, false};
            for (const auto& [id, codes] : ordered) {
                std::vector<std::string> names;
                for (const auto& c : codes) names.push_back(municipality_name(c));
                std::sort(names.begin(), names.end());
                std::string joined;
                for (const auto& x : names) joined += (joined.empty() ? "" : ", ") + x;
                tb.rows.push_back({text_cell(id == "0" ? t("com.isolated") : trf(m_lang, "map.legend.cluster", {id})),
                                   int_cell(static_cast<std::int64_t>(codes.size())), text_cell(joined)});
            }
            s.blocks.push_back(tb);
        }
        if (ag) {
            TableBlock tb{"table-agreement", t("com.agreement.caption"), {t("col.division"), t("col.ari"), t("col.nmi")},
                          {Align::left, Align::right, Align::right}, {}, true, true, false};
            for (auto r : ranked(ag, "ari"))
                tb.rows.push_back({text_cell(division_label(ag.str(r, "division"))), num_cell(ag.num(r, "ari"), 2), num_cell(ag.num(r, "nmi"), 2)});
            s.blocks.push_back(tb);
        }
        if (cg) {
            std::set<std::string> names;
            std::map<std::pair<std::string, std::string>, double> ari;
            for (std::size_t r = 0; r < cg.size(); ++r) {
                const auto a = cg.str(r, "division_a"), b = cg.str(r, "division_b");
                auto v = cg.num(r, "ari");
                if (!v) continue;
                names.insert(a);
                names.insert(b);
                ari[{a, b}] = *v;
                ari[{b, a}] = *v;
            }
            TableBlock hm{"table-congruence", t("com.heat.caption"), {t("col.division")}, {Align::left}, {}, true, false, true};
            // Columns numbered, rows named "n. division": a compact matrix.
            std::size_t col = 0;
            for (std::size_t k = 0; k < names.size(); ++k) {
                hm.headers.push_back(std::to_string(k + 1));
                hm.align.push_back(Align::right);
            }
            for (const auto& a : names) {
                std::vector<TableCell> row{text_cell(std::to_string(++col) + ". " + division_label(a))};
                for (const auto& b : names) {
                    if (a == b) {
                        row.push_back(TableCell{n(1.0, 2), "", 1.0, 1.0});
                    } else if (auto it = ari.find({a, b}); it != ari.end()) {
                        row.push_back(TableCell{n(it->second, 2), "", it->second, std::clamp(it->second, 0.0, 1.0)});
                    } else {
                        row.push_back(text_cell(""));
                    }
                }
                hm.rows.push_back(std::move(row));
            }
            if (!names.empty()) {
                s.blocks.push_back(hm);
                s.blocks.push_back(Paragraph{text(t("com.heat.legend"))});
            }
        }
        return s;
    }

    // ---- 7 screening -------------------------------------------------------
    Section screening() const {
        Section s{"screening", t("s.screening"), {}};
        View sc{table("screen")};
        if (!sc) {
            s.blocks.push_back(missing("what.screen"));
            return s;
        }
        s.blocks.push_back(Paragraph{text(t("scr.intro"))});
        if (sc.size() == 0) {
            s.blocks.push_back(Paragraph{text(t("scr.none"))});
            return s;
        }
        TableBlock tb{"table-screening", t("scr.caption"), {t("col.question"), t("col.rule"), t("col.finding"), t("col.source")},
                      {}, {}, false, true, false};
        for (std::size_t r = 0; r < sc.size(); ++r)
            tb.rows.push_back({text_cell(sc.str(r, "question")),
                               text_cell(sc.str(r, "practice").empty() ? sc.str(r, "rule") : sc.str(r, "practice")),
                               text_cell(sc.str(r, "finding")),
                               text_cell(sc.str(r, "source"))});
        s.blocks.push_back(tb);
        s.blocks.push_back(Note{text(t("scr.not_in_data"))});
        return s;
    }

    // ---- 8 profiles --------------------------------------------------------
    Section profiles() const {
        Section s{"profiles", t("s.profiles"), {}};
        s.blocks.push_back(Paragraph{text(t("prof.intro"))});
        std::vector<std::size_t> order;
        for (std::size_t m = 0; m < m_d.municipalities.size(); ++m)
            if (m_profiled.count(m_d.municipalities[m].code)) order.push_back(m);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return m_d.municipalities[a].name < m_d.municipalities[b].name;
        });
        if (order.size() > 1) {
            // An index of profiles as one paragraph of links.
            Inline idx;
            for (auto m : order) {
                if (!idx.empty()) idx.push_back(Span{" \xc2\xb7 ", "", false});
                idx.push_back(Span{m_d.municipalities[m].name, "#" + profile_anchor(m_d.municipalities[m].code), false});
            }
            s.blocks.push_back(Paragraph{idx});
        }
        // Partner counts per municipality from the projection.
        std::vector<std::vector<std::pair<std::size_t, std::size_t>>> partners(m_d.municipalities.size());
        if (m_in.projection) {
            const auto& p = *m_in.projection;
            for (std::size_t e = 0; e < p.edges.size(); ++e) {
                const auto [a, b] = p.edges[e];
                partners[a].push_back({b, p.shared[e]});
                partners[b].push_back({a, p.shared[e]});
            }
        }
        View lv{table("load_municipality")};
        View cv{table("centrality_municipality")};
        View pv{table("partner_suggestions")};
        std::map<std::string, std::size_t> load_row, cent_row;
        for (std::size_t r = 0; r < lv.size(); ++r) load_row[lv.str(r, "code")] = r;
        for (std::size_t r = 0; r < cv.size(); ++r) cent_row[cv.str(r, "code")] = r;
        std::map<std::string, std::size_t> strength_rank, betweenness_rank;
        {
            auto rs = ranked(cv, "strength");
            for (std::size_t k = 0; k < rs.size(); ++k) strength_rank[cv.str(rs[k], "code")] = k + 1;
            auto rb = ranked(cv, "betweenness");
            for (std::size_t k = 0; k < rb.size(); ++k) betweenness_rank[cv.str(rb[k], "code")] = k + 1;
        }
        const auto total = static_cast<std::int64_t>(m_d.municipalities.size());
        for (auto m : order) {
            const auto& x = m_d.municipalities[m];
            s.blocks.push_back(Heading{profile_anchor(x.code), x.name + " (" + x.code + ")"});
            const auto& mine = m_d.memberships_of_municipality()[m];
            std::int64_t seats = 0;
            std::size_t regions = 0;
            for (auto k : mine) {
                seats += m_d.memberships[k].board_seats.value_or(0);
                regions += m_d.arrangements[m_d.memberships[k].arrangement].is_region();
            }
            std::string facts = trf(m_lang, "prof.facts",
                                    {x.province.empty() ? t("unknown") : x.province,
                                     x.population ? i(*x.population) : t("unknown"),
                                     i(static_cast<std::int64_t>(mine.size() - regions)), i(static_cast<std::int64_t>(regions)),
                                     i(seats)});
            if (auto it = load_row.find(x.code); it != load_row.end()) {
                const auto r = it->second;
                facts += " " + trf(m_lang, "prof.load", {n(lv.num(r, "weighted_load").value_or(0), 1),
                                                         i(static_cast<std::int64_t>(lv.num(r, "rank").value_or(0))), i(total)});
                if (auto per = lv.num(r, "load_per_10k_inhabitants")) facts += " " + trf(m_lang, "prof.per10k", {n(*per, 2)});
            }
            if (auto it = cent_row.find(x.code); it != cent_row.end()) {
                const auto r = it->second;
                facts += " " + trf(m_lang, "prof.position",
                                   {i(static_cast<std::int64_t>(cv.num(r, "degree").value_or(0))),
                                    i(static_cast<std::int64_t>(strength_rank.count(x.code) ? strength_rank.at(x.code) : 0)), i(total)});
                if (betweenness_rank.count(x.code) && cv.num(r, "betweenness").value_or(0) > 0)
                    facts += " " + trf(m_lang, "prof.broker", {i(static_cast<std::int64_t>(betweenness_rank.at(x.code)))});
            }
            s.blocks.push_back(Paragraph{text(facts)});

            // Arrangements (ordinary ones as a table, regions as one line).
            TableBlock at{"", trf(m_lang, "prof.arr.caption", {x.name}),
                          {t("col.arrangement"), t("col.form"), t("col.domain"), t("col.role"), t("col.members")},
                          {Align::left, Align::left, Align::left, Align::left, Align::right}, {}, true, false, false};
            std::string region_line;
            for (auto k : mine) {
                const auto& ms = m_d.memberships[k];
                const auto& a = m_d.arrangements[ms.arrangement];
                if (a.is_region()) {
                    region_line += (region_line.empty() ? "" : "; ") + a.name + " (" + a.division + ")";
                    continue;
                }
                at.rows.push_back({text_cell(a.name), text_cell(form_label(m_lang, a.form)), text_cell(a.domain),
                                   text_cell(role_label(m_lang, to_string(ms.role))),
                                   int_cell(static_cast<std::int64_t>(m_d.members_of_arrangement()[ms.arrangement].size()))});
            }
            if (!at.rows.empty()) s.blocks.push_back(at);
            if (!region_line.empty()) s.blocks.push_back(Paragraph{text(t("prof.regions") + " " + region_line + ".")});

            // Partners by shared arrangements.
            auto ps = partners[m];
            std::stable_sort(ps.begin(), ps.end(), [&](const auto& a, const auto& b) {
                if (a.second != b.second) return a.second > b.second;
                return m_d.municipalities[a.first].code < m_d.municipalities[b.first].code;
            });
            if (!ps.empty()) {
                std::vector<Span> names;
                for (std::size_t k = 0; k < std::min<std::size_t>(8, ps.size()); ++k) {
                    auto span = municipality_span(m_d.municipalities[ps[k].first].code);
                    span.text += " (" + i(static_cast<std::int64_t>(ps[k].second)) + ")";
                    names.push_back(span);
                }
                Inline p = text(trf(m_lang, "prof.partners", {i(static_cast<std::int64_t>(ps.size()))}) + " ");
                for (auto& y : join(names)) p.push_back(y);
                p.push_back(Span{".", "", false});
                s.blocks.push_back(Paragraph{p});
            }
            // Suggested partners from the partners pass.
            if (pv) {
                List suggested;
                for (std::size_t r = 0; r < pv.size() && suggested.items.size() < 5; ++r) {
                    if (pv.str(r, "municipality") != x.code) continue;
                    Inline item{municipality_span(pv.str(r, "partner"))};
                    const auto reasons = pv.str(r, "reasons");
                    if (!reasons.empty()) item.push_back(Span{": " + reasons, "", false});
                    suggested.items.push_back(item);
                }
                if (!suggested.items.empty()) {
                    s.blocks.push_back(Paragraph{text(t("prof.suggested"))});
                    s.blocks.push_back(suggested);
                }
            }
        }
        return s;
    }

    // ---- 9 methods ---------------------------------------------------------
    Section methods() const {
        Section s{"methods", t("s.methods"), {}};
        s.blocks.push_back(Heading{"", t("meth.definitions")});
        List defs;
        for (const char* key : {"membership", "jaccard", "overlap_coefficient", "redundancy", "nested", "load", "per10k", "pairs",
                                "projection", "degree", "strength", "betweenness", "harmonic", "eigenvector", "pagerank", "constraint",
                                "community", "ari", "nmi"}) {
            Inline item{Span{t(std::string("def.") + key + ".term"), "", true}};
            item.push_back(Span{": " + t(std::string("def.") + key), "", false});
            defs.items.push_back(item);
        }
        s.blocks.push_back(defs);
        if (!m_in.settings.empty()) {
            TableBlock tb{"table-settings", t("meth.settings.caption"), {t("col.setting"), t("col.value")}, {Align::left, Align::right},
                          {}, true, false, false};
            for (const auto& [k, v] : m_in.settings) tb.rows.push_back({text_cell(k), text_cell(v)});
            s.blocks.push_back(tb);
        }
        s.blocks.push_back(Heading{"", t("meth.sources")});
        List sources;
        sources.items.push_back(text(trf(m_lang, "meth.dataset", {m_in.dataset_name, m_d.source.empty() ? t("unknown") : m_d.source,
                                                                  m_d.reference_date.empty() ? t("unknown") : m_d.reference_date})));
        std::map<std::pair<std::string, std::string>, std::size_t> by_source;
        for (const auto& a : m_d.arrangements)
            if (!a.source.empty()) ++by_source[{a.source, a.reference_date}];
        for (const auto& [key, count] : by_source)
            sources.items.push_back(text(trf(m_lang, "meth.source", {key.first, key.second.empty() ? t("unknown") : key.second,
                                                                     i(static_cast<std::int64_t>(count))})));
        s.blocks.push_back(sources);
        s.blocks.push_back(Paragraph{text(trf(m_lang, "meth.version", {m_in.version}))});
        s.blocks.push_back(Paragraph{text(t("meth.limits"))});
        return s;
    }
};

}  // namespace

Document build_report(const ReportInput& in, Lang lang) {
    if (!in.dataset) throw Error("build_report: no dataset");
    return Builder(in, lang).build();
}

std::string bar_chart_svg(const std::vector<Bar>& bars, const std::string& title, const std::string& axis_label) {
    const int label_w = 190, bar_w = 420, row_h = 22, top = 34, value_w = 70;
    const int width = label_w + bar_w + value_w + 10;
    const int height = top + static_cast<int>(bars.size()) * row_h + 30;
    double max = 0;
    for (const auto& b : bars) max = std::max(max, b.value);
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height << "\" width=\"" << width
      << "\" height=\"" << height << "\" font-family=\"Segoe UI, Helvetica Neue, Arial, sans-serif\" font-size=\"13\">\n";
    o << "<title>" << html_escape(title) << "</title>\n";
    o << "<text x=\"0\" y=\"18\" font-size=\"14\" font-weight=\"600\" fill=\"#1b1f24\">" << html_escape(title) << "</text>\n";
    for (std::size_t k = 0; k < bars.size(); ++k) {
        const auto& b = bars[k];
        const int y = top + static_cast<int>(k) * row_h;
        const double w = max > 0 ? b.value / max * bar_w : 0.0;
        char wbuf[32];
        std::snprintf(wbuf, sizeof wbuf, "%.1f", w);
        o << "<g>";
        if (!b.href.empty()) o << "<a href=\"" << html_escape(b.href) << "\">";
        o << "<title>" << html_escape(b.label) << ": " << html_escape(b.value_text) << "</title>";
        o << "<text x=\"" << label_w - 8 << "\" y=\"" << y + 15 << "\" text-anchor=\"end\" fill=\"#1b1f24\">" << html_escape(b.label)
          << "</text>";
        o << "<rect x=\"" << label_w << "\" y=\"" << y + 3 << "\" width=\"" << wbuf << "\" height=\"" << row_h - 6
          << "\" rx=\"2\" fill=\"" << (k == 0 ? "#14417a" : "#4f7cb3") << "\"/>";
        char xbuf[32];
        std::snprintf(xbuf, sizeof xbuf, "%.1f", label_w + w + 6);
        o << "<text x=\"" << xbuf << "\" y=\"" << y + 15 << "\" fill=\"#1b1f24\" font-variant-numeric=\"tabular-nums\">"
          << html_escape(b.value_text) << "</text>";
        if (!b.href.empty()) o << "</a>";
        o << "</g>\n";
    }
    const int axis_y = top + static_cast<int>(bars.size()) * row_h + 4;
    o << "<line x1=\"" << label_w << "\" y1=\"" << top << "\" x2=\"" << label_w << "\" y2=\"" << axis_y
      << "\" stroke=\"#59636e\" stroke-width=\"1\"/>\n";
    o << "<text x=\"" << label_w << "\" y=\"" << axis_y + 18 << "\" fill=\"#59636e\" font-size=\"12\">" << html_escape(axis_label)
      << " \xe2\x86\x92</text>\n";
    o << "</svg>\n";
    return o.str();
}

std::string scope_svg(const std::string& svg, const std::string& prefix, const std::function<bool(const std::string&)>& keep_link) {
    std::string out;
    out.reserve(svg.size() + svg.size() / 16);
    std::size_t k = 0;
    while (k < svg.size()) {
        if (svg.compare(k, 5, " id=\"") == 0) {
            out += " id=\"" + prefix;
            k += 5;
        } else if (svg.compare(k, 5, "url(#") == 0) {
            out += "url(#" + prefix;
            k += 5;
        } else if (svg[k] == ' ' && (svg.compare(k, 8, " href=\"#") == 0 || svg.compare(k, 14, " xlink:href=\"#") == 0)) {
            const auto start = svg.find('#', k);
            const auto end = svg.find('"', start);
            if (end == std::string::npos) {
                out.append(svg, k, std::string::npos);
                break;
            }
            const auto target = svg.substr(start + 1, end - start - 1);
            if (target.rfind("m-", 0) == 0) {
                if (keep_link(target)) out.append(svg, k, end + 1 - k);
            } else {
                out.append(svg, k, start + 1 - k);
                out += prefix + target + "\"";
            }
            k = end + 1;
        } else {
            out += svg[k++];
        }
    }
    return out;
}


}  // namespace regionet::render::report
