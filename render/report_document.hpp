#pragma once
// The board report as a document model: sections made of blocks (paragraphs,
// lists, tables, figures). report_build fills it from the dataset and the
// pass results; report_html and report_markdown write it. Every string here is
// plain text: the writers escape it. Only Figure::svg carries markup, made by
// regionet's own SVG renderers (which escape their labels themselves).
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace regionet::render::report {

enum class Lang { nl, en };
Lang parse_lang(const std::string& s);   // "nl" | "en"; throws UsageError

// A run of text, optionally a link (internal "#id" or external) or emphasised.
struct Span {
    std::string text;
    std::string href;
    bool strong = false;
};
using Inline = std::vector<Span>;

struct Paragraph {
    Inline content;
};
// A subheading (h3) inside a section; id may be empty.
struct Heading {
    std::string id;
    std::string text;
};
struct List {
    std::vector<Inline> items;
    bool ordered = false;
};
// A remark set apart: a missing part of the analysis, a caveat on the data.
struct Note {
    Inline content;
};
// Large numbers with a label, shown as tiles at the top of the summary.
struct KeyFigures {
    std::vector<std::pair<std::string, std::string>> items;  // (value, label)
};
// An SVG drawing: inline in HTML, a file maps/<file> beside the Markdown.
struct Figure {
    std::string file;                    // "network.svg"
    std::string svg;
    std::string caption;
    std::string alt;                     // what the picture shows, for screen readers
};

enum class Align { left, right };
struct TableCell {
    std::string text;
    std::string href;
    std::optional<double> sort;          // numeric sort key (numbers, heat cells)
    std::optional<double> shade;         // 0..1: heat map colour intensity
};
struct TableBlock {
    std::string id;
    std::string caption;
    std::vector<std::string> headers;
    std::vector<Align> align;            // per column; missing = left
    std::vector<std::vector<TableCell>> rows;
    bool row_headers = true;             // first column is a row header (th scope=row)
    bool interactive = true;             // sortable and filterable in HTML
    bool heat = false;                   // a heat map (cells carry shade)
};

using Block = std::variant<Paragraph, Heading, List, Note, KeyFigures, Figure, TableBlock>;

struct Section {
    std::string id;                      // "summary"
    std::string title;
    std::vector<Block> blocks;
};

struct Document {
    Lang lang = Lang::nl;
    std::string title;
    std::string subtitle;
    std::vector<std::pair<std::string, std::string>> meta;  // (label, value) under the title
    std::string toc_title;
    std::vector<Section> sections;
};

// The writers. write_markdown refers to figures as <figure_dir>/<file>.
void write_html(const Document& doc, std::ostream& out);
void write_markdown(const Document& doc, std::ostream& out, const std::string& figure_dir = "maps");

// Escaping shared by the writers and tests.
std::string html_escape(std::string_view text);
std::string markdown_escape(std::string_view text);
// An id safe in HTML attributes and URL fragments: [A-Za-z0-9_-] kept, other
// bytes written as _xx (hex), as render/map.hpp does for SVG ids. profile_anchor("GM0363") == "m-GM0363".
std::string anchor(std::string_view key);
std::string profile_anchor(std::string_view municipality_code);
// SVG markup prepared for inlining: XML declaration, DOCTYPE and comments before
// the root dropped, role="img" and aria-label added to the root element.
std::string inline_svg(std::string_view svg, std::string_view label);

}  // namespace regionet::render::report
