#pragma once
// A dataset's rows as one compact blob, stored beside its tables so that a
// command loads it at memory speed instead of decoding every row through SQL
// (issue 16). The tables stay the one source of truth: the store drops a
// snapshot whenever a row of its dataset changes (triggers) and rebuilds it
// from the tables; a snapshot that fails any check here is never used.
//
// Layout (little-endian, as the machines regionet builds for): magic, format,
// payload length, a checksum of the payload, then the payload: each vector of
// Dataset in order, as a count and its rows. Memberships name their
// arrangement and municipality by index, the ids themselves are not repeated.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace regionet::snapshot {

// Bumped whenever the layout or Dataset's fields change: an older snapshot is
// then rebuilt from the tables, never misread.
inline constexpr std::uint32_t format = 1;

// What decode() refuses: damage, another format, or rows that cannot be.
class Invalid : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string encode(const Dataset& dataset);

// The vectors of a Dataset (name, source and reference date are left empty:
// the dataset row holds them), reindexed. Throws Invalid for anything but a
// blob encode() wrote, whole; never reads outside `blob`.
Dataset decode(std::string_view blob);

// The checksum the header carries (64-bit, over 8-byte words): damage
// detection, not a defence against someone forging a blob.
std::uint64_t checksum(std::string_view payload) noexcept;

}  // namespace regionet::snapshot
