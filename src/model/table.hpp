#pragma once
// A result table: what analysis passes produce and renderers and the store
// consume. Column names are the stable, documented names of the CLI's
// --format csv/json output and of the result_* tables in SQLite.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace regionet {

using Cell = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

struct Column {
    std::string name;
    std::string description;
};

struct Table {
    std::string name;                    // "overlap", "load_municipality", ...
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;

    std::size_t column_index(const std::string& column) const;  // throws Error if absent
};

}  // namespace regionet
