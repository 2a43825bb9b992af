#include "importers/roo_importer.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <toml++/toml.h>

#include "importers/name_matching.hpp"
#include "importers/region_bodies.hpp"
#include "importers/yaml_tree.hpp"

namespace regionet {

namespace fs = std::filesystem;

namespace {

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

SourceLoc at(const std::string& file, const yaml::Node& n) {
    const auto m = n.Mark();
    if (m.line < 0) return {file};
    return {file, static_cast<std::size_t>(m.line) + 1, static_cast<std::size_t>(m.column) + 1};
}

struct Date {
    int y = 0, m = 0, d = 0;
    bool operator<(const Date& o) const { return std::tie(y, m, d) < std::tie(o.y, o.m, o.d); }
    bool operator<=(const Date& o) const { return !(o < *this); }
    // Year of the last day in force when this is the first day no longer in force.
    int last_year() const { return (m == 1 && d == 1) ? y - 1 : y; }
    std::string str() const {
        char b[16];
        std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
        return b;
    }
};

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    Date d{std::atoi(std::string(s.substr(0, 4)).c_str()), std::atoi(std::string(s.substr(5, 2)).c_str()),
           std::atoi(std::string(s.substr(8, 2)).c_str())};
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > days[d.m - 1] || d.y < 1800 || d.y > 2200) return std::nullopt;
    return d;
}

// A scalar as text; "" when absent or null. A map or list where text is expected is an error.
std::string text(const yaml::Node& n, const std::string& key, const std::string& file) {
    const auto v = n[key];
    if (!v || v.IsNull()) return {};
    if (!v.IsScalar()) throw ImportError(at(file, v), "'" + key + "' must be a text value");
    return v.Scalar();
}

std::optional<Date> date(const yaml::Node& n, const std::string& key, const std::string& file) {
    const auto s = text(n, key, file);
    if (s.empty()) return std::nullopt;
    auto d = parse_date(s);
    if (!d) throw ImportError(at(file, n[key]), "'" + key + "' is '" + s + "'; expected a date YYYY-MM-DD");
    return d;
}

yaml::Node map_at(const yaml::Node& n, const std::string& key, const std::string& file) {
    const auto v = n[key];
    if (v && !v.IsNull() && !v.IsMap()) throw ImportError(at(file, v), "'" + key + "' must be a mapping");
    return v;
}

yaml::Node list_at(const yaml::Node& n, const std::string& key, const std::string& file) {
    const auto v = n[key];
    if (v && !v.IsNull() && !v.IsSequence()) throw ImportError(at(file, v), "'" + key + "' must be a list");
    return v;
}

// The file's tree (the caller keeps it while it reads the nodes), its root a mapping.
yaml::Document load_yaml(const fs::path& path, const std::string& file) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw ImportError({file}, "cannot open for reading");
    std::string content(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    if (!in.read(content.data(), static_cast<std::streamsize>(content.size())))
        throw ImportError({file}, "cannot read the file");
    yaml::Document doc;
    try {
        doc = yaml::Document::parse(content);
    } catch (const yaml::ParseError& e) {
        throw ImportError({file, static_cast<std::size_t>(e.at.line) + 1, static_cast<std::size_t>(e.at.column) + 1},
                          std::string("not YAML: ") + e.what());
    }
    if (!doc.root().IsMap()) throw ImportError({file, 1, 1}, "expected a YAML mapping (one organisation of the register)");
    return doc;
}

// ---- the register's municipalities ------------------------------------------

struct RegisterMunicipality {
    std::string code;                    // GM0501
    std::string name;                    // Brielle
    std::string slug_id;                 // org:gemeente-brielle
    std::string roo_id;
    std::optional<Date> valid_until;     // dissolved when set
    std::string successor_id;            // org:... when the register says
    std::set<std::string> places;
    std::optional<std::int64_t> inhabitants;
    std::optional<double> area_km2;
    std::string file;
};

struct Successor {
    std::string code;                    // current municipality
    std::string how;                     // why this one
};

struct Register {
    std::map<std::string, RegisterMunicipality> by_code;
    std::map<std::string, std::string> code_by_roo;
    std::map<std::string, std::string> code_by_slug;
    std::map<std::string, std::optional<Successor>> successors;  // memo, dissolved codes only
};

// nullopt for a municipality the register gives no CBS code (dissolved long ago: Bedum, ...).
std::optional<RegisterMunicipality> read_municipality(const fs::path& path, const std::string& file) {
    const auto tree = load_yaml(path, file);
    const auto doc = tree.root();
    RegisterMunicipality m;
    m.file = file;
    const auto ids = map_at(doc, "identifiers", file);
    if (!ids) throw ImportError(at(file, doc), "no 'identifiers'; expected identifiers.tooi with the CBS code");
    const auto tooi = text(ids, "tooi", file);
    if (tooi.empty()) return std::nullopt;
    const auto code = roo::municipality_code(tooi);
    if (!code)
        throw ImportError(at(file, ids["tooi"] ? ids["tooi"] : ids),
                          "identifiers.tooi is '" + tooi + "'; expected .../tooi/id/gemeente/gmNNNN");
    m.code = *code;
    m.roo_id = text(ids, "roo_id", file);
    m.slug_id = text(doc, "id", file);
    m.successor_id = text(doc, "successor_id", file);
    m.valid_until = date(doc, "valid_until", file);
    if (const auto names = list_at(doc, "names", file); names && names.size() > 0) {
        m.name = text(names[0], "abbr", file);
        if (m.name.empty()) {
            m.name = text(names[0], "value", file);
            if (m.name.rfind("Gemeente ", 0) == 0) m.name = m.name.substr(9);
        }
    }
    if (m.name.empty()) m.name = m.code;
    if (const auto geo = map_at(doc, "geography", file)) {
        if (const auto p = list_at(geo, "bevat_plaatsen", file))
            for (const auto& x : p)
                if (x.IsScalar()) m.places.insert(x.Scalar());
        const auto n = text(geo, "aantal_inwoners", file);
        if (!n.empty()) {
            char* end = nullptr;
            const auto v = std::strtoll(n.c_str(), &end, 10);
            if (*end == '\0' && v >= 0) m.inhabitants = v;
        }
        const auto a = text(geo, "oppervlakte_km2", file);
        if (!a.empty()) {
            char* end = nullptr;
            const auto v = std::strtod(a.c_str(), &end);
            if (*end == '\0' && v > 0) m.area_km2 = v;
        }
    }
    return m;
}

