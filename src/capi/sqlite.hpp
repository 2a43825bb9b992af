#pragma once
// Thin RAII owners over the SQLite C API. Every statement is prepared once and
// every value is bound (?1, ?2 ...): nothing a user gave is pasted into SQL.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace regionet::db {

// A damaged database file: its own type, so callers tell it apart by catching
// it, never by searching an error's text.
class CorruptError : public DbError {
public:
    using DbError::DbError;
};

struct Close {
    void operator()(sqlite3* d) const noexcept { sqlite3_close_v2(d); }
};
struct Finalize {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using Handle = std::unique_ptr<sqlite3, Close>;

// How long a statement waits for another connection's lock before SQLITE_BUSY.
inline constexpr int busy_timeout_ms = 5000;

// Opens path with flags (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE ...).
// The handle is owned before rc is checked: sqlite3_open_v2 allocates on failure too.
Handle open(const std::string& path, int flags);

// Runs one or more statements without results ("PRAGMA ...; CREATE ...").
void exec(sqlite3* db, const std::string& sql);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);

    // true: a row is ready; false: done. Throws DbError otherwise.
    bool step();
    void reset();  // also clears bindings

    void bind(int index, std::nullptr_t);
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value);
    void bind(int index, std::string_view text);
    void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
    void bind(int index, const char* text) { bind(index, std::string_view(text)); }
    template <class T>
    void bind(int index, const std::optional<T>& value) {
        if (value) bind(index, *value);
        else bind(index, nullptr);
    }

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> opt_int64(int column) const;
    std::optional<int> opt_int(int column) const;
    std::optional<double> opt_real(int column) const;
    int column_count() const;
    std::string column_name(int column) const;

    sqlite3_stmt* get() const noexcept { return m_stmt.get(); }

private:
    void check_bind(int rc, int index);
    sqlite3* m_db;
    std::unique_ptr<sqlite3_stmt, Finalize> m_stmt;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless committed.
class Transaction {
public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    sqlite3* m_db;
    bool m_done = false;
};

}  // namespace regionet::db
