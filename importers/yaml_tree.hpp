#pragma once
// A read-only YAML tree built from yaml-cpp's event API (YAML::Parser with an
// EventHandler; Debian libyaml-cpp-dev): what the ROO importer needs of a document
// (mappings, sequences, scalars, null, anchors and aliases, line and column of every
// node) without building YAML::Node, which was most of YAML::Load's cost on the
// register's 2,254 files (docs/data-2026.md). Names follow yaml-cpp's Node so the
// importer reads the same.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace regionet::yaml {

// Zero-based, like yaml-cpp's marks; -1 for a node that is not there.
struct Position {
    int line = -1;
    int column = -1;
};

// Not YAML: yaml-cpp's message and where it found the problem.
class ParseError : public std::runtime_error {
public:
    ParseError(const std::string& what, Position where) : std::runtime_error(what), at(where) {}
    Position at;
};

class Document;
class TreeBuilder;

// A node of a Document, or no node (a key that is not there); valid while its
// Document lives.
class Node {
public:
    Node() = default;
    explicit operator bool() const noexcept { return m_doc != nullptr; }
    bool IsNull() const noexcept;
    bool IsScalar() const noexcept;
    bool IsMap() const noexcept;
    bool IsSequence() const noexcept;
    // The text of a scalar; "" for anything else.
    const std::string& Scalar() const noexcept;
    Position Mark() const noexcept;
    // Entries of a sequence, pairs of a mapping, 0 otherwise.
    std::size_t size() const noexcept;
    // The value of a mapping's key (the first, when a key repeats); no node otherwise.
    Node operator[](std::string_view key) const noexcept;
    // A sequence's entry; no node when out of range or not a sequence.
    Node operator[](std::size_t index) const noexcept;

    // Iterates a sequence's entries (nothing for a mapping or a scalar).
    class const_iterator {
    public:
        const_iterator(const Document* doc, const std::uint32_t* at) : m_doc(doc), m_at(at) {}
        Node operator*() const noexcept { return Node(m_doc, *m_at); }
        const_iterator& operator++() noexcept {
            ++m_at;
            return *this;
        }
        bool operator!=(const const_iterator& o) const noexcept { return m_at != o.m_at; }

    private:
        const Document* m_doc;
        const std::uint32_t* m_at;
    };
    const_iterator begin() const noexcept;
    const_iterator end() const noexcept;

private:
    friend class Document;
    Node(const Document* doc, std::uint32_t index) : m_doc(doc), m_index(index) {}
    const Document* m_doc = nullptr;
    std::uint32_t m_index = 0;
};

class Document {
public:
    // Parses the first document of `text`; ParseError when it is not YAML. An empty
    // text gives a Document whose root is no node.
    static Document parse(std::string_view text);
    Node root() const noexcept { return m_items.empty() ? Node() : Node(this, m_root); }

    Document() = default;
    Document(Document&&) = default;
    Document& operator=(Document&&) = default;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

private:
    friend class Node;
    friend class TreeBuilder;
    enum class Kind : std::uint8_t { null, scalar, sequence, map };
    struct Item {
        Kind kind = Kind::null;
        Position mark;
        std::string text;                    // scalar
        std::vector<std::uint32_t> children; // sequence: entries; map: key, value, key, value, ...
    };
    std::vector<Item> m_items;
    std::uint32_t m_root = 0;
};

}  // namespace regionet::yaml
