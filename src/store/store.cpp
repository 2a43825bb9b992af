#include "store/store.hpp"

#include "store/snapshot.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <future>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_set>

namespace regionet {

namespace {

constexpr int application_id = 0x52474e54;  // "RGNT"

// Migrations from version i to i+1, in order. Never edit a released one: add a new one.
const char* const migrations[] = {
    R"sql(
CREATE TABLE dataset (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL DEFAULT '',
    reference_date TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE TABLE municipality (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    province TEXT NOT NULL DEFAULT '',
    population INTEGER CHECK (population IS NULL OR population >= 0),
    lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    area_km2 REAL,
    PRIMARY KEY (dataset_id, code)
) WITHOUT ROWID;
CREATE TABLE arrangement (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    domain TEXT NOT NULL DEFAULT '',
    form TEXT NOT NULL DEFAULT '',
    division TEXT NOT NULL DEFAULT '',
    start_year INTEGER,
    end_year INTEGER,
    host TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    reference_date TEXT NOT NULL DEFAULT '',
    inhabitants INTEGER,
    PRIMARY KEY (dataset_id, id)
) WITHOUT ROWID;
CREATE INDEX arrangement_division ON arrangement(dataset_id, division);
CREATE TABLE membership (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    arrangement_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'host', 'client')),
    board_seats INTEGER CHECK (board_seats IS NULL OR board_seats >= 0),
    contribution_eur REAL,
    start_year INTEGER,
    end_year INTEGER,
    share REAL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dataset_id, arrangement_id, municipality_code),
    FOREIGN KEY (dataset_id, arrangement_id) REFERENCES arrangement(dataset_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dataset_id, municipality_code) REFERENCES municipality(dataset_id, code) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX membership_municipality ON membership(dataset_id, municipality_code);
CREATE TABLE participant (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    arrangement_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    FOREIGN KEY (dataset_id, arrangement_id) REFERENCES arrangement(dataset_id, id) ON DELETE CASCADE
);
CREATE INDEX participant_arrangement ON participant(dataset_id, arrangement_id);
CREATE TABLE neighbour (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    border_km REAL NOT NULL,
    PRIMARY KEY (dataset_id, a, b),
    FOREIGN KEY (dataset_id, a) REFERENCES municipality(dataset_id, code) ON DELETE CASCADE,
    FOREIGN KEY (dataset_id, b) REFERENCES municipality(dataset_id, code) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE outline (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    wkt TEXT NOT NULL,
    PRIMARY KEY (dataset_id, owner)
) WITHOUT ROWID;
)sql",
    // 1 -> 2: what registers add (ROO: legal basis, purpose, bronhouder, bodies taking
    // part, cost key) and the links that keep findings honest (body_of, duplicate_of,
    // and whether form and domain were stated or inferred).
    R"sql(
ALTER TABLE arrangement ADD COLUMN legal_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE arrangement ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE arrangement ADD COLUMN registrar TEXT NOT NULL DEFAULT '';
ALTER TABLE arrangement ADD COLUMN body_of TEXT NOT NULL DEFAULT '';
ALTER TABLE arrangement ADD COLUMN duplicate_of TEXT NOT NULL DEFAULT '';
ALTER TABLE arrangement ADD COLUMN form_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE arrangement ADD COLUMN domain_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE membership ADD COLUMN bodies TEXT NOT NULL DEFAULT '';
ALTER TABLE membership ADD COLUMN cost_key TEXT NOT NULL DEFAULT '';
)sql",
    // 2 -> 3: whole years a membership was interrupted (left and rejoined the same
    // arrangement, or missing from a register version), "2022-2023;2025".
    R"sql(
ALTER TABLE membership ADD COLUMN gaps TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: a dataset's rows as one blob (store/snapshot.hpp), so commands load
    // at memory speed; the triggers that drop it when a row changes come with
    // it (snapshot_triggers, run by migrate()).
    R"sql(
CREATE TABLE dataset_snapshot (
    dataset_id INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
)sql",
    // 4 -> 5: the role check as comparisons. SQLite evaluates a CHECK's `IN (list)`
    // through a temporary b-tree it builds and frees for every row inserted: a
    // tenth of an import's time. The same rule, the same columns in the same order;
    // the table is rebuilt because SQLite cannot alter a CHECK. Dropping the old
    // table drops its snapshot triggers (no trigger fires), migrate() puts them back.
    R"sql(
CREATE TABLE membership_v5 (
    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    arrangement_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role = 'member' OR role = 'host' OR role = 'client'),
    board_seats INTEGER CHECK (board_seats IS NULL OR board_seats >= 0),
    contribution_eur REAL,
    start_year INTEGER,
    end_year INTEGER,
    share REAL,
    note TEXT NOT NULL DEFAULT '',
    bodies TEXT NOT NULL DEFAULT '',
    cost_key TEXT NOT NULL DEFAULT '',
    gaps TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dataset_id, arrangement_id, municipality_code),
    FOREIGN KEY (dataset_id, arrangement_id) REFERENCES arrangement(dataset_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dataset_id, municipality_code) REFERENCES municipality(dataset_id, code) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO membership_v5 (dataset_id, arrangement_id, municipality_code, role, board_seats, contribution_eur,
                           start_year, end_year, share, note, bodies, cost_key, gaps)
    SELECT dataset_id, arrangement_id, municipality_code, role, board_seats, contribution_eur,
           start_year, end_year, share, note, bodies, cost_key, gaps FROM membership;
