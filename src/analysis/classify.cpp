#include "analysis/classify.hpp"

#include <algorithm>
#include <filesystem>
#include <toml++/toml.h>

#include "model/error.hpp"

namespace regionet::analysis {

namespace {

constexpr std::string_view kKindNames[kTaskKinds] = {"beleid", "uitvoering", "bedrijfsvoering", "onbekend"};
constexpr std::string_view kMotiveNames[kMotives] = {"kwetsbaarheid", "kwaliteit",      "kosten",
                                                      "kennisdeling",  "bestuurskracht", "onbekend"};
constexpr std::string_view kFieldNames[] = {"form", "domain", "legal_basis", "purpose", "name"};

SourceLoc where(const std::string& source, const toml::source_region& region) {
    return SourceLoc{source, static_cast<std::size_t>(region.begin.line), static_cast<std::size_t>(region.begin.column)};
}

// ASCII lower case; the typographic apostrophe (U+2019, as the register writes
// "Wet veiligheidsregio’s") becomes a straight one.
std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\xe2\x80\x99") == 0) {
            out += '\'';
            i += 2;
            continue;
        }
        const char c = s[i];
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// A byte that continues a word: ASCII letters and digits, and every byte of
// a multi-byte UTF-8 character (ë, ï, â are letters in Dutch names).
bool word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
}

// needle (lower case) occurs in text (lower case) at the start of a word.
bool word_start_match(const std::string& text, const std::string& needle) {
    if (needle.empty()) return false;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        if (pos == 0 || !word_byte(text[pos - 1])) return true;
    return false;
}

std::string string_value(const toml::node& node, const std::string& key, const std::string& source) {
    const auto* s = node.as_string();
    if (!s) throw ImportError(where(source, node.source()), "'" + key + "' must be a text in quotes");
    if (trim(s->get()).empty()) throw ImportError(where(source, node.source()), "'" + key + "' must not be empty");
    return s->get();
}

template <std::size_t N>
std::string expected_list(const std::string_view (&names)[N], std::size_t count) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) s += (i ? ", " : "") + std::string(names[i]);
    return s;
}

void parse_rules(const toml::node& node, const std::string& section, const std::string& source,
                 std::vector<ClassificationRule>& out) {
    const auto* arr = node.as_array();
    if (!arr || !arr->is_array_of_tables())
        throw ImportError(where(source, node.source()),
                          "'" + section + "' must be a list of rules ([[" + section + "]] with field, match, value)");
    const bool is_kind = section == "kind";
    const std::string file = std::filesystem::path(source).filename().string();
    for (const auto& item : *arr) {
        const auto& t = *item.as_table();
        ClassificationRule rule;
        rule.at = file + ":" + std::to_string(t.source().begin.line);
        bool has_field = false, has_match = false, has_value = false;
        for (const auto& [k, v] : t) {
            const std::string key(k.str());
            if (key == "field") {
                const auto f = string_value(v, key, source);
                const auto it = std::find(std::begin(kFieldNames), std::end(kFieldNames), f);
                if (it == std::end(kFieldNames))
                    throw ImportError(where(source, v.source()),
                                      "unknown field '" + f + "' in [[" + section + "]]; expected " +
                                          expected_list(kFieldNames, std::size(kFieldNames)));
                rule.field = static_cast<RuleField>(it - std::begin(kFieldNames));
                has_field = true;
            } else if (key == "match") {
                rule.match = string_value(v, key, source);
                has_match = true;
            } else if (key == "value") {
                const auto value = string_value(v, key, source);
                // onbekend is what no rule gives; a rule must decide something.
                const std::size_t n = is_kind ? kTaskKinds - 1 : kMotives - 1;
                std::size_t i = 0;
                while (i < n && (is_kind ? kKindNames[i] : kMotiveNames[i]) != value) ++i;
                if (i == n)
                    throw ImportError(where(source, v.source()),
                                      "unknown " + std::string(is_kind ? "kind of task" : "motive") + " '" + value +
                                          "' in [[" + section + "]]; expected " +
                                          (is_kind ? expected_list(kKindNames, n) : expected_list(kMotiveNames, n)));
                rule.value = i;
                has_value = true;
            } else {
                throw ImportError(where(source, v.source()),
                                  "unknown key '" + key + "' in [[" + section + "]]; expected field, match and value");
            }
        }
        if (!has_field || !has_match || !has_value)
            throw ImportError(where(source, t.source()),
                              "[[" + section + "]] rule without '" +
                                  std::string(!has_field ? "field" : !has_match ? "match" : "value") +
                                  "'; every rule needs field, match and value");
        out.push_back(std::move(rule));
    }
}

