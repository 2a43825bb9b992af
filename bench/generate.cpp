#include "generate.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "model/error.hpp"

namespace regionet::bench {

Scale scale(const std::string& name) {
    if (name == "nl") return {"nl", 342, 1500, 8500};
    if (name == "de") return {"de", 11000, 48000, 276000};
    if (name == "eu") return {"eu", 100000, 400000, 2500000};
    if (name == "import") return {"import", 4000, 17500, 100000};
    throw UsageError("unknown scale '" + name + "'; expected nl, de, eu or import");
}

namespace {

std::string padded(const char* prefix, std::size_t i, int width) {
    std::string digits = std::to_string(i);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return prefix + digits;
}

const std::vector<std::string> k_domains{"veiligheid", "gezondheid", "sociaal", "afval",  "belastingen", "ict",
                                         "inkoop",     "p&o",        "economie", "mobiliteit", "wonen",   "milieu"};

// Uniform grid over the unit square of side `side` for nearest-neighbour queries.
class Grid {
public:
    Grid(const std::vector<double>& x, const std::vector<double>& y, double side)
        : m_x(x), m_y(y), m_cells(std::max<std::size_t>(1, static_cast<std::size_t>(std::sqrt(x.size() / 4.0)))),
          m_cell(side / static_cast<double>(m_cells)), m_bucket(m_cells * m_cells) {
        for (std::size_t i = 0; i < x.size(); ++i) m_bucket[cell(x[i]) * m_cells + cell(y[i])].push_back(i);
    }
    // At least `want` municipalities nearest to i (approximately: whole rings).
    std::vector<std::size_t> near(std::size_t i, std::size_t want) const {
        const auto cx = static_cast<long>(cell(m_x[i])), cy = static_cast<long>(cell(m_y[i]));
        std::vector<std::size_t> out;
        const long n = static_cast<long>(m_cells);
        for (long r = 0; out.size() < want + 1 && r <= n; ++r) {
            for (long gx = cx - r; gx <= cx + r; ++gx)
                for (long gy = cy - r; gy <= cy + r; ++gy) {
                    if (std::max(std::labs(gx - cx), std::labs(gy - cy)) != r) continue;
                    if (gx < 0 || gy < 0 || gx >= n || gy >= n) continue;
                    for (auto j : m_bucket[static_cast<std::size_t>(gx * n + gy)]) out.push_back(j);
                }
        }
        std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return dist2(i, a) < dist2(i, b); });
        return out;  // out[0] == i
    }

private:
    std::size_t cell(double v) const {
        return std::min(m_cells - 1, static_cast<std::size_t>(std::max(0.0, v) / m_cell));
    }
    double dist2(std::size_t a, std::size_t b) const {
        const double dx = m_x[a] - m_x[b], dy = m_y[a] - m_y[b];
        return dx * dx + dy * dy;
    }
    const std::vector<double>& m_x;
    const std::vector<double>& m_y;
    std::size_t m_cells;
    double m_cell;
    std::vector<std::vector<std::size_t>> m_bucket;
};

}  // namespace

