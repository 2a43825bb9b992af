#pragma once
// Every importer feeds one ModelBuilder. It rejects what would make the model
// inconsistent (duplicate keys, unknown references, impossible values) with an
// ImportError that names where the offending value came from.
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/error.hpp"
#include "model/model.hpp"

namespace regionet {

class ModelBuilder {
public:
    explicit ModelBuilder(std::string dataset_name = {});

    Dataset& dataset() noexcept { return m_dataset; }  // name, source, reference_date

    void add_municipality(Municipality m, const SourceLoc& at);
    void add_arrangement(Arrangement a, const SourceLoc& at);
    void add_membership(Membership m, const SourceLoc& at);
    void add_participant(Participant p, const SourceLoc& at);
    void add_neighbour(Neighbour n, const SourceLoc& at);
    void add_outline(Outline o, const SourceLoc& at);

    bool has_municipality(const std::string& code) const { return m_municipalities.count(code) > 0; }
    bool has_arrangement(const std::string& id) const { return m_arrangements.count(id) > 0; }
    bool has_membership(const std::string& arrangement_id, const std::string& code) const {
        return m_memberships.count({arrangement_id, code}) > 0;
    }
    Municipality* municipality(const std::string& code);  // for importers that enrich (population, geometry)
    Arrangement* arrangement(const std::string& id);

    // Sorts and indexes; the builder is empty afterwards.
    Dataset finish();

private:
    Dataset m_dataset;
    std::unordered_map<std::string, std::size_t> m_municipalities;
    std::unordered_map<std::string, std::size_t> m_arrangements;
    struct PairHash {
        std::size_t operator()(const std::pair<std::string, std::string>& p) const noexcept {
            const auto h = std::hash<std::string>{}(p.first);
            return h ^ (std::hash<std::string>{}(p.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
        }
    };
    std::unordered_set<std::pair<std::string, std::string>, PairHash> m_memberships;  // hashed: 2.5 million at eu scale
    std::set<std::pair<std::string, std::string>> m_neighbours;
    std::set<std::string> m_outlines;
    // body_of / duplicate_of point at arrangements that may come later in the input.
    struct PendingReference {
        std::string from, to, field;
        SourceLoc at;
    };
    std::vector<PendingReference> m_references;
};

// Validation shared by importers and the builder.
void check_year_range(const std::optional<int>& start, const std::optional<int>& end, const SourceLoc& at);

}  // namespace regionet
