#include "model/error.hpp"

namespace regionet {

std::string column_letters(std::size_t column) {
    std::string letters;
    for (; column > 0; column = (column - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    return letters;
}

std::string SourceLoc::table() const {
    std::string s = file;
    if (!sheet.empty()) {
        s += ':';
        s += sheet;
    }
    return s;
}

std::string SourceLoc::str() const {
    if (!sheet.empty()) {
        // A cell as spreadsheet users write it (memberships!C14); a row alone as memberships!14.
        std::string s = table();
        if (line > 0) {
            s += '!';
            s += column_letters(column);
            s += std::to_string(line);
        }
        return s;
    }
    // Appended piece by piece: `":" + std::to_string(n)` makes GCC 12 -O2 warn a
    // false -Wrestrict inside <string> (GCC bug 105329), a wall of text on a first build.
    std::string s = file;
    if (line > 0) {
        s += ':';
        s += std::to_string(line);
        if (column > 0) {
            s += ':';
            s += std::to_string(column);
        }
    }
    return s;
}

ImportError::ImportError(SourceLoc at, const std::string& message)
    : Error(at.str() + ": " + message), m_where(std::move(at)), m_reason(message) {}

}  // namespace regionet
