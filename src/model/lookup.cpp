#include "model/lookup.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/text.hpp"

namespace regionet {

namespace {

// The one row whose name is `key` (any case). A name that several rows share
// ("Groningen" is a province, a safety region, a GGD region, ... in nl-2026)
// is refused with the candidates' keys: picking one would answer for a region
// the user did not mean.
template <class Rows, class Describe>
std::size_t unique_by_name(const Rows& rows, std::string_view key, const std::string& what, const std::string& whats,
                           const std::string& dataset, const std::string& hint, Describe describe) {
    const auto wanted = lower(key);
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (lower(rows[i].name) == wanted) found.push_back(i);
    if (found.size() == 1) return found.front();
    if (found.empty())
        throw UsageError("no " + what + " '" + std::string(key) + "' in dataset " + dataset + " (give " + hint + ")");
    std::string listed;
    const std::size_t shown = std::min<std::size_t>(found.size(), 12);
    for (std::size_t k = 0; k < shown; ++k) listed += (k ? ", " : "") + describe(rows[found[k]]);
    if (shown < found.size()) listed += ", ...";
    throw UsageError("'" + std::string(key) + "' names " + std::to_string(found.size()) + " " + whats + " in dataset " +
                     dataset + "; give one by its key: " + listed);
}

}  // namespace

std::size_t find_municipality_by_key(const Dataset& d, std::string_view key) {
    if (auto m = d.municipality_index(key)) return *m;
    return unique_by_name(d.municipalities, key, "municipality", "municipalities", d.name, "a code or exact name",
                          [](const Municipality& m) { return m.code + " (" + m.province + ")"; });
}

std::size_t find_arrangement_by_key(const Dataset& d, std::string_view key) {
    if (auto a = d.arrangement_index(key)) return *a;
    return unique_by_name(d.arrangements, key, "arrangement", "arrangements", d.name, "an id or exact name", [](const Arrangement& a) {
        return a.id + " (" + (a.division.empty() ? a.form : a.division) + ")";
    });
}

}  // namespace regionet
