#include "analysis/load.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <toml++/toml.h>

#include "model/error.hpp"

namespace regionet::analysis {

double LoadWeights::form(std::string_view f) const {
    auto it = form_meetings.find(std::string(f));
    return it == form_meetings.end() ? default_form_meetings : it->second;
}

double LoadWeights::role(Role r) const {
    auto it = role_factor.find(std::string(to_string(r)));
    return it == role_factor.end() ? 1.0 : it->second;
}

double LoadWeights::bodies(std::string_view list) const {
    if (list.empty()) return 1.0;
    std::optional<double> best;
    while (!list.empty()) {
        const auto k = list.find(';');
        const auto body = list.substr(0, k);
        list = k == std::string_view::npos ? std::string_view{} : list.substr(k + 1);
        if (body.empty()) continue;
        auto it = body_factor.find(std::string(body));
        const double f = it == body_factor.end() ? default_body_factor : it->second;
        if (!best || f > *best) best = f;
    }
    return best.value_or(1.0);
}

namespace {

SourceLoc where(const std::string& source, const toml::source_region& region) {
    return SourceLoc{source, static_cast<std::size_t>(region.begin.line), static_cast<std::size_t>(region.begin.column)};
}

double number(const toml::node& node, const std::string& key, const std::string& source) {
    std::optional<double> v;
    if (auto* i = node.as_integer()) v = static_cast<double>(i->get());
    else if (auto* f = node.as_floating_point()) v = f->get();
    if (!v) throw ImportError(where(source, node.source()), "'" + key + "' must be a number");
    if (!std::isfinite(*v) || *v < 0.0)
        throw ImportError(where(source, node.source()), "'" + key + "' must be a non-negative number");
    return *v;
}

const toml::table& section(const toml::node& node, const std::string& key, const std::string& source) {
    const auto* t = node.as_table();
    if (!t) throw ImportError(where(source, node.source()), "'" + key + "' must be a section ([" + key + "])");
    return *t;
}

}  // namespace

LoadWeights parse_weights(std::string_view text, const std::string& source) {
    toml::table doc;
    try {
        doc = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw ImportError(where(source, e.source()), std::string(e.description()));
    }
    LoadWeights w;
    w.source = source;
    for (const auto& [k, node] : doc) {
        const std::string key(k.str());
        if (key == "forms") {
            for (const auto& [fk, fv] : section(node, key, source)) {
                const std::string form(fk.str());
                const double v = number(fv, "forms." + form, source);
                if (form == "default") w.default_form_meetings = v;
                else w.form_meetings[form] = v;
            }
        } else if (key == "roles") {
            for (const auto& [rk, rv] : section(node, key, source)) {
                const std::string role(rk.str());
                if (!parse_role(role))
                    throw ImportError(where(source, rv.source()),
                                      "unknown role '" + role + "' in [roles]; expected member, host or client");
                w.role_factor[role] = number(rv, "roles." + role, source);
            }
        } else if (key == "board") {
            for (const auto& [bk, bv] : section(node, key, source)) {
                const std::string name(bk.str());
                if (name == "meetings_per_seat") w.meetings_per_seat = number(bv, "board." + name, source);
                else if (name == "unknown_seats") w.unknown_seats = number(bv, "board." + name, source);
                else
                    throw ImportError(where(source, bv.source()),
                                      "unknown key '" + name + "' in [board]; expected meetings_per_seat or unknown_seats");
            }
        } else if (key == "bodies") {
            for (const auto& [bk, bv] : section(node, key, source)) {
                const std::string body(bk.str());
                const double v = number(bv, "bodies." + body, source);
                if (body == "default") w.default_body_factor = v;
                else w.body_factor[body] = v;
            }
        } else {
            throw ImportError(where(source, node.source()),
                              "unknown section '" + key + "'; expected [forms], [roles], [bodies] or [board]");
        }
    }
    return w;
}

LoadResult load(const Dataset& d, const LoadWeights& w) {
    LoadResult r;
    r.arrangements.resize(d.arrangements.size());
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& x = d.arrangements[a];
        auto& out = r.arrangements[a];
        out.id = x.id;
        out.name = x.name;
        out.form = x.form;
        out.members = d.members_of_arrangement()[a].size();
        const auto n = static_cast<std::int64_t>(out.members);
        out.coordination_pairs = n * (n - 1) / 2;
        out.meetings_per_year = x.is_region() ? 0.0 : w.form(x.form);  // a region holds no meetings
    }
    // The factors per role, worked out once: the loop below visits every membership.
    static_assert(static_cast<std::size_t>(Role::client) == 2, "one factor per role");
    std::array<double, 3> role_factor{};
    for (const Role role : {Role::member, Role::host, Role::client})
        role_factor[static_cast<std::size_t>(role)] = w.role(role);
    r.municipalities.resize(d.municipalities.size());
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        const auto& x = d.municipalities[m];
        auto& out = r.municipalities[m];
        out.code = x.code;
        out.name = x.name;
        for (auto k : d.memberships_of_municipality()[m]) {
            const auto& ms = d.memberships[k];
            const auto& a = d.arrangements[ms.arrangement];
            ++out.memberships;
            if (ms.role == Role::host || a.host == x.code) ++out.host_roles;
            out.board_seats += ms.board_seats.value_or(0);
            const double seats = ms.board_seats ? static_cast<double>(*ms.board_seats) : w.unknown_seats;
            if (a.is_region()) continue;  // a region of a division holds no meetings: context, not load
            out.weighted_load += r.arrangements[ms.arrangement].meetings_per_year * role_factor[static_cast<std::size_t>(ms.role)] *
                                     w.bodies(ms.bodies) + w.meetings_per_seat * seats;
        }
        if (x.population && *x.population > 0)
            out.load_per_10k_inhabitants = out.weighted_load * 10000.0 / static_cast<double>(*x.population);
    }
    std::vector<std::size_t> order(d.municipalities.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        const auto& x = r.municipalities[i];
        const auto& y = r.municipalities[j];
        if (x.weighted_load != y.weighted_load) return x.weighted_load > y.weighted_load;
        return x.code < y.code;
    });
    for (std::size_t k = 0; k < order.size(); ++k) r.municipalities[order[k]].rank = k + 1;
    return r;
}

