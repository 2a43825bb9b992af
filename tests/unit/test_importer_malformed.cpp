// The malformed-input corpus, read in process: every fixture gives exactly the
// error listed in malformed_cases.hpp (file:line:column and message), quickly,
// and the same error again (skipped, not thrown, where it is a row problem)
// with --keep-going. Generated inputs cover what is too big to commit.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "importers/bundle_importer.hpp"
#include "importers/csv_reader.hpp"
#include "support/test_support.hpp"
#include "unit/malformed_cases.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace mf = regionet::test::malformed;

namespace {

using ReadPart = void (*)(std::istream&, const std::string&, ModelBuilder&, ImportReport&, const ImportOptions&);

ReadPart reader_for(const std::string& part) {
    if (part == "dataset") return bundle::read_dataset_info;
    if (part == "municipalities") return bundle::read_municipalities;
    if (part == "arrangements") return bundle::read_arrangements;
    if (part == "memberships") return bundle::read_memberships;
    if (part == "participants") return bundle::read_participants;
    if (part == "neighbours") return bundle::read_neighbours;
    if (part == "outlines") return bundle::read_outlines;
    FAIL("no bundle part '" << part << "'");
    return nullptr;
}

// Reads the base bundle up to the case's part, then the case under its own
// name. Returns the error message, "" when the import went through.
std::string read_case(const std::string& file, const std::string& content, bool keep_going = false,
                      ImportReport* report_out = nullptr) {
    ModelBuilder builder("t");
    ImportReport report;
    ImportOptions options;
    options.keep_going = keep_going;
    const auto part = mf::part_of(file);
    try {
        for (const auto& p : mf::parts) {
            if (p == part) {
                std::istringstream in(content);
                reader_for(p)(in, file, builder, report, options);
                break;
            }
            const char* base = p == "municipalities" ? mf::base_municipalities
                               : p == "arrangements" ? mf::base_arrangements
                               : p == "memberships"  ? mf::base_memberships
                                                     : nullptr;
            if (!base) continue;
            std::istringstream in(base);
            reader_for(p)(in, p + ".csv", builder, report, options);
        }
    } catch (const ImportError& e) {
        return e.what();
    }
    if (report_out) *report_out = report;
    return "";
}

}  // namespace

TEST_CASE("the malformed corpus and its expectations match one to one", "[importer][malformed]") {
    std::set<std::string> listed;
    for (const auto& c : mf::cases) {
        CHECK(listed.insert(c.file).second);  // no case twice
        CHECK(fs::exists(test::fixture("malformed") / c.file));
    }
    for (const auto& c : mf::roo_cases) {  // the register's cases share the folder
        CHECK(listed.insert(c.file).second);
        CHECK(fs::exists(test::fixture("malformed") / c.file));
    }
    std::set<std::string> on_disk;
    for (const auto& e : fs::directory_iterator(test::fixture("malformed"))) on_disk.insert(e.path().filename().string());
    CHECK(on_disk == listed);
    CHECK(listed.size() >= 50);
}

TEST_CASE("every malformed input gives its exact error, file:line:column first", "[importer][malformed]") {
    for (const auto& c : mf::cases) {
        INFO(c.file);
        const auto content = test::read_file(test::fixture("malformed") / c.file);
        CHECK(read_case(c.file, content) == std::string(c.file) + c.expected);
    }
}

TEST_CASE("with --keep-going a malformed row is reported and skipped, a malformed file still stops",
          "[importer][malformed]") {
    for (const auto& c : mf::cases) {
        INFO(c.file);
        const auto content = test::read_file(test::fixture("malformed") / c.file);
        ImportReport report;
        const auto error = read_case(c.file, content, true, &report);
        const auto expected = std::string(c.file) + c.expected;
        if (error.empty()) {
            // A row problem: the same message, recorded once, and the file's count of skipped rows.
            REQUIRE(report.skipped.size() == 1);
            CHECK(report.skipped[0].what() == expected);
            CHECK(report.files[c.file].skipped == 1);
        } else {
            CHECK(error == expected);  // the file as a whole is unreadable
        }
    }
}

