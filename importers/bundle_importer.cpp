#include "importers/bundle_importer.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <initializer_list>

#include "importers/csv_reader.hpp"

namespace regionet {

namespace fs = std::filesystem;

namespace {

// The columns of one bundle file: required ones must be present; unknown
// ones are named in one notice and otherwise ignored.
class Columns {
public:
    Columns(const csv::Reader& reader, std::initializer_list<std::string_view> required,
            std::initializer_list<std::string_view> optional, ImportReport& report)
        : m_reader(reader), m_loc{reader.file(), 0, 0} {
        for (auto name : required) m_index.emplace_back(name, reader.require(name));
        for (auto name : optional)
            if (auto i = reader.find(name)) m_index.emplace_back(name, *i);
        std::string unknown;
        for (std::size_t i = 0; i < reader.header().size(); ++i) {
            const auto& h = reader.header()[i];
            if (h.empty()) continue;
            bool known = false;
            for (const auto& [name, index] : m_index) known = known || index == i;
            if (!known) unknown += (unknown.empty() ? "'" : ", '") + h + "'";
        }
        if (!unknown.empty()) report.notice(reader.file() + ": ignored unknown column(s) " + unknown);
    }

    // The trimmed field, or "" when the column is absent. A leading apostrophe
    // before = + - @ or ' is the spreadsheet formula guard that `regionet export`
    // writes; it is removed, so export then import gives back the same text.
    std::string get(const csv::Record& r, std::string_view name) const { return std::string(view(r, name)); }
    // As get(), without a copy (valid while r is).
    std::string_view view(const csv::Record& r, std::string_view name) const {
        const auto* i = column(name);
        if (!i) return {};
        std::string_view v = r.fields[*i];
        while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
        while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
        if (v.size() > 1 && v[0] == '\'' && std::string_view("=+-@'").find(v[1]) != std::string_view::npos)
            v.remove_prefix(1);
        return v;
    }
    // Names keep every character but surrounding whitespace. The location is
    // built in place (one per reader, no copy of the file name per row); it is
    // valid until the next call.
    const SourceLoc& at(const csv::Record& r, std::string_view name) const {
        const auto* i = column(name);
        if (!i) {
            m_loc.line = r.line;
            m_loc.column = 0;
        } else {
            m_loc.line = *i < r.lines.size() ? r.lines[*i] : r.line;
            m_loc.column = *i + 1;
        }
        return m_loc;
    }
    // Numbers: the common valid case is parsed here; anything else (empty
    // handled, malformed, out of range) goes through csv::parse_* for the
    // same value or the same message.
    std::optional<std::int64_t> integer(const csv::Record& r, std::string_view name, std::int64_t min,
                                        std::int64_t max) const {
        const auto v = view(r, name);
        if (v.empty()) return std::nullopt;
        if (auto x = quick_int(v); x && *x >= min && *x <= max) return x;
        return csv::parse_int(v, at(r, name), name, min, max);
    }
    std::optional<double> real(const csv::Record& r, std::string_view name, double min, double max) const {
        const auto v = view(r, name);
        if (v.empty()) return std::nullopt;
        if (auto x = quick_real(v); x && *x >= min && *x <= max) return x;
        return csv::parse_real(v, at(r, name), name, m_reader.delimiter() == ';', min, max);
    }
    std::optional<int> year(const csv::Record& r, std::string_view name) const {
        const auto v = view(r, name);
        if (v.empty()) return std::nullopt;
        if (auto x = quick_int(v); x && *x >= 1000 && *x <= 9999) return static_cast<int>(*x);
        return csv::parse_year(v, at(r, name), name);
    }
    void require_value(const csv::Record& r, std::string_view name) const {
        if (view(r, name).empty()) throw ImportError(at(r, name), "empty " + std::string(name) + "; expected a value");
    }

private:
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }  // as csv::trim
    const std::size_t* column(std::string_view name) const {
        for (const auto& [n, i] : m_index)
            if (n == name) return &i;
        return nullptr;
    }
    // Plain digits with an optional sign, fully consumed.
    static std::optional<std::int64_t> quick_int(std::string_view v) {
        const char* b = v.data();
        const char* e = b + v.size();
        if (*b == '+') ++b;
        std::int64_t x = 0;
        auto [p, ec] = std::from_chars(b, e, x);
        if (ec != std::errc() || p != e) return std::nullopt;
        return x;
    }
    // Digits, sign, point and exponent only (no comma, no inf/nan words), finite.
    static std::optional<double> quick_real(std::string_view v) {
        for (char c : v)
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return std::nullopt;
        const char* b = v.data();
        const char* e = b + v.size();
        if (*b == '+') ++b;
        double x = 0;
        auto [p, ec] = std::from_chars(b, e, x);
        if (ec != std::errc() || p != e || !std::isfinite(x)) return std::nullopt;
        return x;
    }

