// The dataset snapshot beside the tables (issue 16): what it reads back is
// what the tables hold, field for field; a stale, damaged or foreign one is
// never used and is rebuilt.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>

#include "model/model_builder.hpp"
#include "store/snapshot.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

// Every field of every row set, with texts SQL and the snapshot must carry as they are.
Dataset full(const std::string& name) {
    ModelBuilder b(name);
    b.dataset().source = "test; \"quoted\"";
    b.dataset().reference_date = "2026-05-01";
    b.add_municipality({"GM0001", "'; DROP TABLE municipality; --", "Fryslân", 13000, 51.25, 6.5, 101.5}, {});
    b.add_municipality({"GM0002", "Sûdwest-Fryslân", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, {});
    b.add_municipality({"GM0003", std::string(300, 'x'), "Limburg", 0, -0.0, 0.0, 0.0}, {});
    Arrangement a;
    a.id = "A1";
    a.name = "Veiligheidsregio Noord";
    a.domain = "veiligheid";
    a.form = "regional_division";
    a.division = "veiligheidsregio";
    a.inhabitants = 123456789012;
    b.add_arrangement(a, {});
    Arrangement g;
    g.id = "A2";
    g.name = "GR <Belastingen> & \"co\"";
    g.domain = "belastingen";
    g.form = "gr_openbaar_lichaam";
    g.start_year = 2011;
    g.end_year = 2030;
    g.host = "GM0001";
    g.source = "ROO";
    g.reference_date = "2026";
    g.legal_basis = "Wgr; Wet WOZ";
    g.purpose = std::string("line one\nline two\ttab");
    g.registrar = "GM0002";
    g.body_of = "A1";
    g.form_basis = "legal_basis";
    g.domain_basis = "name";
    b.add_arrangement(g, {});
    g.id = "A3";
    g.duplicate_of = "A2";
    g.body_of.clear();
    b.add_arrangement(g, {});
    Membership m;
    m.arrangement_id = "A1";
    m.municipality_code = "GM0001";
    m.share = 0.875;
    b.add_membership(m, {});
    m.municipality_code = "GM0002";
    m.share.reset();
    m.role = Role::client;
    m.board_seats = 2;
    m.contribution_eur = 1234.5;
    b.add_membership(m, {});
    m = {};
    m.arrangement_id = "A2";
    m.municipality_code = "GM0001";
    m.role = Role::host;
    m.start_year = 2011;
    m.end_year = 2026;
    m.note = "carried from GM0017 (merged 2019)";
    m.bodies = "college;raad";
    m.cost_key = "inwoners";
    m.gaps = {{2015, 2015}, {2018, 2020}};
    b.add_membership(m, {});
    m = {};
    m.arrangement_id = "A3";
    m.municipality_code = "GM0003";
    b.add_membership(m, {});
    b.add_participant({"A2", "Provincie Fryslân", "province"}, {});
    b.add_participant({"A2", "Wetterskip", "waterschap"}, {});
    b.add_neighbour({"GM0001", "GM0002", 3.25}, {});
    b.add_neighbour({"GM0002", "GM0003", 0.5}, {});
    b.add_outline({"GM0001", "POLYGON ((6 51,7 51,7 52,6 51))"}, {});
    b.add_outline({"A2", "MULTIPOLYGON (((6 51,7 51,7 52,6 51)))"}, {});
    return b.finish();
}

// Field for field, the derived indexes included.
void require_same(const Dataset& x, const Dataset& y) {
    REQUIRE(x.municipalities.size() == y.municipalities.size());
    for (std::size_t i = 0; i < x.municipalities.size(); ++i) {
        const auto &a = x.municipalities[i], &b = y.municipalities[i];
        CHECK(std::tie(a.code, a.name, a.province, a.population, a.lat, a.lon, a.area_km2) ==
              std::tie(b.code, b.name, b.province, b.population, b.lat, b.lon, b.area_km2));
    }
    REQUIRE(x.arrangements.size() == y.arrangements.size());
    for (std::size_t i = 0; i < x.arrangements.size(); ++i) {
        const auto &a = x.arrangements[i], &b = y.arrangements[i];
        CHECK(std::tie(a.id, a.name, a.domain, a.form, a.division, a.start_year, a.end_year, a.host, a.source,
                       a.reference_date, a.inhabitants, a.legal_basis, a.purpose, a.registrar, a.body_of, a.duplicate_of,
                       a.form_basis, a.domain_basis) ==
              std::tie(b.id, b.name, b.domain, b.form, b.division, b.start_year, b.end_year, b.host, b.source,
                       b.reference_date, b.inhabitants, b.legal_basis, b.purpose, b.registrar, b.body_of, b.duplicate_of,
                       b.form_basis, b.domain_basis));
    }
    REQUIRE(x.memberships.size() == y.memberships.size());
    for (std::size_t i = 0; i < x.memberships.size(); ++i) {
        const auto &a = x.memberships[i], &b = y.memberships[i];
        CHECK(std::tie(a.arrangement_id, a.municipality_code, a.role, a.board_seats, a.contribution_eur, a.start_year,
                       a.end_year, a.share, a.note, a.bodies, a.cost_key, a.gaps, a.arrangement, a.municipality) ==
              std::tie(b.arrangement_id, b.municipality_code, b.role, b.board_seats, b.contribution_eur, b.start_year,
                       b.end_year, b.share, b.note, b.bodies, b.cost_key, b.gaps, b.arrangement, b.municipality));
    }
    REQUIRE(x.participants.size() == y.participants.size());
    for (std::size_t i = 0; i < x.participants.size(); ++i) {
        const auto &a = x.participants[i], &b = y.participants[i];
        CHECK(std::tie(a.arrangement_id, a.name, a.kind, a.arrangement) == std::tie(b.arrangement_id, b.name, b.kind, b.arrangement));
    }
    REQUIRE(x.neighbours.size() == y.neighbours.size());
    for (std::size_t i = 0; i < x.neighbours.size(); ++i)
        CHECK(std::tie(x.neighbours[i].a, x.neighbours[i].b, x.neighbours[i].border_km) ==
              std::tie(y.neighbours[i].a, y.neighbours[i].b, y.neighbours[i].border_km));
    REQUIRE(x.outlines.size() == y.outlines.size());
    for (std::size_t i = 0; i < x.outlines.size(); ++i)
        CHECK(std::tie(x.outlines[i].owner, x.outlines[i].wkt) == std::tie(y.outlines[i].owner, y.outlines[i].wkt));
    CHECK(x.members_of_arrangement() == y.members_of_arrangement());
    CHECK(x.memberships_of_municipality() == y.memberships_of_municipality());
}

std::int64_t snapshots(const Store& store) {
    db::Statement s(store.handle(), "SELECT count(*) FROM dataset_snapshot");
    s.step();
    return s.int64(0);
}

std::string stored_blob(const Store& store) {
    db::Statement s(store.handle(), "SELECT data FROM dataset_snapshot");
    REQUIRE(s.step());
    const auto* p = static_cast<const char*>(sqlite3_column_blob(s.get(), 0));
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s.get(), 0)));
}

