#pragma once
// Synthetic but realistic cooperation data for benchmarks: municipalities
// with provinces, population and coordinates; arrangements with the skew of
// the real registers (most of 2-5 neighbouring members, some regional ones,
// three regional divisions that partition the country, a few national ones of
// hundreds), and a share of near-duplicates so that overlap finds something.
#include <cstddef>
#include <string>

#include "model/model.hpp"

namespace regionet::bench {

struct Scale {
    std::string name;
    std::size_t municipalities = 0;
    std::size_t arrangements = 0;
    std::size_t memberships = 0;         // target; the result lands within a few per cent
};

// nl (342 / 1,500 / 8,500), de (11,000 / 48,000 / 276,000),
// eu (100,000 / 400,000 / 2,500,000), import (a bundle of about 100,000 memberships).
Scale scale(const std::string& name);  // throws regionet::UsageError for unknown names

Dataset generate(const Scale& scale, unsigned long seed = 1);

}  // namespace regionet::bench
