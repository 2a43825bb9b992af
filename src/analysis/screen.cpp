#include "analysis/screen.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
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

// The order of the rules in the output (the services rules come last).
const char* const kRules[] = {"fusion_partners", "dominant_partner", "other_province", "not_neighbours", "knipperlicht"};

int rule_order(const std::string& rule) {
    for (int i = 0; i < 5; ++i)
        if (rule == kRules[i]) return i;
    return 5;
}

Finding make(const char* rule, const Arrangement& arrangement) {
    Finding f;
    f.rule = rule;
    f.arrangement = arrangement.id;
    f.arrangement_name = arrangement.name;
    return f;
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
        auto f = make("fusion_partners", arr);
        f.subjects = codes_of(d, ms);
        f.value = static_cast<double>(ms.size());
        f.names = names_of(d, ms);
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
        auto f = make("dominant_partner", arr);
        f.subjects = {d.municipalities[ms[0]].code};
        f.value = ratio;
        f.names = {name_of(d, ms[0]), name_of(d, ms[1])};
        f.populations = {big, second};
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
        auto f = make("other_province", arr);
        f.subjects = codes_of(d, outside);
        f.value = static_cast<double>(by_province.size());
        f.names = names_of(d, outside);
        f.provinces = provinces;
        f.main_province = main;
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
        auto f = make("not_neighbours", arr);
        f.subjects = codes_of(d, subjects);
        f.value = static_cast<double>(components.size());
        f.names = names_of(d, subjects);
        f.groups = static_cast<std::int64_t>(components.size());
        if (by_distance) f.apart_km = o.neighbour_distance_km;
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
                auto f = make("knipperlicht", ay);
                std::vector<std::size_t> subjects{m};
                subjects.insert(subjects.end(), same.begin(), same.end());
                f.subjects = codes_of(d, subjects);
                f.value = static_cast<double>(*y.start - *x.end);
                f.names = {name_of(d, m)};
                f.left_year = *x.end;
                f.joined_year = *y.start;
                f.left_arrangement = ax.id;
                f.left_name = ax.name;
                f.again_with = names_of(d, same);
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

std::vector<ScreenNote> screen_notes(const Dataset& d, const ScreenOptions& o) {
    std::vector<ScreenNote> notes;
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
    if (scope == 0) notes.push_back({ScreenNote::Kind::no_scope, o.max_partners, 0});
    if (no_population > 0) notes.push_back({ScreenNote::Kind::no_population, no_population, scope});
    if (no_place > 0) notes.push_back({ScreenNote::Kind::no_place, no_place, scope});
    bool years = false;
    for (const auto& a : d.arrangements) years = years || a.end_year.has_value();
    for (const auto& ms : d.memberships) years = years || ms.end_year.has_value();
    if (o.knipperlicht && !years) notes.push_back({ScreenNote::Kind::no_years, 0, 0});
    return notes;
}

Table to_table(const Dataset& d, const std::vector<Finding>& findings, const FindingWords& words) {
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
                          words.finding(f), words.question(f), words.practice(f), words.source(f)});
    }
    return t;
}

}  // namespace regionet::analysis
