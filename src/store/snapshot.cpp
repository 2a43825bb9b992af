#include "store/snapshot.hpp"

#include <bit>
#include <cmath>
#include <type_traits>
#include <cstring>
#include <limits>

namespace regionet::snapshot {

static_assert(std::endian::native == std::endian::little, "the snapshot layout is little-endian");

namespace {

constexpr char magic[8] = {'R', 'N', 'S', 'N', 'A', 'P', '\0', '\0'};
constexpr std::size_t header_size = 8 + 4 + 4 + 8 + 8;

// SQLite stores a NaN as NULL: an optional holding one is absent in the tables too.
template <class T>
bool present(const std::optional<T>& v) {
    if constexpr (std::is_floating_point_v<T>) return v && !std::isnan(*v);
    else return v.has_value();
}

template <class... T>
std::uint8_t presence(const std::optional<T>&... v) {
    std::uint8_t flags = 0;
    int bit = 0;
    ((flags |= static_cast<std::uint8_t>(present(v) ? 1u << bit : 0u), ++bit), ...);
    return flags;
}

class Writer {
public:
    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    // As SQLite keeps a REAL: -0.0 comes back as 0.0 (see present() for NaN),
    // so the snapshot reads back what the tables do, bit for bit.
    void f64(double v) {
        if (v == 0.0) v = 0.0;
        raw(&v, sizeof v);
    }
    void count(std::size_t n) {
        if (n > std::numeric_limits<std::uint32_t>::max()) throw Invalid("snapshot: more than 2^32 rows in a table");
        u32(static_cast<std::uint32_t>(n));
    }
    void text(const std::string& s) {
        count(s.size());
        m_out.append(s);
    }
    // Optionals as a presence bit in `flags` (written first) and the value after it.
    template <class T>
    void opt(const std::optional<T>& v) {
        if (!present(v)) return;
        if constexpr (std::is_same_v<T, double>) f64(*v);
        else i64(static_cast<std::int64_t>(*v));
    }
    std::string& out() { return m_out; }

private:
    void raw(const void* p, std::size_t n) { m_out.append(static_cast<const char*>(p), n); }
    std::string m_out;
};

class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(*take(1)); }
    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::int64_t i64() { return fixed<std::int64_t>(); }
    double f64() { return fixed<double>(); }
    // A row count, refused when the rest cannot hold that many rows of at
    // least `min_row` bytes (so damage never asks for gigabytes).
    std::size_t count(std::size_t min_row) {
        const std::size_t n = u32();
        if (n > (m_in.size() - m_at) / min_row) throw Invalid("snapshot: a row count larger than the blob");
        return n;
    }
    void text(std::string& out) {
        const auto v = view();
        out.assign(v.data(), v.size());
    }
    std::string_view view() {
        const std::size_t n = u32();
        return {take(n), n};
    }
    template <class T>
    T integer() {
        const auto v = i64();
        if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max())
            throw Invalid("snapshot: a number out of range");
        return static_cast<T>(v);
    }
    template <class T>
    void opt(std::uint8_t flags, int bit, std::optional<T>& out) {
        if (!(flags & (1u << bit))) return;
        if constexpr (std::is_same_v<T, double>) out = f64();
        else out = integer<T>();
    }
    bool done() const { return m_at == m_in.size(); }

private:
    const char* take(std::size_t n) {
        if (n > m_in.size() - m_at) throw Invalid("snapshot: truncated");
        const char* p = m_in.data() + m_at;
        m_at += n;
        return p;
    }
    template <class T>
    T fixed() {
        T v;
        std::memcpy(&v, take(sizeof v), sizeof v);
        return v;
    }
    std::string_view m_in;
    std::size_t m_at = 0;
};

}  // namespace

