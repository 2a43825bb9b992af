#include <catch2/catch.hpp>

#include "model/model_builder.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <fstream>

using namespace regionet;

namespace {

Dataset small(const std::string& name) {
    ModelBuilder b(name);
    b.dataset().source = "test";
    b.add_municipality({"GM1", "Bergen (L.)", "Limburg", 13000, 51.6, 6.0, 101.5}, {});
    b.add_municipality({"GM2", "\"quoted\" <script>alert(1)</script>", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, {});
    b.add_municipality({"GM3", "'; DROP TABLE municipality; --", "Fryslân", 0, std::nullopt, std::nullopt, std::nullopt}, {});
    Arrangement a;
    a.id = "A1";
    a.name = "Veiligheidsregio Noord";
    a.division = "veiligheidsregio";
    a.form = "regional_division";
    b.add_arrangement(a, {});
    a.id = "A2";
    a.name = "Belastingsamenwerking";
    a.division.clear();
    a.host = "GM1";
    b.add_arrangement(a, {});
    Membership m;
    m.arrangement_id = "A1";
    m.municipality_code = "GM1";
    m.share = 0.875;
    b.add_membership(m, {});
    m.municipality_code = "GM2";
    m.share.reset();
    m.board_seats = 2;
    m.role = Role::client;
    b.add_membership(m, {});
    m.arrangement_id = "A2";
    m.role = Role::host;
    m.municipality_code = "GM1";
    b.add_membership(m, {});
    b.add_neighbour({"GM2", "GM1", 3.25}, {});
    b.add_participant({"A2", "Provincie Limburg", "province"}, {});
    b.add_outline({"GM1", "POLYGON ((6 51,7 51,7 52,6 51))"}, {});
    return b.finish();
}

bool same(const Dataset& x, const Dataset& y) {
    if (x.municipalities.size() != y.municipalities.size() || x.arrangements.size() != y.arrangements.size() ||
        x.memberships.size() != y.memberships.size() || x.neighbours.size() != y.neighbours.size() ||
        x.participants.size() != y.participants.size() || x.outlines.size() != y.outlines.size())
        return false;
    for (std::size_t i = 0; i < x.municipalities.size(); ++i) {
        const auto &a = x.municipalities[i], &b = y.municipalities[i];
        if (a.code != b.code || a.name != b.name || a.province != b.province || a.population != b.population ||
            a.lat != b.lat || a.lon != b.lon || a.area_km2 != b.area_km2)
            return false;
    }
    for (std::size_t i = 0; i < x.arrangements.size(); ++i) {
        const auto &a = x.arrangements[i], &b = y.arrangements[i];
        if (a.id != b.id || a.name != b.name || a.division != b.division || a.host != b.host || a.form != b.form)
            return false;
    }
    for (std::size_t i = 0; i < x.memberships.size(); ++i) {
        const auto &a = x.memberships[i], &b = y.memberships[i];
        if (a.arrangement_id != b.arrangement_id || a.municipality_code != b.municipality_code || a.role != b.role ||
            a.board_seats != b.board_seats || a.share != b.share)
            return false;
    }
    return x.neighbours[0].border_km == y.neighbours[0].border_km && x.participants[0].name == y.participants[0].name &&
           x.outlines[0].wkt == y.outlines[0].wkt;
}

}  // namespace

TEST_CASE("store round-trips a dataset with hostile names", "[store]") {
    Store store(":memory:");
    const auto d = small("test");
    store.save(d, "2026-01-01T00:00:00Z");
    const auto back = store.load("test");
    CHECK(same(d, back));
    CHECK(back.municipalities[1].name == "\"quoted\" <script>alert(1)</script>");
    CHECK(back.municipalities[2].name == "'; DROP TABLE municipality; --");
    REQUIRE(store.datasets().size() == 1);
    CHECK(store.datasets()[0].memberships == 3);
}

TEST_CASE("re-importing a dataset name replaces it; other datasets stay", "[store]") {
    Store store(":memory:");
    store.save(small("a"), "t1");
    store.save(small("b"), "t1");
    auto replacement = small("a");
    replacement.memberships.pop_back();
    replacement.reindex();
    store.save(replacement, "t2");
    const auto all = store.datasets();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "a");
    CHECK(all[0].memberships == 2);
    CHECK(all[1].memberships == 3);
}

