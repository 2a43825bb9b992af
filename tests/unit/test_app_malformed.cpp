// The malformed corpus through a real `regionet import` into a database that
// already holds the dataset: exit status 1, the exact message on stderr,
// bounded time and memory, and the database file byte for byte unchanged.
#include <catch2/catch.hpp>

#include "unit/malformed_cases.hpp"
#include "unit/reliability_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace mf = regionet::test::malformed;
namespace rel = regionet::test::rel;

namespace {

// A folder with the valid base bundle.
void write_base(const fs::path& dir) {
    rel::write_text(dir / "municipalities.csv", mf::base_municipalities);
    rel::write_text(dir / "arrangements.csv", mf::base_arrangements);
    rel::write_text(dir / "memberships.csv", mf::base_memberships);
}

struct Fixture {
    test::TempDir tmp;
    std::string db = (tmp / "r.db").string();
    std::string pristine;

    Fixture() {
        write_base(tmp / "base");
        auto r = test::run_regionet({"--db", db, "--quiet", "import", (tmp / "base").string(), "--as", "x"});
        if (r.status != 0) throw std::runtime_error("base import failed: " + r.err);
        pristine = test::read_file(db);
    }

    // Imports bundle as "x" again and checks it failed with message, leaving the file as it was.
    void expect_rejected(const fs::path& bundle, const std::string& message) {
        const auto r = rel::run_measured({"--db", db, "import", bundle.string(), "--as", "x"});
        CHECK(r.status == 1);
        CHECK(r.err == "regionet: " + message + "\n");
        CHECK(r.out.empty());
        CHECK(r.max_rss_kb < rel::max_rss_kb);
        CHECK(test::read_file(db) == pristine);
        CHECK_FALSE(fs::exists(db + "-wal"));
        CHECK_FALSE(fs::exists(db + "-journal"));
        if (test::read_file(db) != pristine) std::ofstream(db, std::ios::binary | std::ios::trunc) << pristine;
    }
};

}  // namespace

TEST_CASE("a malformed bundle is rejected with its exact message and the database is untouched",
          "[app][malformed]") {
    Fixture f;
    for (const auto& c : mf::cases) {
        INFO(c.file);
        const auto bundle = f.tmp / "bad";
        fs::remove_all(bundle);
        write_base(bundle);
        const auto part = bundle / (mf::part_of(c.file) + ".csv");
        fs::copy_file(test::fixture("malformed") / c.file, part, fs::copy_options::overwrite_existing);
        f.expect_rejected(bundle, part.string() + c.expected);
    }
    // The dataset still reads back as the base bundle.
    auto show = test::run_regionet({"--db", f.db, "show", "arrangement", "A1", "--format", "json"});
    CHECK(show.status == 0);
    CHECK(show.out.find("GM1") != std::string::npos);
}

TEST_CASE("huge malformed inputs fail early in bounded memory, the database untouched", "[app][malformed][limits]") {
    Fixture f;
    const auto bundle = f.tmp / "big";
    SECTION("a 10 MB field") {
        write_base(bundle);
        rel::write_text(bundle / "municipalities.csv", "code,name\nGM1," + std::string(10 << 20, 'x') + "\n");
        f.expect_rejected(bundle, (bundle / "municipalities.csv").string() + ":2:2: field longer than the limit of 1048576 bytes");
    }
    SECTION("a million columns in one line") {
        write_base(bundle);
        std::string line = "A1,GM2";
        for (int i = 0; i < 1'000'000; ++i) line += ",";
        line += "x";
        rel::write_text(bundle / "memberships.csv", std::string(mf::base_memberships) + line + "\n");
        f.expect_rejected(bundle, (bundle / "memberships.csv").string() +
                                      ":3:1001: more than 1000 columns in one record (the limit)");
    }
    SECTION("memberships.csv linked to /dev/zero") {
        write_base(bundle);
        fs::remove(bundle / "memberships.csv");
        fs::create_symlink("/dev/zero", bundle / "memberships.csv");
        f.expect_rejected(bundle, (bundle / "memberships.csv").string() + ": not a regular file; expected a CSV file");
    }
    SECTION("an empty bundle") {
        rel::write_text(bundle / "municipalities.csv", "code,name\n");
        rel::write_text(bundle / "arrangements.csv", "id,name\n");
        rel::write_text(bundle / "memberships.csv", "arrangement_id,municipality_code\n");
        f.expect_rejected(bundle, bundle.string() +
                                      ": empty bundle: no rows in any file; expected at least one municipality in "
                                      "municipalities.csv");
    }
}
