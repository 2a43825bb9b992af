#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "importers/importer.hpp"
#include "importers/regioatlas_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

Dataset read_fixture(ImportReport& report) {
    ModelBuilder b("t");
    const auto& importer = importer_for(test::fixture("regioatlas/valid"));
    REQUIRE(importer.name() == "regioatlas");
    importer.read(test::fixture("regioatlas/valid"), b, report, {});
    return b.finish();
}

std::vector<std::string> regions_of(const Dataset& d, const std::string& code, const std::string& division) {
    std::vector<std::string> out;
    const auto i = d.municipality_index(code);
    REQUIRE(i);
    for (auto k : d.memberships_of_municipality()[*i]) {
        const auto& a = d.arrangements[d.memberships[k].arrangement];
        if (a.division == division) out.push_back(a.name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("a Regioatlas folder: domains from subfolders, divisions from the third header", "[importer][regioatlas]") {
    ImportReport report;
    const auto d = read_fixture(report);
    CHECK(d.municipalities.size() == 8);
    CHECK(d.divisions() == std::vector<std::string>{"corop-regios", "provincies", "veiligheidsregios"});
    CHECK(d.arrangements.size() == 4 + 7 + 3);
    CHECK(d.memberships.size() == 8 + 10 + 3);

    // 4-digit CBS codes become GM codes; names as in the file.
    REQUIRE(d.find_municipality("GM0893"));
    CHECK(d.find_municipality("GM0893")->name == "Bergen (L)");
    CHECK(d.find_municipality("GM1900")->name == "Súdwest Fryslân");
    // Province from the provinces division, in CBS spelling.
    CHECK(d.find_municipality("GM0893")->province == "Limburg");
    CHECK(d.find_municipality("GM1940")->province == "Fryslân");
    CHECK(d.find_municipality("GM0363")->province == "Noord-Holland");

    const auto* ga = d.find_arrangement("corop-regios:groot-amsterdam");
    REQUIRE(ga);
    CHECK(ga->name == "Groot-Amsterdam");
    CHECK(ga->form == "regional_division");
    CHECK(ga->division == "corop-regios");
    CHECK(ga->domain == "bestuurlijk");
    CHECK(ga->inhabitants == 1421181);
    CHECK(ga->source == "Regioatlas (Ministerie van BZK) via Open State Foundation");
    CHECK(ga->reference_date == "2016");
    const auto* vr = d.find_arrangement("veiligheidsregios:amsterdam-amstelland");
    REQUIRE(vr);
    CHECK(vr->domain == "veiligheid");
    CHECK(d.source.find("Regioatlas") != std::string::npos);

    // Every file's rows imported; datapackage.json is not an export.
    CHECK(report.files.size() == 3);
    for (const auto& [file, counts] : report.files) CHECK(counts.skipped == 0);
}

TEST_CASE("a municipality in three regions of one division keeps every membership and is reported",
          "[importer][regioatlas]") {
    ImportReport report;
    const auto d = read_fixture(report);
    CHECK(regions_of(d, "GM1940", "corop-regios") ==
          std::vector<std::string>{"Noord-Friesland", "Zuidoost-Friesland", "Zuidwest-Friesland"});
    CHECK(regions_of(d, "GM1900", "corop-regios") == std::vector<std::string>{"Zuidwest-Friesland"});
    std::size_t notices = 0;
    for (const auto& n : report.notices)
        if (n.find("De Fryske Marren (GM1940) is listed in 3 regions of 'COROP regio's'") != std::string::npos) ++notices;
    CHECK(notices == 1);
    for (const auto& m : d.memberships) {
        if (m.municipality_code == "GM1940" && d.arrangements[m.arrangement].division == "corop-regios")
            CHECK(m.note == "split municipality: in 3 regions of this division");
        if (m.municipality_code == "GM1900") CHECK(m.note.empty());
    }
}

TEST_CASE("Regioatlas municipalities are upserted into what an earlier input added", "[importer][regioatlas]") {
    ModelBuilder b("t");
    Municipality m;
    m.code = "GM0363";
    m.name = "Amsterdam (boundary file)";
    m.province = "Noord-Holland";
    m.population = 900000;
    b.add_municipality(m, {"earlier"});
    ImportReport report;
    RegioatlasImporter{}.read(test::fixture("regioatlas/valid"), b, report, {});
    const auto d = b.finish();
    CHECK(d.municipalities.size() == 8);
    CHECK(d.find_municipality("GM0363")->name == "Amsterdam (boundary file)");
    CHECK(d.find_municipality("GM0363")->population == 900000);
}

TEST_CASE("a bad CBS code names file, line and column; --keep-going skips the row", "[importer][regioatlas]") {
    const auto file = test::fixture("regioatlas/bad_code/ggds.csv");
    ModelBuilder b("t");
    ImportReport report;
    try {
        RegioatlasImporter{}.read(file, b, report, {});
        FAIL("expected an ImportError");
    } catch (const ImportError& e) {
        CHECK(e.where().line == 3);
        CHECK(e.where().column == 2);
        CHECK(std::string(e.what()).find("ggds.csv:3:2: CBS: expected a municipality code") != std::string::npos);
    }
    ModelBuilder b2("t");
    ImportReport report2;
    ImportOptions keep;
    keep.keep_going = true;
    RegioatlasImporter{}.read(file, b2, report2, keep);
    const auto d = b2.finish();
    CHECK(d.municipalities.size() == 1);
    CHECK(report2.total_skipped() == 1);
    CHECK(d.divisions() == std::vector<std::string>{"ggds"});
}

TEST_CASE("Regioatlas detection: the folder, a file, and the header", "[importer][regioatlas]") {
    RegioatlasImporter r;
    CHECK(r.accepts(test::fixture("regioatlas/valid")));
    CHECK(r.accepts(test::fixture("regioatlas/valid/Veiligheid/veiligheidsregios.csv")));
    CHECK_FALSE(r.accepts(test::fixture("regioatlas/valid/Veiligheid/datapackage.json")));
    CHECK_FALSE(r.accepts(test::fixture("opengr/valid/provincies/opengr_provincies.csv")));
    CHECK(regioatlas::is_regioatlas_header("\xEF\xBB\xBF\"Gemeente\";\"CBS\";\"GGD's\";\"Inwoneraantal van regio\""));
    CHECK(regioatlas::is_regioatlas_header("Gemeente;CBS;Regio"));
    CHECK_FALSE(regioatlas::is_regioatlas_header("Gemeente,CBS,Regio"));
    CHECK_FALSE(regioatlas::is_regioatlas_header("code;name"));
}

TEST_CASE("a header without a division column is an error on the header line", "[importer][regioatlas]") {
    std::istringstream in("\"Gemeente\";\"CBS\"\n\"Amsterdam\";\"0363\"\n");
    ModelBuilder b("t");
    ImportReport report;
    try {
        regioatlas::read_division(in, "x.csv", "", b, report, {});
        FAIL("expected an ImportError");
    } catch (const ImportError& e) {
        CHECK(std::string(e.what()) == "x.csv:1:3: expected the division's name as third header");
    }
}
