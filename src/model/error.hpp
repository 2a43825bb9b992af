#pragma once
// The error hierarchy. Only src/app/main.cpp catches: it maps UsageError to
// exit status 2 and every other Error to 1.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace regionet {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A wrong command line: unknown option, missing argument, ambiguous dataset.
class UsageError : public Error {
public:
    using Error::Error;
};

// Where in a user's file something was found. line and column are 1-based;
// 0 means "not applicable" (a whole-file problem, or a column-free one).
// In a workbook, sheet names the sheet, line is the row and column the
// spreadsheet column: str() gives "inv.xlsx:memberships!C14".
struct SourceLoc {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string sheet{};  // a default initializer: {file, line} stays warning-free

    std::string str() const;    // "file:line:column" or "file:sheet!C14", omitting zero parts
    std::string table() const;  // "file" or "file:sheet": what import counts are kept by
};

// Spreadsheet column letters: 1 -> A, 27 -> AA.
std::string column_letters(std::size_t column);

// Bad input data. what() reads "members.csv:2:3: unknown municipality 'GM9999'".
class ImportError : public Error {
public:
    ImportError(SourceLoc at, const std::string& message);
    const SourceLoc& where() const noexcept { return m_where; }
    const std::string& reason() const noexcept { return m_reason; }

private:
    SourceLoc m_where;
    std::string m_reason;
};

class DbError : public Error {
public:
    using Error::Error;
};

class RenderError : public Error {
public:
    using Error::Error;
};

}  // namespace regionet
