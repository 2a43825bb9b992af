#include "importers/regioatlas_importer.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "importers/csv_reader.hpp"
#include "importers/name_matching.hpp"

namespace regionet {

namespace fs = std::filesystem;

namespace {

const char* const domain_folders[] = {"bestuurlijk", "fysiek", "sociaal", "veiligheid"};

// "bestuurlijk" for .../Bestuurlijk/x.csv; empty for any other folder.
std::string domain_of(const fs::path& file) {
    const auto folder = csv::lower_ascii(file.parent_path().filename().string());
    for (const char* d : domain_folders)
        if (folder == d) return folder;
    return {};
}

std::string first_line(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::getline(in, line);
    return line;
}

bool is_export(const fs::path& file) {
    return fs::is_regular_file(file) && csv::lower_ascii(file.extension().string()) == ".csv" &&
           regioatlas::is_regioatlas_header(first_line(file));
}

// The export files of a folder: its own and those of its domain subfolders, sorted.
std::vector<fs::path> export_files(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (is_export(e.path())) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

void append_source(Dataset& d, const std::string& source) {
    if (d.source.find(source) != std::string::npos) return;
    d.source += (d.source.empty() ? "" : "; ") + source;
}

struct Row {
    std::string municipality;            // GM code
    std::string name;
    std::string region;
    std::optional<std::int64_t> inhabitants;
    SourceLoc at;
};

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

}  // namespace

namespace regioatlas {

bool is_regioatlas_header(std::string_view line) {
    if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    std::string s;
    for (char c : line)
        if (c != '"') s += c;
    s = csv::lower_ascii(s);
    return s.rfind("gemeente;cbs;", 0) == 0;
}

std::string read_division(std::istream& in, const std::string& file, const std::string& domain, ModelBuilder& out,
                          ImportReport& report, const ImportOptions& options) {
    csv::Reader reader(in, file, ';');
    report.files[file];
    const auto name_col = reader.require("Gemeente");
    const auto code_col = reader.require("CBS");
    if (reader.header().size() < 3 || csv::trim(reader.header()[2]).empty())
        throw ImportError({file, reader.header_line(), 3}, "expected the division's name as third header");
    const std::size_t region_col = 2;
    const auto division_name = csv::trim(reader.header()[2]);
    const auto division = names::slug(division_name);
    if (division.empty())
        throw ImportError({file, reader.header_line(), 3}, "division name '" + division_name + "' has no letters");
    const auto inhabitants_col = reader.find("Inwoneraantal van regio");

    std::vector<Row> rows;
    csv::Record r;
    while (reader.next(r)) {
        try {
            Row row;
            row.at = reader.at(r, code_col);
            const auto code = csv::trim(r.fields[code_col]);
            if (code.empty() || code.size() > 4 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
                throw ImportError(row.at, "CBS: expected a municipality code of up to 4 digits, got '" + code + "'");
            row.municipality = "GM" + std::string(4 - code.size(), '0') + code;
            row.name = csv::trim(r.fields[name_col]);
            if (row.name.empty()) throw ImportError(reader.at(r, name_col), "empty Gemeente; expected a name");
            row.region = csv::trim(r.fields[region_col]);
            if (row.region.empty())
                throw ImportError(reader.at(r, region_col), "empty " + division_name + "; expected a region");
            if (inhabitants_col)
                row.inhabitants = csv::parse_int(csv::trim(r.fields[*inhabitants_col]), reader.at(r, *inhabitants_col),
                                                 "Inwoneraantal van regio", 0, 1'000'000'000);
            rows.push_back(std::move(row));
        } catch (const ImportError& e) {
            report.skip(e, options);
        }
    }

    // Regions of this division, in order of first appearance; their ids.
    std::map<std::string, std::vector<std::string>> regions_of;  // municipality -> regions
    for (const auto& row : rows) {
        auto& v = regions_of[row.municipality];
        if (std::find(v.begin(), v.end(), row.region) == v.end()) v.push_back(row.region);
    }
    std::map<std::string, std::string> region_id;  // region name -> id
    std::set<std::string> used_ids;
    auto& dataset = out.dataset();
    append_source(dataset, source);
    if (dataset.reference_date.empty()) dataset.reference_date = reference_date;

    for (const auto& row : rows) {
        try {
            // Municipality: upsert.
            if (!out.has_municipality(row.municipality)) {
                Municipality m;
                m.code = row.municipality;
                m.name = row.name;
                out.add_municipality(std::move(m), row.at);
            } else if (auto* m = out.municipality(row.municipality); m->name.empty()) {
                m->name = row.name;
            }
            if (division == "provincies") {
                auto* m = out.municipality(row.municipality);
                if (m->province.empty()) m->province = names::province_name(row.region);
            }
            // Region: one arrangement per distinct name.
            auto it = region_id.find(row.region);
            if (it == region_id.end()) {
                auto id = division + ":" + names::slug(row.region);
                for (int k = 2; used_ids.count(id) || out.has_arrangement(id); ++k)
                    id = division + ":" + names::slug(row.region) + "-" + std::to_string(k);
                Arrangement a;
                a.id = id;
                a.name = row.region;
                a.domain = domain;
                a.form = "regional_division";
                a.division = division;
                a.source = source;
                a.reference_date = reference_date;
                a.inhabitants = row.inhabitants;
                out.add_arrangement(std::move(a), row.at);
                used_ids.insert(id);
                it = region_id.emplace(row.region, id).first;
            } else if (row.inhabitants) {
                auto* a = out.arrangement(it->second);
                if (a->inhabitants && *a->inhabitants != *row.inhabitants)
                    report.notice(row.at.str() + ": region '" + row.region + "' has inhabitants " +
                                  std::to_string(*row.inhabitants) + " here but " + std::to_string(*a->inhabitants) +
                                  " before; the first value kept");
            }
            if (out.has_membership(it->second, row.municipality)) {
                report.notice(row.at.str() + ": " + row.name + " (" + row.municipality + ") listed twice in region '" +
                              row.region + "'; one membership kept");
                report.imported(file);
                continue;
            }
            Membership m;
            m.arrangement_id = it->second;
            m.municipality_code = row.municipality;
            const auto& regions = regions_of[row.municipality];
            if (regions.size() > 1)
                m.note = "split municipality: in " + std::to_string(regions.size()) + " regions of this division";
            out.add_membership(std::move(m), row.at);
            report.imported(file);
        } catch (const ImportError& e) {
            report.skip(e, options);
        }
    }
    for (const auto& [code, regions] : regions_of) {
        if (regions.size() < 2) continue;
        const auto* m = out.municipality(code);
        report.notice(file + ": " + (m ? m->name : code) + " (" + code + ") is listed in " +
                      std::to_string(regions.size()) + " regions of '" + division_name + "': " + join(regions, ", ") +
                      "; every membership kept");
    }
    return division;
}

}  // namespace regioatlas

bool RegioatlasImporter::accepts(const fs::path& input) const {
    if (fs::is_regular_file(input)) return is_export(input);
    if (!fs::is_directory(input)) return false;
    for (const char* d : domain_folders)
        for (const auto& e : fs::directory_iterator(input))
            if (e.is_directory() && csv::lower_ascii(e.path().filename().string()) == d) return true;
    for (const auto& e : fs::directory_iterator(input))
        if (is_export(e.path())) return true;
    return false;
}

void RegioatlasImporter::read(const fs::path& input, ModelBuilder& out, ImportReport& report,
                              const ImportOptions& options) const {
    std::vector<fs::path> files;
    if (fs::is_directory(input)) {
        files = export_files(input);
        if (files.empty())
            throw ImportError({input.string()}, "no Regioatlas export in this folder; expected CSV files headed Gemeente;CBS;...");
    } else {
        files.push_back(input);
    }
    std::map<std::string, std::string> division_file;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) throw ImportError({f.string()}, "cannot open for reading");
        const auto division = regioatlas::read_division(in, f.string(), domain_of(f), out, report, options);
        auto [it, inserted] = division_file.emplace(division, f.string());
        if (!inserted)
            throw ImportError({f.string()}, "division '" + division + "' was already read from " + it->second);
    }
}

}  // namespace regionet
