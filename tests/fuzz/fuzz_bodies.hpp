#pragma once
// What each libFuzzer harness does with one input, shared with the regression
// test (tests/unit/test_importer_fuzz_regressions.cpp) that replays every
// input the fuzzer ever crashed on, in the normal (and the ASan) test suite.
//
// Contract: a body may throw regionet::Error (bad input, reported to the
// user); anything else -- a crash, a sanitizer report, another exception, a
// broken invariant (fuzz_check) -- is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/boundary_importer.hpp"
#include "importers/bundle_importer.hpp"
#include "importers/csv_reader.hpp"
#include "importers/opengr_importer.hpp"
#include "importers/regioatlas_importer.hpp"
#include "importers/roo_importer.hpp"
#include "store/store.hpp"

#ifndef REGIONET_FUZZ_DATA_DIR
#define REGIONET_FUZZ_DATA_DIR REGIONET_DATA_DIR  // the tests' data folder
#endif

namespace regionet::fuzz {

// A broken invariant: report and abort, so the fuzzer records the input.
inline void fuzz_check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

// Splits data at the byte 0x1E (ASCII record separator) into at most n parts.
inline std::vector<std::string> split(const std::uint8_t* data, std::size_t size, std::size_t n) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0x1E && parts.size() < n) parts.emplace_back();
        else parts.back() += static_cast<char>(data[i]);
    }
    parts.resize(n);
    return parts;
}