TEST_CASE("inputs far beyond the limits fail early, naming the limit", "[importer][malformed][limits]") {
    SECTION("a 10 MB field") {
        const std::string content = "code,name\nGM1," + std::string(10 << 20, 'x') + "\n";
        CHECK(read_case("municipalities-10mb-field.csv", content) ==
              "municipalities-10mb-field.csv:2:2: field longer than the limit of 1048576 bytes");
    }
    SECTION("a 10 MB quoted field") {
        const std::string content = "code,name\nGM1,\"" + std::string(10 << 20, 'x') + "\"\n";
        CHECK(read_case("municipalities-10mb-quoted.csv", content) ==
              "municipalities-10mb-quoted.csv:2:2: field longer than the limit of 1048576 bytes");
    }
    SECTION("a million columns in one line") {
        std::string content = "code,name\nGM1,Alpha";
        for (int i = 0; i < 1'000'000; ++i) content += ",x";
        CHECK(read_case("municipalities-million-columns.csv", content + "\n") ==
              "municipalities-million-columns.csv:2:1001: more than 1000 columns in one record (the limit)");
    }
    SECTION("a million columns in the header") {
        std::string content = "code,name";
        for (int i = 0; i < 1'000'000; ++i) content += ",c" + std::to_string(i);
        CHECK(read_case("municipalities-million-header.csv", content + "\nGM1,Alpha\n") ==
              "municipalities-million-header.csv:1:1001: more than 1000 columns in one record (the limit)");
    }
    SECTION("a million blank lines and a stray delimiter line end quickly") {
        const std::string content = "code,name\n" + std::string(1'000'000, '\n') + ",\nGM1,Alpha\n";
        CHECK(read_case("municipalities-blank.csv", content) == "");
    }
    SECTION("a file larger than the input limit stops while reading") {
        csv::Limits limits;
        limits.max_input_bytes = 1000;
        std::istringstream in("code,name\n" + std::string(1 << 20, 'x'));
        try {
            csv::Reader reader(in, "big.csv", 0, limits);
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(std::string(e.what()) == "big.csv: file is larger than the limit of 1000 bytes");
            // Reading stopped within one buffer of the limit, not at the end of the stream.
            CHECK(in.tellg() < 1000 + (1 << 17));
        }
    }
}

TEST_CASE("malformed bundles as folders", "[importer][malformed][bundle]") {
    test::TempDir tmp;
    auto write = [&](const fs::path& p, const std::string& text) {
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    };
    auto read = [](const fs::path& dir) -> std::string {
        ModelBuilder builder("t");
        ImportReport report;
        try {
            importer_for(dir).read(dir, builder, report, {});
        } catch (const ImportError& e) {
            return e.what();
        }
        return "";
    };
    SECTION("an empty folder is no format regionet reads") {
        fs::create_directories(tmp / "empty");
        CHECK_THAT(read(tmp / "empty"),
                   Catch::StartsWith((tmp / "empty").string() + ": not a format regionet reads; expected one of:"));
    }
    SECTION("an empty bundle: headers only") {
        write(tmp / "b/municipalities.csv", "code,name\n");
        write(tmp / "b/arrangements.csv", "id,name\n");
        write(tmp / "b/memberships.csv", "arrangement_id,municipality_code\n");
        CHECK(read(tmp / "b") == (tmp / "b").string() +
                                     ": empty bundle: no rows in any file; expected at least one municipality in "
                                     "municipalities.csv");
    }
    SECTION("an empty bundle: empty files") {
        write(tmp / "b/municipalities.csv", "");
        write(tmp / "b/arrangements.csv", "");
        write(tmp / "b/memberships.csv", "");
        CHECK(read(tmp / "b") == (tmp / "b/municipalities.csv").string() + ": file is empty; expected a header line");
    }
    SECTION("a missing required file") {
        write(tmp / "b/municipalities.csv", mf::base_municipalities);
        write(tmp / "b/arrangements.csv", mf::base_arrangements);
        CHECK(read(tmp / "b") == (tmp / "b/memberships.csv").string() +
                                     ": missing file; a bundle needs municipalities.csv, arrangements.csv and "
                                     "memberships.csv");
    }
    SECTION("a folder where a file should be") {
        write(tmp / "b/municipalities.csv", mf::base_municipalities);
        write(tmp / "b/arrangements.csv/x", "");
        write(tmp / "b/memberships.csv", mf::base_memberships);
        CHECK(read(tmp / "b") == (tmp / "b/arrangements.csv").string() + ": not a regular file; expected a CSV file");
    }
    SECTION("a link to an endless device is refused before reading") {
        write(tmp / "b/municipalities.csv", mf::base_municipalities);
        write(tmp / "b/arrangements.csv", mf::base_arrangements);
        fs::create_symlink("/dev/zero", tmp / "b/memberships.csv");
        CHECK(read(tmp / "b") == (tmp / "b/memberships.csv").string() + ": not a regular file; expected a CSV file");
    }
}
