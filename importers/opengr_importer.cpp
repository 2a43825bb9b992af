#include "importers/opengr_importer.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>

#include "importers/csv_reader.hpp"
#include "importers/name_matching.hpp"
#include "importers/region_bodies.hpp"

namespace regionet {

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& s, std::string_view word) { return s.find(word) != std::string::npos; }
bool starts_with(const std::string& s, std::string_view word) { return s.rfind(word, 0) == 0; }
bool ends_with(const std::string& s, std::string_view word) {
    return s.size() >= word.size() && s.compare(s.size() - word.size(), word.size(), word) == 0;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

void append_source(Dataset& d, const std::string& source) {
    if (d.source.find(source) != std::string::npos) return;
    d.source += (d.source.empty() ? "" : "; ") + source;
}

struct Row {
    std::string participant;             // repaired, trimmed
    std::string arrangement;
    std::string province;                // the reporting province, repaired
    SourceLoc at;
};

// The dataset's municipalities by folded name and by folded name without qualifier.
struct Index {
    std::map<std::string, std::vector<std::string>> by_name;
    std::map<std::string, std::vector<std::string>> by_base;
    std::map<std::string, std::string> province;  // code -> province
    std::map<std::string, std::string> name;      // code -> name
};

Index index_municipalities(const Dataset& d) {
    Index ix;
    for (const auto& m : d.municipalities) {
        ix.by_name[names::fold(m.name)].push_back(m.code);
        ix.by_base[names::base_name(m.name)].push_back(m.code);
        ix.province[m.code] = names::province_name(m.province);
        ix.name[m.code] = m.name;
    }
    for (auto* map : {&ix.by_name, &ix.by_base})
        for (auto& [k, v] : *map) std::sort(v.begin(), v.end());
    return ix;
}

struct Resolved {
    std::string method;                  // as Match::method
    std::vector<std::string> codes;
    std::string note;
    bool ambiguous = false;              // several candidates: needs the arrangement's context
};

Resolved resolve(const std::string& name, const Index& ix, const std::string& file) {
    const auto f = names::fold(name);
    if (ends_with(f, "duitsland") || ends_with(f, "deutschland")) return {"none", {}, "", false};  // foreign
    if (auto it = ix.by_name.find(f); it != ix.by_name.end()) {
        if (it->second.size() == 1) {
            const bool same = ix.name.at(it->second[0]) == name;
            return {same ? "exact" : "normalised", it->second, "", false};
        }
        return {"", it->second, "", true};
    }
    if (const auto* alias = names::find_alias(f)) {
        Resolved r{std::string(alias->kind) == "successor" ? "successor" : "alias", {}, std::string(alias->note), false};
        for (auto target : alias->targets) {
            auto it = ix.by_name.find(names::fold(target));
            if (it == ix.by_name.end() || it->second.size() != 1)
                throw ImportError({file}, "alias table: '" + std::string(target) + "' (for '" + name +
                                              "') is not one municipality of the dataset");
            r.codes.push_back(it->second[0]);
        }
        return r;
    }
    // A municipality's name without its qualifier ("Hengelo" for "Hengelo (O)").
    const auto base = names::base_name(name);
    if (auto it = ix.by_base.find(base); it != ix.by_base.end()) {
        if (it->second.size() == 1)
            return {"suffix", it->second, "name without its qualifier: " + ix.name.at(it->second[0]), false};
        return {"", it->second, "", true};
    }
    return {"none", {}, "", false};
}

struct Key {
    std::string name;
    std::string method;
    std::vector<std::string> codes;
    std::string kind;
    std::string note;
    bool operator<(const Key& o) const {
        return std::tie(method, name, codes, kind, note) < std::tie(o.method, o.name, o.codes, o.kind, o.note);
    }
};

}  // namespace

