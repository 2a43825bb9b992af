#pragma once
// Kind of task and main motive of every arrangement (issue 18, DOMAIN.md
// "Motives"): beleid / uitvoering / bedrijfsvoering, and kwetsbaarheid,
// kwaliteit, kosten, kennisdeling or bestuurskracht, decided by a table of
// rules (data/classification.toml) over form, domain, legal basis, name and
// the register's purpose text. The first matching rule decides; its field,
// text and line are the reason. Nothing matched: onbekend.
//
// Regions of divisions (non-empty `division`) are not classified: a region
// is the map on which cooperation happens, not cooperation itself.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

enum class TaskKind { beleid, uitvoering, bedrijfsvoering, onbekend };
enum class Motive { kwetsbaarheid, kwaliteit, kosten, kennisdeling, bestuurskracht, onbekend };
inline constexpr std::size_t kTaskKinds = 4;
inline constexpr std::size_t kMotives = 6;
std::string_view to_string(TaskKind k) noexcept;
std::string_view to_string(Motive m) noexcept;

enum class RuleField { form, domain, legal_basis, purpose, name };
std::string_view to_string(RuleField f) noexcept;

struct ClassificationRule {
    RuleField field = RuleField::domain;
    std::string match;                   // as written in the file
    std::size_t value = 0;               // TaskKind or Motive, as an index
    std::string at;                      // "classification.toml:42"
};

struct ClassificationRules {
    std::vector<ClassificationRule> kind;     // tried in order
    std::vector<ClassificationRule> motive;
    std::int64_t small_population = 30000;    // municipalities below this count as small
    std::string source;                       // file the rules came from
};

// Parses a rules file. Throws ImportError "source:line:column: ..." for a
// syntax error, an unknown section or key, a field or value outside the
// lists above, or a missing key.
ClassificationRules parse_classification_rules(std::string_view toml_text, const std::string& source);

// True when the rule matches the arrangement (see data/classification.toml
// for how each field matches).
bool rule_matches(const ClassificationRule& rule, const Arrangement& a);

struct ArrangementClass {
    std::size_t arrangement = 0;         // index into dataset.arrangements
    TaskKind kind = TaskKind::onbekend;
    Motive motive = Motive::onbekend;
    std::string kind_reason;             // 'domain = "belastingen" (classification.toml:57)' or "no rule matched"
    std::string motive_reason;
};

struct MunicipalityMix {
    std::size_t municipality = 0;        // index into dataset.municipalities
    std::size_t arrangements = 0;        // classified arrangements it takes part in
    std::size_t by_kind[kTaskKinds] = {};
    std::size_t by_motive[kMotives] = {};
    bool small = false;                  // population known and below rules.small_population
    // Small and in at least one arrangement whose motive is kwetsbaarheid.
    bool relies_for_vulnerability = false;
};

struct ClassifyResult {
    std::vector<ArrangementClass> arrangements;   // ordinary arrangements, in dataset order (by id)
    std::vector<MunicipalityMix> municipalities;  // every municipality, in dataset order (by code)
    std::size_t by_kind[kTaskKinds] = {};
    std::size_t by_motive[kMotives] = {};
    std::int64_t small_population = 0;           // the threshold used
};

ClassifyResult classify(const Dataset& dataset, const ClassificationRules& rules);

// "classify": id, name, form, domain, kind, kind_reason, motive, motive_reason.
Table arrangement_table(const Dataset& dataset, const ClassifyResult& result);
// "classify_municipality": code, name, population, small, arrangements, one
// column per kind and per motive (counts), relies_for_vulnerability.
Table municipality_table(const Dataset& dataset, const ClassifyResult& result);
// "classify_summary": dimension (kind|motive), value, arrangements, share.
Table summary_table(const ClassifyResult& result);

}  // namespace regionet::analysis
