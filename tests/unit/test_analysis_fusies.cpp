// The seed's ambtelijke fusies linked to the CBS codes of 2016
// (data/ambtelijke-fusies-2016, scripts/build-fusies-2016.py): every link
// checked against importers/name_matching.* and nl-2016, the profile
// sentences, and the neighbour and province rules on 2016 boundaries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "analysis/fusies.hpp"
#include "analysis/screen.hpp"
#include "render/result_texts.hpp"
#include "importers/bundle_importer.hpp"
#include "importers/csv_reader.hpp"
#include "importers/name_matching.hpp"
#include "support/test_support.hpp"

using namespace regionet;

namespace rr = regionet::render::report;

namespace {

Dataset load_bundle(const std::string& name) {
    ModelBuilder b(name);
    ImportReport report;
    BundleImporter{}.read(test::data_dir() / name, b, report, {});
    return b.finish();
}

const Dataset& fusies() {
    static const Dataset d = load_bundle("ambtelijke-fusies-2016");
    return d;
}

std::string code_of(const Dataset& d, const std::string& name) {
    for (const auto& m : d.municipalities)
        if (m.name == name) return m.code;
    FAIL("no municipality " << name);
    return {};
}

std::vector<std::string> sentences(const std::string& name) {
    std::vector<std::string> out;
    for (const auto& f : analysis::fusie_facts(fusies(), code_of(fusies(), name))) out.push_back(rr::fusie_sentence(rr::Lang::en, f));
    return out;
}

}  // namespace

TEST_CASE("fusies 2016: every seed municipality linked to one 2016 code by the name-matching rules", "[real][fusies]") {
    const auto nl2016 = load_bundle("nl-2016");
    const auto seed = load_bundle("ambtelijke-fusies");
    csv::Reader reader(test::read_file(test::data_dir() / "ambtelijke-fusies-2016/seed-codes-2016.csv"),
                       "seed-codes-2016.csv");
    std::set<std::string> keys;
    std::map<std::string, std::size_t> by_match;
    csv::Record rec;
    auto field = [&](const char* column) { return rec.fields[reader.require(column)]; };
    while (reader.next(rec)) {
        const auto key = field("seed_key"), name = field("seed_name"), code = field("code_2016"),
                   match = field("match");
        INFO(key << " -> " << code << " (" << match << ")");
        CHECK(keys.insert(key).second);
        const auto* s = seed.find_municipality(key);
        REQUIRE(s);
        CHECK(s->name == name);
        const auto* m = nl2016.find_municipality(code);
        REQUIRE(m);
        CHECK(m->name == field("name_2016"));
        ++by_match[match];
        if (match == "exact") {
            CHECK(m->name == name);
        } else if (match == "normalised") {
            CHECK(names::fold(m->name) == names::fold(name));
        } else if (match == "qualifier") {
            CHECK(names::base_name(m->name) == names::fold(name));
            CHECK(m->province == s->province);
        } else if (match == "alias") {
            const auto* alias = names::find_alias(names::fold(name));
            REQUIRE(alias);
            CHECK(alias->targets.size() == 1);
            CHECK(names::fold(alias->targets.front()) == names::fold(m->name));
        } else {
            CHECK(match == "successor");
            CHECK(names::find_alias(names::fold(name)) == nullptr);
            CHECK(field("note").find("merged") != std::string::npos);
            CHECK(field("note").find(m->name) != std::string::npos);
        }
        // No other 2016 municipality has this name exactly (a wrong exact match cannot hide).
        if (match == "exact")
            CHECK(std::count_if(nl2016.municipalities.begin(), nl2016.municipalities.end(),
                                [&](const Municipality& x) { return x.name == name; }) == 1);
    }
    CHECK(keys.size() == seed.municipalities.size());
    CHECK(by_match["exact"] == 74);
    CHECK(by_match["qualifier"] == 2);
    CHECK(by_match["alias"] == 7);
    CHECK(by_match["successor"] == 2);
}