// The successor of a dissolved municipality, derived from the register: its
// successor_id (followed until a current one), else the current municipality
// that holds most of its places (more than half, and no other as many).
std::optional<Successor> successor_of(Register& reg, const std::string& code, int depth = 0) {
    if (auto it = reg.successors.find(code); it != reg.successors.end()) return it->second;
    const auto& m = reg.by_code.at(code);
    std::optional<Successor> out;
    if (!m.valid_until) {
        out = Successor{code, ""};
    } else if (!m.successor_id.empty() && reg.code_by_slug.count(m.successor_id) && depth < 20) {
        const auto next = reg.code_by_slug.at(m.successor_id);
        if (auto s = successor_of(reg, next, depth + 1))
            out = Successor{s->code, "successor_id " + m.successor_id + " in " + m.file};
    } else if (!m.places.empty()) {
        // The current municipality holding most of its places, when that is more
        // than half of them and no other holds as many (a split one has none).
        std::string best;
        std::size_t best_n = 0, ties = 0;
        for (const auto& [c, x] : reg.by_code) {
            if (x.valid_until) continue;
            std::size_t n = 0;
            for (const auto& p : m.places) n += x.places.count(p);
            if (n > best_n) best = c, best_n = n, ties = 1;
            else if (n == best_n && n > 0) ++ties;
        }
        if (ties == 1 && best_n * 2 > m.places.size())
            out = Successor{best, std::to_string(best_n) + " of its " + std::to_string(m.places.size()) + " places lie in " +
                                      reg.by_code.at(best).name + " per " + reg.by_code.at(best).file};
    }
    reg.successors[code] = out;
    return out;
}

// ---- arrangement versions ---------------------------------------------------

struct Part {
    std::string name;
    std::string roo_id;
    std::string tooi;
    std::optional<Date> joined;
    std::vector<std::string> bodies;
    std::string cost_key;
    SourceLoc loc;
    std::string owms;                    // the owms identifier, where given
};

struct Version {
    std::string file;                    // as shown to the user
    std::string stem;
    std::string roo_id;
    std::string name;
    std::string form;
    Date start;
    std::optional<Date> end;
    std::string previous, next;          // roo ids
    SourceLoc previous_loc, next_loc, loc;
    std::vector<Part> parts;
    std::vector<std::string> legal_bases;
    std::string purpose;
    std::string registrar_name, registrar_tooi;
};

struct BodyFile {
    std::string file;
    std::string name;
    std::string of_roo_id;
    SourceLoc loc;
};

struct Parsed {
    std::optional<Version> version;
    std::optional<BodyFile> body;
    std::string grouping;                // a file of neither kind (a category page): its name
    std::optional<ImportError> error;
};

