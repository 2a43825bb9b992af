// The passes return typed findings, notes and partner reasons; the catalogue
// words them. Every expected text below is the one the passes wrote themselves
// before the words moved to render/report_texts.cpp, byte for byte (except the
// English tax-cooperation population and the English name of a group of service
// relations, which had Dutch number and words in English text).
#include <catch2/catch.hpp>

#include "analysis/partners.hpp"
#include "analysis/screen.hpp"
#include "model/error.hpp"
#include "render/result_texts.hpp"
#include "render/report_texts.hpp"

using namespace regionet;
using namespace regionet::render::report;
using analysis::Finding;

namespace {

Finding finding(const std::string& rule, const std::string& id, const std::string& name) {
    Finding f;
    f.rule = rule;
    f.arrangement = id;
    f.arrangement_name = name;
    return f;
}

}  // namespace

TEST_CASE("finding texts: fusion_partners and dominant_partner", "[render][findings]") {
    auto f = finding("fusion_partners", "x", "A");
    f.names = {"P", "Q", "R", "S"};
    CHECK(finding_text(Lang::nl, f) == "A is een ambtelijke fusie van 4 partners: P, Q, R en S.");
    CHECK(finding_text(Lang::en, f) == "A is an ambtelijke fusie of 4 partners: P, Q, R and S.");
    CHECK(finding_question(Lang::nl, f) ==
          "Deze ambtelijke fusie telt 4 partners. Hoe voorkomt het bestuur de risico's die de praktijk bij meer dan drie "
          "partners ziet, en zou functionele integratie beter passen?");
    CHECK(finding_question(Lang::en, f) ==
          "This ambtelijke fusie has 4 partners. How does the board avoid the risks practice has seen with more than three "
          "partners, and would functional integration fit better?");
    CHECK(finding_practice(Lang::en, f) ==
          "More than three partners in a full ambtelijke fusie is a serious risk; no successful case with four or five was known.");
    CHECK(finding_source(Lang::nl, f) ==
          "A.F.A. Korsten (ca. 2016), essay over \"Samen en Toch Apart\" (SETA): evaluaties van ambtelijke fusies 2005-2017");
    CHECK(finding_source(Lang::en, f) ==
          "A.F.A. Korsten (c. 2016), essay on \"Samen en Toch Apart\" (SETA): evaluations of ambtelijke fusies 2005-2017");

    auto g = finding("dominant_partner", "y", "B");
    g.value = 50000.0 / 12000.0;
    g.names = {"Big", "Small"};
    g.populations = {50000, 12000};
    CHECK(finding_text(Lang::nl, g) == "B: Big heeft 50.000 inwoners, 4,2 keer zoveel als de op één na grootste partner Small (12.000).");
    CHECK(finding_text(Lang::en, g) == "B: Big has 50,000 inhabitants, 4.2 times the next largest partner Small (12,000).");
    CHECK(finding_question(Lang::nl, g) ==
          "Hoe blijft de invloed van de kleinere partners naast Big geborgd, en accepteren zij bewust de rol van kleine partner?");
    CHECK(finding_question(Lang::en, g) ==
          "How is the influence of the smaller partners beside Big safeguarded, and do they knowingly accept being the small partner?");
    g.populations.pop_back();
    CHECK_THROWS_AS(finding_text(Lang::nl, g), Error);
}

TEST_CASE("finding texts: other_province and not_neighbours, one and more named", "[render][findings]") {
    auto f = finding("other_province", "x", "A");
    f.names = {"Mook"};
    f.provinces = {"Limburg"};
    f.main_province = "Gelderland";
    CHECK(finding_text(Lang::nl, f) == "A: Mook (Limburg) ligt in een andere provincie dan de andere partners (Gelderland).");
    CHECK(finding_text(Lang::en, f) == "A: Mook (Limburg) lies in another province than the other partners (Gelderland).");
    f.names = {"Mook", "Venlo"};
    f.provinces = {"Limburg", "Utrecht"};
    CHECK(finding_text(Lang::nl, f) == "A: Mook en Venlo (Limburg en Utrecht) liggen in een andere provincie dan de andere partners (Gelderland).");
    CHECK(finding_text(Lang::en, f) == "A: Mook and Venlo (Limburg and Utrecht) lie in another province than the other partners (Gelderland).");
    CHECK(finding_question(Lang::en, f) ==
          "What does the provincial border mean for A: for supervision, for the regional divisions the partners sit in, and for daily work?");

    auto g = finding("not_neighbours", "y", "B");
    g.names = {"X"};
    g.groups = 2;
    g.apart_km = 25.0;
    CHECK(finding_text(Lang::nl, g) ==
          "De partners in B vormen 2 geografisch losse groepen (hemelsbreed meer dan 25 km); X grenst niet aan de andere partners.");
    CHECK(finding_text(Lang::en, g) == "The partners in B form 2 separate groups (more than 25 km apart); X does not border the other partners.");
    g.names = {"X", "Y", "Z"};
    g.groups = 3;
    g.apart_km.reset();
    CHECK(finding_text(Lang::nl, g) ==
          "De partners in B vormen 3 geografisch losse groepen (geen gemeenschappelijke grens); X, Y en Z grenzen niet aan de andere partners.");
    CHECK(finding_text(Lang::en, g) == "The partners in B form 3 separate groups (no shared border); X, Y and Z do not border the other partners.");
    CHECK(finding_question(Lang::nl, g) == "Wat maakt B over afstand werkbaar, en zijn er buurgemeenten die meer voor de hand liggen?");
    CHECK(finding_practice(Lang::nl, g) == "Partners zijn bijna altijd buren.");
}