DROP TABLE membership;
ALTER TABLE membership_v5 RENAME TO membership;
CREATE INDEX membership_municipality ON membership(dataset_id, municipality_code);
)sql",
};
constexpr int migration_count = sizeof(migrations) / sizeof(migrations[0]);
static_assert(migration_count == Store::schema_version);

// The tables a snapshot copies: any insert, update or delete of one of their
// rows, by regionet or by hand in sqlite3, drops the dataset's snapshot, so a
// stale one cannot be read (the next load rebuilds it from the tables).
constexpr const char* snapshot_tables[] = {"municipality", "arrangement", "membership", "participant", "neighbour", "outline"};

// As migration 5 creates it (migrations are never edited, so it is restated here).
constexpr const char* membership_municipality_index =
    "CREATE INDEX membership_municipality ON membership(dataset_id, municipality_code)";

// Whether the membership table holds fewer than `limit` rows, counting no further.
bool memberships_fewer_than(sqlite3* h, std::size_t limit) {
    db::Statement count(h, "SELECT count(*) FROM (SELECT 1 FROM membership LIMIT ?1)");
    count.bind(1, static_cast<std::int64_t>(limit));
    count.step();
    return static_cast<std::size_t>(count.int64(0)) < limit;
}

enum class TriggerAction { create, drop };

std::string snapshot_triggers(TriggerAction action) {
    std::string sql;
    for (const std::string t : snapshot_tables) {
        const std::string stem = "snapshot_stale_on_" + t;
        if (action == TriggerAction::drop) {
            for (const char* event : {"_insert", "_update", "_delete"}) sql += "DROP TRIGGER IF EXISTS " + stem + event + ";\n";
            continue;
        }
        sql += "CREATE TRIGGER " + stem + "_insert AFTER INSERT ON " + t +
               " BEGIN DELETE FROM dataset_snapshot WHERE dataset_id = NEW.dataset_id; END;\n";
        sql += "CREATE TRIGGER " + stem + "_update AFTER UPDATE ON " + t +
               " BEGIN DELETE FROM dataset_snapshot WHERE dataset_id IN (OLD.dataset_id, NEW.dataset_id); END;\n";
        sql += "CREATE TRIGGER " + stem + "_delete AFTER DELETE ON " + t +
               " BEGIN DELETE FROM dataset_snapshot WHERE dataset_id = OLD.dataset_id; END;\n";
    }
    return sql;
}

void write_snapshot(sqlite3* h, std::int64_t id, const std::string& blob) {
    db::Statement ins(h, "INSERT OR REPLACE INTO dataset_snapshot(dataset_id, data) VALUES (?1, ?2)");
    ins.bind(1, id);
    if (const int rc = sqlite3_bind_blob64(ins.get(), 2, blob.data(), blob.size(), SQLITE_STATIC); rc != SQLITE_OK)
        throw DbError(std::string("sqlite: bind snapshot: ") + sqlite3_errmsg(h));
    ins.step();
}

