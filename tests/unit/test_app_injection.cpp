// Hostile names and ids -- quotes, semicolons, SQL comments, angle brackets,
// backslashes, newlines, control characters, format strings, formula starters,
// 100 KB strings -- pass intact through import, SQL, JSON and the CSV bundle,
// and cannot break out of DOT, SVG, HTML or CSV output. CSV output guards
// formula injection (= + - @ get a leading apostrophe).
#include <catch2/catch.hpp>

#include <graphviz/cgraph.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <nlohmann/json.hpp>

#include "importers/csv_reader.hpp"
#include "unit/reliability_support.hpp"

using namespace regionet;
namespace fs = std::filesystem;
namespace rel = regionet::test::rel;

namespace {

// Hostile texts; none starts or ends with whitespace (the importer trims that)
// and none starts with the apostrophe guard '= (the importer removes it).
const std::vector<std::string>& hostile() {
    static const std::vector<std::string> all{
        "Quote \"double\" and 'single'",
        "x'); DROP TABLE municipality; --",
        "-- comment; /* block */",
        "<script>alert(1)</script>",
        "\"]; evil [label=\"pwned",
        "</text><script>alert(2)</script><text>",
        "]]><!-- & &amp; &#0; <![CDATA[",
        "back\\slash \\\\ \\n \\\" literal",
        "line1\nline2\r\nline3",
        "ctrl\x01\x07\x1b[31mred\x1b[0m\x7f",
        "tab\tinside",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+31 20 123",
        "-2+3",
        "@SUM(A1:A9)",
        "%s%n%x%p {0} ${HOME} $(id) `id`",
        "../../etc/passwd",
        "S\xC3\xBA" "dwest-Frysl\xC3\xA2n \xE2\x98\x83 \xF0\x9D\x84\x9E \xE2\x80\xAE" "rtl",
        "{\"json\": [1, 2]}",
        "semi;colon,comma|pipe",
        std::string(100'000, 'L') + "ong",
    };
    return all;
}

std::string quoted(const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// Municipality GMi is named hostile()[i]; arrangement with id hostile()[i] has
// name "Regeling " + hostile()[i] and members GMi and GM(i+1).
void write_hostile_bundle(const fs::path& dir) {
    const auto& h = hostile();
    std::string m = "code,name,province\n", a = "id,name,domain\n", s = "arrangement_id,municipality_code\n";
    for (std::size_t i = 0; i < h.size(); ++i) {
        m += "GM" + std::to_string(i) + "," + quoted(h[i]) + "," + quoted(h[(i + 1) % h.size()]) + "\n";
        a += quoted(h[i]) + "," + quoted("Regeling " + h[i]) + "," + quoted(h[i]) + "\n";
        s += quoted(h[i]) + ",GM" + std::to_string(i) + "\n";
        s += quoted(h[i]) + ",GM" + std::to_string((i + 1) % h.size()) + "\n";
    }
    rel::write_text(dir / "municipalities.csv", m);
    rel::write_text(dir / "arrangements.csv", a);
    rel::write_text(dir / "memberships.csv", s);
}

struct Imported {
    test::TempDir tmp;
    std::string db = (tmp / "h.db").string();
    Imported() {
        write_hostile_bundle(tmp / "hostile");
        auto r = test::run_regionet({"--db", db, "--quiet", "import", (tmp / "hostile").string(), "--as", "h"});
        if (r.status != 0) throw std::runtime_error("import failed: " + r.err);
    }
};

bool command_exists(const std::string& name) { return test::run_regionet({name, "--help"}).status == 0; }

}  // namespace

TEST_CASE("hostile names pass intact through import into SQL, and SQL stays intact", "[app][injection]") {
    Imported x;
    rel::Sql sql(x.db);
    const auto& h = hostile();
    for (std::size_t i = 0; i < h.size(); ++i) {
        INFO(i);
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(sql.get(), "SELECT name, province FROM municipality WHERE code = ?1", -1, &s, nullptr) == SQLITE_OK);
        const auto code = "GM" + std::to_string(i);
        sqlite3_bind_text(s, 1, code.c_str(), -1, SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        const std::string name(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), sqlite3_column_bytes(s, 0));
        const std::string province(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)), sqlite3_column_bytes(s, 1));
        sqlite3_finalize(s);
        CHECK(name == h[i]);
        CHECK(province == h[(i + 1) % h.size()]);
    }
    // The injected SQL did nothing: every table is still there and complete.
    CHECK(sql.rows("SELECT count(*) FROM municipality") == std::to_string(h.size()) + "\n");
    CHECK(sql.rows("SELECT count(*) FROM arrangement") == std::to_string(h.size()) + "\n");
    CHECK(sql.rows("SELECT count(*) FROM membership") == std::to_string(2 * h.size()) + "\n");
    CHECK(sql.rows("PRAGMA integrity_check") == "ok\n");
}

TEST_CASE("hostile names pass intact through JSON output", "[app][injection]") {
    Imported x;
    const auto& h = hostile();
    for (std::size_t i = 0; i < h.size(); ++i) {
        INFO(i);
        auto r = test::run_regionet({"--db", x.db, "show", "municipality", "GM" + std::to_string(i), "--format", "json"});
        REQUIRE(r.status == 0);
        CHECK(r.out.find('\x1b') == std::string::npos);  // control characters are escaped in JSON
        const auto j = nlohmann::json::parse(r.out);
        CHECK(j.dump().find(nlohmann::json(h[i]).dump()) != std::string::npos);
        auto a = test::run_regionet({"--db", x.db, "show", "arrangement", h[i], "--format", "json"});
        REQUIRE(a.status == 0);
        CHECK(nlohmann::json::parse(a.out).dump().find(nlohmann::json("Regeling " + h[i]).dump()) != std::string::npos);
    }
}