// A temporary file for bodies that need a path; removed with its SQLite companions.
class ScratchFile {
public:
    explicit ScratchFile(const std::string& suffix)
        : m_path(std::filesystem::temp_directory_path() / ("regionet-fuzz-" + std::to_string(::getpid()) + suffix)) {
        clean();
    }
    ~ScratchFile() { clean(); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::filesystem::path& path() const noexcept { return m_path; }
    void write(const std::uint8_t* data, std::size_t size) const {
        std::ofstream out(m_path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }

private:
    void clean() const {
        std::error_code ec;
        for (const char* s : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(m_path.string() + s, ec);
    }
    std::filesystem::path m_path;
};

// The CSV reader: every record, and every field as each kind of number.
inline void csv_reader(const std::uint8_t* data, std::size_t size) {
    csv::Limits limits;
    limits.max_field_bytes = 4096;
    limits.max_columns = 64;
    const char delimiter = size > 0 && data[0] == '!' ? ';' : 0;  // also a fixed delimiter
    csv::Reader reader(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv", delimiter, limits);
    fuzz_check(reader.header().size() <= limits.max_columns, "header within the column limit");
    csv::Record r;
    std::size_t last_line = 0;
    while (reader.next(r)) {
        fuzz_check(r.fields.size() == reader.header().size(), "records padded to the header");
        fuzz_check(r.lines.size() == r.fields.size(), "a line for every field");
        fuzz_check(r.line >= last_line && r.line > reader.header_line(), "lines increase");
        last_line = r.line;
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            fuzz_check(r.fields[i].size() <= limits.max_field_bytes, "field within the size limit");
            fuzz_check(!csv::invalid_utf8(r.fields[i]), "fields are UTF-8");
            const auto at = reader.at(r, i);
            try { csv::parse_int(r.fields[i], at, "i", -1000, 1000); } catch (const ImportError&) {}
            try {
                if (auto v = csv::parse_real(r.fields[i], at, "r", reader.delimiter() == ';', -1e6, 1e6))
                    fuzz_check(*v >= -1e6 && *v <= 1e6, "parse_real within range");
            } catch (const ImportError&) {}
            try { csv::parse_year(r.fields[i], at, "y"); } catch (const ImportError&) {}
        }
    }
}

// The bundle's files (parts separated by 0x1E: municipalities, arrangements,
// memberships, neighbours, participants, outlines), then a store round trip.
inline void bundle(const std::uint8_t* data, std::size_t size) {
    const auto parts = split(data, size, 6);
    ModelBuilder builder("fuzz");
    ImportReport report;
    ImportOptions options;
    options.keep_going = size > 0 && (data[size - 1] & 1);
    std::istringstream m(parts[0]), a(parts[1]), s(parts[2]), n(parts[3]), p(parts[4]), o(parts[5]);
    bundle::read_municipalities(m, "municipalities.csv", builder, report, options);
    bundle::read_arrangements(a, "arrangements.csv", builder, report, options);
    bundle::read_memberships(s, "memberships.csv", builder, report, options);
    if (!parts[3].empty()) bundle::read_neighbours(n, "neighbours.csv", builder, report, options);
    if (!parts[4].empty()) bundle::read_participants(p, "participants.csv", builder, report, options);
    if (!parts[5].empty()) bundle::read_outlines(o, "outlines.csv", builder, report, options);
    const Dataset d = builder.finish();
    // What was accepted must be stored and read back exactly.
    Store store(":memory:");
    store.save(d, "2026-01-01T00:00:00Z");
    const Dataset back = store.load("fuzz");
    fuzz_check(back.municipalities.size() == d.municipalities.size(), "municipalities round trip");
    fuzz_check(back.arrangements.size() == d.arrangements.size(), "arrangements round trip");
    fuzz_check(back.memberships.size() == d.memberships.size(), "memberships round trip");
    fuzz_check(back.neighbours.size() == d.neighbours.size(), "neighbours round trip");
    for (const auto& x : d.municipalities) {
        const auto* y = back.find_municipality(x.code);
        fuzz_check(y && y->name == x.name && y->population == x.population, "municipality intact");
    }
}

// Opening any file as a database: read-only first (must not change it), then for writing.
inline void store_open(const std::uint8_t* data, std::size_t size) {
    static const ScratchFile file(".db");
    file.write(data, size);
    const std::string path = file.path().string();
    try {
        Store store(path, Store::Mode::read_only);
        for (const auto& info : store.datasets()) (void)store.load(info.name);
    } catch (const Error&) {
    }
    {
        std::ifstream in(file.path(), std::ios::binary);
        std::string now((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        fuzz_check(now == std::string(reinterpret_cast<const char*>(data), size), "read-only open leaves the file");
    }
    Store store(path, Store::Mode::read_write);
    for (const auto& info : store.datasets()) (void)store.load(info.name);
}

// A Regioatlas division file, with the domain folder taken from the input's first byte.
inline void regioatlas(const std::uint8_t* data, std::size_t size) {
    static const char* const domains[] = {"veiligheid", "sociaal", "fysiek", "bestuurlijk", ""};
    ModelBuilder builder("fuzz");
    ImportReport report;
    ImportOptions options;
    options.keep_going = size > 0 && (data[size - 1] & 1);
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    regioatlas::read_division(in, "fuzz.csv", domains[size ? data[0] % 5 : 4], builder, report, options);
    (void)builder.finish();
}

// The OpenGR register (after a code list, separated by 0x1E), matched against a
// few municipalities including the ambiguous and qualified names it resolves.
inline void opengr(const std::uint8_t* data, std::size_t size) {
    const auto parts = split(data, size, 2);
    ModelBuilder builder("fuzz");
    const char* const names[][3] = {{"GM0373", "Bergen (NH.)", "Noord-Holland"}, {"GM0893", "Bergen (L.)", "Limburg"},
                                    {"GM0164", "Hengelo", "Overijssel"},          {"GM0363", "Amsterdam", "Noord-Holland"},
                                    {"GM1900", "Súdwest-Fryslân", "Fryslân"},     {"GM0796", "'s-Hertogenbosch", "Noord-Brabant"}};
    for (const auto& n : names) {
        Municipality m;
        m.code = n[0];
        m.name = n[1];
        m.province = n[2];
        builder.add_municipality(m, {"base"});
    }
    ImportReport report;
    ImportOptions options;
    options.keep_going = size > 0 && (data[size - 1] & 1);
    std::map<std::string, std::string> codes;
    if (!parts[0].empty()) {
        std::istringstream c(parts[0]);
        codes = opengr::read_codes(c, "codes.csv");
    }
    std::istringstream in(parts[1]);
    opengr::read_register(in, "opengr.csv", codes, builder, report, options);
    (void)builder.finish();
}

// A municipality boundary file (GeoJSON or TopoJSON text) through GDAL.
inline void boundary(const std::uint8_t* data, std::size_t size) {
    static const ScratchFile file(".geojson");
    file.write(data, size);
    ModelBuilder builder("fuzz");
    ImportReport report;
    BoundarySources sources;
    sources.municipalities = file.path();
    import_boundaries(sources, builder, report, {});
    (void)builder.finish();
}

// The ROO register: up to three version files and one municipality file
// (separated by 0x1E) in a scratch register folder, onto two municipalities.
inline void roo(const std::uint8_t* data, std::size_t size) {
    namespace fs = std::filesystem;
    static const fs::path dir = fs::temp_directory_path() / ("regionet-fuzz-roo-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir / "gemeenschappelijke-regelingen");
    fs::create_directories(dir / "gemeenten");
    const auto parts = split(data, size, 4);
    for (std::size_t i = 0; i < 3; ++i)
        if (!parts[i].empty())
            std::ofstream(dir / "gemeenschappelijke-regelingen" / ("v" + std::to_string(i) + ".yaml"), std::ios::binary) << parts[i];
    if (!parts[3].empty()) std::ofstream(dir / "gemeenten" / "g.yaml", std::ios::binary) << parts[3];
    ModelBuilder builder("fuzz");
    for (const char* code : {"GM0001", "GM0002"}) {
        Municipality m;
        m.code = code;
        m.name = code;
        builder.add_municipality(m, {"base"});
    }
    ImportReport report;
    ImportOptions options;
    options.keep_going = size > 0 && (data[size - 1] & 1);
    options.roo_domains = fs::path(REGIONET_FUZZ_DATA_DIR) / "roo_domains.toml";
    RooImporter{}.read(dir, builder, report, options);
    (void)builder.finish();
    fs::remove_all(dir, ec);
}

}  // namespace regionet::fuzz
