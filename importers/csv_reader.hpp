#pragma once
// A strict, forgiving-where-it-matters CSV reader for what Dutch users export:
// comma or semicolon (detected from the header line), UTF-8 with or without
// BOM, CRLF or LF, RFC 4180 quoting. Anything else (UTF-16, Latin-1, NUL
// bytes, unterminated quotes, fields beyond the limits) is an ImportError that
// names file, line and column.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace regionet::csv {

struct Limits {
    std::size_t max_field_bytes = 1 << 20;           // 1 MiB: no name or code is longer
    std::size_t max_columns = 1000;
    std::size_t max_input_bytes = std::size_t(1) << 31;  // 2 GiB
};

struct Record {
    std::vector<std::string> fields;
    std::vector<std::size_t> lines;      // line on which each field starts
    std::size_t line = 0;                // line on which the record starts
};

class Reader {
public:
    // Reads the whole stream; delimiter 0 means: detect from the header line.
    Reader(std::istream& in, std::string file, char delimiter = 0, Limits limits = {});
    Reader(std::string text, std::string file, char delimiter = 0, Limits limits = {});

    const std::string& file() const noexcept { return m_file; }
    char delimiter() const noexcept { return m_delimiter; }
    const std::vector<std::string>& header() const noexcept { return m_header; }
    std::size_t header_line() const noexcept { return m_header_line; }

    // Index of a header name, compared case-insensitively after trimming.
    std::optional<std::size_t> find(std::string_view name) const;
    // As find(), but a missing column is an ImportError on the header line.
    std::size_t require(std::string_view name) const;

    // The lines not yet read: no fewer than the records left.
    std::size_t lines_left() const;

    // Next non-blank record; false at the end. Short records are padded with
    // empty fields; a record longer than the header is an error.
    bool next(Record& record);

    SourceLoc at(const Record& r, std::size_t column) const {
        return {m_file, column < r.lines.size() ? r.lines[column] : r.line, column + 1};
    }
    SourceLoc at_line(std::size_t line) const { return {m_file, line, 0}; }

private:
    void start();
    bool parse_record(Record& r);
    [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const;

    std::string m_file;
    std::string m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    char m_delimiter;
    Limits m_limits;
    std::vector<std::string> m_header;
    std::size_t m_header_line = 1;
};

// Value parsing with the column's name in every message.
// decimal_comma: accept "12,5" (semicolon files in Dutch locale).
std::optional<std::int64_t> parse_int(std::string_view field, const SourceLoc& at, std::string_view column,
                                      std::int64_t min, std::int64_t max);
std::optional<double> parse_real(std::string_view field, const SourceLoc& at, std::string_view column,
                                 bool decimal_comma, double min, double max);
std::optional<int> parse_year(std::string_view field, const SourceLoc& at, std::string_view column);

std::string trim(std::string_view s);
std::string lower_ascii(std::string_view s);

// Checks that text is valid UTF-8; returns the byte offset of the first bad byte.
std::optional<std::size_t> invalid_utf8(std::string_view text);

}  // namespace regionet::csv
