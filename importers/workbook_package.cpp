#include "importers/workbook_package.hpp"

#include <libxml/xmlreader.h>

#include <memory>
#include <set>
#include <string_view>

#include "geo/zip.hpp"
#include "model/error.hpp"

namespace regionet::workbook {

namespace fs = std::filesystem;

namespace {

struct FreeXmlReader {
    void operator()(xmlTextReader* r) const noexcept { xmlFreeTextReader(r); }
};

// A forward-only walk over the elements of one package member (a sheet's XML
// can be large: no tree is built). Attributes are found by local name.
class Elements {
public:
    // The reader parses text in place: Elements keeps it.
    Elements(std::string text, std::string file, std::string member)
        : m_text(std::move(text)), m_file(std::move(file)), m_member(std::move(member)) {
        // No network, no entity expansion: the package is the user's file, not trusted.
        m_reader.reset(xmlReaderForMemory(m_text.data(), static_cast<int>(m_text.size()), nullptr, nullptr,
                                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
        if (!m_reader) fail("cannot parse");
        xmlTextReaderSetStructuredErrorHandler(m_reader.get(), &Elements::on_error, this);
    }
    // The next start tag in document order; false at the end.
    bool next() {
        for (;;) {
            const int rc = xmlTextReaderRead(m_reader.get());
            if (rc == 0) return false;
            if (rc < 0) fail("malformed XML" + (m_error.empty() ? std::string() : " (" + m_error + ")") + " in");
            if (xmlTextReaderNodeType(m_reader.get()) == XML_READER_TYPE_ELEMENT) return true;
        }
    }
    std::string_view name() const {
        const auto* n = xmlTextReaderConstLocalName(m_reader.get());
        return n ? reinterpret_cast<const char*>(n) : "";
    }
    std::string_view ns() const {
        const auto* n = xmlTextReaderConstNamespaceUri(m_reader.get());
        return n ? reinterpret_cast<const char*>(n) : "";
    }
    std::string attr(std::string_view local) const {
        std::string value;
        if (xmlTextReaderMoveToFirstAttribute(m_reader.get()) == 1) {
            do {
                const auto* n = xmlTextReaderConstLocalName(m_reader.get());
                if (n && local == reinterpret_cast<const char*>(n)) {
                    const auto* v = xmlTextReaderConstValue(m_reader.get());
                    value = v ? reinterpret_cast<const char*>(v) : "";
                    break;
                }
            } while (xmlTextReaderMoveToNextAttribute(m_reader.get()) == 1);
            xmlTextReaderMoveToElement(m_reader.get());
        }
        return value;
    }
    // A repeat or span count: 1 when absent or not a number (as spreadsheet programs read it).
    std::size_t count(std::string_view local) const {
        const auto v = attr(local);
        if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return 1;
        const auto n = std::stoul(v);
        return n == 0 ? 1 : n;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw ImportError({m_file}, what + " package member " + m_member +
                                        "; expected an .xlsx or .ods file saved by a spreadsheet program");
    }
    static void on_error(void* self, xmlErrorPtr e) {
        auto* me = static_cast<Elements*>(self);
        if (me->m_error.empty() && e && e->message) {
            me->m_error = "line " + std::to_string(e->line) + ": " + e->message;
            while (!me->m_error.empty() && me->m_error.back() == '\n') me->m_error.pop_back();
        }
    }

    std::string m_text;
    std::string m_file;
    std::string m_member;
    std::string m_error;
    std::unique_ptr<xmlTextReader, FreeXmlReader> m_reader;
};

bool parse_range(std::string_view ref, CellRange& range) {
    const auto colon = ref.find(':');
    if (colon == std::string_view::npos) return false;  // one cell: nothing merged
    return parse_cell_ref(ref.substr(0, colon), range.first_row, range.first_column) &&
           parse_cell_ref(ref.substr(colon + 1), range.last_row, range.last_column) &&
           range.first_row <= range.last_row && range.first_column <= range.last_column;
}

PackageLayout read_xlsx(const fs::path& file) {
    const auto f = file.string();
    // Sheet names and states in workbook order, each with its relationship id.
    struct Sheet {
        std::string name, state, rel;
    };
    std::vector<Sheet> sheets;
    {
        const std::string member = "xl/workbook.xml";
        Elements x(read_member(file, member), f, member);
        while (x.next())
            if (x.name() == "sheet") sheets.push_back({x.attr("name"), x.attr("state"), x.attr("id")});
    }
    std::map<std::string, std::string> targets;
    {
        const std::string member = "xl/_rels/workbook.xml.rels";
        Elements x(read_member(file, member), f, member);
        while (x.next())
            if (x.name() == "Relationship") {
                auto target = x.attr("Target");
                // Relative to xl/, or absolute within the package.
                target = !target.empty() && target[0] == '/' ? target.substr(1) : "xl/" + target;
                targets[x.attr("Id")] = target;
            }
    }
    PackageLayout layout;
    for (const auto& s : sheets) {
        auto& sheet = layout[s.name];
        sheet.hidden = s.state == "hidden" || s.state == "veryHidden";
        auto t = targets.find(s.rel);
        if (t == targets.end()) continue;  // a chart sheet or the like: GDAL reads no layer from it either
        Elements x(read_member(file, t->second), f, t->second);
        while (x.next()) {
            if (x.name() != "mergeCell") continue;
            CellRange range;
            if (parse_range(x.attr("ref"), range)) sheet.merged.push_back(range);
        }
    }
    return layout;
}

PackageLayout read_ods(const fs::path& file) {
    const std::string member = "content.xml";
    Elements x(read_member(file, member), file.string(), member);
    std::set<std::string> hidden_styles;  // table styles with table:display="false"
    std::string style;                    // the table style being read
    PackageLayout layout;
    SheetLayout* sheet = nullptr;
    std::size_t next_row = 1, row = 0, next_column = 1;
    const std::string_view table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    while (x.next()) {
        const auto n = x.name();
        if (n != "style" && n != "table-properties" && x.ns() != table_ns) continue;
        if (n == "style") {
            style = x.attr("family") == "table" ? x.attr("name") : std::string();
        } else if (n == "table-properties") {
            if (!style.empty() && x.attr("display") == "false") hidden_styles.insert(style);
        } else if (n == "table") {
            sheet = &layout[x.attr("name")];
            sheet->hidden = hidden_styles.count(x.attr("style-name")) > 0;
            next_row = 1;
        } else if (n == "table-row" && sheet) {
            row = next_row;
            next_row += x.count("number-rows-repeated");
            next_column = 1;
        } else if ((n == "table-cell" || n == "covered-table-cell") && sheet && row > 0) {
            const auto column = next_column;
            next_column += x.count("number-columns-repeated");
            if (n == "covered-table-cell") continue;
            const auto rows = x.count("number-rows-spanned"), columns = x.count("number-columns-spanned");
            if (rows > 1 || columns > 1)
                sheet->merged.push_back({row, column, row + rows - 1, column + columns - 1});
        }
    }
    return layout;
}

}  // namespace

bool parse_cell_ref(std::string_view ref, std::size_t& row, std::size_t& column) {
    std::size_t i = 0, c = 0, r = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    const auto letters = i;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i - letters < 3; ++i) c = c * 26 + (ref[i] - 'A' + 1);
    if (i == letters) return false;
    if (i < ref.size() && ref[i] == '$') ++i;
    const auto digits = i;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 7; ++i) r = r * 10 + (ref[i] - '0');
    if (i == digits || i != ref.size() || r == 0) return false;
    row = r;
    column = c;
    return true;
}

std::string read_member(const fs::path& file, const std::string& member) {
    if (auto text = geo::read_zip_member(file, member)) return std::move(*text);
    throw ImportError({file.string()}, "cannot read package member " + member +
                                           "; expected an .xlsx or .ods file saved by a spreadsheet program");
}

PackageLayout read_layout(const fs::path& file, const std::string& format) {
    return format == "ODS" ? read_ods(file) : read_xlsx(file);
}

}  // namespace regionet::workbook
