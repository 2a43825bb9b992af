// The board report as one self-contained HTML file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "model/error.hpp"
#include "render/report_assets.hpp"
#include "render/report_document.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::report {

Lang parse_lang(const std::string& s) {
    if (s == "nl") return Lang::nl;
    if (s == "en") return Lang::en;
    throw UsageError("unknown language '" + s + "' (use nl or en)");
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string anchor(std::string_view key) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : key) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '_';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string profile_anchor(std::string_view municipality_code) { return "m-" + anchor(municipality_code); }

std::string inline_svg(std::string_view svg, std::string_view label) {
    auto start = svg.find("<svg");
    if (start == std::string_view::npos) throw RenderError("figure is not SVG (no <svg> element)");
    std::string body(svg.substr(start));
    if (body.find('>') == std::string::npos) throw RenderError("figure is not SVG (unterminated <svg> element)");
    body.insert(4, " role=\"img\" aria-label=\"" + html_escape(label) + "\"");
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    return body;
}

namespace {

void write_inline(std::ostream& out, const Inline& content) {
    for (const auto& s : content) {
        std::string text = html_escape(s.text);
        if (s.strong) text = "<strong>" + text + "</strong>";
        if (!s.href.empty()) text = "<a href=\"" + html_escape(s.href) + "\">" + text + "</a>";
        out << text;
    }
}

std::string heat_style(double shade) {
    // White to a deep blue; white text where the background is dark (contrast >= 4.5).
    shade = std::clamp(shade, 0.0, 1.0);
    auto mix = [shade](int from, int to) { return static_cast<int>(std::lround(from + (to - from) * shade)); };
    char buf[64];
    std::snprintf(buf, sizeof buf, "background:#%02x%02x%02x;color:%s", mix(255, 8), mix(255, 69), mix(255, 148),
                  shade > 0.5 ? "#fff" : "#1b1f24");
    return buf;
}

void write_table(std::ostream& out, const TableBlock& t) {
    const bool long_table = t.rows.size() > 25;
    out << "<div class=\"table-wrap" << (long_table ? " long" : "") << "\">\n<table";
    if (!t.id.empty()) out << " id=\"" << html_escape(t.id) << "\"";
    std::string cls = t.heat ? "heat" : "data";
    if (t.rows.size() <= 12) cls += " small";
    out << " class=\"" << cls << "\"";
    if (t.interactive) out << " data-interactive";
    out << ">\n";
    if (!t.caption.empty()) out << "<caption>" << html_escape(t.caption) << "</caption>\n";
    auto align = [&](std::size_t c) { return c < t.align.size() ? t.align[c] : Align::left; };
    out << "<thead><tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        out << "<th scope=\"col\"" << (align(c) == Align::right ? " class=\"num\"" : "") << ">" << html_escape(t.headers[c])
            << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out << "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto& cell = row[c];
            const bool header = t.row_headers && c == 0;
            out << (header ? "<th scope=\"row\"" : "<td");
            if (align(c) == Align::right) out << " class=\"num\"";
            if (cell.sort) {
                std::ostringstream k;
                k.precision(12);
                k << *cell.sort;
                out << " data-sort=\"" << k.str() << "\"";
            }
            if (cell.shade) out << " style=\"" << heat_style(*cell.shade) << "\"";
            out << ">";
            if (!cell.href.empty())
                out << "<a href=\"" << html_escape(cell.href) << "\">" << html_escape(cell.text) << "</a>";
            else
                out << html_escape(cell.text);
            out << (header ? "</th>" : "</td>");
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</div>\n";
}

struct BlockWriter {
    std::ostream& out;
    void operator()(const Paragraph& p) const {
        out << "<p>";
        write_inline(out, p.content);
        out << "</p>\n";
    }
    void operator()(const Heading& h) const {
        out << "<h3";
        if (!h.id.empty()) out << " id=\"" << html_escape(h.id) << "\"";
        out << ">" << html_escape(h.text) << "</h3>\n";
    }
    void operator()(const List& l) const {
        out << (l.ordered ? "<ol>\n" : "<ul>\n");
        for (const auto& item : l.items) {
            out << "<li>";
            write_inline(out, item);
            out << "</li>\n";
        }
        out << (l.ordered ? "</ol>\n" : "</ul>\n");
    }
    void operator()(const Note& n) const {
        out << "<div class=\"note\" role=\"note\">";
        write_inline(out, n.content);
        out << "</div>\n";
    }
    void operator()(const KeyFigures& k) const {
        out << "<div class=\"figures\">\n";
        for (const auto& [value, label] : k.items)
            out << "<div class=\"figure-tile\"><span class=\"value\">" << html_escape(value) << "</span><span class=\"label\">"
                << html_escape(label) << "</span></div>\n";
        out << "</div>\n";
    }
    void operator()(const Figure& f) const {
        out << "<figure class=\"svg\">\n<div class=\"svg-wrap\">\n" << inline_svg(f.svg, f.alt) << "\n</div>\n";
        if (!f.caption.empty()) out << "<figcaption>" << html_escape(f.caption) << "</figcaption>\n";
        out << "</figure>\n";
    }
    void operator()(const TableBlock& t) const { write_table(out, t); }
};

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            case '\n': out += "\\n"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

}  // namespace

void write_html(const Document& doc, std::ostream& out) {
    const auto lang = doc.lang;
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::nl ? "nl" : "en") << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"regionet\">\n"
        << "<title>" << html_escape(doc.title) << (doc.subtitle.empty() ? "" : " \xe2\x80\x93 " + html_escape(doc.subtitle))
        << "</title>\n<script>" << assets::error_hook << "</script>\n<style>" << assets::css << "</style>\n</head>\n<body>\n"
        << "<div class=\"page\">\n<div id=\"js-errors\" role=\"alert\"></div>\n"
        << "<header class=\"cover\">\n<h1>" << html_escape(doc.title) << "</h1>\n";
    if (!doc.subtitle.empty()) out << "<p class=\"subtitle\">" << html_escape(doc.subtitle) << "</p>\n";
    if (!doc.meta.empty()) {
        out << "<dl class=\"meta\">\n";
        for (const auto& [k, v] : doc.meta) out << "<dt>" << html_escape(k) << "</dt><dd>" << html_escape(v) << "</dd>\n";
        out << "</dl>\n";
    }
    out << "</header>\n<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">" << html_escape(doc.toc_title)
        << "</h2>\n<ol>\n";
    for (const auto& s : doc.sections)
        out << "<li><a href=\"#" << html_escape(s.id) << "\">" << html_escape(s.title) << "</a></li>\n";
    out << "</ol>\n</nav>\n<main>\n";
    int number = 0;
    for (const auto& s : doc.sections) {
        ++number;
        out << "<section class=\"chapter\" id=\"" << html_escape(s.id) << "\" aria-labelledby=\"" << html_escape(s.id)
            << "-title\">\n<h2 id=\"" << html_escape(s.id) << "-title\">" << number << ". " << html_escape(s.title) << "</h2>\n";
        BlockWriter w{out};
        for (const auto& b : s.blocks) std::visit(w, b);
        out << "</section>\n";
    }
    out << "</main>\n<footer>" << html_escape(tr(lang, "footer")) << "</footer>\n</div>\n";
    out << "<script type=\"application/json\" id=\"report-words\">{\"sort\":" << json_string(tr(lang, "js.sort"))
        << ",\"filter\":" << json_string(tr(lang, "js.filter")) << ",\"rows\":" << json_string(tr(lang, "js.rows"))
        << "}</script>\n<script>" << assets::table_script << "</script>\n</body>\n</html>\n";
}

}  // namespace regionet::render::report
