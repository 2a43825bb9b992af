#pragma once
// A text that is empty in most rows: a membership's note, bodies and cost key, and
// what registers add to an arrangement (legal basis, purpose, registrar, links).
//
// A std::string is 32 bytes even when empty; this is one pointer, null when the
// text is empty, so an empty one costs 8 bytes and no allocation. At eu scale
// (2.5 million memberships) a membership's three took 240 MB as strings and take
// 60 MB this way; memory is time here (every first touch of a page is a fault).
// Reads as a const std::string& (or a string_view), compares with strings, joins
// with them by +, and copies deeply: a value like the string it replaces.
#include <compare>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace regionet {

class RareText {
public:
    RareText() noexcept = default;
    RareText(std::string text) { assign(std::move(text)); }
    RareText(std::string_view text) { assign(std::string(text)); }
    RareText(const char* text) { assign(std::string(text)); }
    RareText(const RareText& other) : m_text(other.m_text ? std::make_unique<std::string>(*other.m_text) : nullptr) {}
    RareText(RareText&&) noexcept = default;
    RareText& operator=(const RareText& other) {
        if (this != &other) m_text = other.m_text ? std::make_unique<std::string>(*other.m_text) : nullptr;
        return *this;
    }
    RareText& operator=(RareText&&) noexcept = default;

    const std::string& str() const noexcept { return m_text ? *m_text : empty_text(); }
    operator const std::string&() const noexcept { return str(); }
    operator std::string_view() const noexcept { return str(); }
    bool empty() const noexcept { return !m_text; }
    std::size_t size() const noexcept { return str().size(); }
    void clear() noexcept { m_text.reset(); }

    friend bool operator==(const RareText& a, const RareText& b) noexcept { return a.str() == b.str(); }
    friend bool operator==(const RareText& a, const std::string& b) noexcept { return a.str() == b; }
    friend bool operator==(const RareText& a, std::string_view b) noexcept { return a.str() == b; }
    friend bool operator==(const RareText& a, const char* b) noexcept { return a.str() == b; }
    friend std::strong_ordering operator<=>(const RareText& a, const RareText& b) noexcept {
        return a.str().compare(b.str()) <=> 0;
    }
    RareText& operator+=(std::string_view more) {
        if (!more.empty()) assign(str() + std::string(more));
        return *this;
    }
    friend std::string operator+(std::string a, const RareText& b) { return a += b.str(); }
    friend std::string operator+(const char* a, const RareText& b) { return a + b.str(); }
    friend std::string operator+(const RareText& a, const char* b) { return a.str() + b; }
    friend std::string operator+(const RareText& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const RareText& a, const RareText& b) { return a.str() + b.str(); }
    friend std::ostream& operator<<(std::ostream& out, const RareText& t) { return out << t.str(); }

private:
    void assign(std::string text) {
        if (text.empty()) m_text.reset();
        else m_text = std::make_unique<std::string>(std::move(text));
    }
    static const std::string& empty_text() noexcept {
        static const std::string empty;
        return empty;
    }
    std::unique_ptr<std::string> m_text;  // null: empty
};

}  // namespace regionet
