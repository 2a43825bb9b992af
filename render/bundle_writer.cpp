#include "render/bundle_writer.hpp"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "model/error.hpp"
#include "render/table_writer.hpp"

namespace regionet::render {

namespace {

std::string text(const std::string& s) {
    // Bundle text: quoted when needed; formula starters guarded reversibly.
    const bool guard = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                      (s[0] == '\'' && s.size() > 1 &&
                                       (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\'')));
    return csv_escape(guard ? "'" + s : s);
}

template <class T>
std::string num(const std::optional<T>& v) {
    if (!v) return "";
    if constexpr (std::is_floating_point_v<T>) return exact_number(*v);
    else return std::to_string(*v);
}

class Csv {
public:
    explicit Csv(const std::vector<std::string>& header) {
        bool first = true;
        for (const auto& h : header) {
            m_out << (first ? "" : ",") << h;
            first = false;
        }
        m_out << "\n";
    }
    Csv& operator<<(const std::string& field) {
        m_out << (m_first ? "" : ",") << field;
        m_first = false;
        return *this;
    }
    void end() {
        m_out << "\n";
        m_first = true;
    }
    std::string str() const { return m_out.str(); }

private:
    std::ostringstream m_out;
    bool m_first = true;
};

}  // namespace

std::string exact_number(double v) {
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, p) : std::string();
}

std::map<std::string, std::string> bundle_files(const Dataset& d) {
    std::map<std::string, std::string> files;
    Csv info({"name", "source", "reference_date"});
    info << text(d.name) << text(d.source) << text(d.reference_date);
    info.end();
    files["dataset.csv"] = info.str();

    Csv m({"code", "name", "province", "population", "lat", "lon", "area_km2"});
    for (const auto& x : d.municipalities) {
        m << text(x.code) << text(x.name) << text(x.province) << num(x.population) << num(x.lat) << num(x.lon)
          << num(x.area_km2);
        m.end();
    }
    files["municipalities.csv"] = m.str();

    // Register columns are written only when some arrangement has them, so
    // bundles without them export exactly as they were imported.
    const bool register_columns = std::any_of(d.arrangements.begin(), d.arrangements.end(), [](const Arrangement& x) {
        return !(x.legal_basis.empty() && x.purpose.empty() && x.registrar.empty() && x.body_of.empty() &&
                 x.duplicate_of.empty() && x.form_basis.empty() && x.domain_basis.empty());
    });
    std::vector<std::string> a_header{"id", "name", "domain", "form", "division", "start_year", "end_year", "host",
                                      "source", "reference_date", "inhabitants"};
    if (register_columns)
        a_header.insert(a_header.end(), {"legal_basis", "purpose", "registrar", "body_of", "duplicate_of", "form_basis",
                                         "domain_basis"});
    Csv a(a_header);
    for (const auto& x : d.arrangements) {
        a << text(x.id) << text(x.name) << text(x.domain) << text(x.form) << text(x.division) << num(x.start_year)
          << num(x.end_year) << text(x.host) << text(x.source) << text(x.reference_date) << num(x.inhabitants);
        if (register_columns)
            a << text(x.legal_basis) << text(x.purpose) << text(x.registrar) << text(x.body_of) << text(x.duplicate_of)
              << text(x.form_basis) << text(x.domain_basis);
        a.end();
    }
    files["arrangements.csv"] = a.str();

    const bool body_columns = std::any_of(d.memberships.begin(), d.memberships.end(), [](const Membership& x) {
        return !x.bodies.empty() || !x.cost_key.empty();
    });
    std::vector<std::string> s_header{"arrangement_id", "municipality_code", "role", "board_seats", "contribution_eur",
                                      "start_year", "end_year", "share", "note"};
    if (body_columns) s_header.insert(s_header.end(), {"bodies", "cost_key"});
    // Only registers with interrupted memberships (ROO) get the column; others stay as they were.
    const bool gap_column =
        std::any_of(d.memberships.begin(), d.memberships.end(), [](const Membership& x) { return !x.gaps.empty(); });
    if (gap_column) s_header.push_back("gaps");
    Csv s(s_header);
    for (const auto& x : d.memberships) {
        s << text(x.arrangement_id) << text(x.municipality_code) << std::string(to_string(x.role)) << num(x.board_seats)
          << num(x.contribution_eur) << num(x.start_year) << num(x.end_year) << num(x.share) << text(x.note);
        if (body_columns) s << text(x.bodies) << text(x.cost_key);
        if (gap_column) s << text(format_gaps(x.gaps));
        s.end();
    }
    files["memberships.csv"] = s.str();

    if (!d.participants.empty()) {
        Csv p({"arrangement_id", "name", "kind"});
        for (const auto& x : d.participants) {
            p << text(x.arrangement_id) << text(x.name) << text(x.kind);
            p.end();
        }
        files["participants.csv"] = p.str();
    }
    if (!d.neighbours.empty()) {
        Csv n({"a", "b", "border_km"});
        for (const auto& x : d.neighbours) {
            n << text(x.a) << text(x.b) << exact_number(x.border_km);
            n.end();
        }
        files["neighbours.csv"] = n.str();
    }
    if (!d.outlines.empty()) {
        Csv o({"owner", "wkt"});
        for (const auto& x : d.outlines) {
            o << text(x.owner) << text(x.wkt);
            o.end();
        }
        files["outlines.csv"] = o.str();
    }
    return files;
}

