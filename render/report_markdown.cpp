// The board report as Markdown (GitHub flavour), with its figures as SVG files
// beside it, for people who paste into their own documents.
#include "render/report_document.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::report {

// Shares its first cases with html_escape (Markdown passes HTML through, so the
// same entities), then escapes Markdown's own characters; kept as one switch so
// each writer's whole escaping reads in one place.
std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '\n':
            case '\r': out += ' '; break;
            case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '~':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

namespace {

std::string inline_text(const Inline& content) {
    std::string out;
    for (const auto& s : content) {
        std::string text = markdown_escape(s.text);
        if (s.strong && !text.empty()) text = "**" + text + "**";
        if (!s.href.empty()) text = "[" + text + "](" + s.href + ")";
        out += text;
    }
    return out;
}

struct BlockWriter {
    std::ostream& out;
    const std::string& figure_dir;
    void operator()(const Paragraph& p) const { out << inline_text(p.content) << "\n\n"; }
    void operator()(const Heading& h) const {
        out << "### " << markdown_escape(h.text);
        if (!h.id.empty()) out << " <a id=\"" << h.id << "\"></a>";
        out << "\n\n";
    }
    void operator()(const List& l) const {
        int i = 0;
        for (const auto& item : l.items) out << (l.ordered ? std::to_string(++i) + ". " : "- ") << inline_text(item) << "\n";
        out << "\n";
    }
    void operator()(const Note& n) const { out << "> " << inline_text(n.content) << "\n\n"; }
    void operator()(const KeyFigures& k) const {
        for (const auto& [value, label] : k.items) out << "- **" << markdown_escape(value) << "** " << markdown_escape(label) << "\n";
        out << "\n";
    }
    void operator()(const Figure& f) const {
        out << "![" << markdown_escape(f.alt) << "](" << figure_dir << "/" << f.file << ")\n\n";
        if (!f.caption.empty()) out << "*" << markdown_escape(f.caption) << "*\n\n";
    }
    void operator()(const TableBlock& t) const {
        if (!t.caption.empty()) out << "**" << markdown_escape(t.caption) << "**\n\n";
        if (t.rows.empty() || t.headers.empty()) return;
        auto align = [&](std::size_t c) { return c < t.align.size() ? t.align[c] : Align::left; };
        out << "|";
        for (const auto& h : t.headers) out << " " << markdown_escape(h) << " |";
        out << "\n|";
        for (std::size_t c = 0; c < t.headers.size(); ++c) out << (align(c) == Align::right ? " ---: |" : " --- |");
        out << "\n";
        for (const auto& row : t.rows) {
            out << "|";
            for (const auto& cell : row) {
                std::string text = markdown_escape(cell.text);
                if (!cell.href.empty() && !text.empty()) text = "[" + text + "](" + cell.href + ")";
                out << " " << text << " |";
            }
            out << "\n";
        }
        out << "\n";
    }
};

}  // namespace

void write_markdown(const Document& doc, std::ostream& out, const std::string& figure_dir) {
    out << "# " << markdown_escape(doc.title) << "\n\n";
    if (!doc.subtitle.empty()) out << markdown_escape(doc.subtitle) << "\n\n";
    for (const auto& [k, v] : doc.meta) out << "- " << markdown_escape(k) << ": " << markdown_escape(v) << "\n";
    if (!doc.meta.empty()) out << "\n";
    out << "## " << markdown_escape(doc.toc_title) << "\n\n";
    int number = 0;
    for (const auto& s : doc.sections) out << ++number << ". [" << markdown_escape(s.title) << "](#" << s.id << ")\n";
    out << "\n";
    number = 0;
    BlockWriter w{out, figure_dir};
    for (const auto& s : doc.sections) {
        out << "## " << ++number << ". " << markdown_escape(s.title) << " <a id=\"" << s.id << "\"></a>\n\n";
        for (const auto& b : s.blocks) std::visit(w, b);
    }
    out << "---\n\n" << markdown_escape(tr(doc.lang, "footer")) << "\n";
}

}  // namespace regionet::render::report
