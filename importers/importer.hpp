#pragma once
// One importer per input format, all behind this interface and all feeding
// one ModelBuilder. The registry picks the importer that accepts a path.
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/model_builder.hpp"

namespace regionet {

struct ImportOptions {
    bool keep_going = false;             // report bad rows and import the rest
    std::filesystem::path roo_domains;   // the ROO importer's domain table (default data/roo_domains.toml)
};

struct FileCounts {
    std::size_t imported = 0;
    std::size_t skipped = 0;
};

// What an import did: per-file counts, every skipped row with its reason, and
// notices (ignored columns, repaired encodings, split municipalities ...).
struct ImportReport {
    std::map<std::string, FileCounts> files;  // by file path as shown to the user
    std::vector<ImportError> skipped;
    std::vector<std::string> notices;

    void imported(const std::string& file) { ++files[file].imported; }
    // With keep_going: records the error and counts the row as skipped; otherwise rethrows.
    void skip(const ImportError& e, const ImportOptions& options);
    void notice(std::string text) { notices.push_back(std::move(text)); }
    std::size_t total_skipped() const noexcept { return skipped.size(); }
};

class Importer {
public:
    virtual ~Importer() = default;
    virtual std::string_view name() const noexcept = 0;          // "bundle", "regioatlas", ...
    virtual std::string_view description() const noexcept = 0;   // one line for --help
    virtual bool accepts(const std::filesystem::path& input) const = 0;
    virtual void read(const std::filesystem::path& input, ModelBuilder& out, ImportReport& report,
                      const ImportOptions& options) const = 0;
    // Whether read() adds every municipality and arrangement before the first
    // membership, and changes none after: a save may then write them, and the
    // memberships as they come, while the rest is read (ModelBuilder::stream_memberships).
    virtual bool municipalities_and_arrangements_first() const noexcept { return false; }
};

// Every importer, in the order they are tried.
const std::vector<std::unique_ptr<Importer>>& importers();
// The importer for input: by name when format is given, else the first that accepts it.
const Importer& importer_for(const std::filesystem::path& input, std::string_view format = {});

}  // namespace regionet
