#include "importers/yaml_tree.hpp"

#include <map>
#include <yaml.h>

namespace regionet::yaml {

namespace {

// RAII owners of libyaml's parser and event.
struct Parser {
    yaml_parser_t p;
    Parser() {
        if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
    }
    ~Parser() { yaml_parser_delete(&p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
};

struct Event {
    yaml_event_t e;
    bool owned = false;
    ~Event() {
        if (owned) yaml_event_delete(&e);
    }
};

Position position(const yaml_mark_t& m) { return {static_cast<int>(m.line), static_cast<int>(m.column)}; }

// Plain scalars YAML reads as null (the core schema's spellings).
bool is_null(const yaml_event_t& e) {
    if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    const std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

std::string anchor_of(const yaml_char_t* a) { return a ? reinterpret_cast<const char*>(a) : std::string(); }

}  // namespace

Document Document::parse(std::string_view text) {
    Document doc;
    Parser parser;
    yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::vector<std::uint32_t> open;             // containers being filled
    std::map<std::string, std::uint32_t> anchors;
    bool done = false;
    auto add = [&](Item item, const std::string& anchor) -> std::uint32_t {
        const auto index = static_cast<std::uint32_t>(doc.m_items.size());
        doc.m_items.push_back(std::move(item));
        if (!open.empty()) doc.m_items[open.back()].children.push_back(index);
        else doc.m_root = index;
        if (!anchor.empty()) anchors[anchor] = index;
        return index;
    };
    while (!done) {
        Event ev;
        if (!yaml_parser_parse(&parser.p, &ev.e)) {
            const auto& p = parser.p;
            std::string what = p.problem ? p.problem : "not valid YAML";
            if (p.context) what += std::string(" ") + p.context;
            throw ParseError(what, position(p.problem_mark));
        }
        ev.owned = true;
        const auto& e = ev.e;
        switch (e.type) {
            case YAML_DOCUMENT_END_EVENT:  // the first document only, as yaml-cpp's Load
            case YAML_STREAM_END_EVENT:
                done = true;
                break;
            case YAML_SCALAR_EVENT: {
                Item item;
                item.mark = position(e.start_mark);
                if (is_null(e)) {
                    item.kind = Kind::null;
                } else {
                    item.kind = Kind::scalar;
                    item.text.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
                }
                add(std::move(item), anchor_of(e.data.scalar.anchor));
                break;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                Item item;
                item.kind = e.type == YAML_MAPPING_START_EVENT ? Kind::map : Kind::sequence;
                item.mark = position(e.start_mark);
                const auto* a = e.type == YAML_MAPPING_START_EVENT ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
                open.push_back(add(std::move(item), anchor_of(a)));
                break;
            }
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                open.pop_back();
                break;
            case YAML_ALIAS_EVENT: {
                const auto it = anchors.find(anchor_of(e.data.alias.anchor));
                if (it == anchors.end()) throw ParseError("unknown anchor in alias", position(e.start_mark));
                if (!open.empty()) doc.m_items[open.back()].children.push_back(it->second);
                else doc.m_root = it->second;
                break;
            }
            default:
                break;
        }
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
