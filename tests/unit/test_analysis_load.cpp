// Administrative load: a hand-computed dataset and the weights file parser's
// errors (file:line:column).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analysis/load.hpp"
#include "model/error.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

const char* k_weights = R"([forms]
default = 3
gr = 10

[roles]
host = 2
client = 0.5

[board]
meetings_per_seat = 4
unknown_seats = 1
)";

Membership member_of(const std::string& a, const std::string& m, Role role, std::optional<int> seats) {
    Membership ms;
    ms.arrangement_id = a;
    ms.municipality_code = m;
    ms.role = role;
    ms.board_seats = seats;
    return ms;
}

// A (form gr) = {X host 2 seats, Y member 1 seat, W member 1 seat}
// B (form other, host Y) = {X client, Y member, W member, V member}, no seats recorded
Dataset load_dataset_by_hand() {
    Dataset d;
    d.name = "load";
    d.municipalities = {
        {"GM01", "V", "P", std::nullopt, {}, {}, {}},
        {"GM02", "W", "P", 5000, {}, {}, {}},
        {"GM03", "Y", "P", std::nullopt, {}, {}, {}},
        {"GM04", "X", "P", 20000, {}, {}, {}},
        {"GM05", "Z", "P", 1000, {}, {}, {}},
    };
    Arrangement a;
    a.id = "A";
    a.name = "Alpha";
    a.form = "gr";
    Arrangement b;
    b.id = "B";
    b.name = "Beta";
    b.form = "other";
    b.host = "GM03";
    d.arrangements = {a, b};
    d.memberships = {
        member_of("A", "GM04", Role::host, 2),    member_of("A", "GM03", Role::member, 1),
        member_of("A", "GM02", Role::member, 1),  member_of("B", "GM04", Role::client, std::nullopt),
        member_of("B", "GM03", Role::member, std::nullopt), member_of("B", "GM02", Role::member, std::nullopt),
        member_of("B", "GM01", Role::member, std::nullopt),
    };
    d.reindex();
    return d;
}

