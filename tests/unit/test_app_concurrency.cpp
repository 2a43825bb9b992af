// A reader sees a consistent snapshot while an import writes: while a real
// `regionet import` replaces dataset x (old -> new) in another process, this
// process loads x again and again through Store (what every analysis, map and
// report command does), and runs `regionet datasets` beside it. Every read
// must see all of the old or all of the new dataset, never wait for the
// writer to finish, and never fail.
#include <catch2/catch.hpp>

#include <thread>

#include "store/store.hpp"
#include "unit/reliability_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace rel = regionet::test::rel;
using namespace std::chrono;

namespace {

// "oud" or "nieuw" when every name carries that tag and the counts fit; "mixed" otherwise.
std::string which(const Dataset& d) {
    auto tag_of = [](const std::string& name) { return name.substr(0, name.find(' ')); };
    if (d.municipalities.empty()) return "empty";
    const auto tag = tag_of(d.municipalities.front().name);
    for (const auto& m : d.municipalities)
        if (tag_of(m.name) != tag) return "mixed";
    for (const auto& a : d.arrangements)
        if (tag_of(a.name) != tag) return "mixed";
    if (tag == "oud" && d.municipalities.size() == 60 && d.arrangements.size() == 60 && d.memberships.size() == 480)
        return tag;
    if (tag == "nieuw" && d.municipalities.size() == 2000 && d.arrangements.size() == 2000 &&
        d.memberships.size() == 30000)
        return tag;
    return "mixed";
}

}  // namespace

TEST_CASE("readers see the old or the new dataset while an import writes", "[app][concurrency]") {
    test::TempDir tmp;
    rel::make_bundle(tmp / "old", 60, 8, "oud");
    rel::make_bundle(tmp / "new", 2000, 15, "nieuw");
    const std::string db = (tmp / "c.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", (tmp / "old").string(), "--as", "x"}).status == 0);
    {
        Store store(db, Store::Mode::read_only);
        REQUIRE(which(store.load("x")) == "oud");
    }
    int reads = 0, old_seen = 0, new_seen = 0, cli_reads = 0;
    for (int round = 0; round < 3; ++round) {
        const bool to_new = round % 2 == 0;
        const pid_t writer = rel::spawn_regionet(
            {"--db", db, "--quiet", "import", (tmp / (to_new ? "new" : "old")).string(), "--as", "x"}, tmp / "out",
            tmp / "err");
        int status = 0;
        while (::waitpid(writer, &status, WNOHANG) == 0) {
            Store store(db, Store::Mode::read_only);
            // A reader must never wait for the writer: with no busy timeout, any
            // wait would be an immediate SQLITE_BUSY error instead of a slow read,
            // so this holds whatever the machine's speed or load.
            sqlite3_busy_timeout(store.handle(), 0);
            const auto seen = which(store.load("x"));
            INFO("round " << round << " read " << reads);
            REQUIRE((seen == "oud" || seen == "nieuw"));
            old_seen += seen == "oud";
            new_seen += seen == "nieuw";
            ++reads;
            if (reads % 4 == 0) {
                // A separate process lists the datasets meanwhile: counts of one snapshot.
                auto r = test::run_regionet({"--db", db, "datasets", "--format", "json"});
                REQUIRE(r.status == 0);
                const bool old_counts = r.out.find("\"memberships\": 480") != std::string::npos;
                const bool new_counts = r.out.find("\"memberships\": 30000") != std::string::npos;
                CHECK(old_counts != new_counts);
                ++cli_reads;
            }
        }
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
        Store store(db, Store::Mode::read_only);
        CHECK(which(store.load("x")) == (to_new ? "nieuw" : "oud"));
    }
    CHECK(reads > 3);
    CHECK(old_seen > 0);
    CHECK(new_seen > 0);
}
