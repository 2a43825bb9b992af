// Kind of task and motive: hand-worked arrangements against the shipped rules
// (data/classification.toml), a small rules file of our own, and every error
// of the rules parser with file and line.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/classify.hpp"
#include "model/error.hpp"
#include "support/test_support.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

ClassificationRules shipped_rules() {
    const auto path = test::data_dir() / "classification.toml";
    return parse_classification_rules(test::read_file(path), path.string());
}

Arrangement arrangement(std::string id, std::string name, std::string form, std::string domain,
                        std::string legal_basis = {}, std::string purpose = {}) {
    Arrangement a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.form = std::move(form);
    a.domain = std::move(domain);
    a.legal_basis = std::move(legal_basis);
    a.purpose = std::move(purpose);
    return a;
}

Membership member(std::string a, std::string m) {
    Membership ms;
    ms.arrangement_id = std::move(a);
    ms.municipality_code = std::move(m);
    return ms;
}

// A1 SETA: form ambtelijke_fusie            -> bedrijfsvoering (form), kwetsbaarheid (form)
// A2 tax GR: domain belastingen             -> bedrijfsvoering (domain), kosten (domain)
// A3 legal basis "Wgr; Jeugdwet"             -> uitvoering (legal_basis), onbekend
// A4 "Regio Rivierenland", belangenbehartiging in doel -> beleid (name "regio"), bestuurskracht (purpose)
// A5 "Veiligheidsregio Zuid" (no domain)    -> uitvoering (name); "regio" is not at a word start
// A6 "Werkgroep district"                   -> onbekend, onbekend ("ict" inside "district" is no word)
// A7 centrumregeling jeugdhulp, doel "kwalitatief goede en efficiënte inkoop"
//                                           -> uitvoering (name "jeugd"), kwaliteit (purpose "kwalitatie" before "effici")
// R1 a region of a division                 -> not classified
Dataset hand_dataset() {
    Dataset d;
    d.name = "classify";
    d.municipalities = {
        {"GM1", "Klein", "P", 10000, {}, {}, {}},
        {"GM2", "Groot", "P", 50000, {}, {}, {}},
        {"GM3", "Onbekend", "P", std::nullopt, {}, {}, {}},
    };
    auto region = arrangement("R1", "Regio Noord", "regional_division", "veiligheid");
    region.division = "veiligheidsregio";
    d.arrangements = {
        arrangement("A1", "BEL Combinatie", "ambtelijke_fusie", "overig"),
        arrangement("A2", "Belastingsamenwerking", "gemeenschappelijke_regeling", "belastingen"),
        arrangement("A3", "Zorg", "gemeenschappelijke_regeling", "overig", "Wgr; Jeugdwet"),
        arrangement("A4", "Regio Rivierenland", "gemeenschappelijke_regeling", "overig", "Wgr",
                    "Belangenbehartiging van de regio"),
        arrangement("A5", "Veiligheidsregio Zuid", "gemeenschappelijke_regeling", ""),
        arrangement("A6", "Werkgroep district", "", ""),
        arrangement("A7", "Centrumregeling Jeugdhulp", "regeling_zonder_meer", "",  "",
                    "zorgdragen voor een kwalitatief goede en efficiënte inkoop"),
        region,
    };
    d.memberships = {member("A1", "GM1"), member("A1", "GM2"), member("A2", "GM1"), member("A3", "GM3"),
                     member("R1", "GM1"), member("R1", "GM2")};
    d.reindex();
    return d;
}

