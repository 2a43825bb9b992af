#include "importers/region_bodies.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>
#include <vector>

#include "importers/name_matching.hpp"

namespace regionet {

namespace {

// What kind of body an arrangement is, from words in its folded name or legal
// basis, and the stem of the division whose regions such bodies govern.
struct BodyKind {
    std::vector<const char*> name_words;
    std::vector<const char*> law_words;
    const char* division_stem;
};

const BodyKind kBodyKinds[] = {
    {{"veiligheidsregio", "veiligheids en gezondheidsregio", "hulpverlening"}, {"veiligheidsregio"}, "veiligheidsregio"},
    {{"ggd", "gezondheidsdienst", "gezondheidsregio", "geneeskundige"}, {"publieke gezondheid"}, "ggd"},
    {{"omgevingsdienst", "uitvoeringsdienst"}, {"omgevingsrecht", "omgevingswet"}, "omgevingsdienst"},
    {{"veiligheidshuis"}, {}, "veiligheidshui"},
    {{"sociale dienst", "isd"}, {}, "sociale-dienst"},
    {{"werkvoorziening", "sociale werkvoorziening", "wsw"}, {"sociale werkvoorziening"}, "werkvoorziening"},
    {{"jeugdzorg", "jeugdhulp"}, {"jeugdwet"}, "jeugdzorg"},
    {{"veilig thuis"}, {}, "veilig-thuis"},
};

bool has_word(const std::string& folded, const char* w) {
    const std::string padded = " " + folded + " ";
    return padded.find(std::string(" ") + w) != std::string::npos;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// fold() of the name with every parenthesised part dropped.
std::string normalised(const std::string& name) {
    std::string s;
    int depth = 0;
    for (char c : name) {
        if (c == '(') ++depth;
        else if (c == ')') depth = std::max(0, depth - 1);
        else if (depth == 0) s += c;
    }
    return names::fold(s);
}

// The abbreviation in parentheses: "(GBLT)" -> "GBLT"; two or more capitals
// (digits allowed), nothing else; empty when there is none.
std::string abbreviation(const std::string& name) {
    const auto open = name.rfind('(');
    const auto close = name.find(')', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return {};
    const auto inner = name.substr(open + 1, close - open - 1);
    std::size_t capitals = 0;
    for (char c : inner) {
        if (std::isupper(static_cast<unsigned char>(c))) ++capitals;
        else if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    }
    return capitals >= 2 ? inner : std::string();
}

std::string fixed2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    const auto uni = a.size() + b.size() - common.size();
    return uni ? static_cast<double>(common.size()) / static_cast<double>(uni) : 0.0;
}

// The words of a normalised name, sorted.
std::vector<std::string> words(const std::string& normalised_name) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : normalised_name + " ") {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// One normalised name inside the other as whole words, the shorter of at least four words
// (three would take "Regio De Vallei" for the omgevingsdienst of that region).
bool contains_name(const std::string& x, const std::string& y) {
    const auto& shorter = x.size() < y.size() ? x : y;
    const auto& longer = x.size() < y.size() ? y : x;
    if (words(shorter).size() < 4) return false;
    return (" " + longer + " ").find(" " + shorter + " ") != std::string::npos;
}

bool includes(const std::vector<std::string>& big, const std::vector<std::string>& small) {
    return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

// "in 2016 opgeheven", "opgeheven per 25 januari 2016": the first 19xx/20xx year.
std::optional<int> year_in(const std::string& folded) {
    for (std::size_t i = 0; i + 4 <= folded.size(); ++i) {
        if ((i > 0 && std::isdigit(static_cast<unsigned char>(folded[i - 1]))) ||
            (i + 4 < folded.size() && std::isdigit(static_cast<unsigned char>(folded[i + 4]))))
            continue;
        const auto y = folded.substr(i, 4);
        if ((y.rfind("19", 0) == 0 || y.rfind("20", 0) == 0) &&
            std::all_of(y.begin(), y.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return std::stoi(y);
    }
    return std::nullopt;
}

}  // namespace

RegisterFacts infer_register_facts(Dataset& d, ImportReport& report, const std::string& file,
                                   std::optional<int> reference_year, const RegisterRules& rules) {
    RegisterFacts facts;
    std::map<std::string, std::vector<std::string>> members;  // arrangement id -> sorted codes
    for (const auto& ms : d.memberships)
        if (!rules.current_members_only || !ms.end_year) members[ms.arrangement_id].push_back(ms.municipality_code);
    for (auto& [id, v] : members) std::sort(v.begin(), v.end());
    auto members_of = [&](const std::string& id) -> const std::vector<std::string>& {
        static const std::vector<std::string> none;
        auto it = members.find(id);
        return it == members.end() ? none : it->second;
    };

    // Arrangements in id order, so every outcome is independent of input order.
    std::vector<Arrangement*> arrangements;
    for (auto& a : d.arrangements) arrangements.push_back(&a);
    std::sort(arrangements.begin(), arrangements.end(), [](auto* x, auto* y) { return x->id < y->id; });

    // 3. Ended bodies (first: an ended body governs no region and repeats no body).
    for (auto* a : arrangements) {
        if (!rules.ended_from_name || a->is_region() || a->end_year) continue;
        const auto f = names::fold(a->name);
        const bool dissolved = has_word(f, "opgeheven");
        const auto merged_at = f.find("opgegaan in ");
        if (!dissolved && merged_at == std::string::npos) continue;
        const auto year = year_in(f);
        if (!year && !reference_year) continue;
        a->end_year = year ? year : reference_year;
        ++facts.ended;
        std::string successor;
        if (merged_at != std::string::npos) {
            // The successor named after "opgegaan in", found among the arrangements by its normalised name.
            const auto target = f.substr(merged_at + std::string("opgegaan in ").size());
            for (auto* b : arrangements)
                if (b != a && !b->is_region() && !target.empty() && normalised(b->name).rfind(target, 0) == 0 &&
                    names::fold(b->name).find("opgegaan") == std::string::npos) {
                    successor = b->name + " (" + b->id + ")";
                    break;
                }
            if (successor.empty()) successor = "'" + target + "' (not in the register)";
        }
        report.notice(file + ": '" + a->name + "' ended " + std::to_string(*a->end_year) +
                      (year ? "" : " (the register's year; the name gives none)") +
                      (successor.empty() ? "" : ", predecessor of " + successor) + ": not counted as current");
    }

    // 2. Second registrations.
    std::vector<Arrangement*> bodies;
    for (auto* a : arrangements)
        if (!a->is_region() && a->duplicate_of.empty() && !members_of(a->id).empty()) bodies.push_back(a);
    std::map<std::string, std::string> root;  // id -> the registration it repeats
    auto find_root = [&](std::string id) {
        for (auto it = root.find(id); it != root.end(); it = root.find(id)) id = it->second;
        return id;
    };
    auto primary_first = [&](Arrangement* x, Arrangement* y) {  // true when x is the body, y the repeat
        const auto nx = members_of(x->id).size(), ny = members_of(y->id).size();
        return nx != ny ? nx > ny : x->id < y->id;
    };
    struct Reason {
        std::string x, y, why;
    };
    std::vector<Reason> reasons;
    for (std::size_t i = 0; rules.second_registrations && i < bodies.size(); ++i)
        for (std::size_t j = i + 1; j < bodies.size(); ++j) {
            auto* x = bodies[i];
            auto* y = bodies[j];
            if ((x->end_year.has_value()) != (y->end_year.has_value())) continue;  // a predecessor is not a repeat
            const auto& mx = members_of(x->id);
            const auto& my = members_of(y->id);
            std::string why;
            const auto nx = normalised(x->name), ny = normalised(y->name);
            if (mx == my && nx == ny) why = "same name and members";
            else if (mx == my && words(nx) == words(ny)) why = "same words in another order, same members";
            else if (mx == my && contains_name(nx, ny)) why = "one name inside the other, same members";
            else if (const auto ab = abbreviation(x->name); !ab.empty() && ab == abbreviation(y->name) &&
                                                               (includes(mx, my) || includes(my, mx)))
                why = "same abbreviation (" + ab + "), members " + (mx == my ? "the same" : "nested");
            if (why.empty()) continue;
            auto rx = find_root(x->id), ry = find_root(y->id);
            if (rx == ry) continue;
            Arrangement* ax = nullptr;
            Arrangement* ay = nullptr;
            for (auto* b : bodies) {
                if (b->id == rx) ax = b;
                if (b->id == ry) ay = b;
            }
            if (!ax || !ay) continue;
            if (primary_first(ax, ay)) root[ay->id] = ax->id;
            else root[ax->id] = ay->id;
            reasons.push_back({x->id, y->id, why});
        }
    for (auto* a : bodies) {
        const auto r = find_root(a->id);
        if (r == a->id) continue;
        a->duplicate_of = r;
        ++facts.duplicates;
        const auto* body = d.arrangements.data();
        std::string body_name = r;
        for (std::size_t k = 0; k < d.arrangements.size(); ++k)
            if (body[k].id == r) body_name = body[k].name;
        std::string why;
        for (const auto& reason : reasons)
            if (reason.x == a->id || reason.y == a->id) why = reason.why;
        report.notice(file + ": '" + a->name + "' (" + a->id + ") is a second registration of '" + body_name + "' (" + r +
                      "): " + why);
    }

    // 1. Bodies of regions.
    std::map<std::string, std::vector<const Arrangement*>> regions_by_division;
    for (const auto* a : arrangements)
        if (a->is_region()) regions_by_division[a->division].push_back(a);
    std::map<std::pair<std::string, std::size_t>, const Arrangement*> governing;  // (region, kind) -> first body
    for (auto* a : arrangements) {
        if (a->is_region() || !a->body_of.empty() || !a->duplicate_of.empty() || a->end_year) continue;
        const auto f = names::fold(a->name);
        const auto law = names::fold(a->legal_basis);
        const auto& mine = members_of(a->id);
        if (mine.empty()) continue;
        // The name decides before the legal basis: a GGD whose regulation also
        // cites the Wet veiligheidsregio's (for GHOR) is a GGD.
        bool linked = false;
        for (std::size_t attempt = 0; attempt < 2 * std::size(kBodyKinds) && !linked; ++attempt) {
            const bool by_name = attempt < std::size(kBodyKinds);
            const std::size_t kind_index = attempt % std::size(kBodyKinds);
            const auto& kind = kBodyKinds[kind_index];
            bool match = false;
            if (by_name)
                for (const char* w : kind.name_words) match = match || has_word(f, w);
            else
                for (const char* w : kind.law_words) match = match || (!law.empty() && law.find(w) != std::string::npos);
            if (!match) continue;
            const Arrangement* best = nullptr;
            double best_j = 0.0;
            bool tie = false;
            for (const auto& [division, regions] : regions_by_division) {
                if (lower(division).find(kind.division_stem) == std::string::npos) continue;
                for (const auto* r : regions) {
                    const double j = jaccard(mine, members_of(r->id));
                    if (j > best_j + 1e-12) {
                        best = r;
                        best_j = j;
                        tie = false;
                    } else if (best && std::abs(j - best_j) <= 1e-12 && r->division == best->division) {
                        tie = true;
                    }
                }
            }
            if (!best || tie || best_j < 0.9) continue;
            a->body_of = best->id;
            ++facts.bodies;
            report.notice(file + ": '" + a->name + "' (" + a->id + ") governs region '" + best->name + "' of " +
                          best->division + " (" + best->id + "; Jaccard " + fixed2(best_j) + ")");
            // A second body of the same kind for the same region with the same
            // members: one body registered twice (renamed, the old entry not closed).
            const auto [it, first] = governing.emplace(std::pair{best->id, kind_index}, a);
            if (!first && rules.second_registrations && members_of(it->second->id) == mine) {
                a->duplicate_of = it->second->id;
                ++facts.duplicates;
                report.notice(file + ": '" + a->name + "' (" + a->id + ") is a second registration of '" + it->second->name +
                              "' (" + it->second->id + "): a body of the same kind for the same region, same members");
            }
            linked = true;
        }
    }
    if (facts.bodies || facts.duplicates || facts.ended)
        report.notice(file + ": " + std::to_string(facts.bodies) + " bodies linked to the region they govern, " +
                      std::to_string(facts.duplicates) + " second registrations marked, " +
                      std::to_string(facts.ended) + " ended bodies (docs/data-2016.md, 'Bodies, duplicates, ended')");
    return facts;
}

}  // namespace regionet