TEST_CASE("hostile names survive export and re-import, and CSV output guards formulas", "[app][injection]") {
    Imported x;
    REQUIRE(test::run_regionet({"--db", x.db, "export", "--format", "csv", (x.tmp / "e").string()}).status == 0);
    const auto text = test::read_file(x.tmp / "e/municipalities.csv");
    // No exported field starts a spreadsheet formula.
    csv::Reader reader(text, "municipalities.csv");
    csv::Record r;
    while (reader.next(r))
        for (const auto& f : r.fields) CHECK(std::string_view("=+-@").find(f.empty() ? 'x' : f[0]) == std::string_view::npos);
    CHECK(text.find("'=HYPERLINK(") != std::string::npos);
    CHECK(text.find("'@SUM(A1:A9)") != std::string::npos);
    REQUIRE(test::run_regionet({"--db", x.db, "--quiet", "import", (x.tmp / "e").string(), "--as", "again"}).status == 0);
    rel::Sql sql(x.db);
    const std::string q = "SELECT m.code, m.name, m.province FROM municipality m JOIN dataset d ON d.id = m.dataset_id WHERE d.name = ";
    CHECK(sql.rows(q + "'h' ORDER BY code") == sql.rows(q + "'again' ORDER BY code"));
    const std::string qa = "SELECT a.id, a.name, a.domain FROM arrangement a JOIN dataset d ON d.id = a.dataset_id WHERE d.name = ";
    CHECK(sql.rows(qa + "'h' ORDER BY a.id") == sql.rows(qa + "'again' ORDER BY a.id"));
    // Table output in CSV guards a hostile dataset name too.
    REQUIRE(test::run_regionet({"--db", x.db, "--quiet", "import", (x.tmp / "hostile").string(), "--as", "=cmd|' /C calc'!A0"}).status == 0);
    auto list = test::run_regionet({"--db", x.db, "datasets", "--format", "csv"});
    REQUIRE(list.status == 0);
    CHECK(list.out.find("\n'=cmd|' /C calc'!A0,") != std::string::npos);
    CHECK(list.out.find("\n=cmd") == std::string::npos);
}

TEST_CASE("hostile names cannot break out of DOT and SVG maps", "[app][injection][map]") {
    if (!command_exists("map")) {
        WARN("regionet map not available: DOT/SVG injection not tested");
        return;
    }
    Imported x;
    auto dot = test::run_regionet({"--db", x.db, "map", "network", "--no-geo", "--format", "dot", "--out", (x.tmp / "m.dot").string()});
    REQUIRE(dot.status == 0);
    const auto text = test::read_file(x.tmp / "m.dot");
    // It parses as one graph, and the injected node "evil" does not exist.
    Agraph_t* g = agmemread(text.c_str());
    REQUIRE(g != nullptr);
    CHECK(agnode(g, const_cast<char*>("evil"), 0) == nullptr);
    int nodes = 0;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) ++nodes;
    CHECK(nodes >= 2);
    agclose(g);

    auto svg = test::run_regionet({"--db", x.db, "map", "network", "--no-geo", "--out", (x.tmp / "m.svg").string()});
    REQUIRE(svg.status == 0);
    const auto s = test::read_file(x.tmp / "m.svg");
    CHECK(s.find("<script") == std::string::npos);
    CHECK(s.find("</text><script>") == std::string::npos);
}

// Control characters of names (0x01, ESC, DEL) are forbidden in XML 1.0; the
// map shows them as U+FFFD so browsers still open the file.
TEST_CASE("an SVG map of hostile names is well-formed XML", "[app][injection][map]") {
    if (!command_exists("map")) return;
    Imported x;
    auto svg = test::run_regionet({"--db", x.db, "map", "network", "--no-geo", "--out", (x.tmp / "m.svg").string()});
    REQUIRE(svg.status == 0);
    const auto s = test::read_file(x.tmp / "m.svg");
    xmlDocPtr doc = xmlReadMemory(s.data(), static_cast<int>(s.size()), "m.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    CHECK(doc != nullptr);
    if (doc) xmlFreeDoc(doc);
}

TEST_CASE("hostile names cannot break out of the HTML report", "[app][injection][report]") {
    if (!command_exists("report")) {
        WARN("regionet report not available: HTML injection not tested");
        return;
    }
    Imported x;
    auto r = test::run_regionet({"--db", x.db, "report", "--out", (x.tmp / "report").string()});
    REQUIRE(r.status == 0);
    const auto html = test::read_file(x.tmp / "report/report.html");
    CHECK(html.find("<script>alert(") == std::string::npos);
    CHECK(html.find("</text><script>") == std::string::npos);
    CHECK((html.find("\"]; evil") == std::string::npos || html.find("&quot;]; evil") != std::string::npos));
    // Escaped, the names are there.
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    REQUIRE(doc != nullptr);
    // The report's own scripts may be there; none holds a hostile name.
    int scripts = 0;
    std::vector<xmlNodePtr> todo{xmlDocGetRootElement(doc)};
    while (!todo.empty()) {
        auto* n = todo.back();
        todo.pop_back();
        for (; n; n = n->next) {
            if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST "script") == 0) {
                xmlChar* text = xmlNodeGetContent(n);
                if (text && std::string(reinterpret_cast<const char*>(text)).find("alert(") != std::string::npos) ++scripts;
                xmlFree(text);
            }
            if (n->children) todo.push_back(n->children);
        }
    }
    xmlFreeDoc(doc);
    CHECK(scripts == 0);
}
