#pragma once
// Matching names of Dutch municipalities as registers spell them to the
// dataset's municipalities: text repair, a documented normalisation and a
// small alias table (docs/data-2016.md lists every entry).
//
// Normalisation (fold): mojibake repaired, diacritics removed (ú -> u,
// ß -> ss), ASCII lower case, apostrophes dropped, every other character that
// is not a letter or digit a space, runs of spaces collapsed, trimmed:
//   "Súdwest-Fryslân" -> "sudwest fryslan", "'s-Hertogenbosch" -> "s hertogenbosch",
//   "Bergen (NH.)" -> "bergen nh", "Capelle aan den Ijssel" -> "capelle aan den ijssel".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regionet::names {

// Text that was UTF-8, read as Latin-1 / Windows-1252 and written out as
// UTF-8 again ("SÃºdwest-FryslÃ¢n", "Waterschap â€™t Suydevelt"): returns the
// original ("Súdwest-Fryslân"). nullopt when the text shows no such damage
// (it is not made of Latin-1/1252 characters whose bytes form valid UTF-8
// with at least one multi-byte character).
std::optional<std::string> repair_mojibake(std::string_view text);
// repair_mojibake(text) or text itself.
std::string repaired(std::string_view text);

// The normalised key described above.
std::string fold(std::string_view text);
// fold() without a trailing parenthesised qualifier: "Bergen (NH.)" -> "bergen",
// "Hengelo (O)" -> "hengelo". Text without qualifier: same as fold().
std::string base_name(std::string_view text);
// An identifier: fold() with '-' between words ("Veiligheidsregio's" -> "veiligheidsregios",
// "VR Amsterdam-Amstelland" -> "vr-amsterdam-amstelland").
std::string slug(std::string_view text);

// One entry of the alias table: a folded variant and the 2016 municipality
// names (as CBS spells them) it stands for.
struct Alias {
    std::string_view variant;            // folded, e.g. "zeevang"
    std::vector<std::string_view> targets;  // e.g. {"Edam-Volendam"}; two for a split or two names run together
    std::string_view kind;               // "successor" (no longer existed in 2016) | "variant" (spelling, typo, part name)
    std::string_view note;               // "merged into Edam-Volendam on 1 January 2016"
};
// The whole table, sorted by variant.
const std::vector<Alias>& aliases();
// The entry for a folded name, or nullptr.
const Alias* find_alias(std::string_view folded);

// Province names as CBS writes them in 2016-2024: "Limburg (NL)" -> "Limburg",
// "Friesland" / "Fryslân" -> "Fryslân", "Provincie Noord Brabant" -> "Noord-Brabant",
// "Provincie Overrijssel" (a typo in the register) -> "Overijssel". Empty when
// text names no Dutch province.
std::string province_name(std::string_view text);

}  // namespace regionet::names
