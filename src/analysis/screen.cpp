#include "analysis/screen.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>
#include <set>
#include <toml++/toml.h>

#include "analysis/partners.hpp"
#include "analysis/services.hpp"
#include "model/error.hpp"

namespace regionet::analysis {

namespace {

// The publication the lessons come from (the report cites it, never an internal file).
const char* const kSource =
    "A.F.A. Korsten (c. 2016), essay on \"Samen en Toch Apart\" (SETA): evaluations of ambtelijke fusies 2005-2017";

struct Practice {
    const char* rule;
    const char* nl;
    const char* en;
};

const Practice kPractice[] = {
    {"fusion_partners",
     "Meer dan drie partners in een volledige ambtelijke fusie is een serieus risico; een geslaagd voorbeeld met "
     "vier of vijf partners was niet bekend.",
     "More than three partners in a full ambtelijke fusie is a serious risk; no successful case with four or five "
     "was known."},
    {"dominant_partner",
     "Eén partner die veel groter is dan de andere (inwoners, personeel) gaat vaak domineren; een "
     "gastheerconstructie kan werken als de kleine partner accepteert klein te zijn.",
     "One partner much larger than the others (population, staff) tends to dominate; a host construction can work "
     "when the small partner accepts being small."},
    {"other_province",
     "Partners zijn bijna altijd buren; een partner in een andere provincie is \"niet handig\" (Heumen in "
     "Gelderland en Mook en Middelaar in Limburg).",
     "Partners are nearly always neighbours; a partner in another province is \"not handy\" (Heumen in Gelderland "
     "and Mook en Middelaar in Limburg)."},
    {"not_neighbours", "Partners zijn bijna altijd buren.", "Partners are nearly always neighbours."},
    {"knipperlicht",
     "Een partner die blijft twijfelen (knipperlichtrelatie: doet mee, stapt uit, doet weer mee) kan beter buiten "
     "de samenwerking blijven.",
     "A partner that keeps hesitating (knipperlichtrelatie: joins, leaves, rejoins) should be left out."},
};

int rule_order(const std::string& rule) {
    for (int i = 0; i < 5; ++i)
        if (rule == kPractice[i].rule) return i;
    return 5;
}

Finding make(const char* rule, const std::string& arrangement) {
    Finding f;
    f.rule = rule;
    f.arrangement = arrangement;
    const auto& p = kPractice[rule_order(rule)];
    f.practice_nl = p.nl;
    f.practice_en = p.en;
    f.source = kSource;
    return f;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// "A, B en C" / "A, B and C"
std::string join_names(const std::vector<std::string>& names, const char* last) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += i + 1 == names.size() ? std::string(" ") + last + " " : ", ";
        s += names[i];
    }
    return s;
}

std::string name_of(const Dataset& d, std::size_t m) {
    const auto& x = d.municipalities[m];
    return x.name.empty() ? x.code : x.name;
}

std::vector<std::string> names_of(const Dataset& d, const std::vector<std::size_t>& ms) {
    std::vector<std::string> out;
    for (auto m : ms) out.push_back(name_of(d, m));
    return out;
}

std::vector<std::string> codes_of(const Dataset& d, std::vector<std::size_t> ms) {
    std::sort(ms.begin(), ms.end());  // municipality order is code order
    std::vector<std::string> out;
    for (auto m : ms) out.push_back(d.municipalities[m].code);
    return out;
}

std::vector<std::size_t> members(const Dataset& d, std::size_t a) {
    std::vector<std::size_t> out;
    for (auto k : d.members_of_arrangement()[a]) out.push_back(d.memberships[k].municipality);
    std::sort(out.begin(), out.end());
    return out;
}

bool in_partner_scope(const Dataset& d, std::size_t a, const ScreenOptions& o) {
    const auto n = d.members_of_arrangement()[a].size();
    return !d.arrangements[a].is_region() && n >= 2 && n <= o.max_partners;
}

bool is_fusion(const Arrangement& a, const ScreenOptions& o) {
    return std::find(o.fusion_forms.begin(), o.fusion_forms.end(), a.form) != o.fusion_forms.end();
}

// The fusion lessons (dominant partner) speak of merged civil services and work
// organisations, not of every joint arrangement.
bool is_close_form(const Arrangement& a, const ScreenOptions& o) {
    return is_fusion(a, o) || std::find(o.close_forms.begin(), o.close_forms.end(), a.form) != o.close_forms.end();
}

// An area arrangement (a recreation area on a provincial border, a lake, a
// river basin) is expected to cross borders: the area decides who takes part.
bool is_area_arrangement(const Arrangement& a, const ScreenOptions& o) {
    std::string domain;
    for (char c : a.domain) domain += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(o.area_domains.begin(), o.area_domains.end(), domain) != o.area_domains.end();
}

// Islands (the Wadden islands) border no other municipality on land and lie in
// two provinces: the border rules leave them out of the member set.
bool is_island(const Dataset& d, std::size_t m, const ScreenOptions& o) {
    const auto& x = d.municipalities[m];
    return std::find(o.islands.begin(), o.islands.end(), x.code) != o.islands.end() ||
           std::find(o.islands.begin(), o.islands.end(), x.name) != o.islands.end();
}

std::vector<std::size_t> mainland(const Dataset& d, std::vector<std::size_t> ms, const ScreenOptions& o) {
    ms.erase(std::remove_if(ms.begin(), ms.end(), [&](auto m) { return is_island(d, m, o); }), ms.end());
    return ms;
}

void fusion_partners(const Dataset& d, const ScreenOptions& o, std::vector<Finding>& out) {
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& arr = d.arrangements[a];
        if (arr.is_region() || !is_fusion(arr, o)) continue;
        const auto ms = members(d, a);
        if (ms.size() <= o.max_fusion_partners) continue;
        auto f = make("fusion_partners", arr.id);
        f.subjects = codes_of(d, ms);
        f.value = static_cast<double>(ms.size());
        const auto n = std::to_string(ms.size());
        const auto list_nl = join_names(names_of(d, ms), "en");
        const auto list_en = join_names(names_of(d, ms), "and");
        f.detail_nl = arr.name + " is een ambtelijke fusie van " + n + " partners: " + list_nl + ".";
        f.detail_en = arr.name + " is an ambtelijke fusie of " + n + " partners: " + list_en + ".";
        f.question_nl = "Deze ambtelijke fusie telt " + n +
                        " partners. Hoe voorkomt het bestuur de risico's die de praktijk bij meer dan drie partners "
                        "ziet, en zou functionele integratie beter passen?";
        f.question_en = "This ambtelijke fusie has " + n +
                        " partners. How does the board avoid the risks practice has seen with more than three "
                        "partners, and would functional integration fit better?";
        out.push_back(std::move(f));
    }
}

