#pragma once
// The seed's ambtelijke fusies (Korsten, c. 2016) as facts about a
// municipality of a national dataset (issue 18): the embedded bundle
// data/ambtelijke-fusies-2016 names the partners by their CBS codes of 2016,
// so a profile of GM0376 can say "Blaricum: ambtelijke fusie BEL Combinatie
// since 2008" (render/result_texts.hpp words a fact). Codes that changed after 2016 (mergers) do not match; carry
// them with `regionet changes` first.
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace regionet::analysis {

enum class FusieStatus { running, stopped, paused };

struct FusieFact {
    std::string arrangement;             // id in the fusie dataset ("af02")
    std::string name;                    // "BEL Combinatie"
    std::string form;                    // ambtelijke_fusie | gastheer
    std::optional<int> year;             // start year (stopped and paused: the year it ended)
    FusieStatus status = FusieStatus::running;
    bool host = false;                   // the municipality is the host (gastheer)
    std::vector<std::string> partners;   // names of the other partners, as in the fusie dataset
    std::string note;                    // "partner then: Groesbeek, ... (part of Berg en Dal in 2016)"
    bool temporary = false;              // the source calls it temporary ("tijdelijk")
};

// Status from the seed's source text: "not pursued" -> stopped, "paused" ->
// paused, else running (actual or intended).
FusieStatus fusie_status(const Arrangement& a);

// The fusies in `fusies` (a dataset with forms ambtelijke_fusie / gastheer)
// that the municipality with this code took part in, by year then id.
std::vector<FusieFact> fusie_facts(const Dataset& fusies, const std::string& code);

}  // namespace regionet::analysis