std::string reason_of(const ClassificationRule& r) {
    std::string how = r.field == RuleField::form || r.field == RuleField::domain ? " = "
                      : r.field == RuleField::legal_basis                        ? " lists "
                                                                                 : " contains ";
    return std::string(to_string(r.field)) + how + "\"" + r.match + "\" (" + r.at + ")";
}

template <typename T>
std::size_t first_match(const std::vector<ClassificationRule>& rules, const Arrangement& a, std::string& reason) {
    for (const auto& r : rules)
        if (rule_matches(r, a)) {
            reason = reason_of(r);
            return r.value;
        }
    reason = "no rule matched";
    return static_cast<std::size_t>(T::onbekend);
}

}  // namespace

std::string_view to_string(TaskKind k) noexcept { return kKindNames[static_cast<std::size_t>(k)]; }
std::string_view to_string(Motive m) noexcept { return kMotiveNames[static_cast<std::size_t>(m)]; }
std::string_view to_string(RuleField f) noexcept { return kFieldNames[static_cast<std::size_t>(f)]; }

ClassificationRules parse_classification_rules(std::string_view text, const std::string& source) {
    toml::table doc;
    try {
        doc = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw ImportError(where(source, e.source()), std::string(e.description()));
    }
    ClassificationRules rules;
    rules.source = source;
    for (const auto& [k, node] : doc) {
        const std::string key(k.str());
        if (key == "kind" || key == "motive") {
            parse_rules(node, key, source, key == "kind" ? rules.kind : rules.motive);
        } else if (key == "thresholds") {
            const auto* t = node.as_table();
            if (!t) throw ImportError(where(source, node.source()), "'thresholds' must be a section ([thresholds])");
            for (const auto& [tk, tv] : *t) {
                const std::string name(tk.str());
                if (name != "small_population")
                    throw ImportError(where(source, tv.source()),
                                      "unknown key '" + name + "' in [thresholds]; expected small_population");
                const auto* i = tv.as_integer();
                if (!i || i->get() < 0)
                    throw ImportError(where(source, tv.source()),
                                      "'thresholds.small_population' must be a whole number >= 0");
                rules.small_population = i->get();
            }
        } else {
            throw ImportError(where(source, node.source()),
                              "unknown section '" + key + "'; expected [thresholds], [[kind]] or [[motive]]");
        }
    }
    return rules;
}

bool rule_matches(const ClassificationRule& rule, const Arrangement& a) {
    const auto needle = lower(trim(rule.match));
    switch (rule.field) {
        case RuleField::form: return lower(trim(a.form)) == needle;
        case RuleField::domain: return lower(trim(a.domain)) == needle;
        case RuleField::legal_basis: {
            std::string_view rest = a.legal_basis;
            while (!rest.empty()) {
                const auto cut = rest.find(';');
                if (lower(trim(rest.substr(0, cut))) == needle) return true;
                if (cut == std::string_view::npos) break;
                rest.remove_prefix(cut + 1);
            }
            return false;
        }
        case RuleField::purpose: return word_start_match(lower(a.purpose), needle);
        case RuleField::name: return word_start_match(lower(a.name), needle);
    }
    return false;
}

ClassifyResult classify(const Dataset& d, const ClassificationRules& rules) {
    ClassifyResult r;
    r.small_population = rules.small_population;
    std::vector<std::optional<std::size_t>> row_of(d.arrangements.size());
    for (std::size_t i = 0; i < d.arrangements.size(); ++i) {
        const auto& a = d.arrangements[i];
        if (a.is_region()) continue;
        ArrangementClass c;
        c.arrangement = i;
        c.kind = static_cast<TaskKind>(first_match<TaskKind>(rules.kind, a, c.kind_reason));
        c.motive = static_cast<Motive>(first_match<Motive>(rules.motive, a, c.motive_reason));
        ++r.by_kind[static_cast<std::size_t>(c.kind)];
        ++r.by_motive[static_cast<std::size_t>(c.motive)];
        row_of[i] = r.arrangements.size();
        r.arrangements.push_back(std::move(c));
    }
    r.municipalities.resize(d.municipalities.size());
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        auto& mix = r.municipalities[m];
        mix.municipality = m;
        const auto& pop = d.municipalities[m].population;
        mix.small = pop && *pop < rules.small_population;
        std::vector<std::size_t> seen;  // an arrangement counts once even with two memberships
        for (auto k : d.memberships_of_municipality()[m]) {
            const auto a = d.memberships[k].arrangement;
            if (!row_of[a] || std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
            seen.push_back(a);
            const auto& c = r.arrangements[*row_of[a]];
            ++mix.arrangements;
            ++mix.by_kind[static_cast<std::size_t>(c.kind)];
            ++mix.by_motive[static_cast<std::size_t>(c.motive)];
        }
        mix.relies_for_vulnerability = mix.small && mix.by_motive[static_cast<std::size_t>(Motive::kwetsbaarheid)] > 0;
    }
    return r;
}