void dominant_partner(const Dataset& d, const ScreenOptions& o, std::vector<Finding>& out) {
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!in_partner_scope(d, a, o) || !is_close_form(d.arrangements[a], o)) continue;
        auto ms = members(d, a);
        if (!std::all_of(ms.begin(), ms.end(), [&](auto m) { return d.municipalities[m].population.has_value(); }))
            continue;
        // Largest first; equal populations by code.
        std::stable_sort(ms.begin(), ms.end(), [&](auto x, auto y) {
            return *d.municipalities[x].population > *d.municipalities[y].population;
        });
        const auto big = *d.municipalities[ms[0]].population;
        const auto second = *d.municipalities[ms[1]].population;
        if (second <= 0) continue;
        const double ratio = static_cast<double>(big) / static_cast<double>(second);
        if (ratio < o.size_ratio) continue;
        const auto& arr = d.arrangements[a];
        auto f = make("dominant_partner", arr.id);
        f.subjects = {d.municipalities[ms[0]].code};
        f.value = ratio;
        const auto big_name = name_of(d, ms[0]);
        const auto r = fixed(ratio, 1);
        f.detail_nl = arr.name + ": " + big_name + " heeft " + std::to_string(big) + " inwoners, " + r +
                      " keer zoveel als de op één na grootste partner " + name_of(d, ms[1]) + " (" +
                      std::to_string(second) + ").";
        f.detail_en = arr.name + ": " + big_name + " has " + std::to_string(big) + " inhabitants, " + r +
                      " times the next largest partner " + name_of(d, ms[1]) + " (" + std::to_string(second) + ").";
        f.question_nl = "Hoe blijft de invloed van de kleinere partners naast " + big_name +
                        " geborgd, en accepteren zij bewust de rol van kleine partner?";
        f.question_en = "How is the influence of the smaller partners beside " + big_name +
                        " safeguarded, and do they knowingly accept being the small partner?";
        out.push_back(std::move(f));
    }
}

