// --db pointing at a file regionet must not use: not a database, someone
// else's database, a newer regionet's, a damaged one, a read-only one, a
// folder. Every case: a clear message, exit status 1, no crash, and the file
// byte for byte as it was (also after the read-only commands).
#include <catch2/catch.hpp>

#include <pwd.h>

#include "store/store.hpp"
#include "unit/reliability_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace rel = regionet::test::rel;

namespace {

struct Bundle {
    test::TempDir tmp;
    fs::path dir = tmp / "b";
    Bundle() {
        rel::write_text(dir / "municipalities.csv", "code,name\nGM1,Alpha\nGM2,Beta\n");
        rel::write_text(dir / "arrangements.csv", "id,name\nA1,Een\n");
        rel::write_text(dir / "memberships.csv", "arrangement_id,municipality_code\nA1,GM1\nA1,GM2\n");
    }
};

// A regionet database holding dataset x, closed cleanly (no -wal beside it).
std::string make_regionet_db(const Bundle& b, const std::string& name) {
    const auto db = (b.tmp / name).string();
    auto r = test::run_regionet({"--db", db, "--quiet", "import", b.dir.string(), "--as", "x"});
    if (r.status != 0) throw std::runtime_error(r.err);
    { rel::Sql sql(db, SQLITE_OPEN_READWRITE); }  // the last connection removes the write-ahead log
    return db;
}

// Runs import (a write) and datasets/show (reads) against db; each must fail
// with a message starting "regionet: <db>: <reason>" and leave the file as it was.
void expect_refused(const Bundle& b, const std::string& db, const std::string& reason, uid_t uid = 0) {
    const auto before = fs::is_regular_file(db) ? test::read_file(db) : std::string();
    const std::vector<std::vector<std::string>> commands{
        {"--db", db, "import", b.dir.string(), "--as", "x"},
        {"--db", db, "datasets"},
        {"--db", db, "show", "municipality", "GM1"},
    };
    for (const auto& args : commands) {
        INFO(args[2]);
        const auto r = rel::run_measured(args, uid);
        CHECK(r.status == 1);
        CHECK_THAT(r.err, Catch::StartsWith("regionet: " + db + ": " + reason));
        CHECK(r.err.find("internal error") == std::string::npos);
        if (fs::is_regular_file(db)) CHECK(test::read_file(db) == before);
    }
}

}  // namespace

TEST_CASE("a file that is not a database is refused and left alone", "[app][dbfile]") {
    Bundle b;
    const auto db = (b.tmp / "notes.txt").string();
    rel::write_text(db, "Dit is geen database maar een notitie.\n" + std::string(5000, 'x'));
    expect_refused(b, db, "not a regionet database (sqlite: ");
}

TEST_CASE("someone else's SQLite database is refused and left alone", "[app][dbfile]") {
    Bundle b;
    const auto db = (b.tmp / "other.db").string();
    {
        rel::Sql sql(db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sql.rows("CREATE TABLE klant (naam TEXT)");
        sql.rows("INSERT INTO klant VALUES ('Jansen')");
    }
    expect_refused(b, db, "not a regionet database (it holds other tables); choose another --db file");
    rel::Sql sql(db);
    CHECK(sql.rows("SELECT naam FROM klant") == "Jansen\n");
}

TEST_CASE("a database from a newer regionet is refused and left alone", "[app][dbfile]") {
    Bundle b;
    const auto db = make_regionet_db(b, "newer.db");
    {
        rel::Sql sql(db, SQLITE_OPEN_READWRITE);
        sql.rows("PRAGMA user_version = 7");
    }
    expect_refused(b, db, "database schema version 7 is newer than this regionet supports (" + std::to_string(Store::schema_version) + "); upgrade regionet");
}

TEST_CASE("a damaged database gives a clear error and is not overwritten", "[app][dbfile]") {
    Bundle b;
    const auto good = make_regionet_db(b, "good.db");
    const auto bytes = test::read_file(good);
    REQUIRE(bytes.size() >= 4 * 4096);
    SECTION("garbage over the pages after the header") {
        auto damaged = bytes;
        for (std::size_t i = 4096; i < damaged.size(); ++i) damaged[i] = static_cast<char>((i * 131) & 0xFF);
        const auto db = (b.tmp / "damaged.db").string();
        rel::write_text(db, damaged);
        expect_refused(b, db, "the database file is damaged (database disk image is malformed); restore a backup, or import again into a new --db file");
    }
    SECTION("truncated to its first page") {
        const auto db = (b.tmp / "truncated.db").string();
        rel::write_text(db, bytes.substr(0, 4096));
        expect_refused(b, db, "the database file is damaged (database disk image is malformed); restore a backup, or import again into a new --db file");
    }
    SECTION("a header that is not SQLite's") {
        auto damaged = bytes;
        damaged.replace(0, 16, "SQLite format 9\0", 16);
        const auto db = (b.tmp / "header.db").string();
        rel::write_text(db, damaged);
        expect_refused(b, db, "not a regionet database (sqlite: ");
    }
}

TEST_CASE("a database whose rows break references (found by fuzzing) gives a clear error", "[app][dbfile]") {
    Bundle b;
    const auto db = (b.tmp / "inconsistent.db").string();
    rel::write_text(db, test::read_file(test::test_dir() / "fuzz/regressions/store_open/inconsistent-membership.db"));
    // The file has schema version 1: a read refuses it until a write migrates it.
    const auto old = test::run_regionet({"--db", db, "datasets"});
    CHECK(old.status == 1);
    CHECK_THAT(old.err, Catch::Contains("database schema version 1 needs migration; open it once for writing"));
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", b.dir.string(), "--as", "other"}).status == 0);
    { rel::Sql sql(db, SQLITE_OPEN_READWRITE); }  // the last connection removes the write-ahead log
    const auto before = test::read_file(db);
    const auto list = test::run_regionet({"--db", db, "datasets", "--format", "json"});
    REQUIRE(list.status == 0);
    auto r = test::run_regionet({"--db", db, "--dataset", "h", "show", "municipality", "GM0001"});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("is inconsistent (a membership or participant refers to a missing municipality"));
    CHECK(test::read_file(db) == before);
}

TEST_CASE("a read-only database can be read but not written", "[app][dbfile]") {
    Bundle b;
    const auto db = make_regionet_db(b, "ro.db");
    const auto before = test::read_file(db);
    uid_t uid = 0;
    if (::geteuid() == 0) {
        // root ignores permissions: run regionet as nobody instead.
        const auto* nobody = ::getpwnam("nobody");
        REQUIRE(nobody);
        uid = nobody->pw_uid;
        fs::permissions(b.tmp.path(), fs::perms::all);  // nobody may create the -shm file beside it
        fs::permissions(b.dir, fs::perms::all);
    }
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto w = rel::run_measured({"--db", db, "import", b.dir.string(), "--as", "y"}, uid);
    CHECK(w.status == 1);
    CHECK(w.err == "regionet: " + db + ": database is read-only; check the file's permissions\n");
    const auto r = rel::run_measured({"--db", db, "show", "municipality", "GM1", "--format", "json"}, uid);
    CHECK(r.status == 0);
    CHECK(r.out.find("Alpha") != std::string::npos);
    CHECK(test::read_file(db) == before);
}

TEST_CASE("a folder as --db is refused", "[app][dbfile]") {
    Bundle b;
    const auto dir = (b.tmp / "folder.db").string();
    fs::create_directories(dir);
    const auto r = test::run_regionet({"--db", dir, "import", b.dir.string()});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("regionet: sqlite: cannot open '" + dir + "'"));
    CHECK(fs::is_empty(dir));
}
