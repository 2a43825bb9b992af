#pragma once
// Every importer feeds one ModelBuilder. It rejects what would make the model
// inconsistent (duplicate keys, unknown references, impossible values) with an
// ImportError that names where the offending value came from.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <type_traits>
#include <string>
#include <unordered_map>
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
    // As above, with the location made (at()) only for a message: making one
    // copies the file name, which would be a copy per row of a file of millions.
    template <class MakeLoc, class = std::enable_if_t<std::is_invocable_r_v<SourceLoc, MakeLoc&>>>
    void add_membership(Membership m, MakeLoc&& at) {
        add_membership_made_at(std::move(m), std::function<SourceLoc()>(std::forward<MakeLoc>(at)));
    }
    void add_participant(Participant p, const SourceLoc& at);
    void add_neighbour(Neighbour n, const SourceLoc& at);
    void add_outline(Outline o, const SourceLoc& at);

    bool has_municipality(const std::string& code) const { return municipality_index(code).has_value(); }
    bool has_arrangement(const std::string& id) const { return arrangement_index(id).has_value(); }
    bool has_membership(const std::string& arrangement_id, const std::string& code) const;
    // Room for this many memberships, when an importer knows (at most) how many follow.
    void expect_memberships(std::size_t count);
    std::size_t expected_memberships() const noexcept { return m_expected_memberships; }  // 0: not said
    Municipality* municipality(const std::string& code);  // for importers that enrich (population, geometry)
    Arrangement* arrangement(const std::string& id);

    // Hands each membership, as it is added, to `to` with the dataset so far, so
    // that a save can write it while the rest is read. From the first one on,
    // the municipalities and arrangements are final: adding one, or asking for
    // one to change, is a logic_error.
    using MembershipStream = std::function<void(const Dataset& so_far, const Membership& added)>;
    void stream_memberships(MembershipStream to) { m_stream = std::move(to); }

    // Sorts and indexes; the builder is empty afterwards.
    Dataset finish();

private:
    void add_membership_made_at(Membership m, const std::function<SourceLoc()>& at);

    // A key's position, remembering the last key asked for: memberships arrive
    // grouped by arrangement, and importers ask for a key before adding it.
    struct Index {
        std::unordered_map<std::string, std::size_t> position;
        mutable const std::string* last_key = nullptr;  // a key in `position`, or null
        mutable std::size_t last_position = 0;
        std::optional<std::size_t> find(const std::string& key) const;

        Index() = default;
        // A copy remembers nothing: the last key points into the original's map.
        Index(const Index& o) : position(o.position) {}
        Index& operator=(const Index& o) {
            position = o.position;
            last_key = nullptr;
            return *this;
        }
        Index(Index&&) = default;        // a moved map keeps its nodes
        Index& operator=(Index&&) = default;
    };
    std::optional<std::size_t> municipality_index(const std::string& code) const { return m_municipalities.find(code); }
    std::optional<std::size_t> arrangement_index(const std::string& id) const { return m_arrangements.find(id); }
    // A membership as its arrangement's and municipality's positions in one number.
    static std::uint64_t membership_key(std::size_t arrangement, std::size_t municipality) {
        return static_cast<std::uint64_t>(arrangement) << 32 | municipality;
    }

    // The memberships as membership_key()s: open addressing in one array, as a
    // node per key (std::unordered_set) costs an allocation per membership and a
    // pointer chase per lookup. A slot holds key + 1; 0 is an empty slot (no key
    // is 2^64 - 1: positions stay below 2^32 - 1).
    class KeySet {
    public:
        bool insert(std::uint64_t key);  // false when it was there already
        bool contains(std::uint64_t key) const;
        void reserve(std::size_t keys);
        std::size_t size() const noexcept { return m_size; }
        void clear() noexcept {
            m_slots = {};
            m_size = 0;
        }

    private:
        std::size_t slot_of(std::uint64_t key) const;  // where key is, or the empty slot where it would go
        std::vector<std::uint64_t> m_slots;             // a power of two, at most half full
        std::size_t m_size = 0;
    };

    Dataset m_dataset;
    Index m_municipalities;
    Index m_arrangements;
    KeySet m_memberships;
    std::set<std::pair<std::string, std::string>> m_neighbours;
    std::set<std::string> m_outlines;
    std::size_t m_expected_memberships = 0;
    MembershipStream m_stream;
    bool m_streamed = false;  // a membership went to m_stream
    void refuse_once_streamed(const char* what) const;
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