namespace opengr {

bool is_opengr_header(std::string_view line) {
    if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    std::string s;
    for (char c : line)
        if (c != '"') s += c;
    return csv::lower_ascii(s).rfind("deelnemer,gemeenschappelijke regeling", 0) == 0;
}

std::map<std::string, std::string> read_codes(std::istream& in, const std::string& file) {
    csv::Reader reader(in, file, ',');
    const auto dsta = reader.require("DSTA_GR_naam");
    const auto cbs_name = reader.require("CBS_GR_naam");
    const auto cbs_code = reader.require("CBS_GR_code");
    std::map<std::string, std::string> codes;
    csv::Record r;
    while (reader.next(r)) {
        const auto code = csv::trim(r.fields[cbs_code]);
        if (code.empty()) continue;
        for (auto col : {dsta, cbs_name}) {
            const auto name = names::fold(r.fields[col]);
            if (!name.empty()) codes.emplace(name, code);
        }
    }
    return codes;
}

fs::path codes_beside(const fs::path& register_file) {
    return register_file.parent_path().parent_path() / "partial" / "gemeenschappelijke_regelingen.csv";
}

std::string participant_kind(std::string_view name, const std::vector<std::string>& arrangement_names) {
    const auto f = names::fold(name);
    if (ends_with(f, "duitsland") || ends_with(f, "deutschland")) return "foreign";
    if (starts_with(f, "provincie ")) return "province";
    for (auto w : {"waterschap", "wetterskip", "hoogheemraadschap", "hoogheermraadschap"})
        if (contains(f, w)) return "waterschap";
    if (f == "rijk" || starts_with(f, "ministerie") || starts_with(f, "rijks") || starts_with(f, "kamer van koophandel"))
        return "national";
    if (std::binary_search(arrangement_names.begin(), arrangement_names.end(), f)) return "joint_body";
    for (auto w : {"regio", "schap", "dienst", "stichting", " bv", " nv", "samenwerking", "gewest"})
        if (contains(f, w)) return "joint_body";
    return "unmatched";
}

std::string domain_of(std::string_view arrangement_name) {
    const auto f = " " + names::fold(arrangement_name) + " ";
    // First match wins; the order puts specific words before general ones.
    static const std::pair<const char*, std::vector<const char*>> table[] = {
        {"veiligheid", {"veiligheid", "brandweer", "ambulance", " rav ", "meldkamer", "crisis"}},
        {"gezondheid", {"ggd", "gezondheid", "jeugdgezondheid", "geneeskundige", "rdog"}},
        {"afval", {"afval", "reiniging", "reigingsdienst", "vuil", "stortplaats", "reinunie", "avalex", "avri", "rova",
                   "circulus", "blink"}},
        {"belastingen", {"belasting", " woz ", "heffing", "invordering", "cocensus"}},
        {"omgevingsdienst", {"omgevingsdienst", "uitvoeringsdienst", "utfieringstsjinst", "milieu", " rud ", "odra",
                             "odrn"}},
        {"water", {"waterschap", "riool", "waterzuivering", "grondwater", "slib", "muskusrat", "aqua"}},
        {"sociaal", {"werkvoorziening", "werkvoorzien", "sociale", "sociaal", "werk en inkomen", "werk inkomen",
                     "werkgelegenheid", " isd ", "wsw", "jeugd", "wmo", "stadsbank", "kredietbank", "schuld",
                     "participatie", "werkbedrijf", "werkleerbedrijf", "leerwerk", "re integratie", "werkzaak", "werkt",
                     "werksaam", "halte werk", "ferm werk", "drechtwerk", "arbeid", " swo "}},
        {"onderwijs", {"onderwijs", "leerplicht", "leerling", "school", "rmc", "educatie"}},
        {"cultuur", {"archief", "archivariaat", "muziekschool", "museum", "cultuur", "cultureel", "historisch", "erfgoed",
                     "archeologie", "bibliothe", "theater", "monumenten", "tresoar"}},
        {"recreatie", {"recreatie", "recreactie", "natuur", "plassenschap", "meerschap", "toerisme", " park ", "sportpark",
                       "landschap", "groen", "marrekrite"}},
        {"economie", {"bedrijventerrein", "bedrijvenpark", "bedrijvenschap", "bedrijfschap", "industrieschap",
                      "industrieterrein", "businesspark", "glastuinbouw", "tuinbouw", "economi", "haven", "seaports",
                      "luchthaven", "grondbank", "gebiedsontwikkeling", "gasdistributie"}},
        {"mobiliteit", {"vervoer", "verkeer", "mobiliteit", "bereikbaarheid", "wegschap", "parkeer", "nautisch"}},
        {"ict", {" ict ", "automatisering", "informatievoorziening", "digitale"}},
        {"bedrijfsvoering", {"werkorganisatie", "bedrijfsvoering", "combinatie", "organisatie", "belastingkantoor",
                             "shared service", " ssc ", "servicepunt", "servicebureau", "inkoop", "bestuursdienst",
                             "technisch bureau", "werkmaatschappij"}},
        {"bestuurlijk", {"regio", "stadsgewest", "samenwerking", "gemeenschappelijk orgaan", "euregio", "rekenkamer",
                         "ombudsman", "streekraad", "gemeenten", "overleg"}},
    };
    for (const auto& [domain, words] : table)
        for (const char* w : words)
            if (contains(f, w)) return domain;
    return "overig";
}

std::string form_of(std::string_view arrangement_name) {
    const auto f = names::fold(arrangement_name);
    if (contains(f, "gemeenschappelijk orgaan")) return "gr_gemeenschappelijk_orgaan";
    if (contains(f, "centrumregeling") || contains(f, "centrumgemeente")) return "gr_centrumgemeente";
    if (contains(f, "bedrijfsvoeringsorganisatie") || contains(f, "werkorganisatie") || ends_with(f, " organisatie") ||
        ends_with(f, " combinatie"))
        return "gr_bedrijfsvoeringsorganisatie";
    if (contains(f, "openbaar lichaam")) return "gr_openbaar_lichaam";
    if (starts_with(f, "cooperatie")) return "cooperatie";
    return "gemeenschappelijke_regeling";
}

Summary read_register(std::istream& in, const std::string& file, const std::map<std::string, std::string>& codes,
                      ModelBuilder& out, ImportReport& report, const ImportOptions& options) {
    csv::Reader reader(in, file, ',');
    report.files[file];
    const auto participant_col = reader.require("Deelnemer");
    const auto arrangement_col = reader.require("Gemeenschappelijke regeling");
    const auto province_col = reader.find("Provincie");
    if (out.dataset().municipalities.empty())
        throw ImportError({file}, "no municipalities to match the register's participants to; import the Regioatlas "
                                  "or a boundary file first (earlier on the same command line)");
    Summary summary;
    const auto ix = index_municipalities(out.dataset());

    // 1. Rows: repaired, trimmed; exact repeats of (participant, arrangement) collapsed.
    std::vector<Row> rows;
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::string> repair_examples;
    std::vector<std::string> duplicates;
    auto take = [&](const std::string& field) {
        auto fixed = names::repair_mojibake(field);
        if (!fixed) return csv::trim(field);
        ++summary.repaired_texts;
        if (repair_examples.size() < 3 && std::find(repair_examples.begin(), repair_examples.end(), "'" + csv::trim(field) + "' -> '" + csv::trim(*fixed) + "'") == repair_examples.end())
            repair_examples.push_back("'" + csv::trim(field) + "' -> '" + csv::trim(*fixed) + "'");
        return csv::trim(*fixed);
    };
    csv::Record r;
    while (reader.next(r)) {
        ++summary.rows;
        try {
            Row row;
            row.at = reader.at(r, participant_col);
            row.participant = take(r.fields[participant_col]);
            row.arrangement = take(r.fields[arrangement_col]);
            if (province_col) row.province = take(r.fields[*province_col]);
            if (row.participant.empty()) throw ImportError(row.at, "empty Deelnemer; expected a participant's name");
            if (row.arrangement.empty())
                throw ImportError(reader.at(r, arrangement_col), "empty Gemeenschappelijke regeling; expected a name");
            if (!seen.emplace(row.participant, row.arrangement).second) {
                ++summary.duplicate_rows;
                duplicates.push_back(std::to_string(row.at.line) + " ('" + row.participant + "' in '" + row.arrangement + "')");
                report.imported(file);
                continue;
            }
            rows.push_back(std::move(row));
        } catch (const ImportError& e) {
            report.skip(e, options);
        }
    }
    if (summary.repaired_texts)
        report.notice(file + ": repaired " + std::to_string(summary.repaired_texts) +
                      " fields mis-encoded as UTF-8 read as Latin-1, e.g. " + join(repair_examples, ", "));
    if (summary.duplicate_rows)
        report.notice(file + ": " + std::to_string(summary.duplicate_rows) +
                      " rows repeat a participant of the same arrangement (addresses may differ) and were collapsed: "
                      "lines " + join(duplicates, ", "));

    // 2. Arrangements, by name; their reporting provinces.
    std::map<std::string, std::vector<const Row*>> by_arrangement;
    std::map<std::string, std::vector<std::string>> reported_by;
    for (const auto& row : rows) {
        by_arrangement[row.arrangement].push_back(&row);
        auto& v = reported_by[row.arrangement];
        if (!row.province.empty() && std::find(v.begin(), v.end(), row.province) == v.end()) v.push_back(row.province);
    }
    std::vector<std::string> arrangement_names;
    for (const auto& [name, members] : by_arrangement) arrangement_names.push_back(names::fold(name));
    std::sort(arrangement_names.begin(), arrangement_names.end());

    auto& dataset = out.dataset();
    append_source(dataset, source);
    if (dataset.reference_date.empty()) dataset.reference_date = reference_date;

    std::set<std::string> used_codes;
    std::map<Key, std::size_t> outcomes;
    std::size_t collapsed_memberships = 0;
    std::map<std::string, std::size_t> collapsed_by_name;  // participant -> arrangements where it repeated a member
    for (const auto& [name, members] : by_arrangement) {
        // Id: the CBS GR code where the name is in the code list, else a slug.
        std::string id;
        if (auto it = codes.find(names::fold(name)); it != codes.end() && !used_codes.count(it->second)) {
            id = it->second;
            used_codes.insert(id);
            ++summary.coded_arrangements;
        } else {
            auto s = names::slug(name);
            if (s.size() > 60) {
                s.resize(60);
                while (!s.empty() && s.back() == '-') s.pop_back();
            }
            id = "gr:" + s;
            for (int k = 2; out.has_arrangement(id); ++k) id = "gr:" + s + "-" + std::to_string(k);
        }
        const auto& provinces = reported_by[name];
        if (provinces.size() > 1) {
            ++summary.merged_arrangements;
            report.notice(file + ": '" + name + "' reported by " + join(provinces, " and ") + ": merged into one arrangement");
        }
        try {
            Arrangement a;
            a.id = id;
            a.name = name;
            a.domain = domain_of(name);
            // Keyword tables: a guess, and reports say so; "overig" is no guess but unknown.
            a.domain_basis = a.domain == "overig" ? "none" : "name";
            a.form = form_of(name);
            // The register lists joint arrangements (stated); a finer legal shape is read from the name.
            if (a.form != "gemeenschappelijke_regeling") a.form_basis = "name";
            a.source = std::string(source) + (provinces.empty() ? "" : "; reported by " + join(provinces, ", "));
            a.reference_date = reference_date;
            out.add_arrangement(std::move(a), members.front()->at);
            ++summary.arrangements;
        } catch (const ImportError& e) {
            report.skip(e, options);
            continue;
        }

        // Participants: unambiguous ones first, then the ambiguous ones by context.
        std::vector<std::pair<const Row*, Resolved>> resolved;
        std::map<std::string, int> member_provinces;
        for (const Row* row : members) {
            auto res = resolve(row->participant, ix, file);
            if (!res.ambiguous)
                for (const auto& c : res.codes) ++member_provinces[ix.province.at(c)];
            resolved.emplace_back(row, std::move(res));
        }
        // Direct matches first, so a membership that also came through an
        // alias ("Zeevang" beside "Edam-Volendam") collapses onto the direct one.
        std::stable_sort(resolved.begin(), resolved.end(), [](const auto& x, const auto& y) {
            auto direct = [](const Resolved& z) { return z.method == "exact" || z.method == "normalised"; };
            return direct(x.second) && !direct(y.second);
        });
        std::set<std::string> participant_names;
        for (auto& [row, res] : resolved) {
            if (res.ambiguous) {
                const auto reporter = names::province_name(row->province);
                std::vector<std::string> fit;
                for (const auto& c : res.codes)
                    if (!reporter.empty() && ix.province.at(c) == reporter) fit.push_back(c);
                if (fit.size() == 1) {
                    res = {"context", fit, "the one in the reporting province " + reporter, false};
                } else {
                    int best = 0;
                    std::vector<std::string> best_codes;
                    for (const auto& c : res.codes) {
                        const int n = member_provinces[ix.province.at(c)];
                        if (n > best) best = n, best_codes = {c};
                        else if (n == best && n > 0) best_codes.push_back(c);
                    }
                    if (best_codes.size() == 1)
                        res = {"context", best_codes,
                               "the one in the province of most other members (" + ix.province.at(best_codes[0]) + ")",
                               false};
                    else
                        res = {"none", {}, "ambiguous: " + join(res.codes, ", "), false};
                }
            }
            Key key{row->participant, res.method, res.codes, "municipality", res.note};
            try {
                if (res.codes.empty()) {
                    key.kind = participant_kind(row->participant, arrangement_names);
                    if (key.kind != "unmatched") key.note.clear();
                    if (participant_names.insert(row->participant).second)
                        out.add_participant({id, row->participant, key.kind}, row->at);
                } else {
                    for (const auto& code : res.codes) {
                        if (out.has_membership(id, code)) {
                            ++collapsed_memberships;
                            ++collapsed_by_name[row->participant];
                            continue;
                        }
                        Membership m;
                        m.arrangement_id = id;
                        m.municipality_code = code;
                        if (res.method != "exact" && res.method != "normalised")
                            m.note = "listed as '" + row->participant + "'" + (res.note.empty() ? "" : ": " + res.note);
                        out.add_membership(std::move(m), row->at);
                    }
                }
                ++outcomes[key];
                report.imported(file);
            } catch (const ImportError& e) {
                report.skip(e, options);
            }
        }
    }

    // 3. What matched how.
    std::map<std::string, std::size_t> rows_by_method;
    std::map<std::string, std::size_t> rows_by_kind;
    std::vector<std::string> unmatched;
    for (const auto& [key, n] : outcomes) {
        summary.matches.push_back({key.name, n, key.method, key.codes, key.kind, key.note});
        if (key.kind == "municipality") rows_by_method[key.method] += n;
        else rows_by_kind[key.kind] += n;
        if (key.kind == "unmatched") unmatched.push_back("'" + key.name + "' (" + std::to_string(n) + ")");
        if (key.kind == "municipality" && key.method != "exact" && key.method != "normalised") {
            std::vector<std::string> targets;
            for (const auto& c : key.codes) targets.push_back(ix.name.at(c) + " (" + c + ")");
            report.notice(file + ": '" + key.name + "' (" + std::to_string(n) + (n == 1 ? " row" : " rows") + ") -> " +
                          join(targets, " and ") + " [" + key.method + (key.note.empty() ? "" : ": " + key.note) + "]");
        }
    }
    std::string methods, kinds;
    for (const auto& [m, n] : rows_by_method) methods += (methods.empty() ? "" : ", ") + m + " " + std::to_string(n);
    for (const auto& [k, n] : rows_by_kind) kinds += (kinds.empty() ? "" : ", ") + k + " " + std::to_string(n);
    report.notice(file + ": " + std::to_string(summary.arrangements) + " arrangements (" +
                  std::to_string(summary.coded_arrangements) + " with a CBS GR code); participant rows matched to a "
                  "municipality by " + methods + "; kept as other participants: " + kinds +
                  (collapsed_memberships ? "; " + std::to_string(collapsed_memberships) + " repeated memberships collapsed" : ""));
    if (collapsed_memberships) {
        std::vector<std::string> by_name;
        for (const auto& [n, k] : collapsed_by_name) by_name.push_back("'" + n + "' (" + std::to_string(k) + ")");
        report.notice(file + ": " + std::to_string(collapsed_memberships) +
                      " rows name a municipality already listed in the same arrangement (a former municipality beside "
                      "its successor, a short name beside the full one); one membership kept: " + join(by_name, ", "));
    }
    if (!unmatched.empty())
        report.notice(file + ": " + std::to_string(unmatched.size()) +
                      " participant names matched no municipality and no known kind (kept, kind 'unmatched'): " +
                      join(unmatched, ", "));
    return summary;
}

}  // namespace opengr