void replace_blob(const Store& store, const std::string& blob) {
    db::Statement s(store.handle(), "UPDATE dataset_snapshot SET data = ?1");
    sqlite3_bind_blob64(s.get(), 1, blob.data(), blob.size(), SQLITE_TRANSIENT);
    s.step();
}

// A blob whose checksum fits its (changed) payload: what damage the checksum
// cannot see, so decode() must refuse or read it without leaving the blob.
std::string with_checksum(std::string blob) {
    const std::uint64_t sum = snapshot::checksum(std::string_view(blob).substr(32));
    const std::uint64_t length = blob.size() - 32;
    std::memcpy(blob.data() + 16, &length, 8);
    std::memcpy(blob.data() + 24, &sum, 8);
    return blob;
}

}  // namespace

TEST_CASE("snapshot: encode and decode give back every field", "[store][snapshot]") {
    const auto d = full("x");
    require_same(d, snapshot::decode(snapshot::encode(d)));
    // The same bytes for the same dataset (the blob is stored, so it is output too).
    CHECK(snapshot::encode(d) == snapshot::encode(full("x")));
    // An edited dataset that was not reindexed is refused rather than written wrong.
    auto edited = d;
    edited.memberships[0].municipality_code = "GM0003";
    CHECK_THROWS_AS(snapshot::encode(edited), std::logic_error);
}

