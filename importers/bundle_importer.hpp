#pragma once
// The canonical CSV bundle: a folder with municipalities.csv,
// arrangements.csv and memberships.csv (and optionally participants.csv,
// neighbours.csv, outlines.csv, dataset.csv). See README "Input formats".
#include <istream>

#include "importers/importer.hpp"
#include "importers/table_source.hpp"

namespace regionet {

class BundleImporter final : public Importer {
public:
    std::string_view name() const noexcept override { return "bundle"; }
    std::string_view description() const noexcept override {
        return "folder with municipalities.csv, arrangements.csv, memberships.csv";
    }
    bool accepts(const std::filesystem::path& input) const override;
    void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
              const ImportOptions& options) const override;
    // dataset.csv, municipalities.csv and arrangements.csv come before memberships.csv.
    bool municipalities_and_arrangements_first() const noexcept override { return true; }
};

// The bundle's files one by one, from streams (tests use istringstream).
// file is the name shown in messages.
namespace bundle {
void read_dataset_info(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options);
void read_municipalities(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                         const ImportOptions& options);
void read_arrangements(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options);
void read_memberships(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                      const ImportOptions& options);
void read_participants(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                       const ImportOptions& options);
void read_neighbours(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                     const ImportOptions& options);
void read_outlines(std::istream& in, const std::string& file, ModelBuilder& out, ImportReport& report,
                   const ImportOptions& options);

// The same, from any table (a CSV file or a workbook's sheet): one validation
// for both, so their messages match.
void read_dataset_info(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
void read_municipalities(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
void read_arrangements(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
void read_memberships(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
void read_participants(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
void read_neighbours(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
void read_outlines(TableSource& table, ModelBuilder& out, ImportReport& report, const ImportOptions& options);
}  // namespace bundle

}  // namespace regionet
