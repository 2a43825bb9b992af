// `regionet analyse` stores exactly what overlap, load, centrality and
// communities store when run one by one: the same result tables, columns,
// rows in the same order, values of the same type and bits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <cstring>

#include "capi/sqlite.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;

namespace {

// Every result_* table of the database as text: name, columns, then each row
// in rowid (insertion) order with every value's type and exact value.
std::map<std::string, std::string> result_tables(const std::string& db) {
    Store store(db, Store::Mode::read_only);
    sqlite3* h = store.handle();
    std::vector<std::string> names;
    {
        db::Statement s(h, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'result\\_%' ESCAPE '\\' ORDER BY name");
        while (s.step()) names.push_back(s.text(0));
    }
    std::map<std::string, std::string> out;
    for (const auto& name : names) {
        db::Statement s(h, "SELECT * FROM \"" + name + "\" ORDER BY rowid");
        std::string dump;
        for (int c = 0; c < s.column_count(); ++c) dump += s.column_name(c) + "|";
        dump += "\n";
        while (s.step()) {
            for (int c = 0; c < s.column_count(); ++c) {
                switch (sqlite3_column_type(s.get(), c)) {
                    case SQLITE_NULL: dump += "N"; break;
                    case SQLITE_INTEGER: dump += "I" + std::to_string(s.int64(c)); break;
                    case SQLITE_FLOAT: {
                        char buf[64];
                        auto [p, ec] = std::to_chars(buf, buf + sizeof buf, s.real(c));
                        dump += "R" + std::string(buf, p);
                        break;
                    }
                    default: dump += "T" + s.text(c); break;
                }
                dump += "|";
            }
            dump += "\n";
        }
        out[name] = dump;
    }
    return out;
}

std::size_t rows(const std::string& dump) { return static_cast<std::size_t>(std::count(dump.begin(), dump.end(), '\n')) - 1; }

}  // namespace

TEST_CASE("analyse stores the result tables the four commands store", "[app][analyse]") {
    const auto bundle = (test::data_dir() / "nl-2026").string();
    // Whole dataset with defaults; a filter with other options (the filter is part of the key).
    const std::vector<std::vector<std::string>> variants{
        {},
        {"--exclude-larger-than", "40", "--weighting", "newman", "--seed", "7", "--include-ended"},
        // Nothing for overlap, load and centrality to leave out: analyse reads one dataset for all.
        {"--include-regions", "--include-duplicates", "--include-ended"},
    };
    for (const auto& extra : variants) {
        test::TempDir tmp;
        const auto separate = (tmp / "separate.db").string();
        const auto together = (tmp / "together.db").string();
        for (const auto& db : {separate, together})
            REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", bundle, "--as", "x"}).status == 0);

        auto with = [&](std::vector<std::string> args, std::initializer_list<const char*> only) {
            for (std::size_t i = 0; i < extra.size(); ++i) {
                const bool option = extra[i].rfind("--", 0) == 0;
                const bool has_value = option && i + 1 < extra.size() && extra[i + 1].rfind("--", 0) != 0;
                bool wanted = true;
                for (const char* o : only) wanted = wanted && extra[i] != o;
                if (wanted) {
                    args.push_back(extra[i]);
                    if (has_value) args.push_back(extra[i + 1]);
                }
                if (has_value) ++i;
            }
            return args;
        };
        // Options a command does not take are left out of its line.
        const auto r1 = test::run_regionet(with({"--db", separate, "--quiet", "overlap", "--format", "csv"}, {"--weighting", "--seed"}));
        REQUIRE(r1.status == 0);
        const auto r2 = test::run_regionet(with({"--db", separate, "--quiet", "load", "--format", "csv"}, {"--weighting", "--seed"}));
        REQUIRE(r2.status == 0);
        const auto r3 = test::run_regionet(with({"--db", separate, "--quiet", "centrality", "--no-betweenness", "--no-harmonic",
                                                 "--format", "csv"},
                                                {}));
        REQUIRE(r3.status == 0);
        const auto r4 = test::run_regionet(with({"--db", separate, "--quiet", "communities", "--format", "csv", "--table",
                                                 "communities"},
                                                {}));
        REQUIRE(r4.status == 0);
        const auto r5 = test::run_regionet(with({"--db", together, "--quiet", "analyse"}, {}));
        INFO(r5.err);
        REQUIRE(r5.status == 0);
        CHECK(r5.out.find("stored result_overlap: ") != std::string::npos);

        const auto a = result_tables(separate);
        const auto b = result_tables(together);
        std::vector<std::string> names;
        for (const auto& [name, dump] : a) names.push_back(name);
        CHECK(names == std::vector<std::string>{"result_centrality_arrangement", "result_centrality_municipality",
                                                "result_communities", "result_community_agreement",
                                                "result_community_summary", "result_load_arrangement",
                                                "result_load_municipality", "result_overlap"});
        for (const auto& [name, dump] : a) {
            INFO(name);
            CHECK(rows(dump) > 0);
            REQUIRE(b.count(name) == 1);
            CHECK(b.at(name) == dump);
        }
        CHECK(a.size() == b.size());
    }
}
