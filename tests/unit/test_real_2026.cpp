// The ROO register of May 2026 (../shared/data/real/roo) and the embedded
// dataset data/nl-2026 built from it: the facts of the register's README, and
// history figures computed independently by tests/tools/roo_facts.py (PyYAML,
// not part of the build; run it to recheck: python3 tests/tools/roo_facts.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "analysis/graphs.hpp"
#include "analysis/scope.hpp"
#include "analysis/services.hpp"
#include "importers/bundle_importer.hpp"
#include "importers/roo_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

struct Imported {
    Dataset dataset;
    ImportReport report;
};

// The register onto the 2024 bundle, as scripts/build-nl-2026 does.
const Imported& fresh() {
    static const Imported r = [] {
        Imported out;
        ModelBuilder b("nl-2026");
        BundleImporter{}.read(test::data_dir() / "nl-2024", b, out.report, {});
        RooImporter{}.read(test::shared_dir() / "data/real/roo", b, out.report, {});
        out.dataset = b.finish();
        return out;
    }();
    return r;
}

// The embedded dataset, as every user gets it.
const Dataset& embedded() {
    static const Dataset d = [] {
        ModelBuilder b("nl-2026");
        ImportReport report;
        BundleImporter{}.read(test::data_dir() / "nl-2026", b, report, {});
        return b.finish();
    }();
    return d;
}

bool from_register(const Arrangement& a) { return a.id.rfind("roo:", 0) == 0; }

// Current arrangements of each municipality (memberships without an end).
std::map<std::string, std::size_t> current_per_municipality(const Dataset& d) {
    std::map<std::string, std::size_t> n;
    for (const auto& m : d.municipalities) n[m.name] = 0;
    for (const auto& ms : d.memberships) {
        const auto& a = d.arrangements[ms.arrangement];
        if (!from_register(a) || a.end_year || ms.end_year) continue;
        ++n[d.municipalities[ms.municipality].name];
    }
    return n;
}

const Arrangement& arrangement(const Dataset& d, const std::string& id) {
    const auto* a = d.find_arrangement(id);
    REQUIRE(a);
    return *a;
}

}  // namespace

TEST_CASE("nl-2026: the register's current arrangements and their forms", "[real][roo]") {
    for (const Dataset* d : {&fresh().dataset, &embedded()}) {
        CHECK(d->municipalities.size() == 342);
        std::size_t current = 0, two = 0, all = 0;
        std::map<std::string, std::size_t> forms;
        for (std::size_t a = 0; a < d->arrangements.size(); ++a) {
            const auto& x = d->arrangements[a];
            if (!from_register(x)) continue;
            ++all;
            if (x.end_year) continue;
            ++current;
            ++forms[x.form];
            std::size_t members = 0;
            for (auto k : d->members_of_arrangement()[a]) members += !d->memberships[k].end_year;
            two += members >= 2;
        }
        CHECK(all == 549);                       // chains of the 1,186 versions (roo_facts.py)
        CHECK(current == 451);
        CHECK(two == 422);
        CHECK(forms == std::map<std::string, std::size_t>{{"gr_openbaar_lichaam", 283},
                                                          {"gr_regeling_zonder_meer", 81},
                                                          {"gr_bedrijfsvoeringsorganisatie", 64},
                                                          {"gr_gemeenschappelijk_orgaan", 23}});
        // The nine CBS divisions of 2024 stay beside the register.
        CHECK(d->divisions().size() == 9);
    }
}

TEST_CASE("nl-2026: every municipality in a current arrangement, median 9, mean 9.32", "[real][roo]") {
    const auto n = current_per_municipality(embedded());
    REQUIRE(n.size() == 342);
    std::vector<std::size_t> v;
    for (const auto& [name, k] : n) v.push_back(k);
    std::sort(v.begin(), v.end());
    CHECK(v.front() == 4);                       // every one in at least one
    CHECK((v[170] + v[171]) / 2.0 == 9.0);
    CHECK(std::accumulate(v.begin(), v.end(), 0.0) / 342.0 == Approx(9.32).margin(0.005));
    CHECK(n.at("Landgraaf") == 19);
    CHECK(v.back() == 19);
    CHECK(n.at("Beekdaelen") == 18);
    CHECK(n.at("Brunssum") == 18);
    CHECK(n.at("Putten") == 4);
    CHECK(n.at("Steenwijkerland") == 4);
    CHECK(n.at("Amsterdam") == 10);
    CHECK(n.at("Utrecht") == 8);
    CHECK(n.at("Groningen") == 13);
    CHECK(n.at("'s-Hertogenbosch") == 8);
    CHECK(n.at("Voorne aan Zee") == 11);
    CHECK(std::count(v.begin(), v.end(), 4u) == 2);
}