// Foreign keys off for a scope. The pragma is a no-op inside a transaction: the
// owner is made before the transaction begins and ends after it has ended.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(sqlite3* h) : m_h(h) { db::exec(h, "PRAGMA foreign_keys = OFF"); }
    ~ForeignKeysOff() { sqlite3_exec(m_h, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    sqlite3* m_h;
};

std::string quote_identifier(const std::string& name) {
    std::string q = "\"";
    for (char c : name) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

// What the foreign keys of municipality/arrangement/membership/participant/
// neighbour guard, for a dataset about to be saved: every reference names a
// municipality or arrangement of the same dataset.
void check_references(const Dataset& d) {
    // Most references name the row their resolved position points at (the builder
    // and reindex set it): one comparison each. Only the others are looked up, in
    // sets made on first need.
    std::unordered_set<std::string_view> codes, ids;
    auto has_code = [&](const std::string& code) {
        if (codes.empty())
            for (const auto& m : d.municipalities) codes.insert(m.code);
        return codes.count(code) > 0;
    };
    auto has_id = [&](const std::string& id) {
        if (ids.empty())
            for (const auto& a : d.arrangements) ids.insert(a.id);
        return ids.count(id) > 0;
    };
    auto is_code = [&](std::size_t at, const std::string& code) {
        return (at < d.municipalities.size() && d.municipalities[at].code == code) || has_code(code);
    };
    auto is_id = [&](std::size_t at, const std::string& id) {
        return (at < d.arrangements.size() && d.arrangements[at].id == id) || has_id(id);
    };
    auto fail = [&](const std::string& what) {
        throw DbError("dataset '" + d.name + "': " + what + "; not saved (FOREIGN KEY constraint failed)");
    };
    for (const auto& x : d.memberships) {
        if (!is_id(x.arrangement, x.arrangement_id)) fail("membership of unknown arrangement '" + x.arrangement_id + "'");
        if (!is_code(x.municipality, x.municipality_code))
            fail("membership of unknown municipality '" + x.municipality_code + "'");
    }
    for (const auto& x : d.participants)
        if (!is_id(x.arrangement, x.arrangement_id)) fail("participant of unknown arrangement '" + x.arrangement_id + "'");
    for (const auto& x : d.neighbours)
        if (!has_code(x.a) || !has_code(x.b))
            fail("neighbours of an unknown municipality '" + x.a + "', '" + x.b + "'");
}

std::int64_t scalar(sqlite3* db, const std::string& sql) {
    db::Statement s(db, sql);
    return s.step() ? s.int64(0) : 0;
}

// Runs a CREATE INDEX with SQLite's sorter on worker threads. The sorter keeps
// every entry in one list, sorted on this thread, while they fit the page
// cache; with a cache smaller than the entries it sorts runs of them on worker
// threads and merges them (eu, 2.5 million entries: 2.9 s -> 1.5 s on two
// cores). Dirty pages the small cache cannot hold go to the WAL, where the
// commit would write them anyway. The caller's cache size is put back after.
void build_index_on_worker_threads(sqlite3* h, const char* create_index) {
    const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 2u, 5u) - 1;
    const auto cache = scalar(h, "PRAGMA cache_size");
    struct Restore {
        sqlite3* h;
        std::string pragmas;
        ~Restore() { sqlite3_exec(h, pragmas.c_str(), nullptr, nullptr, nullptr); }
    } restore{h, "PRAGMA threads = 0; PRAGMA cache_size = " + std::to_string(cache)};
    db::exec(h, "PRAGMA threads = " + std::to_string(workers) + "; PRAGMA cache_size = -16384");
    db::exec(h, create_index);
}

}  // namespace

std::string utc_now(const char* format) {
    // SOURCE_DATE_EPOCH (reproducible-builds.org) pins the time for golden tests.
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) t = std::strtoll(epoch, nullptr, 10);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

Store::Store(const std::string& path, Mode mode) : m_path(path), m_mode(mode) {
    if (mode == Mode::read_only && path != ":memory:" && !std::filesystem::exists(path))
        throw DbError(path + ": no such database (import a bundle first: regionet import BUNDLE --db " + path + ")");
    // NOMUTEX: a Store's connection is used by one thread, so SQLite need not
    // lock its mutex around every step and column read (13 % of a load).
    const int flags = (mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) |
                      SQLITE_OPEN_NOMUTEX;
    m_db = db::open(path, flags);
    // Reading the header tells a non-database file apart before we write anything.
    std::int64_t app = 0;
    std::int64_t version = 0;
    std::int64_t objects = 0;
    try {
        app = scalar(m_db.get(), "PRAGMA application_id");
        version = scalar(m_db.get(), "PRAGMA user_version");
        objects = scalar(m_db.get(), "SELECT count(*) FROM sqlite_schema");
    } catch (const db::CorruptError&) {
        throw;
    } catch (const DbError& e) {
        throw DbError(path + ": not a regionet database (" + e.what() + ")");
    }
    if (app != application_id && objects > 0)
        throw DbError(path + ": not a regionet database (it holds other tables); choose another --db file");
    if (version > schema_version)
        throw DbError(path + ": database schema version " + std::to_string(version) +
                      " is newer than this regionet supports (" + std::to_string(schema_version) +
                      "); upgrade regionet");
    db::exec(m_db.get(), "PRAGMA foreign_keys = ON");
    if (mode == Mode::read_write) {
        if (sqlite3_db_readonly(m_db.get(), "main") == 1)
            throw DbError(path + ": database is read-only; check the file's permissions");
        // A new file gets 64 KiB pages (SQLite's default is 4 KiB; an existing
        // file keeps its own, which only a VACUUM could change): a large
        // import writes every page twice, into the WAL and into the file at the
        // checkpoint, each a system call, which costs on virtual machines
        // (import at eu 12.8-14.1 s -> 8.9-11.7 s in three alternating runs,
        // de 1.14-1.26 s -> 0.92-0.97 s; loads and file sizes the same). Set
        // before WAL mode, which fixes the page size of a new file.
        db::exec(m_db.get(), "PRAGMA page_size = 65536");
        if (path != ":memory:") db::exec(m_db.get(), "PRAGMA journal_mode = WAL");
        db::exec(m_db.get(), "PRAGMA synchronous = NORMAL");
        // Only an older schema takes the write lock: opening a current file does
        // not wait for an import that another process is writing.
        if (version < schema_version) migrate();
    } else if (version < schema_version) {
        throw DbError(path + ": database schema version " + std::to_string(version) +
                      " needs migration; open it once for writing (e.g. regionet import)");
    }
}