Parsed parse_file(const fs::path& path, const std::string& file) {
    Parsed p;
    try {
        const auto tree = load_yaml(path, file);
        const auto doc = tree.root();
        std::string name;
        if (const auto names = list_at(doc, "names", file); names && names.size() > 0) name = text(names[0], "value", file);
        const auto meta = map_at(doc, "gr_meta", file);
        if (!meta) {
            if (const auto of = map_at(doc, "hoort_bij_gemeenschappelijke_regeling", file)) {
                const auto id = text(of, "roo_id", file);
                if (id.empty())
                    throw ImportError(at(file, of), "hoort_bij_gemeenschappelijke_regeling has no roo_id; expected the "
                                                    "roo_id of the arrangement this body executes");
                p.body = BodyFile{file, name.empty() ? fs::path(file).stem().string() : name, id, at(file, of)};
            } else if (doc["samenwerkingsvorm"] || doc["deelnemende_organisaties"] || doc["datum_inwerkingtreding"]) {
                throw ImportError(at(file, doc), "version without gr_meta: expected its fields under 'gr_meta:'");
            } else {
                p.grouping = name.empty() ? file : name;
            }
            return p;
        }
        Version v;
        v.file = file;
        v.stem = path.stem().string();
        v.loc = at(file, meta);
        const auto ids = map_at(doc, "identifiers", file);
        v.roo_id = ids ? text(ids, "roo_id", file) : "";
        if (v.roo_id.empty()) throw ImportError(at(file, doc), "no identifiers.roo_id; expected the register's id");
        v.name = name.empty() ? text(meta, "citeertitel", file) : name;
        if (v.name.empty()) throw ImportError(at(file, doc), "no name (names[0].value or gr_meta.citeertitel)");
        const auto vorm = map_at(meta, "samenwerkingsvorm", file);
        const auto afk = vorm ? text(vorm, "afkorting", file) : "";
        auto form = roo::form_of(afk);
        if (!form)
            throw ImportError(at(file, vorm ? vorm : meta), "samenwerkingsvorm.afkorting is '" + afk +
                                                                 "'; expected OL, BVO, GO or RZM");
        v.form = *form;
        auto start = date(meta, "datum_inwerkingtreding", file);
        if (!start) throw ImportError(at(file, meta), "no gr_meta.datum_inwerkingtreding; expected a date YYYY-MM-DD");
        v.start = *start;
        v.end = date(meta, "datum_uitwerkingtreding", file);
        if (v.end && *v.end < v.start)
            throw ImportError(at(file, meta["datum_uitwerkingtreding"]),
                              "datum_uitwerkingtreding " + v.end->str() + " lies before datum_inwerkingtreding " + v.start.str());
        if (const auto pv = map_at(meta, "previous_version", file)) v.previous = text(pv, "roo_id", file), v.previous_loc = at(file, pv);
        if (const auto nv = map_at(meta, "next_version", file)) v.next = text(nv, "roo_id", file), v.next_loc = at(file, nv);
        if (const auto lb = list_at(meta, "wettelijke_grondslagen", file))
            for (const auto& x : lb) {
                const auto t = x.IsMap() ? text(x, "opschrift", file) : (x.IsScalar() ? x.Scalar() : "");
                if (!t.empty() && std::find(v.legal_bases.begin(), v.legal_bases.end(), t) == v.legal_bases.end())
                    v.legal_bases.push_back(t);
            }
        v.purpose = text(meta, "doel", file);
        if (const auto b = map_at(meta, "bronhouder", file)) v.registrar_name = text(b, "naam", file), v.registrar_tooi = text(b, "tooi", file);
        if (const auto ps = list_at(meta, "deelnemende_organisaties", file))
            for (const auto& x : ps) {
                if (!x.IsMap()) throw ImportError(at(file, x), "a participant must be a mapping with naam, tooi, ...");
                Part part;
                part.loc = at(file, x);
                part.name = text(x, "naam", file);
                part.roo_id = text(x, "roo_id", file);
                part.tooi = text(x, "tooi", file);
                part.owms = text(x, "owms", file);
                if (part.name.empty()) throw ImportError(part.loc, "participant without naam");
                part.joined = date(x, "toetredings_datum", file);
                if (const auto bo = list_at(x, "bestuursorganen", file))
                    for (const auto& o : bo) {
                        const auto k = roo::body_key(o.IsMap() ? text(o, "naam", file) : (o.IsScalar() ? o.Scalar() : ""));
                        if (!k.empty() && std::find(part.bodies.begin(), part.bodies.end(), k) == part.bodies.end())
                            part.bodies.push_back(k);
                    }
                part.cost_key = text(x, "verdeelsleutel", file);
                v.parts.push_back(std::move(part));
            }
        p.version = std::move(v);
    } catch (const ImportError& e) {
        p.error = e;
    }
    return p;
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
    std::vector<fs::path> v;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml")) v.push_back(e.path());
    std::sort(v.begin(), v.end());
    return v;
}

// Runs task(0) ... task(count - 1) on up to four threads (yaml-cpp's scanner is the
// import's cost), each thread taking the next index when done, so one long file does
// not hold back a thread's share; task i writes only its own result.
template <class F>
void run_parallel(std::size_t count, F task) {
    const unsigned n = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < n; ++t)
        pool.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < count;) task(i);
        });
    for (auto& th : pool) th.join();
}

fs::path register_root(const fs::path& input) {
    auto p = input.lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    if (p.filename() == "gemeenschappelijke-regelingen") return p.parent_path();
    return p;
}

}  // namespace

