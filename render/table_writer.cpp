#include "render/table_writer.hpp"

#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/error.hpp"

namespace regionet::render {

Format parse_format(std::string_view s) {
    if (s == "text" || s == "table") return Format::text;
    if (s == "csv") return Format::csv;
    if (s == "json") return Format::json;
    throw UsageError("unknown format '" + std::string(s) + "'; expected text, csv or json");
}

std::string cell_text(const Cell& c) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return "";
            else if constexpr (std::is_same_v<T, bool>) return v ? "yes" : "no";
            else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>) {
                if (!std::isfinite(v)) return "";
                std::ostringstream s;
                s << std::fixed << std::setprecision(4) << v;
                return s.str();
            } else return v;
        },
        c);
}

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char ch : text)
        if ((ch & 0xC0) != 0x80) ++n;
    return n;
}

std::string csv_escape(std::string_view text) {
    const bool needs = text.find_first_of(",;\"\r\n") != std::string_view::npos;
    if (!needs) return std::string(text);
    std::string q = "\"";
    for (char c : text) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string csv_field(const Cell& c) {
    if (const auto* s = std::get_if<std::string>(&c)) {
        // A text cell a spreadsheet would run as a formula gets a leading apostrophe.
        if (!s->empty() && (s->front() == '=' || s->front() == '+' || s->front() == '-' || s->front() == '@' ||
                            s->front() == '\t' || s->front() == '\r'))
            return csv_escape("'" + *s);
        return csv_escape(*s);
    }
    if (const auto* b = std::get_if<bool>(&c)) return *b ? "true" : "false";
    if (const auto* d = std::get_if<double>(&c)) {
        if (!std::isfinite(*d)) return "";
        std::ostringstream s;
        s << std::setprecision(10) << *d;
        return s.str();
    }
    return cell_text(c);
}

void write_csv(const Table& t, std::ostream& out) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "," : "") << csv_escape(t.columns[i].name);
    out << "\n";
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
        out << "\n";
    }
}

void write_json(const Table& t, std::ostream& out) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) o[t.columns[i].name] = nullptr;
                    else if constexpr (std::is_same_v<T, double>) {
                        if (std::isfinite(v)) o[t.columns[i].name] = v;
                        else o[t.columns[i].name] = nullptr;
                    } else o[t.columns[i].name] = v;
                },
                row[i]);
        }
        rows.push_back(std::move(o));
    }
    // Invalid UTF-8 cannot come from our importers; replace rather than throw if it does.
    out << rows.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void write_text(const Table& t, std::ostream& out) {
    std::vector<std::size_t> width(t.columns.size());
    std::vector<bool> numeric(t.columns.size(), true);
    for (std::size_t i = 0; i < t.columns.size(); ++i) width[i] = display_width(t.columns[i].name);
    std::vector<std::vector<std::string>> cells;
    cells.reserve(t.rows.size());
    for (const auto& row : t.rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
            std::string s = cell_text(row[i]);
            // Control characters would break the terminal table: show them escaped.
            std::string safe;
            for (char ch : s) {
                if (static_cast<unsigned char>(ch) < 0x20) safe += ch == '\n' ? "\\n" : ch == '\t' ? "\\t" : "?";
                else safe += ch;
            }
            width[i] = std::max(width[i], display_width(safe));
            if (std::holds_alternative<std::string>(row[i])) numeric[i] = false;
            line.push_back(std::move(safe));
        }
        cells.push_back(std::move(line));
    }
    auto pad = [&](const std::string& s, std::size_t i, bool right) {
        const std::size_t fill = width[i] - display_width(s);
        return right ? std::string(fill, ' ') + s : s + std::string(fill, ' ');
    };
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out << (i ? "  " : "") << pad(t.columns[i].name, i, numeric[i]);
    out << "\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "  " : "") << std::string(width[i], '-');
    out << "\n";
    for (const auto& line : cells) {
        std::string l;
        for (std::size_t i = 0; i < line.size(); ++i) l += (i ? "  " : "") + pad(line[i], i, numeric[i]);
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out << l << "\n";
    }
}

std::string write_tables(const std::vector<const Table*>& tables, Format f, const std::string& only) {
    std::ostringstream s;
    if (f == Format::csv) {
        const Table* chosen = tables.front();
        for (const auto* t : tables)
            if (t->name == only) chosen = t;
        if (!only.empty() && chosen->name != only) {
            std::string names;
            for (const auto* t : tables) names += (names.empty() ? "" : ", ") + t->name;
            throw UsageError("no table '" + only + "' in this command's output; tables: " + names);
        }
        write_csv(*chosen, s);
    } else if (f == Format::json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        for (const auto* t : tables) {
            std::ostringstream one;
            write_json(*t, one);
            j[t->name] = nlohmann::ordered_json::parse(one.str());
        }
        s << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            s << (i ? "\n" : "") << tables[i]->name << " (" << tables[i]->rows.size() << ")\n";
            write_text(*tables[i], s);
        }
    }
    return s.str();
}

void write_table(const Table& t, Format f, std::ostream& out) {
    switch (f) {
        case Format::text: write_text(t, out); break;
        case Format::csv: write_csv(t, out); break;
        case Format::json: write_json(t, out); break;
    }
}

}  // namespace regionet::render
