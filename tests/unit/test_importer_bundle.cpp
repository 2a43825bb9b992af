#include <catch2/catch.hpp>

#include <sstream>

#include "importers/bundle_importer.hpp"
#include "importers/csv_reader.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

const char* municipalities = "code,name,province,population,lat,lon\n"
                             "GM1,Bergen (L.),Limburg,13000,51.6,6.0\n"
                             "GM2,'s-Hertogenbosch,Noord-Brabant,160000,51.7,5.3\n"
                             "GM3,Súdwest-Fryslân,Fryslân,,,\n";
const char* arrangements = "id,name,domain,form\nA1,Belastingen,belastingen,gr_openbaar_lichaam\nA2,ICT,ict,ssc\n";

// Reads the three files from strings; returns the error message ("" when fine).
std::string import(const std::string& m, const std::string& a, const std::string& s, ImportReport* out = nullptr,
                   bool keep_going = false, Dataset* result = nullptr) {
    ModelBuilder b("t");
    ImportReport report;
    ImportOptions opt;
    opt.keep_going = keep_going;
    try {
        std::istringstream mi(m), ai(a), si(s);
        bundle::read_municipalities(mi, "municipalities.csv", b, report, opt);
        bundle::read_arrangements(ai, "arrangements.csv", b, report, opt);
        bundle::read_memberships(si, "memberships.csv", b, report, opt);
    } catch (const ImportError& e) {
        return e.what();
    }
    if (out) *out = report;
    if (result) *result = b.finish();
    return "";
}

std::string membership_error(const std::string& rows) {
    return import(municipalities, arrangements, "arrangement_id,municipality_code,role,board_seats\n" + rows);
}

}  // namespace

TEST_CASE("a valid bundle keeps every character of names", "[importer][bundle]") {
    Dataset d;
    REQUIRE(import(municipalities, arrangements, "arrangement_id,municipality_code\nA1,GM1\nA1,GM2\n", nullptr, false, &d) == "");
    CHECK(d.municipalities.size() == 3);
    CHECK(d.find_municipality("GM1")->name == "Bergen (L.)");
    CHECK(d.find_municipality("GM2")->name == "'s-Hertogenbosch");
    CHECK(d.find_municipality("GM3")->name == "Súdwest-Fryslân");
    CHECK(d.memberships.size() == 2);
}

TEST_CASE("semicolons, BOM, CRLF, quoting, header case and decimal comma", "[importer][csv]") {
    const std::string m = "\xEF\xBB\xBF" "CODE;Naam;Name;LAT;Lon;Population\r\n"
                          "GM1;x;\"Bergen; (L.)\";51,5;6,25;100\r\n"
                          "GM2;y;\"Multi\r\nline \"\"quoted\"\"\";52;5;\r\n";
    ImportReport report;
    Dataset d;
    REQUIRE(import(m, arrangements, "arrangement_id,municipality_code\n", &report, false, &d) == "");
    CHECK(d.find_municipality("GM1")->name == "Bergen; (L.)");
    CHECK(*d.find_municipality("GM1")->lat == Approx(51.5));
    CHECK(*d.find_municipality("GM1")->lon == Approx(6.25));
    CHECK(d.find_municipality("GM2")->name == "Multi\r\nline \"quoted\"");
    REQUIRE(report.notices.size() == 1);
    CHECK(report.notices[0] == "municipalities.csv: ignored unknown column(s) 'Naam'");
}

