#include "importers/workbook_importer.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "geo/geo.hpp"
#include "importers/bundle_importer.hpp"
#include "importers/csv_reader.hpp"
#include "importers/table_source.hpp"
#include "importers/workbook_package.hpp"

namespace regionet {

namespace fs = std::filesystem;

namespace {

bool is_workbook_path(const fs::path& p) {
    const auto ext = csv::lower_ascii(p.extension().string());
    return ext == ".xlsx" || ext == ".ods";
}

// One sheet, read whole through GDAL with every cell as text. GDAL's feature
// id is the spreadsheet row when the first row is forced to be the header.
class SheetTable final : public TableSource {
public:
    SheetTable(OGRLayer& layer, std::string file, std::string sheet)
        : m_file(std::move(file)), m_sheet(std::move(sheet)), m_name(m_file + ":" + m_sheet) {
        auto* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            std::string h = csv::trim(defn->GetFieldDefn(i)->GetNameRef());
            // GDAL names a column with an empty header cell Field<N>.
            if (h == "Field" + std::to_string(i + 1)) h.clear();
            m_header.push_back(std::move(h));
        }
        layer.ResetReading();
        for (auto& feature : layer) {
            csv::Record r;
            r.line = static_cast<std::size_t>(feature->GetFID());
            for (int i = 0; i < defn->GetFieldCount(); ++i) {
                r.fields.emplace_back(feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "");
                r.lines.push_back(r.line);
            }
            m_rows.push_back(std::move(r));
        }
        // A sheet of one row (a header without data) reaches GDAL's forced
        // header as data with columns Field1, Field2 ...: take that row as the header.
        const bool unnamed =
            std::all_of(m_header.begin(), m_header.end(), [](const std::string& h) { return h.empty(); });
        if (unnamed && !m_rows.empty() && m_rows.front().line == 1) {
            for (std::size_t i = 0; i < m_header.size(); ++i) m_header[i] = csv::trim(m_rows.front().fields[i]);
            m_rows.erase(m_rows.begin());
        }
        for (std::size_t i = 0; i < m_header.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (!m_header[i].empty() && csv::lower_ascii(m_header[i]) == csv::lower_ascii(m_header[j]))
                    throw ImportError({m_file, 1, i + 1, m_sheet}, "duplicate column '" + m_header[i] +
                                                                        "' in header (also column " +
                                                                        column_letters(j + 1) + ")");
    }

    // A merged range's value sits in its top-left cell; GDAL reads the other
    // cells as empty. A user who merges the arrangement over its members' rows
    // means that value in each row: fill the empty cells of each range, in rows
    // that hold something else (a range hanging over blank rows below the
    // table adds no rows). The header row is left as it is. A covered cell that
    // still holds a value of its own (kept hidden under the merge) shows the
    // range's value on screen, so it takes that value; replaced counts those.
    // Returns how many cells were filled.
    std::size_t fill_merged(const std::vector<workbook::CellRange>& ranges, std::size_t& replaced) {
        std::map<std::size_t, std::size_t> by_row;  // spreadsheet row -> index into m_rows
        std::vector<bool> blank;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            by_row[m_rows[i].line] = i;
            blank.push_back(std::all_of(m_rows[i].fields.begin(), m_rows[i].fields.end(),
                                        [](const std::string& f) { return csv::trim(f).empty(); }));
        }
        std::size_t filled = 0;
        for (const auto& range : ranges) {
            const auto top = by_row.find(range.first_row);
            if (range.first_row < 2 || top == by_row.end()) continue;
            const auto& fields = m_rows[top->second].fields;
            if (range.first_column > fields.size()) continue;
            const auto value = fields[range.first_column - 1];
            if (csv::trim(value).empty()) continue;
            // Only the rows GDAL reported: a range over a million rows costs no more than the sheet.
            for (auto it = top; it != by_row.end() && it->first <= range.last_row; ++it) {
                if (blank[it->second]) continue;
                auto& row = m_rows[it->second].fields;
                for (std::size_t c = range.first_column; c <= std::min(range.last_column, row.size()); ++c) {
                    if (it->first == range.first_row && c == range.first_column) continue;
                    if (row[c - 1] == value) continue;
                    if (!csv::trim(row[c - 1]).empty()) ++replaced;
                    row[c - 1] = value;
                    ++filled;
                }
            }
        }
        return filled;
    }

