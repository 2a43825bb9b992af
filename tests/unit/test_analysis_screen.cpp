// Screening rules: a hit and a non-hit per rule on small hand-made datasets,
// and the published facts of the seed example (data/ambtelijke-fusies).
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/screen.hpp"
#include "render/result_texts.hpp"
#include "importers/importer.hpp"
#include "model/error.hpp"
#include "model/model_builder.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace rr = regionet::render::report;

namespace {

struct Builder {
    Dataset d;
    Builder& muni(const std::string& code, const std::string& province, std::optional<std::int64_t> pop = {},
                  std::optional<double> lat = {}, std::optional<double> lon = {}) {
        Municipality m;
        m.code = code;
        m.name = "N-" + code;
        m.province = province;
        m.population = pop;
        m.lat = lat;
        m.lon = lon;
        d.municipalities.push_back(m);
        return *this;
    }
    Builder& arr(const std::string& id, const std::string& form, const std::vector<std::string>& members,
                 std::optional<int> start = {}, std::optional<int> end = {}, const std::string& domain = "bedrijfsvoering") {
        Arrangement a;
        a.id = id;
        a.name = "A-" + id;
        a.form = form;
        a.domain = domain;
        a.start_year = start;
        a.end_year = end;
        d.arrangements.push_back(a);
        for (const auto& c : members) {
            Membership ms;
            ms.arrangement_id = id;
            ms.municipality_code = c;
            d.memberships.push_back(ms);
        }
        return *this;
    }
    Builder& neighbour(const std::string& a, const std::string& b) {
        d.neighbours.push_back({std::min(a, b), std::max(a, b), 1.0});
        return *this;
    }
    Dataset done() {
        d.reindex();
        return d;
    }
};

std::vector<Finding> of_rule(const std::vector<Finding>& all, const std::string& rule) {
    std::vector<Finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const auto& f) { return f.rule == rule; });
    return out;
}

}  // namespace

TEST_CASE("screen fusion_partners: more than three partners in an ambtelijke fusie", "[analysis][screen]") {
    const auto d = Builder()
                       .muni("a", "P").muni("b", "P").muni("c", "P").muni("e", "P")
                       .arr("four", "ambtelijke_fusie", {"a", "b", "c", "e"})
                       .arr("three", "ambtelijke_fusie", {"a", "b", "c"})
                       .arr("ssc", "ssc", {"a", "b", "c", "e"})  // not a fusion form
                       .done();
    const auto f = of_rule(screen(d, {}), "fusion_partners");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arrangement == "four");
    CHECK(f[0].value == 4);
    CHECK(f[0].subjects == std::vector<std::string>{"a", "b", "c", "e"});
    // Typed: the names the sentence lists; the words come from the catalogue.
    CHECK(f[0].arrangement_name == "A-four");
    CHECK(f[0].names == std::vector<std::string>{"N-a", "N-b", "N-c", "N-e"});
    CHECK(rr::finding_text(rr::Lang::nl, f[0]) == "A-four is een ambtelijke fusie van 4 partners: N-a, N-b, N-c en N-e.");
    CHECK(rr::finding_question(rr::Lang::nl, f[0]).find("4 partners") != std::string::npos);
    CHECK(rr::finding_practice(rr::Lang::en, f[0]).find("More than three partners") != std::string::npos);
    CHECK(rr::finding_source(rr::Lang::en, f[0]).find("Korsten") != std::string::npos);
    ScreenOptions loose;
    loose.max_fusion_partners = 4;
    CHECK(of_rule(screen(d, loose), "fusion_partners").empty());
}

