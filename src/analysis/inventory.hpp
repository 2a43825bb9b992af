#pragma once
// The regional inventory (issue 17): which part of a dataset goes into the
// workbook a region fills in, and where an arrangement came from (the
// register a dataset was built from, or the inventory merged onto it).
#include <string>
#include <vector>

#include "model/model.hpp"

namespace regionet::analysis {

// The municipalities given (codes), every arrangement any of them is in, the
// arrangements those point at (body_of, duplicate_of), the municipalities
// hosting them (so every reference resolves in the workbook), the memberships
// of the given municipalities and the participants of those arrangements.
// Throws UsageError for a code not in the dataset.
Dataset inventory_subset(const Dataset& dataset, const std::vector<std::string>& codes);

enum class Origin { register_, inventory, unknown };

// inventory: source starts with "inventaris" (what merging an inventory writes);
// register: any other source; unknown: no source.
Origin origin_of(const Arrangement& arrangement);

// Arrangement ids by origin, sorted, for the report.
struct Origins {
    std::vector<std::string> register_;
    std::vector<std::string> inventory;
    std::vector<std::string> unknown;
};
Origins origins(const Dataset& dataset);

}  // namespace regionet::analysis
