#include "importers/yaml_tree.hpp"

#include <cstdio>
#include <istream>
#include <streambuf>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace regionet::yaml {

// Builds the Document's items from yaml-cpp's parser events, the same events its
// YAML::Load turns into YAML::Node (so kinds, null spellings and marks are yaml-cpp's),
// without building the nodes, which were most of Load's cost.
class TreeBuilder final : public YAML::EventHandler {
public:
    explicit TreeBuilder(Document& doc) : m_doc(doc) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(Document::Kind::null, mark, anchor); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        // yaml-cpp numbers anchors 1, 2, ... in the order they are defined and rejects an unknown one itself.
        if (anchor == YAML::NullAnchor || anchor >= m_anchors.size())
            throw ParseError("unknown anchor in alias", {mark.line, mark.column});
        attach(m_anchors[anchor]);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        m_doc.m_items[add(Document::Kind::scalar, mark, anchor)].text = value;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        m_open.push_back(add(Document::Kind::sequence, mark, anchor));
    }
    void OnSequenceEnd() override { m_open.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        m_open.push_back(add(Document::Kind::map, mark, anchor));
    }
    void OnMapEnd() override { m_open.pop_back(); }

private:
    void attach(std::uint32_t index) {
        if (!m_open.empty()) m_doc.m_items[m_open.back()].children.push_back(index);
        else m_doc.m_root = index;
    }
    std::uint32_t add(Document::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        const auto index = static_cast<std::uint32_t>(m_doc.m_items.size());
        Document::Item item;
        item.kind = kind;
        item.mark = {mark.line, mark.column};
        m_doc.m_items.push_back(std::move(item));
        attach(index);
        if (anchor != YAML::NullAnchor) {
            if (m_anchors.size() <= anchor) m_anchors.resize(anchor + 1, 0);
            m_anchors[anchor] = index;
        }
        return index;
    }

    Document& m_doc;
    std::vector<std::uint32_t> m_open;     // containers being filled
    std::vector<std::uint32_t> m_anchors;  // yaml-cpp's anchor number -> item
};

namespace {

// yaml-cpp passes bytes through unchecked; the register is UTF-8, and a byte that is not
// must be an error with its place rather than a broken name in the database. Columns
// count bytes, as yaml-cpp's marks do.
void check_utf8(std::string_view text) {
    int line = 0;
    int column = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        unsigned lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
        if (b < 0x80) n = 1;
        else if (b >= 0xc2 && b <= 0xdf) n = 2;
        else if (b == 0xe0) n = 3, lo = 0xa0;           // no overlong forms
        else if (b >= 0xe1 && b <= 0xef) n = 3, hi = b == 0xed ? 0x9f : 0xbf;  // no surrogates
        else if (b == 0xf0) n = 4, lo = 0x90;
        else if (b >= 0xf1 && b <= 0xf3) n = 4;
        else if (b == 0xf4) n = 4, hi = 0x8f;            // nothing above U+10FFFF
        bool ok = n > 0 && i + n <= text.size();
        for (std::size_t k = 1; ok && k < n; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xbf);
        }
        if (!ok) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", b);
            throw ParseError(std::string("invalid UTF-8 (byte ") + hex + ")", {line, column});
        }
        if (b == '\n') line++, column = 0;
        else column += static_cast<int>(n);
        i += n;
    }
}

}  // namespace

Document Document::parse(std::string_view text) {
    check_utf8(text);
    Document doc;
    // yaml-cpp's parser reads a stream: one over the text itself, without a copy.
    struct TextBuffer : std::streambuf {
        explicit TextBuffer(std::string_view t) {
            auto* p = const_cast<char*>(t.data());  // the get area is only read
            setg(p, p, p + t.size());
        }
    } buffer(text);
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(doc);
        parser.HandleNextDocument(builder);  // the first document only, as YAML::Load
    } catch (const YAML::Exception& e) {
        throw ParseError(e.msg, {e.mark.line, e.mark.column});
    }
    return doc;
}

bool Node::IsNull() const noexcept { return m_doc && m_doc->m_items[m_index].kind == Document::Kind::null; }
bool Node::IsScalar() const noexcept { return m_doc && m_doc->m_items[m_index].kind == Document::Kind::scalar; }
bool Node::IsMap() const noexcept { return m_doc && m_doc->m_items[m_index].kind == Document::Kind::map; }
bool Node::IsSequence() const noexcept { return m_doc && m_doc->m_items[m_index].kind == Document::Kind::sequence; }

const std::string& Node::Scalar() const noexcept {
    static const std::string none;
    return IsScalar() ? m_doc->m_items[m_index].text : none;
}

Position Node::Mark() const noexcept { return m_doc ? m_doc->m_items[m_index].mark : Position{}; }

std::size_t Node::size() const noexcept {
    if (!m_doc) return 0;
    const auto& item = m_doc->m_items[m_index];
    if (item.kind == Document::Kind::map) return item.children.size() / 2;
    if (item.kind == Document::Kind::sequence) return item.children.size();
    return 0;
}

Node Node::operator[](std::string_view key) const noexcept {
    if (!IsMap()) return {};
    const auto& c = m_doc->m_items[m_index].children;
    for (std::size_t i = 0; i + 1 < c.size(); i += 2) {
        const auto& k = m_doc->m_items[c[i]];
        if (k.kind == Document::Kind::scalar && k.text == key) return Node(m_doc, c[i + 1]);
    }
    return {};
}

Node Node::operator[](std::size_t index) const noexcept {
    if (!IsSequence()) return {};
    const auto& c = m_doc->m_items[m_index].children;
    return index < c.size() ? Node(m_doc, c[index]) : Node();
}

Node::const_iterator Node::begin() const noexcept {
    if (!IsSequence()) return {m_doc, nullptr};
    return {m_doc, m_doc->m_items[m_index].children.data()};
}

Node::const_iterator Node::end() const noexcept {
    if (!IsSequence()) return {m_doc, nullptr};
    const auto& c = m_doc->m_items[m_index].children;
    return {m_doc, c.data() + c.size()};
}

}  // namespace regionet::yaml
