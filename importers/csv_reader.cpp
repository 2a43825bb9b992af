#include "importers/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iomanip>
#include <iterator>
#include <sstream>

namespace regionet::csv {

namespace {

// A limit as people write it: 90, 0.5, 1e+15 (std::to_string gives 90.000000).
std::string limit_text(double v) {
    std::ostringstream s;
    s << std::setprecision(15) << v;
    return s.str();
}

std::string describe_byte(unsigned char c) {
    static const char* hex = "0123456789ABCDEF";
    return std::string("0x") + hex[c >> 4] + hex[c & 15];
}

}  // namespace

std::string trim(std::string_view s) {
    const auto ws = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t b = 0, e = s.size();
    while (b < e && ws(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && ws(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<std::size_t> invalid_utf8(std::string_view t) {
    std::size_t i = 0;
    const std::size_t n = t.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(t[i]);
        std::size_t len;
        std::uint32_t cp;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto d = static_cast<unsigned char>(t[i + k]);
            if ((d & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (d & 0x3F);
        }
        // Overlong forms, surrogates and values beyond Unicode are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::nullopt;
}

Reader::Reader(std::istream& in, std::string file, char delimiter, Limits limits)
    : m_file(std::move(file)), m_delimiter(delimiter), m_limits(limits) {
    std::string text;
    // Room for the whole file when the stream knows its size (a file does):
    // a 100 MB file would otherwise be copied at every doubling.
    if (const auto begin = in.tellg(); begin >= 0 && in.seekg(0, std::ios::end)) {
        const auto end = in.tellg();
        in.seekg(begin);
        if (end > begin && static_cast<std::size_t>(end - begin) <= m_limits.max_input_bytes)
            text.reserve(static_cast<std::size_t>(end - begin));
    }
    in.clear();
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > m_limits.max_input_bytes)
            fail(0, 0, "file is larger than the limit of " + std::to_string(m_limits.max_input_bytes) + " bytes");
    }
    m_text = std::move(text);
    start();
}

Reader::Reader(std::string text, std::string file, char delimiter, Limits limits)
    : m_file(std::move(file)), m_text(std::move(text)), m_delimiter(delimiter), m_limits(limits) {
    if (m_text.size() > m_limits.max_input_bytes)
        fail(0, 0, "file is larger than the limit of " + std::to_string(m_limits.max_input_bytes) + " bytes");
    start();
}

void Reader::fail(std::size_t line, std::size_t column, const std::string& message) const {
    throw ImportError({m_file, line, column}, message);
}

void Reader::start() {
    const std::string_view t = m_text;
    if (t.size() >= 2 && ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF')))
        fail(1, 0, "file is UTF-16 encoded; expected UTF-8 (save it as \"CSV UTF-8\")");
    if (t.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
    // Check encoding and NUL bytes up front so that no partial import happens.
    if (auto nul = t.find('\0', m_pos); nul != std::string_view::npos) {
        const auto line = 1 + static_cast<std::size_t>(std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
        fail(line, 0, "NUL byte in text; expected a UTF-8 text file (UTF-16 or binary data?)");
    }
    if (auto bad = invalid_utf8(t.substr(m_pos))) {
        const auto off = *bad + m_pos;
        const auto line = 1 + static_cast<std::size_t>(std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(off), '\n'));
        const auto line_start = t.rfind('\n', off == 0 ? 0 : off - 1);
        const auto col = off - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
        fail(line, 0, "byte " + describe_byte(static_cast<unsigned char>(t[off])) + " at character " +
                          std::to_string(col) + " is not valid UTF-8; expected UTF-8 text (Latin-1 or Windows-1252? save as \"CSV UTF-8\")");
    }
    // Skip blank lines before the header.
    while (m_pos < t.size() && (t[m_pos] == '\n' || t[m_pos] == '\r')) {
        if (t[m_pos] == '\n') ++m_line;
        ++m_pos;
    }
    if (m_pos >= t.size()) fail(0, 0, "file is empty; expected a header line");
    if (m_delimiter == 0) {
        // The header's delimiter outside quotes: whichever of ; and , occurs more.
        std::size_t commas = 0, semis = 0;
        bool quoted = false;
        for (std::size_t i = m_pos; i < t.size() && (quoted || (t[i] != '\n' && t[i] != '\r')); ++i) {
            if (t[i] == '"') quoted = !quoted;
            else if (!quoted && t[i] == ',') ++commas;
            else if (!quoted && t[i] == ';') ++semis;
        }
        m_delimiter = semis > commas ? ';' : ',';
    }
    m_header_line = m_line;
    Record r;
    if (!parse_record(r)) fail(m_line, 0, "file is empty; expected a header line");
    m_header.clear();
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
        auto name = trim(r.fields[i]);
        if (name.empty()) continue;  // trailing delimiter: an unnamed column
        for (std::size_t j = 0; j < i; ++j)
            if (lower_ascii(trim(r.fields[j])) == lower_ascii(name))
                fail(m_header_line, i + 1, "duplicate column '" + name + "' in header (also column " + std::to_string(j + 1) + ")");
    }
    for (auto& f : r.fields) m_header.push_back(trim(f));
}

std::size_t Reader::lines_left() const {
    const std::string_view rest = std::string_view(m_text).substr(std::min(m_pos, m_text.size()));
    return static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n')) + 1;
}

std::optional<std::size_t> Reader::find(std::string_view name) const {
    const auto wanted = lower_ascii(name);
    for (std::size_t i = 0; i < m_header.size(); ++i)
        if (lower_ascii(m_header[i]) == wanted) return i;
    return std::nullopt;
}

std::size_t Reader::require(std::string_view name) const {
    if (auto i = find(name)) return *i;
    std::string have;
    for (const auto& h : m_header)
        if (!h.empty()) have += (have.empty() ? "" : ", ") + h;
    fail(m_header_line, 0, "missing required column '" + std::string(name) + "' (" +
                               (have.empty() ? std::string("header has no column names") : "header has: " + have) + ")");
}

bool Reader::parse_record(Record& r) {
    r.fields.clear();
    r.lines.clear();
    const std::string_view t = m_text;
    const std::size_t n = t.size();
    if (m_pos >= n) return false;
    r.line = m_line;
    std::string field;
    bool at_field_start = true;
    std::size_t field_line = m_line;
    auto push = [&] {
        if (r.fields.size() >= m_limits.max_columns)
            fail(r.line, r.fields.size() + 1, "more than " + std::to_string(m_limits.max_columns) + " columns in one record (the limit)");
        r.fields.push_back(std::move(field));
        r.lines.push_back(field_line);
        field.clear();
        at_field_start = true;
    };
    while (true) {
        if (m_pos >= n) { push(); return true; }
        const char c = t[m_pos];
        if (at_field_start && c == '"') {
            // Quoted field: runs to the closing quote; "" is a quote.
            field_line = m_line;
            const std::size_t open_line = m_line;
            ++m_pos;
            while (true) {
                if (m_pos >= n)
                    fail(open_line, r.fields.size() + 1, "unterminated quoted field (opened here); expected a closing '\"'");
                const char q = t[m_pos];
                if (q == '"') {
                    if (m_pos + 1 < n && t[m_pos + 1] == '"') { field += '"'; m_pos += 2; continue; }
                    ++m_pos;
                    break;
                }
                if (q == '\n') ++m_line;
                field += q;
                ++m_pos;
                if (field.size() > m_limits.max_field_bytes)
                    fail(open_line, r.fields.size() + 1, "field longer than the limit of " + std::to_string(m_limits.max_field_bytes) + " bytes");
            }
            at_field_start = false;
            // After the closing quote only a delimiter or the end of the line may follow.
            if (m_pos < n && t[m_pos] != m_delimiter && t[m_pos] != '\n' && t[m_pos] != '\r')
                fail(m_line, r.fields.size() + 1, std::string("unexpected character '") + t[m_pos] +
                                                      "' after a closing quote; expected the delimiter '" + m_delimiter + "' or end of line");
            continue;
        }
        if (at_field_start) field_line = m_line;
        at_field_start = false;
        if (c == m_delimiter) { ++m_pos; push(); continue; }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && m_pos + 1 < n && t[m_pos + 1] == '\n') ++m_pos;
            ++m_pos;
            ++m_line;
            push();
            return true;
        }
        if (c == '"')
            fail(m_line, r.fields.size() + 1, "quote inside an unquoted field; expected the whole field in quotes with \"\" for a quote");
        field += c;
        ++m_pos;
        if (field.size() > m_limits.max_field_bytes)
            fail(m_line, r.fields.size() + 1, "field longer than the limit of " + std::to_string(m_limits.max_field_bytes) + " bytes");
    }
}

bool Reader::next(Record& r) {
    while (parse_record(r)) {
        const bool blank = std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return f.empty(); });
        if (blank) continue;
        if (r.fields.size() == 1 && m_header.size() > 1) {
            // A line written with the other delimiter reads as one long field.
            const char other = m_delimiter == ';' ? ',' : ';';
            if (r.fields[0].find(other) != std::string::npos)
                fail(r.line, 1, std::string("1 field, but the header has ") + std::to_string(m_header.size()) +
                                    " columns separated by '" + m_delimiter + "'; this line seems to use '" + other +
                                    "' (mixed delimiters?)");
        }
        if (r.fields.size() > m_header.size()) {
            // Trailing empty fields (a delimiter at the end of the line) are harmless.
            while (r.fields.size() > m_header.size() && r.fields.back().empty()) {
                r.fields.pop_back();
                r.lines.pop_back();
            }
            if (r.fields.size() > m_header.size())
                fail(r.line, m_header.size() + 1, std::to_string(r.fields.size()) + " fields, but the header has " +
                                                    std::to_string(m_header.size()) + " columns; expected at most " +
                                                    std::to_string(m_header.size()) + " (a delimiter inside an unquoted field?)");
        }
        while (r.fields.size() < m_header.size()) {
            r.fields.emplace_back();
            r.lines.push_back(r.line);
        }
        return true;
    }
    return false;
}

std::optional<std::int64_t> parse_int(std::string_view field, const SourceLoc& at, std::string_view column,
                                      std::int64_t min, std::int64_t max) {
    const auto s = trim(field);
    if (s.empty()) return std::nullopt;
    std::int64_t v = 0;
    const auto* b = s.data();
    const auto* e = s.data() + s.size();
    if (*b == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && p == e && (v < min || v > max)))
        throw ImportError(at, std::string(column) + ": " + s + " is out of range; expected an integer from " +
                                  std::to_string(min) + " to " + std::to_string(max));
    if (ec != std::errc() || p != e)
        throw ImportError(at, std::string(column) + ": expected an integer, got '" + s + "'");
    return v;
}

std::optional<double> parse_real(std::string_view field, const SourceLoc& at, std::string_view column,
                                 bool decimal_comma, double min, double max) {
    auto s = trim(field);
    if (s.empty()) return std::nullopt;
    std::string norm = s;
    if (decimal_comma) std::replace(norm.begin(), norm.end(), ',', '.');
    double v = 0;
    const auto* b = norm.data();
    const auto* e = norm.data() + norm.size();
    if (*b == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    const bool word = std::any_of(norm.begin(), norm.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) && c != 'e' && c != 'E'; });
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && p == e && !word && (!std::isfinite(v) || v < min || v > max)))
        throw ImportError(at, std::string(column) + ": " + s + " is out of range; expected a number from " +
                                  limit_text(min) + " to " + limit_text(max));
    if (ec != std::errc() || p != e || word)
        throw ImportError(at, std::string(column) + ": expected a number" +
                                  (decimal_comma ? std::string(" (decimal comma or point)") : std::string(" (decimal point)")) +
                                  ", got '" + s + "'");
    return v;
}

std::optional<int> parse_year(std::string_view field, const SourceLoc& at, std::string_view column) {
    auto v = parse_int(field, at, column, 1000, 9999);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

}  // namespace regionet::csv
