#include "render/workbook_writer_lists.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "geo/zip.hpp"
#include "model/error.hpp"
#include "render/report_document.hpp"

namespace regionet::render {

namespace fs = std::filesystem;

namespace {

struct CloseZip {
    void operator()(void* zip) const noexcept { CPLCloseZip(zip); }
};
struct FreeStringList {
    void operator()(char** list) const noexcept { CSLDestroy(list); }
};
struct FreeXmlReader {
    void operator()(xmlTextReader* r) const noexcept { xmlFreeTextReader(r); }
};

std::string zip_path(const fs::path& zip, const std::string& member = {}) { return geo::vsizip_path(zip, member); }

std::string column_name(std::size_t column) {
    std::string s;
    for (; column > 0; column = (column - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (column - 1) % 26));
    return s;
}

class Package {
public:
    Package(fs::path in, fs::path out) : m_in(std::move(in)), m_out(std::move(out)) {}

    std::string read(const std::string& member) const {
        auto text = geo::read_zip_member(m_in, member);
        if (!text) fail("cannot read " + member + " of the workbook GDAL wrote");
        return std::move(*text);
    }

    // Sheet name -> package member of its XML (workbook.xml and its relationships).
    std::map<std::string, std::string> sheet_members() const {
        std::map<std::string, std::string> rel_of, target_of, out;
        each_element("xl/workbook.xml", [&](xmlTextReader* r, std::string_view name) {
            if (name == "sheet") rel_of[attr(r, "name")] = attr(r, "id");
        });
        each_element("xl/_rels/workbook.xml.rels", [&](xmlTextReader* r, std::string_view name) {
            if (name != "Relationship") return;
            auto target = attr(r, "Target");
            target_of[attr(r, "Id")] = !target.empty() && target[0] == '/' ? target.substr(1) : "xl/" + target;
        });
        for (const auto& [sheet, rel] : rel_of)
            if (auto t = target_of.find(rel); t != target_of.end()) out[sheet] = t->second;
        return out;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw RenderError(m_out.string() + ": cannot add drop-down lists: " + what);
    }

private:
    template <class F>
    void each_element(const std::string& member, F&& f) const {
        const auto text = read(member);
        std::unique_ptr<xmlTextReader, FreeXmlReader> r(
            xmlReaderForMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
        if (!r) fail("cannot parse " + member);
        int rc;
        while ((rc = xmlTextReaderRead(r.get())) == 1)
            if (xmlTextReaderNodeType(r.get()) == XML_READER_TYPE_ELEMENT) {
                const auto* n = xmlTextReaderConstLocalName(r.get());
                f(r.get(), std::string_view(n ? reinterpret_cast<const char*>(n) : ""));
            }
        if (rc < 0) fail("malformed XML in " + member);
    }
    static std::string attr(xmlTextReader* r, std::string_view local) {
        std::string value;
        if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
            do {
                const auto* n = xmlTextReaderConstLocalName(r);
                if (n && local == reinterpret_cast<const char*>(n)) {
                    const auto* v = xmlTextReaderConstValue(r);
                    value = v ? reinterpret_cast<const char*>(v) : "";
                    break;
                }
            } while (xmlTextReaderMoveToNextAttribute(r) == 1);
            xmlTextReaderMoveToElement(r);
        }
        return value;
    }