TEST_CASE("snapshot: a load reads it after an import, and it equals the tables", "[store][snapshot]") {
    test::TempDir tmp;
    const auto path = (tmp / "s.db").string();
    const auto d = full("x");
    Dataset from_snapshot;
    {
        Store store(path);
        store.save(d, "t");
        CHECK(snapshots(store) == 1);
        from_snapshot = store.load("x");
        CHECK(store.last_load_source() == Store::LoadSource::snapshot);
        db::exec(store.handle(), "DELETE FROM dataset_snapshot");
    }
    Store reader(path, Store::Mode::read_only);
    const auto from_tables = reader.load("x");
    CHECK(reader.last_load_source() == Store::LoadSource::tables);
    CHECK(snapshots(reader) == 0);  // read-only: nothing written
    require_same(from_tables, from_snapshot);
    require_same(d, from_snapshot);
    CHECK(from_snapshot.name == "x");
    CHECK(from_snapshot.source == "test; \"quoted\"");
    CHECK(from_snapshot.reference_date == "2026-05-01");
}

TEST_CASE("snapshot: any change to a row of the dataset drops it; the next load reads the tables and rebuilds it",
          "[store][snapshot]") {
    const std::string x = "(SELECT id FROM dataset WHERE name = 'x')";
    const std::string edits[] = {
        "UPDATE municipality SET name = 'Nieuw' WHERE code = 'GM0002' AND dataset_id = " + x,
        "INSERT INTO municipality(dataset_id, code, name) VALUES (" + x + ", 'GM0009', 'Erbij')",
        "DELETE FROM neighbour WHERE a = 'GM0002' AND dataset_id = " + x,
        "UPDATE arrangement SET purpose = 'anders' WHERE id = 'A2' AND dataset_id = " + x,
        "UPDATE membership SET bodies = 'raad' WHERE arrangement_id = 'A2' AND dataset_id = " + x,
        "DELETE FROM membership WHERE arrangement_id = 'A3' AND dataset_id = " + x,
        "INSERT INTO participant VALUES (" + x + ", 'A3', 'Rijk', 'other')",
        "UPDATE outline SET wkt = 'POINT (1 1)' WHERE owner = 'A2' AND dataset_id = " + x,
    };
    for (const auto& edit : edits) {
        INFO(edit);
        Store store(":memory:");
        store.save(full("x"), "t");
        store.save(full("other"), "t");
        REQUIRE(snapshots(store) == 2);
        db::exec(store.handle(), edit);
        // Only the changed dataset's snapshot goes.
        CHECK(snapshots(store) == 1);
        store.load("other");
        CHECK(store.last_load_source() == Store::LoadSource::snapshot);
        const auto changed = store.load("x");
        CHECK(store.last_load_source() == Store::LoadSource::tables);
        CHECK(snapshots(store) == 2);
        const auto again = store.load("x");
        CHECK(store.last_load_source() == Store::LoadSource::snapshot);
        require_same(changed, again);
    }
    // The edit is what the next load shows.
    Store store(":memory:");
    store.save(full("x"), "t");
    db::exec(store.handle(), "UPDATE municipality SET name = 'Nieuw' WHERE code = 'GM0002'");
    CHECK(store.load("x").municipalities[1].name == "Nieuw");
    CHECK(store.load("x").municipalities[1].name == "Nieuw");
}