void Store::migrate() {
    // Foreign keys off for the migration (a no-op inside a transaction, so before
    // it): a rebuilt table takes its rows as they are, and a row that breaks a
    // reference (edited by hand) stays for load() to report, not to stop the upgrade.
    const ForeignKeysOff unchecked(m_db.get());
    db::Transaction tx(m_db.get());
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const auto version = scalar(m_db.get(), "PRAGMA user_version");
    if (version >= schema_version) return;
    for (auto v = version; v < schema_version; ++v) db::exec(m_db.get(), migrations[v]);
    // The snapshot triggers as this version defines them: schema 4 brought them, and
    // a migration that rebuilds a table drops that table's own.
    db::exec(m_db.get(), snapshot_triggers(TriggerAction::drop) + snapshot_triggers(TriggerAction::create));
    db::exec(m_db.get(), "PRAGMA application_id = " + std::to_string(application_id));
    db::exec(m_db.get(), "PRAGMA user_version = " + std::to_string(schema_version));
    tx.commit();
}

std::vector<DatasetInfo> Store::datasets() const {
    db::Statement s(m_db.get(), R"sql(
        SELECT d.name, d.source, d.reference_date, d.imported_at,
          (SELECT count(*) FROM municipality m WHERE m.dataset_id = d.id),
          (SELECT count(*) FROM arrangement a WHERE a.dataset_id = d.id),
          (SELECT count(*) FROM membership s WHERE s.dataset_id = d.id)
        FROM dataset d ORDER BY d.name)sql");
    std::vector<DatasetInfo> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5), s.int64(6)});
    return out;
}

