#include "analysis/services.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace regionet::analysis {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool has_word(const std::string& text, std::string_view word) {
    const auto t = lower(text);
    for (auto pos = t.find(word); pos != std::string::npos; pos = t.find(word, pos + 1)) {
        const auto before = pos == 0 ? ' ' : t[pos - 1];
        const auto u = static_cast<unsigned char>(before);
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80)) return true;
    }
    return false;
}

std::string name_of(const Dataset& d, std::size_t m) {
    const auto& x = d.municipalities[m];
    return x.name.empty() ? x.code : x.name;
}

// The links of one arrangement, by the first source that applies.
void links_of(const Dataset& d, std::size_t ai, std::vector<ServiceLink>& out, std::vector<std::string>& unresolved) {
    const auto& a = d.arrangements[ai];
    std::vector<std::size_t> hosts, clients, others;
    for (auto k : d.members_of_arrangement()[ai]) {
        const auto& ms = d.memberships[k];
        if (ms.role == Role::host) hosts.push_back(ms.municipality);
        else if (ms.role == Role::client) clients.push_back(ms.municipality);
        else others.push_back(ms.municipality);
    }
    auto emit = [&](const std::vector<std::size_t>& providers, const std::vector<std::size_t>& receivers,
                    const std::string& reason) {
        for (auto p : providers)
            for (auto c : receivers)
                if (p != c) out.push_back({ai, p, c, reason});
    };
    if (!hosts.empty()) {
        if (!clients.empty()) emit(hosts, clients, "role host -> role client");
        else emit(hosts, others, "role host -> members");
        return;
    }
    auto all_but = [&](std::size_t p) {
        std::vector<std::size_t> r;
        for (auto k : d.members_of_arrangement()[ai])
            if (d.memberships[k].municipality != p) r.push_back(d.memberships[k].municipality);
        return r;
    };
    auto is_member = [&](std::size_t m) {
        for (auto k : d.members_of_arrangement()[ai])
            if (d.memberships[k].municipality == m) return true;
        return false;
    };
    if (!a.host.empty()) {
        if (auto h = d.municipality_index(a.host); h && is_member(*h)) {
            emit({*h}, all_but(*h), "host = " + a.host);
            return;
        }
    }
    if (!a.registrar.empty() && is_centrum_arrangement(a)) {
        const auto r = resolve_registrar(d, a.registrar);
        if (r && is_member(*r)) {
            const std::string why = !a.form.empty() && !has_word(a.name, "centrumregeling") &&
                                            !has_word(a.name, "centrumgemeente")
                                        ? "form " + a.form
                                        : "name";
            emit({*r}, all_but(*r), "registrar = " + a.registrar + " of a centrum arrangement (" + why + ")");
        } else {
            unresolved.push_back(a.id);
        }
    }
}

}  // namespace

bool is_centrum_arrangement(const Arrangement& a) {
    static const std::set<std::string> forms{"gr_centrumgemeente", "centrumgemeente", "regeling_zonder_meer",
                                             "gr_regeling_zonder_meer"};
    return forms.count(lower(a.form)) > 0 || has_word(a.name, "centrumregeling") || has_word(a.name, "centrumgemeente");
}

std::optional<std::size_t> resolve_registrar(const Dataset& d, const std::string& registrar) {
    if (auto i = d.municipality_index(registrar)) return i;
    const auto want = lower(registrar);
    for (std::size_t m = 0; m < d.municipalities.size(); ++m)
        if (lower(d.municipalities[m].code) == want) return m;
    std::string name = want;
    if (name.rfind("gemeente ", 0) == 0) name = name.substr(9);
    for (std::size_t m = 0; m < d.municipalities.size(); ++m)
        if (lower(d.municipalities[m].name) == name) return m;
    return std::nullopt;
}