TEST_CASE("fusies 2016: the bundle keeps the seed's fusies, years and outcomes", "[real][fusies]") {
    const auto& d = fusies();
    const auto seed = load_bundle("ambtelijke-fusies");
    REQUIRE(d.arrangements.size() == 35);
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& x = d.arrangements[a];
        const auto* s = seed.find_arrangement(x.id);
        REQUIRE(s);
        CHECK(x.name == s->name);
        CHECK(x.start_year == s->start_year);
        CHECK(x.end_year == s->end_year);
        CHECK(analysis::fusie_status(x) == analysis::fusie_status(*s));
    }
    // BEL: Blaricum, Eemnes, Laren with the seed's board seats; De Waard became Molenwaard.
    const auto bel = *d.arrangement_index("af02");
    std::set<std::string> members;
    for (auto k : d.members_of_arrangement()[bel]) members.insert(d.municipalities[d.memberships[k].municipality].name);
    CHECK(members == std::set<std::string>{"Blaricum", "Eemnes", "Laren"});
    const auto waard = *d.arrangement_index("af04");
    REQUIRE(d.members_of_arrangement()[waard].size() == 1);
    const auto& w = d.memberships[d.members_of_arrangement()[waard][0]];
    CHECK(d.municipalities[w.municipality].name == "Molenwaard");
    CHECK(w.note == "partner then: Graafstroom, Liesveld, Nieuw-Lekkerland (part of Molenwaard in 2016)");
    // 8 stopped, 1 paused, 26 running or intended (the seed's statuses).
    std::map<analysis::FusieStatus, int> status;
    for (const auto& x : d.arrangements) ++status[analysis::fusie_status(x)];
    CHECK(status[analysis::FusieStatus::stopped] == 8);
    CHECK(status[analysis::FusieStatus::paused] == 1);
    CHECK(status[analysis::FusieStatus::running] == 26);
}

TEST_CASE("fusies 2016: profiles say who shares a civil service", "[real][fusies]") {
    CHECK(sentences("Blaricum") ==
          std::vector<std::string>{"ambtelijke fusie BEL Combinatie since 2008 (with Eemnes and Laren)"});
    CHECK(sentences("Wijchen") == std::vector<std::string>{"stopped the fusie with Heumen in 2012",
                                                           "talks on a fusie with Beuningen and Druten paused in 2015"});
    CHECK(sentences("Ten Boer") ==
          std::vector<std::string>{"civil service hosted by Groningen (Groningen-Ten Boer) since 2008"});
    CHECK(sentences("Groningen") ==
          std::vector<std::string>{"hosts the civil service of Ten Boer (Groningen-Ten Boer) since 2008"});
    CHECK(sentences("Onderbanken") ==
          std::vector<std::string>{"ambtelijke fusie Samenwerking Onderbanken-Heerlen since 2012 (with Heerlen), temporary",
                                   "ambtelijke fusie VONNS-gemeenten since 2016 (with Nuth, Schinnen, Simpelveld and Voerendaal)"});
    CHECK(sentences("Zutphen") == std::vector<std::string>{"stopped the fusie Zutphen-Warnsveld in 2005; partner then: "
                                                           "Warnsveld (part of Zutphen in 2016)"});
    // A code of a national dataset finds them: Blaricum is GM0376 in nl-2016.
    CHECK(code_of(fusies(), "Blaricum") == "GM0376");
}

TEST_CASE("fusies 2016: neighbour and province rules on the seed with 2016 boundaries", "[real][fusies]") {
    // Expected from data/ambtelijke-fusies-2016/neighbours.csv by an independent
    // script (union-find over the border pairs among each fusie's partners):
    // af08 Onderbanken-Heerlen, af18 Woerden-Oudewater and nf07 Gennep-Venray
    // have partners without a shared border; af02 BEL spans Noord-Holland and
    // Utrecht (Eemnes).
    const auto findings = analysis::screen(fusies(), analysis::ScreenOptions{});
    std::set<std::string> not_neighbours, other_province;
    for (const auto& f : findings) {
        if (f.rule == "not_neighbours") not_neighbours.insert(f.arrangement);
        if (f.rule == "other_province") other_province.insert(f.arrangement);
    }
    CHECK(not_neighbours == std::set<std::string>{"af08", "af18", "nf07"});
    CHECK(other_province == std::set<std::string>{"af02"});
    // No population of 2016 offline: the dominant-partner rule says it cannot run.
    const auto notes = analysis::screen_notes(fusies(), analysis::ScreenOptions{});
    CHECK(std::any_of(notes.begin(), notes.end(), [](const auto& n) { return rr::screen_note(rr::Lang::en, n).rfind("dominant_partner", 0) == 0; }));
}
