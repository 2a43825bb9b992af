// The board report: texts, number formats, escaping, the document writers,
// and the whole `regionet report` run (structure of the HTML, golden Markdown).
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "analysis/coverage.hpp"
#include "render/report_build.hpp"
#include "render/report_document.hpp"
#include "render/report_texts.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::render::report;
namespace fs = std::filesystem;

namespace {

std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    static const std::regex re(R"(\{[0-9]\})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) out.insert(it->str());
    return out;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

std::set<std::string> attribute_values(const std::string& html, const std::string& attr) {
    std::set<std::string> out;
    const std::regex re("\\s" + attr + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1].str());
    return out;
}

// Runs `regionet report` on a bundle in a fresh database; returns the output folder.
fs::path make_report(const test::TempDir& tmp, const fs::path& bundle, const std::vector<std::string>& extra = {}) {
    const auto db = (tmp / "r.db").string();
    auto imp = test::run_regionet({"--db", db, "--quiet", "import", bundle.string(), "--as", "case"});
    REQUIRE(imp.status == 0);
    std::vector<std::string> args{"--db", db, "--dataset", "case", "report", "--out", (tmp / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = test::run_regionet(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    return tmp / "out";
}

const char* k_sections[] = {"summary", "maps", "redundancy", "load", "position", "communities", "screening", "profiles", "methods"};

// The structural checks every report must pass.
void check_structure(const std::string& html) {
    for (const char* id : k_sections) {
        INFO(id);
        CHECK(html.find(std::string("<section class=\"chapter\" id=\"") + id + "\"") != std::string::npos);
    }
    // Every internal link resolves to an id.
    const auto ids = attribute_values(html, "id");
    for (const auto& href : attribute_values(html, "href")) {
        if (href.empty() || href[0] != '#') continue;
        INFO(href);
        CHECK(ids.count(href.substr(1)) == 1);
    }
    // Ids are unique.
    const std::regex id_re("\\sid=\"([^\"]*)\"");
    std::multiset<std::string> all_ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it) all_ids.insert((*it)[1].str());
    for (const auto& id : ids) {
        INFO(id);
        CHECK(all_ids.count(id) == 1);
    }
    // Every table has a caption and column headers.
    const auto tables = count(html, "<table");
    CHECK(tables > 0);
    CHECK(count(html, "<caption>") == tables);
    CHECK(count(html, "<thead><tr><th scope=\"col\"") == tables);
    // The only scripts are the report's own three: error hook, words, table script.
    CHECK(count(html, "<script") == 3);
    CHECK(count(html, "</script>") == 3);
    // Self-contained: nothing fetched from elsewhere.
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("href=\"http") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    // Inline SVGs are labelled for screen readers.
    CHECK(count(html, "<svg") == count(html, "<svg role=\"img\" aria-label=\""));
}

}  // namespace

TEST_CASE("every report text exists in Dutch and English with the same placeholders", "[render][report]") {
    const auto keys = text_keys();
    REQUIRE(keys.size() > 100);
    for (const auto& k : keys) {
        INFO(k);
        const auto& nl = tr(Lang::nl, k);
        const auto& en = tr(Lang::en, k);
        CHECK(!nl.empty());
        CHECK(!en.empty());
        CHECK(placeholders(nl) == placeholders(en));
    }
    CHECK_THROWS_AS(tr(Lang::nl, "no.such.key"), Error);
    // Plural forms: both forms in both languages, with the same placeholders.
    REQUIRE(!plural_keys().empty());
    for (const auto& k : plural_keys()) {
        INFO(k);
        for (Lang lang : {Lang::nl, Lang::en}) {
            CHECK(!tr_form(lang, k, true).empty());
            CHECK(!tr_form(lang, k, false).empty());
            CHECK(placeholders(tr_form(lang, k, true)) == placeholders(tr_form(Lang::nl, k, false)));
        }
    }
    CHECK(trn(Lang::nl, "n.pairs", 1, {"1"}) == "1 paar");
    CHECK(trn(Lang::nl, "n.pairs", 2, {"2"}) == "2 paren");
    CHECK(trn(Lang::en, "n.pairs", 0, {"0"}) == "0 pairs");
    CHECK_THROWS_AS(trn(Lang::nl, "title", 1, {}), Error);
    CHECK(fill("{1} en {0}{2}", {"a", "b"}) == "b en a{2}");
    CHECK(parse_lang("en") == Lang::en);
    CHECK_THROWS_AS(parse_lang("de"), UsageError);
}

// A Dutch text equal to its English one is either a word Dutch shares, a name
// or a code, or an English leftover a Dutch reader meets (the Korsten citation
// read "essay on ..." in the Dutch report). The shared ones are listed here;
// a new one has to be added on purpose.
TEST_CASE("a Dutch report text equals its English one only for shared words, names and codes", "[render][report]") {
    const std::set<std::string> shared{
        "js.filter", "col.jaccard", "col.community", "col.ari", "col.nmi", "find.redundancy", "fig.colour.cluster",
        "map.legend.cluster", "measure.degree", "measure.eigenvector", "measure.pagerank", "def.pagerank.term",
        "def.community.term", "cov.marker", "map.tip.partners", "map.ego.membership", "bet.exact",
        "fnd.source.services",  // a Dutch publication, cited by its Dutch title in both languages
    };
    std::set<std::string> same;
    for (const auto& k : text_keys()) {
        const auto plural = plural_keys();
        if (std::find(plural.begin(), plural.end(), k) != plural.end()) {
            if (tr_form(Lang::nl, k, true) == tr_form(Lang::en, k, true)) same.insert(k + " (one)");
        }
        if (tr(Lang::nl, k) == tr(Lang::en, k)) same.insert(k);
    }
    const auto forms = form_keys();
    REQUIRE(forms.size() > 10);
    for (const auto& f : forms)
        if (form_label(Lang::nl, f) == form_label(Lang::en, f)) same.insert("form " + f);
    std::set<std::string> leftovers;
    for (const auto& k : same)
        if (shared.count(k) == 0) leftovers.insert(k);
    CHECK(leftovers == std::set<std::string>{});
    for (const auto& k : shared) {
        INFO(k);
        CHECK(same.count(k) == 1);  // the list holds no key that has since been translated
    }
    // The citations in the Dutch report are Dutch around the published titles.
    for (const char* k : {"fnd.source.korsten", "fnd.source.tax"}) {
        INFO(k);
        CHECK_THAT(tr(Lang::nl, k), Catch::Contains("essay over") && !Catch::Contains("essay on") && !Catch::Contains("evaluations"));
        CHECK_THAT(tr(Lang::en, k), Catch::Contains("essay on"));
    }
}

TEST_CASE("numbers are written as Dutch and English readers write them", "[render][report]") {
    CHECK(number(Lang::nl, 1234.5, 1) == "1.234,5");
    CHECK(number(Lang::en, 1234.5, 1) == "1,234.5");
    CHECK(number(Lang::nl, 1234567.0, 0) == "1.234.567");
    CHECK(number(Lang::en, 999.0, 2) == "999.00");
    CHECK(number(Lang::nl, -0.25, 2) == "\xe2\x88\x92" "0,25");
    CHECK(number(Lang::nl, -0.001, 2) == "0,00");  // no minus on a rounded zero
    CHECK(integer(Lang::nl, 342) == "342");
    CHECK(integer(Lang::en, 100000) == "100,000");
    CHECK(percent(Lang::nl, 0.25) == "25%");
    CHECK(form_label(Lang::nl, "gr_openbaar_lichaam") == "GR openbaar lichaam");
    CHECK(form_label(Lang::en, "something_new") == "something_new");
}

TEST_CASE("escaping for HTML, Markdown, ids and inline SVG", "[render][report]") {
    CHECK(html_escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    CHECK(markdown_escape("a|b *c* [d](e) <x>\nnext") == "a\\|b \\*c\\* \\[d\\](e) &lt;x&gt; next");
    CHECK(anchor("GM0363") == "GM0363");
    CHECK(anchor("ten-boer_2") == "ten-boer_2");
    CHECK(anchor("a b/\"") == "a_20b_2f_22");
    CHECK(profile_anchor("GM0363") == "m-GM0363");
    const std::string svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- made by x -->\n<svg width=\"1\"><g/></svg>\n";
    CHECK(inline_svg(svg, "a <map>") == "<svg role=\"img\" aria-label=\"a &lt;map&gt;\" width=\"1\"><g/></svg>");
    CHECK(inline_svg("<svg/>", "x") == "<svg role=\"img\" aria-label=\"x\"/>");
    CHECK_THROWS_AS(inline_svg("<html>", "x"), RenderError);
}

TEST_CASE("writers escape every text and keep the document's structure", "[render][report]") {
    Document doc;
    doc.title = "<b>T</b>";
    doc.toc_title = "Inhoud";
    doc.meta = {{"Gegevens", "a&b"}};
    Section s{"one", "Een <één>", {}};
    s.blocks.push_back(Paragraph{{Span{"x<y", "", false}, Span{"link", "#m-GM1", true}}});
    s.blocks.push_back(Heading{"m-GM1", "Gemeente <script>"});
    TableBlock t{"t1", "cap|tion", {"Naam", "Aantal"}, {Align::left, Align::right},
                 {{TableCell{"<i>", "", {}, {}}, TableCell{"1.234", "", 1234.0, {}}}}, true, true, false};
    s.blocks.push_back(t);
    TableBlock heat{"h", "heat", {"", "a"}, {}, {{TableCell{"a", "", {}, {}}, TableCell{"1,00", "", 1.0, 1.0}}}, true, false, true};
    s.blocks.push_back(heat);
    doc.sections.push_back(s);
    std::ostringstream html, md;
    write_html(doc, html);
    write_markdown(doc, md, "maps");
    const auto h = html.str();
    CHECK(h.find("<h1>&lt;b&gt;T&lt;/b&gt;</h1>") != std::string::npos);
    CHECK(h.find("x&lt;y<a href=\"#m-GM1\"><strong>link</strong></a>") != std::string::npos);
    CHECK(h.find("<h3 id=\"m-GM1\">Gemeente &lt;script&gt;</h3>") != std::string::npos);
    CHECK(h.find("<th scope=\"row\">&lt;i&gt;</th><td class=\"num\" data-sort=\"1234\">1.234</td>") != std::string::npos);
    CHECK(h.find("data-interactive") != std::string::npos);
    // A full-intensity heat cell is dark blue with white text (contrast).
    CHECK(h.find("style=\"background:#084594;color:#fff\"") != std::string::npos);
    CHECK(h.find("<li><a href=\"#one\">Een &lt;één&gt;</a></li>") != std::string::npos);
    const auto m = md.str();
    CHECK(m.find("# &lt;b&gt;T&lt;/b&gt;") != std::string::npos);
    CHECK(m.find("1. [Een &lt;één&gt;](#one)") != std::string::npos);
    CHECK(m.find("**cap\\|tion**") != std::string::npos);
    CHECK(m.find("| Naam | Aantal |\n| --- | ---: |\n| &lt;i&gt; | 1.234 |") != std::string::npos);
    CHECK(m.find("<script>") == std::string::npos);
}

TEST_CASE("bar chart: bars proportional to the values, labels escaped", "[render][report]") {
    const auto svg = bar_chart_svg({{"<A>", 10.0, "10", "#m-a"}, {"B & C", 5.0, "5", ""}}, "Top", "last");
    CHECK(svg.find("&lt;A&gt;") != std::string::npos);
    CHECK(svg.find("B &amp; C") != std::string::npos);
    CHECK(svg.find("width=\"420.0\"") != std::string::npos);  // the largest fills the bar area
    CHECK(svg.find("width=\"210.0\"") != std::string::npos);  // half the value, half the length
    CHECK(svg.find("<a href=\"#m-a\">") != std::string::npos);
    CHECK(count(svg, "<a ") == 1);
}

TEST_CASE("report build: missing passes leave an honest note, found tables fill their sections", "[render][report]") {
    Dataset d;
    d.name = "mini";
    d.municipalities = {{"A", "Aa", "P", 10000, {}, {}, {}}, {"B", "Bee", "P", 20000, {}, {}, {}}, {"C", "Cee", "Q", {}, {}, {}, {}}};
    Arrangement x;
    x.id = "x";
    x.name = "Regeling X";
    x.domain = "afval";
    x.form = "gr_openbaar_lichaam";
    Arrangement y = x;
    y.id = "y";
    y.name = "Regeling Y";
    d.arrangements = {x, y};
    auto ms = [](std::string a, std::string m) {
        Membership k;
        k.arrangement_id = std::move(a);
        k.municipality_code = std::move(m);
        return k;
    };
    d.memberships = {ms("x", "A"), ms("x", "B"), ms("y", "A"), ms("y", "B"), ms("y", "C")};
    d.reindex();
    // Only the load pass ran: B carries 16 meetings, A 8, C none.
    analysis::ReportResults results;
    results.load.emplace();
    auto load_row = [](std::string code, std::string name, std::size_t memberships, double load, std::size_t rank) {
        analysis::MunicipalityLoad row;
        row.code = std::move(code);
        row.name = std::move(name);
        row.memberships = memberships;
        row.weighted_load = load;
        row.rank = rank;
        return row;
    };
    results.load->municipalities = {load_row("A", "Aa", 2, 8.0, 2), load_row("B", "Bee", 2, 16.0, 1), load_row("C", "Cee", 1, 0.0, 3)};
    for (const auto& a : d.arrangements) results.load->arrangements.push_back({a.id, a.name, a.form, 2, 1, 4.0});
    ReportInput in;
    in.dataset = &d;
    in.results = &results;
    in.dataset_name = "mini";
    in.version = "0.0";
    auto doc = build_report(in, Lang::nl);
    REQUIRE(doc.sections.size() == 9);
    std::ostringstream html;
    write_html(doc, html);
    const auto h = html.str();
    // Counts of the summary: 3 municipalities, 5 memberships -> mean 1,7, median 2, max 2.
    CHECK(h.find("gemiddeld deel aan 1,7 verbanden (mediaan 2,0)") != std::string::npos);
    // Sections without their pass say so.
    CHECK(count(h, "Dit onderdeel ontbreekt in dit rapport") == 5);  // maps, overlap, centrality, communities, screening
    // Without any result every pass-based section says so.
    ReportInput bare = in;
    bare.results = nullptr;
    std::ostringstream bare_html;
    write_html(build_report(bare, Lang::nl), bare_html);
    CHECK(count(bare_html.str(), "Dit onderdeel ontbreekt in dit rapport") == 6);
    // The load section is there, ranked by weighted load, linked to the profile.
    CHECK(h.find("<td class=\"num\" data-sort=\"1\">1</td><td><a href=\"#m-B\">Bee</a></td><td class=\"num\" data-sort=\"2\">2</td>") !=
          std::string::npos);
    CHECK(h.find("De grootste bestuurlijke drukte draagt <a href=\"#m-B\">Bee</a> (16,0 vergaderingen per jaar)") != std::string::npos);
    CHECK(h.find("<h3 id=\"m-C\">Cee (C)</h3>") != std::string::npos);
    // --municipality: only that profile, and links to others are plain text.
    in.municipality = "A";
    std::ostringstream focused;
    write_html(build_report(in, Lang::en), focused);
    CHECK(focused.str().find("id=\"m-B\"") == std::string::npos);
    CHECK(focused.str().find("<h3 id=\"m-A\">Aa (A)</h3>") != std::string::npos);
    check_structure(focused.str());
}

TEST_CASE("report: coverage in the methods section, inferred forms and domains marked", "[render][report][coverage]") {
    // Two arrangements of three municipalities in two provinces: x's form was
    // guessed from its name and its domain from its legal basis; y's domain
    // could not be inferred. By hand: P has A and B, both in x and y (median 2);
    // Q has C, in y only (median 1); 3 of 3 cooperate.
    Dataset d;
    d.name = "mini";
    d.municipalities = {{"A", "Aa", "P", {}, {}, {}, {}}, {"B", "Bee", "P", {}, {}, {}, {}}, {"C", "Cee", "Q", {}, {}, {}, {}}};
    Arrangement x;
    x.id = "x";
    x.name = "Regeling X";
    x.domain = "afval";
    x.form = "gr_openbaar_lichaam";
    x.form_basis = "name";
    x.domain_basis = "legal_basis";
    Arrangement y = x;
    y.id = "y";
    y.name = "Regeling Y";
    y.domain = "overig";
    y.form_basis = "";
    y.domain_basis = "none";
    d.arrangements = {x, y};
    auto ms = [](std::string a, std::string m) {
        Membership k;
        k.arrangement_id = std::move(a);
        k.municipality_code = std::move(m);
        return k;
    };
    d.memberships = {ms("x", "A"), ms("x", "B"), ms("y", "A"), ms("y", "B"), ms("y", "C")};
    d.reindex();
    analysis::ReportResults results;
    results.coverage = analysis::coverage(d);
    ReportInput in;
    in.dataset = &d;
    in.results = &results;
    in.dataset_name = "mini";
    in.version = "0.0";
    std::ostringstream html;
    write_html(build_report(in, Lang::nl), html);
    const auto h = html.str();
    CHECK(h.find("3 van de 3 gemeenten nemen in deze gegevens deel aan minstens \xc3\xa9\xc3\xa9n van de 2 samenwerkingsverbanden.") !=
          std::string::npos);
    CHECK(h.find("De mediaan per gemeente loopt uiteen van 1,0 in Q tot 2,0 in P.") != std::string::npos);
    CHECK(h.find("De vorm van 1 van de 2 verbanden staat niet in de bron; regionet heeft die afgeleid: 1 uit de naam van het verband.") !=
          std::string::npos);
    CHECK(h.find("Het domein van 2 van de 2 verbanden staat niet in de bron; regionet heeft het afgeleid: 1 uit de wettelijke grondslag") !=
          std::string::npos);
    CHECK(h.find(" en bij 1 was het niet af te leiden (domein onbekend).") != std::string::npos);
    // The profiles mark the guesses and say what the mark means; y's domain reads "onbekend".
    CHECK(h.find("<td>GR openbaar lichaam *</td><td>afval *</td>") != std::string::npos);
    CHECK(h.find("<td>GR openbaar lichaam</td><td>onbekend</td>") != std::string::npos);
    // One note under each profile table with a mark: Aa and Bee (in x), not Cee (only in y, nothing guessed).
    CHECK(count(h, "* afgeleid door regionet, niet vermeld door de bron") == 2);
    check_structure(h);
}

TEST_CASE("report: a redundancy candidate resting on an inferred domain is marked", "[render][report][coverage]") {
    // x and y: same members, domain afval; y's domain was inferred from its name.
    // z: same members, domain stated (werk) -- no candidate with x or y.
    Dataset d;
    d.name = "mini";
    d.municipalities = {{"A", "Aa", "P", {}, {}, {}, {}}, {"B", "Bee", "P", {}, {}, {}, {}}};
    Arrangement x;
    x.id = "x";
    x.name = "Afvalschap X";
    x.domain = "afval";
    Arrangement y = x;
    y.id = "y";
    y.name = "Afvaldienst Y";
    y.domain_basis = "name";
    d.arrangements = {x, y};
    for (const char* a : {"x", "y"})
        for (const char* m : {"A", "B"}) {
            Membership k;
            k.arrangement_id = a;
            k.municipality_code = m;
            d.memberships.push_back(k);
        }
    d.reindex();
    analysis::ReportResults results;
    results.overlap = analysis::overlap(d, results.options.overlap);
    REQUIRE(results.overlap->size() == 1);
    REQUIRE(results.overlap->front().redundancy_candidate);
    ReportInput in;
    in.dataset = &d;
    in.results = &results;
    in.dataset_name = "mini";
    in.version = "0.0";
    std::ostringstream html;
    write_html(build_report(in, Lang::nl), html);
    const auto h = html.str();
    CHECK(h.find("<th scope=\"col\">Domein</th>") != std::string::npos);
    CHECK(h.find("<td>afval *</td>") != std::string::npos);
    // The note under the candidates table, and one under each profile (Aa, Bee) listing y.
    CHECK(count(h, "* afgeleid door regionet, niet vermeld door de bron") == 3);
    check_structure(h);
}

TEST_CASE("report: the methods section names the arrangements a region's inventory added", "[render][report][inventory]") {
    Dataset d;
    d.name = "mini";
    d.municipalities = {{"A", "Aa", "P", {}, {}, {}, {}}, {"B", "Bee", "P", {}, {}, {}, {}}};
    Arrangement reg;
    reg.id = "roo:x";
    reg.name = "Regeling X";
    reg.form = "gr_openbaar_lichaam";
    reg.domain = "afval";
    reg.source = "ROO register";
    Arrangement inv = reg;
    inv.id = "inv-01";
    inv.name = "Overleg <wethouders> & co";
    inv.form = "convenant";
    inv.domain = "economie";
    inv.source = "inventaris: convenant 2019";
    d.arrangements = {inv, reg};
    for (const char* a : {"inv-01", "roo:x"})
        for (const char* m : {"A", "B"}) {
            Membership k;
            k.arrangement_id = a;
            k.municipality_code = m;
            d.memberships.push_back(k);
        }
    d.reindex();
    analysis::ReportResults results;
    results.origins = analysis::origins(d);
    ReportInput in;
    in.dataset = &d;
    in.results = &results;
    in.dataset_name = "mini";
    in.version = "0.0";
    auto html_of = [&] {
        std::ostringstream html;
        write_html(build_report(in, Lang::nl), html);
        return html.str();
    };
    const auto h = html_of();
    CHECK(h.find("uit de inventarisatie van de regio (door de gemeenten zelf ingevuld) 1, uit het register en de andere bronnen hierboven 1.") !=
          std::string::npos);
    CHECK(h.find("Verbanden uit de inventarisatie van de regio") != std::string::npos);
    CHECK(h.find("Overleg &lt;wethouders&gt; &amp; co") != std::string::npos);  // escaped
    check_structure(h);
    // Without an inventory the methods section says nothing about it.
    d.arrangements[0].source = "ROO register";
    results.origins = analysis::origins(d);
    CHECK(html_of().find("Verbanden uit de inventarisatie") == std::string::npos);
}

TEST_CASE("regionet report on the seed data: structure, determinism, golden Markdown", "[render][report][golden]") {
    test::TempDir tmp;
    const auto out = make_report(tmp, test::data_dir() / "ambtelijke-fusies");
    const auto html = test::read_file(out / "report.html");
    const auto md = test::read_file(out / "report.md");
    check_structure(html);
    CHECK(html.find("<html lang=\"nl\">") != std::string::npos);
    CHECK(html.find("<h1>Samenwerking tussen gemeenten</h1>") != std::string::npos);
    // A profile per municipality.
    CHECK(count(html, "<h3 id=\"m-") == 85);
    // Every figure referenced by the Markdown sits beside it.
    const std::regex fig(R"(\]\((maps/[^)]+)\))");
    std::size_t figures = 0;
    for (auto it = std::sregex_iterator(md.begin(), md.end(), fig); it != std::sregex_iterator(); ++it, ++figures)
        CHECK(fs::exists(out / (*it)[1].str()));
    CHECK(figures >= 1);
    CHECK(test::check_golden(md, "report/ambtelijke-fusies.md") == "");
    // The maps section points to the explorer written beside the report: a
    // relative link (no scheme, no folder) whose target is in the output folder,
    // a complete page in the report's language.
    const auto maps_at = html.find("<section class=\"chapter\" id=\"maps\"");
    REQUIRE(maps_at != std::string::npos);
    const auto link_at = html.find("<a href=\"explorer.html\"><strong>explorer.html</strong></a>", maps_at);
    CHECK(link_at != std::string::npos);
    CHECK(link_at < html.find("</section>", maps_at));
    CHECK(md.find("[**explorer.html**](explorer.html)") != std::string::npos);
    REQUIRE(fs::exists(out / "explorer.html"));
    const auto explorer = test::read_file(out / "explorer.html");
    CHECK(explorer.find("<html lang=\"nl\"") != std::string::npos);
    CHECK(explorer.find("id=\"x&#45;") != std::string::npos);  // the clickable map: municipality nodes x-<code>
    CHECK(explorer.find("src=\"http") == std::string::npos);
    // Same data, same report: byte for byte.
    auto again = test::run_regionet({"--db", (tmp / "r.db").string(), "--dataset", "case", "report", "--out", (tmp / "out2").string()});
    REQUIRE(again.status == 0);
    CHECK(test::read_file(tmp / "out2" / "report.html") == html);
    CHECK(test::read_file(tmp / "out2" / "report.md") == md);
}

TEST_CASE("regionet report escapes hostile names and speaks English on request", "[render][report]") {
    test::TempDir tmp;
    const auto out = make_report(tmp, test::fixture("bundle/hostile"), {"--lang", "en"});
    const auto html = test::read_file(out / "report.html");
    const auto md = test::read_file(out / "report.md");
    check_structure(html);
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.find("Cooperation between municipalities") != std::string::npos);
    // The maps and the explorer speak English too.
    CHECK(html.find("Circle area: weighted load") != std::string::npos);
    CHECK(html.find("Cirkeloppervlak") == std::string::npos);
    CHECK(html.find("href=\"explorer.html\"") != std::string::npos);
    CHECK(test::read_file(out / "explorer.html").find("<html lang=\"en\"") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    for (const auto& e : fs::directory_iterator(out / "maps")) {
        const auto svg = test::read_file(e.path());
        INFO(e.path());
        CHECK(svg.find("<script") == std::string::npos);
    }
}

TEST_CASE("regionet report: usage errors", "[render][report]") {
    test::TempDir tmp;
    const auto db = (tmp / "r.db").string();
    REQUIRE(test::run_regionet({"--db", db, "--quiet", "import", (test::data_dir() / "ambtelijke-fusies").string()}).status == 0);
    CHECK(test::run_regionet({"--db", db, "report", "--lang", "de", "--out", (tmp / "o").string()}).status == 2);
    CHECK(test::run_regionet({"--db", db, "report", "--municipality", "nowhere", "--out", (tmp / "o").string()}).status == 2);
    CHECK(test::run_regionet({"--db", db, "report", "--province", "Utrecht", "--region", "x", "--out", (tmp / "o").string()}).status == 2);
    auto focus = test::run_regionet({"--db", db, "report", "--municipality", "Ten Boer", "--out", (tmp / "f").string()});
    REQUIRE(focus.status == 0);
    const auto html = test::read_file(tmp / "f" / "report.html");
    CHECK(count(html, "<h3 id=\"m-") == 1);
    CHECK(html.find("id=\"m-ten-boer\"") != std::string::npos);
}

TEST_CASE("scope_svg makes ids unique per drawing and drops links to missing profiles", "[render][report]") {
    const std::string svg =
        "<svg><g id=\"graph0\"><a xlink:href=\"#m-A\" xlink:title=\"A\"><g id=\"net-A\"/></a>"
        "<a xlink:href=\"#m-B\"><g id=\"net-B\" fill=\"url(#grad)\"/></a><use href=\"#graph0\"/></g></svg>";
    const auto out = scope_svg(svg, "fig1-", [](const std::string& target) { return target == "m-A"; });
    CHECK(out ==
          "<svg><g id=\"fig1-graph0\"><a xlink:href=\"#m-A\" xlink:title=\"A\"><g id=\"fig1-net-A\"/></a>"
          "<a><g id=\"fig1-net-B\" fill=\"url(#fig1-grad)\"/></a><use href=\"#fig1-graph0\"/></g></svg>");
}