    fs::path m_in, m_out;
};

// The elements CT_Worksheet puts after <dataValidations>: it goes before the first of them.
constexpr const char* after_validations[] = {
    "<hyperlinks",   "<printOptions", "<pageMargins", "<pageSetup",    "<headerFooter",    "<rowBreaks",
    "<colBreaks",    "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing",
    "<legacyDrawing", "<picture",     "<oleObjects",  "<controls",     "<webPublishItems", "<tableParts",
    "<extLst",       "</worksheet>"};

std::string with_validations(std::string sheet, const std::string& validations, const Package& p,
                             const std::string& member) {
    if (sheet.find("<dataValidations") != std::string::npos) p.fail(member + " has drop-down lists already");
    auto data = sheet.find("</sheetData>");
    if (data != std::string::npos) data += 12;
    else if ((data = sheet.find("<sheetData/>")) != std::string::npos) data += 12;
    else p.fail(member + " has no <sheetData>");
    auto at = std::string::npos;
    for (const char* tag : after_validations) at = std::min(at, sheet.find(tag, data));
    if (at == std::string::npos) p.fail(member + " has no </worksheet>");
    sheet.insert(at, validations);
    return sheet;
}

}  // namespace

std::string data_validations_xml(const std::vector<DropDown>& lists) {
    std::string x = "<dataValidations count=\"" + std::to_string(lists.size()) + "\">";
    for (const auto& l : lists) {
        std::string inline_list;
        for (const auto& v : l.values) inline_list += (inline_list.empty() ? "" : ",") + v;
        const bool use_range = inline_list.size() > inline_list_limit && !l.range.empty();
        const auto col = column_name(l.column);
        x += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorStyle=\"";
        x += l.refuse_others ? "stop" : "warning";
        x += "\" errorTitle=\"Niet in de lijst\" error=\"" + report::html_escape(l.message) + "\" sqref=\"" + col + "2:" + col +
             "1048576\"><formula1>" + report::html_escape(use_range ? l.range : "\"" + inline_list + "\"") +
             "</formula1></dataValidation>";
    }
    return x + "</dataValidations>";
}

namespace {

struct FreeXmlDoc {
    void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};
struct FreeXmlChars {
    void operator()(xmlChar* c) const noexcept { xmlFree(c); }
};

constexpr const char* table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
// Rows below the data that carry the lists in an .ods (an ODF validation belongs to
// cells, not to a column): room for what a region adds by hand.
constexpr int ods_list_rows = 1000;

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST table_ns) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

std::size_t repeat(xmlNode* n, const char* attr) {
    std::unique_ptr<xmlChar, FreeXmlChars> v(xmlGetNsProp(n, BAD_CAST attr, BAD_CAST table_ns));
    if (!v) return 1;
    const auto count = std::strtoul(reinterpret_cast<const char*>(v.get()), nullptr, 10);
    return count == 0 ? 1 : count;
}

void set_repeat(xmlNode* n, xmlNs* ns, std::size_t count) {
    if (count <= 1) xmlUnsetNsProp(n, ns, BAD_CAST "number-columns-repeated");
    else xmlSetNsProp(n, ns, BAD_CAST "number-columns-repeated", BAD_CAST std::to_string(count).c_str());
}

// The cell of a row at 1-based column, split out of a repeated cell or added
// (empty) past the row's last cell.
xmlNode* cell_at(xmlNode* row, xmlNs* ns, std::size_t column) {
    std::size_t at = 1;
    xmlNode* last = nullptr;
    for (xmlNode* c = row->children; c; c = c->next) {
        if (!is(c, "table-cell") && !is(c, "covered-table-cell")) continue;
        last = c;
        const auto n = repeat(c, "number-columns-repeated");
        if (column < at + n) {
            if (n == 1) return c;
            // Split [at, at+n) into before, the cell itself, after.
            const auto before = column - at, after = at + n - 1 - column;
            if (before > 0) {
                xmlNode* b = xmlCopyNode(c, 1);
                set_repeat(b, ns, before);
                xmlAddPrevSibling(c, b);
            }
            if (after > 0) {
                xmlNode* a = xmlCopyNode(c, 1);
                set_repeat(a, ns, after);
                xmlAddNextSibling(c, a);
            }
            set_repeat(c, ns, 1);
            return c;
        }
        at += n;
    }
    xmlNode* c = nullptr;
    for (; at <= column; ++at) {
        c = xmlNewNode(ns, BAD_CAST "table-cell");
        if (last) xmlAddNextSibling(last, c);
        else xmlAddChild(row, c);
        last = c;
    }
    return c;
}

std::string list_condition(const std::vector<std::string>& values) {
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "\"" : ";\"") + v + "\"";
    return "of:cell-content-is-in-list(" + list + ")";
}