namespace roo {

std::optional<std::string> municipality_code(std::string_view tooi) {
    const auto k = tooi.rfind("/gemeente/");
    if (k == std::string_view::npos) return std::nullopt;
    const auto c = tooi.substr(k + 10);
    if (c.size() != 6 || (c[0] != 'g' && c[0] != 'G') || (c[1] != 'm' && c[1] != 'M')) return std::nullopt;
    for (std::size_t i = 2; i < 6; ++i)
        if (c[i] < '0' || c[i] > '9') return std::nullopt;
    return "GM" + std::string(c.substr(2));
}

std::string body_key(std::string_view body_name) {
    const auto f = lower(body_name);
    if (f.empty()) return {};
    if (contains(f, "college van burgemeester")) return "college";
    if (f == "gemeenteraad" || f == "raad") return "raad";
    if (f == "burgemeester") return "burgemeester";
    std::string k;
    for (char c : f) k += (c == ' ' || c == '-') ? '_' : c;
    return k;                            // dagelijks_bestuur, gedeputeerde_staten, ...
}

std::string participant_kind(const std::vector<KindRule>& rules, std::string_view tooi, std::string_view owms,
                             std::string_view name) {
    const auto f = " " + names::fold(name) + " ";
    const char* identifier = !tooi.empty() ? "tooi" : !owms.empty() ? "owms" : "none";
    auto any = [](const std::vector<std::string>& ws, auto hit) { return ws.empty() || std::any_of(ws.begin(), ws.end(), hit); };
    for (const auto& r : rules) {
        if (!r.identifier.empty() && r.identifier != identifier) continue;
        if (!any(r.tooi, [&](const std::string& w) { return contains(tooi, w); })) continue;
        if (!any(r.owms, [&](const std::string& w) { return contains(owms, w); })) continue;
        if (!any(r.name, [&](const std::string& w) { return contains(f, " " + w + " "); })) continue;
        return r.kind;
    }
    return "other";
}

std::optional<std::string> form_of(std::string_view afkorting) {
    if (afkorting == "OL") return "gr_openbaar_lichaam";
    if (afkorting == "BVO") return "gr_bedrijfsvoeringsorganisatie";
    if (afkorting == "GO") return "gr_gemeenschappelijk_orgaan";
    if (afkorting == "RZM") return "gr_regeling_zonder_meer";
    return std::nullopt;
}

namespace {

// Calls each(table, item, loc) for every [[name]] table of a TOML rules file
// (loc turns a source region into file:line:column); a syntax error, another
// top-level key or an entry that is not a table is an ImportError.
template <class Each>
void for_each_rule_table(std::string_view text_in, const std::string& file, const std::string& name, Each each) {
    auto loc = [&](const toml::source_region& r) {
        return SourceLoc{file, static_cast<std::size_t>(r.begin.line), static_cast<std::size_t>(r.begin.column)};
    };
    toml::table doc;
    try {
        doc = toml::parse(text_in, file);
    } catch (const toml::parse_error& e) {
        throw ImportError(loc(e.source()), std::string(e.description()));
    }
    for (const auto& [k, node] : doc) {
        if (k.str() != name)
            throw ImportError(loc(node.source()), "unknown key '" + std::string(k.str()) + "'; expected [[" + name + "]]");
        const auto* arr = node.as_array();
        if (!arr) throw ImportError(loc(node.source()), "'" + name + "' must be an array of tables ([[" + name + "]])");
        for (const auto& item : *arr) {
            const auto* t = item.as_table();
            if (!t) throw ImportError(loc(item.source()), "each [[" + name + "]] must be a table");
            each(*t, item, loc);
        }
    }
}

}  // namespace

std::vector<DomainRule> parse_domains(std::string_view text_in, const std::string& file) {
    std::vector<DomainRule> rules;
    for_each_rule_table(text_in, file, "rule", [&](const toml::table& t, const toml::node& item, const auto& loc) {
        DomainRule r;
        for (const auto& [rk, rv] : t) {
            const std::string key(rk.str());
            if (key == "on" || key == "domain") {
                const auto* s = rv.as_string();
                if (!s || s->get().empty()) throw ImportError(loc(rv.source()), "'" + key + "' must be a non-empty text");
                (key == "on" ? r.on : r.domain) = s->get();
            } else if (key == "words") {
                const auto* a = rv.as_array();
                if (!a || a->empty()) throw ImportError(loc(rv.source()), "'words' must be a non-empty list of texts");
                for (const auto& w : *a) {
                    const auto* s = w.as_string();
                    if (!s || s->get().empty()) throw ImportError(loc(w.source()), "each word must be a non-empty text");
                    r.words.push_back(names::fold(s->get()));
                }
            } else {
                throw ImportError(loc(rv.source()), "unknown key '" + key + "'; expected on, domain, words");
            }
        }
        if (r.on != "legal_basis" && r.on != "name" && r.on != "purpose")
            throw ImportError(loc(item.source()), "'on' is '" + r.on + "'; expected legal_basis, name or purpose");
        if (r.domain.empty() || r.words.empty())
            throw ImportError(loc(item.source()), "a [[rule]] needs on, domain and words");
        rules.push_back(std::move(r));
    });
    if (rules.empty()) throw ImportError({file}, "no [[rule]]; expected at least one");
    return rules;
}

std::vector<KindRule> parse_kinds(std::string_view text_in, const std::string& file) {
    std::vector<KindRule> rules;
    for_each_rule_table(text_in, file, "kind", [&](const toml::table& t, const toml::node& item, const auto& loc) {
        KindRule r;
        for (const auto& [rk, rv] : t) {
            const std::string key(rk.str());
            if (key == "kind" || key == "identifier") {
                const auto* s = rv.as_string();
                if (!s || s->get().empty()) throw ImportError(loc(rv.source()), "'" + key + "' must be a non-empty text");
                (key == "kind" ? r.kind : r.identifier) = s->get();
                if (key == "identifier" && r.identifier != "none" && r.identifier != "owms" && r.identifier != "tooi")
                    throw ImportError(loc(rv.source()), "'identifier' is '" + r.identifier + "'; expected none, owms or tooi");
            } else if (key == "tooi" || key == "owms" || key == "name") {
                const auto* a = rv.as_array();
                if (!a || a->empty()) throw ImportError(loc(rv.source()), "'" + key + "' must be a non-empty list of texts");
                auto& into = key == "tooi" ? r.tooi : key == "owms" ? r.owms : r.name;
                for (const auto& w : *a) {
                    const auto* s = w.as_string();
                    if (!s || s->get().empty()) throw ImportError(loc(w.source()), "each entry must be a non-empty text");
                    into.push_back(key == "name" ? names::fold(s->get()) : s->get());
                }
            } else {
                throw ImportError(loc(rv.source()), "unknown key '" + key + "'; expected kind, tooi, owms, name, identifier");
            }
        }
        if (r.kind.empty()) throw ImportError(loc(item.source()), "a [[kind]] needs 'kind'");
        if (r.identifier.empty() && r.tooi.empty() && r.owms.empty() && r.name.empty())
            throw ImportError(loc(item.source()), "a [[kind]] needs a condition: tooi, owms, name or identifier");
        rules.push_back(std::move(r));
    });
    return rules;
}

namespace {

// A file of the embedded data folder: $REGIONET_DATA, else the one built in.
fs::path data_file(const char* name) {
    if (const char* env = std::getenv("REGIONET_DATA"); env && *env) return fs::path(env) / name;
    return fs::path(REGIONET_DATA_DIR) / name;
}

}  // namespace

fs::path default_kinds_file() { return data_file("roo_participants.toml"); }

fs::path default_domains_file() { return data_file("roo_domains.toml"); }

Domain domain_of(const std::vector<DomainRule>& rules, const std::vector<std::string>& legal_bases,
                 std::string_view name, std::string_view purpose) {
    std::vector<std::string> bases;
    for (const auto& b : legal_bases) bases.push_back(" " + names::fold(b) + " ");
    const auto n = " " + names::fold(name) + " ";
    const auto p = " " + names::fold(purpose) + " ";
    for (const char* on : {"legal_basis", "name", "purpose"})
        for (const auto& r : rules) {
            if (r.on != on) continue;
            for (const auto& w : r.words) {
                const bool hit = r.on == "legal_basis"
                                     ? std::any_of(bases.begin(), bases.end(), [&](const auto& b) { return contains(b, w); })
                                     : contains(r.on == "name" ? n : p, w);
                if (hit) return {r.domain, on};
            }
        }
    return {"overig", ""};
}

}  // namespace roo

