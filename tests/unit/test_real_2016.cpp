// The 2016 register on the real files in ../shared/data/real/openstate: the
// facts its README lists are the expectations here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "importers/bundle_importer.hpp"
#include "importers/csv_reader.hpp"
#include "importers/opengr_importer.hpp"
#include "importers/regioatlas_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

struct Register {
    Dataset dataset;
    ImportReport report;
    opengr::Summary summary;
};

const Register& register_2016() {
    static const Register r = [] {
        Register out;
        const auto base = test::shared_dir() / "data/real/openstate";
        ModelBuilder b("nl-2016");
        RegioatlasImporter{}.read(base / "regioatlas", b, out.report, {});
        const auto file = base / "provincies/opengr_provincies.csv";
        std::ifstream codes_in(opengr::codes_beside(file));
        const auto codes = opengr::read_codes(codes_in, "codes");
        std::ifstream in(file);
        out.summary = opengr::read_register(in, file.string(), codes, b, out.report, {});
        out.dataset = b.finish();
        return out;
    }();
    return r;
}

double median(std::vector<std::size_t> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? double(v[n / 2]) : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::set<std::string> member_names(const Dataset& d, const Arrangement& a) {
    std::set<std::string> out;
    const auto i = *d.arrangement_index(a.id);
    for (auto k : d.members_of_arrangement()[i]) out.insert(d.municipalities[d.memberships[k].municipality].name);
    return out;
}

const Arrangement* by_name(const Dataset& d, const std::string& name) {
    for (const auto& a : d.arrangements)
        if (a.name == name && !a.is_region()) return &a;
    return nullptr;
}

// Names of the seed's members of an arrangement, from ../shared/data/seed.
std::set<std::string> seed_members(const std::string& arrangement_name) {
    const auto seed = test::shared_dir() / "data/seed";
    std::map<std::string, std::string> names;
    {
        std::ifstream in(seed / "municipalities.csv");
        csv::Reader r(in, "municipalities.csv");
        csv::Record rec;
        while (r.next(rec)) names[rec.fields[r.require("key")]] = rec.fields[r.require("name")];
    }
    std::string id;
    {
        std::ifstream in(seed / "arrangements.csv");
        csv::Reader r(in, "arrangements.csv");
        csv::Record rec;
        while (r.next(rec))
            if (rec.fields[r.require("name")] == arrangement_name) id = rec.fields[r.require("id")];
    }
    std::set<std::string> out;
    std::ifstream in(seed / "memberships.csv");
    csv::Reader r(in, "memberships.csv");
    csv::Record rec;
    while (r.next(rec))
        if (rec.fields[r.require("arrangement_id")] == id) out.insert(names[rec.fields[r.require("municipality_key")]]);
    return out;
}

}  // namespace

TEST_CASE("nl-2016: 390 municipalities, 34 divisions, 464 joint arrangements", "[real][2016]") {
    const auto& d = register_2016().dataset;
    CHECK(d.municipalities.size() == 390);
    CHECK(d.divisions().size() == 34);
    const auto joint = std::count_if(d.arrangements.begin(), d.arrangements.end(), [](const auto& a) { return !a.is_region(); });
    CHECK(joint == 464);
    for (const auto& m : d.municipalities) {
        CHECK(m.code.size() == 6);
        CHECK(m.code.rfind("GM", 0) == 0);
        CHECK_FALSE(m.province.empty());
    }
    CHECK(d.find_municipality("GM0014")->name == "Groningen");
    CHECK(d.find_municipality("GM0014")->province == "Groningen");
}

TEST_CASE("nl-2016: about 42 arrangements per municipality (33 divisions + 8 joint arrangements)", "[real][2016]") {
    const auto& d = register_2016().dataset;
    std::vector<std::size_t> all, regions, joint;
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
        std::size_t r = 0, j = 0;
        std::set<std::string> divisions;
        for (auto k : d.memberships_of_municipality()[i]) {
            const auto& a = d.arrangements[d.memberships[k].arrangement];
            if (a.is_region()) ++r, divisions.insert(a.division);
            else ++j;
        }
        all.push_back(r + j);
        regions.push_back(divisions.size());
        joint.push_back(j);
    }
    INFO("median all " << median(all) << ", divisions " << median(regions) << ", joint " << median(joint));
    CHECK(median(regions) == 33);            // 33 national divisions + the joint social services for 107
    CHECK(median(joint) == 8);
    CHECK(median(all) == 42);
}

TEST_CASE("nl-2016: split municipalities keep every region; joint social services cover 107", "[real][2016]") {
    const auto& r = register_2016();
    const auto& d = r.dataset;
    std::set<std::string> corop;
    for (const auto& m : d.memberships)
        if (m.municipality_code == "GM1940" && d.arrangements[m.arrangement].division == "corop-regios")
            corop.insert(d.arrangements[m.arrangement].name);
    CHECK(corop == std::set<std::string>{"Noord-Friesland", "Zuidoost-Friesland", "Zuidwest-Friesland"});
    std::set<std::string> isd;
    for (const auto& m : d.memberships)
        if (d.arrangements[m.arrangement].division == "intergemeentelijke-sociale-diensten") isd.insert(m.municipality_code);
    CHECK(isd.size() == 107);
    // Reported, not rejected: De Fryske Marren, Krimpenerwaard, Alkmaar, Geldrop-Mierlo.
    for (const char* code : {"(GM1940) is listed in 3 regions of 'COROP regio's'", "(GM1931) is listed in 2 regions",
                             "(GM0361) is listed in 2 regions", "(GM1771) is listed in 3 regions of 'Sociale Werkvoorziening'"})
        CHECK(std::any_of(r.report.notices.begin(), r.report.notices.end(),
                          [&](const auto& n) { return n.find(code) != std::string::npos; }));
    CHECK(r.report.total_skipped() == 0);
}

