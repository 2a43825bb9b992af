// The ROO register importer on a small hand-made register
// (tests/fixtures/roo/small, every expectation worked out by hand below) and
// the malformed cases of malformed_cases.hpp (roo_cases).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analysis/history.hpp"
#include "analysis/screen.hpp"
#include "render/result_texts.hpp"
#include "importers/roo_importer.hpp"
#include "support/test_support.hpp"
#include "unit/malformed_cases.hpp"

using namespace regionet;
namespace fs = std::filesystem;

namespace rr = regionet::render::report;

namespace {

Dataset import_small(ImportReport* out_report = nullptr) {
    ModelBuilder b("t");
    ImportReport report;
    RooImporter{}.read(test::fixture("roo/small"), b, report, {});
    if (out_report) *out_report = report;
    return b.finish();
}

const Membership& membership(const Dataset& d, const std::string& a, const std::string& m) {
    for (const auto& x : d.memberships)
        if (x.arrangement_id == a && x.municipality_code == m) return x;
    FAIL("no membership " << m << " in " << a);
    throw std::logic_error("unreachable");
}

bool has_notice(const ImportReport& r, const std::string& part) {
    for (const auto& n : r.notices)
        if (n.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("roo: helpers read codes, bodies, forms and kinds", "[importer][roo]") {
    CHECK(roo::municipality_code("https://identifier.overheid.nl/tooi/id/gemeente/gm0796") == "GM0796");
    CHECK_FALSE(roo::municipality_code("https://identifier.overheid.nl/tooi/id/provincie/pv20"));
    CHECK_FALSE(roo::municipality_code("https://identifier.overheid.nl/tooi/id/gemeente/gm07x6"));
    CHECK(roo::body_key("College van burgemeester en wethouders") == "college");
    CHECK(roo::body_key("Gemeenteraad") == "raad");
    CHECK(roo::body_key("Burgemeester") == "burgemeester");
    CHECK(roo::body_key("Dagelijks bestuur") == "dagelijks_bestuur");
    CHECK(roo::form_of("OL") == "gr_openbaar_lichaam");
    CHECK(roo::form_of("BVO") == "gr_bedrijfsvoeringsorganisatie");
    CHECK(roo::form_of("GO") == "gr_gemeenschappelijk_orgaan");
    CHECK(roo::form_of("RZM") == "gr_regeling_zonder_meer");
    CHECK_FALSE(roo::form_of("XYZ"));
}

TEST_CASE("roo: participant kinds come from the identifiers by data/roo_participants.toml", "[importer][roo]") {
    std::ifstream in(test::data_dir() / "roo_participants.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto rules = roo::parse_kinds(ss.str(), "roo_participants.toml");
    auto kind = [&](std::string_view tooi, std::string_view owms, std::string_view name) {
        return roo::participant_kind(rules, tooi, owms, name);
    };
    const std::string tooi = "https://identifier.overheid.nl/tooi/id/", owms = "http://standaarden.overheid.nl/owms/terms/";
    CHECK(kind(tooi + "waterschap/ws0155", owms + "wsagv", "Amstel, Gooi en Vecht") == "waterschap");
    CHECK(kind(tooi + "so/so0861", owms + "avri", "Avri") == "joint_body");
    CHECK(kind(tooi + "ministerie/mnre1109", "", "Onderwijs, Cultuur en Wetenschap") == "national");
    // The Dutch province by its tooi; the Belgian one of the same name has only a roo_id.
    CHECK(kind(tooi + "provincie/pv31", owms + "Limburg", "Provincie Limburg") == "province");
    CHECK(kind("", "", "Provincie Limburg (BE)") == "foreign");
    CHECK(kind("", "", "Provincie Oost-Vlaanderen") == "foreign");
    CHECK(kind("", "", "Gemeente Assenede") == "foreign");
    CHECK(kind("", "", "Kreis Kleve") == "foreign");
    CHECK(kind("", "", "Krefeld") == "foreign");
    CHECK(kind("", "", "Stadt Emmerich am Rhein") == "foreign");
    // Dutch private bodies have no government identifier either.
    CHECK(kind("", "", "Stichting Y") == "other");
    CHECK(kind("", "", "PREZERO Gemeentelijke Dienstverlening B.V.") == "other");
    CHECK(kind("", "", "Coöperatieve Industriële Brandweerzorg met Uitgesloten Aansprakelijkheid") == "other");
    // owms only: a water board merged before TOOI, a municipality dissolved before CBS codes.
    CHECK(kind("", owms + "Waterschap_Groot_Salland", "Groot Salland") == "waterschap");
    CHECK(kind("", owms + "Bedum_(gemeente)", "Gemeente Bedum") == "former_municipality");
    CHECK(kind("", owms + "XXXXX", "Samenwerkingsorgaan Hoeksche Waard") == "other");
    CHECK(kind("", owms + "x", "Provincie Y") == "province");

    // Bad tables name file, line and column.
    auto error = [](std::string_view toml) {
        try {
            roo::parse_kinds(toml, "k.toml");
        } catch (const ImportError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error("[[kind]]\nkind = \"foreign\"\n") == "k.toml:1:1: a [[kind]] needs a condition: tooi, owms, name or identifier");
    CHECK(error("[[kind]]\nkind = \"foreign\"\nidentifier = \"roo\"\n") ==
          "k.toml:3:14: 'identifier' is 'roo'; expected none, owms or tooi");
    CHECK(error("[[kind]]\nkind = \"x\"\ncountry = \"be\"\n") ==
          "k.toml:3:11: unknown key 'country'; expected kind, tooi, owms, name, identifier");
    CHECK(error("[[rule]]\nkind = \"x\"\n") == "k.toml:1:1: unknown key 'rule'; expected [[kind]]");
}

TEST_CASE("roo: the domain table decides by legal basis, then name, then purpose", "[importer][roo]") {
    const auto rules = roo::parse_domains(R"([[rule]]
on = "name"
domain = "afval"
words = ["afval"]
[[rule]]
on = "legal_basis"
domain = "jeugd"
words = ["Jeugdwet"]
[[rule]]
on = "purpose"
domain = "werk"
words = ["re-integratie"]
)",
                                          "t.toml");
    // Legal basis first, although the name rule comes first in the file.
    auto d = roo::domain_of(rules, {"Wgr", "Jeugdwet"}, "Afvalschap", "");
    CHECK(d.domain == "jeugd");
    CHECK(d.basis == "legal_basis");
    d = roo::domain_of(rules, {"Wgr"}, "Afvalschap", "re-integratie");
    CHECK(d.domain == "afval");
    CHECK(d.basis == "name");
    d = roo::domain_of(rules, {}, "Regeling", "hulp bij re-integratie");
    CHECK(d.domain == "werk");
    CHECK(d.basis == "purpose");
    d = roo::domain_of(rules, {}, "Regeling", "");
    CHECK(d.domain == "overig");
    CHECK(d.basis.empty());
    // The shipped table parses.
    std::ifstream in(test::data_dir() / "roo_domains.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(roo::parse_domains(ss.str(), "roo_domains.toml").size() > 20);
}

TEST_CASE("roo: a bad domain table names file, line and column", "[importer][roo]") {
    auto error = [](const std::string& text) {
        try {
            roo::parse_domains(text, "d.toml");
        } catch (const ImportError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error("[[rule]]\non = \"title\"\ndomain = \"x\"\nwords = [\"a\"]\n") ==
          "d.toml:1:1: 'on' is 'title'; expected legal_basis, name or purpose");
    CHECK(error("[[rule]]\non = \"name\"\ndomain = \"x\"\nwords = []\n") ==
          "d.toml:4:9: 'words' must be a non-empty list of texts");
    CHECK(error("[[rule]]\non = \"name\"\ndomain = \"x\"\nwords = [\"a\"]\ncolour = 1\n") ==
          "d.toml:5:10: unknown key 'colour'; expected on, domain, words");
    CHECK(error("[rules]\n") == "d.toml:1:1: unknown key 'rules'; expected [[rule]]");
}

TEST_CASE("roo: one arrangement per chain with memberships from the joining dates", "[importer][roo]") {
    ImportReport report;
    const auto d = import_small(&report);
    // The register's three current municipalities (no municipalities imported before it).
    REQUIRE(d.municipalities.size() == 3);
    CHECK(d.municipalities[1].name == "Bee");
    CHECK(d.municipalities[1].population == 1000);
    // Nine version files in four chains; the body file and the grouping are not arrangements.
    REQUIRE(d.arrangements.size() == 4);

    const auto* samen = d.find_arrangement("roo:samen-2023");
    REQUIRE(samen);
    CHECK(samen->name == "Samen Veilig");
    CHECK(samen->form == "gr_openbaar_lichaam");
    CHECK(samen->start_year == 2015);                 // the first version's start
    CHECK_FALSE(samen->end_year);                     // current
    CHECK(samen->domain == "veiligheid");
    CHECK(samen->domain_basis == "legal_basis");
    CHECK(samen->legal_basis == "Wet gemeenschappelijke regelingen; Wet veiligheidsregio’s");
    CHECK(samen->registrar == "GM0001");
    CHECK(samen->purpose == "Samen veilig. (uitvoering: Samen Uitvoeringsdienst)");

    const auto& aa = membership(d, "roo:samen-2023", "GM0001");
    CHECK(aa.start_year == 2015);
    CHECK_FALSE(aa.end_year);
    CHECK(aa.bodies == "college;raad");
    CHECK(aa.cost_key == "50%");
    // Bee: its predecessor Oud (all of Oud's places lie in Bee) in the 2015
    // version, Bee itself from 2020: the register's own date for Bee wins.
    const auto& bee = membership(d, "roo:samen-2023", "GM0002");
    CHECK(bee.start_year == 2020);
    CHECK(bee.bodies == "burgemeester");
    CHECK(bee.note == "earlier versions list its predecessor(s) GM0009 Oud");
    CHECK(membership(d, "roo:samen-2023", "GM0003").start_year == 2023);
    // Splits was split (its places lie in Aa and Cee): kept as a former municipality.
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& p : d.participants)
        if (p.arrangement_id == "roo:samen-2023") parts.push_back({p.name, p.kind});
    CHECK(parts == std::vector<std::pair<std::string, std::string>>{{"Gemeente Splits", "former_municipality"},
                                                                    {"Kreis Kleve", "foreign"},
                                                                    {"Provincie Groningen", "province"}});

    // An ended single version: end = the last day in force (2018-01-01 -> 2017).
    const auto* werk = d.find_arrangement("roo:oud-werk");
    REQUIRE(werk);
    CHECK(werk->form == "gr_bedrijfsvoeringsorganisatie");
    CHECK(werk->start_year == 2012);
    CHECK(werk->end_year == 2017);
    CHECK(werk->domain == "werk");
    // Aa has no tooi there: found by its roo_id in gemeenten/, not by name.
    CHECK(membership(d, "roo:oud-werk", "GM0001").end_year == 2017);
    // Tee's successor_id names Cee.
    const auto& tee = membership(d, "roo:oud-werk", "GM0003");
    CHECK(tee.start_year == 2012);
    CHECK(tee.end_year == 2017);
    CHECK(tee.note == "carried from GM0007 Tee (dissolved; successor from the register)");

    // Bee left the tax arrangement when the 2019 version started without it.
    const auto* tax = d.find_arrangement("roo:belasting-2019");
    REQUIRE(tax);
    CHECK(tax->form == "gr_regeling_zonder_meer");
    CHECK(tax->start_year == 2013);
    CHECK(tax->domain == "belastingen");
    CHECK(tax->domain_basis == "name");
    CHECK(membership(d, "roo:belasting-2019", "GM0002").end_year == 2018);
    CHECK_FALSE(membership(d, "roo:belasting-2019", "GM0001").end_year);
    CHECK_FALSE(membership(d, "roo:belasting-2019", "GM0002").active_in(2019));
    CHECK(membership(d, "roo:belasting-2019", "GM0002").active_in(2018));

    // A version in the middle without Bee: one membership, the gap in its note.
    const auto* organ = d.find_arrangement("roo:orgaan-2018");
    REQUIRE(organ);
    CHECK(organ->form == "gr_gemeenschappelijk_orgaan");
    CHECK(organ->domain == "overig");
    CHECK(organ->domain_basis == "none");
    const auto& gap = membership(d, "roo:orgaan-2018", "GM0002");
    CHECK(gap.start_year == 2014);
    CHECK_FALSE(gap.end_year);
    CHECK(gap.note == "not listed in version(s) orgaan-2016");
    // orgaan-2014 was last in force in 2015, orgaan-2016 in 2016 and 2017 (without Bee),
    // orgaan-2018 lists Bee again from 2018: out in 2016 and 2017.
    CHECK(gap.gaps == std::vector<std::pair<int, int>>{{2016, 2017}});
    CHECK(gap.active_in(2015));
    CHECK_FALSE(gap.active_in(2016));
    CHECK_FALSE(gap.active_in(2017));
    CHECK(gap.active_in(2018));
    CHECK(membership(d, "roo:orgaan-2018", "GM0001").gaps.empty());

    CHECK(has_notice(report, "1 files are neither a version"));
    CHECK(has_notice(report, "GM0008 Splits (1)"));
    CHECK(has_notice(report, "ROO: 9 versions in 4 arrangements (3 current)"));
    CHECK(has_notice(report, "domain decided by: legal_basis 2, name 1, overig 1"));
}

TEST_CASE("roo: a membership with a gap is left and rejoined in history and screening", "[importer][roo]") {
    const auto d = import_small();
    const auto bee = *d.municipality_index("GM0002");
    const auto organ = *d.arrangement_index("roo:orgaan-2018");
    // Bee's gap in the Orgaan (2016-2017): last in it in 2015, back in 2018.
    const auto h = analysis::history(d);
    bool rejoined = false;
    for (const auto& r : h.rejoins)
        if (r.municipality == bee && r.left_arrangement == organ)
            rejoined = r.joined_arrangement == organ && r.left_year == 2015 && r.joined_year == 2018;
    CHECK(rejoined);
    // In the yearly table: Bee left the Orgaan after 2015 and came back in 2018 (the gap),
    // and left the tax arrangement after 2018 (belasting-2019 without it); no other
    // membership of the fixture starts or ends early in those years.
    auto year = [&](int y) {
        for (const auto& x : h.years)
            if (x.year == y) return x;
        FAIL("no year " << y);
        throw std::logic_error("unreachable");
    };
    CHECK(year(2015).left == 1);
    CHECK(year(2018).joined == 1);
    CHECK(year(2018).left == 1);

    analysis::ScreenOptions o;
    std::vector<std::string> details;
    for (const auto& f : analysis::screen(d, o))
        if (f.rule == "knipperlicht" && f.arrangement == "roo:orgaan-2018") details.push_back(rr::finding_text(rr::Lang::nl, f));
    CHECK(details == std::vector<std::string>{"Bee stopte in 2015 met Orgaan 2018 (roo:orgaan-2018) en deed vanaf 2018 weer mee."});
}

TEST_CASE("roo: onto municipalities imported before it, an unknown code is an error", "[importer][roo]") {
    ModelBuilder b("t");
    ImportReport report;
    b.add_municipality({"GM0001", "Aa", "", {}, {}, {}, {}}, {"m"});
    b.add_municipality({"GM0002", "Bee", "", {}, {}, {}, {}}, {"m"});
    try {
        RooImporter{}.read(test::fixture("roo/small"), b, report, {});
        FAIL("expected an error");
    } catch (const ImportError& e) {
        // The first chain naming Cee: Tee, dissolved, carried to Cee.
        CHECK(std::string(e.what()) == (test::fixture("roo/small") / "gemeenschappelijke-regelingen/oud-werk.yaml").string() +
                                           ":18:5: participant code GM0007 ('Gemeente Tee') was dissolved; its successor "
                                           "GM0003 is no municipality of the chosen municipalities");
    }
    // --keep-going: the arrangements naming Cee (directly or carried) skipped and counted.
    ModelBuilder b2("t");
    ImportReport r2;
    b2.add_municipality({"GM0001", "Aa", "", {}, {}, {}, {}}, {"m"});
    b2.add_municipality({"GM0002", "Bee", "", {}, {}, {}, {}}, {"m"});
    ImportOptions keep;
    keep.keep_going = true;
    RooImporter{}.read(test::fixture("roo/small"), b2, r2, keep);
    CHECK(r2.total_skipped() == 2);
    const auto d = b2.finish();
    CHECK(d.arrangements.size() == 2);
}

TEST_CASE("roo: the accepted inputs", "[importer][roo]") {
    RooImporter r;
    CHECK(r.accepts(test::fixture("roo/small")));
    CHECK(r.accepts(test::fixture("roo/small/gemeenschappelijke-regelingen")));
    CHECK_FALSE(r.accepts(test::fixture("roo/small/gemeenten")));
    CHECK_FALSE(r.accepts(test::fixture("bundle")));
    CHECK(&importer_for(test::fixture("roo/small")) != nullptr);
    CHECK(importer_for(test::fixture("roo/small")).name() == "roo");
}

TEST_CASE("roo: malformed register files name file, line and what was expected", "[importer][roo][malformed]") {
    namespace mf = regionet::test::malformed;
    for (const auto& c : mf::roo_cases) {
        INFO(c.file);
        test::TempDir tmp;
        fs::copy(test::fixture("roo/small"), tmp.path(), fs::copy_options::recursive);
        const auto target = tmp / ("gemeenschappelijke-regelingen/" + std::string(c.replaces));
        fs::copy_file(test::fixture("malformed") / c.file, target, fs::copy_options::overwrite_existing);
        ModelBuilder b("t");
        ImportReport report;
        std::string got;
        try {
            RooImporter{}.read(tmp.path(), b, report, {});
        } catch (const ImportError& e) {
            got = e.what();
        }
        const auto at = (tmp / ("gemeenschappelijke-regelingen/" + std::string(c.error_in))).string();
        CHECK(got == at + c.expected);
        // --keep-going: the same error, skipped and counted, and the rest imported.
        ModelBuilder b2("t");
        ImportReport r2;
        ImportOptions keep;
        keep.keep_going = true;
        RooImporter{}.read(tmp.path(), b2, r2, keep);
        REQUIRE(r2.total_skipped() >= 1);
        CHECK(std::string(r2.skipped.front().what()) == at + c.expected);
    }
}
