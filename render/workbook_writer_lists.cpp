#include "render/workbook_writer_lists.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <map>
#include <memory>

#include "model/error.hpp"

namespace regionet::render {

namespace fs = std::filesystem;

namespace {

struct CloseVsiFile {
    void operator()(VSILFILE* f) const noexcept { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, CloseVsiFile>;
struct FreeStringList {
    void operator()(char** list) const noexcept { CSLDestroy(list); }
};
struct FreeXmlReader {
    void operator()(xmlTextReader* r) const noexcept { xmlFreeTextReader(r); }
};

std::string zip_path(const fs::path& zip, const std::string& member = {}) {
    // The {} form keeps a file name holding ".zip" or "/" from being split there.
    return "/vsizip/{" + zip.string() + "}" + (member.empty() ? "" : "/" + member);
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string column_name(std::size_t column) {
    std::string s;
    for (; column > 0; column = (column - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (column - 1) % 26));
    return s;
}

class Package {
public:
    Package(fs::path in, fs::path out) : m_in(std::move(in)), m_out(std::move(out)) {}

    std::string read(const std::string& member) const {
        VsiFile f(VSIFOpenL(zip_path(m_in, member).c_str(), "rb"));
        if (!f) fail("cannot read " + member + " of the workbook GDAL wrote");
        std::string text;
        char buffer[1 << 16];
        for (;;) {
            const auto n = VSIFReadL(buffer, 1, sizeof buffer, f.get());
            text.append(buffer, n);
            if (n < sizeof buffer) break;
        }
        return text;
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
        x += "\" errorTitle=\"Niet in de lijst\" error=\"" + xml_escape(l.message) + "\" sqref=\"" + col + "2:" + col +
             "1048576\"><formula1>" + xml_escape(use_range ? l.range : "\"" + inline_list + "\"") +
             "</formula1></dataValidation>";
    }
    return x + "</dataValidations>";
}

void add_drop_downs(const fs::path& in, const fs::path& out, const std::vector<DropDown>& lists) {
    Package package(in, out);
    const auto members = package.sheet_members();
    std::map<std::string, std::vector<DropDown>> by_member;
    for (const auto& l : lists) {
        auto m = members.find(l.sheet);
        if (m == members.end()) package.fail("no sheet " + l.sheet);
        by_member[m->second].push_back(l);
    }
    std::unique_ptr<char*, FreeStringList> names(VSIReadDirRecursive(zip_path(in).c_str()));
    if (!names) package.fail("cannot list the workbook GDAL wrote");
    // The archive stays open while its members are written one after another.
    VsiFile archive(VSIFOpenL(zip_path(out).c_str(), "wb"));
    if (!archive) package.fail("cannot create " + out.string());
    for (char** name = names.get(); *name; ++name) {
        const std::string member = *name;
        VSIStatBufL st;
        if (VSIStatL(zip_path(in, member).c_str(), &st) != 0 || VSI_ISDIR(st.st_mode)) continue;
        auto text = package.read(member);
        if (auto v = by_member.find(member); v != by_member.end()) {
            text = with_validations(std::move(text), data_validations_xml(v->second), package, member);
            by_member.erase(v);
        }
        VsiFile f(VSIFOpenL(zip_path(out, member).c_str(), "wb"));
        if (!f) package.fail("cannot write " + member);
        if (VSIFWriteL(text.data(), 1, text.size(), f.get()) != text.size()) package.fail("cannot write " + member);
        if (VSIFCloseL(f.release()) != 0) package.fail("cannot write " + member);
    }
    if (!by_member.empty()) package.fail("no " + by_member.begin()->first + " in the workbook GDAL wrote");
    if (VSIFCloseL(archive.release()) != 0) package.fail("cannot finish " + out.string());
}

}  // namespace regionet::render
