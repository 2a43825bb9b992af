#include "support/test_support.hpp"

#include "capi/sqlite.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

namespace regionet::test {

namespace fs = std::filesystem;

fs::path test_dir() { return REGIONET_TEST_DIR; }
fs::path fixture(const std::string& rel) { return test_dir() / "fixtures" / rel; }
fs::path shared_dir() { return REGIONET_SHARED_DIR; }
fs::path data_dir() { return REGIONET_DATA_DIR; }

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string check_golden(const std::string& actual, const std::string& rel) {
    const auto path = test_dir() / "golden" / rel;
    const char* update = std::getenv("REGIONET_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        return {};
    }
    if (!fs::exists(path)) return "golden file " + path.string() + " missing (run with REGIONET_UPDATE_GOLDEN=1)";
    const auto expected = read_file(path);
    if (expected == actual) return {};
    std::size_t line = 1, i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
        if (expected[i] == '\n') ++line;
        ++i;
    }
    auto snippet = [&](const std::string& s) { return s.substr(i, 80); };
    return "differs from " + path.string() + " at line " + std::to_string(line) + ":\n  expected: " +
           snippet(expected) + "\n  actual:   " + snippet(actual);
}

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    m_path = fs::temp_directory_path() /
             ("regionet-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

RunResult run_regionet(const std::vector<std::string>& args, const fs::path& cwd) {
    TempDir tmp;
    const auto out_path = tmp / "stdout";
    const auto err_path = tmp / "stderr";
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int in = ::open("/dev/null", O_RDONLY);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::dup2(in, 0);
        std::vector<std::string> owned{REGIONET_BINARY};
        owned.insert(owned.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : owned) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    RunResult r;
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

void drop_snapshot_schema(sqlite3* db) {
    std::vector<std::string> triggers;
    {
        db::Statement s(db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'snapshot_stale_on_%'");
        while (s.step()) triggers.push_back(s.text(0));
    }
    for (const auto& t : triggers) db::exec(db, "DROP TRIGGER " + t);
    db::exec(db, "DROP TABLE dataset_snapshot; PRAGMA user_version = 3");
}

}  // namespace regionet::test