const ArrangementClass& row(const Dataset& d, const ClassifyResult& r, const std::string& id) {
    for (const auto& c : r.arrangements)
        if (d.arrangements[c.arrangement].id == id) return c;
    FAIL("no row for " << id);
    throw std::logic_error("unreachable");
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string error_of(const std::string& text) {
    try {
        parse_classification_rules(text, "r.toml");
    } catch (const ImportError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("classify: hand-worked arrangements with the shipped rules", "[analysis][classify]") {
    const auto d = hand_dataset();
    const auto r = classify(d, shipped_rules());
    REQUIRE(r.arrangements.size() == 7);  // the region R1 is left out
    CHECK(std::none_of(r.arrangements.begin(), r.arrangements.end(),
                       [&](const auto& c) { return d.arrangements[c.arrangement].id == "R1"; }));

    const auto& a1 = row(d, r, "A1");
    CHECK(a1.kind == TaskKind::bedrijfsvoering);
    CHECK(starts_with(a1.kind_reason, "form = \"ambtelijke_fusie\" (classification.toml:"));
    CHECK(a1.motive == Motive::kwetsbaarheid);
    CHECK(starts_with(a1.motive_reason, "form = \"ambtelijke_fusie\" (classification.toml:"));

    const auto& a2 = row(d, r, "A2");
    CHECK(a2.kind == TaskKind::bedrijfsvoering);
    CHECK(starts_with(a2.kind_reason, "domain = \"belastingen\""));
    CHECK(a2.motive == Motive::kosten);
    CHECK(starts_with(a2.motive_reason, "domain = \"belastingen\""));

    const auto& a3 = row(d, r, "A3");
    CHECK(a3.kind == TaskKind::uitvoering);
    CHECK(starts_with(a3.kind_reason, "legal_basis lists \"Jeugdwet\""));
    CHECK(a3.motive == Motive::onbekend);
    CHECK(a3.motive_reason == "no rule matched");

    const auto& a4 = row(d, r, "A4");
    CHECK(a4.kind == TaskKind::beleid);
    CHECK(starts_with(a4.kind_reason, "name contains \"regio\""));
    CHECK(a4.motive == Motive::bestuurskracht);
    CHECK(starts_with(a4.motive_reason, "purpose contains \"belangenbehartiging\""));

    const auto& a5 = row(d, r, "A5");
    CHECK(a5.kind == TaskKind::uitvoering);
    CHECK(starts_with(a5.kind_reason, "name contains \"veiligheidsregio\""));

    const auto& a6 = row(d, r, "A6");
    CHECK(a6.kind == TaskKind::onbekend);
    CHECK(a6.motive == Motive::onbekend);

    const auto& a7 = row(d, r, "A7");
    CHECK(a7.kind == TaskKind::uitvoering);
    CHECK(starts_with(a7.kind_reason, "name contains \"jeugd\""));
    CHECK(a7.motive == Motive::kwaliteit);
    CHECK(starts_with(a7.motive_reason, "purpose contains \"kwalitatie\""));

    // Totals: kinds beleid 1 (A4), uitvoering 3 (A3 A5 A7), bedrijfsvoering 2 (A1 A2), onbekend 1 (A6).
    CHECK(r.by_kind[0] == 1);
    CHECK(r.by_kind[1] == 3);
    CHECK(r.by_kind[2] == 2);
    CHECK(r.by_kind[3] == 1);
    // Motives: kwetsbaarheid A1, kwaliteit A7, kosten A2, bestuurskracht A4, onbekend A3 A5 A6.
    CHECK(r.by_motive[0] == 1);
    CHECK(r.by_motive[1] == 1);
    CHECK(r.by_motive[2] == 1);
    CHECK(r.by_motive[3] == 0);
    CHECK(r.by_motive[4] == 1);
    CHECK(r.by_motive[5] == 3);
}

TEST_CASE("classify: each municipality's mix and the small ones relying on it for vulnerability", "[analysis][classify]") {
    const auto d = hand_dataset();
    const auto r = classify(d, shipped_rules());
    REQUIRE(r.municipalities.size() == 3);
    const auto& klein = r.municipalities[0];  // GM1: A1, A2 and the region R1 (not counted)
    CHECK(klein.arrangements == 2);
    CHECK(klein.by_kind[static_cast<std::size_t>(TaskKind::bedrijfsvoering)] == 2);
    CHECK(klein.by_motive[static_cast<std::size_t>(Motive::kwetsbaarheid)] == 1);
    CHECK(klein.by_motive[static_cast<std::size_t>(Motive::kosten)] == 1);
    CHECK(klein.small);
    CHECK(klein.relies_for_vulnerability);
    const auto& groot = r.municipalities[1];  // GM2: A1 only, 50,000 inhabitants
    CHECK(groot.arrangements == 1);
    CHECK_FALSE(groot.small);
    CHECK_FALSE(groot.relies_for_vulnerability);
    const auto& onbekend = r.municipalities[2];  // GM3: population unknown is never "small"
    CHECK(onbekend.arrangements == 1);
    CHECK_FALSE(onbekend.small);

    // A lower threshold makes GM1 not small either.
    auto rules = shipped_rules();
    rules.small_population = 10000;
    CHECK_FALSE(classify(d, rules).municipalities[0].small);

    const auto table = municipality_table(d, r);
    CHECK(table.rows.size() == 3);
    CHECK(std::get<bool>(table.rows[0][table.column_index("relies_for_vulnerability")]));
    const auto summary = summary_table(r);
    CHECK(summary.rows.size() == kTaskKinds + kMotives);
    CHECK(std::get<double>(summary.rows[1][summary.column_index("share")]) == Approx(3.0 / 7.0));
}

TEST_CASE("classify: a rules file of one's own replaces the table; first match wins", "[analysis][classify]") {
    const auto rules = parse_classification_rules(R"([thresholds]
small_population = 15000

[[kind]]
field = "purpose"
match = "Inkoop"
value = "bedrijfsvoering"
[[kind]]
field = "name"
match = "centrumregeling"
value = "beleid"

[[motive]]
field = "purpose"
match = "effici"
value = "kosten"
)",
                                                  "mine.toml");
    CHECK(rules.small_population == 15000);
    REQUIRE(rules.kind.size() == 2);
    CHECK(rules.kind[1].at == "mine.toml:8");  // the line of its [[kind]] header
    const auto d = hand_dataset();
    const auto r = classify(d, rules);
    const auto& a7 = row(d, r, "A7");
    CHECK(a7.kind == TaskKind::bedrijfsvoering);  // the purpose rule stands first
    CHECK(a7.kind_reason == "purpose contains \"Inkoop\" (mine.toml:4)");
    CHECK(a7.motive == Motive::kosten);
    CHECK(row(d, r, "A1").kind == TaskKind::onbekend);  // the shipped form rules are gone
    CHECK(r.municipalities[0].small);                   // 10,000 < 15,000 -> small
}

TEST_CASE("classify: rules file errors name file and line", "[analysis][classify]") {
    CHECK(error_of("[[kind]]\nfield = \"form\"\nmatch = \"x\"\nvalue = \"beleid\"\n[extra]\na = 1\n") ==
          "r.toml:5:1: unknown section 'extra'; expected [thresholds], [[kind]] or [[motive]]");
    CHECK(error_of("[[kind]]\nfield = \"form\"\nmatch = \"x\"\nvalue = \"beleid\"\nweight = 2\n") ==
          "r.toml:5:10: unknown key 'weight' in [[kind]]; expected field, match and value");
    CHECK(error_of("[[kind]]\nfield = \"doel\"\nmatch = \"x\"\nvalue = \"beleid\"\n") ==
          "r.toml:2:9: unknown field 'doel' in [[kind]]; expected form, domain, legal_basis, purpose, name");
    CHECK(error_of("[[kind]]\nfield = \"form\"\nmatch = \"x\"\nvalue = \"kosten\"\n") ==
          "r.toml:4:9: unknown kind of task 'kosten' in [[kind]]; expected beleid, uitvoering, bedrijfsvoering");
    CHECK(error_of("[[motive]]\nfield = \"form\"\nmatch = \"x\"\nvalue = \"onbekend\"\n") ==
          "r.toml:4:9: unknown motive 'onbekend' in [[motive]]; expected kwetsbaarheid, kwaliteit, kosten, "
          "kennisdeling, bestuurskracht");
    CHECK(error_of("[[motive]]\nfield = \"form\"\nvalue = \"kosten\"\n") ==
          "r.toml:1:1: [[motive]] rule without 'match'; every rule needs field, match and value");
    CHECK(error_of("[[kind]]\nfield = 3\nmatch = \"x\"\nvalue = \"beleid\"\n") ==
          "r.toml:2:9: 'field' must be a text in quotes");
    CHECK(error_of("[thresholds]\nsmall_population = -5\n") ==
          "r.toml:2:20: 'thresholds.small_population' must be a whole number >= 0");
    CHECK(error_of("[thresholds]\nsmal_population = 5\n") ==
          "r.toml:2:19: unknown key 'smal_population' in [thresholds]; expected small_population");
    CHECK(error_of("kind = \"beleid\"\n") ==
          "r.toml:1:8: 'kind' must be a list of rules ([[kind]] with field, match, value)");
    CHECK(error_of("[[kind]\n").rfind("r.toml:1:", 0) == 0);  // TOML syntax error
}

TEST_CASE("classify: the shipped rules parse and every rule can decide", "[analysis][classify]") {
    const auto rules = shipped_rules();
    CHECK(rules.small_population == 30000);
    CHECK(rules.kind.size() > 40);
    CHECK(rules.motive.size() > 20);
    // Every rule matches an arrangement made to fit it: no rule is dead text.
    for (const auto* list : {&rules.kind, &rules.motive})
        for (const auto& rule : *list) {
            Arrangement a;
            switch (rule.field) {
                case RuleField::form: a.form = rule.match; break;
                case RuleField::domain: a.domain = rule.match; break;
                case RuleField::legal_basis: a.legal_basis = "Wgr; " + rule.match; break;
                case RuleField::purpose: a.purpose = "het doel is " + rule.match + "en"; break;
                case RuleField::name: a.name = "X " + rule.match; break;
            }
            CHECK(rule_matches(rule, a));
        }
}
