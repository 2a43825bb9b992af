#pragma once
// The services view (issue 18): who serves whom. Municipalities with at least
// one service link as circles (area: services provided + received), an arrow
// provider -> client per pair and direction, its width the number of
// arrangements; pairs that serve each other (reciprocal) drawn in orange.
// Node colour: net provider, net receiver or balanced. Geographic with
// outlines when every municipality drawn has coordinates.
#include <string>

#include "analysis/services.hpp"
#include "render/map.hpp"

namespace regionet::render::map {

std::string services(const Dataset& dataset, const analysis::ServicesResult& result, const Style& style, Format format);

}  // namespace regionet::render::map
