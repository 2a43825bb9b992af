// regionet import BUNDLE... [--as NAME] [--keep-going] [--format NAME]
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "importers/importer.hpp"
#include "importers/workbook_importer.hpp"
#include "store/snapshot.hpp"

namespace regionet::app {

namespace {

struct ImportCommand {
    std::vector<std::string> inputs;
    std::string as;
    std::string format;
    std::string source;                  // overrides the dataset's source text
    std::string reference_date;          // overrides the dataset's reference date
    std::string onto;                    // merge onto this dataset (an inventory onto its source)
    bool keep_going = false;
};

void print_report(const ImportReport& report, const std::string& dataset, bool keep_going) {
    if (global().quiet && report.skipped.empty()) return;
    for (const auto& n : report.notices) std::cerr << "notice: " << n << "\n";
    for (const auto& e : report.skipped) std::cerr << "skipped: " << e.what() << "\n";
    std::cerr << "imported " << dataset << ":\n";
    for (const auto& [file, c] : report.files) {
        std::cerr << "  " << file << ": " << c.imported << " rows imported";
        if (keep_going || c.skipped) std::cerr << ", " << c.skipped << " skipped";
        std::cerr << "\n";
    }
}

// --as or the folder name wins over a name inside the input; --source and
// --reference-date over what the importers say.
void name_and_provenance(Dataset& d, const std::string& name, const ImportCommand& cmd) {
    d.name = name;
    if (!cmd.source.empty()) d.source = cmd.source;
    if (!cmd.reference_date.empty()) d.reference_date = cmd.reference_date;
}

// A database file the import creates is removed again when the import fails
// before its first dataset is saved: a failed import leaves no database where
// there was none. Made before the Store, so that the Store is closed first.
struct RemoveIfCreated {
    explicit RemoveIfCreated(const std::string& path)
        : db(path), existed(path == ":memory:" || std::filesystem::exists(path)) {}
    ~RemoveIfCreated() {
        if (existed || keep) return;
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ignored);
    }
    RemoveIfCreated(const RemoveIfCreated&) = delete;
    RemoveIfCreated& operator=(const RemoveIfCreated&) = delete;

    std::string db;
    bool existed;
    bool keep = false;  // a dataset was saved
};

// The memberships read and not yet written, handed in batches from the thread
// that reads to the one that writes.
struct MembershipHandover {
    static constexpr std::size_t batch_size = 4096;
    static constexpr std::size_t batches_waiting_at_most = 64;  // the reader waits beyond: bounded memory