Table municipality_table(const LoadResult& r) {
    Table t;
    t.name = "load_municipality";
    t.columns = {
        {"code", "municipality code"},
        {"name", "municipality name"},
        {"memberships", "arrangements it takes part in"},
        {"host_roles", "arrangements it hosts (role host or named host)"},
        {"board_seats", "recorded board seats"},
        {"weighted_load", "meetings per year: sum of form meetings x role factor x body factor + seats x meetings per seat"},
        {"load_per_10k_inhabitants", "weighted_load per 10,000 inhabitants (empty without population)"},
        {"rank", "1 = heaviest weighted load; ties broken by code"},
    };
    std::vector<const MunicipalityLoad*> rows;
    for (const auto& m : r.municipalities) rows.push_back(&m);
    std::sort(rows.begin(), rows.end(), [](auto* x, auto* y) { return x->rank < y->rank; });
    for (const auto* m : rows) {
        t.rows.push_back({m->code, m->name, static_cast<std::int64_t>(m->memberships),
                          static_cast<std::int64_t>(m->host_roles), m->board_seats, m->weighted_load,
                          m->load_per_10k_inhabitants ? Cell(*m->load_per_10k_inhabitants) : Cell{},
                          static_cast<std::int64_t>(m->rank)});
    }
    return t;
}

Table arrangement_table(const LoadResult& r) {
    Table t;
    t.name = "load_arrangement";
    t.columns = {
        {"id", "arrangement id"},
        {"name", "arrangement name"},
        {"form", "form of cooperation"},
        {"members", "member municipalities"},
        {"coordination_pairs", "member pairs n(n-1)/2"},
        {"meetings_per_year", "meetings per year for its form (weights file)"},
    };
    std::vector<const ArrangementLoad*> rows;
    for (const auto& a : r.arrangements) rows.push_back(&a);
    std::sort(rows.begin(), rows.end(), [](auto* x, auto* y) {
        if (x->coordination_pairs != y->coordination_pairs) return x->coordination_pairs > y->coordination_pairs;
        return x->id < y->id;
    });
    for (const auto* a : rows)
        t.rows.push_back({a->id, a->name, a->form, static_cast<std::int64_t>(a->members), a->coordination_pairs,
                          a->meetings_per_year});
    return t;
}

}  // namespace regionet::analysis
