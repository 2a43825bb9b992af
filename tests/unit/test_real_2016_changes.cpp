// nl-2016 -> nl-2024 on the committed bundles: the mergers of 2017-2024 by name.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "analysis/changes.hpp"
#include "geo/geo.hpp"
#include "importers/bundle_importer.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace {

Dataset bundle(const std::string& name) {
    ModelBuilder b(name);
    ImportReport report;
    BundleImporter{}.read(test::data_dir() / name, b, report, {});
    return b.finish();
}

struct Changes {
    Dataset old_d, new_d;
    std::vector<analysis::MunicipalityChange> changes;
};

const Changes& changes_2016_2024() {
    static const Changes c = [] {
        Changes out{bundle("nl-2016"), bundle("nl-2024"), {}};
        const auto a = geo::layer_from_outlines(out.old_d);
        const auto b = geo::layer_from_outlines(out.new_d);
        const auto shares = geo::shares(a, b);
        analysis::AreaShares s;
        for (std::size_t i = 0; i < a.features.size(); ++i)
            for (const auto& x : shares[i]) s[a.features[i].code].push_back({b.features[x.b].code, x.share});
        out.changes = analysis::municipality_changes(out.old_d, out.new_d, s);
        return out;
    }();
    return c;
}

const analysis::MunicipalityChange& of(const std::string& code) {
    const auto& c = changes_2016_2024();
    return c.changes[*c.old_d.municipality_index(code)];
}

std::string successor(const std::string& code) {
    const auto& c = changes_2016_2024();
    return c.new_d.municipalities[of(code).successor()].name;
}

}  // namespace

TEST_CASE("changes 2016 -> 2024: Haren and Ten Boer merged into Groningen", "[real][2016][changes]") {
    CHECK(successor("GM0017") == "Groningen");  // Haren
    CHECK(successor("GM0009") == "Groningen");  // Ten Boer
    CHECK(of("GM0017").status == "merged");
    CHECK(of("GM0009").status == "merged");
    CHECK(of("GM0014").status == "merged");     // Groningen itself took them in
    CHECK(of("GM0017").parts.front().second > 0.9);
    CHECK(successor("GM0457") == "Amsterdam");  // Weesp, 2022
    CHECK(of("GM0363").status == "merged");
    CHECK(successor("GM0344") == "Utrecht");
    CHECK(of("GM0344").status == "unchanged");
    // Oegstgeest lives on; where the 2016 and 2024 files disagree at its border is no transfer.
    CHECK(of("GM0579").status == "unchanged");
    CHECK(of("GM0579").parts.size() == 1);
}

TEST_CASE("changes 2016 -> 2024: Littenseradiel split among three", "[real][2016][changes]") {
    const auto& c = changes_2016_2024();
    const auto& l = of("GM0140");
    CHECK(l.status == "split");
    std::set<std::string> to;
    double total = 0;
    for (const auto& [j, share] : l.parts) {
        to.insert(c.new_d.municipalities[j].name);
        total += share;
    }
    CHECK(to == std::set<std::string>{"Leeuwarden", "Súdwest-Fryslân", "Waadhoeke"});
    CHECK(total == Approx(1.0).margin(0.05));
}

TEST_CASE("changes 2016 -> 2024: every municipality has a successor; 390 -> 342", "[real][2016][changes]") {
    const auto& c = changes_2016_2024();
    std::set<std::size_t> successors;
    for (const auto& m : c.changes) {
        CHECK(m.status != "gone");
        if (m.status != "gone") successors.insert(m.successor());
    }
    CHECK(successors.size() == 342);
}

TEST_CASE("changes 2016 -> 2024: divisions in both years agree closely", "[real][2016][changes]") {
    const auto& c = changes_2016_2024();
    const auto [divisions, regions] = analysis::division_changes(c.old_d, c.new_d, c.changes);
    std::map<std::string, double> ari;
    for (const auto& r : divisions.rows)
        ari[std::get<std::string>(r[0])] = std::get<double>(r[divisions.column_index("ari")]);
    for (const char* d : {"veiligheidsregios", "ggds", "arbeidsmarktregios", "jeugdzorgregios", "corop-regios",
                          "zorgkantoorregios"}) {
        INFO(d);
        REQUIRE(ari.count(d));
        CHECK(ari[d] > 0.7);
        CHECK(ari[d] <= 1.0);
    }
    // Leerdam and Zederik (Zuid-Holland) merged into Vijfheerenlanden (Utrecht) in 2019.
    std::set<std::string> moved;
    for (const auto& r : regions.rows)
        if (std::get<std::string>(r[0]) == "provincies") moved.insert(std::get<std::string>(r[regions.column_index("name_old")]));
    CHECK(moved == std::set<std::string>{"Leerdam", "Zederik"});
    CHECK(ari["provincies"] > 0.98);
}