std::vector<std::string> Store::dataset_names() const {
    db::Statement s(m_db.get(), "SELECT name FROM dataset ORDER BY name");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

bool Store::has_dataset(const std::string& name) const {
    db::Statement s(m_db.get(), "SELECT 1 FROM dataset WHERE name = ?1");
    s.bind(1, name);
    return s.step();
}

std::string Store::resolve(const std::optional<std::string>& name) const {
    const auto all = dataset_names();  // names only: counting rows would read every table
    auto listing = [&] {
        std::string l;
        for (const auto& d : all) l += (l.empty() ? "" : ", ") + d;
        return l.empty() ? std::string("none") : l;
    };
    if (name) {
        if (!has_dataset(*name))
            throw UsageError("no dataset '" + *name + "' in " + m_path + "; datasets: " + listing());
        return *name;
    }
    if (all.empty()) throw UsageError(m_path + " holds no dataset; import one first (regionet import BUNDLE)");
    if (all.size() > 1) throw UsageError(m_path + " holds several datasets; choose one with --dataset: " + listing());
    return all.front();
}

std::int64_t Store::dataset_id(const std::string& name) const {
    db::Statement s(m_db.get(), "SELECT id FROM dataset WHERE name = ?1");
    s.bind(1, name);
    if (!s.step()) throw UsageError("no dataset '" + name + "' in " + m_path);
    return s.int64(0);
}

void Store::remove(const std::string& name) {
    db::Transaction tx(m_db.get());
    db::Statement del(m_db.get(), "DELETE FROM dataset WHERE name = ?1");
    del.bind(1, name);
    del.step();
    tx.commit();
}

// What a save holds from its first step to its commit. Members are destroyed in
// reverse order: the statements, then the transaction (rolled back unless
// committed), then the cache size and the foreign keys, which must change
// outside a transaction; the snapshot's encoding is waited for first.
struct Store::Saving::State {
    explicit State(sqlite3* db) : h(db), unchecked(db), cache(db), tx(db) {}

    struct CacheForTheWrite {
        explicit CacheForTheWrite(sqlite3* db) : h(db) { db::exec(h, "PRAGMA cache_size = -262144"); }
        ~CacheForTheWrite() { sqlite3_exec(h, "PRAGMA cache_size = -2000", nullptr, nullptr, nullptr); }
        CacheForTheWrite(const CacheForTheWrite&) = delete;
        CacheForTheWrite& operator=(const CacheForTheWrite&) = delete;
        sqlite3* h;
    };
    sqlite3* h;
    // For the write only: foreign keys off (save() checks the references in
    // memory: SQLite's own check costs two index seeks per membership row,
    // most of an import's time at 2.5 million rows; the old dataset's rows are
    // deleted table by table instead of by cascade), and a page cache for the
    // whole write (up to 256 MiB, allocated as used).
    ForeignKeysOff unchecked;
    CacheForTheWrite cache;
    db::Transaction tx;
    std::int64_t id = 0;
    std::optional<db::Statement> insert_membership;
    bool rebuild_index = false;
    bool index_built = false;
    std::string gaps;  // a membership's gaps as text, bound while its row is stepped
    std::optional<std::string> encoded_snapshot;  // given by the caller, or
    std::future<std::string> snapshot;           // being encoded here
};

namespace {

// Texts are bound without copies (SQLITE_STATIC: each lives until its row is
// stepped; Statement::bind copies), numbers through Statement::bind. sqlite3_reset
// keeps the bindings (Statement::reset clears them), so the dataset's id is bound once.
void bind_text(sqlite3_stmt* st, int i, std::string_view v) {
    if (const int rc = sqlite3_bind_text64(st, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8); rc != SQLITE_OK)
        throw DbError("sqlite: bind parameter " + std::to_string(i) + ": " + sqlite3_errmsg(sqlite3_db_handle(st)));
}

void step_and_reset(db::Statement& s) {
    s.step();
    sqlite3_reset(s.get());
}

}  // namespace

Store::Saving::Saving(Store& store, const std::string& name, const std::string& imported_at)
    : m(std::make_unique<State>(store.m_db.get())) {
    sqlite3* h = m->h;
    // The snapshot triggers would run once per row deleted and written below;
    // this transaction writes the snapshot itself, and puts them back before
    // it commits (a failed save rolls the drop back with everything else).
    db::exec(h, snapshot_triggers(TriggerAction::drop));
    // Result tables refer to the dataset by id; drop this dataset's rows there too.
    db::Statement tables(h, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'result\\_%' ESCAPE '\\'");
    std::vector<std::string> names;
    while (tables.step()) names.push_back(tables.text(0));
    for (const char* t : {"dataset_snapshot", "membership", "participant", "neighbour", "outline", "arrangement", "municipality"})
        names.emplace_back(t);
    db::Statement old(h, "SELECT id FROM dataset WHERE name = ?1");
    old.bind(1, name);
    if (old.step()) {
        const auto id = old.int64(0);
        for (const auto& t : names) {
            db::Statement del(h, "DELETE FROM " + quote_identifier(t) + " WHERE dataset_id = ?1");
            del.bind(1, id);
            del.step();
        }
    }
    db::Statement del(h, "DELETE FROM dataset WHERE name = ?1");
    del.bind(1, name);
    del.step();
    db::Statement ins(h, "INSERT INTO dataset(name, imported_at) VALUES (?1, ?2)");
    ins.bind(1, name);
    ins.bind(2, imported_at);
    ins.step();
    m->id = sqlite3_last_insert_rowid(h);
}

Store::Saving::~Saving() = default;

void Store::Saving::encode_snapshot(const Dataset& d) {
    if (!m->snapshot.valid() && !m->encoded_snapshot)
        m->snapshot = std::async(std::launch::async, [&d] { return snapshot::encode(d); });
}

void Store::Saving::use_snapshot(std::string encoded) {
    if (m->snapshot.valid()) throw std::logic_error("Store::Saving: use_snapshot after encode_snapshot");
    m->encoded_snapshot = std::move(encoded);
}

void Store::Saving::municipalities(const std::vector<Municipality>& rows) {
    db::Statement s(m->h, "INSERT INTO municipality VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    sqlite3_stmt* st = s.get();
    s.bind(1, m->id);
    for (const auto& x : rows) {
        bind_text(st, 2, x.code); bind_text(st, 3, x.name); bind_text(st, 4, x.province);
        s.bind(5, x.population); s.bind(6, x.lat); s.bind(7, x.lon); s.bind(8, x.area_km2);
        step_and_reset(s);
    }
}

void Store::Saving::arrangements(const std::vector<Arrangement>& rows) {
    db::Statement s(m->h, "INSERT INTO arrangement VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                          "?15, ?16, ?17, ?18, ?19)");
    sqlite3_stmt* st = s.get();
    s.bind(1, m->id);
    for (const auto& x : rows) {
        bind_text(st, 2, x.id); bind_text(st, 3, x.name); bind_text(st, 4, x.domain); bind_text(st, 5, x.form);
        bind_text(st, 6, x.division); s.bind(7, x.start_year); s.bind(8, x.end_year); bind_text(st, 9, x.host);
        bind_text(st, 10, x.source); bind_text(st, 11, x.reference_date); s.bind(12, x.inhabitants);
        bind_text(st, 13, x.legal_basis); bind_text(st, 14, x.purpose); bind_text(st, 15, x.registrar);
        bind_text(st, 16, x.body_of); bind_text(st, 17, x.duplicate_of); bind_text(st, 18, x.form_basis);
        bind_text(st, 19, x.domain_basis);
        step_and_reset(s);
    }
}

void Store::Saving::expect_memberships(std::size_t count) {
    if (m->insert_membership) throw std::logic_error("Store::Saving: expect_memberships after the first membership");
    // The index on municipality is filled in arrangement order, one seek into a
    // random page per row. When this dataset brings more rows than the table
    // holds, building the index afresh after the rows (one sort) is cheaper
    // (eu, 2.5 million rows: 4.6 s of inserts into it against 1.5 s to build
    // it). Dropped and built inside this transaction: a failed save rolls both back.
    m->rebuild_index = memberships_fewer_than(m->h, count);
    if (m->rebuild_index) db::exec(m->h, "DROP INDEX membership_municipality");
}

void Store::Saving::membership(const Membership& x) {
    if (m->index_built) throw std::logic_error("Store::Saving: a membership after build_index");
    if (!m->insert_membership) {
        m->insert_membership.emplace(m->h, "INSERT INTO membership VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                           "?12, ?13)");
        m->insert_membership->bind(1, m->id);
    }
    auto& s = *m->insert_membership;
    sqlite3_stmt* st = s.get();
    bind_text(st, 2, x.arrangement_id); bind_text(st, 3, x.municipality_code);
    bind_text(st, 4, to_string(x.role)); s.bind(5, x.board_seats); s.bind(6, x.contribution_eur);
    s.bind(7, x.start_year); s.bind(8, x.end_year); s.bind(9, x.share); bind_text(st, 10, x.note);
    bind_text(st, 11, x.bodies); bind_text(st, 12, x.cost_key);
    m->gaps = format_gaps(x.gaps);
    bind_text(st, 13, m->gaps);
    step_and_reset(s);
}

void Store::Saving::build_index() {
    m->insert_membership.reset();
    if (m->rebuild_index && !m->index_built) build_index_on_worker_threads(m->h, membership_municipality_index);
    m->index_built = true;
}

void Store::Saving::complete(const Dataset& d) {
    sqlite3* h = m->h;
    encode_snapshot(d);
    // The references the schema's foreign keys guard (off for this write): a
    // dangling one fails the save, which rolls back.
    check_references(d);
    db::Statement info(h, "UPDATE dataset SET source = ?2, reference_date = ?3 WHERE id = ?1");
    info.bind(1, m->id);
    info.bind(2, d.source);
    info.bind(3, d.reference_date);
    info.step();
    build_index();
    db::Statement p(h, "INSERT INTO participant VALUES (?1, ?2, ?3, ?4)");
    p.bind(1, m->id);
    for (const auto& x : d.participants) {
        bind_text(p.get(), 2, x.arrangement_id); bind_text(p.get(), 3, x.name); bind_text(p.get(), 4, x.kind);
        step_and_reset(p);
    }
    db::Statement n(h, "INSERT INTO neighbour VALUES (?1, ?2, ?3, ?4)");
    n.bind(1, m->id);
    for (const auto& x : d.neighbours) {
        bind_text(n.get(), 2, x.a); bind_text(n.get(), 3, x.b); n.bind(4, x.border_km);
        step_and_reset(n);
    }
    db::Statement o(h, "INSERT INTO outline VALUES (?1, ?2, ?3)");
    o.bind(1, m->id);
    for (const auto& x : d.outlines) {
        bind_text(o.get(), 2, x.owner); bind_text(o.get(), 3, x.wkt);
        step_and_reset(o);
    }
    const std::string blob = m->encoded_snapshot ? std::move(*m->encoded_snapshot) : m->snapshot.get();
    write_snapshot(h, m->id, blob);
    db::exec(h, snapshot_triggers(TriggerAction::create));
    m->tx.commit();
}

void Store::save(const Dataset& d, const std::string& imported_at) {
    Saving saving(*this, d.name, imported_at);
    // The snapshot is encoded on a second thread while this one writes the rows
    // (both only read d); complete() writes it. A save that fails rolls back,
    // then waits for the encoding to end.
    saving.encode_snapshot(d);
    saving.municipalities(d.municipalities);
    saving.arrangements(d.arrangements);
    saving.expect_memberships(d.memberships.size());
    for (const auto& x : d.memberships) saving.membership(x);
    saving.complete(d);
}

Dataset Store::load(const std::string& name) const {
    sqlite3* h = m_db.get();
    // One read transaction: a concurrent import never shows us half a dataset.
    db::exec(h, "BEGIN");
    struct End {
        sqlite3* h;
        ~End() { sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr); }
    } end{h};
    Dataset d;
    db::Statement ds(h, "SELECT id, name, source, reference_date FROM dataset WHERE name = ?1");
    ds.bind(1, name);
    if (!ds.step()) throw UsageError("no dataset '" + name + "' in " + m_path);
    const auto id = ds.int64(0);
    d.name = ds.text(1);
    d.source = ds.text(2);
    d.reference_date = ds.text(3);

    auto count = [&](const char* sql) {
        db::Statement c(h, sql);
        c.bind(1, id);
        return c.step() ? static_cast<std::size_t>(c.int64(0)) : std::size_t{0};
    };
    const auto municipalities = count("SELECT count(*) FROM municipality WHERE dataset_id = ?1");
    const auto arrangements = count("SELECT count(*) FROM arrangement WHERE dataset_id = ?1");
    const auto memberships = count("SELECT count(*) FROM membership WHERE dataset_id = ?1");

    // The snapshot, if there is one (the triggers drop it when a row changes),
    // it passes decode()'s checks and its row counts are the tables'.
    {
        db::Statement snap(h, "SELECT data FROM dataset_snapshot WHERE dataset_id = ?1");
        snap.bind(1, id);
        if (snap.step()) {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(snap.get(), 0));
            const auto n = static_cast<std::size_t>(sqlite3_column_bytes(snap.get(), 0));
            try {
                Dataset fast = snapshot::decode(p ? std::string_view(p, n) : std::string_view());
                if (fast.municipalities.size() == municipalities && fast.arrangements.size() == arrangements &&
                    fast.memberships.size() == memberships) {
                    fast.name = std::move(d.name);
                    fast.source = std::move(d.source);
                    fast.reference_date = std::move(d.reference_date);
                    m_last_load = LoadSource::snapshot;
                    return fast;
                }
            } catch (const snapshot::Invalid&) {
                // Damaged or from another format: the tables below, then a new snapshot.
            }
        }
    }

    // One pass over each table in key order (the primary keys are the orders
    // Dataset keeps, so reindex() finds them sorted), values read in place
    // from SQLite's buffers: no temporary strings.
    d.municipalities.reserve(municipalities);
    d.arrangements.reserve(arrangements);
    d.memberships.reserve(memberships);

    db::Statement m(h, "SELECT code, name, province, population, lat, lon, area_km2 FROM municipality WHERE dataset_id = ?1 "
                       "ORDER BY code");
    m.bind(1, id);
    sqlite3_stmt* st = m.get();
    auto view = [&st](int c) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st, c))) : std::string_view();
    };
    auto text = [&](int c, auto& out) { out = view(c); };  // a std::string or a RareText
    while (m.step()) {
        auto& x = d.municipalities.emplace_back();
        text(0, x.code); text(1, x.name); text(2, x.province);
        x.population = m.opt_int64(3); x.lat = m.opt_real(4); x.lon = m.opt_real(5); x.area_km2 = m.opt_real(6);
    }
    db::Statement a(h, "SELECT id, name, domain, form, division, start_year, end_year, host, source, reference_date, inhabitants, "
                       "legal_basis, purpose, registrar, body_of, duplicate_of, form_basis, domain_basis "
                       "FROM arrangement WHERE dataset_id = ?1 ORDER BY id");
    a.bind(1, id);
    st = a.get();
    while (a.step()) {
        auto& x = d.arrangements.emplace_back();
        text(0, x.id); text(1, x.name); text(2, x.domain); text(3, x.form); text(4, x.division);
        x.start_year = a.opt_int(5); x.end_year = a.opt_int(6);
        text(7, x.host); text(8, x.source); text(9, x.reference_date);
        x.inhabitants = a.opt_int64(10);
        text(11, x.legal_basis); text(12, x.purpose); text(13, x.registrar); text(14, x.body_of);
        text(15, x.duplicate_of); text(16, x.form_basis); text(17, x.domain_basis);
    }
    db::Statement s(h, "SELECT arrangement_id, municipality_code, role, board_seats, contribution_eur, start_year, end_year, share, "
                       "note, bodies, cost_key, gaps FROM membership WHERE dataset_id = ?1 "
                       "ORDER BY arrangement_id, municipality_code");
    s.bind(1, id);
    st = s.get();
    while (s.step()) {
        auto& x = d.memberships.emplace_back();
        text(0, x.arrangement_id);
        text(1, x.municipality_code);
        x.role = parse_role(view(2)).value_or(Role::member);
        x.board_seats = s.opt_int(3);
        x.contribution_eur = s.opt_real(4);
        x.start_year = s.opt_int(5);
        x.end_year = s.opt_int(6);
        x.share = s.opt_real(7);
        text(8, x.note);
        text(9, x.bodies);
        text(10, x.cost_key);
        if (const auto g = view(11); !g.empty()) {
            auto gaps = parse_gaps(g);
            if (!gaps)
                throw std::runtime_error(m_path + ": membership " + x.municipality_code + " in " + x.arrangement_id +
                                         " has gaps '" + std::string(g) + "'; expected years like 2022-2023;2025");
            x.gaps = std::move(*gaps);
        }
    }
    db::Statement p(h, "SELECT arrangement_id, name, kind FROM participant WHERE dataset_id = ?1");
    p.bind(1, id);
    while (p.step()) d.participants.push_back({p.text(0), p.text(1), p.text(2)});
    db::Statement n(h, "SELECT a, b, border_km FROM neighbour WHERE dataset_id = ?1 ORDER BY a, b");
    n.bind(1, id);
    while (n.step()) d.neighbours.push_back({n.text(0), n.text(1), n.real(2)});
    db::Statement o(h, "SELECT owner, wkt FROM outline WHERE dataset_id = ?1 ORDER BY owner");
    o.bind(1, id);
    while (o.step()) d.outlines.push_back({o.text(0), o.text(1)});
    try {
        d.reindex();
    } catch (const std::out_of_range&) {
        // Foreign keys prevent this in files regionet wrote; a damaged or hand-edited file may not hold them.
        throw DbError(m_path + ": dataset '" + name +
                      "' is inconsistent (a membership or participant refers to a missing municipality or "
                      "arrangement); the file is damaged or was changed outside regionet: re-import the dataset");
    }
    m_last_load = LoadSource::tables;
    if (m_mode == Mode::read_write) {
        // Rebuild the snapshot inside this read transaction: SQLite lets it write
        // only if nothing changed since it began, so the blob is what was read.
        // Someone else writing is no error: the next load tries again.
        sqlite3_busy_timeout(h, 0);
        try {
            write_snapshot(h, id, snapshot::encode(d));
        } catch (const DbError&) {
        }
        sqlite3_busy_timeout(h, db::busy_timeout_ms);
    }
    return d;
}