std::string error_of(const std::string& text) {
    try {
        parse_weights(text, "w.toml");
    } catch (const ImportError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("load: hand-computed weighted load, ranks and coordination pairs", "[analysis][load]") {
    const auto d = load_dataset_by_hand();
    const auto w = parse_weights(k_weights, "w.toml");
    CHECK(w.form("gr") == 10.0);
    CHECK(w.form("anything") == 3.0);
    CHECK(w.role(Role::member) == 1.0);  // not listed: factor 1
    const auto r = load(d, w);
    REQUIRE(r.municipalities.size() == 5);
    const auto& v = r.municipalities[0];
    const auto& wm = r.municipalities[1];
    const auto& y = r.municipalities[2];
    const auto& x = r.municipalities[3];
    const auto& z = r.municipalities[4];
    // X: A as host with 2 seats: 10*2 + 4*2 = 28; B as client, seats unknown (1): 3*0.5 + 4*1 = 5.5
    CHECK(x.weighted_load == Approx(33.5));
    CHECK(x.memberships == 2);
    CHECK(x.host_roles == 1);
    CHECK(x.board_seats == 2);
    REQUIRE(x.load_per_10k_inhabitants);
    CHECK(*x.load_per_10k_inhabitants == Approx(33.5 * 10000 / 20000));
    // Y: A member 1 seat: 10 + 4 = 14; B member (named host of B) unknown seats: 3 + 4 = 7
    CHECK(y.weighted_load == Approx(21.0));
    CHECK(y.host_roles == 1);
    CHECK(y.board_seats == 1);
    CHECK_FALSE(y.load_per_10k_inhabitants);
    // W: same as Y but no host role
    CHECK(wm.weighted_load == Approx(21.0));
    CHECK(wm.host_roles == 0);
    CHECK(*wm.load_per_10k_inhabitants == Approx(21.0 * 10000 / 5000));
    // V: B member only: 3 + 4 = 7; Z: nothing
    CHECK(v.weighted_load == Approx(7.0));
    CHECK(z.weighted_load == 0.0);
    CHECK(z.memberships == 0);
    CHECK(*z.load_per_10k_inhabitants == 0.0);
    // Ranks: X 33.5, then W and Y tie at 21 (GM02 before GM03), then V, then Z.
    CHECK(x.rank == 1);
    CHECK(wm.rank == 2);
    CHECK(y.rank == 3);
    CHECK(v.rank == 4);
    CHECK(z.rank == 5);

    REQUIRE(r.arrangements.size() == 2);
    CHECK(r.arrangements[0].members == 3);
    CHECK(r.arrangements[0].coordination_pairs == 3);
    CHECK(r.arrangements[0].meetings_per_year == 10.0);
    CHECK(r.arrangements[1].members == 4);
    CHECK(r.arrangements[1].coordination_pairs == 6);

    const auto mt = municipality_table(r);
    CHECK(mt.name == "load_municipality");
    REQUIRE(mt.rows.size() == 5);
    CHECK(std::get<std::string>(mt.rows[0][0]) == "GM04");
    CHECK(std::get<std::string>(mt.rows[1][0]) == "GM02");
    CHECK(std::holds_alternative<std::monostate>(mt.rows[2][mt.column_index("load_per_10k_inhabitants")]));
    const auto at = arrangement_table(r);
    CHECK(at.name == "load_arrangement");
    CHECK(std::get<std::string>(at.rows[0][0]) == "B");  // 6 pairs before 3
    CHECK(std::get<std::int64_t>(at.rows[0][at.column_index("coordination_pairs")]) == 6);
}

TEST_CASE("load: weights file errors name file, line and column", "[analysis][load]") {
    CHECK(error_of("[forms]\ngr = 1\ngr = 2\n").rfind("w.toml:3", 0) == 0);          // duplicate key
    CHECK(error_of("[forms]\ngr = \"often\"\n").rfind("w.toml:2", 0) == 0);         // not a number
    CHECK(error_of("[forms]\ngr = \"often\"\n").find("must be a number") != std::string::npos);
    CHECK(error_of("[forms]\n\ngr = -1\n").rfind("w.toml:3", 0) == 0);              // negative
    CHECK(error_of("[roles]\nboss = 2\n").find("unknown role 'boss'") != std::string::npos);
    CHECK(error_of("[roles]\nboss = 2\n").rfind("w.toml:2", 0) == 0);
    CHECK(error_of("[board]\nseats = 2\n").rfind("w.toml:2", 0) == 0);
    CHECK(error_of("\n\n[meetings]\nx = 1\n").rfind("w.toml:3", 0) == 0);          // unknown section
    CHECK(error_of("forms = 3\n").find("must be a section") != std::string::npos);
    CHECK(error_of("[forms\n").rfind("w.toml:1", 0) == 0);                          // syntax error
    CHECK(error_of("[forms]\ngr = 1\n") == "no error");
}

TEST_CASE("load: the shipped weights file parses and covers the documented forms", "[analysis][load]") {
    const auto path = regionet::test::data_dir() / "weights.toml";
    const auto text = regionet::test::read_file(path);
    const auto w = parse_weights(text, path.string());
    CHECK(w.role(Role::host) > w.role(Role::member));
    CHECK(w.role(Role::client) < w.role(Role::member));
    for (const char* form : {"gr_openbaar_lichaam", "regional_division", "ambtelijke_fusie", "ssc", "convenant"})
        CHECK(w.form_meetings.count(form) == 1);
}

TEST_CASE("load, overlap, centrality: the commands on the embedded data", "[analysis][load][app]") {
    regionet::test::TempDir tmp;
    const auto db = (tmp / "r.db").string();
    {
        std::ofstream bad(tmp / "bad.toml");
        bad << "[forms]\ngr = 2\nssc = \"monthly\"\n";
    }
    const auto bad = regionet::test::run_regionet({"--db", db, "-q", "load", "--weights", (tmp / "bad.toml").string()});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("bad.toml:3:") != std::string::npos);
    CHECK(bad.err.find("'forms.ssc' must be a number") != std::string::npos);

    const auto load_csv = regionet::test::run_regionet({"--db", db, "-q", "load", "--format", "csv"});
    REQUIRE(load_csv.status == 0);
    CHECK(load_csv.out.rfind("code,name,memberships,host_roles,board_seats,weighted_load,load_per_10k_inhabitants,rank\n", 0) == 0);
    const auto pairs = regionet::test::run_regionet({"--db", db, "-q", "load", "--table", "arrangement", "--format", "csv"});
    REQUIRE(pairs.status == 0);
    CHECK(pairs.out.rfind("id,name,form,members,coordination_pairs,meetings_per_year\n", 0) == 0);

    const auto ov = regionet::test::run_regionet({"--db", db, "-q", "overlap", "--min-jaccard", "0", "--format", "json"});
    REQUIRE(ov.status == 0);
    CHECK(ov.out.find("\"overlap_coefficient\"") != std::string::npos);
    const auto bad_threshold = regionet::test::run_regionet({"--db", db, "-q", "overlap", "--min-jaccard", "2"});
    CHECK(bad_threshold.status == 2);

    const auto c = regionet::test::run_regionet({"--db", db, "-q", "centrality", "--format", "csv", "--weighting", "newman"});
    REQUIRE(c.status == 0);
    CHECK(c.out.rfind("code,name,degree,strength,betweenness,harmonic,eigenvector,pagerank,constraint,estimated\n", 0) == 0);
    const auto help = regionet::test::run_regionet({"centrality", "--help"});
    CHECK(help.out.find("normalised: divided by (n-1)(n-2)/2") != std::string::npos);
}

TEST_CASE("load: the bodies taking part weigh the form's meetings (ROO register)", "[analysis][load]") {
    auto w = parse_weights("[forms]\ngr = 10\n[bodies]\ndefault = 0.5\nraad = 1.5\ncollege = 1\n", "w.toml");
    CHECK(w.bodies("") == 1.0);                 // no bodies known: as before
    CHECK(w.bodies("college") == 1.0);
    CHECK(w.bodies("college;raad") == 1.5);     // the highest of the listed bodies
    CHECK(w.bodies("dagelijks_bestuur") == 0.5);
    Dataset d;
    d.municipalities = {{"GM01", "A", "", {}, {}, {}, {}}, {"GM02", "B", "", {}, {}, {}, {}}, {"GM03", "C", "", {}, {}, {}, {}}};
    Arrangement a;
    a.id = "A";
    a.name = "A";
    a.form = "gr";
    d.arrangements = {a};
    auto m1 = member_of("A", "GM01", Role::member, std::nullopt);
    m1.bodies = "college;raad";
    auto m2 = member_of("A", "GM02", Role::member, std::nullopt);
    m2.bodies = "college";
    auto m3 = member_of("A", "GM03", Role::member, std::nullopt);
    d.memberships = {m1, m2, m3};
    d.reindex();
    const auto r = load(d, w);
    CHECK(r.municipalities[0].weighted_load == Approx(15.0));  // 10 x 1.5
    CHECK(r.municipalities[1].weighted_load == Approx(10.0));  // 10 x 1
    CHECK(r.municipalities[2].weighted_load == Approx(10.0));  // bodies unknown: 10 x 1
    // The shipped weights: raad weighs 1.5, college 1.
    std::ifstream in(test::data_dir() / "weights.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto shipped = parse_weights(ss.str(), "weights.toml");
    CHECK(shipped.bodies("college;raad") == 1.5);
    CHECK(shipped.bodies("college") == 1.0);
}