TEST_CASE("finding texts: knipperlicht, rejoined and moved", "[render][findings]") {
    auto f = finding("knipperlicht", "nf06", "A-nf06");
    f.names = {"Wijchen"};
    f.left_year = 2012;
    f.joined_year = 2015;
    f.left_arrangement = "nf06";
    f.left_name = "A-nf06";
    CHECK(finding_text(Lang::nl, f) == "Wijchen stopte in 2012 met A-nf06 (nf06) en deed vanaf 2015 weer mee.");
    CHECK(finding_text(Lang::en, f) == "Wijchen left A-nf06 (nf06) in 2012 and rejoined it in 2015.");
    f.arrangement = "pz01";
    f.arrangement_name = "A-pz01";
    CHECK(finding_text(Lang::nl, f) == "Wijchen stopte in 2012 met A-nf06 (nf06) en begon in 2015 aan A-pz01.");
    CHECK(finding_text(Lang::en, f) == "Wijchen left A-nf06 (nf06) in 2012 and joined A-pz01 in 2015.");
    f.again_with = {"N-x", "N-y"};
    CHECK(finding_text(Lang::nl, f) == "Wijchen stopte in 2012 met A-nf06 (nf06) en begon in 2015 aan A-pz01, opnieuw met N-x en N-y.");
    CHECK(finding_text(Lang::en, f) == "Wijchen left A-nf06 (nf06) in 2012 and joined A-pz01 in 2015, again with N-x and N-y.");
    CHECK(finding_question(Lang::nl, f) ==
          "Is de keuze van Wijchen voor A-pz01 nu vast genoeg, en wat is er veranderd sinds het eerdere vertrek?");
    CHECK(finding_question(Lang::en, f) == "Is Wijchen's commitment to A-pz01 firm enough now, and what has changed since it left before?");
}

TEST_CASE("finding texts: one_way_services and tax_cooperation", "[render][findings]") {
    auto f = finding("one_way_services", "r2", "Regio Twee");
    f.names = {"Alpha"};
    f.arrangements = 2;
    f.clients = 1;
    CHECK(finding_text(Lang::nl, f) ==
          "In Regio Twee levert Alpha in alle 2 regelingen met dienstverlening de diensten aan 1 andere gemeente; geen "
          "gemeente levert iets aan Alpha.");
    CHECK(finding_text(Lang::en, f) ==
          "In Regio Twee, Alpha provides the services in all 2 service arrangements, to 1 other municipality; no "
          "municipality provides anything to Alpha.");
    CHECK(finding_source(Lang::en, f).rfind("J. den Hollander, zeven gouden regels", 0) == 0);
    // A group of service relations (no divisions): named by its first municipality.
    f.arrangement.clear();
    f.arrangement_name.clear();
    f.group_first = "Een";
    f.group_others = 2;
    f.clients = 2;
    CHECK(finding_text(Lang::nl, f) ==
          "In de groep van Een en 2 andere gemeenten levert Alpha in alle 2 regelingen met dienstverlening de diensten aan "
          "2 andere gemeenten; geen gemeente levert iets aan Alpha.");
    CHECK(finding_text(Lang::en, f).rfind("In the group of Een and 2 other municipalities, Alpha provides", 0) == 0);
    f.group_others = 1;
    CHECK(finding_text(Lang::nl, f).rfind("In de groep van Een en 1 andere gemeente levert", 0) == 0);

    auto t = finding("tax_cooperation", "", "");
    t.names = {"Alpha"};
    t.populations = {10000};
    CHECK(finding_text(Lang::nl, t) == "Alpha (10.000 inwoners) neemt in deze gegevens aan geen belastingsamenwerking deel.");
    CHECK(finding_text(Lang::en, t) == "Alpha (10,000 inhabitants) takes part in no tax cooperation in these data.");
    CHECK(finding_question(Lang::nl, t) ==
          "Zou samenwerken bij de belastingen (heffing en invordering, WOZ) Alpha minder kwetsbaar of goedkoper maken?");
    CHECK(finding_practice(Lang::en, t) == "Tax cooperation is attractive for municipalities of 30,000 inhabitants or fewer.");
    CHECK(finding_source(Lang::nl, t) ==
          "A.F.A. Korsten, essay over Samen en Toch Apart en de evaluaties van ambtelijke fusies 2005-2017 (ca. 2016)");
    CHECK(finding_source(Lang::en, t) ==
          "A.F.A. Korsten, essay on Samen en Toch Apart and the evaluations of ambtelijke fusies 2005-2017 (c. 2016)");

    CHECK_THROWS_AS(finding_text(Lang::nl, finding("no_such_rule", "x", "X")), Error);
}

