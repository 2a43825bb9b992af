#include "capi/sqlite.hpp"

namespace regionet::db {

namespace {

// A damaged file: name the file and what to do, not the statement that tripped over it.
void throw_if_corrupt(sqlite3* db) {
    if (!db || (sqlite3_extended_errcode(db) & 0xFF) != SQLITE_CORRUPT) return;
    const char* file = sqlite3_db_filename(db, "main");
    const char* msg = sqlite3_errmsg(db);
    throw CorruptError(std::string(file && *file ? file : "database") + ": the database file is damaged (" +
                  (msg ? msg : "corrupt") + "); restore a backup, or import again into a new --db file");
}

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& context) {
    throw_if_corrupt(db);
    const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DbError("sqlite: " + context + ": " + (msg ? msg : "unknown error"));
}

}  // namespace

Handle open(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    Handle db(raw);
    if (rc != SQLITE_OK) fail(raw, rc, "cannot open '" + path + "'");
    sqlite3_busy_timeout(raw, busy_timeout_ms);
    return db;
}

void exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::unique_ptr<char, decltype(&sqlite3_free)> owned(err, &sqlite3_free);
    if (rc != SQLITE_OK) {
        throw_if_corrupt(db);
        throw DbError("sqlite: " + std::string(err ? err : sqlite3_errstr(rc)) + " in: " + sql.substr(0, 200));
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    m_stmt.reset(raw);
    if (rc != SQLITE_OK) fail(db, rc, "cannot prepare '" + std::string(sql.substr(0, 200)) + "'");
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(m_db, rc, std::string("step '") + sqlite3_sql(m_stmt.get()) + "'");
}

void Statement::reset() {
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

void Statement::check_bind(int rc, int index) {
    if (rc != SQLITE_OK) fail(m_db, rc, "bind parameter " + std::to_string(index));
}

void Statement::bind(int index, std::nullptr_t) { check_bind(sqlite3_bind_null(m_stmt.get(), index), index); }
void Statement::bind(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(m_stmt.get(), index, value), index);
}
void Statement::bind(int index, double value) { check_bind(sqlite3_bind_double(m_stmt.get(), index, value), index); }
void Statement::bind(int index, std::string_view text) {
    check_bind(sqlite3_bind_text64(m_stmt.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               index);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt.get(), column); }
std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), column));
    const int n = sqlite3_column_bytes(m_stmt.get(), column);
    return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}
std::optional<std::int64_t> Statement::opt_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}
std::optional<int> Statement::opt_int(int column) const {
    if (is_null(column)) return std::nullopt;
    return static_cast<int>(int64(column));
}
std::optional<double> Statement::opt_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return real(column);
}
int Statement::column_count() const { return sqlite3_column_count(m_stmt.get()); }
std::string Statement::column_name(int column) const {
    const char* n = sqlite3_column_name(m_stmt.get(), column);
    return n ? n : "";
}

Transaction::Transaction(sqlite3* db) : m_db(db) { exec(db, "BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    exec(m_db, "COMMIT");
    m_done = true;
}

}  // namespace regionet::db
