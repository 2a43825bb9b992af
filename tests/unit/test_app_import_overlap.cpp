// `regionet import` of one bundle writes its memberships while it reads them
// (app/cmd_import.cpp, Store::Saving). Checked here: the database it writes is
// the one Store::save writes from the same bundle; a failure late in the read,
// after many rows were written, or in the write while the reader waits, leaves
// the database byte for byte as it was (and no file where there was none); the
// process never hangs on its two threads.
#include <catch2/catch.hpp>

#include <chrono>

#include "importers/bundle_importer.hpp"
#include "store/store.hpp"
#include "unit/reliability_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace rel = regionet::test::rel;

namespace {

// Every table's rows in key order, the dataset's import time left out: what a
// database holds, independent of the order rows were written in.
std::string contents(const std::string& db) {
    rel::Sql sql(db);
    std::string out = sql.rows("SELECT id, name, source, reference_date FROM dataset ORDER BY id");
    for (const char* q : {"SELECT * FROM municipality ORDER BY dataset_id, code",
                          "SELECT * FROM arrangement ORDER BY dataset_id, id",
                          "SELECT * FROM membership ORDER BY dataset_id, arrangement_id, municipality_code",
                          "SELECT * FROM participant ORDER BY dataset_id, arrangement_id, name",
                          "SELECT dataset_id, hex(data) FROM dataset_snapshot ORDER BY dataset_id",
                          "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name", "PRAGMA integrity_check"})
        out += std::string(q) + "\n" + sql.rows(q);
    return out;
}

// A bundle of n municipalities and arrangements, `per` memberships each, with a
// dataset.csv and a participants.csv: every file complete() writes from.
void make_full_bundle(const fs::path& dir, int n, int per) {
    rel::make_bundle(dir, n, per, "overlap");
    rel::write_text(dir / "dataset.csv", "name,source,reference_date\nx,Bron van de test,2024-01-01\n");
    rel::write_text(dir / "participants.csv", "arrangement_id,name,kind\nA1,Waterschap Test,waterschap\nA7,Provincie Test,provincie\n");
}

void append(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::app | std::ios::binary) << text;
}

struct Pristine {
    test::TempDir tmp;
    std::string db = (tmp / "r.db").string();
    std::string bytes;

    Pristine() {
        make_full_bundle(tmp / "base", 50, 4);
        const auto r = test::run_regionet({"--db", db, "--quiet", "import", (tmp / "base").string(), "--as", "x"});
        if (r.status != 0) throw std::runtime_error("base import failed: " + r.err);
        bytes = test::read_file(db);
    }
    void expect_unchanged() const {
        CHECK(test::read_file(db) == bytes);
        CHECK_FALSE(fs::exists(db + "-wal"));
        CHECK_FALSE(fs::exists(db + "-journal"));
    }
};

}  // namespace

TEST_CASE("an import written while it is read holds what Store::save writes", "[app][import]") {
    test::TempDir tmp;
    make_full_bundle(tmp / "b", 3000, 10);  // 30,000 memberships: several batches
    const std::string overlapped = (tmp / "overlapped.db").string(), saved = (tmp / "saved.db").string();
    const auto r = test::run_regionet({"--db", overlapped, "--quiet", "import", (tmp / "b").string(), "--as", "x"});
    REQUIRE(r.status == 0);
    {
        ModelBuilder builder("x");
        ImportReport report;
        BundleImporter().read(tmp / "b", builder, report, {});
        Store(saved).save(builder.finish(), "t");
    }
    const auto got = contents(overlapped);
    CHECK(got.find("x|Bron van de test|2024-01-01") != std::string::npos);
    CHECK(got.find("A7|Provincie Test|provincie") != std::string::npos);
    CHECK(got == contents(saved));
    // And read back through regionet, from the snapshot and from the tables.
    auto show = test::run_regionet({"--db", overlapped, "datasets", "--format", "json"});
    CHECK(show.out.find("\"memberships\": 30000") != std::string::npos);
}

TEST_CASE("an import that fails after memberships were written leaves the database as it was", "[app][import]") {
    Pristine p;
    const auto bundle = p.tmp / "late";
    make_full_bundle(bundle, 3000, 10);
    std::string expected;
    SECTION("in the last membership") {
        append(bundle / "memberships.csv", "A5,GM99999,1\n");
        expected = (bundle / "memberships.csv").string() + ":30002:2: unknown municipality 'GM99999'";
    }
    SECTION("in a file read after the memberships") {
        append(bundle / "participants.csv", "A99999,Onbekend,other\n");
        expected = (bundle / "participants.csv").string() + ":4:1: unknown arrangement 'A99999'";
    }
    SECTION("in a reference checked when the read ends") {
        const std::string header = "id,name,domain\n";
        const auto rows = test::read_file(bundle / "arrangements.csv").substr(header.size());
        rel::write_text(bundle / "arrangements.csv", "id,name,domain,duplicate_of\n" + rows + "A100000,dubbel,d1,A77777\n");
        expected = (bundle / "arrangements.csv").string() +
                   ":3002:1: duplicate_of of arrangement 'A100000': unknown arrangement 'A77777'";
    }
    const auto r = test::run_regionet({"--db", p.db, "import", bundle.string(), "--as", "x"});
    CHECK(r.status == 1);
    CHECK(r.err.find(expected) != std::string::npos);
    INFO(r.err);
    p.expect_unchanged();

    // Into a database that did not exist: none is left behind.
    const auto fresh = (p.tmp / "new.db").string();
    const auto n = test::run_regionet({"--db", fresh, "--quiet", "import", bundle.string(), "--as", "x"});
    CHECK(n.status == 1);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) CHECK_FALSE(fs::exists(fresh + suffix));
}

TEST_CASE("an import whose write fails stops its reader and leaves the database as it was", "[app][import]") {
    Pristine p;
    const auto bundle = p.tmp / "big";
    // 400,000 memberships: more than the batches the reader may have waiting,
    // so it is waiting for the writer when the write fails.
    rel::make_bundle(bundle, 40000, 10, "groot");
    {
        rel::Sql other(p.db, SQLITE_OPEN_READWRITE);
        REQUIRE(other.rows("BEGIN IMMEDIATE").empty());  // holds the write lock past the busy timeout
        const auto start = std::chrono::steady_clock::now();
        const auto r = test::run_regionet({"--db", p.db, "import", bundle.string(), "--as", "x"});
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(r.status == 1);
        CHECK(r.err == "regionet: sqlite: database is locked in: BEGIN IMMEDIATE\n");
        CHECK(took < std::chrono::seconds(120));
        REQUIRE(other.rows("ROLLBACK").empty());
    }
    p.expect_unchanged();
}