ServicesResult services(const Dataset& d) {
    ServicesResult r;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& x = d.arrangements[a];
        if (x.is_region() || !x.duplicate_of.empty()) continue;
        links_of(d, a, r.links, r.unresolved_registrars);
    }
    std::sort(r.links.begin(), r.links.end(), [](const ServiceLink& x, const ServiceLink& y) {
        return std::tie(x.arrangement, x.provider, x.client) < std::tie(y.arrangement, y.provider, y.client);
    });
    r.links.erase(std::unique(r.links.begin(), r.links.end(),
                              [](const ServiceLink& x, const ServiceLink& y) {
                                  return x.arrangement == y.arrangement && x.provider == y.provider &&
                                         x.client == y.client;
                              }),
                  r.links.end());

    r.municipalities.resize(d.municipalities.size());
    std::vector<std::set<std::size_t>> serves(d.municipalities.size()), served_by(d.municipalities.size());
    std::vector<std::set<std::size_t>> arr_out(d.municipalities.size()), arr_in(d.municipalities.size());
    std::map<std::pair<std::size_t, std::size_t>, ServicePair> pairs;
    std::map<std::pair<std::size_t, std::size_t>, std::set<std::string>> pair_arrangements;
    for (const auto& l : r.links) {
        auto& p = r.municipalities[l.provider];
        auto& c = r.municipalities[l.client];
        ++p.provided;
        ++c.received;
        serves[l.provider].insert(l.client);
        served_by[l.client].insert(l.provider);
        arr_out[l.provider].insert(l.arrangement);
        arr_in[l.client].insert(l.arrangement);
        const auto key = std::minmax(l.provider, l.client);
        auto& pair = pairs[key];
        pair.a = key.first;
        pair.b = key.second;
        (l.provider == key.first ? pair.a_serves_b : pair.b_serves_a) += 1;
        pair_arrangements[key].insert(d.arrangements[l.arrangement].id);
    }
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        auto& x = r.municipalities[m];
        x.municipality = m;
        x.balance = static_cast<std::int64_t>(x.provided) - static_cast<std::int64_t>(x.received);
        x.serves = serves[m].size();
        x.served_by = served_by[m].size();
        x.arrangements_providing = arr_out[m].size();
        x.arrangements_receiving = arr_in[m].size();
    }
    for (auto& [key, pair] : pairs) {
        pair.arrangements.assign(pair_arrangements[key].begin(), pair_arrangements[key].end());
        r.pairs.push_back(std::move(pair));
    }
    std::sort(r.unresolved_registrars.begin(), r.unresolved_registrars.end());
    return r;
}

Table municipality_table(const Dataset& d, const ServicesResult& r) {
    Table t;
    t.name = "services";
    t.columns = {{"code", "municipality code"},
                 {"name", "municipality name"},
                 {"provided", "services provided: (arrangement, client) pairs it serves"},
                 {"received", "services received: (arrangement, provider) pairs serving it"},
                 {"balance", "provided - received"},
                 {"arrangements_providing", "arrangements in which it provides to others"},
                 {"arrangements_receiving", "arrangements in which others provide to it"},
                 {"serves", "distinct municipalities it serves"},
                 {"served_by", "distinct municipalities serving it"}};
    std::vector<const MunicipalityServices*> rows;
    for (const auto& m : r.municipalities)
        if (m.provided + m.received > 0) rows.push_back(&m);
    std::sort(rows.begin(), rows.end(), [&](auto* x, auto* y) {
        if (x->balance != y->balance) return x->balance > y->balance;
        return d.municipalities[x->municipality].code < d.municipalities[y->municipality].code;
    });
    for (const auto* m : rows) {
        const auto& x = d.municipalities[m->municipality];
        t.rows.push_back({x.code, x.name, static_cast<std::int64_t>(m->provided), static_cast<std::int64_t>(m->received),
                          m->balance, static_cast<std::int64_t>(m->arrangements_providing),
                          static_cast<std::int64_t>(m->arrangements_receiving), static_cast<std::int64_t>(m->serves),
                          static_cast<std::int64_t>(m->served_by)});
    }
    return t;
}

Table pair_table(const Dataset& d, const ServicesResult& r) {
    Table t;
    t.name = "services_pair";
    t.columns = {{"a", "municipality code (a < b)"},
                 {"a_name", "its name"},
                 {"b", "municipality code"},
                 {"b_name", "its name"},
                 {"a_serves_b", "arrangements in which a provides a service to b"},
                 {"b_serves_a", "arrangements in which b provides a service to a"},
                 {"direction", "reciprocal (both ways) or one-way"},
                 {"arrangements", "the arrangements (ids, comma-separated)"}};
    for (const auto& p : r.pairs) {
        std::string ids;
        for (const auto& id : p.arrangements) ids += (ids.empty() ? "" : ",") + id;
        t.rows.push_back({d.municipalities[p.a].code, d.municipalities[p.a].name, d.municipalities[p.b].code,
                          d.municipalities[p.b].name, static_cast<std::int64_t>(p.a_serves_b),
                          static_cast<std::int64_t>(p.b_serves_a),
                          std::string(p.reciprocal() ? "reciprocal" : "one-way"), ids});
    }
    return t;
}