TEST_CASE("nl-2016: the civil-service mergers BEL and BAR, as in the seed", "[real][2016]") {
    const auto& d = register_2016().dataset;
    const auto* bel = by_name(d, "BEL Combinatie");
    const auto* bar = by_name(d, "BAR Organisatie");
    REQUIRE(bel);
    REQUIRE(bar);
    CHECK(member_names(d, *bel) == std::set<std::string>{"Blaricum", "Eemnes", "Laren"});
    CHECK(member_names(d, *bar) == std::set<std::string>{"Albrandswaard", "Barendrecht", "Ridderkerk"});
    CHECK(member_names(d, *bel) == seed_members("BEL Combinatie"));
    CHECK(member_names(d, *bar) == seed_members("BAR-gemeenten"));
    CHECK(bel->form == "gr_bedrijfsvoeringsorganisatie");
    CHECK(bel->source.find("reported by Provincie Utrecht") != std::string::npos);
}

TEST_CASE("nl-2016: 3,752 rows, 10 repeated, mojibake repaired, names matched", "[real][2016]") {
    const auto& r = register_2016();
    const auto& d = r.dataset;
    CHECK(r.summary.rows == 3752);
    CHECK(r.summary.duplicate_rows == 10);
    CHECK(r.summary.merged_arrangements == 2);
    CHECK(r.summary.repaired_texts > 0);
    for (const auto& a : d.arrangements) CHECK(a.name.find("Ã") == std::string::npos);
    for (const auto& p : d.participants) CHECK(p.name.find("Ã") == std::string::npos);
    CHECK(by_name(d, "Coöperatie ParkeerService"));
    CHECK(by_name(d, "Veiligheidsregio Fryslân"));

    // The seven municipalities gone by 2016, each to its successor.
    const std::map<std::string, std::string> gone{
        {"Zeevang", "GM0385"}, {"Bussum", "GM1942"},   {"Naarden", "GM1942"},          {"Muiden", "GM1942"},
        {"Graafstroom", "GM1927"}, {"Liesveld", "GM1927"}, {"Nieuw-Lekkerland", "GM1927"},
    };
    for (const auto& [name, code] : gone) {
        bool found = false;
        for (const auto& m : r.summary.matches)
            if (m.name == name) {
                found = true;
                CHECK(m.method == "successor");
                CHECK(m.codes == std::vector<std::string>{code});
            }
        CHECK(found);
    }
    // The bare "Bergen" of the Euregio Rijn-Waal is Bergen (L.).
    const auto* euregio = by_name(d, "Euregio Rijn-Waal");
    REQUIRE(euregio);
    std::set<std::string> codes;
    for (auto k : d.members_of_arrangement()[*d.arrangement_index(euregio->id)]) codes.insert(d.memberships[k].municipality_code);
    CHECK(codes.count("GM0893") == 1);
    CHECK(codes.count("GM0373") == 0);
    // German authorities are kept as foreign participants, never dropped.
    std::size_t foreign = 0, unmatched = 0;
    for (const auto& p : d.participants) {
        foreign += p.kind == "foreign";
        unmatched += p.kind == "unmatched";
    }
    CHECK(foreign >= 80);
    CHECK(unmatched <= 5);
    // Every row is accounted for: memberships, participants, or collapsed repeats.
    std::size_t outcome_rows = 0;
    for (const auto& m : r.summary.matches) outcome_rows += m.rows;
    CHECK(outcome_rows + r.summary.duplicate_rows == 3752);
}

TEST_CASE("nl-2016: the committed bundle is what the importers give", "[real][2016]") {
    const auto bundle = test::data_dir() / "nl-2016";
    if (!std::filesystem::exists(bundle / "municipalities.csv")) {
        WARN("data/nl-2016 not built yet");
        return;
    }
    ModelBuilder b("nl-2016");
    ImportReport report;
    BundleImporter{}.read(bundle, b, report, {});
    const auto d = b.finish();
    const auto& fresh = register_2016().dataset;
    CHECK(d.municipalities.size() == 390);
    CHECK(d.arrangements.size() == fresh.arrangements.size());
    CHECK(d.memberships.size() == fresh.memberships.size());
    CHECK(d.participants.size() == fresh.participants.size());
    CHECK(d.reference_date == "2016");
    CHECK(d.neighbours.size() > 900);        // from gemeente_2016.topojson
    CHECK(d.outlines.size() == 390);
    for (const auto& m : d.municipalities) {
        CHECK(m.lat.has_value());
        CHECK(m.area_km2.has_value());
    }
}
