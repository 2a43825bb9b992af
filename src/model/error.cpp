#include "model/error.hpp"

namespace regionet {

std::string SourceLoc::str() const {
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