std::uint64_t checksum(std::string_view payload) noexcept {
    // FNV-1a's constants over 8-byte words, then the tail bytes, with a final mix.
    std::uint64_t h = 0xcbf29ce484222325ULL ^ payload.size();
    std::size_t i = 0;
    for (; i + 8 <= payload.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, payload.data() + i, 8);
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    for (; i < payload.size(); ++i) h = (h ^ static_cast<unsigned char>(payload[i])) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

std::string encode(const Dataset& d) {
    Writer w;
    w.out().reserve(header_size + 64 * d.memberships.size() + 128 * d.arrangements.size() + 64 * d.municipalities.size());
    w.out().append(magic, sizeof magic);
    w.u32(format);
    w.u32(0);
    w.u64(0);  // payload length and checksum, filled in below
    w.u64(0);

    w.count(d.municipalities.size());
    for (const auto& m : d.municipalities) {
        w.text(m.code); w.text(m.name); w.text(m.province);
        w.u8(presence(m.population, m.lat, m.lon, m.area_km2));
        w.opt(m.population); w.opt(m.lat); w.opt(m.lon); w.opt(m.area_km2);
    }
    w.count(d.arrangements.size());
    for (const auto& a : d.arrangements) {
        for (const auto* s : {&a.id, &a.name, &a.domain, &a.form, &a.division, &a.host, &a.source, &a.reference_date})
            w.text(*s);
        for (const auto* s : {&a.legal_basis, &a.purpose, &a.registrar, &a.body_of, &a.duplicate_of, &a.form_basis,
                              &a.domain_basis})
            w.text(*s);
        w.u8(presence(a.start_year, a.end_year, a.inhabitants));
        w.opt(a.start_year); w.opt(a.end_year); w.opt(a.inhabitants);
    }
    w.count(d.memberships.size());
    for (const auto& m : d.memberships) {
        // By index, checked: a Dataset edited by hand and not reindexed must not
        // leave a snapshot that names other rows than its tables.
        if (m.arrangement >= d.arrangements.size() || d.arrangements[m.arrangement].id != m.arrangement_id ||
            m.municipality >= d.municipalities.size() || d.municipalities[m.municipality].code != m.municipality_code)
            throw std::logic_error("snapshot::encode: membership " + m.municipality_code + " in " + m.arrangement_id +
                                   " is not resolved (Dataset::reindex)");
        w.count(m.arrangement);
        w.count(m.municipality);
        w.u8(static_cast<std::uint8_t>(m.role));
        w.u8(presence(m.board_seats, m.contribution_eur, m.start_year, m.end_year, m.share));
        w.opt(m.board_seats); w.opt(m.contribution_eur); w.opt(m.start_year); w.opt(m.end_year); w.opt(m.share);
        w.text(m.note); w.text(m.bodies); w.text(m.cost_key);
        w.count(m.gaps.size());
        for (const auto& [first, last] : m.gaps) {
            w.i64(first);
            w.i64(last);
        }
    }
    w.count(d.participants.size());
    for (const auto& p : d.participants) {
        w.text(p.arrangement_id); w.text(p.name); w.text(p.kind);
    }
    w.count(d.neighbours.size());
    for (const auto& n : d.neighbours) {
        w.text(n.a); w.text(n.b); w.f64(n.border_km);
    }
    w.count(d.outlines.size());
    for (const auto& o : d.outlines) {
        w.text(o.owner); w.text(o.wkt);
    }

    auto& out = w.out();
    const std::string_view payload(out.data() + header_size, out.size() - header_size);
    const std::uint64_t length = payload.size(), sum = checksum(payload);
    std::memcpy(out.data() + 16, &length, 8);
    std::memcpy(out.data() + 24, &sum, 8);
    return std::move(out);
}

Dataset decode(std::string_view blob) {
    if (blob.size() < header_size || std::memcmp(blob.data(), magic, sizeof magic) != 0)
        throw Invalid("snapshot: not a snapshot");
    std::uint32_t fmt;
    std::uint64_t length, sum;
    std::memcpy(&fmt, blob.data() + 8, 4);
    std::memcpy(&length, blob.data() + 16, 8);
    std::memcpy(&sum, blob.data() + 24, 8);
    if (fmt != format) throw Invalid("snapshot: format " + std::to_string(fmt) + ", expected " + std::to_string(format));
    const auto payload = blob.substr(header_size);
    if (length != payload.size()) throw Invalid("snapshot: truncated");
    if (checksum(payload) != sum) throw Invalid("snapshot: checksum mismatch (damaged)");

    Reader r(payload);
    Dataset d;
    d.municipalities.resize(r.count(4 * 3 + 1));
    for (auto& m : d.municipalities) {
        r.text(m.code); r.text(m.name); r.text(m.province);
        const auto f = r.u8();
        r.opt(f, 0, m.population); r.opt(f, 1, m.lat); r.opt(f, 2, m.lon); r.opt(f, 3, m.area_km2);
    }
    d.arrangements.resize(r.count(4 * 15 + 1));
    for (auto& a : d.arrangements) {
        for (auto* s : {&a.id, &a.name, &a.domain, &a.form, &a.division, &a.host, &a.source, &a.reference_date})
            r.text(*s);
        for (auto* s : {&a.legal_basis, &a.purpose, &a.registrar, &a.body_of, &a.duplicate_of, &a.form_basis,
                        &a.domain_basis})
            *s = r.view();
        const auto f = r.u8();
        r.opt(f, 0, a.start_year); r.opt(f, 1, a.end_year); r.opt(f, 2, a.inhabitants);
    }
    d.memberships.resize(r.count(4 + 4 + 1 + 1 + 4 * 3 + 4));
    for (auto& m : d.memberships) {
        m.arrangement = r.u32();
        m.municipality = r.u32();
        if (m.arrangement >= d.arrangements.size() || m.municipality >= d.municipalities.size())
            throw Invalid("snapshot: a membership of a row that is not there");
        m.arrangement_id = d.arrangements[m.arrangement].id;
        m.municipality_code = d.municipalities[m.municipality].code;
        const auto role = r.u8();
        if (role > static_cast<std::uint8_t>(Role::client)) throw Invalid("snapshot: an unknown role");
        m.role = static_cast<Role>(role);
        const auto f = r.u8();
        r.opt(f, 0, m.board_seats); r.opt(f, 1, m.contribution_eur); r.opt(f, 2, m.start_year); r.opt(f, 3, m.end_year);
        r.opt(f, 4, m.share);
        m.note = r.view(); m.bodies = r.view(); m.cost_key = r.view();
        m.gaps.resize(r.count(16));
        for (auto& [first, last] : m.gaps) {
            first = r.integer<int>();
            last = r.integer<int>();
        }
    }
    d.participants.resize(r.count(4 * 3));
    for (auto& p : d.participants) {
        r.text(p.arrangement_id); r.text(p.name); r.text(p.kind);
    }
    d.neighbours.resize(r.count(4 * 2 + 8));
    for (auto& n : d.neighbours) {
        r.text(n.a); r.text(n.b); n.border_km = r.f64();
    }
    d.outlines.resize(r.count(4 * 2));
    for (auto& o : d.outlines) {
        r.text(o.owner); r.text(o.wkt);
    }
    if (!r.done()) throw Invalid("snapshot: bytes after the last table");
    try {
        d.reindex();
    } catch (const std::out_of_range& e) {
        throw Invalid(std::string("snapshot: ") + e.what());
    }
    return d;
}

}  // namespace regionet::snapshot