TEST_CASE("every validation error names file, line and column", "[importer][bundle]") {
    using Catch::Equals;
    SECTION("duplicate code") {
        CHECK_THAT(import("code,name\nGM1,A\nGM1,B\n", arrangements, "arrangement_id,municipality_code\n"),
                   Equals("municipalities.csv:3:1: duplicate municipality code 'GM1'"));
    }
    SECTION("duplicate arrangement id") {
        CHECK_THAT(import(municipalities, "id,name\nA1,x\nA1,y\n", "arrangement_id,municipality_code\n"),
                   Equals("arrangements.csv:3:1: duplicate arrangement id 'A1'"));
    }
    SECTION("unknown municipality") {
        CHECK_THAT(membership_error("A1,GM9\n"),
                   Equals("memberships.csv:2:2: unknown municipality 'GM9'; expected a code from municipalities.csv"));
    }
    SECTION("unknown arrangement") {
        CHECK_THAT(membership_error("A9,GM1\n"),
                   Equals("memberships.csv:2:1: unknown arrangement 'A9'; expected an id from arrangements.csv"));
    }
    SECTION("empty required field") {
        CHECK_THAT(import("code,name\nGM1,\n", arrangements, "arrangement_id,municipality_code\n"),
                   Equals("municipalities.csv:2:2: empty name; expected a value"));
    }
    SECTION("non-numeric number") {
        CHECK_THAT(import("code,name,population\nGM1,A,many\n", arrangements, "arrangement_id,municipality_code\n"),
                   Equals("municipalities.csv:2:3: population: expected an integer, got 'many'"));
    }
    SECTION("lat out of range") {
        CHECK_THAT(import("code,name,lat,lon\nGM1,A,95,5\n", arrangements, "arrangement_id,municipality_code\n"),
                   Catch::StartsWith("municipalities.csv:2:3: lat: 95 is out of range"));
    }
    SECTION("negative population") {
        CHECK_THAT(import("code,name,population\nGM1,A,-5\n", arrangements, "arrangement_id,municipality_code\n"),
                   Catch::StartsWith("municipalities.csv:2:3: population: -5 is out of range"));
    }
    SECTION("end before start") {
        CHECK_THAT(import(municipalities, "id,name,start_year,end_year\nA1,x,2015,2010\n", "arrangement_id,municipality_code\n"),
                   Equals("arrangements.csv:2:4: end_year 2010 is before start_year 2015"));
    }
    SECTION("duplicate membership") {
        CHECK_THAT(membership_error("A1,GM1\nA1,GM1\n"),
                   Equals("memberships.csv:3:2: duplicate membership of 'GM1' in arrangement 'A1'"));
    }
    SECTION("negative board seats") {
        CHECK_THAT(membership_error("A1,GM1,member,-1\n"),
                   Catch::StartsWith("memberships.csv:2:4: board_seats: -1 is out of range"));
    }
    SECTION("unknown role") {
        CHECK_THAT(membership_error("A1,GM1,boss,\n"),
                   Equals("memberships.csv:2:3: role: expected member, host or client, got 'boss'"));
    }
    SECTION("missing required column") {
        CHECK_THAT(import("code,naam\nGM1,A\n", arrangements, "arrangement_id,municipality_code\n"),
                   Equals("municipalities.csv:1: missing required column 'name' (header has: code, naam)"));
    }
    SECTION("empty file") {
        CHECK_THAT(import("", arrangements, "arrangement_id,municipality_code\n"),
                   Equals("municipalities.csv: file is empty; expected a header line"));
    }
    SECTION("unterminated quote") {
        CHECK_THAT(import("code,name\nGM1,\"Bergen\nGM2,x\n", arrangements, "arrangement_id,municipality_code\n"),
                   Equals("municipalities.csv:2:2: unterminated quoted field (opened here); expected a closing '\"'"));
    }
    SECTION("Latin-1 text") {
        CHECK_THAT(import("code,name\nGM1,Frysl\xE2n\n", arrangements, "arrangement_id,municipality_code\n"),
                   Catch::StartsWith("municipalities.csv:2: byte 0xE2 at character 10 is not valid UTF-8"));
    }
    SECTION("UTF-16") {
        CHECK_THAT(import(std::string("\xFF\xFE" "c\0o\0", 6), arrangements, "arrangement_id,municipality_code\n"),
                   Catch::StartsWith("municipalities.csv:1: file is UTF-16 encoded"));
    }
    SECTION("unknown host") {
        CHECK_THAT(import(municipalities, "id,name,host\nA1,x,GM7\n", "arrangement_id,municipality_code\n"),
                   Equals("arrangements.csv:2:3: host 'GM7' is not a code in municipalities.csv"));
    }
}

TEST_CASE("keep-going mode reports every bad row and imports the rest", "[importer][bundle]") {
    ImportReport report;
    Dataset d;
    REQUIRE(import(municipalities, arrangements,
                   "arrangement_id,municipality_code\nA1,GM1\nA1,GM9\nA9,GM1\nA2,GM2\nA1,GM1\n", &report, true, &d) == "");
    CHECK(d.memberships.size() == 2);
    REQUIRE(report.skipped.size() == 3);
    CHECK(report.files["memberships.csv"].imported == 2);
    CHECK(report.files["memberships.csv"].skipped == 3);
    CHECK(report.skipped[0].where().line == 3);
    CHECK(report.skipped[1].where().line == 4);
    CHECK(report.skipped[2].where().line == 6);
}

TEST_CASE("the csv reader handles RFC 4180 edge cases", "[csv]") {
    csv::Reader r(std::string("a,b\n\"x,\"\"y\"\"\",\"\"\n\n1,2\n"), "f.csv");
    CHECK(r.delimiter() == ',');
    csv::Record rec;
    REQUIRE(r.next(rec));
    CHECK(rec.fields == std::vector<std::string>{"x,\"y\"", ""});
    REQUIRE(r.next(rec));
    CHECK(rec.line == 4);
    CHECK_FALSE(r.next(rec));
    CHECK_THROWS_WITH(csv::Reader(std::string("a,b\n1,2,3\n"), "f.csv").next(rec),
                      Catch::StartsWith("f.csv:2:3: 3 fields, but the header has 2 columns"));
    CHECK_THROWS_WITH(csv::Reader(std::string("a,A\n"), "f.csv"), Catch::StartsWith("f.csv:1:2: duplicate column 'A'"));
    CHECK_THROWS_WITH(csv::parse_real("1e400", {"f", 1, 1}, "x", false, -1e300, 1e300), Catch::Contains("out of range"));
    CHECK_THROWS_WITH(csv::parse_real("NaN", {"f", 1, 1}, "x", false, -1e300, 1e300), Catch::Contains("expected a number"));
}