// content.xml with a table:content-validation per list, named on the column's
// cells from row 2 and on ods_list_rows rows below the data.
std::string ods_with_validations(const std::string& text, const std::vector<DropDown>& lists, const Package& p) {
    std::unique_ptr<xmlDoc, FreeXmlDoc> doc(
        xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc) p.fail("cannot parse content.xml");
    xmlNode* spreadsheet = nullptr;
    for (xmlNode* body = xmlDocGetRootElement(doc.get())->children; body && !spreadsheet; body = body->next)
        if (body->type == XML_ELEMENT_NODE && xmlStrEqual(body->name, BAD_CAST "body"))
            for (xmlNode* s = body->children; s; s = s->next)
                if (s->type == XML_ELEMENT_NODE && xmlStrEqual(s->name, BAD_CAST "spreadsheet")) spreadsheet = s;
    if (!spreadsheet) p.fail("content.xml has no office:spreadsheet");
    xmlNode* first_table = nullptr;
    for (xmlNode* t = spreadsheet->children; t && !first_table; t = t->next)
        if (is(t, "table")) first_table = t;
    if (!first_table) p.fail("content.xml has no table");
    xmlNs* ns = first_table->ns;
    xmlNs* text_space = xmlSearchNsByHref(doc.get(), first_table, BAD_CAST text_ns);
    if (!text_space) p.fail("content.xml has no text namespace");

    xmlNode* validations = xmlNewNode(ns, BAD_CAST "content-validations");
    xmlAddPrevSibling(first_table, validations);
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const auto& l = lists[i];
        const auto name = "lijst" + std::to_string(i + 1);
        xmlNode* v = xmlNewChild(validations, ns, BAD_CAST "content-validation", nullptr);
        xmlSetNsProp(v, ns, BAD_CAST "name", BAD_CAST name.c_str());
        xmlSetNsProp(v, ns, BAD_CAST "condition", BAD_CAST list_condition(l.values).c_str());
        xmlSetNsProp(v, ns, BAD_CAST "allow-empty-cell", BAD_CAST "true");
        xmlSetNsProp(v, ns, BAD_CAST "display-list", BAD_CAST "unsorted");
        xmlSetNsProp(v, ns, BAD_CAST "base-cell-address",
                     BAD_CAST(l.sheet + "." + column_name(l.column) + "2").c_str());
        xmlNode* e = xmlNewChild(v, ns, BAD_CAST "error-message", nullptr);
        xmlSetNsProp(e, ns, BAD_CAST "title", BAD_CAST "Niet in de lijst");
        xmlSetNsProp(e, ns, BAD_CAST "display", BAD_CAST "true");
        xmlSetNsProp(e, ns, BAD_CAST "message-type", BAD_CAST(l.refuse_others ? "stop" : "warning"));
        xmlNewTextChild(e, text_space, BAD_CAST "p", BAD_CAST l.message.c_str());

        xmlNode* table = nullptr;
        for (xmlNode* t = first_table; t && !table; t = t->next) {
            if (!is(t, "table")) continue;
            std::unique_ptr<xmlChar, FreeXmlChars> n(xmlGetNsProp(t, BAD_CAST "name", BAD_CAST table_ns));
            if (n && l.sheet == reinterpret_cast<const char*>(n.get())) table = t;
        }
        if (!table) p.fail("no sheet " + l.sheet + " in content.xml");
        std::size_t row = 0;
        xmlNode* last_row = nullptr;
        for (xmlNode* r = table->children; r; r = r->next) {
            if (!is(r, "table-row")) continue;
            last_row = r;
            row += repeat(r, "number-rows-repeated");
            if (row >= 2) xmlSetNsProp(cell_at(r, ns, l.column), ns, BAD_CAST "content-validation-name", BAD_CAST name.c_str());
        }
        // The rows below the data: one repeated row, shared by the sheet's lists.
        xmlNode* extra = last_row;
        if (!extra || !xmlHasNsProp(extra, BAD_CAST "number-rows-repeated", BAD_CAST table_ns) ||
            repeat(extra, "number-rows-repeated") != ods_list_rows) {
            extra = xmlNewNode(ns, BAD_CAST "table-row");
            xmlSetNsProp(extra, ns, BAD_CAST "number-rows-repeated", BAD_CAST std::to_string(ods_list_rows).c_str());
            if (last_row) xmlAddNextSibling(last_row, extra);
            else xmlAddChild(table, extra);
        }
        xmlSetNsProp(cell_at(extra, ns, l.column), ns, BAD_CAST "content-validation-name", BAD_CAST name.c_str());
    }
    xmlChar* raw = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc.get(), &raw, &size, "UTF-8");
    std::unique_ptr<xmlChar, FreeXmlChars> dumped(raw);
    if (!dumped) p.fail("cannot write content.xml");
    return std::string(reinterpret_cast<const char*>(dumped.get()), static_cast<std::size_t>(size));
}

}  // namespace

