#include "importers/bundle_importer.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "importers/csv_reader.hpp"

namespace regionet {

namespace fs = std::filesystem;

namespace {

// The columns of one bundle table: required ones must be present; unknown
// ones are named in one notice and otherwise ignored.
class Columns {
public:
    Columns(const TableSource& table, std::initializer_list<std::string_view> required,
            std::initializer_list<std::string_view> optional, ImportReport& report)
        : m_table(table) {
        for (auto name : required) set(name, table.require(name));
        for (auto name : optional)
            if (auto i = table.find(name)) set(name, *i);
        std::string unknown;
        for (std::size_t i = 0; i < table.header().size(); ++i) {
            const auto& h = table.header()[i];
            if (h.empty()) continue;
            bool known = false;
            for (const auto& [name, position] : m_names) known = known || position == i;
            if (!known) unknown += (unknown.empty() ? "'" : ", '") + h + "'";
        }
        if (!unknown.empty()) report.notice(table.name() + ": ignored unknown column(s) " + unknown);
    }

    // The trimmed field, or "" when the column is absent. In CSV, a leading
    // apostrophe before = + - @ or ' is the spreadsheet formula guard that
    // `regionet export` writes; it is removed, so export then import gives back
    // the same text.
    std::string get(const csv::Record& r, std::string_view name) const {
        const auto i = index(name);
        if (!i) return {};
        auto v = csv::trim(r.fields[*i]);
        if (m_table.formula_guard() && v.size() > 1 && v[0] == '\'' &&
            std::string_view("=+-@'").find(v[1]) != std::string_view::npos)
            v.erase(0, 1);
        return v;
    }
    // A date column: a sheet's date cell or serial number becomes ISO text.
    std::string date(const csv::Record& r, std::string_view name) const { return m_table.date(get(r, name)); }
    // Names keep every character but surrounding whitespace.
    SourceLoc at(const csv::Record& r, std::string_view name) const {
        const auto i = index(name);
        return i ? m_table.at(r, *i) : m_table.at_row(r.line);
    }
    // An empty field is no value; its location (a copy of the file name) is made only for a value.
    std::optional<std::int64_t> integer(const csv::Record& r, std::string_view name, std::int64_t min,
                                        std::int64_t max) const {
        const auto v = get(r, name);
        if (v.empty()) return std::nullopt;
        return csv::parse_int(v, at(r, name), name, min, max);
    }
    std::optional<double> real(const csv::Record& r, std::string_view name, double min, double max) const {
        const auto v = get(r, name);
        if (v.empty()) return std::nullopt;
        return csv::parse_real(v, at(r, name), name, m_table.decimal_comma(), min, max);
    }
    std::optional<int> year(const csv::Record& r, std::string_view name) const {
        const auto v = get(r, name);
        if (v.empty()) return std::nullopt;
        return csv::parse_year(v, at(r, name), name);
    }
    void require_value(const csv::Record& r, std::string_view name) const {
        if (get(r, name).empty()) throw ImportError(at(r, name), "empty " + std::string(name) + "; expected a value");
    }

private:
    // A column's field position, or none when the file lacks the column. Looked
    // up by name at every field of every row, mostly in the order the columns
    // were named: the search starts after the last one found, so it usually
    // takes one comparison.
    std::optional<std::size_t> index(std::string_view name) const {
        const std::size_t n = m_names.size();
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t at = m_next + k < n ? m_next + k : m_next + k - n;
            if (m_names[at].first == name) {
                m_next = at + 1 == n ? 0 : at + 1;
                return m_names[at].second;
            }
        }
        return std::nullopt;
    }
    void set(std::string_view name, std::size_t position) {
        for (auto& [known, p] : m_names)
            if (known == name) {
                p = position;
                return;
            }
        m_names.emplace_back(std::string(name), position);
    }

