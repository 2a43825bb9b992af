#pragma once
// The SQLite database: several named datasets, each replaced atomically, and
// the analysis result tables (output for users' SQL and BI tools, keyed by
// dataset and filter; regionet itself never reads them back). Schema versions are migrated
// forward with PRAGMA user_version; application_id marks the file as ours.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi/sqlite.hpp"
#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet {

struct DatasetInfo {
    std::string name;
    std::string source;
    std::string reference_date;
    std::string imported_at;             // UTC ISO 8601
    std::int64_t municipalities = 0;
    std::int64_t arrangements = 0;
    std::int64_t memberships = 0;
};

class Store {
public:
    static constexpr int schema_version = 5;

    enum class Mode { read_only, read_write };
    // Opens (read_write: creates) the database and migrates it. Refuses a file
    // that is not a regionet database or has a newer schema.
    explicit Store(const std::string& path, Mode mode = Mode::read_write);

    std::vector<DatasetInfo> datasets() const;
    // The names only (sorted): no counting, so cheap on large datasets.
    std::vector<std::string> dataset_names() const;
    bool has_dataset(const std::string& name) const;

    // Picks the dataset to work on: the named one, or the only one. Throws
    // UsageError listing the datasets when the choice is ambiguous or unknown.
    std::string resolve(const std::optional<std::string>& name) const;

    // Replaces the dataset of the same name, in one transaction.
    void save(const Dataset& dataset, const std::string& imported_at);

    // save() in steps, for rows written while the rest is still being read
    // (regionet import writes a bundle's memberships while it reads them).
    // One transaction from construction to complete(); a Saving destroyed
    // before complete() rolls back, and the database is as it was.
    class Saving {
    public:
        // Begins the transaction and removes the dataset of this name (with its results).
        Saving(Store& store, const std::string& name, const std::string& imported_at);
        ~Saving();
        Saving(const Saving&) = delete;
        Saving& operator=(const Saving&) = delete;

        // Starts encoding d's snapshot on a second thread; d must stay as it is until complete().
        void encode_snapshot(const Dataset& d);
        // Or takes d's snapshot as the caller encoded it (snapshot::encode(d)) on a thread of its own.
        void use_snapshot(std::string encoded);
        void municipalities(const std::vector<Municipality>& rows);
        void arrangements(const std::vector<Arrangement>& rows);
        // Before the first membership: how many will come, at most.
        void expect_memberships(std::size_t count);
        void membership(const Membership& row);
        // After the last membership: builds the index their insert left out
        // (complete() does, if not done), so that the caller can finish its
        // dataset meanwhile.
        void build_index();
        // Checks d's references, writes the rest of d (source and reference date,
        // participants, neighbours, outlines), the index and the snapshot, and commits.
        // d's municipalities, arrangements and memberships are the rows written before.
        void complete(const Dataset& d);

    private:
        struct State;
        std::unique_ptr<State> m;
    };
    // Reads the dataset's snapshot when it is valid (store/snapshot.hpp), else
    // its tables; a store opened read_write then writes a new snapshot.
    Dataset load(const std::string& name) const;
    enum class LoadSource { snapshot, tables };
    LoadSource last_load_source() const noexcept { return m_last_load; }
    void remove(const std::string& name);

    // Stores a result table as result_<table.name> (columns dataset_id, filter,
    // then the table's), replacing the rows of this dataset and filter: output
    // for users' own SQL and BI tools; a filtered run keeps the full one.
    // `filter` is analysis::Filter::describe(), empty for the whole dataset.
    void save_result(const std::string& dataset, const Table& table, const std::string& filter = {});

    sqlite3* handle() const noexcept { return m_db.get(); }
    const std::string& path() const noexcept { return m_path; }

private:
    void migrate();
    std::int64_t dataset_id(const std::string& name) const;

    std::string m_path;
    Mode m_mode;
    db::Handle m_db;
    mutable LoadSource m_last_load = LoadSource::tables;
};

// Current UTC time as "2026-11-25T16:30:00Z", or in another strftime format
// (the report's stamp: "%Y-%m-%d %H:%M UTC"). SOURCE_DATE_EPOCH pins it.
std::string utc_now(const char* format = "%Y-%m-%dT%H:%M:%SZ");

}  // namespace regionet