void other_province(const Dataset& d, const ScreenOptions& o, std::vector<Finding>& out) {
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!in_partner_scope(d, a, o) || is_area_arrangement(d.arrangements[a], o)) continue;
        const auto ms = mainland(d, members(d, a), o);
        std::map<std::string, std::vector<std::size_t>> by_province;
        for (auto m : ms)
            if (!d.municipalities[m].province.empty()) by_province[d.municipalities[m].province].push_back(m);
        if (by_province.size() < 2) continue;
        // The main province holds most members; ties: alphabetically first.
        std::string main;
        std::size_t most = 0;
        for (const auto& [p, v] : by_province)
            if (v.size() > most) {
                most = v.size();
                main = p;
            }
        std::vector<std::size_t> outside;
        std::vector<std::string> provinces;
        for (const auto& [p, v] : by_province)
            if (p != main) {
                outside.insert(outside.end(), v.begin(), v.end());
                provinces.push_back(p);
            }
        std::sort(outside.begin(), outside.end());
        const auto& arr = d.arrangements[a];
        auto f = make("other_province", arr.id);
        f.subjects = codes_of(d, outside);
        f.value = static_cast<double>(by_province.size());
        const auto who_nl = join_names(names_of(d, outside), "en");
        const auto who_en = join_names(names_of(d, outside), "and");
        f.detail_nl = arr.name + ": " + who_nl + " (" + join_names(provinces, "en") + ") " + (outside.size() == 1 ? "ligt" : "liggen") +
                      " in een andere provincie dan de andere partners (" + main + ").";
        f.detail_en = arr.name + ": " + who_en + " (" + join_names(provinces, "and") + ") " + (outside.size() == 1 ? "lies" : "lie") +
                      " in another province than the other partners (" + main + ").";
        f.question_nl = "Wat betekent de provinciegrens voor " + arr.name +
                        ": voor toezicht, voor de regionale indelingen waarin de partners zitten en voor de "
                        "dagelijkse samenwerking?";
        f.question_en = "What does the provincial border mean for " + arr.name +
                        ": for supervision, for the regional divisions the partners sit in, and for daily work?";
        out.push_back(std::move(f));
    }
}

// Adjacency among the members: the neighbour table when the dataset has one,
// else points within the distance. Returns false when neither can tell.
bool adjacency(const Dataset& d, const std::vector<std::size_t>& ms, const ScreenOptions& o,
               std::set<std::pair<std::size_t, std::size_t>>& adjacent, bool& by_distance) {
    if (!d.neighbours.empty()) {
        by_distance = false;
        for (std::size_t i = 0; i < ms.size(); ++i)
            for (std::size_t j = i + 1; j < ms.size(); ++j) {
                const auto& a = d.municipalities[ms[i]].code;
                const auto& b = d.municipalities[ms[j]].code;
                const Neighbour key{std::min(a, b), std::max(a, b), 0.0};
                const auto it = std::lower_bound(d.neighbours.begin(), d.neighbours.end(), key, [](const auto& x, const auto& y) {
                    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
                });
                if (it != d.neighbours.end() && it->a == key.a && it->b == key.b) adjacent.emplace(i, j);
            }
        return true;
    }
    by_distance = true;
    for (auto m : ms)
        if (!d.municipalities[m].lat || !d.municipalities[m].lon) return false;
    for (std::size_t i = 0; i < ms.size(); ++i)
        for (std::size_t j = i + 1; j < ms.size(); ++j) {
            const auto& x = d.municipalities[ms[i]];
            const auto& y = d.municipalities[ms[j]];
            if (distance_km(*x.lat, *x.lon, *y.lat, *y.lon) <= o.neighbour_distance_km) adjacent.emplace(i, j);
        }
    return true;
}