    const TableSource& m_table;
    std::vector<std::pair<std::string, std::size_t>> m_names;  // the columns present, in the order named
    mutable std::size_t m_next = 0;                            // where the next search starts
};

// Runs row() for every record; a bad row stops the import or, with
// keep_going, is reported and skipped.
void each_row(TableSource& table, ImportReport& report, const ImportOptions& options,
              const std::function<void(const csv::Record&)>& row) {
    report.files[table.name()];  // the table is listed even when it has no rows
    csv::Record r;
    while (table.next(r)) {
        try {
            row(r);
            report.imported(table.name());
        } catch (const ImportError& e) {
            report.skip(e, options);
        }
    }
}

constexpr std::int64_t max_count = 1'000'000'000;

std::string hex_byte(unsigned char ch) {
    static const char* hex = "0123456789ABCDEF";
    return std::string("0x") + hex[ch >> 4] + hex[ch & 15];
}

// Municipality codes are identifiers (GM0363): a space or control character in
// one is a typo that would otherwise surface later as an unknown reference.
void check_code(const std::string& code, const SourceLoc& at) {
    auto fail = [&](const std::string& what) {
        std::string shown;  // control characters shown as \x09, never sent to the terminal
        for (unsigned char ch : code)
            shown += (ch < 0x20 || ch == 0x7F) ? "\\x" + hex_byte(ch).substr(2) : std::string(1, static_cast<char>(ch));
        throw ImportError(at, "code '" + shown + "' contains " + what +
                                  "; expected a code without spaces or control characters, like GM0363");
    };
    for (std::size_t i = 0; i < code.size(); ++i) {
        const auto ch = static_cast<unsigned char>(code[i]);
        if (ch == ' ') fail("a space");
        if (ch < 0x20 || ch == 0x7F) fail("control character " + hex_byte(ch));
        if (ch == 0xC2 && i + 1 < code.size() && static_cast<unsigned char>(code[i + 1]) == 0xA0)
            fail("a non-breaking space");
    }
}

}  // namespace

namespace bundle {

void read_dataset_info(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {}, {"name", "source", "reference_date"}, report);
    each_row(table, report, options, [&](const csv::Record& r) {
        auto& d = out.dataset();
        if (d.name.empty()) d.name = c.get(r, "name");
        d.source = c.get(r, "source");
        d.reference_date = c.date(r, "reference_date");
    });
}

void read_dataset_info(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    csv::Reader reader(in, file);
    CsvTable table(reader);
    read_dataset_info(table, out, report, options);
}

void read_municipalities(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {"code", "name"}, {"province", "population", "lat", "lon", "area_km2"}, report);
    each_row(table, report, options, [&](const csv::Record& r) {
        c.require_value(r, "code");
        c.require_value(r, "name");
        Municipality m;
        m.code = c.get(r, "code");
        check_code(m.code, c.at(r, "code"));
        m.name = c.get(r, "name");
        m.province = c.get(r, "province");
        m.population = c.integer(r, "population", 0, max_count);
        m.lat = c.real(r, "lat", -90, 90);
        m.lon = c.real(r, "lon", -180, 180);
        m.area_km2 = c.real(r, "area_km2", 0, 1e9);
        if (m.lat.has_value() != m.lon.has_value())
            throw ImportError(c.at(r, m.lat ? "lon" : "lat"), "lat and lon must be given together");
        out.add_municipality(std::move(m), c.at(r, "code"));
    });
}

void read_municipalities(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                         const ImportOptions& options) {
    csv::Reader reader(in, file);
    CsvTable table(reader);
    read_municipalities(table, out, report, options);
}

