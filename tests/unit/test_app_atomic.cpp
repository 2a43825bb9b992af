// Output files: written through a temporary file and a rename, so an existing
// file is replaced only by a complete new one (an export killed at random
// points leaves the old or the new file, never half of one); a failed run
// leaves it alone; no temporary file is left behind; and nothing is written
// outside the chosen output folder, whatever the names in the data.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <thread>

#include "unit/reliability_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace rel = regionet::test::rel;
using namespace std::chrono;

namespace {

// Every path under root, relative, except the database and its companions.
std::set<std::string> tree(const fs::path& root) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        const auto rel_path = fs::relative(e.path(), root).string();
        if (rel_path.rfind("r.db", 0) == 0) continue;
        out.insert(rel_path);
    }
    return out;
}

}  // namespace

TEST_CASE("an export killed at random points leaves the old file or the complete new one", "[app][atomic]") {
    test::TempDir tmp;
    rel::make_bundle(tmp / "big", 2000, 10, "groot");
    const std::string db = (tmp / "r.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", (tmp / "big").string(), "--as", "x"}).status == 0);
    const auto target = tmp / "out" / "g.graphml";
    fs::create_directories(target.parent_path());
    const std::string old_content = "old content\n";
    const auto start = steady_clock::now();
    REQUIRE(test::run_regionet({"--db", db, "export", "--format", "graphml", target.string()}).status == 0);
    const auto full = duration_cast<microseconds>(steady_clock::now() - start);
    const auto new_content = test::read_file(target);
    REQUIRE(new_content.size() > 100'000);
    std::mt19937 rng(99);
    int old_seen = 0, new_seen = 0;
    // Kill times reach past the measured run, so that under a loaded machine (ctest -j)
    // some runs still finish and the test sees both outcomes. Twelve kills keep the
    // test well inside ctest's timeout under ASan on a loaded machine (30 did not).
    for (int run = 0; run < 12 || new_seen == 0; ++run) {
        if (run >= 24) break;
        rel::write_text(target, old_content);
        if (run >= 12) {  // still no finished run: let this one complete
            REQUIRE(test::run_regionet({"--db", db, "export", "--format", "graphml", target.string()}).status == 0);
            new_seen += test::read_file(target) == new_content;
            continue;
        }
        const pid_t pid = rel::spawn_regionet({"--db", db, "export", "--format", "graphml", target.string()},
                                              tmp / "o", tmp / "e");
        std::uniform_int_distribution<long> at(0, 2 * full.count());
        std::this_thread::sleep_for(microseconds(at(rng)));
        ::kill(pid, SIGKILL);
        rel::wait_for(pid);
        const auto now = test::read_file(target);
        CHECK((now == old_content || now == new_content));
        old_seen += now == old_content;
        new_seen += now == new_content;
        // A killed run may leave its temporary file, beside the target only.
        for (const auto& e : fs::directory_iterator(target.parent_path()))
            CHECK(e.path().filename().string().rfind("g.graphml", 0) == 0);
    }
    CHECK(old_seen > 0);
    CHECK(new_seen > 0);
}

TEST_CASE("a failed run leaves an existing output file alone and no temporary file", "[app][atomic]") {
    test::TempDir tmp;
    rel::make_bundle(tmp / "b", 20, 3, "b");
    const std::string db = (tmp / "r.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", (tmp / "b").string(), "--as", "x"}).status == 0);
    const auto target = tmp / "g.graphml";
    rel::write_text(target, "keep me\n");
    auto r = test::run_regionet({"--db", db, "--dataset", "nope", "export", "--format", "graphml", target.string()});
    CHECK(r.status == 2);
    CHECK(test::read_file(target) == "keep me\n");
    // Writing into a folder that does not exist fails cleanly.
    auto m = test::run_regionet({"--db", db, "export", "--format", "graphml", (tmp / "no/such/dir/g.graphml").string()});
    CHECK(m.status == 1);
    CHECK_FALSE(fs::exists(tmp / "no"));
    // A successful run leaves only its files.
    REQUIRE(test::run_regionet({"--db", db, "export", "--format", "csv", (tmp / "e").string()}).status == 0);
    for (const auto& e : fs::directory_iterator(tmp / "e")) CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("nothing is written outside the chosen output folder, whatever the names", "[app][atomic]") {
    test::TempDir tmp;
    // Ids and names that look like paths.
    rel::write_text(tmp / "b/municipalities.csv", "code,name\nGM1,../../escape\nGM2,/tmp/absolute\n");
    rel::write_text(tmp / "b/arrangements.csv", "id,name,division\n../../a1,../a1.csv,../../division\n/etc/x,..,/etc\n");
    rel::write_text(tmp / "b/memberships.csv", "arrangement_id,municipality_code\n../../a1,GM1\n../../a1,GM2\n/etc/x,GM1\n");
    const std::string db = (tmp / "r.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", (tmp / "b").string(), "--as", "../../x"}).status == 0);
    fs::create_directories(tmp / "work/out");
    const auto before = tree(tmp.path());
    std::vector<std::vector<std::string>> runs{
        {"--db", db, "export", "--format", "csv", (tmp / "work/out/bundle").string()},
        {"--db", db, "export", "--format", "graphml", (tmp / "work/out/g.graphml").string()},
    };
    if (test::run_regionet({"report", "--help"}).status == 0)
        runs.push_back({"--db", db, "report", "--out", (tmp / "work/out/report").string()});
    if (test::run_regionet({"map", "--help"}).status == 0)
        runs.push_back({"--db", db, "map", "network", "--no-geo", "--out", (tmp / "work/out/m.svg").string()});
    for (const auto& args : runs) {
        INFO(args[2]);
        CHECK(test::run_regionet(args, tmp / "work").status == 0);
    }
    for (const auto& p : tree(tmp.path())) {
        INFO(p);
        if (before.count(p)) continue;
        CHECK(p.rfind("work/out/", 0) == 0);  // every new path lies in the output folder
    }
}
