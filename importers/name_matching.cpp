#include "importers/name_matching.hpp"

#include <algorithm>
#include <cstdint>

namespace regionet::names {

namespace {

// Decodes one UTF-8 sequence at text[i]; advances i. Invalid bytes decode as
// themselves (callers only fold or repair, they never reject).
char32_t next_code_point(std::string_view text, std::size_t& i, bool* valid = nullptr) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    auto bad = [&] {
        if (valid) *valid = false;
        ++i;
        return static_cast<char32_t>(b0);
    };
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return bad();
    }
    if (i + len > text.size()) return bad();
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return bad();
        cp = (cp << 6) | (b & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return bad();
    i += len;
    return cp;
}

// Windows-1252 bytes 0x80..0x9F that are not Latin-1 control characters.
constexpr std::pair<char32_t, unsigned char> cp1252[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
};

// ASCII for U+00C0..U+00FF.
constexpr const char* latin1_fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",
};

// ASCII for U+0100..U+017F, as runs: first code point of the run and its letter(s).
struct Run {
    char32_t first;
    const char* ascii;
};
constexpr Run latin_a_fold[] = {
    {0x100, "a"}, {0x106, "c"}, {0x10E, "d"}, {0x112, "e"}, {0x11C, "g"}, {0x124, "h"}, {0x128, "i"},
    {0x132, "ij"}, {0x134, "j"}, {0x136, "k"}, {0x139, "l"}, {0x143, "n"}, {0x14C, "o"}, {0x152, "oe"},
    {0x154, "r"}, {0x15A, "s"}, {0x162, "t"}, {0x168, "u"}, {0x174, "w"}, {0x176, "y"}, {0x179, "z"},
    {0x17F, "s"},
};

// Letters/digits in ASCII lower case; apostrophes as "" ; anything else " ".
std::string ascii_fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
            else if (c == '\'' || c == '`') continue;
            else out += ' ';
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            out += latin1_fold[cp - 0xC0];
        } else if (cp >= 0x100 && cp <= 0x17F) {
            const Run* run = &latin_a_fold[0];
            for (const auto& r : latin_a_fold)
                if (r.first <= cp) run = &r;
            out += run->ascii;
        } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0xB4) {
            continue;  // typographic apostrophes, as '
        } else {
            out += ' ';
        }
    }
    return out;
}