    const std::string& name() const noexcept override { return m_name; }
    std::string refer_to(std::string_view table) const override { return "sheet " + std::string(table); }
    const std::vector<std::string>& header() const noexcept override { return m_header; }
    std::optional<std::size_t> find(std::string_view n) const override {
        const auto wanted = csv::lower_ascii(n);
        for (std::size_t i = 0; i < m_header.size(); ++i)
            if (csv::lower_ascii(m_header[i]) == wanted) return i;
        return std::nullopt;
    }
    std::size_t require(std::string_view n) const override {
        if (auto i = find(n)) return *i;
        std::string have;
        for (const auto& h : m_header)
            if (!h.empty()) have += (have.empty() ? "" : ", ") + h;
        throw ImportError(at_row(1), "missing required column '" + std::string(n) + "' (" +
                                         (have.empty() ? std::string("header has no column names")
                                                       : "header has: " + have) +
                                         ")");
    }
    // Blank rows (the empty rows below a table, a row left open) are skipped.
    bool next(csv::Record& r) override {
        while (m_next < m_rows.size()) {
            auto& row = m_rows[m_next++];
            const bool blank = std::all_of(row.fields.begin(), row.fields.end(),
                                           [](const std::string& f) { return csv::trim(f).empty(); });
            if (blank) continue;
            r = row;
            return true;
        }
        return false;
    }
    SourceLoc at(const csv::Record& r, std::size_t column) const override {
        return {m_file, r.line, column + 1, m_sheet};
    }
    SourceLoc at_row(std::size_t line) const override { return {m_file, line, 0, m_sheet}; }
    // Text typed into a cell in a Dutch spreadsheet may carry a decimal comma.
    bool decimal_comma() const noexcept override { return true; }
    // A cell holds text as text: nothing to undo.
    bool formula_guard() const noexcept override { return false; }
    std::string date(std::string value) const override { return workbook::iso_date(value); }

private:
    std::string m_file;
    std::string m_sheet;
    std::string m_name;
    std::vector<std::string> m_header;
    std::vector<csv::Record> m_rows;
    std::size_t m_next = 0;
};

// The days-from-civil algorithm (H. Hinnant): proleptic Gregorian date of a day count.
std::string civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[64];  // room for any three long longs: GCC -Og warns of truncation otherwise
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
    return buf;
}

}  // namespace

namespace workbook {

std::string iso_date(const std::string& value) {
    const auto v = csv::trim(value);
    const auto digit = [&](std::size_t i) { return i < v.size() && v[i] >= '0' && v[i] <= '9'; };
    // 2024/03/01 or 2024-03-01, with or without a time of day.
    if (v.size() >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && (v[4] == '/' || v[4] == '-') &&
        digit(5) && digit(6) && v[7] == v[4] && digit(8) && digit(9) &&
        (v.size() == 10 || v[10] == ' ' || v[10] == 'T')) {
        auto iso = v.substr(0, 10);
        iso[4] = iso[7] = '-';
        const auto rest = v.size() > 10 ? v.substr(11) : std::string();
        if (rest.empty() || rest == "00:00:00" || rest == "00:00") return iso;
        return v;
    }
    // An Excel serial number (the 1900 date system; day 60 is Excel's 29 Feb 1900,
    // so from day 61 on a day count from 1899-12-30 gives the date).
    if (v.size() >= 5 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) && v.size() <= 7) {
        const long long serial = std::stoll(v);
        if (serial >= 10000 && serial <= 2958465) return civil_from_days(serial - 25569);  // 25569 = 1970-01-01
    }
    return v;
}

