#pragma once
// How complete the data are, for the report's methods section (issue 13):
// per province how many municipalities take part in any cooperation
// arrangement and in how many a municipality typically takes part (registers
// differ by province, so a low figure may be thin data, not little
// cooperation), and how many forms and domains were not stated by the source
// but inferred at import (Arrangement::form_basis / domain_basis non-empty).
//
// Input: the dataset under the cooperation scope (analysis/scope.hpp), so
// regions of divisions, second registrations and ended bodies are not counted.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

// Arrangements reported per province: how complete the register looks there.
struct ProvinceCoverage {
    std::string province;
    std::size_t municipalities = 0;
    std::size_t with_cooperation = 0;   // municipalities in at least one cooperation arrangement
    std::size_t arrangements = 0;       // cooperation arrangements with at least one member in the province
    double median_per_municipality = 0.0;  // arrangements per municipality of the province
};

// Sorted by province name; municipalities without a province left out.
std::vector<ProvinceCoverage> province_coverage(const Dataset& cooperation);

// Arrangements whose form or domain was inferred on one basis ("name",
// "legal_basis", "purpose", "none" = could not be inferred, ...).
struct InferredCount {
    std::string basis;
    std::size_t arrangements = 0;
};

struct Coverage {
    std::vector<ProvinceCoverage> provinces;
    std::size_t municipalities = 0;
    std::size_t with_cooperation = 0;   // in at least one cooperation arrangement
    std::size_t arrangements = 0;       // cooperation arrangements
    // Provinces with the lowest and the highest median (ties: first by name);
    // empty when there are no provinces.
    std::optional<std::size_t> thinnest;
    std::optional<std::size_t> richest;
    std::size_t forms_inferred = 0;     // form_basis non-empty
    std::vector<InferredCount> form_bases;    // by basis, sorted by basis
    std::size_t domains_inferred = 0;   // domain_basis non-empty
    std::vector<InferredCount> domain_bases;
};

Coverage coverage(const Dataset& cooperation);

// "coverage_provinces": province, municipalities, with_cooperation,
// arrangements, median_per_municipality.
Table to_table(const Coverage& coverage);

}  // namespace regionet::analysis
