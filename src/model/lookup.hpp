#pragma once
// Finding a municipality or an arrangement by what a user types: the code (or
// id) exactly, else the name ignoring ASCII case. One rule for every command.
#include <cstddef>
#include <string_view>

#include "model/model.hpp"

namespace regionet {

// Index into dataset.municipalities; throws UsageError naming the dataset.
std::size_t find_municipality_by_key(const Dataset& dataset, std::string_view code_or_name);
// Index into dataset.arrangements; throws UsageError naming the dataset.
std::size_t find_arrangement_by_key(const Dataset& dataset, std::string_view id_or_name);

}  // namespace regionet