Dataset merge_onto(const Dataset& base, const Dataset& inventory) {
    Dataset out = base;
    auto upsert = [](auto& into, const auto& item, auto same) {
        for (auto& x : into)
            if (same(x, item)) {
                x = item;
                return;
            }
        into.push_back(item);
    };
    std::map<std::string, std::size_t> municipality;
    for (std::size_t i = 0; i < out.municipalities.size(); ++i) municipality[out.municipalities[i].code] = i;
    for (const auto& m : inventory.municipalities) {
        if (auto it = municipality.find(m.code); it != municipality.end()) out.municipalities[it->second] = m;
        else out.municipalities.push_back(m);
    }
    std::map<std::string, std::size_t> arrangement;
    for (std::size_t i = 0; i < out.arrangements.size(); ++i) arrangement[out.arrangements[i].id] = i;
    for (auto a : inventory.arrangements) {
        if (auto it = arrangement.find(a.id); it != arrangement.end()) {
            out.arrangements[it->second] = std::move(a);
            continue;
        }
        // New to the dataset: it came from the inventory, and says so.
        if (csv::lower_ascii(a.source).rfind(inventory_source, 0) != 0)
            a.source = a.source.empty() ? inventory_source : std::string(inventory_source) + ": " + a.source;
        out.arrangements.push_back(std::move(a));
    }
    std::map<std::pair<std::string, std::string>, std::size_t> membership;
    for (std::size_t i = 0; i < out.memberships.size(); ++i)
        membership[{out.memberships[i].arrangement_id, out.memberships[i].municipality_code}] = i;
    for (const auto& m : inventory.memberships) {
        if (auto it = membership.find({m.arrangement_id, m.municipality_code}); it != membership.end())
            out.memberships[it->second] = m;
        else out.memberships.push_back(m);
    }
    for (const auto& p : inventory.participants)
        upsert(out.participants, p, [](const Participant& x, const Participant& y) {
            return x.arrangement_id == y.arrangement_id && x.name == y.name;
        });
    for (const auto& n : inventory.neighbours)
        upsert(out.neighbours, n, [](const Neighbour& x, const Neighbour& y) { return x.a == y.a && x.b == y.b; });
    for (const auto& o : inventory.outlines)
        upsert(out.outlines, o, [](const Outline& x, const Outline& y) { return x.owner == y.owner; });
    out.reindex();
    return out;
}

}  // namespace workbook

bool WorkbookImporter::accepts(const fs::path& input) const {
    return fs::is_regular_file(input) && is_workbook_path(input);
}