TEST_CASE("save refuses a dangling reference and leaves the old dataset; foreign keys stay on", "[store]") {
    // save() checks references in memory and writes with foreign keys off; this is what that replaces.
    Store store(":memory:");
    store.save(small("a"), "t1");
    const auto before = store.load("a");
    for (int which = 0; which < 4; ++which) {
        auto bad = small("a");
        if (which == 0) bad.memberships.back().municipality_code = "GM9";
        if (which == 1) bad.memberships.back().arrangement_id = "A9";
        if (which == 2) bad.participants.push_back({"A9", "Provincie", "province"});
        if (which == 3) bad.neighbours.push_back({"GM1", "GM9", 1.0});
        INFO(which);
        CHECK_THROWS_AS(store.save(bad, "t2"), DbError);
        CHECK(same(before, store.load("a")));
    }
    // The connection's own foreign keys are on again: a row SQLite must refuse is refused.
    db::Statement fk(store.handle(), "PRAGMA foreign_keys");
    REQUIRE(fk.step());
    CHECK(fk.int64(0) == 1);
    CHECK_THROWS_AS(db::exec(store.handle(), "INSERT INTO membership(dataset_id, arrangement_id, municipality_code) "
                                             "VALUES ((SELECT id FROM dataset WHERE name = 'a'), 'A1', 'GM9')"),
                    DbError);
    // Replacing a dataset deletes its old rows table by table (no cascade while writing): nothing is left over.
    store.save(small("a"), "t3");
    db::Statement orphans(store.handle(), "SELECT (SELECT count(*) FROM membership) + (SELECT count(*) FROM arrangement) + "
                                          "(SELECT count(*) FROM municipality)");
    REQUIRE(orphans.step());
    CHECK(orphans.int64(0) == 3 + 2 + 3);
}

TEST_CASE("resolve picks the only dataset and lists them when ambiguous", "[store]") {
    Store store(":memory:");
    CHECK_THROWS_AS(store.resolve(std::nullopt), UsageError);
    store.save(small("nl-2016"), "t");
    CHECK(store.resolve(std::nullopt) == "nl-2016");
    store.save(small("nl-2024"), "t");
    CHECK_THROWS_WITH(store.resolve(std::nullopt), Catch::Contains("nl-2016, nl-2024"));
    CHECK_THROWS_WITH(store.resolve(std::string("x")), Catch::Contains("no dataset 'x'"));
}

