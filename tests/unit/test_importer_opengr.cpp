#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "importers/importer.hpp"
#include "importers/name_matching.hpp"
#include "importers/opengr_importer.hpp"
#include "importers/regioatlas_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

struct Read {
    Dataset dataset;
    ImportReport report;
    opengr::Summary summary;
};

Read read_fixtures() {
    Read r;
    ModelBuilder b("t");
    RegioatlasImporter{}.read(test::fixture("regioatlas/valid"), b, r.report, {});
    const auto file = test::fixture("opengr/valid/provincies/opengr_provincies.csv");
    std::ifstream codes_in(opengr::codes_beside(file));
    REQUIRE(codes_in);
    const auto codes = opengr::read_codes(codes_in, "codes.csv");
    std::ifstream in(file);
    r.summary = opengr::read_register(in, "opengr.csv", codes, b, r.report, {});
    r.dataset = b.finish();
    return r;
}

std::vector<std::string> members(const Dataset& d, const std::string& id) {
    std::vector<std::string> out;
    const auto i = d.arrangement_index(id);
    REQUIRE(i);
    for (auto k : d.members_of_arrangement()[*i]) out.push_back(d.memberships[k].municipality_code);
    std::sort(out.begin(), out.end());
    return out;
}

std::string kind_of(const Dataset& d, const std::string& id, const std::string& name) {
    for (const auto& p : d.participants)
        if (p.arrangement_id == id && p.name == name) return p.kind;
    return "(absent)";
}

