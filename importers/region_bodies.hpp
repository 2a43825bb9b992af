#pragma once
// Facts a register holds only implicitly, made explicit at import by written
// rules (issue 13; docs/data-2016.md lists what they link on nl-2016):
//
//  1. Bodies of regions (body_of). A joint arrangement governs a region of an
//     official division when its name or legal basis says what kind of body it
//     is (table kBodyKinds in region_bodies.cpp: "veiligheidsregio" or the Wet
//     veiligheidsregio's -> a division named *veiligheidsregio*; "GGD",
//     "gezondheidsdienst" or the Wet publieke gezondheid -> *ggd*; ...) and its
//     member municipalities are those of one region of such a division: the
//     region with the highest Jaccard index, at least 0.9 and unique. Kinds
//     named in the name are tried before kinds named by the legal basis.
//  2. Second registrations (duplicate_of). Two arrangements (not regions) are
//     one body when (a) their names are equal after normalisation (fold, text
//     in parentheses dropped) and their members are the same, or (b) their names
//     carry the same abbreviation in parentheses ("(GBLT)", two or more capitals)
//     and one member set contains the other (one body reported by two
//     provinces), or (c) their members are the same and their normalised names
//     have the same words in another order or one lies inside the other (the
//     shorter of four words or more), or (d) both are bodies of the same kind
//     (rule 1) for the same region with the same members (renamed, the old
//     entry not closed). The registration with the most members (ties:
//     smallest id) is the body; the others point at it.
//  3. Ended bodies (end_year). A name saying "opgeheven" or "opgegaan in X"
//     ends the arrangement in the year the name gives, else in the register's
//     reference year; the successor X is named in the notice.
//
// Every link is listed as a notice. Arrangements that already carry body_of,
// duplicate_of or an end year keep them.
#include <cstddef>
#include <optional>
#include <string>

#include "importers/importer.hpp"
#include "model/model.hpp"

namespace regionet {

struct RegisterFacts {
    std::size_t bodies = 0;       // body_of set
    std::size_t duplicates = 0;   // duplicate_of set
    std::size_t ended = 0;        // end_year set from the name
};

// Which rules apply. A register that dates its arrangements and registers each
// body once (ROO) needs rule 1 only, on the memberships still current.
struct RegisterRules {
    bool second_registrations = true;    // rule 2, and rule 1's second body of one kind for one region
    bool ended_from_name = true;         // rule 3
    bool current_members_only = false;   // rule 1 matches members without an end year only
};

// Applies the rules to the dataset under construction (ModelBuilder::dataset()):
// regions are the arrangements with a division; memberships by arrangement_id.
RegisterFacts infer_register_facts(Dataset& dataset, ImportReport& report, const std::string& file,
                                   std::optional<int> reference_year, const RegisterRules& rules = {});

}  // namespace regionet