void WorkbookImporter::read(const fs::path& input, ModelBuilder& out, ImportReport& report,
                            const ImportOptions& options) const {
    const auto file = input.string();
    if (!is_workbook_path(input)) throw ImportError({file}, "not a workbook; expected an .xlsx or .ods file");
    if (!fs::is_regular_file(input)) throw ImportError({file}, "not a regular file; expected an .xlsx or .ods file");
    // Every cell as text, the first row as header (GDAL 3.6 reads these as
    // configuration options; 3.8 also has open options for them).
    const CPLConfigOptionSetter xlsx_headers("OGR_XLSX_HEADERS", "FORCE", true);
    const CPLConfigOptionSetter xlsx_types("OGR_XLSX_FIELD_TYPES", "STRING", true);
    const CPLConfigOptionSetter ods_headers("OGR_ODS_HEADERS", "FORCE", true);
    const CPLConfigOptionSetter ods_types("OGR_ODS_FIELD_TYPES", "STRING", true);
    geo::MessageCollector messages;
    const char* const drivers[] = {"XLSX", "ODS", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds)
        throw ImportError({file}, "cannot read as a workbook" +
                                      (messages.messages().empty() ? std::string() : " (" + messages.last_error() + ")") +
                                      "; expected an .xlsx or .ods file saved by a spreadsheet program");

    using Reader = void (*)(TableSource&, ModelBuilder&, ImportReport&, const ImportOptions&);
    struct Part {
        const char* sheet;
        bool required;
        Reader read;
    };
    // Order matters: references are checked against what was read before.
    const Part parts[] = {
        {"dataset", false, bundle::read_dataset_info},
        {"municipalities", true, bundle::read_municipalities},
        {"arrangements", true, bundle::read_arrangements},
        {"memberships", true, bundle::read_memberships},
        {"participants", false, bundle::read_participants},
    };
    std::map<std::string, OGRLayer*> sheets;  // by lower-case name
    std::string all_names;
    for (auto* layer : ds->GetLayers()) {
        sheets[csv::lower_ascii(csv::trim(layer->GetName()))] = layer;
        all_names += (all_names.empty() ? "" : ", ") + std::string(layer->GetName());
    }
    for (const auto& part : parts)
        if (part.required && !sheets.count(part.sheet))
            throw ImportError({file}, std::string("no sheet '") + part.sheet + "' (the workbook has: " +
                                          (all_names.empty() ? std::string("no sheets") : all_names) +
                                          "); expected sheets municipalities, arrangements and memberships");
    // GDAL reads hidden sheets like visible ones; the package says which are hidden.
    const auto layout = workbook::read_layout(input, ds->GetDriver() ? ds->GetDriver()->GetDescription() : "XLSX");
    const auto hidden = [&](OGRLayer* layer) {
        auto it = layout.find(layer->GetName());
        return it != layout.end() && it->second.hidden;
    };
    // A hidden sheet that is no bundle table (notes, a lookup list) is skipped;
    // one that is a bundle table holds data the user kept, hidden or not: read it.
    std::string ignored, skipped;
    for (const auto& [lower, layer] : sheets) {
        bool known = lower == workbook::instructions_sheet || lower == workbook::values_sheet;
        for (const auto& part : parts) known = known || lower == part.sheet;
        if (known) continue;
        auto& list = hidden(layer) ? skipped : ignored;
        list += (list.empty() ? "'" : ", '") + std::string(layer->GetName()) + "'";
    }
    if (!ignored.empty()) report.notice(file + ": ignored sheet(s) " + ignored);
    if (!skipped.empty()) report.notice(file + ": skipped hidden sheet(s) " + skipped);
    for (const auto& part : parts) {
        auto it = sheets.find(part.sheet);
        if (it == sheets.end()) continue;
        // GDAL writes a sheet without rows as a blank sheet: an optional one is simply empty.
        if (!part.required && it->second->GetLayerDefn()->GetFieldCount() == 0) continue;
        if (hidden(it->second))
            report.notice(file + ":" + it->second->GetName() +
                          ": the sheet is hidden in the workbook; read all the same, as a bundle table");
        SheetTable table(*it->second, file, it->second->GetName());
        if (auto l = layout.find(it->second->GetName()); l != layout.end())
            if (std::size_t replaced = 0, filled = table.fill_merged(l->second.merged, replaced); filled > 0)
                report.notice(file + ":" + it->second->GetName() + ": filled " + std::to_string(filled) +
                              (filled == 1 ? " cell" : " cells") +
                              " from merged ranges, with the value of the range's top-left cell" +
                              (replaced == 0 ? std::string()
                                             : " (" + std::to_string(replaced) +
                                                   " of them held a value of their own, hidden under the merge)"));
        part.read(table, out, report, options);
    }
    std::size_t rows = 0;
    for (const auto& part : parts) {  // the dataset sheet's one row of provenance is no data
        auto it = sheets.find(part.sheet);
        if (it == sheets.end() || std::string_view(part.sheet) == "dataset") continue;
        auto c = report.files.find(file + ":" + it->second->GetName());
        if (c != report.files.end()) rows += c->second.imported + c->second.skipped;
    }
    if (rows == 0)
        throw ImportError({file}, "empty workbook: no rows in any sheet; expected at least one municipality in sheet municipalities");
}

}  // namespace regionet