TEST_CASE("a database that is not regionet's or is newer is refused untouched", "[store]") {
    test::TempDir tmp;
    const auto path = (tmp / "other.db").string();
    {
        auto h = db::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db::exec(h.get(), "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    }
    CHECK_THROWS_WITH(Store(path), Catch::Contains("not a regionet database"));
    const auto newer = (tmp / "newer.db").string();
    {
        Store s(newer);
    }
    {
        auto h = db::open(newer, SQLITE_OPEN_READWRITE);
        db::exec(h.get(), "PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(Store(newer), Catch::Contains("newer than this regionet supports"));
    const auto text = tmp / "text.db";
    {
        std::ofstream(text) << "this is not a database, just text that is long enough to have a header ......";
    }
    CHECK_THROWS_WITH(Store(text.string()), Catch::Contains("not a regionet database"));
    CHECK(test::read_file(text).rfind("this is not a database", 0) == 0);
}

TEST_CASE("result tables are stored per dataset", "[store]") {
    Store store(":memory:");
    store.save(small("a"), "t");
    Table t;
    t.name = "load";
    t.columns = {{"code", ""}, {"value", ""}, {"flag", ""}};
    t.rows = {{std::string("GM1"), 1.5, true}, {std::string("GM2"), Cell{}, false}};
    store.save_result("a", t);
    store.save_result("a", t);  // replaces, does not append
    db::Statement s(store.handle(), "SELECT count(*), sum(flag) FROM result_load");
    REQUIRE(s.step());
    CHECK(s.int64(0) == 2);
    CHECK(s.int64(1) == 1);
}

TEST_CASE("membership gaps: text form, round trip, migration 2 -> 3", "[store][migration]") {
    // The text form, both ways.
    CHECK(format_gaps({}) == "");
    CHECK(format_gaps({{2022, 2023}}) == "2022-2023");
    CHECK(format_gaps({{2019, 2019}, {2022, 2023}}) == "2019;2022-2023");
    CHECK(parse_gaps("2019;2022-2023") == std::vector<std::pair<int, int>>{{2019, 2019}, {2022, 2023}});
    CHECK(parse_gaps("") == std::vector<std::pair<int, int>>{});
    for (const char* bad : {"2023-2022", "2022;2021", "2020-2022;2022", "22-23", "2022;", "2022-", "x"}) {
        INFO(bad);
        CHECK_FALSE(parse_gaps(bad));
    }
    Membership m;
    m.start_year = 2001;
    m.gaps = {{2022, 2023}};
    CHECK(m.active_in(2021));
    CHECK_FALSE(m.active_in(2022));
    CHECK_FALSE(m.active_in(2023));
    CHECK(m.active_in(2024));

    // A database of schema 2 (no membership.gaps) is migrated on opening for writing.
    test::TempDir tmp;
    const auto path = (tmp / "v2.db").string();
    {
        Store s(path);
        s.save(small("old"), "t");
    }
    {
        auto h = db::open(path, SQLITE_OPEN_READWRITE);
        test::drop_snapshot_schema(h.get());
        db::exec(h.get(), "ALTER TABLE membership DROP COLUMN gaps; PRAGMA user_version = 2");
    }
    CHECK_THROWS_WITH(Store(path, Store::Mode::read_only), Catch::Contains("database schema version 2 needs migration"));
    Store store(path, Store::Mode::read_write);
    const auto old = store.load("old");
    CHECK(same(small("old"), old));
    for (const auto& x : old.memberships) CHECK(x.gaps.empty());
    // Gaps are stored and read back.
    auto d = small("gaps");
    d.memberships[0].start_year = 2001;
    d.memberships[0].gaps = {{2019, 2019}, {2022, 2023}};
    store.save(d, "t");
    const auto back = store.load("gaps");
    CHECK(back.memberships[0].gaps == d.memberships[0].gaps);
    CHECK(back.memberships[1].gaps.empty());
    // A value that is not gaps (edited by hand) is an error naming the membership, not dropped.
    {
        auto h = db::open(path, SQLITE_OPEN_READWRITE);
        db::exec(h.get(), "UPDATE membership SET gaps = 'soms' WHERE municipality_code = 'GM1' AND arrangement_id = 'A1'");
    }
    CHECK_THROWS_WITH(Store(path).load("gaps"), Catch::Contains("membership GM1 in A1 has gaps 'soms'"));
}

TEST_CASE("migration 4 -> 5: the role check without a temporary b-tree, rows and snapshot kept", "[store][migration]") {
    test::TempDir tmp;
    const auto path = (tmp / "v4.db").string();
    {
        Store s(path);
        s.save(small("old"), "t");
    }
    // Schema 4 as released: the same table with the role check as `IN (list)`.
    {
        auto h = db::open(path, SQLITE_OPEN_READWRITE);
        db::Statement sql(h.get(), "SELECT sql FROM sqlite_schema WHERE name = 'membership'");
        REQUIRE(sql.step());
        std::string v4 = sql.text(0);
        const std::string check = "CHECK (role = 'member' OR role = 'host' OR role = 'client')";
        REQUIRE(v4.find(check) != std::string::npos);
        v4.replace(v4.find(check), check.size(), "CHECK (role IN ('member', 'host', 'client'))");
        v4.replace(v4.find("\"membership\""), 12, "membership_v4");
        sql.reset();
        db::exec(h.get(), "BEGIN; " + v4 + "; INSERT INTO membership_v4 SELECT * FROM membership; DROP TABLE membership; "
                          "ALTER TABLE membership_v4 RENAME TO membership; "
                          "CREATE INDEX membership_municipality ON membership(dataset_id, municipality_code); "
                          "PRAGMA user_version = 4; COMMIT");
    }
    auto ephemeral_per_insert = [](sqlite3* h) {
        db::Statement plan(h, "EXPLAIN INSERT INTO membership VALUES (1, 'A1', 'GM1', 'member', NULL, NULL, NULL, NULL, "
                              "NULL, '', '', '', '')");
        bool ephemeral = false;
        while (plan.step()) ephemeral = ephemeral || plan.text(1) == "OpenEphemeral";
        return ephemeral;
    };
    {
        auto h = db::open(path, SQLITE_OPEN_READWRITE);
        REQUIRE(ephemeral_per_insert(h.get()));  // what the migration removes
    }
    CHECK_THROWS_WITH(Store(path, Store::Mode::read_only), Catch::Contains("database schema version 4 needs migration"));

    Store store(path, Store::Mode::read_write);
    sqlite3* h = store.handle();
    auto count = [&](const std::string& sql) {
        db::Statement s(h, sql);
        REQUIRE(s.step());
        return s.int64(0);
    };
    CHECK(count("PRAGMA user_version") == 5);
    CHECK_FALSE(ephemeral_per_insert(h));
    CHECK(count("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'membership'") == 3);
    CHECK(count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'membership_municipality'") == 1);
    // The rows came over: from the snapshot, which no trigger dropped, and from the tables.
    CHECK(same(small("old"), store.load("old")));
    CHECK(store.last_load_source() == Store::LoadSource::snapshot);
    // A change to a membership drops the snapshot: the triggers came back with the table.
    db::exec(h, "UPDATE membership SET note = note");
    CHECK(same(small("old"), store.load("old")));
    CHECK(store.last_load_source() == Store::LoadSource::tables);
    // The rule is the same: a role outside the three is refused, the three are taken.
    const auto id = count("SELECT id FROM dataset WHERE name = 'old'");
    CHECK_THROWS_WITH(db::exec(h, "INSERT INTO membership(dataset_id, arrangement_id, municipality_code, role) VALUES (" +
                                      std::to_string(id) + ", 'A2', 'GM3', 'boss')"),
                      Catch::Contains("CHECK constraint failed"));
    db::exec(h, "DELETE FROM membership WHERE arrangement_id = 'A2' AND municipality_code = 'GM3'");
    for (const char* role : {"member", "host", "client"})
        CHECK_NOTHROW(db::exec(h, "INSERT OR REPLACE INTO membership(dataset_id, arrangement_id, municipality_code, role) "
                                  "VALUES (" + std::to_string(id) + ", 'A2', 'GM3', '" + role + "')"));
}

TEST_CASE("save builds the municipality index afresh only when it brings more memberships than the table holds",
          "[store]") {
    Store store(":memory:");
    sqlite3* h = store.handle();
    // What save() runs, as SQLite traces it.
    std::vector<std::string> statements;
    sqlite3_trace_v2(
        h, SQLITE_TRACE_STMT,
        [](unsigned, void* into, void* stmt, void*) {
            char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt));
            if (sql) static_cast<std::vector<std::string>*>(into)->push_back(sql);
            sqlite3_free(sql);
            return 0;
        },
        &statements);
    auto rebuilt = [&] {
        const bool dropped = std::count(statements.begin(), statements.end(), "DROP INDEX membership_municipality") == 1;
        statements.clear();
        return dropped;
    };
    auto index_sql = [&] {
        db::Statement s(h, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'membership_municipality'");
        return s.step() ? s.text(0) : std::string("(none)");
    };
    auto intact = [&] {
        db::Statement s(h, "PRAGMA integrity_check");  // also compares every index with its table
        REQUIRE(s.step());
        return s.text(0) == "ok";
    };
    const auto as_migrated = index_sql();
    const std::string membership_index_sql = as_migrated;
    REQUIRE(as_migrated.find("membership(dataset_id, municipality_code)") != std::string::npos);

    store.save(small("a"), "t1");            // 3 rows into an empty table: built afresh
    {
        // by SQLite's sorter on worker threads, with the connection's settings put back after
        const auto create = std::find(statements.begin(), statements.end(), membership_index_sql);
        REQUIRE(create != statements.end());
        CHECK(std::any_of(statements.begin(), create, [](const std::string& sql) {
            return sql.rfind("PRAGMA threads = ", 0) == 0 && sql != "PRAGMA threads = 0";
        }));
        auto pragma = [&](const char* sql) {
            db::Statement s(h, sql);
            REQUIRE(s.step());
            return s.int64(0);
        };
        CHECK(pragma("PRAGMA threads") == 0);
        CHECK(pragma("PRAGMA cache_size") == -2000);
    }
    CHECK(rebuilt());
    store.save(small("b"), "t1");            // 3 rows beside 3: inserted into the index
    CHECK_FALSE(rebuilt());
    auto fewer = small("c");
    fewer.memberships.pop_back();
    fewer.reindex();
    store.save(fewer, "t1");                 // 2 beside 6
    CHECK_FALSE(rebuilt());
    CHECK(index_sql() == as_migrated);
    CHECK(intact());

    // A save that fails after the index was dropped (a row the schema's rule refuses)
    // leaves the index, and the dataset it was to replace, as they were.
    Store alone(":memory:");
    h = alone.handle();
    sqlite3_trace_v2(h, SQLITE_TRACE_STMT, nullptr, nullptr);
    alone.save(small("a"), "t1");
    const auto before = alone.load("a");
    auto bad = small("a");
    bad.memberships.back().board_seats = -1;  // CHECK (board_seats >= 0), which the builder would have refused
    CHECK_THROWS_AS(alone.save(bad, "t2"), DbError);
    CHECK(index_sql() == as_migrated);
    CHECK(intact());
    CHECK(same(before, alone.load("a")));
    // And the index serves lookups by municipality.
    db::Statement plan(h, "EXPLAIN QUERY PLAN SELECT arrangement_id FROM membership WHERE dataset_id = 1 AND "
                          "municipality_code = 'GM1'");
    std::string detail;
    while (plan.step()) detail += plan.text(3);
    CHECK(detail.find("membership_municipality") != std::string::npos);
}

TEST_CASE("a new database has 64 KiB pages; an existing one keeps its own", "[store]") {
    test::TempDir tmp;
    auto page_size = [](const std::string& path) {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        db::Handle h(raw);
        db::Statement s(h.get(), "PRAGMA page_size");
        REQUIRE(s.step());
        return s.int64(0);
    };
    const auto fresh = (tmp / "new.db").string();
    { Store(fresh).save(small("a"), "t"); }
    CHECK(page_size(fresh) == 65536);
    // A file made with SQLite's default keeps 4 KiB pages through regionet's writes.
    const auto old = (tmp / "old.db").string();
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(old.c_str(), &raw) == SQLITE_OK);
        db::Handle h(raw);
        db::exec(h.get(), "PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t");
    }
    {
        Store store(old);
        store.save(small("a"), "t");
        CHECK(store.load("a").memberships.size() == small("a").memberships.size());
    }
    CHECK(page_size(old) == 4096);
}