TEST_CASE("nl-2026: the nine dissolved codes are carried to their successors, each with a notice", "[real][roo]") {
    const auto& r = fresh().report;
    const std::vector<std::string> expected{
        "GM0501 Brielle -> GM1992 Voorne aan Zee", "GM0530 Hellevoetsluis -> GM1992 Voorne aan Zee",
        "GM0614 Westvoorne -> GM1992 Voorne aan Zee", "GM0756 Boxmeer -> GM1982 Land van Cuijk",
        "GM0786 Grave -> GM1982 Land van Cuijk", "GM0815 Mill en St. Hubert -> GM1982 Land van Cuijk",
        "GM1684 Cuijk -> GM1982 Land van Cuijk", "GM1685 Landerd -> GM1991 Maashorst",
        "GM1702 Sint Anthonis -> GM1982 Land van Cuijk"};
    std::vector<std::string> carried;
    for (const auto& n : r.notices)
        if (n.find("current arrangement version(s) [") != std::string::npos)
            carried.push_back(n.substr(5, n.find(": carried") - 5));
    CHECK(carried == expected);
}

TEST_CASE("nl-2026: the example centrumregeling with its ten members and joining years", "[real][roo]") {
    const auto& d = embedded();
    const auto& a = arrangement(d, "roo:centrumregeling-jeugdhulp-noordoost-brabant-2024");
    CHECK(a.form == "gr_regeling_zonder_meer");
    CHECK(a.registrar == "GM0796");
    CHECK(a.domain == "jeugd");
    CHECK(a.domain_basis == "legal_basis");
    CHECK(a.start_year == 2015);                 // its first version (2015 -> 2020 -> 2024)
    CHECK_FALSE(a.end_year);
    CHECK(a.legal_basis == "Jeugdwet; Algemene wet bestuursrecht; Wet gemeenschappelijke regelingen");
    std::map<std::string, int> joined;
    for (auto k : d.members_of_arrangement()[*d.arrangement_index(a.id)]) {
        const auto& ms = d.memberships[k];
        if (ms.end_year) continue;
        joined[d.municipalities[ms.municipality].name] = ms.start_year.value_or(0);
        CHECK(ms.bodies == "college");
    }
    CHECK(joined == std::map<std::string, int>{{"'s-Hertogenbosch", 2015}, {"Bernheze", 2015}, {"Boekel", 2015},
                                               {"Boxtel", 2015}, {"Land van Cuijk", 2024}, {"Maashorst", 2024},
                                               {"Meierijstad", 2017}, {"Oss", 2015}, {"Sint-Michielsgestel", 2015},
                                               {"Vught", 2015}});
}

TEST_CASE("nl-2026: participants that are not municipalities are kept with their kind", "[real][roo]") {
    const auto& d = embedded();
    std::map<std::string, std::string> kind;
    std::map<std::string, std::size_t> kinds;
    for (const auto& p : d.participants) {
        if (!from_register(d.arrangements[p.arrangement])) continue;
        kind[p.name] = p.kind;
        ++kinds[p.kind];
    }
    CHECK(kind.at("Kreis Kleve") == "foreign");
    CHECK(kind.at("Stadt Emmerich am Rhein") == "foreign");
    CHECK(kind.at("Provincie Oost-Vlaanderen") == "foreign");
    // The Belgian province beside the Dutch one of the same name (it has no tooi or owms).
    CHECK(kind.at("Provincie Limburg (BE)") == "foreign");
    CHECK(kind.at("Provincie Limburg") == "province");
    CHECK(kind.at("Gemeente Assenede") == "foreign");
    CHECK(kind.at("Krefeld") == "foreign");
    CHECK(kind.at("PREZERO Gemeentelijke Dienstverlening B.V.") == "other");
    CHECK(kind.at("Groot Salland") == "waterschap");
    CHECK(kind.at("Gemeente Bedum") == "former_municipality");
    CHECK(kinds.at("province") > 0);
    CHECK(kinds.at("waterschap") > 0);
    CHECK(kinds.at("foreign") >= 80);            // the German and Belgian authorities of current versions
}

