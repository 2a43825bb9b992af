#include "app/cli.hpp"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "importers/importer.hpp"
#include "model/lookup.hpp"
#include "model/text.hpp"
#include "render/report_texts.hpp"
#include "render/result_texts.hpp"

#ifndef REGIONET_DATA_DIR
#define REGIONET_DATA_DIR "data"
#endif

namespace regionet::app {

namespace fs = std::filesystem;

GlobalOptions& global() {
    static GlobalOptions options;
    return options;
}

void add_format_option(CLI::App& cmd, std::string& format) {
    cmd.add_option("--format", format, "output format")
        ->check(CLI::IsMember({"text", "csv", "json"}))
        ->capture_default_str();
}

void add_output_options(CLI::App& cmd, std::string& out, bool& no_save) {
    cmd.add_option("--out", out, "write to this file instead of stdout");
    cmd.add_flag("--no-save", no_save, "do not store the result in the database");
}

void add_filter_options(CLI::App& cmd, analysis::Filter& f) {
    cmd.add_option("--domain", f.domain, "only arrangements of this domain");
    cmd.add_option("--province", f.province, "only municipalities of this province");
    cmd.add_option("--division", f.division, "only regions of this division ('none': only ordinary arrangements)");
    cmd.add_option("--region", f.region, "only municipalities in this region (id or name)");
    cmd.add_option("--active-in", f.active_in, "only memberships active in this year (a dated register such as nl-2026: default its reference year)");
    cmd.add_flag("--all-years", f.all_years, "a dated register (nl-2026): every membership of every year, ended ones included");
    cmd.add_option("--exclude-larger-than", f.exclude_larger_than,
                   "drop arrangements with more members (national ones connect everything)");
}

void add_analysis_options(CLI::App& cmd, analysis::Filter& filter, std::string& format, std::string& out, bool& no_save) {
    add_filter_options(cmd, filter);
    add_format_option(cmd, format);
    add_output_options(cmd, out, no_save);
}

void add_scope_options(CLI::App& cmd, analysis::ScopeOptions& s) {
    cmd.add_flag("--include-regions", s.include_regions,
                 "count regions of official divisions as arrangements (default: they are context, not cooperation)");
    cmd.add_flag("--include-duplicates", s.include_duplicates,
                 "count second registrations of one body (duplicate_of) beside the first");
    cmd.add_flag("--include-ended", s.include_ended,
                 "count arrangements ended by the dataset's reference year");
}

analysis::ScopeOptions scope_for(const analysis::Filter& f, analysis::ScopeOptions s) {
    if (!f.division.empty() && f.division != "none") s.include_regions = true;
    return s;
}

Dataset filtered_scope(Dataset d, const analysis::Filter& f, analysis::ScopeOptions s) {
    return analysis::cooperation_scope(analysis::apply(std::move(d), f), scope_for(f, s));
}

fs::path data_dir() {
    if (const char* env = std::getenv("REGIONET_DATA"); env && *env) return env;
    return REGIONET_DATA_DIR;
}

namespace {

// The datasets data/defaults.txt lists, in order (the first is the default).
std::vector<std::string> default_names() {
    const auto dir = data_dir();
    std::ifstream list(dir / "defaults.txt");
    if (!list) throw Error("embedded data not found at " + dir.string() + " (set REGIONET_DATA)");
    std::vector<std::string> names;
    std::string line;
    while (std::getline(list, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') names.push_back(line);
    }
    if (names.empty()) throw Error(dir.string() + "/defaults.txt lists no dataset");
    return names;
}

}  // namespace

std::string import_defaults(Store& store) {
    const auto names = default_names();
    for (const auto& name : names) {
        const auto bundle = data_dir() / name;
        if (!global().quiet) std::cerr << "regionet: importing embedded dataset " << name << "\n";
        ModelBuilder builder(name);
        ImportReport report;
        importer_for(bundle).read(bundle, builder, report, {});
        auto dataset = builder.finish();
        dataset.name = name;
        store.save(dataset, "embedded");
    }
    return names.front();
}

Loaded load_dataset(bool load_default) {
    const auto& g = global();
    auto wanted = g.dataset;
    Loaded out;
    if (load_default) {
        out.store = std::make_unique<Store>(g.db, Store::Mode::read_write);
        // Names only: Store::datasets() counts the rows of every dataset, a scan of the tables.
        const auto names = out.store->dataset_names();
        if (names.empty()) {
            const auto first = import_defaults(*out.store);
            if (!wanted) wanted = first;
        } else if (!wanted && names.size() > 1) {
            // The main job on a database of several datasets: the embedded default.
            for (const auto& name : default_names())
                if (out.store->has_dataset(name)) {
                    wanted = name;
                    break;
                }
        }
    } else {
        out.store = std::make_unique<Store>(g.db, Store::Mode::read_only);
    }
    const auto name = out.store->resolve(wanted);
    out.dataset = out.store->load(name);
    return out;
}

std::string read_text_file(const fs::path& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read the " + what);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string region_in_words(const Dataset& d, const std::string& key) {
    try {
        const auto& a = d.arrangements[find_arrangement_by_key(d, key)];
        return a.division.empty() ? a.name : a.name + " (" + a.division + ")";
    } catch (const UsageError&) {
        return key;  // the filter has already refused a key that names nothing or several
    }
}

std::string map_caption(const Dataset& d, const analysis::Filter& f, render::report::Lang lang) {
    namespace rep = render::report;
    std::vector<std::string> parts;
    if (!f.domain.empty()) parts.push_back(rep::trf(lang, "map.filter.domain", {f.domain}));
    if (!f.province.empty()) parts.push_back(rep::trf(lang, "scope.province", {f.province}));
    if (lower(f.division) == "none") parts.push_back(rep::tr(lang, "map.filter.ordinary"));
    else if (!f.division.empty()) parts.push_back(rep::trf(lang, "scope.division", {f.division}));
    if (!f.region.empty()) parts.push_back(rep::trf(lang, "scope.region", {region_in_words(d, f.region)}));
    if (f.active_in) parts.push_back(rep::trf(lang, "map.filter.active_in", {std::to_string(*f.active_in)}));
    if (f.exclude_larger_than)
        parts.push_back(rep::trf(lang, "map.filter.larger_than", {std::to_string(*f.exclude_larger_than)}));
    std::string c = rep::trf(lang, "map.caption.dataset", {d.name});
    if (!d.reference_date.empty()) c += " (" + d.reference_date + ")";
    if (parts.empty()) return c + ", " + rep::tr(lang, "map.caption.all");
    for (const auto& x : parts) c += ", " + x;
    return c;
}

analysis::LoadWeights read_weights(const std::string& file) {
    const auto path = file.empty() ? data_dir() / "weights.toml" : fs::path(file);
    return analysis::parse_weights(read_text_file(path, "weights file"), path.string());
}

analysis::ClassificationRules read_classification_rules(const std::string& file) {
    const auto path = file.empty() ? data_dir() / "classification.toml" : fs::path(file);
    return analysis::parse_classification_rules(read_text_file(path, "classification rules"), path.string());
}

analysis::ScreenOptions read_screen_options(const std::string& file) {
    const auto path = file.empty() ? data_dir() / "screening.toml" : fs::path(file);
    if (file.empty() && !fs::exists(path)) return {};
    return analysis::parse_screen_options(read_text_file(path, "screening configuration"), path.string());
}

void save_results(const std::string& dataset, const std::vector<const Table*>& tables, const std::string& filter) {
    Store store(global().db, Store::Mode::read_write);
    for (const auto* t : tables) store.save_result(dataset, *t, filter);
}

void save_report_results(const std::string& dataset_name, const Dataset& dataset, const analysis::ReportResults& results,
                         std::string_view language, const std::string& filter) {
    namespace rep = render::report;
    const auto words = rep::result_words(rep::parse_lang(std::string(language)), dataset);
    const auto tables = analysis::result_tables(dataset, results, words);
    std::vector<const Table*> pointers;
    for (const auto& t : tables) pointers.push_back(&t);
    save_results(dataset_name, pointers, filter);
}

void write_file_atomic(const fs::path& path, std::string_view content) {
    const auto dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(dir)) throw Error(path.string() + ": folder " + dir.string() + " does not exist");
    auto tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(path.string() + ": cannot write (" + tmp.string() + ")");
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw Error(path.string() + ": write failed (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(path.string() + ": cannot replace: " + ec.message());
    }
}

void print_table(const Table& table, const std::string& format, const std::string& out_file) {
    std::ostringstream s;
    render::write_table(table, render::parse_format(format), s);
    emit(out_file, s.str());
}

void emit(const std::string& out_file, const std::string& content) {
    if (out_file.empty() || out_file == "-") std::cout << content;
    else write_file_atomic(out_file, content);
}

Progress::Progress(std::string what)
    : m_what(std::move(what)), m_enabled(!global().quiet && ::isatty(STDERR_FILENO) == 1),
      m_start(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
    if (m_shown) std::cerr << "\r\033[K" << std::flush;
}

void Progress::update(const std::string& detail) {
    if (!m_enabled) return;
    const auto elapsed = std::chrono::steady_clock::now() - m_start;
    if (elapsed < std::chrono::seconds(1)) return;
    m_shown = true;
    const auto secs = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() / 1000.0;
    std::cerr << "\r\033[K" << m_what << ": " << detail << " (" << std::fixed << std::setprecision(1) << secs << " s)"
              << std::flush;
}

void Progress::done() {
    if (m_shown) std::cerr << "\r\033[K" << std::flush;
    m_shown = false;
}

}  // namespace regionet::app
