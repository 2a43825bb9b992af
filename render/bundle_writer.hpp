#pragma once
// Writes a Dataset as a canonical CSV bundle (the format the bundle importer
// reads), so that export then import reproduces the same content exactly.
// Text that a spreadsheet would run as a formula is prefixed with an
// apostrophe, which the bundle importer removes again.
#include <map>
#include <string>

#include "model/model.hpp"

namespace regionet::render {

// File name -> content, for the files this dataset needs.
std::map<std::string, std::string> bundle_files(const Dataset& dataset);

// Shortest text that reads back as exactly the same double.
std::string exact_number(double v);

// GraphML of the bipartite municipality-arrangement graph with attributes.
std::string graphml(const Dataset& dataset);

}  // namespace regionet::render