TEST_CASE("snapshot: a damaged, truncated or foreign one is never used, and is rebuilt", "[store][snapshot]") {
    Store store(":memory:");
    store.save(full("x"), "t");
    const auto good = stored_blob(store);
    const auto expected = store.load("x");
    std::vector<std::pair<std::string, std::string>> bad;
    auto flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
    bad.emplace_back("a flipped bit", flipped);
    bad.emplace_back("truncated", good.substr(0, good.size() - 3));
    bad.emplace_back("empty", "");
    auto other_format = good;
    other_format[8] = static_cast<char>(other_format[8] + 1);
    bad.emplace_back("another format", other_format);
    bad.emplace_back("forged, trailing bytes", with_checksum(good + "x"));
    for (const auto& [what, blob] : bad) {
        INFO(what);
        replace_blob(store, blob);
        const auto d = store.load("x");
        CHECK(store.last_load_source() == Store::LoadSource::tables);
        require_same(expected, d);
        {
            const auto now = stored_blob(store);
            std::size_t i = 32;
            while (i < now.size() && i < good.size() && now[i] == good[i]) ++i;
            INFO("first difference at " << i << " of " << good.size());
            CHECK(now == good);  // rebuilt, byte for byte
        }
        CHECK(store.load("x").memberships.size() == expected.memberships.size());
        CHECK(store.last_load_source() == Store::LoadSource::snapshot);
    }
    // Rows added with the triggers gone (a hand-edited file): the row counts
    // no longer match the snapshot's, so the tables are read.
    db::exec(store.handle(), "DROP TRIGGER snapshot_stale_on_membership_insert");
    db::exec(store.handle(), "INSERT INTO membership(dataset_id, arrangement_id, municipality_code) VALUES "
                             "((SELECT id FROM dataset), 'A3', 'GM0001')");
    CHECK(store.load("x").memberships.size() == expected.memberships.size() + 1);
    CHECK(store.last_load_source() == Store::LoadSource::tables);
    // The next import puts the trigger back.
    store.save(full("x"), "t");
    db::Statement t(store.handle(), "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
    t.step();
    CHECK(t.int64(0) == 18);
}

TEST_CASE("snapshot: decode refuses or reads any mangled blob without leaving it", "[store][snapshot]") {
    const auto good = snapshot::encode(full("x"));
    std::mt19937 rng(16);
    std::uniform_int_distribution<std::size_t> pos(32, good.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255), how(0, 3);
    int refused = 0, read = 0;
    for (int i = 0; i < 3000; ++i) {
        auto blob = good;
        switch (how(rng)) {
            case 0: blob[pos(rng)] = static_cast<char>(byte(rng)); break;
            case 1: blob.resize(pos(rng)); break;
            case 2: blob.insert(pos(rng), 1, static_cast<char>(byte(rng))); break;
            default:  // a count or length set to something large
                for (int k = 0; k < 4; ++k) blob[pos(rng)] = static_cast<char>(0xff);
        }
        try {
            const auto d = snapshot::decode(with_checksum(blob));
            // What decodes is a consistent dataset: every membership resolves.
            for (const auto& m : d.memberships) {
                REQUIRE(m.arrangement < d.arrangements.size());
                REQUIRE(d.arrangements[m.arrangement].id == m.arrangement_id);
                REQUIRE(m.municipality < d.municipalities.size());
            }
            ++read;
        } catch (const snapshot::Invalid&) {
            ++refused;
        }
    }
    CHECK(refused > 1000);
    CHECK(read > 0);  // a changed letter in a name decodes; the checksum is what catches it in a store
}

TEST_CASE("snapshot: a database of schema 3 gains the snapshot table and triggers", "[store][snapshot][migration]") {
    test::TempDir tmp;
    const auto path = (tmp / "v3.db").string();
    {
        Store s(path);
        s.save(full("old"), "t");
    }
    {
        auto h = db::open(path, SQLITE_OPEN_READWRITE);
        test::drop_snapshot_schema(h.get());
        db::Statement left(h.get(), "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' OR name = 'dataset_snapshot'");
        left.step();
        REQUIRE(left.int64(0) == 0);
    }
    CHECK_THROWS_WITH(Store(path, Store::Mode::read_only), Catch::Contains("database schema version 3 needs migration"));
    Store store(path);
    const auto d = store.load("old");
    CHECK(store.last_load_source() == Store::LoadSource::tables);
    require_same(full("old"), d);
    CHECK(snapshots(store) == 1);
    store.load("old");
    CHECK(store.last_load_source() == Store::LoadSource::snapshot);
}
