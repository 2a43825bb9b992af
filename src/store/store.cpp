#include "store/store.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <stdexcept>

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
};
constexpr int migration_count = sizeof(migrations) / sizeof(migrations[0]);
static_assert(migration_count == Store::schema_version);

std::string quote_identifier(const std::string& name) {
    std::string q = "\"";
    for (char c : name) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::int64_t scalar(sqlite3* db, const std::string& sql) {
    db::Statement s(db, sql);
    return s.step() ? s.int64(0) : 0;
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

Store::Store(const std::string& path, Mode mode) : m_path(path) {
    if (mode == Mode::read_only && path != ":memory:" && !std::filesystem::exists(path))
        throw DbError(path + ": no such database (import a bundle first: regionet import BUNDLE --db " + path + ")");
    const int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
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
        if (path != ":memory:") db::exec(m_db.get(), "PRAGMA journal_mode = WAL");
        db::exec(m_db.get(), "PRAGMA synchronous = NORMAL");
        migrate();
    } else if (version < schema_version) {
        throw DbError(path + ": database schema version " + std::to_string(version) +
                      " needs migration; open it once for writing (e.g. regionet import)");
    }
}

void Store::migrate() {
    db::Transaction tx(m_db.get());
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const auto version = scalar(m_db.get(), "PRAGMA user_version");
    if (version >= schema_version) return;
    for (auto v = version; v < schema_version; ++v) db::exec(m_db.get(), migrations[v]);
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

bool Store::has_dataset(const std::string& name) const {
    db::Statement s(m_db.get(), "SELECT 1 FROM dataset WHERE name = ?1");
    s.bind(1, name);
    return s.step();
}

std::string Store::resolve(const std::optional<std::string>& name) const {
    const auto all = datasets();
    auto listing = [&] {
        std::string l;
        for (const auto& d : all) l += (l.empty() ? "" : ", ") + d.name;
        return l.empty() ? std::string("none") : l;
    };
    if (name) {
        if (!has_dataset(*name))
            throw UsageError("no dataset '" + *name + "' in " + m_path + "; datasets: " + listing());
        return *name;
    }
    if (all.empty()) throw UsageError(m_path + " holds no dataset; import one first (regionet import BUNDLE)");
    if (all.size() > 1) throw UsageError(m_path + " holds several datasets; choose one with --dataset: " + listing());
    return all.front().name;
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

void Store::save(const Dataset& d, const std::string& imported_at) {
    sqlite3* h = m_db.get();
    db::Transaction tx(h);
    {
        // Result tables refer to the dataset by id; drop this dataset's rows there too.
        db::Statement tables(h, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'result\\_%' ESCAPE '\\'");
        std::vector<std::string> names;
        while (tables.step()) names.push_back(tables.text(0));
        db::Statement old(h, "SELECT id FROM dataset WHERE name = ?1");
        old.bind(1, d.name);
        if (old.step()) {
            const auto id = old.int64(0);
            for (const auto& t : names) {
                db::Statement del(h, "DELETE FROM " + quote_identifier(t) + " WHERE dataset_id = ?1");
                del.bind(1, id);
                del.step();
            }
        }
        db::Statement del(h, "DELETE FROM dataset WHERE name = ?1");
        del.bind(1, d.name);
        del.step();
    }
    db::Statement ins(h, "INSERT INTO dataset(name, source, reference_date, imported_at) VALUES (?1, ?2, ?3, ?4)");
    ins.bind(1, d.name);
    ins.bind(2, d.source);
    ins.bind(3, d.reference_date);
    ins.bind(4, imported_at);
    ins.step();
    const std::int64_t id = sqlite3_last_insert_rowid(h);

    db::Statement m(h, "INSERT INTO municipality VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& x : d.municipalities) {
        m.bind(1, id); m.bind(2, x.code); m.bind(3, x.name); m.bind(4, x.province);
        m.bind(5, x.population); m.bind(6, x.lat); m.bind(7, x.lon); m.bind(8, x.area_km2);
        m.step();
        m.reset();
    }
    db::Statement a(h, "INSERT INTO arrangement VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                       "?15, ?16, ?17, ?18, ?19)");
    for (const auto& x : d.arrangements) {
        a.bind(1, id); a.bind(2, x.id); a.bind(3, x.name); a.bind(4, x.domain); a.bind(5, x.form);
        a.bind(6, x.division); a.bind(7, x.start_year); a.bind(8, x.end_year); a.bind(9, x.host);
        a.bind(10, x.source); a.bind(11, x.reference_date); a.bind(12, x.inhabitants);
        a.bind(13, x.legal_basis); a.bind(14, x.purpose); a.bind(15, x.registrar); a.bind(16, x.body_of);
        a.bind(17, x.duplicate_of); a.bind(18, x.form_basis); a.bind(19, x.domain_basis);
        a.step();
        a.reset();
    }
    db::Statement s(h, "INSERT INTO membership VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    for (const auto& x : d.memberships) {
        s.bind(1, id); s.bind(2, x.arrangement_id); s.bind(3, x.municipality_code);
        s.bind(4, std::string(to_string(x.role))); s.bind(5, x.board_seats); s.bind(6, x.contribution_eur);
        s.bind(7, x.start_year); s.bind(8, x.end_year); s.bind(9, x.share); s.bind(10, x.note);
        s.bind(11, x.bodies); s.bind(12, x.cost_key); s.bind(13, format_gaps(x.gaps));
        s.step();
        s.reset();
    }
    db::Statement p(h, "INSERT INTO participant VALUES (?1, ?2, ?3, ?4)");
    for (const auto& x : d.participants) {
        p.bind(1, id); p.bind(2, x.arrangement_id); p.bind(3, x.name); p.bind(4, x.kind);
        p.step();
        p.reset();
    }
    db::Statement n(h, "INSERT INTO neighbour VALUES (?1, ?2, ?3, ?4)");
    for (const auto& x : d.neighbours) {
        n.bind(1, id); n.bind(2, x.a); n.bind(3, x.b); n.bind(4, x.border_km);
        n.step();
        n.reset();
    }
    db::Statement o(h, "INSERT INTO outline VALUES (?1, ?2, ?3)");
    for (const auto& x : d.outlines) {
        o.bind(1, id); o.bind(2, x.owner); o.bind(3, x.wkt);
        o.step();
        o.reset();
    }
    tx.commit();
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

    db::Statement m(h, "SELECT code, name, province, population, lat, lon, area_km2 FROM municipality WHERE dataset_id = ?1");
    m.bind(1, id);
    while (m.step())
        d.municipalities.push_back({m.text(0), m.text(1), m.text(2), m.opt_int64(3), m.opt_real(4), m.opt_real(5), m.opt_real(6)});
    db::Statement a(h, "SELECT id, name, domain, form, division, start_year, end_year, host, source, reference_date, inhabitants, "
                       "legal_basis, purpose, registrar, body_of, duplicate_of, form_basis, domain_basis "
                       "FROM arrangement WHERE dataset_id = ?1");
    a.bind(1, id);
    while (a.step())
        d.arrangements.push_back({a.text(0), a.text(1), a.text(2), a.text(3), a.text(4), a.opt_int(5), a.opt_int(6),
                                  a.text(7), a.text(8), a.text(9), a.opt_int64(10), a.text(11), a.text(12),
                                  a.text(13), a.text(14), a.text(15), a.text(16), a.text(17)});
    db::Statement s(h, "SELECT arrangement_id, municipality_code, role, board_seats, contribution_eur, start_year, end_year, share, "
                       "note, bodies, cost_key, gaps FROM membership WHERE dataset_id = ?1");
    s.bind(1, id);
    while (s.step()) {
        Membership x;
        x.arrangement_id = s.text(0);
        x.municipality_code = s.text(1);
        x.role = parse_role(s.text(2)).value_or(Role::member);
        x.board_seats = s.opt_int(3);
        x.contribution_eur = s.opt_real(4);
        x.start_year = s.opt_int(5);
        x.end_year = s.opt_int(6);
        x.share = s.opt_real(7);
        x.note = s.text(8);
        x.bodies = s.text(9);
        x.cost_key = s.text(10);
        auto gaps = parse_gaps(s.text(11));
        if (!gaps)
            throw std::runtime_error(m_path + ": membership " + x.municipality_code + " in " + x.arrangement_id +
                                     " has gaps '" + s.text(11) + "'; expected years like 2022-2023;2025");
        x.gaps = std::move(*gaps);
        d.memberships.push_back(std::move(x));
    }
    db::Statement p(h, "SELECT arrangement_id, name, kind FROM participant WHERE dataset_id = ?1");
    p.bind(1, id);
    while (p.step()) d.participants.push_back({p.text(0), p.text(1), p.text(2)});
    db::Statement n(h, "SELECT a, b, border_km FROM neighbour WHERE dataset_id = ?1");
    n.bind(1, id);
    while (n.step()) d.neighbours.push_back({n.text(0), n.text(1), n.real(2)});
    db::Statement o(h, "SELECT owner, wkt FROM outline WHERE dataset_id = ?1");
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
