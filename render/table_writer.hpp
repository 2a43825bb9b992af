#pragma once
// Writes a result Table as an aligned terminal table, CSV or JSON. The CSV
// guards against spreadsheet formula injection (cells starting with = + - @
// are prefixed with a quote character, as OWASP recommends), except for
// numbers, which are written as numbers.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/table.hpp"

namespace regionet::render {

enum class Format { text, csv, json };
Format parse_format(std::string_view s);  // throws UsageError

void write_table(const Table& table, Format format, std::ostream& out);
void write_text(const Table& table, std::ostream& out);
void write_csv(const Table& table, std::ostream& out);
void write_json(const Table& table, std::ostream& out);

// Several result tables of one command: text shows each under its name, json
// an object keyed by table name, csv only the table named `only` (default the
// first; an unknown name is a UsageError).
std::string write_tables(const std::vector<const Table*>& tables, Format format, const std::string& only);

// Formats a cell for humans: doubles with 4 decimals, booleans yes/no, null empty.
std::string cell_text(const Cell& c);
// A CSV field: quoted when needed, formula-guarded for text cells.
std::string csv_field(const Cell& c);
std::string csv_escape(std::string_view text);
// Display width of UTF-8 text (code points; good enough for Latin scripts).
std::size_t display_width(std::string_view text);

}  // namespace regionet::render