Table arrangement_table(const Dataset& d, const ClassifyResult& r) {
    Table t;
    t.name = "classify";
    t.columns = {
        {"id", "arrangement id"},
        {"name", "arrangement name"},
        {"form", "form of cooperation"},
        {"domain", "domain"},
        {"kind", "kind of task: beleid, uitvoering, bedrijfsvoering or onbekend"},
        {"kind_reason", "the field and text of the rule that decided the kind, with its file and line"},
        {"motive", "main motive: kwetsbaarheid, kwaliteit, kosten, kennisdeling, bestuurskracht or onbekend"},
        {"motive_reason", "the field and text of the rule that decided the motive, with its file and line"},
    };
    for (const auto& c : r.arrangements) {
        const auto& a = d.arrangements[c.arrangement];
        t.rows.push_back({a.id, a.name, a.form, a.domain, std::string(to_string(c.kind)), c.kind_reason,
                          std::string(to_string(c.motive)), c.motive_reason});
    }
    return t;
}

Table municipality_table(const Dataset& d, const ClassifyResult& r) {
    Table t;
    t.name = "classify_municipality";
    t.columns = {{"code", "municipality code"},
                 {"name", "municipality name"},
                 {"population", "inhabitants (empty when unknown)"},
                 {"small", "population known and below the small_population threshold"},
                 {"arrangements", "classified arrangements it takes part in (regions of divisions not counted)"}};
    for (std::size_t k = 0; k < kTaskKinds; ++k)
        t.columns.push_back({"kind_" + std::string(kKindNames[k]), "arrangements of this kind of task"});
    for (std::size_t k = 0; k < kMotives; ++k)
        t.columns.push_back({"motive_" + std::string(kMotiveNames[k]), "arrangements with this main motive"});
    t.columns.push_back({"relies_for_vulnerability", "small and in at least one arrangement with motive kwetsbaarheid"});
    for (const auto& mix : r.municipalities) {
        const auto& m = d.municipalities[mix.municipality];
        std::vector<Cell> row{m.code, m.name, m.population ? Cell(*m.population) : Cell{}, mix.small,
                              static_cast<std::int64_t>(mix.arrangements)};
        for (auto n : mix.by_kind) row.emplace_back(static_cast<std::int64_t>(n));
        for (auto n : mix.by_motive) row.emplace_back(static_cast<std::int64_t>(n));
        row.emplace_back(mix.relies_for_vulnerability);
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table summary_table(const ClassifyResult& r) {
    Table t;
    t.name = "classify_summary";
    t.columns = {{"dimension", "kind or motive"},
                 {"value", "the kind of task or motive"},
                 {"arrangements", "classified arrangements with this value"},
                 {"share", "arrangements / all classified arrangements"}};
    const auto total = static_cast<double>(r.arrangements.size());
    auto share = [&](std::size_t n) { return total > 0 ? Cell(static_cast<double>(n) / total) : Cell{}; };
    for (std::size_t k = 0; k < kTaskKinds; ++k)
        t.rows.push_back({std::string("kind"), std::string(kKindNames[k]), static_cast<std::int64_t>(r.by_kind[k]),
                          share(r.by_kind[k])});
    for (std::size_t k = 0; k < kMotives; ++k)
        t.rows.push_back({std::string("motive"), std::string(kMotiveNames[k]),
                          static_cast<std::int64_t>(r.by_motive[k]), share(r.by_motive[k])});
    return t;
}

}  // namespace regionet::analysis
