// regionet report [--out DIR] [--lang nl|en] [--province P | --division D | --region R]
//                 [--municipality CODE] [--stamp] [--pdf]
// The main job: from the dataset (the embedded default when the database is
// empty) through every analysis pass to a board report in DIR: report.html
// (self-contained), report.md with its figures in DIR/maps/, report.pdf on
// request when a headless Chromium is installed.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/congruence.hpp"
#include "analysis/load.hpp"
#include "analysis/overlap.hpp"
#include "analysis/partners.hpp"
#include "analysis/screen.hpp"
#include "analysis/classify.hpp"
#include "analysis/services.hpp"
#include "app/cli.hpp"
#include "render/map_services.hpp"
#include "render/report_services.hpp"
#include "app/commands.hpp"
#include "render/map.hpp"
#include "render/report_build.hpp"
#include "render/report_texts.hpp"

extern char** environ;

namespace regionet::app {

namespace {

namespace fs = std::filesystem;
namespace rep = render::report;

struct ReportCommand {
    std::string out = "report";
    std::string lang = "nl";
    analysis::Filter filter;
    std::string municipality;
    bool stamp = false;
    bool pdf = false;
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string fmt(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// The first executable of the given names on PATH.
std::optional<fs::path> find_program(const std::vector<std::string>& names) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    for (const auto& name : names) {
        std::istringstream dirs(path);
        std::string dir;
        while (std::getline(dirs, dir, ':')) {
            if (dir.empty()) continue;
            const fs::path p = fs::path(dir) / name;
            if (::access(p.c_str(), X_OK) == 0) return p;
        }
    }
    return std::nullopt;
}

// Prints html to pdf with headless Chromium in a fresh profile; output goes to
// a temporary file renamed into place.
void print_pdf(const fs::path& html, const fs::path& pdf) {
    auto chromium = find_program({"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"});
    if (!chromium) throw Error("--pdf needs a headless Chromium (Debian package chromium); none found on PATH");
    std::string profile_template = (fs::temp_directory_path() / "regionet-chromium-XXXXXX").string();
    if (!::mkdtemp(profile_template.data())) throw Error("--pdf: cannot create a temporary profile folder");
    const fs::path profile = profile_template;
    auto tmp = pdf;
    tmp += ".tmp-" + std::to_string(::getpid());
    std::vector<std::string> args{chromium->string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                  "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + profile.string(),
                                  "--print-to-pdf=" + fs::absolute(tmp).string(), "file://" + fs::absolute(html).string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (rc == 0) ::waitpid(pid, &status, 0);
    std::error_code ec;
    fs::remove_all(profile, ec);
    if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(tmp) || fs::file_size(tmp) == 0) {
        fs::remove(tmp, ec);
        throw Error("--pdf: " + chromium->string() + " failed to print " + html.string());
    }
    fs::rename(tmp, pdf, ec);
    if (ec) throw Error(pdf.string() + ": cannot replace: " + ec.message());
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

std::string describe_scope(const ReportCommand& cmd, rep::Lang lang) {
    const bool nl = lang == rep::Lang::nl;
    if (!cmd.filter.province.empty()) return (nl ? "provincie " : "province ") + cmd.filter.province;
    if (!cmd.filter.region.empty()) return (nl ? "regio " : "region ") + cmd.filter.region;
    if (!cmd.filter.division.empty()) return (nl ? "regio-indeling " : "division ") + cmd.filter.division;
    return {};
}

// The map views of the report: the network (or, with --municipality, that
// municipality's own network), the overlap of arrangements and one regional
// division. A view Graphviz cannot draw (too large, nothing to draw) becomes
// a note in the report, never a failed report.
// Kind of task, motive and who serves whom (render/report_services.cpp), with the services map.
void add_services_section(rep::ReportInput& in, const Dataset& d, rep::Lang lang) {
    const auto path = data_dir() / "classification.toml";
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Error(path.string() + ": cannot read the classification rules");
    std::ostringstream text;
    text << file.rdbuf();
    const auto classes = analysis::classify(d, analysis::parse_classification_rules(text.str(), path.string()));
    const auto services = analysis::services(d);
    rep::ServicesSectionInput s{&d, &classes, &services, {}, 5};
    if (!services.links.empty()) {
        render::map::Style style;
        style.id_prefix = "svc-";
        style.caption = "Dataset " + d.name;
        s.map_svg = render::map::services(d, services, style, render::map::Format::svg);
    }
    in.extra_sections.push_back(rep::services_section(s, lang));
}

void draw_maps(rep::ReportInput& in, const Dataset& d, const analysis::Projection& projection,
               const std::vector<analysis::OverlapRow>& overlap_rows, const analysis::LoadResult& load,
               const analysis::CommunityResult& comm, const std::string& focus, rep::Lang lang) {
    namespace map = render::map;
    const auto where = in.dataset_name + (in.scope.empty() ? "" : ", " + in.scope);
    auto add = [&](const std::string& file, const std::string& title, const std::string& caption, const std::string& alt,
                   const std::function<std::string(const map::Style&)>& draw) {
        map::Style style;
        style.title = title;
        style.caption = caption + " (" + where + ")";
        try {
            in.maps.push_back({file, draw(style), caption, alt});
        } catch (const RenderError& e) {
            in.map_notes.push_back(title + ": " + e.what());
        }
    };
    const auto n = std::to_string(d.municipalities.size());
    if (!focus.empty()) {
        const auto m = *d.municipality_index(focus);
        const auto& name = d.municipalities[m].name;
        add("ego.svg", rep::trf(lang, "map.ego.title", {name}), rep::trf(lang, "map.ego.caption", {name}),
            rep::trf(lang, "map.ego.alt", {name}), [&](const map::Style& style) {
                map::EgoInput e;
                e.dataset = &d;
                e.municipality = m;
                return map::ego(e, style, map::Format::svg);
            });
    } else if (!projection.edges.empty()) {
        add("network.svg", rep::tr(lang, "map.network.title"), rep::tr(lang, "map.network.caption"),
            rep::trf(lang, "map.network.alt", {n}), [&](const map::Style& style) {
                map::NetworkInput e;
                e.dataset = &d;
                e.projection = &projection;
                e.size.measure = lang == rep::Lang::nl ? "gewogen last" : "weighted load";
                for (const auto& x : load.municipalities) e.size.values.push_back(x.weighted_load);
                e.colour.by = lang == rep::Lang::nl ? "cluster" : "cluster";
                for (auto c : comm.community) e.colour.group.push_back(c > 0 ? c - 1 : -1);
                for (std::size_t k = 1; k <= comm.community_count; ++k)
                    e.colour.names.push_back(rep::trf(lang, "map.legend.cluster", {std::to_string(k)}));
                if (comm.community_count == 0) e.colour = {};
                return map::network(e, style, map::Format::svg);
            });
    }
    if (!overlap_rows.empty()) {
        add("overlap.svg", rep::tr(lang, "map.overlap.title"), rep::tr(lang, "map.overlap.caption"),
            rep::trf(lang, "map.overlap.alt", {std::to_string(overlap_rows.size())}), [&](const map::Style& style) {
                map::OverlapInput e;
                e.dataset = &d;
                e.rows = &overlap_rows;
                return map::overlap(e, style, map::Format::svg);
            });
    }
    const auto divisions = d.divisions();
    if (!divisions.empty()) {
        std::string division = divisions.front();
        for (const auto& x : divisions)
            if (x.find("veiligheid") != std::string::npos) {
                division = x;
                break;
            }
        analysis::Filter ordinary;
        ordinary.division = "none";
        const auto ordinary_d = analysis::apply(d, ordinary);  // keeps all municipalities, in order
        const auto ties = analysis::project_municipalities(ordinary_d);
        add("division.svg", rep::trf(lang, "map.division.title", {division}), rep::trf(lang, "map.division.caption", {division}),
            rep::trf(lang, "map.division.alt", {division}), [&](const map::Style& style) {
                map::DivisionInput e;
                e.dataset = &d;
                e.division = division;
                e.region = analysis::division_labels(d, division);
                e.projection = &ties;
                return map::division(e, style, map::Format::svg);
            });
    }
}

void run(const ReportCommand& cmd) {
    const auto lang = rep::parse_lang(cmd.lang);
    Progress progress("report");
    auto loaded = load_dataset(true);
    const Dataset dataset = cmd.filter.empty() ? loaded.dataset : analysis::apply(loaded.dataset, cmd.filter);
    const auto& name = loaded.dataset.name;
    if (dataset.municipalities.empty())
        throw UsageError("no municipalities left in dataset " + name + " after the filter (" + cmd.filter.describe() + ")");
    std::string focus;
    if (!cmd.municipality.empty()) {
        if (dataset.find_municipality(cmd.municipality)) focus = cmd.municipality;
        for (const auto& m : dataset.municipalities)
            if (focus.empty() && m.name == cmd.municipality) focus = m.code;
        if (focus.empty())
            throw UsageError("no municipality '" + cmd.municipality + "' in dataset " + name + " (give a code or exact name)");
    }

    rep::ReportInput in;
    in.dataset = &dataset;
    in.dataset_name = name;
    in.scope = describe_scope(cmd, lang);
    in.municipality = focus;
    in.version = REGIONET_VERSION;
    if (cmd.stamp) in.stamp = utc_now();

    progress.update("projection");
    const auto projection = analysis::project_municipalities(dataset);
    in.projection = &projection;

    progress.update("overlap");
    // Every pair sharing a member (nesting shows at any Jaccard); the map
    // draws the pairs above the usual cut only.
    analysis::OverlapOptions overlap_options;
    overlap_options.min_jaccard = 0.0;
    const double map_min_jaccard = 0.5;
    const auto overlap_rows = analysis::overlap(dataset, overlap_options);
    const Table overlap = analysis::to_table(overlap_rows);
    // The rows come sorted by Jaccard (descending): the strongest pairs, at
    // most map_max_pairs, keep the drawing legible (and quick to lay out).
    const std::size_t map_max_pairs = 150;
    std::vector<analysis::OverlapRow> map_rows;
    for (const auto& r : overlap_rows)
        if (r.jaccard >= map_min_jaccard && map_rows.size() < map_max_pairs) map_rows.push_back(r);
    in.settings.push_back({lang == rep::Lang::nl ? "Overlapkaart: minimale Jaccard-index" : "Overlap map: minimum Jaccard index",
                           fmt(map_min_jaccard)});
    in.settings.push_back({lang == rep::Lang::nl ? "Overlapkaart: hoogstens paren" : "Overlap map: at most pairs",
                           std::to_string(map_max_pairs)});
    in.settings.push_back({lang == rep::Lang::nl ? "Drempel kandidaat-dubbeling (Jaccard)" : "Redundancy threshold (Jaccard)",
                           fmt(overlap_options.redundancy_threshold)});

    progress.update("load");
    analysis::LoadWeights weights;
    const auto weights_file = data_dir() / "weights.toml";
    if (fs::exists(weights_file)) weights = analysis::parse_weights(read_text(weights_file), weights_file.filename().string());
    const auto load = analysis::load(dataset, weights);
    const Table load_m = analysis::municipality_table(load);
    const Table load_a = analysis::arrangement_table(load);
    {
        const bool nl = lang == rep::Lang::nl;
        std::set<std::string> forms;
        for (const auto& a : dataset.arrangements) forms.insert(a.form);
        for (const auto& f : forms)
            in.settings.push_back({(nl ? "Vergaderingen per jaar: " : "Meetings per year: ") + rep::form_label(lang, f), fmt(weights.form(f))});
        for (Role r : {Role::member, Role::host, Role::client})
            in.settings.push_back({(nl ? "Factor voor rol " : "Factor for role ") + rep::role_label(lang, to_string(r)), fmt(weights.role(r))});
        in.settings.push_back({nl ? "Vergaderingen per bestuurszetel" : "Meetings per board seat", fmt(weights.meetings_per_seat)});
        in.settings.push_back({nl ? "Aangenomen zetels waar onbekend" : "Seats assumed where unknown", fmt(weights.unknown_seats)});
    }

    progress.update("centrality");
    const auto cent = analysis::centrality(dataset);
    const Table cent_m = analysis::municipality_table(dataset, cent);
    in.settings.push_back({lang == rep::Lang::nl ? "Tussenpositie" : "Betweenness", cent.betweenness_method});

    progress.update("communities");
    const analysis::CommunityOptions community_options;
    const auto comm = analysis::communities(dataset, community_options);
    const Table comm_t = analysis::to_table(dataset, comm);
    const Table agree_t = analysis::agreement_table(comm);
    in.settings.push_back({lang == rep::Lang::nl ? "Clustermethode" : "Cluster method",
                           std::string(analysis::to_string(community_options.method)) + ", seed " +
                               std::to_string(community_options.seed)});

    progress.update("congruence");
    const auto cong = analysis::congruence(dataset, {});
    const Table cong_d = analysis::divisions_table(cong);

    progress.update("screening");
    analysis::ScreenOptions screen_options;
    const auto screen_file = data_dir() / "screening.toml";
    if (fs::exists(screen_file))
        screen_options = analysis::parse_screen_options(read_text(screen_file), screen_file.filename().string());
    const auto findings = analysis::screen(dataset, screen_options);
    const Table screen_t = analysis::to_table(dataset, findings, lang == rep::Lang::nl ? "nl" : "en");

    progress.update("partners");
    Table suggestions;
    suggestions.name = "partner_suggestions";
    suggestions.columns = {{"municipality", "the municipality the suggestion is for"},
                           {"partner", "code of the suggested partner"},
                           {"score", "partner score (see regionet partners --help)"},
                           {"reasons", "why, in the report's language"}};
    analysis::PartnerOptions partner_options;
    partner_options.top = 3;
    partner_options.new_only = true;
    for (const auto& m : dataset.municipalities) {
        if (!focus.empty() && m.code != focus) continue;
        for (const auto& c : analysis::partners(dataset, m.code, partner_options)) {
            std::string reasons;
            for (const auto& r : lang == rep::Lang::nl ? c.reasons_nl : c.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
            suggestions.rows.push_back({m.code, dataset.municipalities[c.municipality].code, c.score, reasons});
        }
    }

    progress.update("maps");
    draw_maps(in, dataset, projection, map_rows, load, comm, focus, lang);
    add_services_section(in, dataset, lang);  // issue 18: tasks, motives, who serves whom

    in.tables = {&overlap, &load_m, &load_a, &cent_m, &comm_t, &agree_t, &cong_d, &screen_t, &suggestions};
    progress.update("storing results");
    save_results(name, in.tables);

    progress.update("writing");
    const auto doc = rep::build_report(in, lang);
    const fs::path dir = cmd.out;
    fs::create_directories(dir / "maps");
    std::ostringstream html, md;
    rep::write_html(doc, html);
    rep::write_markdown(doc, md, "maps");
    std::size_t figures = 0;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (const auto* f = std::get_if<rep::Figure>(&b)) {
                write_file_atomic(dir / "maps" / f->file, f->svg);
                ++figures;
            }
    write_file_atomic(dir / "report.md", md.str());
    write_file_atomic(dir / "report.html", html.str());
    if (cmd.pdf) {
        progress.update("pdf");
        print_pdf(dir / "report.html", dir / "report.pdf");
    }
    progress.done();
    if (!global().quiet) {
        std::cout << (dir / "report.html").string() << "\n" << (dir / "report.md").string() << "\n";
        if (cmd.pdf) std::cout << (dir / "report.pdf").string() << "\n";
        std::cout << figures << " figure" << (figures == 1 ? "" : "s") << " in " << (dir / "maps").string() << "\n";
    }
}

}  // namespace

void setup_report(CLI::App& app) {
    auto cmd = std::make_shared<ReportCommand>();
    auto* sub = app.add_subcommand("report", "Board report: HTML (self-contained) and Markdown, PDF with --pdf");
    sub->add_option("--out", cmd->out, "output folder (created if needed)")->capture_default_str();
    sub->add_option("--lang", cmd->lang, "language of the report")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    auto* p = sub->add_option("--province", cmd->filter.province, "only municipalities of this province");
    auto* d = sub->add_option("--division", cmd->filter.division, "only regions of this division ('none': only ordinary arrangements)");
    auto* r = sub->add_option("--region", cmd->filter.region, "only municipalities in this region (id or name)");
    p->excludes(d)->excludes(r);
    d->excludes(r);
    sub->add_option("--municipality", cmd->municipality, "open with this municipality (code or exact name); profile only this one");
    sub->add_flag("--stamp", cmd->stamp, "put the date and time of making in the report (off: output is reproducible)");
    sub->add_flag("--pdf", cmd->pdf, "also print report.pdf (A4) with a headless Chromium, when installed");
    sub->callback([cmd] { run(*cmd); });
}

}  // namespace regionet::app