void read_arrangements(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {"id", "name"},
              {"domain", "form", "division", "start_year", "end_year", "host", "source", "reference_date", "inhabitants",
               "legal_basis", "purpose", "registrar", "body_of", "duplicate_of", "form_basis", "domain_basis"},
              report);
    each_row(table, report, options, [&](const csv::Record& r) {
        c.require_value(r, "id");
        c.require_value(r, "name");
        Arrangement a;
        a.id = c.get(r, "id");
        a.name = c.get(r, "name");
        a.domain = c.get(r, "domain");
        a.form = c.get(r, "form");
        a.division = c.get(r, "division");
        a.start_year = c.year(r, "start_year");
        a.end_year = c.year(r, "end_year");
        check_year_range(a.start_year, a.end_year, c.at(r, "end_year"));
        a.host = c.get(r, "host");
        if (!a.host.empty() && !out.has_municipality(a.host))
            throw ImportError(c.at(r, "host"), "host '" + a.host + "' is not a code in " + table.refer_to("municipalities"));
        a.source = c.get(r, "source");
        a.reference_date = c.date(r, "reference_date");
        a.inhabitants = c.integer(r, "inhabitants", 0, max_count);
        a.legal_basis = c.get(r, "legal_basis");
        a.purpose = c.get(r, "purpose");
        a.registrar = c.get(r, "registrar");
        a.body_of = c.get(r, "body_of");
        a.duplicate_of = c.get(r, "duplicate_of");
        a.form_basis = c.get(r, "form_basis");
        a.domain_basis = c.get(r, "domain_basis");
        out.add_arrangement(std::move(a), c.at(r, "id"));
    });
}

void read_arrangements(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    csv::Reader reader(in, file);
    CsvTable table(reader);
    read_arrangements(table, out, report, options);
}

void read_memberships(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {"arrangement_id", "municipality_code"},
              {"role", "board_seats", "contribution_eur", "start_year", "end_year", "share", "note", "bodies",
               "cost_key", "gaps"},
              report);
    each_row(table, report, options, [&](const csv::Record& r) {
        c.require_value(r, "arrangement_id");
        c.require_value(r, "municipality_code");
        Membership m;
        m.arrangement_id = c.get(r, "arrangement_id");
        m.municipality_code = c.get(r, "municipality_code");
        if (!out.has_arrangement(m.arrangement_id))
            throw ImportError(c.at(r, "arrangement_id"),
                              "unknown arrangement '" + m.arrangement_id + "'; expected an id from " +
                                  table.refer_to("arrangements"));
        if (!out.has_municipality(m.municipality_code))
            throw ImportError(c.at(r, "municipality_code"),
                              "unknown municipality '" + m.municipality_code + "'; expected a code from " +
                                  table.refer_to("municipalities"));
        const auto role = csv::lower_ascii(c.get(r, "role"));
        auto parsed = parse_role(role);
        if (!parsed)
            throw ImportError(c.at(r, "role"), "role: expected member, host or client, got '" + c.get(r, "role") + "'");
        m.role = *parsed;
        if (auto seats = c.integer(r, "board_seats", 0, 1000)) m.board_seats = static_cast<int>(*seats);
        m.contribution_eur = c.real(r, "contribution_eur", -1e15, 1e15);
        m.start_year = c.year(r, "start_year");
        m.end_year = c.year(r, "end_year");
        if (m.start_year && m.end_year) check_year_range(m.start_year, m.end_year, c.at(r, "end_year"));
        m.share = c.real(r, "share", 0, 1);
        m.note = c.get(r, "note");
        m.bodies = c.get(r, "bodies");
        m.cost_key = c.get(r, "cost_key");
        if (const auto g = c.get(r, "gaps"); !g.empty()) {
            auto gaps = parse_gaps(g);
            if (!gaps)
                throw ImportError(c.at(r, "gaps"), "gaps: expected whole years in order like 2022-2023;2025, got '" + g + "'");
            if (!gaps->empty() && ((m.start_year && gaps->front().first <= *m.start_year) ||
                                   (m.end_year && *m.end_year <= gaps->back().second)))
                throw ImportError(c.at(r, "gaps"), "gaps '" + g + "' must lie between start_year and end_year");
            m.gaps = std::move(*gaps);
        }
        // The references were checked above, with the files to look in; what the
        // builder still finds (a duplicate) is the municipality's column's fault.
        out.add_membership(std::move(m), [&] { return c.at(r, "municipality_code"); });
    });
}

void read_memberships(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                      const ImportOptions& options) {
    csv::Reader reader(in, file);
    // A bundle's largest file by far: room for its rows up front (its lines
    // bound them), instead of moving every membership read so far at each doubling.
    out.expect_memberships(reader.lines_left());
    CsvTable table(reader);
    read_memberships(table, out, report, options);
}