TEST_CASE("nl-2026: bodies taking part and cost keys per membership", "[real][roo]") {
    // roo_facts.py: current memberships (after carrying, one per municipality and
    // arrangement) list college 2,905, raad 610, burgemeester 295 times; the
    // register's 2,915 / 612 / 297 count entries, with predecessors side by side.
    const auto& d = embedded();
    std::map<std::string, std::size_t> bodies;
    std::size_t cost_keys = 0;
    for (const auto& ms : d.memberships) {
        const auto& a = d.arrangements[ms.arrangement];
        if (!from_register(a)) continue;
        cost_keys += !ms.cost_key.empty();
        if (ms.end_year || a.end_year) continue;
        std::string b = ms.bodies;
        for (std::size_t k; !b.empty(); b = k == std::string::npos ? "" : b.substr(k + 1)) {
            k = b.find(';');
            ++bodies[b.substr(0, k)];
        }
    }
    CHECK(bodies.at("college") == 2905);
    CHECK(bodies.at("raad") == 610);
    CHECK(bodies.at("burgemeester") == 295);
    CHECK(cost_keys == 44);
}

TEST_CASE("nl-2026: memberships as they stood in each year 2012-2026 (roo_facts.py)", "[real][roo]") {
    const std::map<int, std::size_t> expected{{2012, 1774}, {2013, 1986}, {2014, 2190}, {2015, 2392}, {2016, 2587},
                                              {2017, 2709}, {2018, 2794}, {2019, 2888}, {2020, 2903}, {2021, 2913},
                                              {2022, 2969}, {2023, 2970}, {2024, 3061}, {2025, 3151}, {2026, 3187}};
    const auto& d = embedded();
    for (const auto& [year, n] : expected) {
        std::size_t active = 0;
        for (const auto& ms : d.memberships)
            active += from_register(d.arrangements[ms.arrangement]) && ms.active_in(year);
        INFO(year);
        CHECK(active == n);
    }
}

TEST_CASE("nl-2026: the one membership with a gap (roo_facts.py)", "[real][roo]") {
    // roo_facts.py: 1 of 3,573 memberships is missing from a version between two that
    // list it: Boxtel in the GGD Hart voor Brabant chain (the 2022 version, in force
    // 2022-01-01 .. 2024-08-23, leaves it out; the 2024 version lists it again with its
    // 2001 joining date), whole years out 2022-2023.
    const auto& d = embedded();
    std::vector<std::string> with_gaps;
    for (const auto& ms : d.memberships)
        if (!ms.gaps.empty()) with_gaps.push_back(ms.municipality_code + " " + ms.arrangement_id + " " + format_gaps(ms.gaps));
    CHECK(with_gaps == std::vector<std::string>{"GM0757 roo:gemeenschappelijke-regeling-ggd-hart-voor-brabant-29663197 2022-2023"});
}

TEST_CASE("nl-2026: the embedded bundle is the fresh import", "[real][roo]") {
    const auto& a = fresh().dataset;
    const auto& b = embedded();
    CHECK(a.arrangements.size() == b.arrangements.size());
    CHECK(a.memberships.size() == b.memberships.size());
    CHECK(a.participants.size() == b.participants.size());
    REQUIRE(a.memberships.size() == b.memberships.size());
    for (std::size_t i = 0; i < a.memberships.size(); ++i) {
        const auto& x = a.memberships[i];
        const auto& y = b.memberships[i];
        if (x.arrangement_id != y.arrangement_id || x.municipality_code != y.municipality_code ||
            x.start_year != y.start_year || x.end_year != y.end_year || x.bodies != y.bodies || x.note != y.note ||
            x.gaps != y.gaps)
            FAIL_CHECK("membership " << i << " differs: " << x.arrangement_id << " " << x.municipality_code);
    }
    REQUIRE(a.participants.size() == b.participants.size());
    for (std::size_t i = 0; i < a.participants.size(); ++i)
        if (a.participants[i].name != b.participants[i].name || a.participants[i].kind != b.participants[i].kind)
            FAIL_CHECK("participant " << i << " differs: " << a.participants[i].name << " " << a.participants[i].kind
                                      << " / " << b.participants[i].kind);
}