TEST_CASE("screen dominant_partner: population ratio of largest to next largest", "[analysis][screen]") {
    const auto d = Builder()
                       .muni("big", "P", 200000).muni("mid", "P", 40000).muni("small", "P", 30000)
                       .muni("unknown", "P")
                       .arr("x1", "gastheer", {"big", "small"})       // 6.67: hit
                       .arr("x2", "ambtelijke_fusie", {"mid", "small"})  // 1.33: no hit
                       .arr("x3", "ambtelijke_fusie", {"big", "unknown"})  // population unknown: not screened
                       .arr("x4", "ssc", {"big", "mid", "small"})     // 200000 / 40000 = 5: hit
                       // A fusion lesson, not one for every joint arrangement (issue 13): an
                       // ordinary GR with the same ratio is not screened by it.
                       .arr("x5", "gr", {"big", "mid", "small"})
                       .done();
    const auto f = of_rule(screen(d, {}), "dominant_partner");
    REQUIRE(f.size() == 2);
    CHECK(f[0].arrangement == "x1");
    CHECK(f[0].subjects == std::vector<std::string>{"big"});
    CHECK(f[0].value == Approx(200000.0 / 30000.0));
    CHECK(rr::finding_text(rr::Lang::en, f[0]).rfind("A-x1: ", 0) == 0);  // names its arrangement
    CHECK(f[0].names == std::vector<std::string>{"N-big", "N-small"});
    CHECK(f[0].populations == std::vector<std::int64_t>{200000, 30000});
    CHECK(rr::finding_text(rr::Lang::en, f[0]) ==
          "A-x1: N-big has 200,000 inhabitants, 6.7 times the next largest partner N-small (30,000).");
    CHECK(f[1].arrangement == "x4");
    CHECK(f[1].value == Approx(5.0));
    ScreenOptions strict;
    strict.size_ratio = 6.0;
    const auto g = of_rule(screen(d, strict), "dominant_partner");
    REQUIRE(g.size() == 1);
    CHECK(g[0].arrangement == "x1");
    const auto notes = screen_notes(d, {});
    CHECK(std::any_of(notes.begin(), notes.end(), [](const auto& n) { return rr::screen_note(rr::Lang::en, n).find("dominant_partner: 1 of 5") == 0; }));
}

TEST_CASE("screen other_province: partners in more than one province", "[analysis][screen]") {
    const auto d = Builder()
                       .muni("heumen", "Gelderland").muni("mook", "Limburg").muni("gennep", "Limburg")
                       .muni("venray", "Limburg")
                       .arr("cross", "ambtelijke_fusie", {"gennep", "heumen", "mook"})
                       .arr("same", "ambtelijke_fusie", {"gennep", "venray"})
                       .done();
    const auto f = of_rule(screen(d, {}), "other_province");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arrangement == "cross");
    CHECK(f[0].subjects == std::vector<std::string>{"heumen"});  // minority province
    CHECK(f[0].value == 2);
    CHECK(f[0].names == std::vector<std::string>{"N-heumen"});
    CHECK(f[0].provinces == std::vector<std::string>{"Gelderland"});
    CHECK(f[0].main_province == "Limburg");
    CHECK(rr::finding_text(rr::Lang::nl, f[0]).find("Gelderland") != std::string::npos);
    CHECK(rr::finding_text(rr::Lang::nl, f[0]).find("(Limburg)") != std::string::npos);
}

