#include "model/model_builder.hpp"

#include <cmath>
#include <stdexcept>

namespace regionet {

namespace {

void require(bool ok, const SourceLoc& at, const std::string& message) {
    if (!ok) throw ImportError(at, message);
}

}  // namespace

void check_year_range(const std::optional<int>& start, const std::optional<int>& end, const SourceLoc& at) {
    if (start && end && *end < *start)
        throw ImportError(at, "end_year " + std::to_string(*end) + " is before start_year " + std::to_string(*start));
}

ModelBuilder::ModelBuilder(std::string dataset_name) { m_dataset.name = std::move(dataset_name); }

std::optional<std::size_t> ModelBuilder::Index::find(const std::string& key) const {
    if (last_key && *last_key == key) return last_position;
    const auto it = position.find(key);
    if (it == position.end()) return std::nullopt;
    last_key = &it->first;  // node-based map: the key stays where it is
    last_position = it->second;
    return it->second;
}

std::size_t ModelBuilder::KeySet::slot_of(std::uint64_t key) const {
    // Fibonacci hashing: positions are small consecutive numbers, the multiply spreads them.
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (m_slots[i] != 0 && m_slots[i] != key + 1) i = (i + 1) & mask;
    return i;
}

bool ModelBuilder::KeySet::contains(std::uint64_t key) const {
    return !m_slots.empty() && m_slots[slot_of(key)] != 0;
}

void ModelBuilder::KeySet::reserve(std::size_t keys) {
    std::size_t slots = 16;
    while (slots < 2 * keys) slots *= 2;
    if (slots <= m_slots.size()) return;
    std::vector<std::uint64_t> old(slots, 0);
    old.swap(m_slots);
    for (const auto stored : old)
        if (stored != 0) m_slots[slot_of(stored - 1)] = stored;
}

bool ModelBuilder::KeySet::insert(std::uint64_t key) {
    if (2 * (m_size + 1) > m_slots.size()) reserve(m_size + 1);  // the next power of two: twice the slots
    auto& slot = m_slots[slot_of(key)];
    if (slot != 0) return false;
    slot = key + 1;
    ++m_size;
    return true;
}

bool ModelBuilder::has_membership(const std::string& arrangement_id, const std::string& code) const {
    const auto a = arrangement_index(arrangement_id);
    const auto m = municipality_index(code);
    return a && m && m_memberships.contains(membership_key(*a, *m));
}

void ModelBuilder::expect_memberships(std::size_t count) {
    m_expected_memberships = count;
    m_dataset.memberships.reserve(count);
    m_memberships.reserve(count);
}

void ModelBuilder::refuse_once_streamed(const char* what) const {
    if (m_streamed)
        throw std::logic_error(std::string("ModelBuilder: ") + what +
                               " after memberships were streamed; municipalities and arrangements are final then");
}

void ModelBuilder::add_municipality(Municipality m, const SourceLoc& at) {
    refuse_once_streamed("add_municipality");
    require(!m.code.empty(), at, "empty municipality code");
    require(!m.name.empty(), at, "empty name for municipality '" + m.code + "'");
    require(!m.population || *m.population >= 0, at, "population must be >= 0");
    require(!m.lat || (std::isfinite(*m.lat) && *m.lat >= -90 && *m.lat <= 90), at, "lat must be within -90..90");
    require(!m.lon || (std::isfinite(*m.lon) && *m.lon >= -180 && *m.lon <= 180), at, "lon must be within -180..180");
    require(m.lat.has_value() == m.lon.has_value(), at, "lat and lon must be given together");
    require(!m.area_km2 || (std::isfinite(*m.area_km2) && *m.area_km2 >= 0), at, "area_km2 must be >= 0");
    require(m_dataset.municipalities.size() < (std::size_t{1} << 32) - 1, at, "2^32 - 1 or more municipalities");
    auto [it, inserted] = m_municipalities.position.emplace(m.code, m_dataset.municipalities.size());
    require(inserted, at, "duplicate municipality code '" + m.code + "'");
    m_dataset.municipalities.push_back(std::move(m));
}

void ModelBuilder::add_arrangement(Arrangement a, const SourceLoc& at) {
    refuse_once_streamed("add_arrangement");
    require(!a.id.empty(), at, "empty arrangement id");
    require(!a.name.empty(), at, "empty name for arrangement '" + a.id + "'");
    check_year_range(a.start_year, a.end_year, at);
    require(a.host.empty() || has_municipality(a.host), at,
            "host '" + a.host + "' of arrangement '" + a.id + "' is not a known municipality code");
    require(!a.inhabitants || *a.inhabitants >= 0, at, "inhabitants must be >= 0");
    require(m_dataset.arrangements.size() < (std::size_t{1} << 32) - 1, at, "2^32 - 1 or more arrangements");
    auto [it, inserted] = m_arrangements.position.emplace(a.id, m_dataset.arrangements.size());
    require(inserted, at, "duplicate arrangement id '" + a.id + "'");
    require(a.body_of != a.id && a.duplicate_of != a.id, at, "arrangement '" + a.id + "' cannot refer to itself");
    if (!a.body_of.empty()) m_references.push_back({a.id, a.body_of, "body_of", at});
    if (!a.duplicate_of.empty()) m_references.push_back({a.id, a.duplicate_of, "duplicate_of", at});
    m_dataset.arrangements.push_back(std::move(a));
}

void ModelBuilder::add_membership(Membership m, const SourceLoc& at) {
    add_membership_made_at(std::move(m), [&at] { return at; });
}

void ModelBuilder::add_membership_made_at(Membership m, const std::function<SourceLoc()>& at) {
    // Messages are made only on failure: this runs once per row.
    auto fail = [&at](const std::string& message) { throw ImportError(at(), message); };
    if (m.arrangement_id.empty()) fail("empty arrangement_id");
    if (m.municipality_code.empty()) fail("empty municipality_code");
    const auto arrangement = arrangement_index(m.arrangement_id);
    if (!arrangement) fail("unknown arrangement '" + m.arrangement_id + "'");
    const auto municipality = municipality_index(m.municipality_code);
    if (!municipality) fail("unknown municipality '" + m.municipality_code + "'");
    if (m.board_seats && *m.board_seats < 0) fail("board_seats must be >= 0");
    if (m.contribution_eur && !std::isfinite(*m.contribution_eur)) fail("contribution_eur must be a finite number");
    if (m.share && !(*m.share >= 0 && *m.share <= 1)) fail("share must be within 0..1");
    if (m.start_year && m.end_year && *m.end_year < *m.start_year) check_year_range(m.start_year, m.end_year, at());
    if (!m_memberships.insert(membership_key(*arrangement, *municipality)))
        fail("duplicate membership of '" + m.municipality_code + "' in arrangement '" + m.arrangement_id + "'");
    // Positions as found: finish()'s reindex confirms them (one string comparison
    // each) instead of looking every code up again.
    m.arrangement = *arrangement;
    m.municipality = *municipality;
    m_dataset.memberships.push_back(std::move(m));
    if (m_stream) {
        m_streamed = true;
        m_stream(m_dataset, m_dataset.memberships.back());
    }
}

void ModelBuilder::add_participant(Participant p, const SourceLoc& at) {
    require(has_arrangement(p.arrangement_id), at, "unknown arrangement '" + p.arrangement_id + "'");
    require(!p.name.empty(), at, "empty participant name");
    if (p.kind.empty()) p.kind = "other";
    m_dataset.participants.push_back(std::move(p));
}

void ModelBuilder::add_neighbour(Neighbour n, const SourceLoc& at) {
    if (n.b < n.a) std::swap(n.a, n.b);
    require(n.a != n.b, at, "municipality '" + n.a + "' cannot neighbour itself");
    require(has_municipality(n.a), at, "unknown municipality '" + n.a + "'");
    require(has_municipality(n.b), at, "unknown municipality '" + n.b + "'");
    require(std::isfinite(n.border_km) && n.border_km >= 0, at, "border_km must be >= 0");
    require(m_neighbours.emplace(n.a, n.b).second, at, "duplicate neighbour pair '" + n.a + "', '" + n.b + "'");
    m_dataset.neighbours.push_back(std::move(n));
}

void ModelBuilder::add_outline(Outline o, const SourceLoc& at) {
    require(has_municipality(o.owner) || has_arrangement(o.owner), at,
            "outline owner '" + o.owner + "' is neither a municipality nor an arrangement");
    require(!o.wkt.empty(), at, "empty outline");
    require(m_outlines.insert(o.owner).second, at, "duplicate outline for '" + o.owner + "'");
    m_dataset.outlines.push_back(std::move(o));
}

Municipality* ModelBuilder::municipality(const std::string& code) {
    refuse_once_streamed("municipality()");
    const auto i = municipality_index(code);
    return i ? &m_dataset.municipalities[*i] : nullptr;
}

Arrangement* ModelBuilder::arrangement(const std::string& id) {
    refuse_once_streamed("arrangement()");
    const auto i = arrangement_index(id);
    return i ? &m_dataset.arrangements[*i] : nullptr;
}

Dataset ModelBuilder::finish() {
    for (const auto& r : m_references) {
        const auto position = arrangement_index(r.to);
        const Arrangement* target = position ? &m_dataset.arrangements[*position] : nullptr;
        require(target != nullptr, r.at,
                r.field + " of arrangement '" + r.from + "': unknown arrangement '" + r.to + "'");
        require(r.field != "body_of" || target->is_region(), r.at,
                "body_of of arrangement '" + r.from + "': '" + r.to +
                    "' is not a region of a division (its division column is empty)");
    }
    m_references.clear();
    Dataset out = std::move(m_dataset);
    out.reindex();
    m_dataset = Dataset{};
    m_municipalities = {};
    m_arrangements = {};
    m_memberships.clear();
    m_streamed = false;
    m_neighbours.clear();
    m_outlines.clear();
    return out;
}

}  // namespace regionet
