#include "analysis/history.hpp"

#include <algorithm>
#include <tuple>

namespace regionet::analysis {

HistoryResult history(const Dataset& d, const HistoryOptions& o) {
    HistoryResult r;
    r.from_year = o.from_year;
    int latest = o.from_year;
    for (const auto& a : d.arrangements) {
        if (a.is_region() || !a.start_year) continue;
        ++r.dated_arrangements;
        latest = std::max({latest, *a.start_year, a.end_year.value_or(latest)});
    }
    for (const auto& ms : d.memberships) {
        if (d.arrangements[ms.arrangement].is_region()) continue;
        if (ms.start_year || ms.end_year) ++r.dated_memberships;
        latest = std::max({latest, ms.start_year.value_or(latest), ms.end_year.value_or(latest)});
    }
    r.to_year = o.to_year.value_or(latest);
    if (r.to_year < r.from_year) r.to_year = r.from_year;
    for (int y = r.from_year; y <= r.to_year; ++y) r.years.push_back({y, 0, 0, 0, 0, 0});
    auto in_period = [&](const std::optional<int>& y) { return y && *y >= r.from_year && *y <= r.to_year; };
    auto slot = [&](int y) -> HistoryYear& { return r.years[static_cast<std::size_t>(y - r.from_year)]; };

    for (const auto& a : d.arrangements) {
        if (a.is_region() || !a.start_year) continue;
        if (in_period(a.start_year)) ++slot(*a.start_year).started;
        if (in_period(a.end_year)) ++slot(*a.end_year).ended;
        for (auto& y : r.years)
            if (*a.start_year <= y.year && (!a.end_year || y.year <= *a.end_year)) ++y.active;
    }

    // A membership "left" when it ended before its arrangement did.
    auto left_early = [&](const Membership& ms) {
        const auto& a = d.arrangements[ms.arrangement];
        return ms.end_year && (!a.end_year || *ms.end_year < *a.end_year);
    };
    std::vector<MunicipalityMoves> moves(d.municipalities.size());
    for (std::size_t m = 0; m < moves.size(); ++m) moves[m].municipality = m;
    for (const auto& ms : d.memberships) {
        if (d.arrangements[ms.arrangement].is_region()) continue;
        if (in_period(ms.start_year)) {
            ++slot(*ms.start_year).joined;
            ++moves[ms.municipality].joined;
        }
        if (left_early(ms) && in_period(ms.end_year)) {
            ++slot(*ms.end_year).left;
            ++moves[ms.municipality].left;
        }
        // A gap: left after the year before it, joined again in the year after it.
        for (const auto& [first, last] : ms.gaps) {
            if (in_period(first - 1)) ++slot(first - 1).left, ++moves[ms.municipality].left;
            if (in_period(last + 1)) ++slot(last + 1).joined, ++moves[ms.municipality].joined;
        }
    }
    auto top = [&](auto key) {
        std::vector<MunicipalityMoves> v;
        for (const auto& x : moves)
            if (key(x) > 0) v.push_back(x);
        std::sort(v.begin(), v.end(), [&](const auto& x, const auto& y) {
            if (key(x) != key(y)) return key(x) > key(y);
            return d.municipalities[x.municipality].code < d.municipalities[y.municipality].code;
        });
        if (v.size() > o.top) v.resize(o.top);
        return v;
    };
    r.most_joined = top([](const MunicipalityMoves& x) { return x.joined; });
    r.most_left = top([](const MunicipalityMoves& x) { return x.left; });

    // Knipperlicht: left one and rejoined the same one (a membership with a gap), or
    // left one and later joined another of the same domain (the first such).
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        const auto& mine = d.memberships_of_municipality()[m];
        for (auto k : mine) {
            const auto& out = d.memberships[k];
            const auto& a = d.arrangements[out.arrangement];
            if (!a.is_region())
                for (const auto& [first, last] : out.gaps)
                    if (in_period(first - 1)) r.rejoins.push_back({m, out.arrangement, first - 1, out.arrangement, last + 1});
            if (a.is_region() || !left_early(out) || !in_period(out.end_year)) continue;
            const Membership* best = nullptr;
            for (auto j : mine) {
                const auto& in = d.memberships[j];
                const auto& b = d.arrangements[in.arrangement];
                if (j == k || b.is_region() || !in.start_year || *in.start_year <= *out.end_year) continue;
                if (b.domain != a.domain || a.domain == "overig" || a.domain.empty()) continue;
                if (!best || std::tie(*in.start_year, b.id) < std::tie(*best->start_year, d.arrangements[best->arrangement].id))
                    best = &in;
            }
            if (best) r.rejoins.push_back({m, out.arrangement, *out.end_year, best->arrangement, *best->start_year});
        }
    }
    std::sort(r.rejoins.begin(), r.rejoins.end(), [&](const Rejoin& x, const Rejoin& y) {
        return std::tie(d.municipalities[x.municipality].code, x.left_year, d.arrangements[x.left_arrangement].id) <
               std::tie(d.municipalities[y.municipality].code, y.left_year, d.arrangements[y.left_arrangement].id);
    });
    return r;
}

}  // namespace regionet::analysis