TEST_CASE("screen not_neighbours: by the neighbour table and by distance", "[analysis][screen]") {
    SECTION("neighbour table") {
        const auto d = Builder()
                           .muni("a", "P").muni("b", "P").muni("c", "P").muni("far", "P")
                           .neighbour("a", "b").neighbour("b", "c")
                           .arr("chain", "ambtelijke_fusie", {"a", "b", "c"})  // connected through b: no hit
                           .arr("split", "ambtelijke_fusie", {"a", "b", "far"})
                           .arr("pair", "ambtelijke_fusie", {"a", "c"})  // two loose members: both named
                           .done();
        const auto f = of_rule(screen(d, {}), "not_neighbours");
        REQUIRE(f.size() == 2);
        CHECK(f[0].arrangement == "pair");
        CHECK(f[0].subjects == std::vector<std::string>{"a", "c"});
        CHECK(f[1].arrangement == "split");
        CHECK(f[1].subjects == std::vector<std::string>{"far"});
        CHECK(f[1].value == 2);
    }
    SECTION("coordinates") {
        // 0.1 degree of latitude = 11.1 km; 0.5 degree = 55.6 km.
        const auto d = Builder()
                           .muni("a", "P", {}, 52.0, 5.0).muni("b", "P", {}, 52.1, 5.0).muni("c", "P", {}, 52.5, 5.0)
                           .muni("nowhere", "P")
                           .arr("near", "ambtelijke_fusie", {"a", "b"})
                           .arr("far", "ambtelijke_fusie", {"a", "b", "c"})
                           .arr("unknown", "ambtelijke_fusie", {"a", "nowhere"})
                           .done();
        const auto f = of_rule(screen(d, {}), "not_neighbours");
        REQUIRE(f.size() == 1);
        CHECK(f[0].arrangement == "far");
        CHECK(f[0].subjects == std::vector<std::string>{"c"});
        ScreenOptions wide;
        wide.neighbour_distance_km = 60;
        CHECK(of_rule(screen(d, wide), "not_neighbours").empty());
    }
}

TEST_CASE("screen knipperlicht: left and later joined again", "[analysis][screen]") {
    const auto d = Builder()
                       .muni("wijchen", "G").muni("heumen", "G").muni("druten", "G").muni("beuningen", "G")
                       .muni("x", "G").muni("y", "G")
                       .arr("nf06", "ambtelijke_fusie", {"heumen", "wijchen"}, 2012, 2012)
                       .arr("pz01", "ambtelijke_fusie", {"beuningen", "druten", "wijchen"}, 2015, 2015)
                       // A successor holding all old partners, right after: no hit.
                       .arr("old", "gr", {"x", "y"}, 2000, 2010, "afval")
                       .arr("new", "gr", {"x", "y"}, 2011, {}, "afval")
                       .done();
    const auto f = of_rule(screen(d, {}), "knipperlicht");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arrangement == "pz01");
    CHECK(f[0].subjects == std::vector<std::string>{"wijchen"});
    CHECK(f[0].value == 3);
    CHECK(f[0].left_year == 2012);
    CHECK(f[0].joined_year == 2015);
    CHECK(f[0].left_arrangement == "nf06");
    CHECK(f[0].again_with.empty());
    CHECK(rr::finding_text(rr::Lang::en, f[0]).find("left A-nf06 (nf06) in 2012") != std::string::npos);
    ScreenOptions off;
    off.knipperlicht = false;
    CHECK(of_rule(screen(d, off), "knipperlicht").empty());
}

TEST_CASE("screen knipperlicht: same partners after a gap", "[analysis][screen]") {
    const auto d = Builder()
                       .muni("x", "G").muni("y", "G")
                       .arr("first", "gr", {"x", "y"}, 2000, 2005, "afval")
                       .arr("again", "gr", {"x", "y"}, 2009, {}, "afval")
                       .done();
    const auto f = of_rule(screen(d, {}), "knipperlicht");
    REQUIRE(f.size() == 2);  // both left and came back together
    CHECK(f[0].subjects == std::vector<std::string>{"x", "y"});
    CHECK(rr::finding_text(rr::Lang::en, f[0]).find("again with N-y") != std::string::npos);
}

TEST_CASE("screen knipperlicht: a member leaves a continuing arrangement and joins the partners again",
          "[analysis][screen]") {
    auto b = Builder().muni("x", "G").muni("y", "G").muni("z", "G");
    b.arr("base", "gr", {"x", "y", "z"}, 2000, {}, "afval").arr("next", "gr", {"x", "y", "z"}, 2006, {}, "afval");
    for (auto& ms : b.d.memberships)
        if (ms.arrangement_id == "base" && ms.municipality_code == "x") ms.end_year = 2005;  // x left in 2005
    const auto d = b.done();
    const auto f = of_rule(screen(d, {}), "knipperlicht");
    REQUIRE(f.size() == 1);  // one year later, but "base" went on without x: x left
    CHECK(f[0].arrangement == "next");
    CHECK(f[0].subjects == std::vector<std::string>{"x", "y", "z"});
    CHECK(f[0].value == 1);
}

