#include "importers/importer.hpp"

#include "importers/boundary_importer.hpp"
#include "importers/bundle_importer.hpp"
#include "importers/opengr_importer.hpp"
#include "importers/regioatlas_importer.hpp"
#include "importers/workbook_importer.hpp"
#include "importers/roo_importer.hpp"

namespace regionet {

void ImportReport::skip(const ImportError& e, const ImportOptions& options) {
    if (!options.keep_going) throw e;
    skipped.push_back(e);
    ++files[e.where().table()].skipped;
}

const std::vector<std::unique_ptr<Importer>>& importers() {
    static const auto all = [] {
        std::vector<std::unique_ptr<Importer>> v;
        v.push_back(std::make_unique<BundleImporter>());
        v.push_back(std::make_unique<RegioatlasImporter>());
        v.push_back(std::make_unique<RooImporter>());
        v.push_back(std::make_unique<OpenGrImporter>());
        v.push_back(std::make_unique<WorkbookImporter>());
        v.push_back(std::make_unique<BoundaryImporter>());
        return v;
    }();
    return all;
}

const Importer& importer_for(const std::filesystem::path& input, std::string_view format) {
    if (!format.empty()) {
        for (const auto& i : importers())
            if (i->name() == format) return *i;
        std::string names;
        for (const auto& i : importers()) names += (names.empty() ? "" : ", ") + std::string(i->name());
        throw UsageError("unknown input format '" + std::string(format) + "'; known: " + names);
    }
    if (!std::filesystem::exists(input)) throw ImportError({input.string()}, "no such file or folder");
    for (const auto& i : importers())
        if (i->accepts(input)) return *i;
    std::string names;
    for (const auto& i : importers()) names += "\n  " + std::string(i->name()) + ": " + std::string(i->description());
    throw ImportError({input.string()}, "not a format regionet reads; expected one of:" + names);
}

}  // namespace regionet