bool OpenGrImporter::accepts(const fs::path& input) const {
    if (!fs::is_regular_file(input)) return false;
    std::ifstream in(input, std::ios::binary);
    std::string line;
    std::getline(in, line);
    return opengr::is_opengr_header(line);
}

void OpenGrImporter::read(const fs::path& input, ModelBuilder& out, ImportReport& report,
                          const ImportOptions& options) const {
    std::map<std::string, std::string> codes;
    const auto code_file = opengr::codes_beside(input);
    if (fs::is_regular_file(code_file)) {
        std::ifstream cin(code_file, std::ios::binary);
        if (!cin) throw ImportError({code_file.string()}, "cannot open for reading");
        codes = opengr::read_codes(cin, code_file.string());
        report.files[code_file.string()].imported = codes.size();
    } else {
        report.notice(input.string() + ": no " + code_file.string() + " beside it; arrangement ids are generated");
    }
    std::ifstream in(input, std::ios::binary);
    if (!in) throw ImportError({input.string()}, "cannot open for reading");
    opengr::read_register(in, input.string(), codes, out, report, options);
    // Bodies of regions, second registrations, ended bodies (importers/region_bodies.hpp).
    infer_register_facts(out.dataset(), report, input.string(), std::stoi(opengr::reference_date));
}

}  // namespace regionet
