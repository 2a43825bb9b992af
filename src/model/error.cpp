#include "model/error.hpp"

namespace regionet {

std::string SourceLoc::str() const {
    std::string s = file;
    if (line > 0) {
        s += ":" + std::to_string(line);
        if (column > 0) s += ":" + std::to_string(column);
    }
    return s;
}

ImportError::ImportError(SourceLoc at, const std::string& message)
    : Error(at.str() + ": " + message), m_where(std::move(at)), m_reason(message) {}

}  // namespace regionet
