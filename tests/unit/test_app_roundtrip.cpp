#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;

namespace {

std::string files_of(const fs::path& dir) {
    std::string all;
    for (const char* f : {"municipalities.csv", "arrangements.csv", "memberships.csv", "participants.csv",
                          "neighbours.csv", "outlines.csv"})
        if (fs::exists(dir / f)) all += std::string("== ") + f + "\n" + test::read_file(dir / f);
    return all;
}

}  // namespace

TEST_CASE("export then import reproduces the same content exactly", "[app][roundtrip]") {
    for (const auto& bundle : {test::data_dir() / "ambtelijke-fusies", test::fixture("bundle/hostile")}) {
        test::TempDir tmp;
        const auto db = (tmp / "r.db").string();
        auto r = test::run_regionet({"--db", db, "--quiet", "import", bundle.string(), "--as", "one"});
        REQUIRE(r.status == 0);
        REQUIRE(test::run_regionet({"--db", db, "--dataset", "one", "export", "--format", "csv", (tmp / "e1").string()}).status == 0);
        REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", (tmp / "e1").string(), "--as", "two"}).status == 0);
        REQUIRE(test::run_regionet({"--db", db, "--dataset", "two", "export", "--format", "csv", (tmp / "e2").string()}).status == 0);
        const auto first = files_of(tmp / "e1");
        CHECK(first == files_of(tmp / "e2"));
        if (bundle.filename() == "hostile") {
            CHECK(first.find("'=HYPERLINK(1)") != std::string::npos);   // guarded in the file ...
            CHECK(first.find("\"multi\nline, with comma; and semicolon\"") != std::string::npos);
            auto show = test::run_regionet({"--db", db, "--dataset", "two", "show", "municipality", "GM0005", "--format", "json"});
            CHECK(show.out.find("\"name\": \"=HYPERLINK(1)\"") != std::string::npos);  // ... and intact after import
            auto at = test::run_regionet({"--db", db, "--dataset", "two", "show", "municipality", "GM0007", "--format", "json"});
            // A user's own guard apostrophe is read as the spreadsheet text marker it is.
            CHECK(at.out.find("\"province\": \"=already\"") != std::string::npos);
            CHECK(at.out.find("\"name\": \"@at 'quote\"") != std::string::npos);
        }
    }
}

TEST_CASE("graphml export is well-formed and escapes names", "[app][export]") {
    test::TempDir tmp;
    const auto db = (tmp / "r.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", test::fixture("bundle/hostile").string()}).status == 0);
    REQUIRE(test::run_regionet({"--db", db, "export", "--format", "graphml", (tmp / "g.graphml").string()}).status == 0);
    const auto xml = test::read_file(tmp / "g.graphml");
    CHECK(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find("<edge source=\"m:GM0001\" target=\"a:A1\">") != std::string::npos);
}

TEST_CASE("exit status: 0 success, 1 data error, 2 usage", "[app][cli]") {
    test::TempDir tmp;
    const auto db = (tmp / "r.db").string();
    CHECK(test::run_regionet({"--version"}).status == 0);
    CHECK(test::run_regionet({"import", "--help"}).status == 0);
    CHECK(test::run_regionet({"import", "--no-such-flag", "x"}).status == 2);
    auto missing = test::run_regionet({"--db", db, "import", (tmp / "nothing").string()});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("no such file or folder") != std::string::npos);
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", test::fixture("bundle/hostile").string(), "--as", "a"}).status == 0);
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", test::fixture("bundle/hostile").string(), "--as", "b"}).status == 0);
    auto ambiguous = test::run_regionet({"--db", db, "show", "municipality", "GM0001"});
    CHECK(ambiguous.status == 2);
    CHECK(ambiguous.err.find("choose one with --dataset: a, b") != std::string::npos);
}

TEST_CASE("a failed import leaves the database exactly as it was", "[app][import]") {
    test::TempDir tmp;
    const auto db = (tmp / "r.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", test::fixture("bundle/hostile").string(), "--as", "x"}).status == 0);
    const auto before = test::run_regionet({"--db", db, "export", "--format", "csv", (tmp / "before").string()});
    REQUIRE(before.status == 0);
    // A bundle with a bad last row, imported under the same name.
    fs::create_directories(tmp / "bad");
    for (const char* f : {"municipalities.csv", "arrangements.csv"})
        fs::copy_file(test::fixture("bundle/hostile") / f, tmp / "bad" / f);
    std::ofstream(tmp / "bad" / "memberships.csv") << "arrangement_id,municipality_code\nA1,GM0001\nA1,GM9999\n";
    auto r = test::run_regionet({"--db", db, "import", (tmp / "bad").string(), "--as", "x"});
    CHECK(r.status == 1);
    CHECK(r.err.find("memberships.csv:3:2: unknown municipality 'GM9999'") != std::string::npos);
    REQUIRE(test::run_regionet({"--db", db, "export", "--format", "csv", (tmp / "after").string()}).status == 0);
    CHECK(files_of(tmp / "before") == files_of(tmp / "after"));
    // With --keep-going the good row is imported and the bad one reported with its reason.
    auto k = test::run_regionet({"--db", db, "import", (tmp / "bad").string(), "--as", "x", "--keep-going"});
    CHECK(k.status == 0);
    CHECK(k.err.find("skipped: ") != std::string::npos);
    CHECK(k.err.find("memberships.csv: 1 rows imported, 1 skipped") != std::string::npos);
}
