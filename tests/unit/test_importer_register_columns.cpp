// The columns registers add (legal basis, purpose, bronhouder, bodies taking
// part, cost key) and the links that keep findings honest (body_of,
// duplicate_of, form/domain basis): read from a bundle, validated, stored and
// written back unchanged.
#include <catch2/catch.hpp>

#include <sstream>

#include "importers/bundle_importer.hpp"
#include "render/bundle_writer.hpp"
#include "store/store.hpp"

using namespace regionet;

namespace {

const char* municipalities = "code,name\nGM1,Eerste\nGM2,Tweede\n";
const char* register_arrangements =
    "id,name,form,division,legal_basis,purpose,registrar,body_of,duplicate_of,form_basis,domain_basis\n"
    "VR1,Veiligheidsregio Een,regional_division,veiligheidsregio,,,,,,,\n"
    "GR1,Veiligheidsregio Een (GR),gr_openbaar_lichaam,,\"Wgr; Wet veiligheidsregio's\",Brandweerzorg,GM1,VR1,,,"
    "legal_basis\n"
    "GR2,VR Een,gr_openbaar_lichaam,,,,,,GR1,name,name\n";
const char* register_memberships =
    "arrangement_id,municipality_code,bodies,cost_key\n"
    "VR1,GM1,,\nVR1,GM2,,\nGR1,GM1,college;raad,inwoners\nGR1,GM2,burgemeester,\nGR2,GM1,,\n";

Dataset read(const std::string& a, const std::string& s) {
    ModelBuilder b("t");
    ImportReport report;
    ImportOptions opt;
    std::istringstream mi(municipalities), ai(a), si(s);
    bundle::read_municipalities(mi, "municipalities.csv", b, report, opt);
    bundle::read_arrangements(ai, "arrangements.csv", b, report, opt);
    bundle::read_memberships(si, "memberships.csv", b, report, opt);
    return b.finish();
}

}  // namespace

TEST_CASE("register columns are read, stored and written back unchanged", "[importer][bundle]") {
    const Dataset d = read(register_arrangements, register_memberships);
    const Arrangement* gr = d.find_arrangement("GR1");
    REQUIRE(gr);
    CHECK(gr->legal_basis == "Wgr; Wet veiligheidsregio's");
    CHECK(gr->purpose == "Brandweerzorg");
    CHECK(gr->registrar == "GM1");
    CHECK(gr->body_of == "VR1");
    CHECK(gr->domain_basis == "legal_basis");
    CHECK(d.find_arrangement("GR2")->duplicate_of == "GR1");
    const Membership& gm1 = d.memberships[d.members_of_arrangement()[*d.arrangement_index("GR1")][0]];
    CHECK(gm1.municipality_code == "GM1");
    CHECK(gm1.bodies == "college;raad");
    CHECK(gm1.cost_key == "inwoners");

    Store store(":memory:", Store::Mode::read_write);
    store.save(d, "2026-01-01T00:00:00Z");
    const Dataset back = store.load("t");
    CHECK(render::bundle_files(back) == render::bundle_files(d));
    const auto files = render::bundle_files(d);
    CHECK(files.at("arrangements.csv").rfind(
              "id,name,domain,form,division,start_year,end_year,host,source,reference_date,inhabitants,legal_basis,"
              "purpose,registrar,body_of,duplicate_of,form_basis,domain_basis\n",
              0) == 0);
    CHECK(files.at("memberships.csv").find(",bodies,cost_key\n") != std::string::npos);
}

TEST_CASE("bundles without register columns export as before", "[importer][bundle]") {
    const Dataset d = read("id,name\nA,Een\n", "arrangement_id,municipality_code\nA,GM1\n");
    const auto files = render::bundle_files(d);
    CHECK(files.at("arrangements.csv").rfind(
              "id,name,domain,form,division,start_year,end_year,host,source,reference_date,inhabitants\n", 0) == 0);
    CHECK(files.at("memberships.csv").find("bodies") == std::string::npos);
}

TEST_CASE("body_of and duplicate_of must name known arrangements", "[importer][bundle]") {
    using Catch::Equals;
    const std::string header = "id,name,division,body_of,duplicate_of\n";
    const std::string none = "arrangement_id,municipality_code\n";
    CHECK_THROWS_WITH(read(header + "A,Een,,B,\n", none),
                      Equals("arrangements.csv:2:1: body_of of arrangement 'A': unknown arrangement 'B'"));
    CHECK_THROWS_WITH(read(header + "A,Een,,,\nB,Twee,,A,\n", none),
                      Equals("arrangements.csv:3:1: body_of of arrangement 'B': 'A' is not a region of a division "
                             "(its division column is empty)"));
    CHECK_THROWS_WITH(read(header + "A,Een,,,Z\n", none),
                      Equals("arrangements.csv:2:1: duplicate_of of arrangement 'A': unknown arrangement 'Z'"));
    CHECK_THROWS_WITH(read(header + "A,Een,,,A\n", none),
                      Equals("arrangements.csv:2:1: arrangement 'A' cannot refer to itself"));
    // A later region is fine: references are checked when the model is finished.
    CHECK_NOTHROW(read(header + "B,Twee,,A,\nA,Een,veiligheidsregio,,\n", none));
}

TEST_CASE("membership gaps are read, checked, stored and written back", "[importer][bundle]") {
    const char* with_gaps =
        "arrangement_id,municipality_code,start_year,end_year,gaps\n"
        "GR1,GM1,2001,,2022-2023\nGR1,GM2,2010,2020,2012;2015-2016\nGR2,GM1,,,\n";
    const Dataset d = read(register_arrangements, with_gaps);
    const auto& gm1 = d.memberships[d.members_of_arrangement()[*d.arrangement_index("GR1")][0]];
    CHECK(gm1.gaps == std::vector<std::pair<int, int>>{{2022, 2023}});
    CHECK_FALSE(gm1.active_in(2022));
    Store store(":memory:", Store::Mode::read_write);
    store.save(d, "2026-01-01T00:00:00Z");
    const auto files = render::bundle_files(store.load("t"));
    CHECK(render::bundle_files(d) == files);
    CHECK(files.at("memberships.csv").find("2012;2015-2016") != std::string::npos);
    // Without any gap the column is not written (bundles of other sources stay as they were).
    CHECK(render::bundle_files(read(register_arrangements, register_memberships)).at("memberships.csv").find("gaps") ==
          std::string::npos);

    auto error = [&](const std::string& s) {
        try {
            read(register_arrangements, s);
        } catch (const ImportError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error("arrangement_id,municipality_code,start_year,gaps\nGR1,GM1,2001,2023-2022\n") ==
          "memberships.csv:2:4: gaps: expected whole years in order like 2022-2023;2025, got '2023-2022'");
    CHECK(error("arrangement_id,municipality_code,start_year,gaps\nGR1,GM1,2001,2001\n") ==
          "memberships.csv:2:4: gaps '2001' must lie between start_year and end_year");
}
