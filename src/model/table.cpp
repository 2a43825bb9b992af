#include "model/table.hpp"

#include "model/error.hpp"

namespace regionet {

std::size_t Table::column_index(const std::string& column) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == column) return i;
    throw Error("table '" + name + "' has no column '" + column + "'");
}

}  // namespace regionet