void add_drop_downs(const fs::path& in, const fs::path& out, const std::vector<DropDown>& lists) {
    Package package(in, out);
    const bool ods = in.extension() == ".ods";
    std::map<std::string, std::vector<DropDown>> by_member;
    if (ods) {
        by_member["content.xml"] = lists;
    } else {
        const auto members = package.sheet_members();
        for (const auto& l : lists) {
            auto m = members.find(l.sheet);
            if (m == members.end()) package.fail("no sheet " + l.sheet);
            by_member[m->second].push_back(l);
        }
    }
    std::unique_ptr<char*, FreeStringList> names(VSIReadDirRecursive(zip_path(in).c_str()));
    if (!names) package.fail("cannot list the workbook GDAL wrote");
    // Written with the zip writer behind /vsizip/ (CPLCreateZip), member by member in
    // their order: an .ods starts with its mimetype, which must stay uncompressed.
    std::unique_ptr<void, CloseZip> archive(CPLCreateZip(out.c_str(), nullptr));
    if (!archive) package.fail("cannot create " + out.string());
    for (char** name = names.get(); *name; ++name) {
        const std::string member = *name;
        VSIStatBufL st;
        if (VSIStatL(zip_path(in, member).c_str(), &st) != 0 || VSI_ISDIR(st.st_mode)) continue;
        auto text = package.read(member);
        if (auto v = by_member.find(member); v != by_member.end()) {
            text = ods ? ods_with_validations(text, v->second, package)
                       : with_validations(std::move(text), data_validations_xml(v->second), package, member);
            by_member.erase(v);
        }
        const char* stored[] = {"COMPRESSED=NO", nullptr};
        if (CPLCreateFileInZip(archive.get(), member.c_str(),
                               member == "mimetype" ? const_cast<char**>(stored) : nullptr) != CE_None)
            package.fail("cannot write " + member);
        bool written = true;
        for (std::size_t at = 0; at < text.size() && written; at += 1 << 20) {
            const auto n = std::min<std::size_t>(1 << 20, text.size() - at);
            written = CPLWriteFileInZip(archive.get(), text.data() + at, static_cast<int>(n)) == CE_None;
        }
        if (CPLCloseFileInZip(archive.get()) != CE_None || !written) package.fail("cannot write " + member);
    }
    if (!by_member.empty()) package.fail("no " + by_member.begin()->first + " in the workbook GDAL wrote");
    if (CPLCloseZip(archive.release()) != CE_None) package.fail("cannot finish " + out.string());
}

}  // namespace regionet::render
