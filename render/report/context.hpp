#pragma once
// What every report section shares: the input (dataset, typed pass results,
// figures), the language, and the helpers that turn codes and numbers into
// the document's spans and cells. Sections (one file each, listed in
// sections.def) read fields of analysis::ReportResults and word them through
// the text catalogue; they compute no statistics themselves.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/report_build.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::report {

class Context {
public:
    Context(const ReportInput& in, Lang lang);

    const ReportInput& in() const noexcept { return m_in; }
    const analysis::ReportResults& results() const noexcept { return *m_in.results; }
    const Dataset& data() const noexcept { return m_d; }
    // The dataset whose arrangements the passes' rows index (overlap, load,
    // centrality): the cooperation scope when run_report_passes filled it,
    // else the input (results assembled by hand, as in tests).
    const Dataset& scoped() const noexcept {
        return results().scoped ? results().cooperation : m_d;
    }
    Lang lang() const noexcept { return m_lang; }

    // Texts and numbers in the report's language.
    std::string t(std::string_view key) const { return tr(m_lang, key); }
    std::string tf(std::string_view key, std::initializer_list<std::string> args) const { return trf(m_lang, key, args); }
    std::string tn(std::string_view key, std::int64_t count, std::initializer_list<std::string> args) const {
        return trn(m_lang, key, count, args);
    }
    std::string n(double v, int decimals) const { return number(m_lang, v, decimals); }
    std::string i(std::int64_t v) const { return integer(m_lang, v); }
    std::string i(std::size_t v) const { return integer(m_lang, static_cast<std::int64_t>(v)); }

    // Municipalities by code: name, "name (code)", a link to the profile when
    // the report has one.
    bool profiled(const std::string& code) const { return m_profiled.count(code) > 0; }
    bool has_profile_anchor(const std::string& anchor_id) const { return m_profile_anchors.count(anchor_id) > 0; }
    std::string municipality_name(const std::string& code) const;
    std::string municipality_label(const std::string& code) const;
    std::string link(const std::string& code) const { return profiled(code) ? "#" + profile_anchor(code) : ""; }
    Span municipality_span(const std::string& code) const { return Span{municipality_name(code), link(code), false}; }
    TableCell municipality_cell(const std::string& code) const { return TableCell{municipality_name(code), link(code), {}, {}}; }
    // Names of municipality codes joined by ", "; a dash for none.
    std::string names_of(const std::vector<std::string>& codes) const;
    // The province pseudo-division of the passes in the reader's words.
    std::string division_label(const std::string& division) const;

    TableCell num_cell(std::optional<double> v, int decimals) const;
    TableCell int_cell(std::int64_t v) const { return TableCell{i(v), "", static_cast<double>(v), {}}; }
    TableCell int_cell(std::size_t v) const { return int_cell(static_cast<std::int64_t>(v)); }
    static TableCell text_cell(std::string s) { return TableCell{std::move(s), "", {}, {}}; }

    // The note of a section whose pass did not run.
    Note missing(std::string_view what_key) const { return Note{text(tf("missing", {t(what_key)}))}; }
    // Spans joined with ", " and a final " en " / " and ".
    Inline join(const std::vector<Span>& items) const;

    static Inline text(std::string s) { return {Span{std::move(s), "", false}}; }

    // Orders shared by several sections (indices into dataset.municipalities,
    // descending; load ties by code, centrality ties in dataset order); empty
    // when the pass did not run.
    const std::vector<std::size_t>& by_weighted_load() const { return m_by_load; }
    const std::vector<std::size_t>& by_strength() const { return m_by_strength; }
    const std::vector<std::size_t>& by_betweenness() const { return m_by_betweenness; }

private:
    const ReportInput& m_in;
    Lang m_lang;
    const Dataset& m_d;
    std::set<std::string> m_profiled;
    std::set<std::string> m_profile_anchors;
    std::vector<std::size_t> m_by_load, m_by_strength, m_by_betweenness;
};

// The sections, in report order: one function per file, each named in sections.def.
#define REGIONET_REPORT_SECTION(name) Section name##_section(const Context& c);
#include "render/report/sections.def"
#undef REGIONET_REPORT_SECTION

}  // namespace regionet::render::report