namespace {

struct FreeWriter {
    void operator()(xmlTextWriter* w) const noexcept { xmlFreeTextWriter(w); }
};
struct FreeBuffer {
    void operator()(xmlBuffer* b) const noexcept { xmlBufferFree(b); }
};

// libxml2 escapes text and attribute values; we only check return codes.
class Xml {
public:
    Xml() : m_buffer(xmlBufferCreate()) {
        if (!m_buffer) throw RenderError("graphml: out of memory");
        m_writer.reset(xmlNewTextWriterMemory(m_buffer.get(), 0));
        if (!m_writer) throw RenderError("graphml: cannot create XML writer");
        xmlTextWriterSetIndent(m_writer.get(), 1);
        xmlTextWriterSetIndentString(m_writer.get(), BAD_CAST "  ");
        ok(xmlTextWriterStartDocument(m_writer.get(), nullptr, "UTF-8", nullptr));
    }
    void start(const char* element) { ok(xmlTextWriterStartElement(m_writer.get(), BAD_CAST element)); }
    void attr(const char* name, const std::string& value) {
        ok(xmlTextWriterWriteAttribute(m_writer.get(), BAD_CAST name, BAD_CAST clean(value).c_str()));
    }
    void text(const std::string& value) { ok(xmlTextWriterWriteString(m_writer.get(), BAD_CAST clean(value).c_str())); }
    void end() { ok(xmlTextWriterEndElement(m_writer.get())); }
    std::string finish() {
        ok(xmlTextWriterEndDocument(m_writer.get()));
        m_writer.reset();
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(m_buffer.get())),
                           static_cast<std::size_t>(xmlBufferLength(m_buffer.get())));
    }

private:
    static void ok(int rc) {
        if (rc < 0) throw RenderError("graphml: XML writer failed");
    }
    // XML 1.0 cannot carry most control characters: replace them visibly.
    static std::string clean(const std::string& s) {
        std::string out;
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            out += (u < 0x20 && c != '\n' && c != '\t' && c != '\r') ? '?' : c;
        }
        return out;
    }
    std::unique_ptr<xmlBuffer, FreeBuffer> m_buffer;
    std::unique_ptr<xmlTextWriter, FreeWriter> m_writer;
};

}  // namespace

std::string graphml(const Dataset& d) {
    Xml x;
    x.start("graphml");
    x.attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
    struct Key {
        const char* id;
        const char* for_;
        const char* type;
    };
    const Key keys[] = {{"kind", "node", "string"},     {"label", "node", "string"},   {"province", "node", "string"},
                        {"population", "node", "long"}, {"lat", "node", "double"},     {"lon", "node", "double"},
                        {"domain", "node", "string"},   {"form", "node", "string"},    {"division", "node", "string"},
                        {"role", "edge", "string"},     {"board_seats", "edge", "int"}};
    for (const auto& k : keys) {
        x.start("key");
        x.attr("id", k.id);
        x.attr("for", k.for_);
        x.attr("attr.name", k.id);
        x.attr("attr.type", k.type);
        x.end();
    }
    x.start("graph");
    x.attr("id", d.name);
    x.attr("edgedefault", "undirected");
    auto data = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        x.start("data");
        x.attr("key", key);
        x.text(value);
        x.end();
    };
    for (const auto& m : d.municipalities) {
        x.start("node");
        x.attr("id", "m:" + m.code);
        data("kind", "municipality");
        data("label", m.name);
        data("province", m.province);
        data("population", num(m.population));
        data("lat", num(m.lat));
        data("lon", num(m.lon));
        x.end();
    }
    for (const auto& a : d.arrangements) {
        x.start("node");
        x.attr("id", "a:" + a.id);
        data("kind", "arrangement");
        data("label", a.name);
        data("domain", a.domain);
        data("form", a.form);
        data("division", a.division);
        x.end();
    }
    for (const auto& ms : d.memberships) {
        x.start("edge");
        x.attr("source", "m:" + ms.municipality_code);
        x.attr("target", "a:" + ms.arrangement_id);
        data("role", std::string(to_string(ms.role)));
        data("board_seats", num(ms.board_seats));
        x.end();
    }
    x.end();
    x.end();
    return x.finish();
}

}  // namespace regionet::render