    std::mutex mutex;
    std::condition_variable changed;
    const Dataset* so_far = nullptr;            // from the first membership on: its municipalities and arrangements are final
    std::deque<std::vector<Membership>> ready;  // batches to write, in the order read
    bool read_ended = false;
    bool read_failed = false;                   // then nothing more is written
    bool so_far_written = false;                // so_far's municipalities and arrangements are written: the builder may finish
    bool writer_gone = false;                   // the save failed: the reader stops at its next batch
    std::vector<Membership> filling;            // the reader's own batch
};

struct WriterGone {};  // thrown on the reading thread to stop it

// Reads one input on a second thread while this one writes: the dataset's
// municipalities and arrangements once the first membership is read (they are
// final then), and the memberships in batches as they come. A bundle's
// memberships are most of an import; their reading and their writing each
// took about a third of it. The save is one transaction, as in Store::save,
// and an error in the read or the write rolls it back.
void import_while_reading(const std::string& db, const Importer& importer, const std::filesystem::path& input,
                          const std::string& name, const ImportCommand& cmd, const ImportOptions& options,
                          const std::string& imported_at, ImportReport& report) {
    // The database is opened when the first membership has been read.
    RemoveIfCreated created(db);
    std::optional<Store> store;
    ModelBuilder builder(name);
    MembershipHandover h;
    builder.stream_memberships([&h](const Dataset& so_far, const Membership& added) {
        h.filling.push_back(added);
        if (h.so_far && h.filling.size() < MembershipHandover::batch_size) return;
        std::unique_lock lock(h.mutex);
        h.changed.wait(lock, [&] { return h.ready.size() < MembershipHandover::batches_waiting_at_most || h.writer_gone; });
        if (h.writer_gone) throw WriterGone{};
        if (!h.so_far) h.so_far = &so_far;  // set once: the writer reads it without the lock
        h.ready.push_back(std::move(h.filling));
        h.filling = {};
        h.filling.reserve(MembershipHandover::batch_size);
        h.changed.notify_all();
    });
    std::exception_ptr read_error;
    // Once read, the reading thread also finishes the dataset and encodes its
    // snapshot, while this one builds the index (about a second each at eu).
    Dataset d;
    std::string encoded;
    std::thread reader([&] {
        try {
            importer.read(input, builder, report, options);
        } catch (...) {
            read_error = std::current_exception();
        }
        {
            std::lock_guard lock(h.mutex);
            if (!h.filling.empty()) h.ready.push_back(std::move(h.filling));
            h.read_ended = true;
            h.read_failed = read_error != nullptr;
            h.changed.notify_all();
        }
        if (read_error) return;
        {
            // finish() moves what h.so_far points at: not before it was written.
            std::unique_lock lock(h.mutex);
            h.changed.wait(lock, [&] { return !h.so_far || h.so_far_written || h.writer_gone; });
            if (h.writer_gone) return;
        }
        try {
            d = builder.finish();
            name_and_provenance(d, name, cmd);
            if (h.so_far) encoded = snapshot::encode(d);
        } catch (...) {
            read_error = std::current_exception();
        }
    });
    // Whatever happens here, the reader is stopped and joined before what it uses goes.
    struct JoinReader {
        MembershipHandover& h;
        std::thread& reader;
        ~JoinReader() {
            {
                std::lock_guard lock(h.mutex);
                h.writer_gone = true;
                h.changed.notify_all();
            }
            if (reader.joinable()) reader.join();
        }
    } join{h, reader};

    Progress progress("importing " + name);
    std::optional<Store::Saving> saving;
    std::size_t written = 0;
    for (;;) {
        std::vector<Membership> batch;
        {
            std::unique_lock lock(h.mutex);
            h.changed.wait(lock, [&] { return !h.ready.empty() || h.read_ended; });
            if (h.ready.empty() || h.read_failed) break;
            batch = std::move(h.ready.front());
            h.ready.pop_front();
            h.changed.notify_all();
        }
        if (!saving) {
            // h.so_far's municipalities and arrangements no longer change; the
            // reading thread only adds memberships (and later files) meanwhile.
            store.emplace(db, Store::Mode::read_write);
            saving.emplace(*store, name, imported_at);
            saving->municipalities(h.so_far->municipalities);
            saving->arrangements(h.so_far->arrangements);
            saving->expect_memberships(builder.expected_memberships());
            std::lock_guard lock(h.mutex);
            h.so_far_written = true;
            h.changed.notify_all();
        }
        for (const auto& m : batch) saving->membership(m);
        written += batch.size();
        progress.update(std::to_string(written) + " memberships written");
    }
    bool read_failed = false;
    {
        std::lock_guard lock(h.mutex);
        read_failed = h.read_failed;
    }
    if (saving && !read_failed) saving->build_index();
    reader.join();
    if (read_error) std::rethrow_exception(read_error);
    progress.done();
    if (saving) {
        saving->use_snapshot(std::move(encoded));
        saving->complete(d);
    } else {
        store.emplace(db, Store::Mode::read_write);  // no membership was read: nothing was written yet
        store->save(d, imported_at);
    }
    created.keep = true;
}

void run(const ImportCommand& cmd) {
    ImportOptions options;
    options.keep_going = cmd.keep_going;
    // Without --as every input becomes its own dataset named after it;
    // with --as all inputs are merged into one.
    std::vector<std::pair<std::string, std::vector<std::filesystem::path>>> jobs;
    if (!cmd.as.empty()) {
        jobs.push_back({cmd.as, {}});
        for (const auto& i : cmd.inputs) jobs.back().second.emplace_back(i);
    } else {
        for (const auto& i : cmd.inputs) {
            auto p = std::filesystem::path(i).lexically_normal();
            if (!p.has_filename()) p = p.parent_path();  // "bundle/" names the folder
            auto name = std::filesystem::is_directory(p) ? p.filename().string() : p.stem().string();
            if (name.empty() || name == "." || name == "..")
                name = std::filesystem::absolute(p).lexically_normal().filename().string();
            jobs.push_back({name, {p}});
        }
    }
    if (!cmd.onto.empty() && jobs.size() != 1)
        throw UsageError("--onto merges one input (or several with --as) onto a dataset");
    // The dataset an inventory is merged onto, read before anything is written.
    std::optional<Dataset> base;
    if (!cmd.onto.empty()) base = Store(global().db, Store::Mode::read_only).load(cmd.onto);
    // One input whose importer reads municipalities and arrangements first:
    // written while it is read.
    if (jobs.size() == 1 && jobs.front().second.size() == 1 && !base) {
        const auto& [name, paths] = jobs.front();
        const auto& importer = importer_for(paths.front(), cmd.format);
        if (importer.municipalities_and_arrangements_first()) {
            ImportReport report;
            import_while_reading(global().db, importer, paths.front(), name, cmd, options, utc_now(), report);
            print_report(report, name, cmd.keep_going);
            return;
        }
    }
    // Anything else: read and validate everything before the database is touched.
    std::vector<std::pair<Dataset, ImportReport>> ready;
    for (const auto& [name, paths] : jobs) {
        ModelBuilder builder(name);
        ImportReport report;
        Progress progress("importing " + name);
        for (const auto& p : paths) {
            progress.update(p.string());
            importer_for(p, cmd.format).read(p, builder, report, options);
        }
        progress.done();
        auto d = builder.finish();
        if (base) {
            const auto added = d.arrangements.size();
            d = workbook::merge_onto(*base, d);
            report.notice("merged onto " + cmd.onto + ": " + std::to_string(added) + " arrangements from the input, " +
                          std::to_string(d.arrangements.size()) + " in all");
        }
        name_and_provenance(d, name, cmd);
        ready.emplace_back(std::move(d), std::move(report));
    }
    RemoveIfCreated created(global().db);
    Store store(global().db, Store::Mode::read_write);
    const auto now = utc_now();
    for (auto& [d, report] : ready) {
        store.save(d, now);
        created.keep = true;
        print_report(report, d.name, cmd.keep_going);
    }
}

}  // namespace

void setup_import(CLI::App& app) {
    auto cmd = std::make_shared<ImportCommand>();
    auto* sub = app.add_subcommand("import", "Import bundles or registers into the database (one transaction per dataset)");
    sub->add_option("inputs", cmd->inputs, "bundle folders or register files")->required();
    sub->add_option("--as", cmd->as, "dataset name (default: the folder name; with several inputs: merge them)");
    sub->add_option("--input-format", cmd->format, "importer to use instead of detecting it (bundle, ...)");
    sub->add_option("--source", cmd->source, "the dataset's source text (default: what the importers say)");
    sub->add_option("--reference-date", cmd->reference_date, "the date the data describe (default: from the inputs)");
    sub->add_option("--onto", cmd->onto,
                    "merge the input onto this dataset (an inventory onto the dataset it was made from)");
    sub->add_flag("--keep-going", cmd->keep_going, "report every bad row and import the rest");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