// Issue 18: who serves whom in today's register. In a current centrum
// arrangement (form RZM, or centrumregeling in its name) the registrar, when a
// member, serves every other member; figures from tests/tools/roo_facts.py
// ("services: ..."), which counts them from the YAML without regionet's code.
TEST_CASE("nl-2026: services from the registrars of current centrum arrangements (roo_facts.py)", "[real][roo][services]") {
    const auto current = analysis::cooperation_scope(analysis::apply(embedded(), analysis::Filter{}));
    const auto r = analysis::services(current);
    CHECK(r.links.size() == 338);
    CHECK(r.pairs.size() == 239);
    CHECK(std::count_if(r.pairs.begin(), r.pairs.end(), [](const auto& p) { return p.reciprocal(); }) == 5);
    std::map<std::string, std::size_t> provided, received;
    for (const auto& m : r.municipalities) {
        provided[current.municipalities[m.municipality].name] = m.provided;
        received[current.municipalities[m.municipality].name] = m.received;
    }
    CHECK(provided["Maastricht"] == 55);
    CHECK(provided["Leeuwarden"] == 25);
    CHECK(provided["Barneveld"] == 23);
    CHECK(provided["Leiden"] == 22);
    CHECK(provided["Breda"] == 20);
    CHECK(provided["Groningen"] == 18);
    for (const char* name : {"Eemnes", "Meerssen", "Vaals", "Valkenburg aan de Geul", "Gulpen-Wittem"}) CHECK(received[name] == 5);
    CHECK(received["Blaricum"] == 4);
    // 's-Hertogenbosch registers the example centrumregeling and serves its nine partners there.
    const auto example = current.arrangement_index("roo:centrumregeling-jeugdhulp-noordoost-brabant-2024");
    REQUIRE(example);
    std::size_t from_den_bosch = 0;
    for (const auto& l : r.links) {
        if (l.arrangement != *example) continue;
        CHECK(current.municipalities[l.provider].code == "GM0796");
        ++from_den_bosch;
    }
    CHECK(from_den_bosch == 9);
}

// Issue 13: the safety-region and GGD joint arrangements govern a CBS region of
// the bundle the register is imported onto (importers/region_bodies.hpp, rule 1
// on current members, the name before the legal basis). Expected figures from a
// second implementation of the rule in Python over data/nl-2026/*.csv (memberships
// without end year; fold = NFKD to ASCII, lower case, non-alphanumerics to
// spaces; Jaccard >= 0.9 and unique within the division): 44 bodies, one for each
// of the 25 safety regions and for 19 of the 25 GGD regions, no region twice.
TEST_CASE("nl-2026: safety-region and GGD bodies are linked to their CBS regions", "[real][roo][scope]") {
    for (const Dataset* d : {&fresh().dataset, &embedded()}) {
        std::map<std::string, std::size_t> by_division;
        std::set<std::string> regions;
        std::size_t bodies = 0;
        for (const auto& a : d->arrangements) {
            if (a.body_of.empty()) continue;
            ++bodies;
            const auto* region = d->find_arrangement(a.body_of);
            REQUIRE(region);
            CHECK(region->is_region());
            CHECK(!a.end_year);
            ++by_division[region->division];
            regions.insert(region->id);
        }
        CHECK(bodies == 44);
        CHECK(regions.size() == 44);
        CHECK(by_division == std::map<std::string, std::size_t>{{"ggdregio", 19}, {"veiligheidsregio", 25}});
        auto body_of = [&](const std::string& id) {
            const auto* a = d->find_arrangement(id);
            return a ? a->body_of.str() : std::string("(missing)");
        };
        CHECK(body_of("roo:gemeenschappelijke-regeling-vru-28426877") == "VR09");  // Veiligheidsregio Utrecht
        // A GGD whose regulation also cites the Wet veiligheidsregio's stays a GGD.
        CHECK(body_of("roo:de-gemeenschappelijke-regeling-gemeenschappelijke-gezondheidsdienst-zeeland-28156643") == "GG5006");
        CHECK(body_of("roo:gemeenschappelijke-regeling-ggd-groningen") == "GG0111");
        CHECK(body_of("roo:gemeenschappelijke-regeling-hecht-30155626") == "GG4506");  // GGD Hollands-Midden
        // Regions stay context: linked or not, they are not cooperation.
        const auto counts = analysis::scope_counts(*d);
        CHECK(counts.regions == 250);
        CHECK(counts.bodies_of_regions == 44);
        for (const auto& a : analysis::cooperation_scope(*d).arrangements) CHECK(!a.is_region());
    }
    // The import lists what it linked.
    std::size_t listed = 0;
    for (const auto& n : fresh().report.notices) listed += n.find(") governs region '") != std::string::npos;
    CHECK(listed == 44);
}