TEST_CASE("screen on the seed example of ambtelijke fusies", "[analysis][screen]") {
    const auto dir = test::data_dir() / "ambtelijke-fusies";
    ModelBuilder builder("ambtelijke-fusies");
    ImportReport report;
    importer_for(dir).read(dir, builder, report, {});
    const auto d = builder.finish();
    const auto all = screen(d, {});
    // README: Eemnes lies in Utrecht while its BEL partners lie in Noord-Holland.
    const auto prov = of_rule(all, "other_province");
    REQUIRE_FALSE(prov.empty());
    CHECK(prov[0].arrangement == "af02");
    CHECK(prov[0].subjects == std::vector<std::string>{"eemnes"});
    // Wijchen: a not-pursued (nf06, 2012) then a paused arrangement (pz01, 2015).
    const auto kl = of_rule(all, "knipperlicht");
    CHECK(std::any_of(kl.begin(), kl.end(), [](const auto& f) {
        return f.arrangement == "pz01" && f.subjects == std::vector<std::string>{"wijchen"};
    }));
    // Fusions with four partners exist in the essay's list (VONNS has five, DDFK four).
    const auto fp = of_rule(all, "fusion_partners");
    CHECK(std::any_of(fp.begin(), fp.end(), [](const auto& f) { return f.arrangement == "af21" && f.value == 5; }));
    CHECK(std::any_of(fp.begin(), fp.end(), [](const auto& f) { return f.arrangement == "af22" && f.value == 4; }));
    const auto t = to_table(d, all, rr::finding_words(rr::Lang::en));
    CHECK(t.rows.size() == all.size());
    CHECK(std::get<std::string>(t.rows[0][t.column_index("question")]) == rr::finding_question(rr::Lang::en, all[0]));
}

TEST_CASE("screening options from TOML", "[analysis][screen]") {
    const auto o = parse_screen_options(
        "# thresholds\nsize_ratio = 4\nmax_fusion_partners = 5\nfusion_forms = [\"ambtelijke_fusie\", \"seta\"]\n"
        "neighbour_distance_km = 12.5\nknipperlicht = false\n",
        "screening.toml");
    CHECK(o.size_ratio == 4.0);
    CHECK(o.max_fusion_partners == 5);
    CHECK(o.fusion_forms == std::vector<std::string>{"ambtelijke_fusie", "seta"});
    CHECK(o.neighbour_distance_km == 12.5);
    CHECK_FALSE(o.knipperlicht);
    CHECK(o.max_partners == 8);  // default kept
    CHECK_THROWS_WITH(parse_screen_options("size_ratio = \"big\"\n", "s.toml"), Catch::Contains("s.toml: key 'size_ratio'"));
    CHECK_THROWS_WITH(parse_screen_options("sise_ratio = 3\n", "s.toml"), Catch::Contains("unknown key 'sise_ratio'"));
    CHECK_THROWS_WITH(parse_screen_options("size_ratio = = 3\n", "s.toml"), Catch::Contains("s.toml:1:"));
    const auto shipped = test::read_file(test::data_dir() / "screening.toml");
    const auto d = parse_screen_options(shipped, "screening.toml");
    const ScreenOptions defaults;
    CHECK(d.size_ratio == defaults.size_ratio);
    CHECK(d.max_fusion_partners == defaults.max_fusion_partners);
    CHECK(d.max_partners == defaults.max_partners);
    CHECK(d.neighbour_distance_km == defaults.neighbour_distance_km);
    CHECK(d.fusion_forms == defaults.fusion_forms);
}
