// The workbook importer and writer (issue 17): a workbook made by LibreOffice
// (tests/fixtures/workbook, see make-fixtures.sh) read like a bundle, the
// malformed workbook corpus with its exact messages, dates, the round trip
// through regionet's own writer, and merging an inventory onto its dataset.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>

#include "analysis/inventory.hpp"
#include "importers/importer.hpp"
#include "importers/workbook_importer.hpp"
#include "importers/workbook_package.hpp"
#include "render/workbook_writer.hpp"
#include "render/workbook_writer_lists.hpp"
#include "support/test_support.hpp"
#include "unit/malformed_cases.hpp"

using namespace regionet;
namespace fs = std::filesystem;

namespace {

Dataset read_workbook(const fs::path& file, ImportReport& report, bool keep_going = false) {
    ModelBuilder builder("t");
    ImportOptions options;
    options.keep_going = keep_going;
    importer_for(file).read(file, builder, report, options);
    return builder.finish();
}

std::string error_of(const fs::path& file) {
    try {
        ImportReport report;
        read_workbook(file, report);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "";
}

// The workbook as LibreOffice reads it, converted to flat ODS, or nothing when
// LibreOffice is not installed (a test dependency, scripts/setup --test; its
// absence is reported, not hidden).
std::optional<std::string> libreoffice_flat_ods(const test::TempDir& dir, const fs::path& file, const std::string& what) {
    if (std::system("command -v libreoffice >/dev/null 2>&1") != 0) {
        WARN("libreoffice not installed: the LibreOffice check of " << what << " did not run");
        return std::nullopt;
    }
    const auto profile = dir / "lo-home";
    fs::create_directories(profile);
    const auto command = "HOME='" + profile.string() + "' libreoffice --headless --convert-to fods --outdir '" +
                         dir.path().string() + "' '" + file.string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(dir.path() / (file.stem().string() + ".fods"));
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("dates from spreadsheets become ISO dates", "[importer][workbook]") {
    CHECK(workbook::iso_date("2024/03/01") == "2024-03-01");            // XLSX date cell through GDAL
    CHECK(workbook::iso_date("2024-03-01T00:00:00") == "2024-03-01");
    CHECK(workbook::iso_date("2024/03/01 00:00:00") == "2024-03-01");
    CHECK(workbook::iso_date("2024/03/01 12:30:00") == "2024/03/01 12:30:00");  // a time is kept, not dropped
    // Excel serials (1900 system), checked against LibreOffice: =DATE(2024;3;1) is 45352.
    CHECK(workbook::iso_date("45352") == "2024-03-01");
    CHECK(workbook::iso_date("10000") == "1927-05-18");
    CHECK(workbook::iso_date("36526") == "2000-01-01");
    CHECK(workbook::iso_date("2016") == "2016");                        // a year stays a year
    CHECK(workbook::iso_date("9999") == "9999");
    CHECK(workbook::iso_date("2016-03") == "2016-03");
}

TEST_CASE("a workbook made by LibreOffice reads like a bundle", "[importer][workbook]") {
    for (const char* name : {"inventaris.xlsx", "inventaris.ods"}) {
        INFO(name);
        const auto file = test::fixture("workbook") / name;
        // The merged cell (memberships!B2:B3): GDAL reads B3 as empty; the package's
        // merge ranges fill it with inv1, as the user sees it.
        ImportReport report;
        const auto d = read_workbook(file, report);
        CHECK(report.skipped.empty());
        // Headers in any case (Code, NAME), a sheet name in another case (Municipalities).
        REQUIRE(d.municipalities.size() == 3);
        const auto* a = d.find_municipality("GM0001");
        REQUIRE(a);
        CHECK(a->name == "Aadorp");
        CHECK(a->population == 12500);  // a number stored as text
        CHECK(d.find_municipality("GM0003")->name == "'s-Gravenland");
        CHECK(d.find_municipality("GM0002")->population == 8000);
        REQUIRE(d.arrangements.size() == 2);
        const auto* inv1 = d.find_arrangement("inv1");
        REQUIRE(inv1);
        CHECK(inv1->name == "Werkgroep afval");  // the value stored with the formula cell
        CHECK(inv1->reference_date == "2024-03-01");  // a date cell
        CHECK(inv1->start_year == 2019);              // a year typed as text
        CHECK(inv1->source.empty());
        const auto* inv2 = d.find_arrangement("inv2");
        REQUIRE(inv2);
        CHECK(inv2->name == "=SUM(A1:A2) is a name");  // text starting with '=' stays text
        CHECK(inv2->start_year == 2021);
        CHECK(inv2->source == "inventaris");
        REQUIRE(d.memberships.size() == 3);
        CHECK(d.memberships[0].municipality_code == "GM0001");
        CHECK(d.memberships[0].role == Role::host);
        CHECK(d.memberships[0].board_seats == 2);
        CHECK(d.memberships[1].municipality_code == "GM0002");
        CHECK(d.memberships[1].arrangement_id == "inv1");  // from the merged range
        CHECK(d.memberships[1].role == Role::member);       // "Member": any case
        CHECK(d.memberships[1].board_seats == 1);           // a number stored as text
        CHECK(d.memberships[2].municipality_code == "GM0003");
        // Empty trailing rows are no rows; counts per sheet.
        CHECK(report.files.at(file.string() + ":Municipalities").imported == 3);
        CHECK(report.files.at(file.string() + ":memberships").imported == 3);
        CHECK(report.files.at(file.string() + ":memberships").skipped == 0);
        // The hidden sheet, no bundle table, is skipped and named; the merge is told.
        REQUIRE(report.notices.size() == 2);
        CHECK(report.notices[0] == file.string() + ": skipped hidden sheet(s) 'notities'");
        CHECK(report.notices[1] == file.string() +
                                       ":memberships: filled 1 cell from merged ranges, with the value of the range's "
                                       "top-left cell");
    }
}

TEST_CASE("hidden sheets: a bundle table is read, any other is skipped, each with a notice", "[importer][workbook][hidden]") {
    // verborgen.fods, converted by LibreOffice: participants and notities hidden,
    // werkblad visible; xlsx marks them state="hidden", ods by a table style
    // with table:display="false".
    // verborgen-veryhidden.xlsx: the same with notities veryHidden (Excel's third state).
    for (const char* name : {"verborgen.xlsx", "verborgen.ods", "verborgen-veryhidden.xlsx"}) {
        INFO(name);
        const auto file = test::fixture("workbook") / name;
        ImportReport report;
        const auto d = read_workbook(file, report);
        REQUIRE(report.notices.size() == 3);
        CHECK(report.notices[0] == file.string() + ": ignored sheet(s) 'werkblad'");
        CHECK(report.notices[1] == file.string() + ": skipped hidden sheet(s) 'notities'");
        CHECK(report.notices[2] ==
              file.string() + ":participants: the sheet is hidden in the workbook; read all the same, as a bundle table");
        REQUIRE(d.participants.size() == 1);
        CHECK(d.participants[0].name == "Afvalbedrijf Noord");
        CHECK(d.participants[0].kind == "bedrijf");
        CHECK(d.memberships.size() == 2);
        const auto layout = workbook::read_layout(file, std::string(name).ends_with(".ods") ? "ODS" : "XLSX");
        REQUIRE(layout.size() == 6);
        CHECK(layout.at("participants").hidden);
        CHECK(layout.at("notities").hidden);
        CHECK_FALSE(layout.at("werkblad").hidden);
        CHECK_FALSE(layout.at("memberships").hidden);
    }
    // A package member that is not there is named.
    CHECK_THROWS_WITH(workbook::read_member(test::fixture("workbook") / "verborgen.xlsx", "xl/nothing.xml"),
                      (test::fixture("workbook") / "verborgen.xlsx").string() +
                          ": cannot read package member xl/nothing.xml; expected an .xlsx or .ods file saved by a "
                          "spreadsheet program");
}

TEST_CASE("merged cells hold their range's value in every row the user filled", "[importer][workbook][merged]") {
    // samengevoegd.fods, converted by LibreOffice: municipalities!C2:C4 (one
    // province), memberships!B2:B4 and B5:B7 (an arrangement over its members'
    // rows; row 7 is empty apart from the merge; B6 keeps a value of its own,
    // inv9, hidden by the merge), memberships!D2:E2 (one year as start and end).
    for (const char* name : {"samengevoegd.xlsx", "samengevoegd.ods"}) {
        INFO(name);
        const auto file = test::fixture("workbook") / name;
        const auto layout = workbook::read_layout(file, std::string(name).ends_with(".ods") ? "ODS" : "XLSX");
        const auto& merged = layout.at("memberships").merged;
        REQUIRE(merged.size() == 3);
        auto same = [](const workbook::CellRange& r, std::size_t a, std::size_t b, std::size_t c, std::size_t d) {
            return r.first_row == a && r.first_column == b && r.last_row == c && r.last_column == d;
        };
        CHECK(same(merged[0], 2, 2, 4, 2));
        CHECK(same(merged[1], 2, 4, 2, 5));
        CHECK(same(merged[2], 5, 2, 7, 2));
        REQUIRE(layout.at("municipalities").merged.size() == 1);
        CHECK(same(layout.at("municipalities").merged[0], 2, 3, 4, 3));
        CHECK(layout.at("arrangements").merged.empty());

        ImportReport report;
        const auto d = read_workbook(file, report);
        REQUIRE(report.notices.size() == 2);
        CHECK(report.notices[0] == file.string() +
                                       ":municipalities: filled 2 cells from merged ranges, with the value of the "
                                       "range's top-left cell");
        // B6 holds inv9 under the merge; the sheet shows inv2 there, and so it reads.
        // GDAL's XLSX driver reads the hidden value (told), its ODS driver reads a
        // covered cell as empty.
        const bool ods = std::string(name).ends_with(".ods");
        CHECK(report.notices[1] == file.string() +
                                       ":memberships: filled 4 cells from merged ranges, with the value of the "
                                       "range's top-left cell" +
                                       (ods ? "" : " (1 of them held a value of their own, hidden under the merge)"));
        REQUIRE(d.municipalities.size() == 3);
        for (const auto& m : d.municipalities) CHECK(m.province == "Groningen");
        // Row 7 holds nothing but the merge: no membership of its own.
        REQUIRE(d.memberships.size() == 5);
        CHECK(report.files.at(file.string() + ":memberships").imported == 5);
        const std::pair<const char*, const char*> expected[] = {
            {"GM0001", "inv1"}, {"GM0002", "inv1"}, {"GM0003", "inv1"}, {"GM0001", "inv2"}, {"GM0002", "inv2"}};
        for (std::size_t i = 0; i < 5; ++i) {
            CHECK(d.memberships[i].municipality_code == expected[i].first);
            CHECK(d.memberships[i].arrangement_id == expected[i].second);
        }
        CHECK(d.memberships[0].start_year == 2019);
        CHECK(d.memberships[0].end_year == 2019);  // D2:E2
        CHECK(d.memberships[0].note == "proef");
        CHECK_FALSE(d.memberships[1].start_year.has_value());
        CHECK_FALSE(d.memberships[1].end_year.has_value());
    }
}

TEST_CASE("cell references of merged ranges", "[importer][workbook]") {
    std::size_t row = 0, column = 0;
    CHECK(workbook::parse_cell_ref("B14", row, column));
    CHECK((row == 14 && column == 2));
    CHECK(workbook::parse_cell_ref("$AA$3", row, column));
    CHECK((row == 3 && column == 27));
    CHECK(workbook::parse_cell_ref("XFD1048576", row, column));
    CHECK((row == 1048576 && column == 16384));
    CHECK_FALSE(workbook::parse_cell_ref("B", row, column));
    CHECK_FALSE(workbook::parse_cell_ref("14", row, column));
    CHECK_FALSE(workbook::parse_cell_ref("B0", row, column));
    CHECK_FALSE(workbook::parse_cell_ref("b2", row, column));
    CHECK_FALSE(workbook::parse_cell_ref("B2x", row, column));
}

TEST_CASE("malformed workbooks give their exact message", "[importer][workbook][malformed]") {
    for (const auto& c : test::malformed::workbook_cases) {
        const auto file = test::fixture("workbook") / c.file;
        INFO(c.file);
        CHECK(error_of(file) == file.string() + c.expected);
    }
}

TEST_CASE("workbook errors outside the sheets", "[importer][workbook]") {
    test::TempDir dir;
    const auto fake = dir / "kapot.xlsx";
    {
        std::ofstream out(fake);
        out << "not a zip file";
    }
    CHECK(error_of(fake) == fake.string() +
                                ": cannot read as a workbook; expected an .xlsx or .ods file saved by a spreadsheet program");
    WorkbookImporter importer;
    ModelBuilder b("t");
    ImportReport report;
    CHECK_THROWS_WITH(importer.read(dir / "x.csv", b, report, {}),
                      (dir / "x.csv").string() + ": not a workbook; expected an .xlsx or .ods file");
    fs::create_directory(dir / "map.xlsx");
    CHECK_THROWS_WITH(importer.read(dir / "map.xlsx", b, report, {}),
                      (dir / "map.xlsx").string() + ": not a regular file; expected an .xlsx or .ods file");
    // Header rows only: nothing to import is an error, not an empty dataset. GDAL's
    // XLSX writer leaves out sheets without rows, so the workbook of an empty
    // dataset lacks the bundle sheets and says so.
    Dataset empty;
    empty.name = "leeg";
    const auto file = dir / "leeg.xlsx";
    render::write_workbook(empty, file);
    CHECK(error_of(file) == file.string() +
                                ": no sheet 'municipalities' (the workbook has: dataset); expected sheets municipalities, "
                                "arrangements and memberships");
    CHECK_THROWS_WITH(render::write_workbook(empty, dir / "x.xls"), (dir / "x.xls").string() + ": expected a file name ending in .xlsx or .ods");
}

TEST_CASE("a dataset written as a workbook reads back the same, in both formats", "[importer][workbook][roundtrip]") {
    ModelBuilder seed("ambtelijke-fusies");
    ImportReport seed_report;
    importer_for(test::data_dir() / "ambtelijke-fusies").read(test::data_dir() / "ambtelijke-fusies", seed, seed_report, {});
    auto d = seed.finish();
    // Values a spreadsheet would change: a formula-looking name, 17-digit doubles, big integers.
    d.municipalities[0].name = "=HYPERLINK(\"x\")";
    d.municipalities[0].lat = 52.123456789012345;
    d.municipalities[0].lon = 4.9;
    d.municipalities[1].population = 999'999'999;
    d.memberships[0].contribution_eur = 1234.5;
    d.memberships[0].share = 0.1;
    d.memberships[0].bodies = "college;raad";
    d.reindex();
    test::TempDir dir;
    for (const char* ext : {".xlsx", ".ods"}) {
        INFO(ext);
        const auto file = dir / (std::string("rt") + ext);
        render::write_workbook(d, file);
        ImportReport report;
        const auto back = read_workbook(file, report);
        CHECK(report.notices.empty());
        REQUIRE(back.municipalities.size() == d.municipalities.size());
        REQUIRE(back.arrangements.size() == d.arrangements.size());
        REQUIRE(back.memberships.size() == d.memberships.size());
        // The dataset's name comes from the import (--as), not from the workbook.
        CHECK(back.source == d.source);
        CHECK(back.reference_date == d.reference_date);
        for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
            const auto &x = d.municipalities[i], &y = back.municipalities[i];
            INFO(x.code << " " << x.name << "|" << y.name << " " << x.lat.value_or(0) << "|" << y.lat.value_or(0) << " "
                        << x.lon.value_or(0) << "|" << y.lon.value_or(0) << " " << x.population.value_or(-1) << "|"
                        << y.population.value_or(-1) << " " << x.area_km2.value_or(0) << "|" << y.area_km2.value_or(0));
            // GDAL's XLSX writer keeps 15 significant digits of a double (ODS keeps all 17):
            // coordinates come back within 1e-12 degrees there, about a micrometre.
            auto near = [](const std::optional<double>& a, const std::optional<double>& b) {
                return a.has_value() == b.has_value() && (!a || std::abs(*a - *b) <= 1e-12 * std::max(1.0, std::abs(*a)));
            };
            CHECK((x.code == y.code && x.name == y.name && x.province == y.province && x.population == y.population &&
                   near(x.lat, y.lat) && near(x.lon, y.lon) && near(x.area_km2, y.area_km2)));
        }
        for (std::size_t i = 0; i < d.arrangements.size(); ++i) {
            const auto &x = d.arrangements[i], &y = back.arrangements[i];
            CHECK((x.id == y.id && x.name == y.name && x.domain == y.domain && x.form == y.form && x.host == y.host &&
                   x.start_year == y.start_year && x.end_year == y.end_year && x.source == y.source &&
                   x.reference_date == y.reference_date));
        }
        for (std::size_t i = 0; i < d.memberships.size(); ++i) {
            const auto &x = d.memberships[i], &y = back.memberships[i];
            CHECK((x.arrangement_id == y.arrangement_id && x.municipality_code == y.municipality_code &&
                   x.role == y.role && x.board_seats == y.board_seats && x.contribution_eur == y.contribution_eur &&
                   x.share == y.share && x.bodies == y.bodies && x.note == y.note));
        }
        // Written again, the second workbook holds the same sheets as the first.
        const auto again = dir / (std::string("rt2") + ext);
        render::write_workbook(back, again);
        ImportReport r2;
        const auto third = read_workbook(again, r2);
        CHECK(third.municipalities.size() == back.municipalities.size());
    }
}

TEST_CASE("an inventory merged onto its dataset says where each arrangement came from", "[importer][workbook][inventory]") {
    ModelBuilder seed("ambtelijke-fusies");
    ImportReport seed_report;
    importer_for(test::data_dir() / "ambtelijke-fusies").read(test::data_dir() / "ambtelijke-fusies", seed, seed_report, {});
    const auto base = seed.finish();
    // The seed's af01 is Groningen-Ten Boer (gastheer, host groningen).
    const auto inv = analysis::inventory_subset(base, {"ten-boer"});
    REQUIRE(inv.municipalities.size() == 2);  // ten-boer and its host groningen
    REQUIRE(inv.arrangements.size() == 1);
    CHECK(inv.arrangements[0].id == "af01");
    REQUIRE(inv.memberships.size() == 1);  // only the region's own memberships
    CHECK(inv.memberships[0].municipality_code == "ten-boer");
    CHECK_THROWS_WITH(analysis::inventory_subset(base, {"GM9999"}), "no municipality 'GM9999' in dataset ambtelijke-fusies");

    test::TempDir dir;
    const auto file = dir / "inventaris.xlsx";
    render::WorkbookOptions options;
    options.inventory = true;
    options.region = "Ten Boer";
    render::write_workbook(inv, file, options);
    // What the municipality adds, as a second workbook would hold it: read the
    // inventory, add an informal arrangement, merge.
    ImportReport report;
    auto filled = read_workbook(file, report);
    CHECK(report.notices.empty());  // instructies and keuzelijsten are known sheets
    CHECK(filled.arrangements[0].source == "Korsten c. 2016");
    Arrangement overleg;
    overleg.id = "inv-01";
    overleg.name = "Portefeuillehoudersoverleg Afval";
    overleg.form = "portefeuillehoudersoverleg";
    overleg.domain = "afval";
    filled.arrangements.push_back(overleg);
    Membership m;
    m.arrangement_id = "inv-01";
    m.municipality_code = "ten-boer";
    m.role = Role::host;
    m.board_seats = 1;
    filled.memberships.push_back(m);
    filled.reindex();
    const auto merged = workbook::merge_onto(base, filled);
    CHECK(merged.arrangements.size() == base.arrangements.size() + 1);
    CHECK(merged.memberships.size() == base.memberships.size() + 1);
    CHECK(merged.municipalities.size() == base.municipalities.size());
    CHECK(merged.find_arrangement("inv-01")->source == "inventaris");
    CHECK(merged.find_arrangement("af01")->source == "Korsten c. 2016");
    const auto o = analysis::origins(merged);
    CHECK(o.inventory == std::vector<std::string>{"inv-01"});
    CHECK(o.register_.size() == base.arrangements.size());
    CHECK(o.unknown.empty());
    // A new arrangement with its own source keeps it after the mark.
    filled.arrangements.back().source = "convenant 2019";
    filled.reindex();
    CHECK(workbook::merge_onto(base, filled).find_arrangement("inv-01")->source == "inventaris: convenant 2019");
}

TEST_CASE("origin of an arrangement", "[analysis][inventory]") {
    Arrangement a;
    CHECK(analysis::origin_of(a) == analysis::Origin::unknown);
    a.source = "OpenGR (provinces, Wob)";
    CHECK(analysis::origin_of(a) == analysis::Origin::register_);
    a.source = "Inventaris: convenant";
    CHECK(analysis::origin_of(a) == analysis::Origin::inventory);
    a.source = "register";
    CHECK(analysis::origin_of(a) == analysis::Origin::register_);
}

TEST_CASE("the inventory workbook has drop-down lists on form, domain and role", "[importer][workbook][lists]") {
    ModelBuilder seed("ambtelijke-fusies");
    ImportReport seed_report;
    importer_for(test::data_dir() / "ambtelijke-fusies").read(test::data_dir() / "ambtelijke-fusies", seed, seed_report, {});
    const auto inv = analysis::inventory_subset(seed.finish(), {"ten-boer"});
    test::TempDir dir;
    const auto file = dir / "inventaris.xlsx";
    render::WorkbookOptions options;
    options.inventory = true;
    options.region = "Ten Boer";
    render::write_workbook(inv, file, options);
    // Only the workbook is left in the folder: the two temporary packages are gone.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

    // The lists, expected by hand from allowed_values() (15 forms, 17 domains, 3 roles).
    std::string forms, domains;
    for (const auto& v : render::allowed_values()) {
        if (v.column == "form") forms += (forms.empty() ? "" : ",") + v.value;
        if (v.column == "domain") domains += (domains.empty() ? "" : ",") + v.value;
    }
    REQUIRE(forms.size() <= render::inline_list_limit);  // so they stand inline
    // GDAL writes sheet N of the workbook as xl/worksheets/sheetN.xml: instructies,
    // municipalities, arrangements (3), memberships (4), participants, keuzelijsten.
    const auto workbook_xml = workbook::read_member(file, "xl/workbook.xml");
    CHECK(workbook_xml.find("name=\"arrangements\" sheetId=\"3\"") != std::string::npos);
    const auto arrangements = workbook::read_member(file, "xl/worksheets/sheet3.xml");
    // arrangements: id, name, domain (C), form (D).
    const std::string expected_arrangements =
        "<dataValidations count=\"2\">"
        "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
        "errorStyle=\"warning\" errorTitle=\"Niet in de lijst\" error=\"Deze vorm staat niet in blad keuzelijsten. "
        "Kies bij voorkeur een vorm uit de lijst.\" sqref=\"D2:D1048576\"><formula1>&quot;" + forms +
        "&quot;</formula1></dataValidation>"
        "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
        "errorStyle=\"warning\" errorTitle=\"Niet in de lijst\" error=\"Dit domein staat niet in blad keuzelijsten. "
        "Kies bij voorkeur een domein uit de lijst.\" sqref=\"C2:C1048576\"><formula1>&quot;" + domains +
        "&quot;</formula1></dataValidation></dataValidations>";
    CHECK(arrangements.find(expected_arrangements) != std::string::npos);
    // In its place: after the sheet's data, last in the worksheet as GDAL writes it.
    CHECK(arrangements.find(expected_arrangements) > arrangements.find("</sheetData>"));
    CHECK(arrangements.ends_with(expected_arrangements + "</worksheet>\n"));
    const auto memberships = workbook::read_member(file, "xl/worksheets/sheet4.xml");
    CHECK(memberships.find("<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" "
                           "showInputMessage=\"1\" showErrorMessage=\"1\" errorStyle=\"stop\" errorTitle=\"Niet in de "
                           "lijst\" error=\"Kies member, host of client (zie blad keuzelijsten).\" "
                           "sqref=\"C2:C1048576\"><formula1>&quot;member,host,client&quot;</formula1>"
                           "</dataValidation></dataValidations>") != std::string::npos);
    for (int n : {1, 2, 5, 6})
        CHECK(workbook::read_member(file, "xl/worksheets/sheet" + std::to_string(n) + ".xml").find("dataValidation") ==
              std::string::npos);
    // Still a workbook that reads back as before.
    ImportReport report;
    const auto back = read_workbook(file, report);
    CHECK(report.notices.empty());
    CHECK(back.arrangements.size() == inv.arrangements.size());
    CHECK(back.memberships.size() == inv.memberships.size());

    // LibreOffice opens it and keeps the lists: converted to flat ODS, each is a
    // content validation "cell content is in list". LibreOffice is a test
    // dependency (scripts/setup --test); without it this part is reported, not run.
    const auto fods = libreoffice_flat_ods(dir, file, "the drop-down lists");
    if (!fods) return;
    CHECK(fods->find("cell-content-is-in-list(&quot;member&quot;;&quot;host&quot;;&quot;client&quot;)") !=
          std::string::npos);
    CHECK(fods->find("cell-content-is-in-list(&quot;gr_openbaar_lichaam&quot;;") != std::string::npos);
    CHECK(fods->find("cell-content-is-in-list(&quot;afval&quot;;") != std::string::npos);
}

TEST_CASE("a list too long to stand inline refers to its cells", "[importer][workbook][lists]") {
    render::DropDown d{"arrangements", 28, {}, "keuzelijsten!$B$2:$B$80", false, "a \"b\" & <c>"};
    for (int i = 0; i < 26; ++i) d.values.push_back("waarde_" + std::to_string(i) + "_xx");  // 26 * 10 + 25 > 255
    CHECK(render::data_validations_xml({d}) ==
          "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
          "showErrorMessage=\"1\" errorStyle=\"warning\" errorTitle=\"Niet in de lijst\" error=\"a &quot;b&quot; "
          "&amp; &lt;c&gt;\" sqref=\"AB2:AB1048576\"><formula1>keuzelijsten!$B$2:$B$80</formula1>"
          "</dataValidation></dataValidations>");
    d.values.resize(3);
    d.refuse_others = true;
    CHECK(render::data_validations_xml({d}).find("errorStyle=\"stop\"") != std::string::npos);
    CHECK(render::data_validations_xml({d}).find("<formula1>&quot;waarde_0_xx,waarde_1_xx,waarde_2_xx&quot;</formula1>") !=
          std::string::npos);
}

TEST_CASE("the .ods inventory has the same lists, as content validations", "[importer][workbook][lists]") {
    ModelBuilder seed("ambtelijke-fusies");
    ImportReport seed_report;
    importer_for(test::data_dir() / "ambtelijke-fusies").read(test::data_dir() / "ambtelijke-fusies", seed, seed_report, {});
    const auto inv = analysis::inventory_subset(seed.finish(), {"ten-boer"});
    test::TempDir dir;
    const auto file = dir / "inventaris.ods";
    render::WorkbookOptions options;
    options.inventory = true;
    render::write_workbook(inv, file, options);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
    // ODF: the package starts with its mimetype, stored uncompressed (local header:
    // compression method 0 at byte 8, the name at byte 30).
    {
        std::ifstream raw(file, std::ios::binary);
        std::string head(38, '\0');
        raw.read(head.data(), 38);
        CHECK(head.substr(0, 4) == std::string("PK\x03\x04", 4));
        CHECK((head[8] == 0 && head[9] == 0));
        CHECK(head.substr(30, 8) == "mimetype");
    }
    const auto content = workbook::read_member(file, "content.xml");
    CHECK(content.find("<table:content-validation table:name=\"lijst3\" table:condition=\"of:cell-content-is-in-list("
                       "&quot;member&quot;;&quot;host&quot;;&quot;client&quot;)\" table:allow-empty-cell=\"true\" "
                       "table:display-list=\"unsorted\" table:base-cell-address=\"memberships.C2\">"
                       "<table:error-message table:title=\"Niet in de lijst\" table:display=\"true\" "
                       "table:message-type=\"stop\"><text:p>Kies member, host of client (zie blad keuzelijsten)."
                       "</text:p></table:error-message></table:content-validation>") != std::string::npos);
    CHECK(content.find("table:name=\"lijst1\" table:condition=\"of:cell-content-is-in-list(&quot;gr_openbaar_lichaam&quot;;") !=
          std::string::npos);
    CHECK(content.find("table:name=\"lijst2\" table:condition=\"of:cell-content-is-in-list(&quot;afval&quot;;") !=
          std::string::npos);
    // The data row and the 1000 rows below it carry the lists: C (domain), D (form) of
    // arrangements, C (role) of memberships.
    CHECK(content.find("<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell/><table:table-cell/>"
                       "<table:table-cell table:content-validation-name=\"lijst2\"/>"
                       "<table:table-cell table:content-validation-name=\"lijst1\"/></table:table-row>") !=
          std::string::npos);
    CHECK(content.find("<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell/><table:table-cell/>"
                       "<table:table-cell table:content-validation-name=\"lijst3\"/></table:table-row>") !=
          std::string::npos);
    ImportReport report;
    const auto back = read_workbook(file, report);
    CHECK(report.notices.empty());
    CHECK(back.arrangements.size() == inv.arrangements.size());
    CHECK(back.memberships.size() == inv.memberships.size());

    const auto fods = libreoffice_flat_ods(dir, file, "the .ods lists");
    if (!fods) return;
    CHECK(fods->find("cell-content-is-in-list(&quot;member&quot;;&quot;host&quot;;&quot;client&quot;)") !=
          std::string::npos);
    CHECK(fods->find("cell-content-is-in-list(&quot;gr_openbaar_lichaam&quot;;") != std::string::npos);
    CHECK(fods->find("cell-content-is-in-list(&quot;afval&quot;;") != std::string::npos);
    CHECK(fods->find("table:content-validation-name=") != std::string::npos);  // on cells, as read
}