void not_neighbours(const Dataset& d, const ScreenOptions& o, std::vector<Finding>& out) {
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!in_partner_scope(d, a, o) || is_area_arrangement(d.arrangements[a], o)) continue;
        const auto ms = mainland(d, members(d, a), o);
        if (ms.size() < 2) continue;
        std::set<std::pair<std::size_t, std::size_t>> adjacent;
        bool by_distance = false;
        if (!adjacency(d, ms, o, adjacent, by_distance)) continue;
        // Connected components of the members (union-find over local indexes).
        std::vector<std::size_t> parent(ms.size());
        std::iota(parent.begin(), parent.end(), std::size_t{0});
        auto find = [&](std::size_t x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        for (const auto& [i, j] : adjacent) parent[find(i)] = find(j);
        std::map<std::size_t, std::vector<std::size_t>> components;  // root -> local indexes (ascending)
        for (std::size_t i = 0; i < ms.size(); ++i) components[find(i)].push_back(i);
        if (components.size() < 2) continue;
        // The main component is the largest (ties: the one holding the smallest
        // code); when every member stands alone, all are named.
        const std::vector<std::size_t>* main = nullptr;
        for (const auto& [root, c] : components)
            if (!main || c.size() > main->size() || (c.size() == main->size() && c.front() < main->front())) main = &c;
        std::vector<std::size_t> subjects;
        for (std::size_t i = 0; i < ms.size(); ++i)
            if (main->size() == 1 || std::find(main->begin(), main->end(), i) == main->end()) subjects.push_back(ms[i]);
        const auto& arr = d.arrangements[a];
        auto f = make("not_neighbours", arr.id);
        f.subjects = codes_of(d, subjects);
        f.value = static_cast<double>(components.size());
        const auto how_nl = by_distance ? "(hemelsbreed meer dan " + fixed(o.neighbour_distance_km, 0) + " km)"
                                        : std::string("(geen gemeenschappelijke grens)");
        const auto how_en = by_distance ? "(more than " + fixed(o.neighbour_distance_km, 0) + " km apart)"
                                        : std::string("(no shared border)");
        const auto who_nl = join_names(names_of(d, subjects), "en");
        const auto who_en = join_names(names_of(d, subjects), "and");
        f.detail_nl = "De partners in " + arr.name + " vormen " + std::to_string(components.size()) + " geografisch losse groepen " +
                      how_nl + "; " + who_nl + (subjects.size() == 1 ? " grenst" : " grenzen") +
                      " niet aan de andere partners.";
        f.detail_en = "The partners in " + arr.name + " form " + std::to_string(components.size()) + " separate groups " + how_en + "; " +
                      who_en + (subjects.size() == 1 ? " does" : " do") + " not border the other partners.";
        f.question_nl = "Wat maakt " + arr.name + " over afstand werkbaar, en zijn er buurgemeenten die meer voor de "
                        "hand liggen?";
        f.question_en = "What makes " + arr.name + " workable at a distance, and are there neighbouring "
                        "municipalities that would be more obvious partners?";
        out.push_back(std::move(f));
    }
}

struct Spell {
    std::size_t arrangement;
    std::optional<int> start;
    std::optional<int> end;
};

