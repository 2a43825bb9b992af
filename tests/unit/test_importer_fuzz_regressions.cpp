// Every input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/),
// replayed through the same code as the harness (tests/fuzz/fuzz_bodies.hpp)
// in the normal and the sanitizer test suites: each must now end normally or
// with a regionet::Error, never with another exception or a crash.
#include <catch2/catch.hpp>

#include "fuzz/fuzz_bodies.hpp"
#include "support/test_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;

namespace {

using Body = void (*)(const std::uint8_t*, std::size_t);

// Runs body on every file of the target's regression folder; returns how many ran.
std::size_t replay(const std::string& target, Body body, std::vector<std::string>* errors = nullptr) {
    const auto dir = test::test_dir() / "fuzz" / "regressions" / target;
    std::size_t n = 0;
    if (!fs::is_directory(dir)) return n;
    for (const auto& e : fs::directory_iterator(dir)) {
        INFO(e.path().string());
        const auto bytes = test::read_file(e.path());
        try {
            body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        } catch (const Error& error) {
            if (errors) errors->push_back(error.what());
        }
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("fuzzer finds stay fixed", "[importer][fuzz]") {
    std::size_t total = 0;
    total += replay("csv_reader", fuzz::csv_reader);
    total += replay("bundle", fuzz::bundle);
    total += replay("regioatlas", fuzz::regioatlas);
    total += replay("opengr", fuzz::opengr);
    total += replay("boundary", fuzz::boundary);
    total += replay("roo", fuzz::roo);
    std::vector<std::string> errors;
    total += replay("store_open", fuzz::store_open, &errors);
    CHECK(total > 0);
}

TEST_CASE("a database whose rows break the model's references gives a clear error", "[importer][fuzz][store]") {
    // Found by fuzz_store_open: a regionet file with a membership of a municipality
    // that is not in the dataset made Store::load throw std::out_of_range.
    const auto bytes = test::read_file(test::test_dir() / "fuzz/regressions/store_open/inconsistent-membership.db");
    test::TempDir tmp;
    const auto path = (tmp / "x.db").string();
    std::ofstream(path, std::ios::binary) << bytes;
    {
        // The file was written by schema version 1: reading needs the migration first.
        CHECK_THROWS_WITH(Store(path, Store::Mode::read_only),
                          Catch::Contains("database schema version 1 needs migration"));
    }
    Store store(path, Store::Mode::read_write);  // migrates 1 -> current, keeping the rows
    {
        db::Statement version(store.handle(), "PRAGMA user_version");
        REQUIRE(version.step());
        CHECK(version.int64(0) == Store::schema_version);
    }
    const auto all = store.datasets();
    REQUIRE(!all.empty());
    bool inconsistent = false;
    for (const auto& d : all) {
        try {
            (void)store.load(d.name);
        } catch (const DbError& e) {
            inconsistent = true;
            CHECK_THAT(e.what(), Catch::Contains("is inconsistent (a membership or participant refers to a missing"));
        }
    }
    CHECK(inconsistent);
}
