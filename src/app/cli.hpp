#pragma once
// What every subcommand shares: global options, the dataset it works on,
// output files written atomically, and the terminal progress line.
// One file per subcommand (cmd_<name>.cpp) defines setup_<name>(CLI::App&).
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "analysis/graphs.hpp"
#include "analysis/load.hpp"
#include "analysis/report_results.hpp"
#include "analysis/classify.hpp"
#include "analysis/scope.hpp"
#include "analysis/screen.hpp"
#include "model/model.hpp"
#include "render/report_document.hpp"
#include "render/table_writer.hpp"
#include "store/store.hpp"

namespace regionet::app {

struct GlobalOptions {
    std::string db = "regionet.db";
    std::optional<std::string> dataset;
    bool quiet = false;
};

// The global options, bound to the top-level app by main() and only read after
// parsing (load_dataset does not change them).
GlobalOptions& global();

// Adds --format text|csv|json.
void add_format_option(CLI::App& cmd, std::string& format);
// Adds --out FILE (instead of stdout) and --no-save (do not store the result).
void add_output_options(CLI::App& cmd, std::string& out, bool& no_save);
// What every analysis command takes: the filters, --format, --out and --no-save.
void add_analysis_options(CLI::App& cmd, analysis::Filter& filter, std::string& format, std::string& out, bool& no_save);
// Adds the shared analysis filters (--domain, --province, --division, --region,
// --active-in, --exclude-larger-than).
void add_filter_options(CLI::App& cmd, analysis::Filter& filter);
// Adds --include-regions, --include-duplicates, --include-ended: by default a
// command counts cooperation only (analysis/scope.hpp).
void add_scope_options(CLI::App& cmd, analysis::ScopeOptions& scope);
// The scope a command counts under `filter`: asking for one division's regions
// (--division NAME) includes regions, the analyst asked.
analysis::ScopeOptions scope_for(const analysis::Filter& filter, analysis::ScopeOptions scope);
// The filtered dataset narrowed to what that scope counts.
Dataset filtered_scope(Dataset dataset, const analysis::Filter& filter, analysis::ScopeOptions scope);

// Opens the database and loads the chosen dataset. When the database holds
// no dataset yet and load_default is set, imports the embedded default data
// first (the main job runs with no input).
struct Loaded {
    std::unique_ptr<Store> store;
    Dataset dataset;
};
Loaded load_dataset(bool load_default = false);

// Stores result tables as result_<table.name> in the database, keyed by
// dataset and filter (Filter::describe()): output for users' own SQL and BI
// tools (nothing in regionet reads them back). Opens the database for writing
// only for this.
void save_results(const std::string& dataset, const std::vector<const Table*>& tables, const std::string& filter = {});
// The result tables of a report run (analysis::result_tables), stored the same way.
void save_report_results(const std::string& dataset_name, const Dataset& dataset, const analysis::ReportResults& results,
                         std::string_view language, const std::string& filter);

// The region a --region key names, in words for titles and captions:
// "Groningen (veiligheidsregio)" for VR01; the key itself if it names none.
std::string region_in_words(const Dataset& d, const std::string& key);
// A map's caption in lang: the dataset, its reference date and the filter in
// the reader's words, "Gegevens nl-2026 (2026-05-16), provincie Utrecht, domein
// afval" (Filter::describe() is the machine key, "province=Utrecht"), or "alle
// verbanden" for no filter. d: a dataset that still holds the region --region
// names (region_in_words), i.e. before the scope leaves regions out.
std::string map_caption(const Dataset& d, const analysis::Filter& f, render::report::Lang lang);

// The load weights of --weights FILE; empty: data/weights.toml. Throws Error
// when the file cannot be read, ImportError (file:line:column) when it is wrong.
analysis::LoadWeights read_weights(const std::string& file);
// The screening thresholds of --config FILE; empty: data/screening.toml when
// present, else the built-in defaults.
analysis::ScreenOptions read_screen_options(const std::string& file);
// The kind-and-motive rules of --rules FILE; empty: data/classification.toml.
// Throws like read_weights.
analysis::ClassificationRules read_classification_rules(const std::string& file);
// The whole file as text; throws Error naming it when it cannot be read.
std::string read_text_file(const std::filesystem::path& path, const std::string& what);

// Embedded default data: $REGIONET_DATA or the data/ folder built in.
std::filesystem::path data_dir();
// Imports every default bundle in data/ into store; returns the default dataset name.
std::string import_defaults(Store& store);

// Writes content to path via a temporary file and rename, so an existing file
// is only replaced when the whole write succeeded.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Writes a result table in --format text|csv|json to stdout or --out FILE.
void print_table(const Table& table, const std::string& format, const std::string& out_file);

// Prints what a command would otherwise print to stdout, honouring --out FILE.
void emit(const std::string& out_file, const std::string& content);

// A one-line progress display on stderr: shown only when stderr is a
// terminal, --quiet is off, and the work has taken more than a second.
class Progress {
public:
    explicit Progress(std::string what);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void update(const std::string& detail);
    void done();

private:
    std::string m_what;
    bool m_enabled;
    bool m_shown = false;
    std::chrono::steady_clock::time_point m_start;
};

}  // namespace regionet::app