void knipperlicht(const Dataset& d, const ScreenOptions& o, std::vector<Finding>& out) {
    if (!o.knipperlicht) return;
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        std::vector<Spell> spells;
        for (auto k : d.memberships_of_municipality()[m]) {
            const auto& ms = d.memberships[k];
            const auto& arr = d.arrangements[ms.arrangement];
            if (arr.is_region()) continue;
            // A membership with gaps is several spells of the same arrangement: leaving
            // and rejoining it is the plainest knipperlicht.
            auto start = ms.start_year ? ms.start_year : arr.start_year;
            for (const auto& [first, last] : ms.gaps) {
                spells.push_back({ms.arrangement, start, first - 1});
                start = last + 1;
            }
            spells.push_back({ms.arrangement, start, ms.end_year ? ms.end_year : arr.end_year});
        }
        for (const auto& x : spells) {
            if (!x.end) continue;
            for (const auto& y : spells) {
                if (&x == &y || !y.start || *y.start <= *x.end) continue;
                const auto& ax = d.arrangements[x.arrangement];
                const auto& ay = d.arrangements[y.arrangement];
                if (ax.form != ay.form || ax.domain != ay.domain) continue;
                const auto mx = members(d, x.arrangement);
                const auto my = members(d, y.arrangement);
                const bool all_moved = std::includes(my.begin(), my.end(), mx.begin(), mx.end());
                // When the whole arrangement ended, a successor with all the old
                // partners started right after is a continuation, not a municipality
                // that left and came back.
                const bool arrangement_ended = ax.end_year && *ax.end_year <= *x.end;
                if (arrangement_ended && all_moved && *y.start - *x.end <= 1) continue;
                std::vector<std::size_t> same;
                std::set_intersection(mx.begin(), mx.end(), my.begin(), my.end(), std::back_inserter(same));
                same.erase(std::remove(same.begin(), same.end(), m), same.end());
                auto f = make("knipperlicht", ay.id);
                std::vector<std::size_t> subjects{m};
                subjects.insert(subjects.end(), same.begin(), same.end());
                f.subjects = codes_of(d, subjects);
                f.value = static_cast<double>(*y.start - *x.end);
                const auto who = name_of(d, m);
                const auto ex = std::to_string(*x.end);
                const auto sy = std::to_string(*y.start);
                if (x.arrangement == y.arrangement) {
                    f.detail_nl = who + " stopte in " + ex + " met " + ax.name + " (" + ax.id + ") en deed vanaf " + sy +
                                  " weer mee.";
                    f.detail_en = who + " left " + ax.name + " (" + ax.id + ") in " + ex + " and rejoined it in " + sy + ".";
                } else {
                    f.detail_nl = who + " stopte in " + ex + " met " + ax.name + " (" + ax.id + ") en begon in " + sy +
                                  " aan " + ay.name + (same.empty() ? "" : ", opnieuw met " + join_names(names_of(d, same), "en")) + ".";
                    f.detail_en = who + " left " + ax.name + " (" + ax.id + ") in " + ex + " and joined " + ay.name +
                                  " in " + sy + (same.empty() ? "" : ", again with " + join_names(names_of(d, same), "and")) + ".";
                }
                f.question_nl = "Is de keuze van " + who + " voor " + ay.name +
                                " nu vast genoeg, en wat is er veranderd sinds het eerdere vertrek?";
                f.question_en = "Is " + who + "'s commitment to " + ay.name +
                                " firm enough now, and what has changed since it left before?";
                out.push_back(std::move(f));
            }
        }
    }
}

}  // namespace

ScreenOptions parse_screen_options(std::string_view text, const std::string& source_name) {
    ScreenOptions o;
    toml::table t;
    try {
        t = toml::parse(text, source_name);
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        throw Error(source_name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                    std::string(e.description()));
    }
    auto bad = [&](const std::string& key, const char* want) {
        return Error(source_name + ": key '" + key + "' must be " + want);
    };
    for (const auto& [key, node] : t) {
        const std::string k(key.str());
        if (k == "fusion_forms") {
            const auto* arr = node.as_array();
            if (!arr) throw bad(k, "an array of strings");
            o.fusion_forms.clear();
            for (const auto& v : *arr) {
                if (!v.is_string()) throw bad(k, "an array of strings");
                o.fusion_forms.push_back(*v.value<std::string>());
            }
        } else if (k == "close_forms" || k == "area_domains" || k == "islands") {
            const auto* arr = node.as_array();
            if (!arr) throw bad(k, "an array of strings");
            auto& list = k == "close_forms" ? o.close_forms : k == "area_domains" ? o.area_domains : o.islands;
            list.clear();
            for (const auto& v : *arr) {
                if (!v.is_string()) throw bad(k, "an array of strings");
                list.push_back(*v.value<std::string>());
            }
        } else if (k == "max_fusion_partners" || k == "max_partners") {
            const auto v = node.value<std::int64_t>();
            if (!node.is_integer() || !v || *v < 1) throw bad(k, "a positive integer");
            (k == "max_partners" ? o.max_partners : o.max_fusion_partners) = static_cast<std::size_t>(*v);
        } else if (k == "size_ratio" || k == "neighbour_distance_km") {
            const auto v = node.value<double>();
            if (!(node.is_floating_point() || node.is_integer()) || !v || *v <= 0) throw bad(k, "a positive number");
            (k == "size_ratio" ? o.size_ratio : o.neighbour_distance_km) = *v;
        } else if (k == "knipperlicht") {
            if (!node.is_boolean()) throw bad(k, "true or false");
            o.knipperlicht = *node.value<bool>();
        } else {
            throw Error(source_name + ": unknown key '" + k +
                        "' (expected fusion_forms, close_forms, area_domains, islands, max_fusion_partners, max_partners, "
                        "size_ratio, neighbour_distance_km, knipperlicht)");
        }
    }
    return o;
}