Table link_table(const Dataset& d, const ServicesResult& r) {
    Table t;
    t.name = "services_link";
    t.columns = {{"arrangement", "arrangement id"},      {"arrangement_name", "arrangement name"},
                 {"provider", "municipality providing"}, {"provider_name", "its name"},
                 {"client", "municipality receiving"},   {"client_name", "its name"},
                 {"reason", "the data field that made the link"}};
    for (const auto& l : r.links)
        t.rows.push_back({d.arrangements[l.arrangement].id, d.arrangements[l.arrangement].name,
                          d.municipalities[l.provider].code, d.municipalities[l.provider].name,
                          d.municipalities[l.client].code, d.municipalities[l.client].name, l.reason});
    return t;
}

// ---- screening ---------------------------------------------------------------------------

bool is_tax_arrangement(const Arrangement& a) {
    if (a.is_region()) return false;
    if (lower(a.domain) == "belastingen" || has_word(a.name, "belasting")) return true;
    std::string_view rest = a.legal_basis;
    while (!rest.empty()) {
        const auto cut = rest.find(';');
        auto law = lower(rest.substr(0, cut));
        law.erase(0, law.find_first_not_of(' '));
        law.erase(law.find_last_not_of(' ') + 1);
        if (law == "wet woz" || law == "wet waardering onroerende zaken") return true;
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 1);
    }
    return false;
}

namespace {

// One finding when the links among `group` (municipality indexes, sorted)
// come from one provider only, in two or more arrangements.
void one_way(const Dataset& d, const ServicesResult& r, const std::vector<std::size_t>& group,
             const Arrangement* region, std::vector<Finding>& out) {
    std::set<std::size_t> providers, clients, arrangements;
    for (const auto& l : r.links)
        if (std::binary_search(group.begin(), group.end(), l.provider) &&
            std::binary_search(group.begin(), group.end(), l.client)) {
            providers.insert(l.provider);
            clients.insert(l.client);
            arrangements.insert(l.arrangement);
        }
    if (providers.size() != 1 || arrangements.size() < 2) return;
    const auto host = *providers.begin();
    Finding f;
    f.rule = "one_way_services";
    if (region) {
        f.arrangement = region->id;
        f.arrangement_name = region->name;
    } else {
        f.group_first = name_of(d, group.front());
        f.group_others = static_cast<std::int64_t>(group.size()) - 1;
    }
    f.subjects.push_back(d.municipalities[host].code);
    f.value = static_cast<double>(arrangements.size());
    f.names = {name_of(d, host)};
    f.arrangements = static_cast<std::int64_t>(arrangements.size());
    f.clients = static_cast<std::int64_t>(clients.size());
    out.push_back(std::move(f));
}

}  // namespace

void screen_tasks_and_services(const Dataset& d, const PracticeExtraOptions& o, std::vector<Finding>& out) {
    const auto r = services(d);
    bool divisions = false;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!d.arrangements[a].is_region()) continue;
        divisions = true;
        std::vector<std::size_t> group;
        for (auto k : d.members_of_arrangement()[a]) group.push_back(d.memberships[k].municipality);
        std::sort(group.begin(), group.end());
        one_way(d, r, group, &d.arrangements[a], out);
    }
    if (!divisions) {
        // Connected groups of the service relations (union-find over links).
        std::vector<std::size_t> parent(d.municipalities.size());
        std::iota(parent.begin(), parent.end(), 0);
        auto find = [&](std::size_t x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        for (const auto& l : r.links) parent[find(l.provider)] = find(l.client);
        std::map<std::size_t, std::vector<std::size_t>> groups;
        for (const auto& l : r.links) {
            groups[find(l.provider)].push_back(l.provider);
            groups[find(l.client)].push_back(l.client);
        }
        for (auto& [root, group] : groups) {
            std::sort(group.begin(), group.end());
            group.erase(std::unique(group.begin(), group.end()), group.end());
            one_way(d, r, group, nullptr, out);
        }
    }

    // Tax cooperation (Korsten): only where the data hold tax arrangements at all.
    std::vector<bool> in_tax(d.municipalities.size(), false);
    bool any_tax = false;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        if (!is_tax_arrangement(d.arrangements[a])) continue;
        any_tax = true;
        for (auto k : d.members_of_arrangement()[a]) in_tax[d.memberships[k].municipality] = true;
    }
    if (!any_tax) return;
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        const auto& x = d.municipalities[m];
        if (in_tax[m] || !x.population || *x.population > o.tax_max_population) continue;
        Finding f;
        f.rule = "tax_cooperation";
        f.subjects.push_back(x.code);
        f.value = static_cast<double>(*x.population);
        f.names = {name_of(d, m)};
        f.populations = {*x.population};
        out.push_back(std::move(f));
    }
}

}  // namespace regionet::analysis
