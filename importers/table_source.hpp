#pragma once
// A table the bundle importer validates row by row: a CSV file of a bundle or
// a sheet of a workbook. The same validation code reads both, so a workbook
// gives the same messages as a bundle, located by sheet and cell instead of
// line and column.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/csv_reader.hpp"
#include "model/error.hpp"

namespace regionet {

class TableSource {
public:
    virtual ~TableSource() = default;

    // The name in notices and import counts: "memberships.csv", "inv.xlsx:memberships".
    virtual const std::string& name() const noexcept = 0;
    // How messages refer to another table of the same input: "municipalities.csv" or
    // "sheet municipalities".
    virtual std::string refer_to(std::string_view table) const = 0;
    virtual const std::vector<std::string>& header() const noexcept = 0;
    // Index of a header name, compared case-insensitively after trimming.
    virtual std::optional<std::size_t> find(std::string_view name) const = 0;
    // As find(), but a missing column is an ImportError on the header row.
    virtual std::size_t require(std::string_view name) const = 0;
    // Next non-blank row, padded to the header's width; false at the end.
    virtual bool next(csv::Record& record) = 0;
    virtual SourceLoc at(const csv::Record& r, std::size_t column) const = 0;
    virtual SourceLoc at_row(std::size_t line) const = 0;

    // "12,5" is a number: semicolon CSV files (Dutch locale) and text typed in a sheet.
    virtual bool decimal_comma() const noexcept = 0;
    // A leading apostrophe before = + - @ ' is the CSV formula guard that export writes.
    virtual bool formula_guard() const noexcept = 0;
    // A date as ISO text: a sheet's date cell or serial number becomes 2024-03-01.
    virtual std::string date(std::string value) const { return value; }
};

// A CSV file of a bundle.
class CsvTable final : public TableSource {
public:
    explicit CsvTable(csv::Reader& reader) : m_reader(reader) {}
    const std::string& name() const noexcept override { return m_reader.file(); }
    std::string refer_to(std::string_view table) const override { return std::string(table) + ".csv"; }
    const std::vector<std::string>& header() const noexcept override { return m_reader.header(); }
    std::optional<std::size_t> find(std::string_view n) const override { return m_reader.find(n); }
    std::size_t require(std::string_view n) const override { return m_reader.require(n); }
    bool next(csv::Record& r) override { return m_reader.next(r); }
    SourceLoc at(const csv::Record& r, std::size_t column) const override { return m_reader.at(r, column); }
    SourceLoc at_row(std::size_t line) const override { return m_reader.at_line(line); }
    bool decimal_comma() const noexcept override { return m_reader.delimiter() == ';'; }
    bool formula_guard() const noexcept override { return true; }

private:
    csv::Reader& m_reader;
};

}  // namespace regionet