    const csv::Reader& m_reader;
    std::vector<std::pair<std::string_view, std::size_t>> m_index;  // names are the literals given
    mutable SourceLoc m_loc;
};

// Runs row() for every record; a bad row stops the import or, with
// keep_going, is reported and skipped.
void each_row(csv::Reader& reader, ImportReport& report, const ImportOptions& options,
              const std::function<void(const csv::Record&)>& row) {
    report.files[reader.file()];  // the file is listed even when it has no rows
    csv::Record r;
    while (reader.next(r)) {
        try {
            row(r);
            report.imported(reader.file());
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

void read_dataset_info(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    csv::Reader reader(in, file);
    Columns c(reader, {}, {"name", "source", "reference_date"}, report);
    each_row(reader, report, options, [&](const csv::Record& r) {
        auto& d = out.dataset();
        if (d.name.empty()) d.name = c.get(r, "name");
        d.source = c.get(r, "source");
        d.reference_date = c.get(r, "reference_date");
    });
}

void read_municipalities(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                         const ImportOptions& options) {
    csv::Reader reader(in, file);
    Columns c(reader, {"code", "name"}, {"province", "population", "lat", "lon", "area_km2"}, report);
    each_row(reader, report, options, [&](const csv::Record& r) {
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

void read_arrangements(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    csv::Reader reader(in, file);
    Columns c(reader, {"id", "name"},
              {"domain", "form", "division", "start_year", "end_year", "host", "source", "reference_date", "inhabitants",
               "legal_basis", "purpose", "registrar", "body_of", "duplicate_of", "form_basis", "domain_basis"},
              report);
    each_row(reader, report, options, [&](const csv::Record& r) {
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
            throw ImportError(c.at(r, "host"), "host '" + a.host + "' is not a code in municipalities.csv");
        a.source = c.get(r, "source");
        a.reference_date = c.get(r, "reference_date");
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

void read_memberships(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                      const ImportOptions& options) {
    csv::Reader reader(in, file);
    Columns c(reader, {"arrangement_id", "municipality_code"},
              {"role", "board_seats", "contribution_eur", "start_year", "end_year", "share", "note", "bodies",
               "cost_key"},
              report);
    each_row(reader, report, options, [&](const csv::Record& r) {
        c.require_value(r, "arrangement_id");
        c.require_value(r, "municipality_code");
        Membership m;
        m.arrangement_id = c.get(r, "arrangement_id");
        m.municipality_code = c.get(r, "municipality_code");
        if (!out.has_arrangement(m.arrangement_id))
            throw ImportError(c.at(r, "arrangement_id"),
                              "unknown arrangement '" + m.arrangement_id + "'; expected an id from arrangements.csv");
        if (!out.has_municipality(m.municipality_code))
            throw ImportError(c.at(r, "municipality_code"),
                              "unknown municipality '" + m.municipality_code + "'; expected a code from municipalities.csv");
        auto parsed = parse_role(c.view(r, "role"));
        if (!parsed) parsed = parse_role(csv::lower_ascii(c.view(r, "role")));
        if (!parsed)
            throw ImportError(c.at(r, "role"), "role: expected member, host or client, got '" + c.get(r, "role") + "'");
        m.role = *parsed;
        if (auto seats = c.integer(r, "board_seats", 0, 1000)) m.board_seats = static_cast<int>(*seats);
        m.contribution_eur = c.real(r, "contribution_eur", -1e15, 1e15);
        m.start_year = c.year(r, "start_year");
        m.end_year = c.year(r, "end_year");
        check_year_range(m.start_year, m.end_year, c.at(r, "end_year"));
        m.share = c.real(r, "share", 0, 1);
        m.note = c.get(r, "note");
        m.bodies = c.get(r, "bodies");
        m.cost_key = c.get(r, "cost_key");
        if (out.has_membership(m.arrangement_id, m.municipality_code))
            throw ImportError(c.at(r, "municipality_code"), "duplicate membership of '" + m.municipality_code +
                                                                "' in arrangement '" + m.arrangement_id + "'");
        out.add_membership(std::move(m), c.at(r, "arrangement_id"));
    });
}

void read_participants(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options) {
    csv::Reader reader(in, file);
    Columns c(reader, {"arrangement_id", "name"}, {"kind"}, report);
    each_row(reader, report, options, [&](const csv::Record& r) {
        c.require_value(r, "arrangement_id");
        c.require_value(r, "name");
        Participant p{c.get(r, "arrangement_id"), c.get(r, "name"), c.get(r, "kind")};
        out.add_participant(std::move(p), c.at(r, "arrangement_id"));
    });
}

void read_neighbours(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                     const ImportOptions& options) {
    csv::Reader reader(in, file);
    Columns c(reader, {"a", "b"}, {"border_km"}, report);
    each_row(reader, report, options, [&](const csv::Record& r) {
        c.require_value(r, "a");
        c.require_value(r, "b");
        Neighbour n{c.get(r, "a"), c.get(r, "b"), c.real(r, "border_km", 0, 1e6).value_or(0.0)};
        out.add_neighbour(std::move(n), c.at(r, "a"));
    });
}

void read_outlines(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                   const ImportOptions& options) {
    csv::Limits limits;
    limits.max_field_bytes = 16 << 20;  // a country outline in WKT can be large
    csv::Reader reader(in, file, 0, limits);
    Columns c(reader, {"owner", "wkt"}, {}, report);
    each_row(reader, report, options, [&](const csv::Record& r) {
        c.require_value(r, "owner");
        c.require_value(r, "wkt");
        out.add_outline({c.get(r, "owner"), c.get(r, "wkt")}, c.at(r, "owner"));
    });
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
