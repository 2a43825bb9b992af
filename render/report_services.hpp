#pragma once
// Report section "Taken, motieven en dienstverlening" (issue 18): the share of
// arrangements per kind of task and motive, and who serves whom (most
// providing, most receiving, reciprocal pairs, the map). Built from typed
// results; every word through tr().
#include <optional>
#include <string>

#include "analysis/classify.hpp"
#include "analysis/services.hpp"
#include "render/report_document.hpp"

namespace regionet::render::report {

struct ServicesSectionInput {
    const Dataset* dataset = nullptr;
    const analysis::ClassifyResult* classes = nullptr;    // may be null: that part is left out
    const analysis::ServicesResult* services = nullptr;   // may be null: that part is left out
    std::string map_svg;                                  // the services map, empty: none
    std::size_t top = 5;                                  // rows of the provider / receiver tables
};

Section services_section(const ServicesSectionInput& in, Lang lang);

}  // namespace regionet::render::report