Dataset generate(const Scale& s, unsigned long seed) {
    std::mt19937_64 rng(seed);
    Dataset d;
    d.name = "bench-" + s.name;
    d.source = "regionet bench generator (synthetic), seed " + std::to_string(seed);
    d.reference_date = "2024";
    const std::size_t M = s.municipalities;
    const double side = std::sqrt(static_cast<double>(M));  // about one municipality per unit square

    // Municipalities: uniform positions, provinces as grid blocks, lognormal population.
    const std::size_t provinces = std::clamp<std::size_t>(M / 30, 12, 400);
    const auto pgrid = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(provinces))));
    std::uniform_real_distribution<double> coord(0.0, side);
    std::lognormal_distribution<double> pop(std::log(25000.0), 0.9);
    std::vector<double> x(M), y(M);
    d.municipalities.reserve(M);
    for (std::size_t i = 0; i < M; ++i) {
        x[i] = coord(rng);
        y[i] = coord(rng);
        const auto px = std::min(pgrid - 1, static_cast<std::size_t>(x[i] / side * static_cast<double>(pgrid)));
        const auto py = std::min(pgrid - 1, static_cast<std::size_t>(y[i] / side * static_cast<double>(pgrid)));
        Municipality m;
        m.code = padded("GM", i, 6);
        m.name = "Gemeente " + std::to_string(i);
        m.province = padded("Provincie ", px * pgrid + py, 3);
        m.population = std::max<std::int64_t>(1000, static_cast<std::int64_t>(pop(rng)));
        m.lat = 50.75 + y[i] / side * 2.8;   // a box the size of the Netherlands, stretched with the scale
        m.lon = 3.35 + x[i] / side * 3.9;
        d.municipalities.push_back(std::move(m));
    }
    const Grid grid(x, y, side);

    std::size_t next_id = 0;
    std::size_t used = 0;
    auto add = [&](Arrangement a, const std::vector<std::size_t>& members, bool host_first, bool seats) {
        a.id = padded("A", next_id++, 7);
        if (host_first && !members.empty()) a.host = d.municipalities[members[0]].code;
        for (std::size_t k = 0; k < members.size(); ++k) {
            Membership ms;
            ms.arrangement_id = a.id;
            ms.municipality_code = d.municipalities[members[k]].code;
            if (host_first && k == 0) ms.role = Role::host;
            if (seats) ms.board_seats = 1;
            d.memberships.push_back(std::move(ms));
        }
        used += members.size();
        d.arrangements.push_back(std::move(a));
    };

    // Three regional divisions: partitions by shifted square grids of different sizes.
    struct Division { const char* name; const char* domain; double regions; };
    for (const auto& div : {Division{"veiligheidsregio", "veiligheid", M / 14.0}, Division{"ggdregio", "gezondheid", M / 13.0},
                            Division{"arbeidsmarktregio", "sociaal", M / 9.0}}) {
        const double cell = side / std::max(1.0, std::round(std::sqrt(div.regions)));
        std::uniform_real_distribution<double> shift(0.0, cell);
        const double ox = shift(rng), oy = shift(rng);
        const auto per_row = static_cast<std::size_t>(side / cell) + 2;
        std::vector<std::vector<std::size_t>> regions(per_row * per_row);
        for (std::size_t i = 0; i < M; ++i)
            regions[static_cast<std::size_t>((x[i] + ox) / cell) * per_row + static_cast<std::size_t>((y[i] + oy) / cell)]
                .push_back(i);
        std::size_t k = 0;
        for (const auto& members : regions) {
            if (members.empty()) continue;
            Arrangement a;
            a.name = std::string(div.name) + " " + std::to_string(++k);
            a.domain = div.domain;
            a.form = "regional_division";
            a.division = div.name;
            add(std::move(a), members, false, false);
        }
    }

    // A few national arrangements of hundreds of members (VNG-like networks).
    const std::size_t nationals = std::max<std::size_t>(3, s.arrangements / 500);
    std::uniform_int_distribution<std::size_t> national_size(std::min<std::size_t>(M, 200), std::min<std::size_t>(M, 600));
    std::vector<std::size_t> all(M);
    for (std::size_t i = 0; i < M; ++i) all[i] = i;
    for (std::size_t k = 0; k < nationals; ++k) {
        const auto n = national_size(rng);
        std::vector<std::size_t> members;
        std::sample(all.begin(), all.end(), std::back_inserter(members), n, rng);
        Arrangement a;
        a.name = "Landelijk netwerk " + std::to_string(k + 1);
        a.domain = k_domains[k % k_domains.size()];
        a.form = "vereniging";
        add(std::move(a), members, false, false);
    }

    // Ordinary arrangements of neighbours. The share of medium-sized ones (6-30)
    // is set so that the memberships land near the target.
    const std::size_t remaining = s.arrangements > next_id ? s.arrangements - next_id : 0;
    const double budget = static_cast<double>(s.memberships > used ? s.memberships - used : 0);
    const double mean_needed = remaining ? budget / static_cast<double>(remaining) : 0.0;
    const double medium_share = std::clamp((mean_needed - 3.1) / (18.0 - 3.1), 0.0, 0.6);
    std::discrete_distribution<int> small_size({0, 0, 40, 25, 20, 15});  // 2..5
    std::uniform_int_distribution<std::size_t> medium_size(6, 30);
    std::bernoulli_distribution is_medium(medium_share);
    std::bernoulli_distribution is_duplicate(0.05);
    std::bernoulli_distribution has_end(0.15);
    std::uniform_int_distribution<std::size_t> pick_m(0, M - 1);
    std::uniform_int_distribution<int> year(1985, 2022);
    const std::vector<const char*> small_forms{"gr_openbaar_lichaam", "gr_regeling_zonder_meer", "convenant",
                                               "gr_centrumgemeente", "ssc", "ambtelijke_fusie", "stichting"};
    std::vector<std::vector<std::size_t>> made;  // member sets of ordinary arrangements, for duplicates
    std::vector<std::string> made_domain;
    for (std::size_t k = 0; k < remaining; ++k) {
        Arrangement a;
        a.name = "Samenwerking " + std::to_string(k + 1);
        std::vector<std::size_t> members;
        if (!made.empty() && is_duplicate(rng)) {
            // A near-duplicate: same domain, the same members give or take one.
            std::uniform_int_distribution<std::size_t> which(0, made.size() - 1);
            const auto w = which(rng);
            members = made[w];
            a.domain = made_domain[w];
            if (members.size() > 3 && has_end(rng)) members.pop_back();
            a.name += " (bis)";
        } else {
            const std::size_t n = is_medium(rng) ? medium_size(rng) : static_cast<std::size_t>(small_size(rng));
            const auto seed_m = pick_m(rng);
            auto near = grid.near(seed_m, n * 2);
            members.push_back(seed_m);
            // Take the rest from the 2n nearest, at random: neighbours, not always the closest.
            std::vector<std::size_t> pool(near.begin() + 1, near.begin() + static_cast<long>(std::min(near.size(), 2 * n)));
            std::shuffle(pool.begin(), pool.end(), rng);
            for (std::size_t j = 0; j < pool.size() && members.size() < n; ++j) members.push_back(pool[j]);
            a.domain = k_domains[std::uniform_int_distribution<std::size_t>(0, k_domains.size() - 1)(rng)];
        }
        a.form = members.size() <= 3 ? small_forms[k % small_forms.size()] : small_forms[k % 3];
        a.start_year = year(rng);
        if (has_end(rng)) a.end_year = std::min(2024, *a.start_year + 1 + static_cast<int>(k % 12));
        const bool host = std::string_view(a.form) == "gr_centrumgemeente";
        if (host) {  // the largest member hosts
            auto big = std::max_element(members.begin(), members.end(), [&](std::size_t p, std::size_t q) {
                return *d.municipalities[p].population < *d.municipalities[q].population;
            });
            std::iter_swap(members.begin(), big);
        }
        made.push_back(members);
        made_domain.push_back(a.domain);
        const bool seats = std::string_view(a.form) == "gr_openbaar_lichaam";
        add(std::move(a), members, host, seats);
    }
    d.reindex();
    return d;
}

}  // namespace regionet::bench