TEST_CASE("finding texts: the words every rule needs exist in both languages", "[render][findings]") {
    for (const char* rule : {"fusion_partners", "dominant_partner", "other_province", "not_neighbours", "knipperlicht",
                             "one_way_services", "tax_cooperation"}) {
        INFO(rule);
        auto f = finding(rule, "x", "X");
        f.names = {"P", "Q"};
        f.populations = {3, 1};
        f.left_arrangement = "z";
        for (Lang lang : {Lang::nl, Lang::en}) {
            CHECK(!finding_text(lang, f).empty());
            CHECK(!finding_question(lang, f).empty());
            CHECK(!finding_practice(lang, f).empty());
            CHECK(!finding_source(lang, f).empty());
        }
    }
}

TEST_CASE("screen notes and partner reasons are worded from their kinds and numbers", "[render][findings]") {
    using K = analysis::ScreenNote::Kind;
    CHECK(screen_note(Lang::en, {K::no_scope, 8, 0}) == "dominant_partner, other_province, not_neighbours: no ordinary arrangement with 2 to 8 members");
    CHECK(screen_note(Lang::en, {K::no_population, 1, 5}) == "dominant_partner: 1 of 5 arrangements not screened (population unknown for a member)");
    CHECK(screen_note(Lang::en, {K::no_place, 2, 5}) == "not_neighbours: 2 of 5 arrangements not screened (no neighbour table and no coordinates)");
    CHECK(screen_note(Lang::en, {K::no_years, 0, 0}) == "knipperlicht: no end years in the dataset, rule cannot show anything");
    CHECK(screen_note(Lang::nl, {K::no_population, 1, 5}).rfind("dominant_partner: 1 van 5 regelingen", 0) == 0);

    Dataset d;
    Municipality m;
    m.code = "GM1";
    m.province = "Utrecht";
    d.municipalities.push_back(m);
    analysis::PartnerCandidate p;
    p.municipality = 0;
    p.co_memberships = 1;
    p.same_regions = 1;
    p.common_divisions = 2;
    p.distance_km = 24.6;
    p.size_similarity = 0.5;
    using R = analysis::PartnerReason;
    p.reasons = {R::shared_arrangements, R::same_regions, R::distance, R::size_ratio, R::same_province};
    CHECK(partner_reasons(Lang::en, d, p) == "1 shared arrangement; same region in 1/2 divisions; 25 km away; size ratio 0.50; same province (Utrecht)");
    CHECK(partner_reasons(Lang::nl, d, p) ==
          "1 gedeelde samenwerking; zelfde regio in 1/2 indelingen; 25 km afstand; grootteverhouding 0,50; zelfde provincie (Utrecht)");
    p.co_memberships = 3;
    p.reasons = {R::shared_arrangements, R::neighbour};
    CHECK(partner_reasons(Lang::en, d, p) == "3 shared arrangements; neighbour");
    CHECK(partner_reasons(Lang::nl, d, p) == "3 gedeelde samenwerkingen; buurgemeente");
    CHECK(reason_words(Lang::nl, d)(p) == partner_reasons(Lang::nl, d, p));
}

TEST_CASE("fusie facts are worded from status, form and partners", "[render][findings]") {
    analysis::FusieFact f;
    f.name = "BEL Combinatie";
    f.form = "ambtelijke_fusie";
    f.year = 2008;
    f.partners = {"Eemnes", "Laren"};
    CHECK(fusie_sentence(Lang::en, f) == "ambtelijke fusie BEL Combinatie since 2008 (with Eemnes and Laren)");
    CHECK(fusie_sentence(Lang::nl, f) == "ambtelijke fusie BEL Combinatie sinds 2008 (met Eemnes en Laren)");
    f.temporary = true;
    f.note = "partner then: X";
    CHECK(fusie_sentence(Lang::en, f) == "ambtelijke fusie BEL Combinatie since 2008 (with Eemnes and Laren), temporary; partner then: X");
    f = {};
    f.name = "Zutphen-Warnsveld";
    f.status = analysis::FusieStatus::stopped;
    f.year = 2005;
    CHECK(fusie_sentence(Lang::en, f) == "stopped the fusie Zutphen-Warnsveld in 2005");
    f.partners = {"Heumen"};
    f.status = analysis::FusieStatus::paused;
    f.year.reset();
    CHECK(fusie_sentence(Lang::en, f) == "talks on a fusie with Heumen paused in ?");
    f = {};
    f.name = "Gastheer Z";
    f.form = "gastheer";
    f.host = true;
    f.year = 2014;
    f.partners = {"A", "B", "C"};
    CHECK(fusie_sentence(Lang::en, f) == "hosts the civil service of A, B and C (Gastheer Z) since 2014");
    f.host = false;
    CHECK(fusie_sentence(Lang::en, f) == "civil service hosted by A, B and C (Gastheer Z) since 2014");
}