void Store::save_result(const std::string& dataset, const Table& table, const std::string& filter) {
    sqlite3* h = m_db.get();
    const auto id = dataset_id(dataset);
    const std::string tname = quote_identifier("result_" + table.name);
    db::Transaction tx(h);
    // Recreate the table when its columns changed (a newer regionet).
    std::vector<std::string> existing;
    {
        db::Statement info(h, "SELECT name FROM pragma_table_info(?1)");
        info.bind(1, "result_" + table.name);
        while (info.step()) existing.push_back(info.text(0));
    }
    std::vector<std::string> wanted{"dataset_id", "filter"};
    for (const auto& c : table.columns) wanted.push_back(c.name);
    if (!existing.empty() && existing != wanted) {
        db::exec(h, "DROP TABLE " + tname);
        existing.clear();
    }
    if (existing.empty()) {
        std::string sql = "CREATE TABLE " + tname +
                          " (dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, filter TEXT NOT NULL";
        for (const auto& c : table.columns) sql += ", " + quote_identifier(c.name);
        db::exec(h, sql + ")");
    }
    db::Statement del(h, "DELETE FROM " + tname + " WHERE dataset_id = ?1 AND filter = ?2");
    del.bind(1, id);
    del.bind(2, filter);
    del.step();
    std::string sql = "INSERT INTO " + tname + " VALUES (?1, ?2";
    for (std::size_t i = 0; i < table.columns.size(); ++i) sql += ", ?" + std::to_string(i + 3);
    db::Statement ins(h, sql + ")");
    for (const auto& row : table.rows) {
        ins.bind(1, id);
        ins.bind(2, filter);
        for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
            const int k = static_cast<int>(i + 3);
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) ins.bind(k, nullptr);
                    else if constexpr (std::is_same_v<T, bool>) ins.bind(k, static_cast<std::int64_t>(v));
                    else ins.bind(k, v);
                },
                row[i]);
        }
        ins.step();
        ins.reset();
    }
    tx.commit();
}

}  // namespace regionet