bool RooImporter::accepts(const fs::path& input) const {
    if (!fs::is_directory(input)) return false;
    const auto root = register_root(input);
    return fs::is_directory(root / "gemeenschappelijke-regelingen");
}

void RooImporter::read(const fs::path& input, ModelBuilder& out, ImportReport& report, const ImportOptions& options) const {
    const auto root = register_root(input);
    const auto gr_dir = root / "gemeenschappelijke-regelingen";
    const auto gm_dir = root / "gemeenten";
    if (!fs::is_directory(gr_dir)) throw ImportError({input.string()}, "no gemeenschappelijke-regelingen/ folder");

    // 0. The domain table.
    const auto domains_file = options.roo_domains.empty() ? roo::default_domains_file() : options.roo_domains;
    std::vector<roo::DomainRule> rules;
    {
        std::ifstream in(domains_file, std::ios::binary);
        if (!in) throw ImportError({domains_file.string()}, "cannot open the domain table for reading");
        std::stringstream ss;
        ss << in.rdbuf();
        rules = roo::parse_domains(ss.str(), domains_file.string());
    }
    // The kinds of participants that are not municipalities.
    std::vector<roo::KindRule> kind_rules;
    {
        const auto kinds_file = roo::default_kinds_file();
        std::ifstream in(kinds_file, std::ios::binary);
        if (!in) throw ImportError({kinds_file.string()}, "cannot open the participant kind table for reading");
        std::stringstream ss;
        ss << in.rdbuf();
        kind_rules = roo::parse_kinds(ss.str(), kinds_file.string());
    }

    // Both folders' files are parsed first, in one pool: the municipalities' files
    // and the versions' files do not depend on each other, and one pool has one
    // barrier instead of two.
    const bool have_gm = fs::is_directory(gm_dir);
    const auto gm_files = have_gm ? yaml_files(gm_dir) : std::vector<fs::path>{};
    const auto files = yaml_files(gr_dir);
    struct ParsedMunicipality {
        std::optional<RegisterMunicipality> m;
        std::optional<ImportError> e;
    };
    std::vector<ParsedMunicipality> gm_parsed(gm_files.size());
    std::vector<Parsed> parsed(files.size());
    run_parallel(gm_files.size() + files.size(), [&](std::size_t i) {
        if (i >= gm_files.size()) {
            const auto& p = files[i - gm_files.size()];
            parsed[i - gm_files.size()] = parse_file(p, p.string());
            return;
        }
        const auto& p = gm_files[i];
        try {
            gm_parsed[i].m = read_municipality(p, p.string());
        } catch (const ImportError& e) {
            gm_parsed[i].e = e;
        }
    });

    // 1. The register's municipalities.
    Register reg;
    if (have_gm) {
        std::size_t uncoded = 0;
        for (std::size_t i = 0; i < gm_files.size(); ++i) {
            auto& r = gm_parsed[i];
            const auto file = gm_files[i].string();
            report.files[file];
            if (r.e) {
                report.skip(*r.e, options);
                continue;
            }
            if (!r.m) {
                ++uncoded;
                report.imported(file);
                continue;
            }
            auto& m = *r.m;
            if (reg.by_code.count(m.code)) {
                report.skip(ImportError({file}, "CBS code " + m.code + " also in " + reg.by_code.at(m.code).file), options);
                continue;
            }
            if (!m.roo_id.empty()) reg.code_by_roo[m.roo_id] = m.code;
            if (!m.slug_id.empty()) reg.code_by_slug[m.slug_id] = m.code;
            report.imported(file);
            reg.by_code.emplace(m.code, std::move(m));
        }
        if (uncoded)
            report.notice(gm_dir.string() + ": " + std::to_string(uncoded) +
                          " municipality files have no identifiers.tooi (no CBS code); no participant can name them");
    } else {
        report.notice(gm_dir.string() + ": not found; dissolved municipalities cannot be carried to successors");
    }
    auto& dataset = out.dataset();
    if (dataset.municipalities.empty()) {
        std::size_t n = 0;
        for (const auto& [code, m] : reg.by_code) {
            if (m.valid_until) continue;
            Municipality x;
            x.code = code;
            x.name = m.name;
            x.population = m.inhabitants;
            x.area_km2 = m.area_km2;
            out.add_municipality(std::move(x), {m.file});
            ++n;
        }
        report.notice(gm_dir.string() + ": " + std::to_string(n) +
                      " current municipalities taken from the register (no municipalities imported before it)");
    }
    if (dataset.source.find(roo::source) == std::string::npos)
        dataset.source += (dataset.source.empty() ? "" : "; ") + std::string(roo::source);
    if (dataset.reference_date.empty()) dataset.reference_date = "2026-05-16";

    // 2. Versions and bodies.
    std::vector<Version> versions;
    std::vector<BodyFile> bodies;
    std::vector<std::string> groupings;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto& p = parsed[i];
        report.files[files[i].string()];
        if (p.error) {
            report.skip(*p.error, options);
            continue;
        }
        if (p.version) versions.push_back(std::move(*p.version));
        else if (p.body) bodies.push_back(std::move(*p.body));
        else groupings.push_back(p.grouping), report.imported(files[i].string());
    }
    if (!groupings.empty())
        report.notice(gr_dir.string() + ": " + std::to_string(groupings.size()) +
                      " files are neither a version (gr_meta) nor an executing body (hoort_bij_gemeenschappelijke_regeling) "
                      "but groupings of the register's website; not arrangements: " + join(groupings, ", "));

    // 3. Chains. A version may be named by one previous_version link only (else a fork),
    //    and following the links must end (else a loop).
    std::map<std::string, std::size_t> by_roo;
    for (std::size_t i = 0; i < versions.size(); ++i) {
        if (by_roo.count(versions[i].roo_id)) {
            report.skip(ImportError(versions[i].loc, "roo_id " + versions[i].roo_id + " also in " +
                                                         versions[by_roo.at(versions[i].roo_id)].file),
                        options);
            continue;
        }
        by_roo[versions[i].roo_id] = i;
    }
    std::set<std::size_t> bad;             // versions skipped with --keep-going
    std::map<std::size_t, std::size_t> child;  // version -> next version
    std::map<std::size_t, std::size_t> parent;
    std::size_t dangling = 0;
    auto fname = [&](std::size_t k) { return fs::path(versions[k].file).filename().string(); };
    auto link = [&](std::size_t from, std::size_t to, const SourceLoc& loc) {
        if (from == to) throw ImportError(loc, "version " + versions[from].roo_id + " names itself as its previous or next "
                                               "version; expected a chain without loops");
        if (auto it = child.find(from); it != child.end() && it->second != to)
            throw ImportError(loc, "version chain forks: " + fname(from) + " is followed by both " + fname(it->second) +
                                       " and " + fname(to) + "; expected one next version");
        if (auto it = parent.find(to); it != parent.end() && it->second != from)
            throw ImportError(loc, "version chain forks: " + fname(to) + " follows both " + fname(it->second) + " and " +
                                       fname(from) + "; expected one previous version");
        child[from] = to;
        parent[to] = from;
    };
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        try {
            if (!v.previous.empty()) {
                if (auto it = by_roo.find(v.previous); it != by_roo.end()) link(it->second, i, v.previous_loc);
                else ++dangling;
            }
            if (!v.next.empty()) {
                if (auto it = by_roo.find(v.next); it != by_roo.end()) link(i, it->second, v.next_loc);
                else ++dangling;
            }
        } catch (const ImportError& e) {
            report.skip(e, options);
            bad.insert(i);
        }
    }
    if (dangling)
        report.notice(gr_dir.string() + ": " + std::to_string(dangling) +
                      " previous/next_version links name a roo_id not in the register; those chains start or end there");
    std::vector<std::vector<std::size_t>> chains;
    std::vector<bool> seen(versions.size(), false);
    for (std::size_t i = 0; i < versions.size(); ++i) {
        // A chain starts at a version without a previous one (or after a skipped one).
        if ((parent.count(i) && !bad.count(parent.at(i))) || bad.count(i)) continue;
        std::vector<std::size_t> c;
        for (std::size_t k = i;;) {
            if (seen[k]) break;
            seen[k] = true;
            c.push_back(k);
            auto it = child.find(k);
            if (it == child.end() || bad.count(it->second)) break;
            k = it->second;
        }
        chains.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < versions.size(); ++i)
        if (!seen[i] && !bad.count(i)) {
            // Every version of a loop has a parent, so no walk reached it.
            std::vector<std::size_t> loop{i};
            for (auto k = child.count(i) ? child.at(i) : i; k != i && loop.size() < versions.size(); k = child.at(k)) {
                loop.push_back(k);
                if (!child.count(k)) break;
            }
            std::vector<std::string> names;
            for (auto k : loop) names.push_back(fname(k)), seen[k] = true, bad.insert(k);
            const auto& v = versions[i];
            report.skip(ImportError(v.previous.empty() ? v.next_loc : v.previous_loc,
                                    "version chain loops: " + join(names, " -> ") + "; expected a first version"),
                        options);
        }

    // 4. Arrangements, memberships, participants.
    std::map<std::string, std::string> arrangement_by_version;  // roo id -> arrangement id
    std::map<std::string, std::size_t> carried_current;         // "GM0501 -> GM1992" -> current arrangements
    std::map<std::string, std::size_t> carried_history;
    std::map<std::string, std::string> carry_how;
    std::map<std::string, std::size_t> former_participants;     // dissolved without one successor
    std::map<std::string, std::size_t> kinds;
    std::map<std::string, std::size_t> domain_basis;
    std::size_t gaps = 0, memberships = 0, current = 0, cost_keys = 0;
    std::vector<std::string> gap_notes;

    // Resolves a participant to a dataset municipality: code, carried-from code, or nothing.
    struct Resolved {
        std::string code;                // dataset municipality ("" = not a municipality of the dataset)
        std::string from;                // dissolved code carried from
        std::string former;              // a dissolved municipality without one successor
    };
    auto resolve = [&](const Part& p) -> Resolved {
        std::optional<std::string> code = roo::municipality_code(p.tooi);
        if (!code && p.tooi.empty() && !p.roo_id.empty())
            if (auto it = reg.code_by_roo.find(p.roo_id); it != reg.code_by_roo.end()) code = it->second;
        if (!code) {
            if (contains(p.tooi, "/gemeente/"))
                throw ImportError(p.loc, "tooi '" + p.tooi + "' names no CBS code; expected .../gemeente/gmNNNN");
            return {};
        }
        if (out.has_municipality(*code)) return {*code, "", ""};
        auto it = reg.by_code.find(*code);
        if (it == reg.by_code.end() || !it->second.valid_until)
            throw ImportError(p.loc, "participant code " + *code + " ('" + p.name +
                                         "') names no municipality of the chosen municipalities" +
                                         (it == reg.by_code.end() ? " nor of the register's gemeenten/" : ""));
        auto s = successor_of(reg, *code);
        if (!s) return {"", *code, it->second.name};
        if (!out.has_municipality(s->code))
            throw ImportError(p.loc, "participant code " + *code + " ('" + p.name + "') was dissolved; its successor " +
                                         s->code + " is no municipality of the chosen municipalities");
        carry_how[*code + " " + it->second.name + " -> " + s->code + " " + reg.by_code.at(s->code).name] =
            s->how + "; dissolved " + it->second.valid_until->str();
        return {s->code, *code, ""};
    };

    for (const auto& chain : chains) {
        const auto& first = versions[chain.front()];
        const auto& last = versions[chain.back()];
        try {
            Arrangement a;
            a.id = "roo:" + last.stem;
            a.name = last.name;
            a.form = last.form;
            a.start_year = first.start.y;
            if (last.end) a.end_year = std::max(first.start.y, last.end->last_year());
            a.source = std::string(roo::source) + "; versions: " + std::to_string(chain.size());
            a.reference_date = last.start.str();
            a.legal_basis = join(last.legal_bases, "; ");
            a.purpose = last.purpose;
            if (auto c = roo::municipality_code(last.registrar_tooi)) {
                Part pseudo{last.registrar_name, "", last.registrar_tooi, {}, {}, {}, last.loc, {}};
                try {
                    auto r = resolve(pseudo);
                    a.registrar = r.code.empty() ? last.registrar_name : r.code;
                } catch (const ImportError&) {
                    a.registrar = last.registrar_name;
                }
            } else {
                a.registrar = last.registrar_name;
            }
            const auto d = roo::domain_of(rules, last.legal_bases, last.name, last.purpose);
            a.domain = d.domain;
            a.domain_basis = d.basis.empty() ? "none" : d.basis;
            ++domain_basis[a.domain == "overig" ? "overig" : d.basis];

            // Memberships: presence per version, runs of consecutive versions.
            struct Presence {
                bool own = false;
                std::optional<Date> joined_own, joined_carried;
                std::set<std::string> from;
                const Part* part = nullptr;  // latest entry (own preferred)
            };
            std::vector<std::map<std::string, Presence>> present(chain.size());
            std::map<std::string, std::set<std::string>> others;  // non-municipal: name -> kinds
            std::map<std::string, SourceLoc> other_loc;
            for (std::size_t i = 0; i < chain.size(); ++i) {
                const auto& v = versions[chain[i]];
                for (const auto& p : v.parts) {
                    const auto r = resolve(p);
                    if (r.code.empty()) {
                        const auto kind = r.former.empty() ? roo::participant_kind(kind_rules, p.tooi, p.owms, p.name) : "former_municipality";
                        if (!r.former.empty()) ++former_participants[r.from + " " + r.former];
                        others[p.name].insert(kind);
                        other_loc.emplace(p.name, p.loc);
                        continue;
                    }
                    auto& x = present[i][r.code];
                    const auto joined = p.joined ? *p.joined : v.start;
                    if (r.from.empty()) {
                        x.own = true;
                        if (!x.joined_own || joined < *x.joined_own) x.joined_own = joined;
                        x.part = &p;
                    } else {
                        x.from.insert(r.from);
                        if (!x.joined_carried || joined < *x.joined_carried) x.joined_carried = joined;
                        if (!x.own) x.part = &p;
                        if (!v.end) ++carried_current[r.from + " " + reg.by_code.at(r.from).name + " -> " + r.code + " " +
                                                      reg.by_code.at(r.code).name];
                        else ++carried_history[r.from];
                    }
                }
            }
            out.add_arrangement(std::move(a), last.loc);
            const std::string id = "roo:" + last.stem;
            for (auto k : chain) arrangement_by_version[versions[k].roo_id] = id;
            if (!last.end) ++current;

            std::set<std::string> codes;
            for (const auto& m : present)
                for (const auto& [c, x] : m) codes.insert(c);
            for (const auto& code : codes) {
                std::vector<std::pair<std::size_t, std::size_t>> runs;
                std::optional<Date> own, carried;
                std::set<std::string> from;
                const Part* own_part = nullptr;
                const Part* any_part = nullptr;
                for (std::size_t i = 0; i < chain.size(); ++i) {
                    auto it = present[i].find(code);
                    if (it == present[i].end()) continue;
                    const auto& x = it->second;
                    if (!runs.empty() && runs.back().second + 1 == i) runs.back().second = i;
                    else runs.push_back({i, i});
                    if (x.joined_own && (!own || *x.joined_own < *own)) own = x.joined_own;
                    if (x.joined_carried && (!carried || *x.joined_carried < *carried)) carried = x.joined_carried;
                    from.insert(x.from.begin(), x.from.end());
                    if (x.own) own_part = x.part;
                    any_part = x.part;
                }
                const Part* part = own_part ? own_part : any_part;
                Membership m;
                m.arrangement_id = id;
                m.municipality_code = code;
                // The register's own joining date for this code wins; a successor
                // listed only through its predecessors takes theirs.
                m.start_year = own ? own->y : carried->y;
                const auto& lastv = versions[chain[runs.back().second]];
                if (runs.back().second + 1 < chain.size()) m.end_year = lastv.end ? lastv.end->last_year() : lastv.start.y;
                else if (lastv.end) m.end_year = lastv.end->last_year();
                if (m.end_year && *m.start_year > *m.end_year) m.start_year = m.end_year;  // joined on the day it ended
                std::vector<std::string> notes;
                if (!from.empty()) {
                    std::vector<std::string> f;
                    for (const auto& c : from) f.push_back(c + " " + reg.by_code.at(c).name);
                    notes.push_back(std::string(own ? "earlier versions list its predecessor(s) " : "carried from ") +
                                    join(f, ", ") + (own ? "" : " (dissolved; successor from the register)"));
                }
                if (runs.size() > 1) {
                    std::vector<std::string> missing;
                    for (std::size_t r = 1; r < runs.size(); ++r)
                        for (auto i = runs[r - 1].second + 1; i < runs[r].first; ++i)
                            missing.push_back(versions[chain[i]].stem);
                    notes.push_back("not listed in version(s) " + join(missing, ", "));
                    ++gaps;
                    gap_notes.push_back(code + " in " + id);
                    // The whole years between the last version of one run and the first of
                    // the next are years out of the arrangement (none when it rejoined the
                    // year after it was last listed).
                    for (std::size_t r = 1; r < runs.size(); ++r) {
                        const auto& before = versions[chain[runs[r - 1].second]];
                        const int out_from = (before.end ? before.end->last_year() : before.start.y) + 1;
                        const int out_to = versions[chain[runs[r].first]].start.y - 1;
                        if (out_from <= out_to && *m.start_year < out_from && (!m.end_year || out_to < *m.end_year))
                            m.gaps.emplace_back(out_from, out_to);
                    }
                }
                m.note = join(notes, "; ");
                if (part) {
                    m.bodies = join(part->bodies, ";");
                    m.cost_key = part->cost_key;
                    if (!m.cost_key.empty()) ++cost_keys;
                }
                out.add_membership(std::move(m), part ? part->loc : last.loc);
                ++memberships;
            }
            for (const auto& [name, ks] : others) {
                const auto kind = *ks.begin();
                ++kinds[kind];
                out.add_participant({id, name, kind}, other_loc.at(name));
            }
            for (auto k : chain) report.imported(versions[k].file);
        } catch (const ImportError& e) {
            report.skip(e, options);
        }
    }

    // 5. Executing bodies: their names go into the purpose of their arrangement.
    std::map<std::string, std::vector<std::string>> bodies_of;
    std::size_t orphan_bodies = 0;
    for (const auto& b : bodies) {
        auto it = arrangement_by_version.find(b.of_roo_id);
        if (it == arrangement_by_version.end()) {
            ++orphan_bodies;
            report.notice(b.file + ": executing body '" + b.name + "' of roo_id " + b.of_roo_id +
                          ", which is no arrangement version of the register (not attached)");
            report.imported(b.file);
            continue;
        }
        auto& v = bodies_of[it->second];
        if (std::find(v.begin(), v.end(), b.name) == v.end()) v.push_back(b.name);
        report.imported(b.file);
    }
    for (const auto& [id, names] : bodies_of) {
        auto* a = out.arrangement(id);
        a->purpose += std::string(a->purpose.empty() ? "" : " ") + "(uitvoering: " + join(names, "; ") + ")";
    }

    // 6. What happened.
    for (const auto& [what, n] : carried_current)
        report.notice("ROO: " + what + ": carried in " + std::to_string(n) + " current arrangement version(s) [" +
                      carry_how[what] + "]");
    if (!carried_history.empty()) {
        std::size_t n = 0;
        for (const auto& [c, k] : carried_history) n += k;
        report.notice("ROO: " + std::to_string(carried_history.size()) + " codes of dissolved municipalities in " +
                      std::to_string(n) + " entries of ended versions carried to their successors (see membership notes)");
    }
    if (!former_participants.empty()) {
        std::vector<std::string> v;
        for (const auto& [c, n] : former_participants) v.push_back(c + " (" + std::to_string(n) + ")");
        report.notice("ROO: dissolved municipalities without one successor in the register (split, or places not held "
                      "by one current municipality) kept as participants of kind former_municipality: " + join(v, ", "));
    }
    std::vector<std::string> kv;
    for (const auto& [k, n] : kinds) kv.push_back(k + " " + std::to_string(n));
    std::vector<std::string> dv;
    for (const auto& [k, n] : domain_basis) dv.push_back(k + " " + std::to_string(n));
    report.notice("ROO: " + std::to_string(versions.size()) + " versions in " + std::to_string(chains.size()) +
                  " arrangements (" + std::to_string(current) + " current), " + std::to_string(memberships) +
                  " memberships (" + std::to_string(cost_keys) + " with a cost key), " + std::to_string(bodies.size()) +
                  " executing bodies attached to " + std::to_string(bodies_of.size()) + " arrangements" +
                  (orphan_bodies ? " (" + std::to_string(orphan_bodies) + " not attached)" : "") +
                  "; other participants: " + join(kv, ", ") + "; domain decided by: " + join(dv, ", "));
    if (gaps)
        report.notice("ROO: " + std::to_string(gaps) + " memberships are missing from a version between two that list "
                      "them; kept as one membership with a note: " + join(gap_notes, ", "));

    // 7. Bodies of regions (importers/region_bodies.hpp, rule 1): imported onto
    // a bundle with the CBS divisions (scripts/build-nl-2026), the current
    // safety-region and GGD joint arrangements are linked to the region they
    // govern by their current members. The register dates its arrangements and
    // registers each body once, so the name rules for ended bodies and second
    // registrations do not apply.
    RegisterRules body_rules;
    body_rules.second_registrations = false;
    body_rules.ended_from_name = false;
    body_rules.current_members_only = true;
    infer_register_facts(dataset, report, "ROO", std::nullopt, body_rules);
}

}  // namespace regionet
