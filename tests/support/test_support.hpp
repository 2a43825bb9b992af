#pragma once
// Helpers shared by the tests: fixture paths, golden files, temporary
// folders, running the regionet binary.
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>

namespace regionet::test {

std::filesystem::path test_dir();        // tests/
std::filesystem::path fixture(const std::string& rel);  // tests/fixtures/<rel>
std::filesystem::path shared_dir();      // ../shared
std::filesystem::path data_dir();        // data/
std::string read_file(const std::filesystem::path& p);

// Compares actual with tests/golden/<rel>; with REGIONET_UPDATE_GOLDEN=1 rewrites it.
// Returns an empty string when equal, else a short description of the first difference.
std::string check_golden(const std::string& actual, const std::string& rel);

// A fresh empty folder under the system temp dir, removed on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return m_path; }
    std::filesystem::path operator/(const std::string& rel) const { return m_path / rel; }

private:
    std::filesystem::path m_path;
};

struct RunResult {
    int status = -1;                     // exit status, or -signal
    std::string out;
    std::string err;
};
// Runs the regionet binary with args (no shell), optional stdin text.
RunResult run_regionet(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});

// Takes a database back to schema 3 (before the dataset snapshot): drops the
// snapshot table and its triggers, sets user_version = 3. For migration tests.
void drop_snapshot_schema(sqlite3* db);

}  // namespace regionet::test
