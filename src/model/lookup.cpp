#include "model/lookup.hpp"

#include <string>

#include "model/error.hpp"
#include "model/text.hpp"

namespace regionet {

std::size_t find_municipality_by_key(const Dataset& d, std::string_view key) {
    if (auto m = d.municipality_index(key)) return *m;
    const auto wanted = lower(key);
    for (std::size_t i = 0; i < d.municipalities.size(); ++i)
        if (lower(d.municipalities[i].name) == wanted) return i;
    throw UsageError("no municipality '" + std::string(key) + "' in dataset " + d.name + " (give a code or exact name)");
}

std::size_t find_arrangement_by_key(const Dataset& d, std::string_view key) {
    if (auto a = d.arrangement_index(key)) return *a;
    const auto wanted = lower(key);
    for (std::size_t i = 0; i < d.arrangements.size(); ++i)
        if (lower(d.arrangements[i].name) == wanted) return i;
    throw UsageError("no arrangement '" + std::string(key) + "' in dataset " + d.name + " (give an id or exact name)");
}

}  // namespace regionet
