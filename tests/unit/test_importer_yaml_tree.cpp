// The YAML tree the ROO importer reads (importers/yaml_tree.*, yaml-cpp's events):
// kinds, null spellings, marks, aliases and errors on hand-written documents.
// (Marks and messages are yaml-cpp's own, as YAML::Load gives them: the same events.)
#include <catch2/catch.hpp>

#include "importers/yaml_tree.hpp"

using namespace regionet;

TEST_CASE("yaml tree: mappings, sequences, scalars and their marks", "[importer][yaml]") {
    const auto doc = yaml::Document::parse("id: org:x\n"
                                           "names:\n"
                                           "- value: Samen\n"
                                           "  abbr: S\n"
                                           "gr_meta:\n"
                                           "  datum: '2019-04-01'\n"
                                           "  leeg:\n"
                                           "  tilde: ~\n"
                                           "  quoted: 'null'\n"
                                           "  flow: {a: 1, b: [x, y]}\n");
    const auto root = doc.root();
    REQUIRE(root.IsMap());
    CHECK(root.size() == 3);
    CHECK(root["id"].IsScalar());
    CHECK(root["id"].Scalar() == "org:x");
    CHECK_FALSE(root["nothing"]);
    CHECK(root["nothing"].Mark().line == -1);
    const auto names = root["names"];
    REQUIRE(names.IsSequence());
    CHECK(names.size() == 1);
    CHECK(names[0]["abbr"].Scalar() == "S");
    CHECK_FALSE(names[1]);
    // Zero-based, as yaml-cpp counts: "- value" on line 3, the mapping at column 3.
    CHECK(names[0].Mark().line == 2);
    CHECK(names[0].Mark().column == 2);
    CHECK(names[0]["abbr"].Mark().line == 3);
    CHECK(names[0]["abbr"].Mark().column == 8);
    const auto meta = root["gr_meta"];
    CHECK(meta["datum"].Scalar() == "2019-04-01");
    CHECK(meta["leeg"]);
    CHECK(meta["leeg"].IsNull());
    CHECK(meta["tilde"].IsNull());
    CHECK(meta["quoted"].IsScalar());
    CHECK(meta["quoted"].Scalar() == "null");
    CHECK(meta["flow"]["b"][1].Scalar() == "y");
    std::string seen;
    for (const auto& x : meta["flow"]["b"]) seen += x.Scalar();
    CHECK(seen == "xy");
    // A mapping or scalar iterates as nothing; a sequence has no keys.
    for (const auto& x : meta) seen += x.Scalar();
    CHECK(seen == "xy");
    CHECK_FALSE(names["value"]);
    CHECK(meta.Scalar().empty());
}

TEST_CASE("yaml tree: aliases, the first document, empty text", "[importer][yaml]") {
    const auto doc = yaml::Document::parse("a: &x {k: v}\nb: *x\n---\nc: 1\n");
    CHECK(doc.root()["b"]["k"].Scalar() == "v");
    CHECK_FALSE(doc.root()["c"]);
    CHECK_FALSE(yaml::Document::parse("").root());
    CHECK(yaml::Document::parse("just text").root().IsScalar());
}

TEST_CASE("yaml tree: what is not YAML says where", "[importer][yaml]") {
    auto error = [](std::string_view text) {
        try {
            yaml::Document::parse(text);
        } catch (const yaml::ParseError& e) {
            return std::to_string(e.at.line + 1) + ":" + std::to_string(e.at.column + 1) + ": " + e.what();
        }
        return std::string("no error");
    };
    CHECK(error("a: {b: 1\nc: 2\n") == "2:2: end of map flow not found");
    CHECK(error("a: *nowhere\n") == "1:4: the referenced anchor is not defined");
    // yaml-cpp does not check UTF-8; the tree does, with the byte's place.
    CHECK(error("a: \xff\n") == "1:4: invalid UTF-8 (byte 0xff)");
    CHECK(error("a: b\nc: d\xc3\n") == "2:5: invalid UTF-8 (byte 0xc3)");
    CHECK(error("a: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n") == "no error");
    CHECK(error("a: \xc0\xaf\n") == "1:4: invalid UTF-8 (byte 0xc0)");  // overlong '/'
}
