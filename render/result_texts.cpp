#include "render/result_texts.hpp"

#include <cstdio>

#include "model/error.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::report {

namespace {

// A threshold as the user gave it: "2.5", "3" (no trailing zeros).
std::string plain_number(double v) {
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string key(const analysis::Finding& f, const char* part) { return "fnd." + f.rule + "." + part; }

std::string first_name(const analysis::Finding& f) { return f.names.empty() ? std::string() : f.names.front(); }

}  // namespace

std::string join_names(Lang lang, const std::vector<std::string>& names) {
    if (names.empty()) return {};
    std::string head;
    for (std::size_t i = 0; i + 1 < names.size(); ++i) head += (i ? ", " : "") + names[i];
    return names.size() == 1 ? names.front() : head + tr(lang, "and") + names.back();
}

std::string finding_text(Lang lang, const analysis::Finding& f) {
    const auto n = static_cast<std::int64_t>(f.names.size());
    const auto who = join_names(lang, f.names);
    if (f.rule == "fusion_partners") return trf(lang, key(f, "detail"), {f.arrangement_name, std::to_string(n), who});
    if (f.rule == "dominant_partner") {
        if (f.names.size() < 2 || f.populations.size() < 2) throw Error("dominant_partner finding without two partners");
        return trf(lang, key(f, "detail"), {f.arrangement_name, f.names[0], integer(lang, f.populations[0]),
                                            number(lang, f.value, 1), f.names[1], integer(lang, f.populations[1])});
    }
    if (f.rule == "other_province")
        return trn(lang, key(f, "detail"), n, {f.arrangement_name, who, join_names(lang, f.provinces), f.main_province});
    if (f.rule == "not_neighbours") {
        const auto how = f.apart_km ? trf(lang, "fnd.not_neighbours.by_distance", {number(lang, *f.apart_km, 0)})
                                    : tr(lang, "fnd.not_neighbours.by_border");
        return trn(lang, key(f, "detail"), n, {f.arrangement_name, std::to_string(f.groups), how, who});
    }
    if (f.rule == "knipperlicht") {
        const auto left = std::to_string(f.left_year);
        const auto joined = std::to_string(f.joined_year);
        if (f.left_arrangement == f.arrangement)
            return trf(lang, key(f, "rejoined"), {who, left, f.left_name, f.left_arrangement, joined});
        const auto again = f.again_with.empty() ? std::string() : trf(lang, key(f, "again"), {join_names(lang, f.again_with)});
        return trf(lang, key(f, "moved"), {who, left, f.left_name, f.left_arrangement, joined, f.arrangement_name, again});
    }
    if (f.rule == "one_way_services") {
        const auto where = f.arrangement.empty()
                               ? trn(lang, key(f, "group"), f.group_others, {f.group_first, std::to_string(f.group_others)})
                               : f.arrangement_name;
        return trn(lang, key(f, "detail"), f.clients, {where, who, std::to_string(f.arrangements), std::to_string(f.clients)});
    }
    if (f.rule == "tax_cooperation")
        return trf(lang, key(f, "detail"), {who, f.populations.empty() ? std::string() : integer(lang, f.populations.front())});
    throw Error("screening rule '" + f.rule + "' has no words");
}

std::string finding_question(Lang lang, const analysis::Finding& f) {
    if (f.rule == "fusion_partners") return trf(lang, key(f, "question"), {std::to_string(f.names.size())});
    if (f.rule == "other_province" || f.rule == "not_neighbours") return trf(lang, key(f, "question"), {f.arrangement_name});
    if (f.rule == "knipperlicht") return trf(lang, key(f, "question"), {first_name(f), f.arrangement_name});
    return trf(lang, key(f, "question"), {first_name(f)});
}

std::string finding_practice(Lang lang, const analysis::Finding& f) { return tr(lang, key(f, "practice")); }

std::string finding_source(Lang lang, const analysis::Finding& f) {
    if (f.rule == "one_way_services") return tr(lang, "fnd.source.services");
    if (f.rule == "tax_cooperation") return tr(lang, "fnd.source.tax");
    return tr(lang, "fnd.source.korsten");
}

std::string screen_note(Lang lang, const analysis::ScreenNote& note) {
    using Kind = analysis::ScreenNote::Kind;
    switch (note.kind) {
        case Kind::no_scope: return trf(lang, "fnd.note.no_scope", {std::to_string(note.count)});
        case Kind::no_population: return trf(lang, "fnd.note.no_population", {std::to_string(note.count), std::to_string(note.of)});
        case Kind::no_place: return trf(lang, "fnd.note.no_place", {std::to_string(note.count), std::to_string(note.of)});
        case Kind::no_years: return tr(lang, "fnd.note.no_years");
    }
    return {};
}

std::string partner_reason(Lang lang, const Dataset& d, const analysis::PartnerCandidate& p, analysis::PartnerReason reason) {
    using R = analysis::PartnerReason;
    switch (reason) {
        case R::shared_arrangements: {
            const auto n = static_cast<std::int64_t>(p.co_memberships);
            return trn(lang, "fnd.reason.shared", n, {std::to_string(n)});
        }
        case R::same_regions:
            return trf(lang, "fnd.reason.same_regions", {std::to_string(p.same_regions), std::to_string(p.common_divisions)});
        case R::neighbour: return tr(lang, "fnd.reason.neighbour");
        case R::distance: return trf(lang, "fnd.reason.distance", {number(lang, p.distance_km.value_or(0.0), 0)});
        case R::size_ratio: return trf(lang, "fnd.reason.size_ratio", {number(lang, p.size_similarity.value_or(0.0), 2)});
        case R::same_province: return trf(lang, "fnd.reason.same_province", {d.municipalities.at(p.municipality).province});
    }
    return {};
}

std::string partner_reasons(Lang lang, const Dataset& d, const analysis::PartnerCandidate& p) {
    std::string out;
    for (auto r : p.reasons) out += (out.empty() ? "" : "; ") + partner_reason(lang, d, p, r);
    return out;
}

std::string fusie_sentence(Lang lang, const analysis::FusieFact& f) {
    const std::string year = f.year ? std::to_string(*f.year) : std::string("?");
    const auto partners = join_names(lang, f.partners);
    std::string s;
    switch (f.status) {
        case analysis::FusieStatus::stopped:
            s = f.partners.empty() ? trf(lang, "fus.stopped.alone", {f.name, year}) : trf(lang, "fus.stopped", {partners, year});
            break;
        case analysis::FusieStatus::paused:
            s = f.partners.empty() ? trf(lang, "fus.paused.alone", {f.name, year}) : trf(lang, "fus.paused", {partners, year});
            break;
        case analysis::FusieStatus::running:
            if (f.form == "gastheer")
                s = trf(lang, f.host ? "fus.hosts" : "fus.hosted", {partners, f.name, year});
            else
                s = f.partners.empty() ? trf(lang, "fus.running.alone", {f.name, year}) : trf(lang, "fus.running", {f.name, year, partners});
            if (f.temporary) s += tr(lang, "fus.temporary");
            break;
    }
    if (!f.note.empty()) s += "; " + f.note;
    return s;
}

std::string betweenness_method(Lang lang, const analysis::CentralityResult& r) {
    using M = analysis::CentralityResult::Method;
    switch (r.betweenness_method) {
        case M::exact: return tr(lang, "bet.exact");
        case M::skipped: return tr(lang, "bet.skipped");
        case M::sample: return trf(lang, "bet.sample", {std::to_string(r.betweenness_sample), std::to_string(r.betweenness_sources)});
        case M::cutoff: return trf(lang, "bet.cutoff", {plain_number(r.betweenness_cutoff)});
    }
    return {};
}

analysis::FindingWords finding_words(Lang lang) {
    return {[lang](const analysis::Finding& f) { return finding_text(lang, f); },
            [lang](const analysis::Finding& f) { return finding_question(lang, f); },
            [lang](const analysis::Finding& f) { return finding_practice(lang, f); },
            [lang](const analysis::Finding& f) { return finding_source(lang, f); }};
}

analysis::ReasonWords reason_words(Lang lang, const Dataset& d) {
    return [lang, &d](const analysis::PartnerCandidate& p) { return partner_reasons(lang, d, p); };
}

analysis::ResultWords result_words(Lang lang, const Dataset& d) { return {finding_words(lang), reason_words(lang, d)}; }

}  // namespace regionet::render::report