void read_participants(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {"arrangement_id", "name"}, {"kind"}, report);
    each_row(table, report, options, [&](const csv::Record& r) {
        c.require_value(r, "arrangement_id");
        c.require_value(r, "name");
        Participant p{c.get(r, "arrangement_id"), c.get(r, "name"), c.get(r, "kind")};
        out.add_participant(std::move(p), c.at(r, "arrangement_id"));
    });
}

void read_participants(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    csv::Reader reader(in, file);
    CsvTable table(reader);
    read_participants(table, out, report, options);
}

void read_neighbours(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {"a", "b"}, {"border_km"}, report);
    each_row(table, report, options, [&](const csv::Record& r) {
        c.require_value(r, "a");
        c.require_value(r, "b");
        Neighbour n{c.get(r, "a"), c.get(r, "b"), c.real(r, "border_km", 0, 1e6).value_or(0.0)};
        out.add_neighbour(std::move(n), c.at(r, "a"));
    });
}

void read_neighbours(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                     const ImportOptions& options) {
    csv::Reader reader(in, file);
    CsvTable table(reader);
    read_neighbours(table, out, report, options);
}

void read_outlines(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    Columns c(table, {"owner", "wkt"}, {}, report);
    each_row(table, report, options, [&](const csv::Record& r) {
        c.require_value(r, "owner");
        c.require_value(r, "wkt");
        out.add_outline({c.get(r, "owner"), c.get(r, "wkt")}, c.at(r, "owner"));
    });
}

void read_outlines(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                   const ImportOptions& options) {
    csv::Limits limits;
    limits.max_field_bytes = 16 << 20;  // a country outline in WKT can be large
    csv::Reader reader(in, file, 0, limits);
    CsvTable table(reader);
    read_outlines(table, out, report, options);
}

}  // namespace bundle

bool BundleImporter::accepts(const fs::path& input) const {
    return fs::is_directory(input) && fs::exists(input / "municipalities.csv");
}

void BundleImporter::read(const fs::path& input, ModelBuilder& out, ImportReport& report,
                          const ImportOptions& options) const {
    using Reader = void (*)(std::istream&, const std::string&, ModelBuilder&, ImportReport&, const ImportOptions&);
    struct Part {
        const char* file;
        bool required;
        Reader read;
    };
    // Order matters: references are checked against what was read before.
    const Part parts[] = {
        {"dataset.csv", false, bundle::read_dataset_info},
        {"municipalities.csv", true, bundle::read_municipalities},
        {"arrangements.csv", true, bundle::read_arrangements},
        {"memberships.csv", true, bundle::read_memberships},
        {"participants.csv", false, bundle::read_participants},
        {"neighbours.csv", false, bundle::read_neighbours},
        {"outlines.csv", false, bundle::read_outlines},
    };
    if (!fs::is_directory(input)) throw ImportError({input.string()}, "not a folder; expected a bundle folder");
    for (const auto& part : parts) {
        const auto path = input / part.file;
        if (!fs::exists(path)) {
            if (part.required) throw ImportError({path.string()}, "missing file; a bundle needs municipalities.csv, arrangements.csv and memberships.csv");
            continue;
        }
        // A folder, device or pipe (a link to /dev/zero) would read as empty or never end.
        if (!fs::is_regular_file(path)) throw ImportError({path.string()}, "not a regular file; expected a CSV file");
        std::ifstream in(path, std::ios::binary);
        if (!in) throw ImportError({path.string()}, "cannot open for reading");
        part.read(in, path.string(), out, report, options);
    }
    std::size_t rows = 0;
    for (const auto& part : parts) {
        auto it = report.files.find((input / part.file).string());
        if (it != report.files.end()) rows += it->second.imported + it->second.skipped;
    }
    if (rows == 0)
        throw ImportError({input.string()}, "empty bundle: no rows in any file; expected at least one municipality in municipalities.csv");
}

}  // namespace regionet