std::vector<Finding> screen(const Dataset& d, const ScreenOptions& o) {
    std::vector<Finding> out;
    fusion_partners(d, o, out);
    dominant_partner(d, o, out);
    other_province(d, o, out);
    not_neighbours(d, o, out);
    knipperlicht(d, o, out);
    screen_tasks_and_services(d, PracticeExtraOptions{}, out);  // issue 18: one-way services, tax cooperation
    std::stable_sort(out.begin(), out.end(), [](const Finding& x, const Finding& y) {
        const int rx = rule_order(x.rule);
        const int ry = rule_order(y.rule);
        return std::tie(rx, x.arrangement, x.subjects) < std::tie(ry, y.arrangement, y.subjects);
    });
    return out;
}

std::vector<std::string> screen_notes(const Dataset& d, const ScreenOptions& o) {
    std::vector<std::string> notes;
    std::size_t scope = 0;
    std::size_t no_population = 0;
    std::size_t no_place = 0;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!in_partner_scope(d, a, o)) continue;
        ++scope;
        bool pop = true;
        bool place = true;
        for (auto m : members(d, a)) {
            pop = pop && d.municipalities[m].population.has_value();
            place = place && d.municipalities[m].lat && d.municipalities[m].lon;
        }
        no_population += !pop;
        no_place += !place && d.neighbours.empty();
    }
    if (scope == 0)
        notes.push_back("dominant_partner, other_province, not_neighbours: no ordinary arrangement with 2 to " +
                        std::to_string(o.max_partners) + " members");
    if (no_population > 0)
        notes.push_back("dominant_partner: " + std::to_string(no_population) + " of " + std::to_string(scope) +
                        " arrangements not screened (population unknown for a member)");
    if (no_place > 0)
        notes.push_back("not_neighbours: " + std::to_string(no_place) + " of " + std::to_string(scope) +
                        " arrangements not screened (no neighbour table and no coordinates)");
    bool years = false;
    for (const auto& a : d.arrangements) years = years || a.end_year.has_value();
    for (const auto& ms : d.memberships) years = years || ms.end_year.has_value();
    if (o.knipperlicht && !years) notes.push_back("knipperlicht: no end years in the dataset, rule cannot show anything");
    return notes;
}

Table to_table(const Dataset& d, const std::vector<Finding>& findings, std::string_view language) {
    const bool nl = language != "en";
    Table t;
    t.name = "screen";
    t.columns = {{"rule", "rule id"},
                 {"arrangement", "arrangement id"},
                 {"arrangement_name", "arrangement name"},
                 {"subjects", "municipality codes the finding is about (comma-separated)"},
                 {"subject_names", "their names"},
                 {"value", "measured value: partners, population ratio, provinces, separate groups or years apart"},
                 {"finding", "what the data shows"},
                 {"question", "question for the board"},
                 {"practice", "the lesson from practice the rule comes from"},
                 {"source", "where that lesson comes from"}};
    for (const auto& f : findings) {
        const auto* a = d.find_arrangement(f.arrangement);
        std::string codes;
        std::string names;
        for (const auto& s : f.subjects) {
            codes += (codes.empty() ? "" : ",") + s;
            const auto* m = d.find_municipality(s);
            names += (names.empty() ? "" : ", ") + (m && !m->name.empty() ? m->name : s);
        }
        t.rows.push_back({f.rule, f.arrangement, a ? a->name : std::string(), codes, names, f.value,
                          nl ? f.detail_nl : f.detail_en, nl ? f.question_nl : f.question_en,
                          nl ? f.practice_nl : f.practice_en, f.source});
    }
    return t;
}

}  // namespace regionet::analysis