std::string collapse_spaces(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::optional<std::string> repair_mojibake(std::string_view text) {
    std::string bytes;
    bytes.reserve(text.size());
    bool high = false;
    std::size_t i = 0;
    while (i < text.size()) {
        bool valid = true;
        const char32_t cp = next_code_point(text, i, &valid);
        if (!valid) return std::nullopt;
        if (cp <= 0xFF) {
            bytes += static_cast<char>(cp);
            high = high || cp >= 0x80;
            continue;
        }
        auto it = std::find_if(std::begin(cp1252), std::end(cp1252), [&](const auto& e) { return e.first == cp; });
        if (it == std::end(cp1252)) return std::nullopt;  // a character no Latin-1/1252 reading produces
        bytes += static_cast<char>(it->second);
        high = true;
    }
    if (!high) return std::nullopt;
    // The bytes must be valid UTF-8 and contain a multi-byte character.
    std::size_t j = 0;
    while (j < bytes.size()) {
        bool valid = true;
        next_code_point(bytes, j, &valid);
        if (!valid) return std::nullopt;
    }
    return bytes;
}

std::string repaired(std::string_view text) {
    if (auto r = repair_mojibake(text)) return *r;
    return std::string(text);
}

std::string fold(std::string_view text) { return collapse_spaces(ascii_fold(repaired(text))); }

std::string base_name(std::string_view text) {
    auto end = text.find_last_not_of(" \t");
    if (end != std::string_view::npos && text[end] == ')') {
        const auto open = text.rfind('(', end);
        if (open != std::string_view::npos && open > 0) return fold(text.substr(0, open));
    }
    return fold(text);
}

std::string slug(std::string_view text) {
    auto s = fold(text);
    std::replace(s.begin(), s.end(), ' ', '-');
    return s;
}

const std::vector<Alias>& aliases() {
    // Every entry is documented in docs/data-2016.md. Targets are matched
    // with fold(), so they may be written as CBS writes them.
    static const std::vector<Alias> table = [] {
        std::vector<Alias> t{
            // Municipalities that no longer existed on 1 January 2016 (the
            // provinces' lists were older): their successor.
            {"abcoude", {"De Ronde Venen"}, "successor", "merged into De Ronde Venen on 1 January 2011"},
            {"akersloot", {"Castricum"}, "successor", "merged into Castricum on 1 January 2002"},
            {"alkemade", {"Kaag en Braassem"}, "successor", "merged into Kaag en Braassem on 1 January 2009"},
            {"bernisse", {"Nissewaard"}, "successor", "merged into Nissewaard on 1 January 2015"},
            {"bolsward", {"Súdwest Fryslân"}, "successor", "merged into Súdwest-Fryslân on 1 January 2011"},
            {"bussum", {"Gooise Meren"}, "successor", "merged into Gooise Meren on 1 January 2016"},
            {"dirksland", {"Goeree-Overflakkee"}, "successor", "merged into Goeree-Overflakkee on 1 January 2013"},
            {"doorn", {"Utrechtse Heuvelrug"}, "successor", "merged into Utrechtse Heuvelrug on 1 January 2006"},
            {"driebergen rijsenburg", {"Utrechtse Heuvelrug"}, "successor",
             "merged into Utrechtse Heuvelrug on 1 January 2006"},
            {"goedereede", {"Goeree-Overflakkee"}, "successor", "merged into Goeree-Overflakkee on 1 January 2013"},
            {"graafstroom", {"Molenwaard"}, "successor", "merged into Molenwaard on 1 January 2013"},
            {"groesbeek", {"Berg en Dal"}, "successor",
             "merged with Millingen aan de Rijn and Ubbergen in 2015; renamed Berg en Dal on 1 January 2016"},
            {"jacobswoude", {"Kaag en Braassem"}, "successor", "merged into Kaag en Braassem on 1 January 2009"},
            {"liemeer", {"Nieuwkoop"}, "successor", "merged into Nieuwkoop on 1 January 2007"},
            {"liesveld", {"Molenwaard"}, "successor", "merged into Molenwaard on 1 January 2013"},
            {"lith", {"Oss"}, "successor", "merged into Oss on 1 January 2011"},
            {"maarn", {"Utrechtse Heuvelrug"}, "successor", "merged into Utrechtse Heuvelrug on 1 January 2006"},
            {"maasdonk", {"'s-Hertogenbosch", "Oss"}, "successor",
             "split between 's-Hertogenbosch and Oss on 1 January 2015"},
            {"middelharnis", {"Goeree-Overflakkee"}, "successor", "merged into Goeree-Overflakkee on 1 January 2013"},
            {"millingen aan de rijn", {"Berg en Dal"}, "successor", "merged into Berg en Dal (then Groesbeek) in 2015"},
            {"muiden", {"Gooise Meren"}, "successor", "merged into Gooise Meren on 1 January 2016"},
            {"naarden", {"Gooise Meren"}, "successor", "merged into Gooise Meren on 1 January 2016"},
            {"nieuw lekkerland", {"Molenwaard"}, "successor", "merged into Molenwaard on 1 January 2013"},
            {"nijefurd", {"Súdwest Fryslân"}, "successor", "merged into Súdwest-Fryslân on 1 January 2011"},
            {"oostflakkee", {"Goeree-Overflakkee"}, "successor", "merged into Goeree-Overflakkee on 1 January 2013"},
            {"reiderland", {"Oldambt"}, "successor", "merged into Oldambt on 1 January 2010"},
            {"rijnwoude", {"Alphen aan den Rijn"}, "successor", "merged into Alphen aan den Rijn on 1 January 2014"},
            {"sassenheim", {"Teylingen"}, "successor", "merged into Teylingen on 1 January 2006"},
            {"scheemda", {"Oldambt"}, "successor", "merged into Oldambt on 1 January 2010"},
            {"sneek", {"Súdwest Fryslân"}, "successor", "merged into Súdwest-Fryslân on 1 January 2011"},
            {"spijkenisse", {"Nissewaard"}, "successor", "merged into Nissewaard on 1 January 2015"},
            {"ubbergen", {"Berg en Dal"}, "successor", "merged into Berg en Dal (then Groesbeek) in 2015"},
            {"warmond", {"Teylingen"}, "successor", "merged into Teylingen on 1 January 2006"},
            {"winschoten", {"Oldambt"}, "successor", "merged into Oldambt on 1 January 2010"},
            {"wunseradiel", {"Súdwest Fryslân"}, "successor", "merged into Súdwest-Fryslân on 1 January 2011"},
            {"wymbritseradiel", {"Súdwest Fryslân"}, "successor", "merged into Súdwest-Fryslân on 1 January 2011"},
            {"zeevang", {"Edam-Volendam"}, "successor", "merged into Edam-Volendam on 1 January 2016"},
            {"zijpe", {"Schagen"}, "successor", "merged into Schagen on 1 January 2013"},
            // Spellings that normalisation does not reach: short names, typos,
            // and two names the register ran together.
            {"gedrop mierlo", {"Geldrop-Mierlo"}, "variant", "typo in the register"},
            {"grave en mill", {"Grave", "Mill en Sint Hubert"}, "variant",
             "'Cuijk, Grave, Mill en Sint Hubert' split at the wrong comma"},
            {"haasbergen", {"Haaksbergen"}, "variant", "typo in the register"},
            {"hoogezand", {"Hoogezand-Sappemeer"}, "variant", "short name"},
            {"middelaar", {"Mook en Middelaar"}, "variant", "short name"},
            {"neusden", {"Heusden"}, "variant", "typo in the register (Omgevingsdienst Brabant Noord)"},
            {"nuenen", {"Nuenen, Gerwen en Nederwetten"}, "variant", "short name"},
            {"sint hubert", {"Mill en Sint Hubert"}, "variant", "short name"},
            {"waal en wijchen", {"West Maas en Waal", "Wijchen"}, "variant", "two names run together"},
            {"zevenaar beuningen", {"Zevenaar", "Beuningen"}, "variant", "two names run together"},
        };
        std::sort(t.begin(), t.end(), [](const Alias& a, const Alias& b) { return a.variant < b.variant; });
        return t;
    }();
    return table;
}

const Alias* find_alias(std::string_view folded) {
    const auto& t = aliases();
    auto it = std::lower_bound(t.begin(), t.end(), folded, [](const Alias& a, std::string_view v) { return a.variant < v; });
    return it != t.end() && it->variant == folded ? &*it : nullptr;
}

std::string province_name(std::string_view text) {
    auto f = fold(text);
    if (f.rfind("provincie ", 0) == 0) f.erase(0, 10);
    static const std::pair<const char*, const char*> known[] = {
        {"groningen", "Groningen"},         {"friesland", "Fryslân"},          {"fryslan", "Fryslân"},
        {"drenthe", "Drenthe"},             {"overijssel", "Overijssel"},      {"overrijssel", "Overijssel"},
        {"flevoland", "Flevoland"},         {"gelderland", "Gelderland"},      {"utrecht", "Utrecht"},
        {"noord holland", "Noord-Holland"}, {"zuid holland", "Zuid-Holland"},  {"zeeland", "Zeeland"},
        {"noord brabant", "Noord-Brabant"}, {"limburg", "Limburg"},            {"limburg nl", "Limburg"},
    };
    for (const auto& [key, name] : known)
        if (f == key) return name;
    return {};
}

}  // namespace regionet::names
