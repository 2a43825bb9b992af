#pragma once
// Process helpers for the reliability tests (test_app_malformed, _crash,
// _concurrency, _dbfile): start the real regionet binary, measure its time
// and peak memory, kill it, and look into a database with plain SQLite.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace regionet::test::rel {

// Peak memory we accept for one command on small or rejected inputs. Sanitizer
// builds keep shadow memory and quarantine, so they get more room.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long max_rss_kb = 1'500'000;
#else
inline constexpr long max_rss_kb = 250'000;
#endif

// Starts regionet with args; stdout and stderr go to the given files. A
// non-zero uid runs it as that user (when we are root: permission tests).
inline pid_t spawn_regionet(const std::vector<std::string>& args, const std::filesystem::path& out,
                            const std::filesystem::path& err, uid_t uid = 0) {
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int i = ::open("/dev/null", O_RDONLY);
        ::dup2(o, 1);
        ::dup2(e, 2);
        ::dup2(i, 0);
        if (uid != 0 && (::setgid(uid) != 0 || ::setuid(uid) != 0)) ::_exit(126);
        std::vector<std::string> owned{REGIONET_BINARY};
        owned.insert(owned.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : owned) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

struct Measured {
    int status = -1;          // exit status, or -signal
    std::string out;
    std::string err;
    long max_rss_kb = 0;      // peak resident memory of the process
    double seconds = 0;
};

// Waits for pid; status is the exit code or -signal.
inline int wait_for(pid_t pid, long* peak_rss_kb = nullptr) {
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    if (peak_rss_kb) *peak_rss_kb = usage.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

inline Measured run_measured(const std::vector<std::string>& args, uid_t uid = 0) {
    TempDir tmp;
    if (uid != 0) std::filesystem::permissions(tmp.path(), std::filesystem::perms::all);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = spawn_regionet(args, tmp / "out", tmp / "err", uid);
    Measured m;
    m.status = wait_for(pid, &m.max_rss_kb);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.out = read_file(tmp / "out");
    m.err = read_file(tmp / "err");
    return m;
}

inline void write_text(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

// A bundle with n municipalities and arrangements, each arrangement with
// `per` members; tag starts every name, so two bundles never share one.
inline void make_bundle(const std::filesystem::path& dir, int n, int per, const std::string& tag) {
    std::string m = "code,name,population\n", a = "id,name,domain\n", s = "arrangement_id,municipality_code,board_seats\n";
    for (int i = 0; i < n; ++i)
        m += "GM" + std::to_string(i) + "," + tag + " gemeente " + std::to_string(i) + "," + std::to_string(i * 7) + "\n";
    for (int i = 0; i < n; ++i) {
        a += "A" + std::to_string(i) + "," + tag + " regeling " + std::to_string(i) + ",d" + std::to_string(i % 5) + "\n";
        for (int k = 0; k < per; ++k)
            s += "A" + std::to_string(i) + ",GM" + std::to_string((i * 31 + k) % n) + "," + std::to_string(k % 3) + "\n";
    }
    write_text(dir / "municipalities.csv", m);
    write_text(dir / "arrangements.csv", a);
    write_text(dir / "memberships.csv", s);
}

// Plain SQLite access, independent of regionet's Store, for checking a file.
class Sql {
public:
    explicit Sql(const std::string& path, int flags = SQLITE_OPEN_READONLY) {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
        m_db = raw;
        if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + path);
        sqlite3_busy_timeout(m_db, 10000);
    }
    ~Sql() { sqlite3_close_v2(m_db); }
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;

    // All rows of a query, each as its columns joined with '|', rows with '\n'.
    std::string rows(const std::string& sql) const {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
            const std::string msg = sqlite3_errmsg(m_db);
            sqlite3_finalize(s);
            throw std::runtime_error(msg + " in " + sql);
        }
        std::string out;
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(s); ++i) {
                const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
                out += (i ? "|" : "") + std::string(t ? t : "");
            }
            out += "\n";
        }
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in " + sql);
        return out;
    }
    sqlite3* get() const noexcept { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

}  // namespace regionet::test::rel