bool has_notice(const ImportReport& r, const std::string& text) {
    return std::any_of(r.notices.begin(), r.notices.end(), [&](const auto& n) { return n.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("mojibake: UTF-8 read as Latin-1 or Windows-1252 is repaired, sound text left alone", "[importer][opengr][names]") {
    CHECK(names::repair_mojibake("SÃºdwest-FryslÃ¢n") == std::optional<std::string>("Súdwest-Fryslân"));
    CHECK(names::repair_mojibake("GroÃŸefehn (Duitsland)") == std::optional<std::string>("Großefehn (Duitsland)"));
    CHECK(names::repair_mojibake("Waterschap â€™t Suydevelt") == std::optional<std::string>("Waterschap ’t Suydevelt"));
    CHECK(names::repair_mojibake("CoÃ¶peratie") == std::optional<std::string>("Coöperatie"));
    CHECK_FALSE(names::repair_mojibake("Súdwest Fryslân"));  // already right
    CHECK_FALSE(names::repair_mojibake("Amsterdam"));
    CHECK_FALSE(names::repair_mojibake("Ã"));               // one Latin-1 letter is no UTF-8 sequence
    CHECK(names::repaired("Venlo") == "Venlo");
}

TEST_CASE("fold: case, diacritics, punctuation and spaces", "[importer][opengr][names]") {
    CHECK(names::fold("Súdwest-Fryslân") == "sudwest fryslan");
    CHECK(names::fold("SÃºdwest-FryslÃ¢n") == "sudwest fryslan");
    CHECK(names::fold("  Capelle aan den Ijssel ") == "capelle aan den ijssel");
    CHECK(names::fold("'s-Hertogenbosch") == "s hertogenbosch");
    CHECK(names::fold("Bergen (NH.)") == "bergen nh");
    CHECK(names::fold("Bergen (NH)") == "bergen nh");
    CHECK(names::fold("Overbetuwe,") == "overbetuwe");
    CHECK(names::fold("Großefehn") == "grossefehn");
    CHECK(names::base_name("Hengelo (O)") == "hengelo");
    CHECK(names::base_name("Bergen (L.)") == "bergen");
    CHECK(names::base_name("Venlo") == "venlo");
    CHECK(names::slug("Veiligheidsregio's") == "veiligheidsregios");
    CHECK(names::slug("COROP regio's") == "corop-regios");
    CHECK(names::province_name("Limburg (NL)") == "Limburg");
    CHECK(names::province_name("Provincie FryslÃ¢n") == "Fryslân");
    CHECK(names::province_name("Provincie Overrijssel") == "Overijssel");
    CHECK(names::province_name("Noordrijn-Westfalen (Duitsland)").empty());
}

TEST_CASE("the alias table is sorted, folded and names the seven municipalities gone by 2016", "[importer][opengr][names]") {
    const auto& t = names::aliases();
    CHECK(std::is_sorted(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.variant < b.variant; }));
    for (const auto& a : t) {
        CHECK(names::fold(a.variant) == a.variant);
        CHECK_FALSE(a.targets.empty());
        CHECK((a.kind == "successor" || a.kind == "variant"));
    }
    const std::pair<const char*, const char*> gone[] = {
        {"Zeevang", "Edam-Volendam"}, {"Bussum", "Gooise Meren"},    {"Naarden", "Gooise Meren"},
        {"Muiden", "Gooise Meren"},   {"Graafstroom", "Molenwaard"}, {"Liesveld", "Molenwaard"},
        {"Nieuw-Lekkerland", "Molenwaard"},
    };
    for (const auto& [old_name, successor] : gone) {
        const auto* a = names::find_alias(names::fold(old_name));
        REQUIRE(a);
        CHECK(a->kind == "successor");
        CHECK(a->targets == std::vector<std::string_view>{successor});
    }
    CHECK_FALSE(names::find_alias("amsterdam"));
}

TEST_CASE("OpenGR: names matched by normalisation, suffix, successor and context", "[importer][opengr]") {
    const auto r = read_fixtures();
    const auto& d = r.dataset;
    // Ids from the CBS GR code list (by either name), else generated.
    CHECK(members(d, "GR0101") == std::vector<std::string>{"GM0363", "GM0385"});  // Zeevang -> Edam-Volendam, collapsed
    CHECK(members(d, "GR0202") == std::vector<std::string>{"GM0893", "GM0983"});  // bare Bergen beside Venlo: Bergen (L)
    CHECK(members(d, "gr:recreatieschap-geestmerambacht") == std::vector<std::string>{"GM0373"});  // Bergen in NH
    CHECK(members(d, "gr:wetterskip-regeling") == std::vector<std::string>{"GM1900", "GM1940"});
    CHECK(members(d, "gr:crematoria-twente-openbaar-lichaam") == std::vector<std::string>{"GM0164"});  // Hengelo (O)
    CHECK(members(d, "gr:gemeenschappelijke-regeling-grensregio") == std::vector<std::string>{"GM0164", "GM0983"});
    CHECK(d.memberships.size() == 21 + 10);

    CHECK(r.summary.rows == 20);
    CHECK(r.summary.duplicate_rows == 2);
    CHECK(r.summary.arrangements == 6);
    CHECK(r.summary.merged_arrangements == 1);
    CHECK(r.summary.coded_arrangements == 2);
    CHECK(r.summary.repaired_texts == 7);

    // The successor's membership says where it came from.
    for (const auto& m : d.memberships)
        if (m.arrangement_id == "GR0202" && m.municipality_code == "GM0893")
            CHECK(m.note.str().find("listed as 'Bergen'") != std::string::npos);
}

TEST_CASE("OpenGR: participants that are not municipalities are kept with their kind", "[importer][opengr]") {
    const auto r = read_fixtures();
    const auto& d = r.dataset;
    CHECK(d.participants.size() == 6);
    CHECK(kind_of(d, "GR0101", "Provincie Noord-Holland") == "province");
    CHECK(kind_of(d, "GR0202", "Bösel (Duitsland)") == "foreign");
    CHECK(kind_of(d, "gr:wetterskip-regeling", "Wetterskip Fryslân") == "waterschap");
    CHECK(kind_of(d, "gr:wetterskip-regeling", "GGD Amsterdam-Amstelland") == "joint_body");
    CHECK(kind_of(d, "gr:crematoria-twente-openbaar-lichaam", "Rijk") == "national");
    CHECK(kind_of(d, "gr:crematoria-twente-openbaar-lichaam", "Zaanstreek") == "unmatched");
    CHECK(has_notice(r.report, "1 participant names matched no municipality and no known kind (kept, kind 'unmatched'): 'Zaanstreek' (1)"));
}

TEST_CASE("OpenGR: provenance, merged reports, duplicates and the match report", "[importer][opengr]") {
    const auto r = read_fixtures();
    const auto& d = r.dataset;
    const auto* a = d.find_arrangement("gr:gemeenschappelijke-regeling-grensregio");
    REQUIRE(a);
    CHECK(a->source == "OpenGR register (provinces, Wob) via Open State Foundation; reported by Provincie Limburg, "
                       "Provincie Noord-Brabant");
    CHECK(a->reference_date == "2016");
    CHECK(a->division.empty());
    CHECK(d.find_arrangement("gr:crematoria-twente-openbaar-lichaam")->form == "gr_openbaar_lichaam");
    // A domain from the keyword tables is a guess from the name; none found is unknown, not a guess.
    std::size_t from_register = 0;
    for (const auto& x : d.arrangements) {
        if (x.source.rfind("OpenGR", 0) != 0) continue;  // the bundle's regions state theirs
        ++from_register;
        CHECK(x.domain_basis == (x.domain == "overig" ? "none" : "name"));
    }
    CHECK(from_register == 6);
    CHECK(has_notice(r.report, "'Gemeenschappelijke regeling Grensregio' reported by Provincie Limburg and Provincie "
                               "Noord-Brabant: merged"));
    CHECK(has_notice(r.report, "2 rows repeat a participant of the same arrangement"));
    CHECK(has_notice(r.report, "'Zeevang' (1 row) -> Edam-Volendam (GM0385) [successor: merged into Edam-Volendam on 1 "
                               "January 2016]"));
    CHECK(has_notice(r.report, "repaired 7 fields"));

    auto find = [&](const std::string& name, const std::string& code) -> const opengr::Match* {
        for (const auto& m : r.summary.matches)
            if (m.name == name && (code.empty() ? m.codes.empty() : m.codes == std::vector<std::string>{code})) return &m;
        return nullptr;
    };
    REQUIRE(find("Hengelo", "GM0164"));
    CHECK(find("Hengelo", "GM0164")->method == "suffix");
    CHECK(find("Hengelo", "GM0164")->rows == 2);
    REQUIRE(find("Bergen", "GM0373"));
    CHECK(find("Bergen", "GM0373")->method == "context");
    CHECK(find("Bergen", "GM0893")->method == "context");
    CHECK(find("Súdwest-Fryslân", "GM1900")->method == "normalised");
    CHECK(find("Amsterdam", "GM0363")->method == "exact");
    CHECK(find("Zeevang", "GM0385")->method == "successor");
    CHECK(find("Zaanstreek", "")->kind == "unmatched");
}

TEST_CASE("OpenGR: detection by header; a register before any municipality is refused", "[importer][opengr]") {
    const auto file = test::fixture("opengr/valid/provincies/opengr_provincies.csv");
    CHECK(importer_for(file).name() == "opengr");
    CHECK(opengr::is_opengr_header("Deelnemer,Gemeenschappelijke regeling,Postcode,Plaats,Provincie"));
    CHECK_FALSE(opengr::is_opengr_header("Gemeente;CBS;Regio"));
    ModelBuilder b("t");
    ImportReport report;
    CHECK_THROWS_WITH(OpenGrImporter{}.read(file, b, report, {}),
                      Catch::Contains("no municipalities to match the register's participants to"));
}

TEST_CASE("OpenGR: an empty participant is an error with its line", "[importer][opengr]") {
    ModelBuilder b("t");
    ImportReport report;
    RegioatlasImporter{}.read(test::fixture("regioatlas/valid"), b, report, {});
    std::istringstream in("Deelnemer,Gemeenschappelijke regeling,Postcode,Plaats,Provincie\nVenlo,X,,,\n ,X,,,\n");
    CHECK_THROWS_WITH(opengr::read_register(in, "r.csv", {}, b, report, {}),
                      Catch::Contains("r.csv:3:1: empty Deelnemer"));
}

TEST_CASE("domain and form from arrangement names", "[importer][opengr]") {
    CHECK(opengr::domain_of("Afvalbeheer Regio Centraal Groningen (ARCG)") == "afval");
    CHECK(opengr::domain_of("Veiligheidsregio Twente") == "veiligheid");
    CHECK(opengr::domain_of("Gemeentelijke Gezondheidsdienst (GGD) Hart voor Brabant") == "gezondheid");
    CHECK(opengr::domain_of("Werkvoorzieningschap Zaanstreek-Waterland (Baanstede)") == "sociaal");
    CHECK(opengr::domain_of("BEL Combinatie") == "bedrijfsvoering");
    CHECK(opengr::domain_of("Zeeuws Archief") == "cultuur");
    CHECK(opengr::domain_of("Hefpunt") == "overig");
    CHECK(opengr::form_of("BAR Organisatie") == "gr_bedrijfsvoeringsorganisatie");
    CHECK(opengr::form_of("Gemeenschappelijk Orgaan regionale samenwerking Arnhem-Nijmegen") == "gr_gemeenschappelijk_orgaan");
    CHECK(opengr::form_of("Centrumregeling samenwerking sociaal domein Friese gemeenten") == "gr_centrumgemeente");
    CHECK(opengr::form_of("Hefpunt") == "gemeenschappelijke_regeling");
}
